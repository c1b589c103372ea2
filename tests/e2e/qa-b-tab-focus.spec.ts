import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './canvas-helpers';

// A screen reader reads the focused element: when Tab walks the competencies, the focus must walk with
// the selection (it stayed on the first card, which the canvas then panned off screen).
test('Tab on the map moves the keyboard focus to each competency it selects, and the card is on screen', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(page.locator('.cnode').first()).toBeVisible();
  await page.getByLabel('Search competencies').focus();
  let inMap = false;
  for (let i = 0; i < 25 && !inMap; i++) {
    await page.keyboard.press('Tab');
    inMap = await page.evaluate(() => !!document.activeElement?.closest('.react-flow__node'));
  }
  expect(inMap).toBe(true);
  const focusedId = () => page.evaluate(() => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') ?? null);
  const selectedId = () => page.locator('.react-flow__node:has(.cnode.is-selected)').getAttribute('data-id');
  const seen = new Set<string>();
  for (let step = 0; step < 6; step++) {
    await page.keyboard.press('Tab');
    const sel = await selectedId();
    await expect.poll(focusedId).toBe(sel);
    seen.add(sel!);
    const box = (await page.locator(`.react-flow__node[data-id="${sel}"]`).boundingBox())!;
    const view = page.viewportSize()!;
    expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= view.width && box.y + box.height <= view.height, 'the focused card is on screen').toBe(true);
  }
  expect(seen.size).toBe(6);
  // Shift+Tab walks back, the focus with it.
  await page.keyboard.press('Shift+Tab');
  await expect.poll(focusedId).toBe(await selectedId());
  expect(errors).toEqual([]);
});
