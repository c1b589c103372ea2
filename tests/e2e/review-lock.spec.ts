import { expect, test } from '@playwright/test';
import { addCompetency, collectErrors, newFramework, node, openApp } from './canvas-helpers';
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
  await badge.getByRole('button', { name: 'Unlock' }).click();
  await expect(badge).toContainText('Unlocked for editing');
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
