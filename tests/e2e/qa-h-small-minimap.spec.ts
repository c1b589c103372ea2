import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openApp, settle } from './canvas-helpers';

// A Chromebook at 1280×800 zoomed to 150 % lays the page out at 853×533 CSS px: with a side panel open the map has
// about 340×480 px, and the 168×112 minimap covered a sixth of it (fitting the map clear of it squeezed the map into
// the rest). On a small map pane the minimap is 112×75; with the side panel hidden the pane is larger and it is
// full size again.
test.use({ viewport: { width: 853, height: 533 }, hasTouch: true, isMobile: false });

async function minimapBox(page: Page) {
  const mm = page.getByTestId('rf__minimap');
  await expect(mm).toBeVisible();
  return (await mm.boundingBox())!;
}

test('on a small map pane the minimap is smaller, no card is under it after a fit, and it grows back with room', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  await settle(page);
  const pane = (await page.locator('.react-flow').boundingBox())!;
  expect(pane.width).toBeLessThan(480);
  let box = await minimapBox(page);
  expect(Math.round(box.width)).toBeLessThanOrEqual(114);
  expect(Math.round(box.height)).toBeLessThanOrEqual(77);
  // the fit on open keeps every card clear of it
  for (const card of await page.locator('.react-flow__node-competency').all()) {
    const c = (await card.boundingBox())!;
    const apart = c.x + c.width <= box.x || box.x + box.width <= c.x || c.y + c.height <= box.y || box.y + box.height <= c.y;
    expect(apart).toBe(true);
  }
  // the side panel hidden (a tap on the open tab): the map pane is wide enough for the full minimap
  await page.getByRole('tab', { name: 'Inspector' }).tap();
  await expect(page.locator('.side-content')).toHaveCount(0);
  await expect.poll(async () => Math.round((await minimapBox(page)).width)).toBeGreaterThanOrEqual(166);
  box = await minimapBox(page);
  expect(Math.round(box.height)).toBeGreaterThanOrEqual(110);
  expect(errors).toEqual([]);
});
