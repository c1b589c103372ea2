import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './canvas-helpers';

test('comparing with a file that breaks the schema lists every problem in the learners panel, as the open-error banner does', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(page.locator('[data-testid=competency-node]').first()).toBeVisible();

  await page.getByRole('tab', { name: 'Learners' }).click();
  const panel = page.getByTestId('learners-panel');
  await panel.getByRole('tab', { name: 'Compare' }).click();
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Choose the other version…' }).click();
  await (await chooser).setFiles('tests/fixtures/invalid/schema-problems-many.json');

  const message = panel.getByTestId('learners-message');
  await expect(message.getByRole('alert')).toHaveText('schema-problems-many.json: it does not match the framework file format (60 problems).');
  const items = message.getByTestId('open-problems').getByRole('listitem');
  // the panel is narrow: the first few, then all (up to 50) on "Show all"
  await expect(items).toHaveCount(5);
  await message.getByRole('button', { name: 'Show all 60 problems' }).click();
  await expect(message.getByTestId('open-problems')).toBeFocused();
  await expect(items).toHaveCount(50);
  await expect(items.first()).toContainText('competency “M.1” (“Competency number 1 of the many”): estimated hours must be a number or null');
  await expect(message.getByTestId('open-problems-more')).toHaveText('… and 10 more problems');
  await expect(message.getByRole('button', { name: 'Copy all 60 problems' })).toBeVisible();
  await expect(panel.getByTestId('compare-versions')).toHaveCount(0);

  await message.getByRole('button', { name: 'Dismiss' }).click();
  await expect(message).toHaveCount(0);
  expect(errors).toEqual([]);
});
