import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { addCompetency, clickEmptyCanvas, collectErrors, mod, openWithPicker, stubFilePickers, writePrivateFile } from './canvas-helpers';

const TEXT = readFileSync(join(import.meta.dirname, '../fixtures/frameworks/v1-minimal.json'), 'utf8');
const FILE = 'shared-plan.json';
const MINE = 'shared-plan (mine).json';

const readOnDisk = (page: Page, name: string) =>
  page.evaluate(async (name) => (await (await (await navigator.storage.getDirectory()).getFileHandle(name)).getFile()).text(), name);

test('browser build: saving over a file a colleague changed meanwhile asks first (Cancel keeps theirs, Save As… keeps both)', async ({ page }) => {
  const errors = collectErrors(page);
  await stubFilePickers(page, FILE, MINE);
  await openWithPicker(page, FILE, TEXT);
  await addCompetency(page, 'MINE.1', 'My new competency');
  const theirs = TEXT.replace('"title": "', '"title": "Colleague edit — ');
  expect(theirs).not.toBe(TEXT);
  await writePrivateFile(page, FILE, theirs);

  // Back in the tab: the change is noticed at once; Cancel keeps my version.
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  const question = page.getByTestId('confirm-dialog');
  await expect(question).toContainText(`${FILE} was changed by another program`);
  await expect(question.getByTestId('confirm-ok')).toHaveText('Reload');
  await question.getByRole('button', { name: 'Keep mine' }).click();
  await expect(question).toHaveCount(0);
  await expect(page.getByTestId('dirty-mark')).toBeVisible();

  await clickEmptyCanvas(page);
  await page.keyboard.press(`${mod}+s`);
  const dialog = page.getByTestId('save-conflict');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`“${FILE}” was changed by someone else`);
  await expect(dialog.getByRole('button', { name: 'Save As…' })).toBeFocused();

  // Escape = Cancel: nothing written, still unsaved.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await readOnDisk(page, FILE)).toBe(theirs);
  await expect(page.getByTestId('dirty-mark')).toBeVisible();

  // Save As… keeps both.
  await page.keyboard.press(`${mod}+s`);
  await dialog.getByRole('button', { name: 'Save As…' }).click();
  await expect(page).toHaveTitle(`${MINE} — Progressions`);
  await expect(page.getByTestId('dirty-mark')).toHaveCount(0);
  expect(await readOnDisk(page, FILE)).toBe(theirs);
  expect(await readOnDisk(page, MINE)).toContain('MINE.1');
  expect(errors).toEqual([]);
});
