import { expect, test } from '@playwright/test';
import { addCompetency, collectErrors, newFramework, node, openApp, unlockToCorrect } from './canvas-helpers';

const NOTICE = 'This framework is adopted and locked. Unlock to edit.';

// Typing in the inspector of an adopted (locked) framework: the edit is refused on blur with a notice,
// but the field went on showing the typed text as if it were saved; after Unlock the text was still not
// in the document (nothing tried to commit it again), so saving silently dropped it. Now the field keeps
// the draft marked as not saved, says why, and commits it on the next blur once unlocked.
test('a refused edit of a locked framework stays in its field, marked not saved, and commits after Unlock', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await node(page, 'FR.3.1').click();
  const statement = page.locator('#field-statement');
  const original = await statement.inputValue();
  const edited = 'Partition a whole into b equal parts and name one part as 1/b.';
  await statement.fill(edited);
  await page.locator('#field-ican').focus();

  await expect(page.getByTestId('notice')).toContainText(NOTICE);
  await expect(statement).toHaveValue(edited);
  await expect(statement).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field', { has: statement }).locator('.field-error')).toHaveText(NOTICE);
  await expect(node(page, 'FR.3.1')).toContainText(original.slice(0, 30));
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Nothing to undo/);

  // Unlock, then leave the field again: the edit is made.
  await unlockToCorrect(page);
  await statement.focus();
  await page.locator('#field-ican').focus();
  await expect(statement).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field', { has: statement }).locator('.field-error')).toHaveCount(0);
  await expect(node(page, 'FR.3.1')).toContainText('Partition a whole into b equal parts');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /^Undo: edit statement of FR\.3\.1/);
  expect(errors).toEqual([]);
});

test('an undo that changes a field replaces the draft kept there and the problem shown under it', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  await addCompetency(page, 'A.1', 'First');
  await addCompetency(page, 'B.1', 'Second');
  const code = page.locator('#field-code');
  await code.fill('B.2');
  await code.press('Enter');
  await expect(node(page, 'B.2')).toBeVisible();
  // a taken code: refused, kept in the field with the problem
  await code.fill('A.1');
  await code.press('Tab');
  const problem = page.locator('.field', { has: code }).locator('.field-error');
  await expect(problem).toHaveText('Another competency already uses the code A.1.');
  // undo from the canvas (the same competency stays selected): the code goes back to B.1
  await node(page, 'B.2').click();
  await page.keyboard.press(`${process.platform === 'darwin' ? 'Meta' : 'Control'}+z`);
  await expect(node(page, 'B.1')).toBeVisible();
  await expect(code).toHaveValue('B.1');
  await expect(problem).toHaveCount(0);
  await expect(code).not.toHaveAttribute('aria-invalid', 'true');
  expect(errors).toEqual([]);
});
