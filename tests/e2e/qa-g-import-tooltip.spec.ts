import { expect, test } from '@playwright/test';
import { openApp } from './canvas-helpers';

// QA (district lead): the Import button's tooltip named CASE packages and standards CSVs only, while its dialog
// has a third tab, Competencies CSV — a lead looking for a way to bring in competencies from a spreadsheet
// was told there was none.
test('the Import button names every kind of file its dialog imports', async ({ page }) => {
  await openApp(page);
  const button = page.getByTestId('open-import');
  await expect(button).toHaveAttribute('title', /CASE package, standards CSV, competencies CSV/);
  await button.click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByRole('tab')).toHaveText(['CASE package', 'Standards CSV', 'Competencies CSV']);
});
