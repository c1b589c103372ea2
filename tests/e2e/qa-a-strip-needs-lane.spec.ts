import { expect, test } from '@playwright/test';
import { addCompetency, collectErrors, newFramework, openApp } from './canvas-helpers';

// The lane strip names the lanes beside the map; a domain with no competency yet has no lane, so a new
// framework whose domains are still empty shows no blank strip taking the left of the map.
test('the lane strip appears with the first lane, not with the first (empty) domain', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  await page.getByRole('tab', { name: 'Scale & domains' }).click();
  const title = page.getByLabel('New domain title');
  await title.fill('Number Sense');
  await title.press('Enter');
  await addCompetency(page, 'NS.1', 'Count to 120');
  await expect(page.getByTestId('lane-strip')).toHaveCount(0);
  await page.locator('#field-domain').selectOption({ label: 'Number Sense' });
  await expect(page.getByTestId('lane-strip')).toContainText('Number Sense');
  expect(errors).toEqual([]);
});
