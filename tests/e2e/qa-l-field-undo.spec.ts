import { expect, test } from '@playwright/test';
import { collectErrors, mod, node, openApp } from './canvas-helpers';
import { importProgress, openLearners } from './learners-helpers';

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

// A text field with nothing typed in it swallowed Ctrl+Z: N then Ctrl+Z (the new card's code field has the focus)
// left the card; a phase recorded with Enter in the Evidence field (emptied for the next record) could not be taken
// back with Ctrl+Z. The field has no typing of its own to undo there, so Ctrl+Z undoes the last step.
test('Ctrl+Z in a text field not typed in undoes the last step: the card N added, the edit made before the field was focused again', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  const cards = page.locator('.react-flow__node-competency');
  const n = await cards.count();
  await node(page, 'SI.2').click();
  await page.keyboard.press('n');
  await expect(page.locator('#field-code')).toBeFocused();
  await expect(cards).toHaveCount(n + 1);
  await page.keyboard.press(`${mod}+z`);
  await expect(cards).toHaveCount(n);
  await expect(page.getByTestId('notice-live')).toContainText('Undo: add C');
  await expect(page.locator('.cnode.is-selected')).toHaveAttribute('data-code', 'SI.2');

  // a field focused after an edit elsewhere, nothing typed: Ctrl+Z undoes that edit and the field shows it
  const statement = page.locator('#field-statement');
  const text = await statement.inputValue();
  await statement.fill(`${text} Again.`);
  await statement.blur();
  await expect(node(page, 'SI.2')).toContainText('Again.');
  await statement.focus();
  await page.keyboard.press(`${mod}+z`);
  await expect(statement).toHaveValue(text);
  await statement.blur(); // not written back
  await expect(node(page, 'SI.2')).not.toContainText('Again.');
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'Redo', exact: true })).toHaveAttribute('title', /^Redo: edit statement of SI\.2/);
  expect(errors).toEqual([]);
});

test('a phase recorded with Enter in the Evidence field is taken back by Ctrl+Z there', async ({ page }) => {
  const errors = collectErrors(page);
  const panel = await openLearners(page);
  await importProgress(page, panel, 'grade3-5-fractions.csv');
  await expect(panel.getByTestId('learners-message')).toContainText('Imported');
  await panel.getByTestId('ready-next').locator('.lrn-comp[data-code="FR.3.4"]').click();
  const form = panel.getByRole('region', { name: 'Record progress' });
  await form.getByLabel('Date').fill('2026-10-20');
  const evidence = form.getByLabel('Evidence');
  await evidence.fill('number line quiz');
  await evidence.press('Enter');
  await expect(panel.getByTestId('mastered')).toContainText('FR.3.4');
  await expect(evidence).toBeFocused();
  await expect(evidence).toHaveValue('');
  await page.keyboard.press(`${mod}+z`);
  await expect(panel.getByTestId('mastered')).not.toContainText('FR.3.4');
  // the record taken back fills the form again, its evidence included (b4768b2)
  await expect(evidence).toHaveValue('number line quiz');
  // typing in it again: Ctrl+Z is the field's own, and takes back the typing alone
  await evidence.press('End');
  await evidence.pressSequentially(', exit ticket');
  await expect(evidence).toHaveValue('number line quiz, exit ticket');
  await page.keyboard.press(`${mod}+z`);
  await expect(evidence).toHaveValue('number line quiz');
  await expect(panel.getByTestId('mastered')).not.toContainText('FR.3.4');
  await expect(panel.getByTestId('learners-message')).toContainText('Took back FR.3.4');
  expect(errors).toEqual([]);
});
