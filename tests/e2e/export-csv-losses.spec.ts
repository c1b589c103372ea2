import { expect, test } from '@playwright/test';
import { openApp } from './canvas-helpers';

// The competencies CSV, Moodle and Canvas files hold less than the framework: choosing one in the Export dialog
// says what this framework will lose, with counts, before anything is written (the CLI prints the same on stderr).
test('the CSV and LMS exports name what the open framework will lose; JSON says nothing', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  const losses = dialog.getByTestId('export-losses');
  await dialog.locator('[data-format="csv"]').click();
  await expect(losses).toContainText('A competencies CSV does not carry:');
  await expect(losses).toContainText(/prerequisite notes \(\d+\)/);
  await expect(losses).toContainText('becomes a new framework without them');
  await dialog.locator('[data-format="moodle"]').click();
  await expect(losses).toContainText(/A Moodle file does not carry: the direction of the \d+ prerequisite links/);
  await dialog.locator('[data-format="canvas"]').click();
  await expect(losses).toContainText('A Canvas file does not carry:');
  await expect(dialog.getByTestId('case10-losses')).toHaveCount(0);
  await dialog.locator('[data-format="json"]').click();
  await expect(losses).toHaveCount(0);
  await dialog.locator('[data-format="case-1.0"]').click();
  await expect(dialog.getByTestId('case10-losses')).toContainText('CASE 1.0 cannot hold');
  await expect(losses).toHaveCount(0);
});
