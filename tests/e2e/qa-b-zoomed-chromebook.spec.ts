import { expect, test } from '@playwright/test';
import { importProgress, openLearners } from './learners-helpers';

// A Chromebook at 1024×700 with the browser zoomed to 150 % lays the page out at 683×467 CSS pixels.
test.use({ viewport: { width: 683, height: 467 } });

test('at 1024×700 zoomed to 150 %, every toolbar button (theme and help included) is on screen and usable', async ({ page }) => {
  await page.goto('./?open=/examples/grade3-5-fractions.json');
  await expect(page.locator('[data-testid=competency-node]').first()).toBeVisible();
  const toolbar = page.getByRole('toolbar', { name: 'Main toolbar' });
  for (const b of await toolbar.locator('button:visible, input:visible').all()) {
    const box = (await b.boundingBox())!;
    expect(box.x + box.width, `${await b.getAttribute('aria-label') ?? await b.textContent()} is inside the window`).toBeLessThanOrEqual(683);
  }
  await toolbar.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});

test('at 1024×700 zoomed to 150 %, the class summary and the per-learner table fit the side panel (it clips sideways)', async ({ page }) => {
  const panel = await openLearners(page);
  await importProgress(page, panel, 'grade3-5-fractions.csv');
  await panel.getByRole('tab', { name: 'Class' }).click();
  await expect(panel.getByRole('region', { name: 'Each learner' })).toBeVisible();
  const side = page.locator('.side-content');
  const right = await side.evaluate((el) => el.getBoundingClientRect().right);
  for (const table of await panel.locator('table').all()) expect(await table.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(right);
  expect(await side.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});

test('at 1024×700 zoomed to 150 %, the Coverage table fits the side panel (its right edge was clipped)', async ({ page }) => {
  await page.goto('./?open=/examples/grade3-5-fractions.json');
  await expect(page.locator('[data-testid=competency-node]').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Coverage' }).click();
  const side = page.locator('.side-content');
  const tables = side.locator('table.cov-table');
  await expect(tables.first()).toBeVisible();
  const right = await side.evaluate((el) => el.getBoundingClientRect().right);
  for (const table of await tables.all()) expect(await table.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(right);
});
