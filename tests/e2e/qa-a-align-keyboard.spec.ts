import { expect, test } from '@playwright/test';
import { addCompetency, collectErrors, openApp, unlockToCorrect } from './canvas-helpers';

// Aligning with the keyboard in the inspector: type a standard's code and press Enter; the arrow keys
// choose another of the standards found. (The example carries the Common Core fractions standards.)
test('a standard is aligned from the inspector with the keyboard: Enter takes the best match, arrows choose another', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await unlockToCorrect(page);
  await addCompetency(page, 'FR-NEW.1', 'Explain fractions greater than 1');
  const picker = page.getByTestId('alignment-picker');
  const find = picker.getByLabel('Find a standard to align');
  const found = picker.getByRole('listbox', { name: 'Standards found' });

  await find.fill('3.NF.A.3');
  await expect(found.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await find.press('Enter');
  await expect(picker.getByTestId('alignment')).toHaveCount(1);
  await expect(picker.getByTestId('alignment').first()).toContainText('3.NF.A.3');
  await expect(find).toHaveValue('');
  await expect(find).toBeFocused();

  await find.fill('3.NF.A.3');
  // the one already aligned is skipped: the first choice is 3.NF.A.3.a; one step down is 3.NF.A.3.b
  await expect(found.getByRole('option', { selected: true })).toContainText('3.NF.A.3.a');
  await find.press('ArrowDown');
  await expect(found.getByRole('option', { selected: true })).toContainText('3.NF.A.3.b');
  await find.press('Enter');
  await expect(picker.getByTestId('alignment')).toHaveCount(2);
  await expect(picker.getByTestId('alignment').nth(1)).toContainText('3.NF.A.3.b');

  // Escape empties the search, and leaves the competency selected
  await find.fill('4.NF');
  await find.press('Escape');
  await expect(find).toHaveValue('');
  await expect(page.locator('#field-code')).toHaveValue('FR-NEW.1');
  expect(errors).toEqual([]);
});
