import { expect, test, type Locator, type Page } from '@playwright/test';
import { collectErrors, openApp, unlockToCorrect } from './canvas-helpers';

// A keyboard user presses a Remove, Delete or Move button in the inspector or a side panel: the button goes
// (or moves, or turns disabled) and the focus used to fall back to the page, so Tab started again from the
// toolbar. Now it stays where the user was: on the control if it moved, else the next one.

/** The focused element is inside `where` (and so not the page). */
async function focusIn(page: Page, where: Locator): Promise<void> {
  await expect.poll(() => where.evaluate((w) => w.contains(document.activeElement))).toBe(true);
}

test('removing or moving an item with the keyboard keeps the focus in its list', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await unlockToCorrect(page);
  const search = page.getByPlaceholder('Search code or text');
  await search.fill('FR.3.5');
  await search.press('Enter');
  await expect(page.locator('#field-code')).toHaveValue('FR.3.5');

  // a prerequisite link removed
  const prerequisites = page.locator('section[aria-label="Prerequisites"]');
  const remove = prerequisites.getByRole('button', { name: /^Remove link with / }).first();
  await remove.focus();
  await page.keyboard.press('Enter');
  await focusIn(page, prerequisites);

  // a prerequisite linked with the list and the Link button: the focus goes back to the list
  const add = prerequisites.getByLabel('Add a prerequisite');
  const value = await add.locator('option:not([disabled])').evaluateAll((o) => (o as HTMLOptionElement[]).map((x) => x.value).find(Boolean));
  await add.selectOption(value!);
  const link = add.locator('xpath=following-sibling::button[1]');
  await expect(link).toHaveText('Link');
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(link).toBeDisabled();
  await expect(add).toBeFocused();

  // an indicator moved up: the focus stays on that indicator's buttons
  await page.getByTestId('phase-Beginning').locator('summary').click();
  const indicators = page.getByRole('list', { name: 'Beginning performance indicators' });
  const second = await indicators.getByRole('textbox').nth(1).inputValue();
  await indicators.getByRole('button', { name: 'Move indicator 2 up' }).focus();
  await page.keyboard.press('Enter');
  await expect(indicators.getByRole('textbox').first()).toHaveValue(second);
  await expect(indicators.getByRole('button', { name: 'Move indicator 1 down' })).toBeFocused();
  // …and deleted: the next indicator takes the focus
  await indicators.getByRole('button', { name: 'Delete indicator 1' }).focus();
  await page.keyboard.press('Space');
  await expect(indicators.getByRole('textbox').first()).not.toHaveValue(second);
  await focusIn(page, indicators);

  // an alignment removed
  const picker = page.getByTestId('alignment-picker');
  const find = picker.getByLabel('Find a standard to align');
  await find.fill('3.NF.A.3');
  await find.press('Enter');
  const aligned = picker.getByTestId('alignment');
  const n = await aligned.count();
  await aligned.last().getByRole('button', { name: 'Remove alignment' }).focus();
  await page.keyboard.press('Enter');
  await expect(aligned).toHaveCount(n - 1);
  await focusIn(page, picker);

  // a domain removed (after its question)
  await page.getByRole('tab', { name: 'Scale & domains', exact: true }).click();
  const domains = page.getByRole('region', { name: 'Domains' });
  const titles = domains.getByLabel(/^Domain \d+ title$/);
  const before = await titles.count();
  await domains.getByRole('button', { name: /^Remove / }).first().focus();
  await page.keyboard.press('Enter');
  // the question has Cancel focused; Tab goes to Remove domain
  const ask = page.getByRole('alertdialog', { name: 'Remove domain' });
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(ask.getByRole('button', { name: 'Remove domain' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(titles).toHaveCount(before - 1);
  await focusIn(page, domains);
  expect(errors).toEqual([]);
});
