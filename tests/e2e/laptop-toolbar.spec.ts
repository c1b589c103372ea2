import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './canvas-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

// On a 1366×768 school laptop, Focus mode adds its depth field to the toolbar: the framework title must
// stay readable (the search box gives way) and nothing may be pushed off the right edge.
test('1366×768: in focus mode the title stays readable and the toolbar fits', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.locator('.cnode').first().click();
  await page.getByRole('button', { name: 'Focus' }).click();
  await expect(page.getByLabel('Focus depth')).toBeVisible();
  const titleWidth = await page.locator('.tb-framework').evaluate((e) => e.getBoundingClientRect().width);
  expect(titleWidth).toBeGreaterThanOrEqual(100);
  const overflow = await page.locator('.toolbar').evaluate((e) => e.scrollWidth - e.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeInViewport();
  expect(errors).toEqual([]);
});

test('1366×768: selecting two competencies (Align… appears) keeps the toolbar on screen', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.locator('.cnode').nth(0).click();
  await page.locator('.cnode').nth(1).click({ modifiers: ['Shift'] });
  await expect(page.getByLabel('Align selection')).toBeVisible();
  const overflow = await page.locator('.toolbar').evaluate((e) => e.scrollWidth - e.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeInViewport();
  await expect(page.getByLabel('Search competencies')).toBeInViewport({ ratio: 1 });
  expect(errors).toEqual([]);
});
