import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { newFramework, openApp } from './canvas-helpers';

// A CASE package whose CFDocument has no title (CASE requires one; the reader accepts it as ""). The
// report's heading was empty, the toast said Imported 8 standards from “”, and the set had no name in
// the standards browser and coverage. It takes the file's name now, and the mapping notes say so.
test('a CASE package without a title is imported as a standards set named after its file', async ({ page }) => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/case/sample.case-1.1.json'), 'utf8'));
  delete pkg.CFDocument.title;
  await openApp(page);
  await newFramework(page);
  await page.getByTestId('open-import').click();
  const dialog = page.getByTestId('import-dialog');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByTestId('pick-case').click();
  await (await chooser).setFiles({ name: 'state-math.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pkg)) });
  const report = dialog.getByTestId('case-report');
  await expect(report).toContainText('the document without title (required by CASE)');
  await expect(report.locator('h3')).toContainText('state-math');
  await dialog.getByRole('radio', { name: /Add as a standards set/ }).check();
  await expect(report).toContainText('the standards set is named “state-math”');
  await dialog.getByTestId('import-apply').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Imported 8 standards from “state-math”.')).toBeVisible();
  await expect(page.getByTestId('standards-panel').locator('.std-set-title')).toHaveText(/state-math/);
});
