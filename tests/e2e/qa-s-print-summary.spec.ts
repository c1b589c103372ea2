import { expect, test, type Page } from '@playwright/test';
import { generateFramework } from '../../bench/generate';
import { PDF_PRINT_OPTIONS } from '../../src-core/export/printable';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { audit } from './a11y-helpers';
import { collectErrors, node, openApp, openGenerated } from './canvas-helpers';

// Printing a large map: the Export dialog's printable map as a summary (a table row per competency, a box per
// phase to tick) and of part of the map (a domain, a grade, the selection). In full, a 2,000-competency map
// printed about 1,000 pages.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('progressions.fsAccess', 'off');
    window.print = () => undefined;
  });
});

/** The number of pages of a PDF. */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

async function openPrintable(page: Page) {
  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.locator('[data-format="html"]').click();
  return dialog;
}

/** Previews, prints to PDF as the desktop app does, closes the preview; the preview's summary rows and the page count. */
async function previewPages(page: Page): Promise<{ rows: string[]; pages: number }> {
  await page.getByTestId('export-dialog').getByTestId('export-run').click();
  const preview = page.getByTestId('print-preview');
  await expect(preview).toBeVisible();
  const rows = await preview.locator('table.summary tbody td.cid').allTextContents();
  await page.emulateMedia({ media: 'print' });
  const pages = pageCount(await page.pdf({ ...PDF_PRINT_OPTIONS }));
  await page.emulateMedia({ media: 'screen' });
  await preview.getByRole('button', { name: 'Close' }).click();
  await expect(preview).toHaveCount(0);
  return { rows, pages };
}

test('the printable map prints as a summary, of one domain, of one grade or of the selection', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();

  // the whole map in full, then as a summary: the same 36 competencies on far fewer pages
  let dialog = await openPrintable(page);
  await expect(dialog.getByRole('radio', { name: 'Full', exact: true })).toBeChecked(); // a small map starts in full
  await expect(dialog.getByTestId('print-count')).toHaveText('36 of 36 competencies (the whole map).');
  await expect(dialog.getByTestId('print-picture')).toBeChecked();
  const full = await previewPages(page);
  expect(full.rows).toEqual([]);
  dialog = await openPrintable(page);
  await dialog.getByRole('radio', { name: 'Summary', exact: true }).check();
  await expect(dialog.locator('#print-layout-hint')).toContainText('a box per phase to tick');
  const summary = await previewPages(page);
  expect(summary.rows).toHaveLength(36);
  expect(new Set(summary.rows).size).toBe(36);
  expect(summary.pages).toBeLessThanOrEqual(5); // the picture of the map, the scale and 36 rows
  expect(full.pages).toBeGreaterThan(summary.pages * 5); // 37 pages in full

  // one domain: its six competencies, the header saying what was printed, a box per phase each, axe-clean
  dialog = await openPrintable(page);
  await dialog.getByRole('radio', { name: 'Summary', exact: true }).check();
  await dialog.getByTestId('print-domain').selectOption({ label: 'FR-EC Equivalence & Comparison' });
  await expect(dialog.getByTestId('print-count')).toHaveText('6 of 36 competencies.');
  await expect(dialog.getByTestId('print-picture')).toBeDisabled(); // the picture is of the whole map
  expect(await audit(page, 'Export dialog, printable map options')).toEqual([]);
  await dialog.getByTestId('export-run').click();
  const preview = page.getByTestId('print-preview');
  await expect(preview.locator('table.summary tbody tr')).toHaveCount(6);
  await expect(preview.getByText('FR-EC Equivalence & Comparison — 6 of 36 competencies')).toBeVisible();
  await expect(preview.locator('h2', { hasText: 'Understanding Fractions' })).toHaveCount(0);
  await expect(preview.locator('section.map img')).toHaveCount(0); // the picture is of the whole map
  await expect(preview.locator('table.summary tbody td.tick')).toHaveCount(6 * 4);
  expect(await audit(page, 'printable map summary of a domain')).toEqual([]);
  await preview.getByRole('button', { name: 'Close' }).click();

  // one grade of that domain; a grade the domain has no competency of is not offered
  dialog = await openPrintable(page);
  await dialog.getByRole('radio', { name: 'Summary', exact: true }).check();
  await dialog.getByTestId('print-domain').selectOption({ label: 'FR-EC Equivalence & Comparison' });
  const grades = await dialog.getByTestId('print-level').locator('option').allTextContents();
  expect(grades[0]).toBe('All grades');
  await dialog.getByTestId('print-level').selectOption({ label: grades[1]! });
  const oneGrade = Number(/^(\d+) of 36/.exec((await dialog.getByTestId('print-count').textContent()) ?? '')?.[1]);
  expect(oneGrade).toBeGreaterThan(0);
  expect(oneGrade).toBeLessThan(6);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // the selection: one card
  await node(page, 'FR.3.1').click();
  dialog = await openPrintable(page);
  await dialog.getByRole('radio', { name: 'Teachers', exact: true }).check();
  await dialog.getByRole('radio', { name: 'Summary', exact: true }).check();
  await dialog.getByTestId('print-selected').check();
  await expect(dialog.getByTestId('print-count')).toHaveText('1 of 36 competencies.');
  const selection = await previewPages(page);
  expect(selection.rows).toEqual(['FR.3.1']);
  expect(selection.pages).toBe(1);
  expect(errors).toEqual([]);
});

test('a large map starts as a summary, and the dialog says how big the full print would be', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  const big = generateFramework({ competencies: 600, seed: 11 });
  await openGenerated(page, 'big-print.json', serializeFramework(big), big.title);
  const dialog = await openPrintable(page);
  await expect(dialog.getByRole('radio', { name: 'Summary', exact: true })).toBeChecked();
  await expect(dialog.getByTestId('print-count')).toHaveText('600 of 600 competencies (the whole map).');
  // a picture of 600 competencies on one page cannot be read: off unless asked for
  await expect(dialog.getByTestId('print-picture')).not.toBeChecked();
  await dialog.getByRole('radio', { name: 'Full', exact: true }).check();
  await expect(dialog.getByTestId('print-count')).toContainText('in full that is hundreds of pages');
  await dialog.getByRole('radio', { name: 'Summary', exact: true }).check();
  const domain = big.domains[0]!;
  await dialog.getByTestId('print-domain').selectOption({ label: `${domain.code} ${domain.title}` });
  const inDomain = Object.values(big.competencies).filter((c) => c.domainId === domain.id).length;
  await expect(dialog.getByTestId('print-count')).toHaveText(`${inDomain} of 600 competencies.`);
  const { rows, pages } = await previewPages(page);
  expect(rows).toHaveLength(inDomain);
  expect(pages).toBeLessThanOrEqual(Math.ceil(inDomain / 20) + 1);
  expect(errors).toEqual([]);
});
