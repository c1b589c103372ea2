import { expect, test } from '@playwright/test';
import { openClass } from './learners-helpers';

// A student scrolls their map on a Chromebook zoomed to 150 % (1366×768 → 911×512 CSS px). The toolbar
// (Whose map, Print, Close) stays at the very top and hides what scrolls under it: before, it stuck 24 px
// below the top, so the cards scrolled by in the gap above it, and its see-through background let their
// text show behind the buttons.
test('the student view toolbar sits at the top, opaque, with nothing scrolling by above it', async ({ page }) => {
  await page.setViewportSize({ width: 911, height: 512 });
  const panel = await openClass(page);
  await panel.getByTestId('learner-select').selectOption('ari');
  await panel.getByTestId('open-student-view').click();
  const view = page.getByTestId('student-view');
  const toolbar = view.locator('.sv-toolbar');
  await expect(toolbar).toBeVisible();

  for (const scrollTop of [0, 1500]) {
    await view.evaluate((e, y) => (e.scrollTop = y), scrollTop);
    const box = (await toolbar.boundingBox())!;
    expect(box.y).toBeLessThanOrEqual(scrollTop ? 0.5 : 24);
    if (scrollTop) {
      // the top strip of the window, above and across the buttons, belongs to the toolbar (no card shows there)
      const hits = await page.evaluate((bottom) => [4, bottom / 2, bottom - 2].flatMap((y) => [20, 450, 890].map((x) => !!document.elementFromPoint(x, y)?.closest('.sv-toolbar'))), box.y + box.height);
      expect(hits.every(Boolean)).toBe(true);
    }
  }
  const bg = await toolbar.evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(bg).toBe('rgb(255, 255, 255)');

  // Shift+Tab back up the map: the focused link or summary is never under the toolbar
  await page.keyboard.press('Tab');
  for (let i = 0; i < 25; i++) await page.keyboard.press('Tab');
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Shift+Tab');
    const clear = await page.evaluate(() => {
      const a = document.activeElement!;
      if (a.closest('.sv-toolbar')) return true;
      return a.getBoundingClientRect().top >= document.querySelector('.sv-toolbar')!.getBoundingClientRect().bottom - 1;
    });
    expect(clear).toBe(true);
  }
});
