import { expect, test } from '@playwright/test';
import { addCompetency, collectErrors, newFramework, node, openApp, unlockToCorrect } from './canvas-helpers';
import { openTab } from './standards-helpers';

const NOTICE = 'This framework is adopted and locked. Unlock to edit.';

test('an adopted framework refuses edits until the designer unlocks it', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  await addCompetency(page, 'FR.1', 'Understand unit fractions');
  await expect(page.getByTestId('lock-badge')).toHaveCount(0);

  // Adopt it in the Details panel: the badge says it is locked.
  await openTab(page, 'Details');
  await page.locator('#meta-status').selectOption({ label: 'Adopted' });
  const badge = page.getByTestId('lock-badge');
  await expect(badge).toContainText('Adopted · locked');

  // Adding a competency is refused with the notice; the canvas still shows one competency.
  await page.getByRole('button', { name: 'Competency', exact: true }).click();
  await expect(page.getByTestId('notice')).toContainText(NOTICE);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(1);

  // Unlock (session only, the status stays Adopted): adding works.
  await unlockToCorrect(page);
  await expect(badge.getByRole('button', { name: 'Lock again' })).toBeFocused(); // where Unlock was
  await expect(page.locator('#meta-status')).toHaveValue('adopted');
  await addCompetency(page, 'FR.2', 'Place unit fractions on a number line');
  await expect(node(page, 'FR.2')).toBeVisible();
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(2);

  // Lock again: edits are refused again.
  await badge.getByRole('button', { name: 'Lock again' }).click();
  await expect(badge).toContainText('Adopted · locked');
  await page.getByRole('button', { name: 'Competency', exact: true }).click();
  await expect(page.getByTestId('notice')).toContainText(NOTICE);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(2);
  expect(errors).toEqual([]);
});

test('Unlock on an adopted framework offers a new draft: status draft, version one up, undo brings the adopted version back', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page); // the example opens adopted, version 1.0.0
  const badge = page.getByTestId('lock-badge');
  await expect(badge).toContainText('Adopted · locked');
  await badge.getByRole('button', { name: 'Unlock' }).click();
  const dialog = page.getByTestId('unlock-dialog');
  await expect(dialog).toContainText('is adopted as version 1.0.0');
  await expect(dialog).toContainText('Start a new draft (version 1.0.1)');
  await expect(dialog.getByTestId('unlock-new-draft')).toBeFocused();

  // Cancel (Escape) changes nothing.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(badge).toContainText('Adopted · locked');

  await badge.getByRole('button', { name: 'Unlock' }).click();
  await dialog.getByTestId('unlock-new-draft').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('lock-badge')).toHaveCount(0); // a draft is not locked
  // the Unlock button went with the lock: the keyboard focus is on the map, not lost on the page
  await expect(page.getByTestId('canvas').locator(':focus')).toHaveCount(1);
  await expect(page.getByTestId('notice')).toContainText('New draft, version 1.0.1');
  await openTab(page, 'Details');
  await expect(page.locator('#meta-status')).toHaveValue('draft');
  await expect(page.locator('#meta-version')).toHaveValue('1.0.1');
  await addCompetency(page, 'FR.NEW', 'A competency of the next version');
  await expect(node(page, 'FR.NEW')).toBeVisible();

  // Undo the add (its statement, code, the card), then the new draft: adopted as 1.0.0 and locked again.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  await expect(node(page, 'FR.NEW')).toHaveCount(0);
  await expect(page.getByTestId('lock-badge')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await openTab(page, 'Details');
  await expect(page.locator('#meta-status')).toHaveValue('adopted');
  await expect(page.locator('#meta-version')).toHaveValue('1.0.0');
  await expect(page.getByTestId('lock-badge')).toContainText('Adopted · locked');
  expect(errors).toEqual([]);
});
