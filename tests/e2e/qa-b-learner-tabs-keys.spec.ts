import { expect, test } from '@playwright/test';

// Keyboard and screen reader: the Learners panel's views are tabs as the ARIA pattern has them — one Tab
// stop, arrows between them, and the view named by its tab.
test('the learner views switch with the arrow keys and the view is named by its tab', async ({ page }) => {
  await page.goto('./?open=/examples/grade3-5-fractions.json');
  await expect(page.locator('[data-testid=competency-node]').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Learners' }).click();
  const views = page.getByRole('tablist', { name: 'Learner views' });
  await views.getByRole('tab', { name: 'Learner' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(views.getByRole('tab', { name: 'Class' })).toBeFocused();
  await expect(views.getByRole('tab', { name: 'Class' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Class' })).toContainText('Import progress to see the class summary.');
  await page.keyboard.press('End');
  await expect(views.getByRole('tab', { name: 'Compare' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(views.getByRole('tab', { name: 'Learner', exact: true })).toBeFocused();
  // one Tab stop: Tab leaves the tabs for the view
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('tab');
});
