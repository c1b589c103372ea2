import { expect, test } from '@playwright/test';
import { addCompetency, clickEmptyCanvas, collectErrors, mod, newFramework, node, openApp, shot } from './canvas-helpers';

test('edit mastery phases and performance indicators in the inspector, each edit one undo step', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  await addCompetency(page, 'NF.1', 'Understand a fraction as a number on the number line');
  const badge = node(page, 'NF.1').locator('.badge').nth(1); // indicators
  await expect(badge).toHaveText('0');

  // The threshold phase (Proficient) is open by default; describe it and add three indicators.
  const proficient = page.getByTestId('phase-Proficient');
  await proficient.getByLabel('Proficient descriptor').fill('Places any fraction a/b on a number line and explains the partition.');
  await proficient.getByLabel('Proficient descriptor').blur();
  const add = proficient.getByLabel('New Proficient indicator');
  for (const text of ['Marks 1/4 on a 0–1 line', 'Marks 3/4 by iterating 1/4', 'Explains why 4/4 = 1']) {
    await add.fill(text);
    await add.press('Enter');
  }
  await expect(proficient.getByLabel(/Proficient indicator \d/)).toHaveCount(3);
  await expect(badge).toHaveText('3');
  await expect(node(page, 'NF.1').locator('.badge').first()).toHaveText('1/4');

  // Edit one (commits on Enter), reorder, delete.
  const second = proficient.getByLabel('Proficient indicator 2');
  await second.fill('Marks 3/4 by iterating the unit fraction 1/4');
  await second.press('Enter');
  await proficient.getByRole('button', { name: 'Move indicator 3 up' }).click();
  await expect(proficient.getByLabel('Proficient indicator 2')).toHaveValue('Explains why 4/4 = 1');
  await expect(proficient.getByLabel('Proficient indicator 3')).toHaveValue('Marks 3/4 by iterating the unit fraction 1/4');
  await proficient.getByRole('button', { name: 'Delete indicator 1' }).click();
  await expect(proficient.getByLabel(/Proficient indicator \d/)).toHaveCount(2);

  // Another phase: open Developing and describe it.
  await page.getByTestId('phase-Developing').locator('summary').click();
  await page.getByLabel('Developing descriptor').fill('Places unit fractions with support.');
  await page.getByLabel('New Developing indicator').fill('Marks 1/2 on a number line');
  await page.getByLabel('New Developing indicator').press('Enter');
  await expect(node(page, 'NF.1').locator('.badge').first()).toHaveText('2/4');
  await shot(page, 'inspector-phases');

  // Undo walks back one field edit at a time (not per keystroke).
  await clickEmptyCanvas(page);
  await node(page, 'NF.1').click();
  await clickEmptyCanvas(page);
  await page.keyboard.press(`${mod}+z`); // add Developing indicator
  await page.keyboard.press(`${mod}+z`); // Developing descriptor
  await expect(node(page, 'NF.1').locator('.badge').first()).toHaveText('1/4');
  await page.keyboard.press(`${mod}+z`); // delete indicator 1
  await expect(badge).toHaveText('3');
  await node(page, 'NF.1').click();
  await expect(page.getByTestId('phase-Proficient').getByLabel('Proficient indicator 1')).toHaveValue('Marks 1/4 on a 0–1 line');

  // Double-clicking a competency puts the cursor in its statement.
  await clickEmptyCanvas(page);
  await node(page, 'NF.1').dblclick();
  await expect(page.locator('#field-statement')).toBeFocused();
  await page.keyboard.press('Escape');

  // The framework scale: rename a phase and move the threshold; the inspector follows.
  await page.getByRole('tab', { name: 'Scale & domains' }).click();
  await page.getByLabel('Phase 4 name').fill('Extending');
  await page.getByLabel('Phase 4 name').press('Enter');
  await page.getByLabel('New domain title').fill('Number & Operations—Fractions');
  await page.getByRole('button', { name: 'Add domain' }).click();
  await shot(page, 'framework-panel');
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await node(page, 'NF.1').click();
  await expect(page.getByTestId('phase-Extending')).toBeVisible();
  await page.locator('#field-domain').selectOption({ label: 'Number & Operations—Fractions' });
  await expect(node(page, 'NF.1')).toContainText('Number & Operations—Fractions');
  await expect(page.getByTestId('domain-lane')).toHaveCount(1);

  // A new domain straight from the inspector (one undo step: add domain + assign).
  await page.locator('#field-domain').selectOption({ label: 'New domain…' });
  await page.getByLabel('New domain name').fill('Decimal Fractions');
  await page.getByLabel('New domain name').press('Enter');
  await expect(node(page, 'NF.1')).toContainText('Decimal Fractions');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /^Undo: add domain Decimal Fractions/);

  expect(errors).toEqual([]);
});
