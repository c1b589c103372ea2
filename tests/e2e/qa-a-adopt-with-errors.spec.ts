import { expect, test } from '@playwright/test';
import { addCompetency, collectErrors, newFramework, openApp } from './canvas-helpers';

// Setting a framework with errors to Adopted says so at once (an adopted framework must describe the
// mastery threshold of every competency; CASE, Moodle and Canvas exports refuse it until then),
// instead of locking it as if it were ready to publish.
test('adopting a framework that has errors says how many and where to see them', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  await addCompetency(page, 'A.1', 'Count to 120');
  await page.getByRole('tab', { name: 'Details' }).click();
  await page.locator('#meta-status').selectOption('adopted');
  await expect(page.getByText(/Adopted with 1 problem to fix before publishing/)).toBeVisible();
  await expect(page.getByText(/Adopted with 1 problem/)).toContainText('Problems');
  // a framework without errors is adopted without a word
  await page.locator('#meta-status').selectOption('draft');
  await expect(page.locator('#meta-status')).toHaveValue('draft');
  expect(errors).toEqual([]);
});
