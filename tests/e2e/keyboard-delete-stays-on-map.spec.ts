import { expect, test } from '@playwright/test';
import { collectErrors, openApp, tabIntoMap } from './canvas-helpers';

// A keyboard-only user deletes the competency whose card has the focus: the card goes, and the focus used to
// go with it (to the page, where a screen reader says nothing). It now lands on the next card of the Tab walk
// where the deleted one was, selected, and the next Tab carries on over the map from there (not from the toolbar).
test('after Delete on a focused card, the focus is on the next competency of the map, and Tab goes on from there', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  expect(await tabIntoMap(page), 'Tab reached the map').toBe(true);
  const selected = page.locator('.cnode.is-selected');
  await expect(selected).toHaveAttribute('data-code', 'SI.1');
  // the walk: SI.1 → gone → after → beyond; back to gone, deleted
  await page.keyboard.press('Tab');
  await expect(selected).not.toHaveAttribute('data-code', 'SI.1');
  const gone = (await selected.getAttribute('data-code'))!;
  await page.keyboard.press('Tab');
  await expect(selected).not.toHaveAttribute('data-code', gone);
  const after = (await selected.getAttribute('data-code'))!;
  await page.keyboard.press('Tab');
  await expect(selected).not.toHaveAttribute('data-code', after);
  const beyond = (await selected.getAttribute('data-code'))!;
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(selected).toHaveAttribute('data-code', gone);
  await page.keyboard.press('Delete');
  await expect(page.locator(`.cnode[data-code="${gone}"]`)).toHaveCount(0);

  await expect(selected).toHaveAttribute('data-code', after);
  await expect(page.locator(`.react-flow__node:has(.cnode[data-code="${after}"])`)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(selected).toHaveAttribute('data-code', beyond);
  await expect(page.locator(`.react-flow__node:has(.cnode[data-code="${beyond}"])`)).toBeFocused();
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' }).locator(':focus')).toHaveCount(0);
  expect(errors).toEqual([]);
});
