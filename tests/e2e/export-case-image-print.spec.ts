import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, node, openApp } from './canvas-helpers';

const SHOTS = process.env.SHOTS_DIR;
const EXAMPLE = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/examples/grade3-5-fractions.json'), 'utf8')) as {
  framework: { title: string; domains: unknown[]; competencies: Record<string, { phases: Record<string, { indicators: unknown[] }> }>; prerequisites: Record<string, unknown> };
};

test.beforeEach(async ({ page }) => {
  // File input + download instead of the File System Access pickers; count print requests.
  await page.addInitScript(() => {
    localStorage.setItem('progressions.fsAccess', 'off');
    (window as unknown as { __prints: number }).__prints = 0;
    window.print = () => {
      (window as unknown as { __prints: number }).__prints++;
    };
  });
});

async function exportAs(page: Page, format: string): Promise<{ name: string; text: string }> {
  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.locator(`[data-format="${format}"]`).click();
  const download = page.waitForEvent('download');
  await dialog.getByTestId('export-run').click();
  const d = await download;
  const path = await d.path();
  return { name: d.suggestedFilename(), text: readFileSync(path, 'latin1') };
}

test('exports CASE 1.1 from the UI: the downloaded package is the framework', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();

  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  // CASE 1.1 is the default; a base URI that is not absolute is refused before exporting.
  await expect(dialog.locator('[data-format="case-1.1"] input')).toBeChecked();
  await dialog.getByLabel('Base URI of identifiers’ URIs').fill('not a uri');
  await expect(dialog.getByTestId('export-run')).toBeDisabled();
  await dialog.getByLabel('Base URI of identifiers’ URIs').fill('https://case.example.org/ims/case/v1p1');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/export-dialog.png` });
  const download = page.waitForEvent('download');
  await dialog.getByTestId('export-run').click();
  const d = await download;
  expect(d.suggestedFilename()).toBe('grade-3-5-fractions-progression.case-1.1.json');
  const pkg = JSON.parse(readFileSync(await d.path(), 'utf8')) as {
    CFDocument: { title: string; caseVersion?: string; uri: string };
    CFItems: { CFItemType?: string; uri: string }[];
    CFAssociations: { associationType: string }[];
  };
  const fw = EXAMPLE.framework;
  expect(pkg.CFDocument.title).toBe(fw.title);
  expect(pkg.CFDocument.caseVersion).toBe('1.1');
  expect(pkg.CFDocument.uri.startsWith('https://case.example.org/ims/case/v1p1/')).toBe(true);
  // One item per domain, competency and performance indicator.
  const indicators = Object.values(fw.competencies).reduce((n, c) => n + Object.values(c.phases).reduce((m, p) => m + p.indicators.length, 0), 0);
  expect(pkg.CFItems).toHaveLength(fw.domains.length + Object.keys(fw.competencies).length + indicators);
  expect(pkg.CFItems.filter((i) => i.CFItemType === 'Competency')).toHaveLength(Object.keys(fw.competencies).length);
  expect(pkg.CFAssociations.filter((a) => a.associationType === 'precedes')).toHaveLength(Object.keys(fw.prerequisites).length);
  await expect(dialog).toBeHidden();
  expect(errors).toEqual([]);
});

test('refuses CASE and LMS exports of a framework with validation errors unless "export anyway"', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/fixtures/frameworks/cycle.json');
  await expect(node(page, 'NF.4')).toBeVisible();
  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  const blocked = dialog.getByTestId('export-blocked');
  await expect(blocked).toContainText('1 validation error');
  await expect(blocked).toContainText('NF.2 → NF.3 → NF.4 → NF.2');
  await expect(dialog.getByTestId('export-run')).toBeDisabled();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/export-blocked.png` });
  // Moodle is refused too; our own JSON is not.
  await dialog.locator('[data-format="moodle"]').click();
  await expect(dialog.getByTestId('export-run')).toBeDisabled();
  await dialog.locator('[data-format="json"]').click();
  await expect(blocked).toBeHidden();
  await expect(dialog.getByTestId('export-run')).toBeEnabled();
  await dialog.locator('[data-format="case-1.0"]').click();
  await dialog.getByTestId('export-anyway').check();
  const download = page.waitForEvent('download');
  await dialog.getByTestId('export-run').click();
  const pkg = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { CFDocument: { title: string; caseVersion?: string } };
  expect(pkg.CFDocument.title).toBe('Framework with a prerequisite cycle');
  expect(pkg.CFDocument.caseVersion).toBeUndefined();
  expect(errors).toEqual([]);
});

test('exports the map as PNG and SVG, and opens the printable mastery map for printing', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();
  // close enough for the canvas's dotted background to be drawn (it lies in the map's layer, around the view)
  for (let i = 0; i < 4 && (await page.locator('.map-dots').count()) === 0; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page.locator('.map-dots')).toHaveCount(1);

  const png = await exportAs(page, 'png');
  expect(png.name).toBe('grade-3-5-fractions-progression.png');
  expect(png.text.slice(0, 8)).toBe('\x89PNG\r\n\x1a\n');
  const svg = await exportAs(page, 'svg');
  expect(svg.name).toBe('grade-3-5-fractions-progression.svg');
  expect(svg.text).toContain('<svg');
  expect(svg.text).toContain('FR.3.1');
  // ... and is not in the image
  expect(svg.text).not.toContain('map-dots');
  expect(svg.text).not.toContain('radial-gradient');

  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.locator('[data-format="html"]').click();
  await dialog.getByRole('radio', { name: 'Letter', exact: true }).check();
  await dialog.getByRole('radio', { name: 'Teachers', exact: true }).check();
  await dialog.getByTestId('export-run').click();
  const preview = page.getByTestId('print-preview');
  await expect(preview).toBeVisible();
  await expect(preview.locator('h1')).toHaveText('Grade 3–5 Fractions Progression');
  await expect(preview.locator('section.map img')).toBeVisible();
  expect(await preview.locator('section.map img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(200);
  await expect(preview.locator('article')).toHaveCount(36);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/print-preview.png` });
  await preview.getByTestId('print-now').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
  await preview.getByRole('button', { name: 'Close' }).click();
  await expect(preview).toBeHidden();
  expect(errors).toEqual([]);
});

test('exports the competency, Moodle and Canvas CSV files from the UI', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();
  const n = Object.keys(EXAMPLE.framework.competencies).length;

  const csv = await exportAs(page, 'csv');
  expect(csv.name).toBe('grade-3-5-fractions-progression.competencies.csv');
  expect(csv.text.startsWith('\xEF\xBB\xBF"Code","Statement"')).toBe(true); // UTF-8 BOM (read as latin1), quoted
  expect(csv.text).toContain('"FR.3.1"');

  const moodle = await exportAs(page, 'moodle');
  expect(moodle.name).toBe('grade-3-5-fractions-progression.moodle.csv');
  expect(moodle.text).toContain('"Parent ID number","ID number","Short name"');

  const canvas = await exportAs(page, 'canvas');
  expect(canvas.name).toBe('grade-3-5-fractions-progression.canvas-outcomes.csv');
  expect(canvas.text.split('\n')[0]).toContain('vendor_guid,object_type,title');
  expect(canvas.text.split('\n').filter((l) => /,outcome,/.test(l))).toHaveLength(n);
  expect(errors).toEqual([]);
});
