import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { collectErrors, node, openApp, stubFilePickers, writePrivateFile } from './canvas-helpers';

const TEXT = readFileSync(join(import.meta.dirname, '../fixtures/frameworks/v1-minimal.json'), 'utf8');
const FILE = 'district-plan.json';

test('browser build: Open Recent survives a reload and reopens the same file', async ({ page }) => {
  const errors = collectErrors(page);
  await stubFilePickers(page, FILE);
  await openApp(page);
  await writePrivateFile(page, FILE, TEXT);
  const recentButton = page.getByRole('button', { name: 'Recent ▾' });
  await expect(recentButton).toHaveCount(0);

  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page).toHaveTitle(`${FILE} — Progressions`);
  const code = (JSON.parse(TEXT) as { framework: { competencies: Record<string, { code: string }> } }).framework.competencies;
  const first = Object.values(code)[0]!.code;
  await expect(node(page, first)).toBeVisible();
  await expect(recentButton).toBeVisible();

  // After a reload the bundled example shows; Open Recent still lists the file and reopens it.
  await page.reload();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(page).not.toHaveTitle(`${FILE} — Progressions`);
  await recentButton.click();
  const menu = page.getByTestId('open-recent');
  await expect(menu.getByRole('menuitem')).toHaveText([FILE]);
  await menu.getByRole('menuitem', { name: FILE }).click();
  await expect(page).toHaveTitle(`${FILE} — Progressions`);
  await expect(node(page, first)).toBeVisible();

  // Without the File System Access API there is nothing to reopen: Open Recent is hidden.
  await page.evaluate(() => localStorage.setItem('progressions.fsAccess', 'off'));
  await page.reload();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open', exact: true })).toBeVisible();
  await expect(recentButton).toHaveCount(0);
  expect(errors).toEqual([]);
});
