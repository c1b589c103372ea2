import { test, expect } from '@playwright/test';
import { collectErrors, openApp, node } from './canvas-helpers';

// In an adopted (locked) framework, an indicator typed and added is refused with the lock notice; the text
// stays in the field, so Unlock then Add keeps it. It used to be cleared, the typing lost.
test('a refused new indicator keeps its text, and adds once unlocked', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(page.getByText('Adopted · locked')).toBeVisible();
  const card = page.locator('.react-flow__node-competency').first();
  await card.click();
  const field = page.getByLabel('New Proficient indicator');
  await field.fill('Explains why 3/4 > 2/3 with a number line');
  await field.press('Enter');
  await expect(page.getByText('This framework is adopted and locked. Unlock to edit.').first()).toBeVisible();
  await expect(field).toHaveValue('Explains why 3/4 > 2/3 with a number line');
  const list = page.getByLabel('Proficient performance indicators');
  const before = await list.locator('li').count();
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByRole('button', { name: 'Start a new draft' }).click();
  await expect(field).toHaveValue('Explains why 3/4 > 2/3 with a number line');
  await page.getByRole('button', { name: 'Add Proficient indicator' }).click();
  await expect(field).toHaveValue('');
  await expect(list.locator('li')).toHaveCount(before + 1);
  await expect(list.locator('li').last().locator('textarea')).toHaveValue('Explains why 3/4 > 2/3 with a number line');
  expect(errors).toEqual([]);
});

test('a refused new mastery phase keeps its name in the field', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(page.getByText('Adopted · locked')).toBeVisible();
  await page.getByRole('tab', { name: 'Scale & domains' }).click();
  const field = page.getByLabel('New phase name');
  await field.fill('Expert');
  await field.press('Enter');
  await expect(page.getByText('This framework is adopted and locked. Unlock to edit.').first()).toBeVisible();
  await expect(field).toHaveValue('Expert');
  expect(errors).toEqual([]);
});

test('a refused new domain keeps its title, in the Scale & domains panel and in the inspector', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(page.getByText('Adopted · locked')).toBeVisible();
  await page.getByRole('tab', { name: 'Scale & domains' }).click();
  const field = page.getByPlaceholder('New domain title…');
  await field.fill('Ratios');
  await field.press('Enter');
  await expect(page.getByText('This framework is adopted and locked. Unlock to edit.').first()).toBeVisible();
  await expect(field).toHaveValue('Ratios');
  await page.locator('.react-flow__node-competency').first().click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.locator('#field-domain').selectOption({ label: 'New domain…' });
  await page.getByLabel('New domain name').fill('Ratios');
  await page.getByLabel('New domain name').press('Enter');
  await expect(page.getByLabel('New domain name')).toHaveValue('Ratios');
  expect(errors).toEqual([]);
});
