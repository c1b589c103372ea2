import { expect, test } from '@playwright/test';
import { addCompetency, clickEmptyCanvas, collectErrors, dragLink, mod, newFramework, node, openApp, shot } from './canvas-helpers';

test('create three competencies, link them, a cycle is refused with the cycle named, undo and redo', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);

  await addCompetency(page, 'FR.1', 'Partition a whole into equal parts');
  await addCompetency(page, 'FR.2', 'Understand a unit fraction 1/b');
  await addCompetency(page, 'FR.3', 'Place fractions on a number line');
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(3);
  await expect(page.getByTestId('dirty-mark')).toBeVisible();
  await clickEmptyCanvas(page);
  await page.keyboard.press('f'); // fit the map in view

  await dragLink(page, 'FR.1', 'FR.2');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await dragLink(page, 'FR.2', 'FR.3');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await shot(page, 'link-three');

  // FR.3 → FR.1 would close the cycle FR.3 → FR.1 → FR.2 → FR.3: refused, and said so.
  await dragLink(page, 'FR.3', 'FR.1');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('prerequisite cycle');
  await expect(notice).toContainText('FR.3 → FR.1 → FR.2 → FR.3');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await shot(page, 'cycle-refused');

  // The inspector's picker (keyboard path) shows the same link disabled, saying why (FR.2 too: FR.1 unlocks it).
  await node(page, 'FR.1').click();
  const picker = page.getByLabel('Add a prerequisite');
  await expect(picker.locator('option', { hasText: 'FR.3 Place fractions on a number line — would make a cycle' })).toBeDisabled();
  await expect(picker.locator('option', { hasText: 'FR.2 Understand a unit fraction 1/b — would make a cycle' })).toBeDisabled();
  // K on the two selected (FR.3 then FR.1) is refused with the cycle named
  await node(page, 'FR.3').click();
  await node(page, 'FR.1').click({ modifiers: ['Shift'] });
  await page.keyboard.press('k');
  await expect(page.getByTestId('notice')).toContainText('FR.3 → FR.1 → FR.2 → FR.3');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  await clickEmptyCanvas(page);
  await page.keyboard.press(`${mod}+z`);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.getByTestId('notice')).toContainText('Undo: link FR.2 → FR.3');
  await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled();

  // Selecting does not clear redo.
  await node(page, 'FR.2').click();
  await clickEmptyCanvas(page);
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  // A link is selected by clicking it: the inspector shows both ends and a note; Delete removes it.
  await page.locator('.react-flow__edge').first().click();
  await expect(page.getByRole('heading', { name: 'Prerequisite link' })).toBeVisible();
  await page.locator('#field-link-note').fill('Partitioning comes first');
  await page.locator('#field-link-note').blur();
  await expect(page.locator('.react-flow__edge.edge-noted')).toHaveCount(1);
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await page.keyboard.press(`${mod}+z`);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  // Double-click on the empty canvas adds a competency there.
  await page.getByTestId('canvas').dblclick({ position: { x: 60, y: 60 } });
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(4);
  await expect(page.locator('#field-code')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${mod}+z`);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(3);

  // Delete a competency takes its links; undo brings both back.
  await node(page, 'FR.2').click();
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await page.keyboard.press(`${mod}+z`);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(3);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  expect(errors).toEqual([]);
});
