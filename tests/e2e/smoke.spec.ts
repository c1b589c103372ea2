import { expect, test } from '@playwright/test';

test('the browser build opens without console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Progressions' })).toBeVisible();
  expect(errors).toEqual([]);
});
