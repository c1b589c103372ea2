import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openApp } from './canvas-helpers';

// A district reviewer exports CASE 1.1 with the review comments (the CLI's --include-comments): the option is
// offered for CASE 1.1 only, off at first, and remembered for the next export.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('progressions.fsAccess', 'off'));
});

async function exportCase11(page: Page): Promise<{ extensions?: { progressions?: { comments?: Record<string, unknown> } } }> {
  const dialog = page.getByTestId('export-dialog');
  const download = page.waitForEvent('download');
  await dialog.getByTestId('export-run').click();
  return JSON.parse(readFileSync(await (await download).path(), 'utf8'));
}

test('Export ▸ CASE 1.1 can include review comments; off by default, CASE 1.1 only, remembered', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  const option = dialog.getByRole('checkbox', { name: /Include review comments \(5\)/ });
  await expect(option).not.toBeChecked();
  await expect(dialog.getByTestId('export-comments')).toContainText('Other CASE systems may ignore it');
  // without it: no comments in the package
  expect((await exportCase11(page)).extensions?.progressions?.comments).toBeUndefined();

  await page.getByTestId('open-export').click();
  await expect(option).not.toBeChecked();
  await option.check();
  // CASE 1.0 cannot hold comments: the option is not offered there
  await dialog.locator('[data-format="case-1.0"]').click();
  await expect(dialog.getByTestId('export-comments')).toHaveCount(0);
  await dialog.locator('[data-format="case-1.1"]').click();
  await expect(option).toBeChecked();
  expect(Object.keys((await exportCase11(page)).extensions?.progressions?.comments ?? {})).toHaveLength(5);

  // remembered, also after a reload
  await page.reload();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await page.getByTestId('open-export').click();
  await expect(dialog.getByRole('checkbox', { name: /Include review comments/ })).toBeChecked();
  expect(errors).toEqual([]);
});

test('a framework without review comments says so; the option cannot be turned on', async ({ page }) => {
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByRole('checkbox', { name: 'Include review comments' })).toBeDisabled();
  await expect(dialog.getByTestId('export-comments')).toContainText('This framework has no review comments.');
});
