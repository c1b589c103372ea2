import { expect, test } from '@playwright/test';
import { collectErrors, openApp, searchAndPick } from './canvas-helpers';

test.use({ viewport: { width: 1280, height: 720 } });

// On a 1280×720 Chromebook the side panel is narrow: a domain's title in Scale & domains must still be
// readable whole (it was squeezed to about six letters by the code field and the row's buttons).
test('1280×720: the domains list shows each domain title whole', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByRole('tab', { name: 'Scale & domains', exact: true }).click();
  const domains = page.getByRole('region', { name: 'Domains' });
  const titles = domains.getByLabel(/^Domain \d+ title$/);
  await expect(titles).toHaveCount(6);
  for (let i = 0; i < 6; i++) {
    const t = titles.nth(i);
    await t.scrollIntoViewIfNeeded();
    const fits = await t.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1 && el.clientWidth >= 120);
    expect(fits, `“${await t.inputValue()}” is shown whole`).toBe(true);
  }
  // the row's controls are all still there and on screen
  const mu = domains.getByRole('button', { name: 'Move Multiplying & Dividing Fractions up' });
  await mu.scrollIntoViewIfNeeded();
  await expect(mu).toBeInViewport();
  await expect(domains.getByRole('button', { name: 'Remove Multiplying & Dividing Fractions' })).toBeInViewport();
  expect(errors).toEqual([]);
});

// A competency's statement, its "I can" statement and its phase descriptors are read more than they are
// written: the inspector shows each whole (the fields grow with their text) rather than two lines and a
// scroll bar.
test('1280×720: the inspector shows a long statement, “I can” and descriptor whole', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await searchAndPick(page, 'FR.4.2');
  const whole = (sel: string) => page.locator(sel).evaluate((el) => el.scrollHeight <= el.clientHeight + 1);
  await expect(page.locator('#field-statement')).toHaveValue(/Compare two fractions/);
  expect(await whole('#field-statement')).toBe(true);
  expect(await whole('#field-ican')).toBe(true);
  const descriptor = page.getByTestId('phase-Proficient').getByLabel('Proficient descriptor');
  await descriptor.scrollIntoViewIfNeeded();
  expect(await descriptor.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  // an empty field keeps its usual height (room to write)
  await page.getByRole('tab', { name: 'Scale & domains', exact: true }).click();
  await page.getByRole('tab', { name: 'Inspector', exact: true }).click();
  expect(await page.locator('#field-notes').evaluate((el) => el.clientHeight)).toBeGreaterThanOrEqual(40);
  expect(errors).toEqual([]);
});
