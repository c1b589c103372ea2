import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, node, openApp } from './canvas-helpers';

const TEXT = readFileSync(join(import.meta.dirname, '../fixtures/frameworks/v1-minimal.json'), 'utf8');
const FILE = 'district-plan.json';

/**
 * Stands in for the browser's file picker: `showOpenFilePicker` answers with a real file handle from
 * the origin-private file system (a handle IndexedDB can store, like one the user picked).
 */
async function stubPicker(page: Page): Promise<void> {
  await page.addInitScript((name) => {
    (window as unknown as { showOpenFilePicker: () => Promise<FileSystemFileHandle[]> }).showOpenFilePicker = async () => {
      const root = await navigator.storage.getDirectory();
      return [await root.getFileHandle(name)];
    };
  }, FILE);
}

async function writeFile(page: Page): Promise<void> {
  await page.evaluate(
    async ({ name, text }) => {
      const root = await navigator.storage.getDirectory();
      const w = await (await root.getFileHandle(name, { create: true })).createWritable();
      await w.write(text);
      await w.close();
    },
    { name: FILE, text: TEXT },
  );
}

test('browser build: Open Recent survives a reload and reopens the same file', async ({ page }) => {
  const errors = collectErrors(page);
  await stubPicker(page);
  await openApp(page);
  await writeFile(page);
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
