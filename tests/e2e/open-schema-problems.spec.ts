import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './canvas-helpers';

test.beforeEach(async ({ page }) => {
  // Open… through the file input (the fallback of browsers without the File System Access API).
  await page.addInitScript(() => localStorage.setItem('progressions.fsAccess', 'off'));
});

test('opening a file that breaks the schema lists each problem where it is, in words, and keeps the open framework', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const before = await page.locator('.react-flow__node-competency').count();
  expect(before).toBeGreaterThan(0);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open' }).click();
  await (await chooser).setFiles('tests/fixtures/invalid/schema-problems.json');

  const banner = page.getByTestId('error-banner');
  await expect(banner.getByRole('alert')).toHaveText('Could not open schema-problems.json: it does not match the framework file format (7 problems).');
  const items = page.getByTestId('open-problems').getByRole('listitem');
  await expect(items).toHaveCount(7);
  await expect(items.nth(2)).toContainText('competency “NF.1” (“Name a unit fraction 1/b as one of b…”) — phase Proficient, indicator 1: text must be a string');
  await expect(items.nth(2).locator('code')).toHaveText(
    '/framework/competencies/c0000000-0000-4000-8000-000000000001/phases/a0000000-0000-4000-8000-000000000003/indicators/0/text',
  );
  await expect(items.nth(4)).toContainText('prerequisite link “NF.1” → “Place a fraction a/b on a…”: note must be a string');
  await expect(page.getByTestId('open-problems-more')).toHaveCount(0);
  // The framework that was open is still there, untouched.
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(before);
  await expect(page.getByTestId('doc-name')).toHaveText('grade3-5-fractions.json');

  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a file with more problems than the list shows: the first 50, how many more, and all of them to copy', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, '?open=fixtures/invalid/schema-problems-many.json');
  const banner = page.getByTestId('error-banner');
  await expect(banner).toContainText('it does not match the framework file format (60 problems).');
  await expect(page.getByTestId('open-problems').getByRole('listitem')).toHaveCount(50);
  await expect(page.getByTestId('open-problems-more')).toHaveText('… and 10 more problems');
  // The list scrolls inside the banner: the canvas stays in view below it.
  const list = await page.getByTestId('open-problems').boundingBox();
  expect(list!.height).toBeLessThanOrEqual(page.viewportSize()!.height * 0.4 + 1);

  await banner.getByRole('button', { name: 'Copy all 60 problems' }).click();
  await expect(banner.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const lines = copied.trimEnd().split('\n');
  expect(lines).toHaveLength(60);
  expect(lines[59]).toBe(
    'competency “M.60” (“Competency number 60 of the many”): estimated hours must be a number or null (/framework/competencies/c0000000-0000-4000-8000-000000000160/estimatedHours)',
  );
});
