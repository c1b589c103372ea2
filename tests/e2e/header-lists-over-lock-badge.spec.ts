import { expect, test } from '@playwright/test';
import { collectErrors, mod, openApp } from './canvas-helpers';

// On an adopted (locked) framework the "Adopted · locked" badge sits over the map's top right corner. The
// header's search results open over the map there: they must cover the badge, not slide under it (the badge
// cut "FR.3.3" to ".3.3").
test('the search results open over the lock badge of an adopted framework', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  const badge = page.locator('.lock-badge');
  await expect(badge).toBeVisible();
  await page.keyboard.press(`${mod}+f`);
  await page.getByLabel('Search competencies').fill('number line');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option').first()).toBeVisible();
  // where the badge and the results overlap, what is on top belongs to the results
  const b = (await badge.boundingBox())!;
  const r = (await results.boundingBox())!;
  const x = Math.max(b.x, r.x) + 1;
  const y = Math.max(b.y, r.y) + 1;
  expect(x < Math.min(b.x + b.width, r.x + r.width) && y < Math.min(b.y + b.height, r.y + r.height), 'the results and the badge overlap').toBe(true);
  const onTop = await page.evaluate(([px, py]) => !!document.elementFromPoint(px!, py!)?.closest('[role="listbox"]'), [x, y]);
  expect(onTop).toBe(true);
  expect(errors).toEqual([]);
});
