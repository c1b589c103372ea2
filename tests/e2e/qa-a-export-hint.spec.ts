import { expect, test } from '@playwright/test';
import { openApp } from './canvas-helpers';

// The base-URI hint names the CASE version's own server path: …/v1p0 for CASE 1.0, …/v1p1 for CASE 1.1.
test('the CASE export names the server path of the version chosen', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.locator('[data-format="case-1.0"]').click();
  await expect(dialog.locator('.field-hint', { hasText: 'URIs will be' })).toContainText('…/ims/case/v1p0.');
  await dialog.locator('[data-format="case-1.1"]').click();
  await expect(dialog.locator('.field-hint', { hasText: 'URIs will be' })).toContainText('…/ims/case/v1p1.');
});
