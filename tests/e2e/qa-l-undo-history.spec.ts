import { expect, test, type Page } from '@playwright/test';
import { collectErrors, mod, node, openApp, unlockToCorrect } from './canvas-helpers';
import { importProgress, openLearners } from './learners-helpers';

const undoButton = (page: Page) => page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'Undo', exact: true });
const redoButton = (page: Page) => page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'Redo', exact: true });

// A teacher who recorded a wrong phase and pressed Ctrl+Z saw the last map edit undone instead (progress had
// no place in the history): Ctrl+Z now takes back the record, named in the toolbar's Undo, and leaves the map.
test('Ctrl+Z after recording a phase takes the record back, not the last map edit; Ctrl+Shift+Z records it again', async ({ page }) => {
  const errors = collectErrors(page);
  const panel = await openLearners(page);
  await unlockToCorrect(page); // the example is adopted
  // a map edit first: FR.3.8 nudged
  const card = node(page, 'FR.3.8');
  await card.click();
  // where the card is on the map (flow coordinates: the view pans when the panel centres a card)
  const at = () => card.evaluate((el) => (el as HTMLElement).style.transform);
  const x0 = await at();
  await page.keyboard.press('ArrowRight');
  await expect.poll(at).not.toBe(x0);
  const x1 = await at();

  await expect(panel).toBeVisible();
  await importProgress(page, panel, 'grade3-5-fractions.csv');
  await expect(panel.getByTestId('learners-message')).toContainText('Imported');
  await panel.getByTestId('ready-next').locator('.lrn-comp[data-code="FR.3.4"]').click();
  const form = panel.getByRole('region', { name: 'Record progress' });
  await form.getByLabel('Phase').selectOption({ label: 'Proficient (mastery)' });
  await form.getByLabel('Date').fill('2026-10-20');
  await form.getByRole('button', { name: 'Record' }).click();
  await expect(panel.getByTestId('mastered')).toContainText('FR.3.4');
  await expect(undoButton(page)).toHaveAttribute('title', /^Undo: record FR\.3\.4 at Proficient for Maya R\./);

  // the focus is on the Record button (the Learners panel): Ctrl+Z is the window's undo
  await expect(form.getByRole('button', { name: 'Record' })).toBeFocused();
  await page.keyboard.press(`${mod}+z`);
  await expect(panel.getByTestId('mastered')).not.toContainText('FR.3.4');
  await expect(panel.getByTestId('learners-message')).toContainText('Took back FR.3.4 at Proficient for Maya R.');
  await expect(page.getByTestId('notice-live')).toContainText('Undo: record FR.3.4 at Proficient for Maya R.');
  // the map edit is untouched
  expect(await at()).toBe(x1);
  await expect(redoButton(page)).toHaveAttribute('title', /^Redo: record FR\.3\.4/);

  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(panel.getByTestId('mastered')).toContainText('FR.3.4');
  // Ctrl+Y is Redo too (after another undo)
  await page.keyboard.press(`${mod}+z`);
  await expect(panel.getByTestId('mastered')).not.toContainText('FR.3.4');
  await page.keyboard.press(`${mod}+y`);
  await expect(panel.getByTestId('mastered')).toContainText('FR.3.4');
  expect(await at()).toBe(x1);
  expect(errors).toEqual([]);
});

// Undoing a paste left the next card of the Tab walk selected (or nothing): now the cards selected before the
// paste, as Figma and draw.io do; Redo selects the pasted cards again.
test('undo of a paste, a duplicate and a delete brings back the selection the step was made with', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  const selected = page.locator('.cnode.is-selected');

  await node(page, 'SI.1').click();
  await page.keyboard.press(`${mod}+c`);
  await node(page, 'SI.2').click();
  await page.keyboard.press(`${mod}+v`);
  await expect(node(page, 'SI.1 (copy)')).toHaveCount(1);
  await expect(selected).toHaveAttribute('data-code', 'SI.1 (copy)');
  // from the keyboard on the map
  await page.keyboard.press(`${mod}+z`);
  await expect(node(page, 'SI.1 (copy)')).toHaveCount(0);
  await expect(selected).toHaveCount(1);
  await expect(selected).toHaveAttribute('data-code', 'SI.2');
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(selected).toHaveAttribute('data-code', 'SI.1 (copy)');
  // from the toolbar
  await undoButton(page).click();
  await expect(selected).toHaveAttribute('data-code', 'SI.2');

  // duplicate: undo selects the original
  await page.keyboard.press(`${mod}+d`);
  await expect(selected).toHaveAttribute('data-code', 'SI.2 (copy)');
  await undoButton(page).click();
  await expect(selected).toHaveAttribute('data-code', 'SI.2');

  // delete two: undo selects both again
  await node(page, 'SI.3').click({ modifiers: ['Shift'] });
  await expect(selected).toHaveCount(2);
  await page.keyboard.press('Delete');
  await expect(node(page, 'SI.3')).toHaveCount(0);
  await undoButton(page).click();
  await expect(selected).toHaveCount(2);
  await expect(node(page, 'SI.2').locator('.cnode')).toHaveClass(/is-selected/);
  await expect(node(page, 'SI.3').locator('.cnode')).toHaveClass(/is-selected/);
  expect(errors).toEqual([]);
});

// Ctrl+Z with the focus on a drop-down (the inspector's Domain just chosen) did nothing: a select has no undo of
// its own, and the keys were left to it as to a text field. It is the map's Undo there; a text field keeps its own.
test('Ctrl+Z on a drop-down just changed undoes that change', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  await node(page, 'SI.2').click();
  const domain = page.locator('#field-domain');
  const was = await domain.inputValue();
  const other = await domain.locator('option').evaluateAll((os, w) => (os as HTMLOptionElement[]).map((o) => o.value).find((v) => v && v !== w && !v.startsWith('__')), was);
  await domain.selectOption(other!);
  await expect(undoButton(page)).toHaveAttribute('title', /^Undo: /);
  await domain.focus();
  await page.keyboard.press(`${mod}+z`);
  await expect(domain).toHaveValue(was);
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(domain).toHaveValue(other!);

  expect(errors).toEqual([]);
});
