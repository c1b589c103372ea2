import { expect, test } from '@playwright/test';
import { collectErrors, node } from './canvas-helpers';
import { unsavedWorkJournalled } from './recovery-helpers';

test('unsaved work survives a closed tab: the next start offers to restore it', async ({ page }) => {
  const errors = collectErrors(page);
  // unsaved, and journalled within the autosave interval (1 s here)
  await unsavedWorkJournalled(page);
  await expect(page.getByTestId('dirty-mark')).toBeVisible();

  await page.reload();
  const offer = page.getByRole('dialog', { name: 'Restore unsaved work' });
  await expect(offer).toContainText('Untitled framework');
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(node(page, 'R.1')).toBeVisible();
  await expect(page.getByTestId('dirty-mark')).toBeVisible();

  // Restored and then saved or discarded, it is not offered again.
  await page.reload();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Restore unsaved work' })).toHaveCount(1); // still unsaved: offered again
  await page.getByRole('dialog', { name: 'Restore unsaved work' }).getByRole('button', { name: 'Discard' }).click();
  await page.reload();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(page.locator('.react-flow__node-competency').first()).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Restore unsaved work' })).toHaveCount(0);
  expect(errors).toEqual([]);
});
