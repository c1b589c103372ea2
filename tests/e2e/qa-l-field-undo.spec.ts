import { expect, test } from '@playwright/test';
import { collectErrors, mod, node, openApp } from './canvas-helpers';

// Ctrl+Z in the inspector's statement (any multi-line field) took back one letter at a time: React rewrote the
// controlled textarea's text on every keystroke, and Chrome (Electron too) then keeps each letter as its own undo
// step (react#8514). The field's own Undo now takes back what was typed at once, as in any other text box.
test("Ctrl+Z in a statement undoes the typing at once; the map's Undo of the committed edit shows in the field", async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  await node(page, 'SI.2').click();
  const statement = page.locator('#field-statement');
  const text = await statement.inputValue();
  expect(text.length).toBeGreaterThan(10);

  await statement.click();
  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.type(' with a fair test');
  await expect(statement).toHaveValue(`${text} with a fair test`);
  await page.keyboard.press(`${mod}+z`);
  await expect(statement).toHaveValue(text);
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(statement).toHaveValue(`${text} with a fair test`);

  // committed on leaving the field (one map step); the toolbar's Undo puts the old text back in the field
  await statement.blur();
  await expect(node(page, 'SI.2')).toContainText('with a fair test');
  await page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(statement).toHaveValue(text);
  await expect(node(page, 'SI.2')).not.toContainText('with a fair test');
  expect(errors).toEqual([]);
});
