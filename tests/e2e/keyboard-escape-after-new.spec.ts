import { expect, test } from '@playwright/test';
import { collectErrors, focusedCode, openApp, tabIntoMap } from './canvas-helpers';


// N adds a competency and puts the focus in the inspector's Code field two frames later (once it is drawn).
// Escape then sometimes left the focus on the page: once the field had it, Escape just left the field (to the
// page); pressed within those two frames, Escape went to the map, cleared the selection, and the field focus
// that followed found no field (the focus stayed on the previous card, nothing selected). Either way Escape now
// goes back to the new competency's card, selected.
test('Escape after N puts the focus on the new card, however soon it is pressed', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  expect(await tabIntoMap(page), 'Tab reached the map').toBe(true);

  // at a human pace: the Code field has the focus first
  await page.keyboard.press('n');
  await expect(page.locator('#field-code')).toBeFocused();
  await expect(page.locator('#field-code')).toHaveValue('C12');
  await page.keyboard.press('Escape');
  await expect.poll(() => focusedCode(page)).toBe('C12');
  await expect(page.locator('.cnode.is-selected')).toHaveAttribute('data-code', 'C12');

  // N and Escape within the same frame, then one frame apart (before the field focus lands)
  for (const [frames, code] of [[0, 'C13'], [1, 'C14']] as const) {
    await page.evaluate(async (frames) => {
      const key = (k: string) => (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
      key('n');
      for (let i = 0; i < frames; i++) await new Promise((r) => requestAnimationFrame(r));
      key('Escape');
    }, frames);
    await expect(page.locator(`.cnode[data-code="${code}"]`)).toHaveCount(1);
    await expect.poll(() => focusedCode(page), `Escape ${frames} frame(s) after N`).toBe(code);
    await expect(page.locator('.cnode.is-selected')).toHaveAttribute('data-code', code);
    // and it stays there (no late field focus takes it away)
    await page.waitForTimeout(100);
    expect(await focusedCode(page)).toBe(code);
  }
  expect(errors).toEqual([]);
});

test('Enter on a card edits it in the inspector; Escape there goes back to the card', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  expect(await tabIntoMap(page), 'Tab reached the map').toBe(true);
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedCode(page)).toBe('SI.2');
  await page.keyboard.press('Enter');
  const statement = page.locator('#field-statement');
  await expect(statement).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' Name each one.');
  await page.keyboard.press('Escape');
  await expect.poll(() => focusedCode(page)).toBe('SI.2');
  // long text is kept (as one undo step), and Tab goes on over the map from here
  await expect(page.locator('.cnode[data-code="SI.2"]')).toContainText('Name each one.');
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedCode(page)).toBe('SI.4');
  expect(errors).toEqual([]);
});
