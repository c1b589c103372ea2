import { expect, test } from '@playwright/test';
import { collectErrors, focusedCode, mod, newFramework, openApp, tabIntoMap } from './canvas-helpers';


// Delete, Undo and Redo from the keyboard on the map used to leave the focus on the page: a screen reader said
// nothing until the next Tab. The focus now lands on a card (the next in the Tab walk after a Delete, the card an
// Undo brings back), and the polite live region of the notices says what happened.
test('Delete moves the focus to the next card and says what went; Undo brings the focus back to the card, Redo moves it on', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  expect(await tabIntoMap(page), 'Tab reached the map').toBe(true);
  // the walk: SI.1, SI.2, SI.4, SI.3, …
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedCode(page)).toBe('SI.4');
  const live = page.getByTestId('notice-live');
  await expect(live).toHaveAttribute('role', 'status');

  await page.keyboard.press('Delete');
  await expect(page.locator('.cnode[data-code="SI.4"]')).toHaveCount(0);
  await expect.poll(() => focusedCode(page)).toBe('SI.3');
  await expect(page.locator('.cnode.is-selected')).toHaveAttribute('data-code', 'SI.3');
  await expect(live).toContainText('Deleted SI.4 and 3 prerequisite links; Undo with Ctrl+Z brings it back.');

  await page.keyboard.press(`${mod}+z`);
  await expect(page.locator('.cnode[data-code="SI.4"]')).toHaveCount(1);
  await expect.poll(() => focusedCode(page)).toBe('SI.4');
  await expect(page.locator('.cnode.is-selected')).toHaveAttribute('data-code', 'SI.4');
  await expect(live).toContainText('Undo: delete SI.4');

  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(page.locator('.cnode[data-code="SI.4"]')).toHaveCount(0);
  await expect.poll(() => focusedCode(page)).toBe('SI.3');
  await expect(live).toContainText('Redo: delete SI.4');

  // Undo of an edit made elsewhere: the focus goes to the card it touched
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(() => focusedCode(page)).toBe('SI.4');
  await page.keyboard.press('ArrowDown'); // nudges SI.4
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => focusedCode(page)).not.toBe('SI.4');
  await page.keyboard.press(`${mod}+z`);
  await expect(live).toContainText('Undo: nudge');
  await expect.poll(() => focusedCode(page)).toBe('SI.4');
  expect(errors).toEqual([]);
});

test('deleting the last card of the walk focuses the one before it; deleting the only one focuses the empty map, and Undo the card again', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  // N adds a competency and edits its code; Escape goes back to its card on the map
  for (const code of ['C1', 'C2']) {
    await page.keyboard.press('n');
    await expect(page.locator('#field-code')).toBeFocused();
    await expect(page.locator('#field-code')).toHaveValue(code);
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedCode(page)).toBe(code);
  }
  // C2 went to the right of C1: the last of the walk
  await page.keyboard.press('Delete');
  await expect.poll(() => focusedCode(page)).toBe('C1');
  await expect(page.getByTestId('notice-live')).toContainText('Deleted C2; Undo with Ctrl+Z brings it back.');
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('empty-canvas')).toBeVisible();
  const start = page.getByRole('button', { name: 'Add the first competency' });
  await expect(start).toBeFocused();
  await expect(page.getByTestId('notice-live')).toContainText('Deleted C1; Undo with Ctrl+Z brings it back.');
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(() => focusedCode(page)).toBe('C1');
  await expect(page.getByTestId('notice-live')).toContainText('Undo: delete C1');
  expect(errors).toEqual([]);
});

test('Cut (Ctrl+X) on a focused card moves the focus on as Delete does; Undo brings it back to the card', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  expect(await tabIntoMap(page), 'Tab reached the map').toBe(true);
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedCode(page)).toBe('SI.2');
  await page.keyboard.press(`${mod}+x`);
  await expect(page.locator('.cnode[data-code="SI.2"]')).toHaveCount(0);
  await expect.poll(() => focusedCode(page)).toBe('SI.4');
  await expect(page.getByTestId('notice-live')).toContainText('Deleted SI.2 and 2 prerequisite links; Undo with Ctrl+Z brings it back.');
  // one step, not two (the cut event and the key each delete at most once)
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(() => focusedCode(page)).toBe('SI.2');
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
  expect(errors).toEqual([]);
});
