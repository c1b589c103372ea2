import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import { audit } from './a11y-helpers';
import { clickEmptyCanvas, collectErrors, mod, node, openApp } from './canvas-helpers';

// A CASE package opened directly — Open…, a drop, ?open= — is imported as Import ▸ CASE package "as a
// framework" does: a new, unsaved framework named after the package, with the import report. It was
// refused with "This is a CASE package, not a Progressions framework file. Import it …".

const FIXTURES = join(import.meta.dirname, '../fixtures/case');
const NO_POSITIONS = 'two-strands-no-positions.case-1.0.json';
const SBAC = join(import.meta.dirname, '../../../shared/reference/case/packages/sbac_math-content-specification_v1p0.json');
const SHOTS = process.env.SHOTS_DIR;

test.beforeEach(async ({ page }) => {
  // file input + download (the fallback of browsers without the File System Access API)
  await page.addInitScript(() => localStorage.setItem('progressions.fsAccess', 'off'));
});

const report = (page: Page) => page.getByTestId('case-opened');

/** Drops a file on the window as the desktop's file manager would. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      const target = document.querySelector('[data-testid="canvas"]') ?? document.body;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, text },
  );
}

test('?open= of a CASE package imports it with its report; Save asks for a new file', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, `?open=/fixtures/case/${NO_POSITIONS}`);
  const dialog = report(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('h3')).toHaveText(/Two strands, no positions\s*CASE 1.0/);
  await expect(dialog.getByTestId('case-opened-what')).toContainText(`${NO_POSITIONS} is a CASE package, so it was imported as a new framework`);
  await expect(dialog.getByTestId('case-opened-what')).toContainText('Save asks where to keep it');
  await expect(dialog.locator('.pub-summary')).toContainText('12 items');
  expect(await audit(page, 'the report of a CASE package opened')).toEqual([]);
  await dialog.getByTestId('case-opened-ok').click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('doc-name')).toHaveText(/^Two strands, no positions/);
  await expect(page.getByTestId('dirty-mark')).toBeVisible();
  await expect(page).toHaveTitle('• Two strands, no positions — Progressions');
  await expect(page.locator('.react-flow__node-competency').first()).toBeVisible();

  // Save: a new file named after the framework, never the package's name
  await clickEmptyCanvas(page);
  const downloadPromise = page.waitForEvent('download');
  await page.keyboard.press(`${mod}+s`);
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('two-strands-no-positions.json');
  const path = test.info().outputPath('saved.json');
  await download.saveAs(path);
  const saved = loadFrameworkText(readFileSync(path, 'utf8'));
  expect(saved.ok && saved.value.framework.title).toBe('Two strands, no positions');
  expect(saved.ok && Object.keys(saved.value.framework.competencies).length).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('Open… of a CASE package imports it; unsaved changes are asked about first', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTitle(/^Open/).first().click();
  await (await chooser).setFiles(join(FIXTURES, 'sample.case-1.1.json'));
  const dialog = report(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('h3')).toHaveText(/Grade 3–5 Fractions\s*CASE 1.1/);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByTestId('doc-name')).toHaveText(/^Grade 3–5 Fractions/);
  await expect(page.getByTestId('dirty-mark')).toBeVisible();

  // the imported framework is unsaved: dropping another package asks first, and Cancel keeps it
  await dropFile(page, NO_POSITIONS, readFileSync(join(FIXTURES, NO_POSITIONS), 'utf8'));
  const ask = page.getByTestId('confirm-dialog');
  await expect(ask).toContainText('Discard the unsaved changes to “Grade 3–5 Fractions”?');
  await expect(ask.getByTestId('confirm-cancel')).toBeFocused();
  await ask.getByTestId('confirm-cancel').click();
  await expect(ask).toHaveCount(0);
  await expect(report(page)).toBeHidden();
  await expect(page.getByTestId('doc-name')).toHaveText(/^Grade 3–5 Fractions/);
  expect(errors).toEqual([]);
});

test('a CASE package dropped on the window imports it with its report', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();
  await dropFile(page, NO_POSITIONS, readFileSync(join(FIXTURES, NO_POSITIONS), 'utf8'));
  await expect(report(page)).toBeVisible();
  await expect(report(page).locator('h3')).toContainText('Two strands, no positions');
  await page.keyboard.press('Escape');
  await expect(report(page)).toBeHidden();
  await expect(page.getByTestId('doc-name')).toHaveText(/^Two strands, no positions/);
  await expect(node(page, 'FR.3.1')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a CASE package that cannot be read says why, as Import does, and the open map stays', async ({ page }) => {
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTitle(/^Open/).first().click();
  await (await chooser).setFiles({ name: 'state-math.json', mimeType: 'application/json', buffer: Buffer.from('{ "CFDocument": ["not", "a", "document"], "CFItems": [] }') });
  await expect(page.getByRole('alert').filter({ hasText: 'state-math.json' })).toHaveText(
    'Could not import state-math.json: /CFDocument must be an object, found an array. (at /CFDocument)',
  );
  await expect(report(page)).toBeHidden();
  await expect(node(page, 'FR.3.1')).toBeVisible();
  await expect(page.getByTestId('doc-name')).toHaveText('grade3-5-fractions.json');
});

test.describe('a real state package', () => {
  test.skip(!existsSync(SBAC), `skipped: the Smarter Balanced package is not at ${SBAC} (../shared is absent in a user's own clone)`);

  test('the 4 MB Smarter Balanced math package opens by ?open= with its report', async ({ page }) => {
    const errors = collectErrors(page);
    // served from this site as a district would publish it: the page fetches the package it is given
    await page.route((url) => url.pathname === '/state/sbac-math.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(SBAC) }));
    await openApp(page, '?open=/state/sbac-math.json');
    const dialog = report(page);
    await expect(dialog).toBeVisible({ timeout: 30_000 });
    await expect(dialog.locator('h3')).toContainText('Smarter Balanced Math Content Specification');
    await expect(dialog.locator('.pub-summary')).toContainText('585 items');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'open-case-sbac-report.png') });
    await dialog.getByTestId('case-opened-ok').click();
    await expect(page.getByTestId('doc-name')).toHaveText(/^Smarter Balanced Math Content Specification/);
    await expect(page.locator('.react-flow__node-competency, .react-flow__node').first()).toBeVisible();
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'open-case-sbac-map.png') });
    expect(errors).toEqual([]);
  });
});
