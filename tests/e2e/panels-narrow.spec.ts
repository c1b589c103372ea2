import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './canvas-helpers';

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
