import { expect, test } from '@playwright/test';
import { openApp } from './canvas-helpers';

// Choosing CASE 1.0 in the Export dialog says what this framework has that a 1.0 package cannot hold,
// before anything is written (the CLI says it on stderr); CASE 1.1 keeps everything, so it says nothing.
test('the CASE 1.0 export names what the framework will lose, and CASE 1.1 does not', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.locator('[data-format="case-1.0"]').click();
  const losses = dialog.getByTestId('case10-losses');
  await expect(losses).toContainText('CASE 1.0 cannot hold');
  await expect(losses).toContainText('estimated hours (36 competencies)');
  await expect(losses).toContainText('evidence types');
  await expect(losses).toContainText('prerequisite notes');
  await expect(losses).toContainText('Export CASE 1.1 to keep everything');
  await dialog.locator('[data-format="case-1.1"]').click();
  await expect(losses).toHaveCount(0);
});
