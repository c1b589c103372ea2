import { expect, test, type Page } from '@playwright/test';
import { node } from './canvas-helpers';
import { middle, openScienceAt } from './qa-h-touch-helpers';

// A Chromebook in tablet mode (touch, no mouse). A performance indicator's Move up / Move down / Delete buttons are
// faint (35 %) until the pointer hovers its row — a touch screen has no hover, so they stayed faint, and an enabled
// Delete or Move looked as disabled as the first row's Move up. With no hover they are shown in full; a mouse still brings them up.

async function indicatorActions(page: Page) {
  await openScienceAt(page, 'SI.2');
  const at = middle((await node(page, 'SI.2').boundingBox())!);
  await page.mouse.click(at.x, at.y); // a tap where there is touch (hasTouch maps it to the same click)
  const row = page.locator('details.phase[open] .indicator').first(); // the mastery phase's, open at first
  await expect(row).toBeVisible();
  return { actions: row.locator('.indicator-actions'), remove: row.getByRole('button', { name: /Delete indicator 1/ }) };
}

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 1280, height: 800 }, hasTouch: true, isMobile: false });
  test('the indicator buttons are shown in full, without a hover', async ({ page }) => {
    const { actions, remove } = await indicatorActions(page);
    expect(await page.evaluate(() => matchMedia('(hover: none)').matches)).toBe(true);
    expect(await actions.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await expect(remove).toBeEnabled();
  });
});

test.describe('with a mouse', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  test('they are faint until the row is hovered', async ({ page }) => {
    const { actions } = await indicatorActions(page);
    await page.mouse.move(5, 5);
    await expect.poll(() => actions.evaluate((el) => getComputedStyle(el).opacity)).toBe('0.35');
    await actions.locator('..').hover();
    await expect.poll(() => actions.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
  });
});
