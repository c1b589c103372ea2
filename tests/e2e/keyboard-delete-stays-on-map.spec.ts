import { expect, test } from '@playwright/test';
import { collectErrors, openApp, tabIntoMap } from './canvas-helpers';

// A keyboard-only user deletes the competency whose card has the focus: the card goes, and the focus with it
// (to the page). The next Tab used to start again at the toolbar (or focus the next card but select the first);
// it now carries on over the map from where the deleted card was: the next competency, selected and focused.
test('after Delete on a focused card, Tab goes on to the next competency of the map, not back to the toolbar', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  expect(await tabIntoMap(page), 'Tab reached the map').toBe(true);
  const selected = page.locator('.cnode.is-selected');
  await expect(selected).toHaveAttribute('data-code', 'SI.1');
  // the walk: SI.1 → gone → after; back to gone, deleted
  await page.keyboard.press('Tab');
  await expect(selected).not.toHaveAttribute('data-code', 'SI.1');
  const gone = (await selected.getAttribute('data-code'))!;
  await page.keyboard.press('Tab');
  await expect(selected).not.toHaveAttribute('data-code', gone);
  const after = (await selected.getAttribute('data-code'))!;
  await page.keyboard.press('Shift+Tab');
  await expect(selected).toHaveAttribute('data-code', gone);
  await page.keyboard.press('Delete');
  await expect(page.locator(`.cnode[data-code="${gone}"]`)).toHaveCount(0);

  await page.keyboard.press('Tab');
  await expect(selected).toHaveAttribute('data-code', after);
  await expect(page.locator(`.react-flow__node:has(.cnode[data-code="${after}"])`)).toBeFocused();
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' }).locator(':focus')).toHaveCount(0);
  expect(errors).toEqual([]);
});
