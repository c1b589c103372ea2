import { expect, test } from '@playwright/test';
import { newFramework, openApp } from './canvas-helpers';
import { pickCompetencyCsv } from './standards-helpers';

// A designer's hand-made competencies sheet with one broken prerequisite (an error: the link is left
// out) and one duplicated code (a warning). The summary counted "1 row errors" above a red list of two
// "row problems", so nobody could tell which one was the error; each count now has its own list.
test('the competencies CSV report counts row errors and warnings apart, each with its own list', async ({ page }) => {
  await openApp(page);
  await newFramework(page);
  const csv = 'Code,Statement,Domain,Education levels,Prerequisites\nA,Alpha,Number,3,\nB,Beta,Number,3,A\nC,Gamma,Number,3,Z\nA,Again,Number,3,\n';
  const dialog = await pickCompetencyCsv(page, { name: 'targets.csv', text: csv });

  const report = dialog.getByTestId('competency-csv-report');
  const summary = report.locator('.pub-summary');
  await expect(summary).toContainText('4 competencies');
  await expect(summary).toContainText('1 prerequisite link');
  await expect(summary).not.toContainText('1 prerequisite links');
  await expect(summary).toContainText('1 domain');
  await expect(summary).not.toContainText('1 domains');
  await expect(summary).toContainText('1 row error');
  await expect(summary).not.toContainText('1 row errors');
  await expect(summary).toContainText('1 row warning');

  const errors = report.locator('details', { has: page.locator('summary', { hasText: 'Row errors (1)' }) });
  await expect(errors.locator('li')).toHaveText(['Row 4: prerequisite Z is not a competency in the file; the link was left out']);
  const warnings = report.locator('details', { has: page.locator('summary', { hasText: 'Row warnings (1)' }) });
  await expect(warnings.locator('li')).toHaveText([/^Row 5: code A is also used on row 2/]);
});
