import { expect, test, type Page } from '@playwright/test';
import { collectErrors, node, openApp } from './canvas-helpers';

// The desktop's Edit menu names what Undo will do (the host's setUndoState). It said a plain "Undo" (the text
// field's own) as soon as any text field had the focus, while Ctrl+Z there undid the map's last step until the
// user typed in it: the menu now follows the same rule as the keys (`fieldHasOwnUndo`), and changes on typing.

/** Every Undo / Redo state the window reports to its host from now on (the browser host's is a no-op). */
async function spyUndoState(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { host: { setUndoState(s: unknown): Promise<void> }; undoStates: { undo: string; redo: string }[] };
    w.undoStates = [];
    const original = w.host.setUndoState.bind(w.host);
    w.host.setUndoState = (s) => {
      w.undoStates.push(s as { undo: string; redo: string });
      return original(s);
    };
  });
}
const lastUndo = (page: Page) => page.evaluate(() => (window as unknown as { undoStates: { undo: string }[] }).undoStates.at(-1)?.undo ?? null);

test("the Edit menu's Undo is the map's until the user types in a field, then the field's, then the map's again", async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  await spyUndoState(page);
  await node(page, 'SI.2').click();
  const statement = page.locator('#field-statement');
  await statement.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' again');
  await expect.poll(() => lastUndo(page)).toBe('');
  await page.keyboard.press('Tab'); // commits the typing: one step of the map
  await expect.poll(() => lastUndo(page)).toMatch(/statement/);
  const mapStep = await lastUndo(page);

  // back in the field, nothing typed: Ctrl+Z there undoes the map's step, and the menu says so
  await statement.click();
  await page.waitForTimeout(100); // let a report that should not come, come
  expect(await lastUndo(page)).toBe(mapStep);
  // the first keystroke makes Undo the field's own
  await page.keyboard.type('!');
  await expect.poll(() => lastUndo(page)).toBe('');
  expect(errors).toEqual([]);
});
