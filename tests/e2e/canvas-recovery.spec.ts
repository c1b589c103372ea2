import { expect, test } from '@playwright/test';
import { addCompetency, collectErrors, newFramework, node, openApp } from './canvas-helpers';
import { autosaveEverySecond, journalRecords } from './recovery-helpers';

test('unsaved work survives a closed tab: the next start offers to restore it', async ({ page }) => {
  const errors = collectErrors(page);
  page.on('dialog', (d) => void d.accept()); // "leave the page with unsaved changes?"
  await autosaveEverySecond(page);
  await openApp(page);
  await newFramework(page);
  await addCompetency(page, 'R.1', 'A competency nobody saved');
  await expect(page.getByTestId('dirty-mark')).toBeVisible();
  // The recovery journal is written every autosave interval (1 s here).
  await expect.poll(async () => (await journalRecords(page)).length).toBe(1);

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
