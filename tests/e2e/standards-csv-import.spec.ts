import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { collectErrors, newFramework, openApp } from './canvas-helpers';
import { pickCompetencyCsv, pickStandardsCsv } from './standards-helpers';

const SHOTS = process.env.SHOTS_DIR;
const CSV = join(import.meta.dirname, '../fixtures/standards/state-math-sample.csv');

test('imports a standards CSV through the column-mapping step, with a preview and row errors', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);

  const dialog = await pickStandardsCsv(page, CSV);

  // The headers are not ones the reader knows: only the statement column is guessed.
  await expect(dialog.getByTestId('csv-preview')).toContainText('3.NF.A.1');
  await expect(dialog.getByLabel('Code (human coding scheme)')).toHaveValue('');
  await expect(dialog.getByRole('button', { name: 'Add standards set' })).toBeEnabled();

  await dialog.getByLabel('Set title').fill('State math standards (sample)');
  await dialog.getByLabel('Code (human coding scheme)').selectOption({ label: 'Std' });
  await dialog.getByLabel('Grade level(s)').selectOption({ label: 'Lvl' });
  await dialog.getByLabel('Parent code').selectOption({ label: 'Up' });
  await dialog.getByLabel('Hierarchy').selectOption('parent-column');

  const report = dialog.getByTestId('csv-report');
  await expect(report).toContainText('7 standards');
  await expect(report).toContainText('1 row error');
  await expect(report).not.toContainText('1 row errors');
  await expect(report).toContainText('Row 9: parent "4.NF.A" is not in the file');
  await expect(report).toContainText('Row 8: standard 3.NF.A.9 has no statement');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/csv-import.png` });
  await dialog.getByTestId('import-apply').click();
  await expect(dialog).toBeHidden();

  // The browser shows the tree: 3.NF ▸ 3.NF.A ▸ 3.NF.A.1 …, filterable by grade.
  const browser = page.getByTestId('standards-panel');
  await expect(browser).toContainText('State math standards (sample)');
  const rows = browser.getByTestId('standard-row');
  await expect(rows).toHaveCount(7);
  await expect(rows.nth(0)).toHaveAttribute('data-code', '3.NF');
  await expect(rows.nth(1)).toHaveAttribute('data-code', '3.NF.A');
  await expect(rows.nth(2)).toHaveAttribute('data-code', '3.NF.A.1');
  await browser.getByRole('combobox', { name: 'Filter by grade' }).selectOption({ label: 'Gr 4' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-code', '4.NF.A.1');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/csv-browser.png` });
  expect(errors).toEqual([]);
});

test('opens a CASE package as a new framework (items become competencies, precedes become prerequisites)', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByTestId('open-import').click();
  const dialog = page.getByTestId('import-dialog');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByTestId('pick-case').click();
  await (await chooser).setFiles(join(import.meta.dirname, '../fixtures/case/sample.case-1.1.json'));
  await expect(dialog.getByTestId('case-report')).toContainText('CASE 1.1');
  // A package Progressions wrote is offered as a framework first.
  await expect(dialog.getByRole('radio', { name: /Open as a new framework/ })).toBeChecked();
  await dialog.getByTestId('import-apply').click();
  await expect(dialog).toBeHidden();
  // named after the package's title, as when the package itself is opened
  await expect(page.getByTestId('doc-name')).toContainText('Grade 3–5 Fractions');
  await expect(page.getByTestId('dirty-mark')).toBeVisible();
  await expect(page.locator('.react-flow__node-competency:has([data-code="NF.1"])')).toBeVisible();
  await expect(page.locator('.react-flow__node-competency:has([data-code="NF.2"])')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).not.toHaveCount(0);
  expect(errors).toEqual([]);
});

test('opens a competencies CSV as a new framework', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const dialog = await pickCompetencyCsv(page, join(import.meta.dirname, '../fixtures/golden/competencies.csv'));
  const report = dialog.getByTestId('competency-csv-report');
  await expect(report).toContainText('5 competencies');
  await expect(report).toContainText('4 prerequisite links');
  await expect(report).toContainText('0 row errors');
  await dialog.getByTestId('import-apply').click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(5);
  await expect(page.locator('.react-flow__node-competency:has([data-code="3.NF.3d"])')).toBeVisible();
  await expect(page.getByTestId('dirty-mark')).toBeVisible();
  expect(errors).toEqual([]);
});
