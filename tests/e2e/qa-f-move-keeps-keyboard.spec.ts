import { test, expect } from '@playwright/test';
import { collectErrors, openApp, newFramework, addCompetency } from './canvas-helpers';

// Moving an indicator to the end with the keyboard left the focus on its "Move down" button, now
// disabled: Enter and Space did nothing more and Tab went on from a dead control. The keyboard goes to
// the moved indicator's other move button when the one pressed can no longer act.
test('moving an indicator to an end keeps the keyboard on a working button', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  await addCompetency(page, 'M.1', 'Count to 100');
  const f = page.getByLabel('New Proficient indicator');
  for (const t of ['one', 'two']) {
    await f.fill(t);
    await f.press('Enter');
  }
  await page.getByRole('button', { name: 'Move indicator 1 down' }).focus();
  await page.keyboard.press('Enter');
  const list = page.getByLabel('Proficient performance indicators');
  await expect(list.locator('li').last().locator('textarea')).toHaveValue('one');
  await expect(page.getByRole('button', { name: 'Move indicator 2 up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(list.locator('li').first().locator('textarea')).toHaveValue('one');
  await expect(page.getByRole('button', { name: 'Move indicator 1 down' })).toBeFocused();
  expect(errors).toEqual([]);
});

test('moving a mastery phase to an end keeps the keyboard on a working button', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  await page.getByRole('tab', { name: 'Scale & domains' }).click();
  await page.getByRole('button', { name: 'Move Developing up' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Phase 1 name')).toHaveValue('Developing');
  await expect(page.getByRole('button', { name: 'Move Developing down' })).toBeFocused();
  await page.getByRole('button', { name: 'Move Proficient down' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Phase 4 name')).toHaveValue('Proficient');
  await expect(page.getByRole('button', { name: 'Move Proficient up' })).toBeFocused();
  expect(errors).toEqual([]);
});
