import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openWithPicker, stubFilePickers } from './canvas-helpers';

const TEXT = readFileSync(join(import.meta.dirname, '../fixtures/frameworks/v1-minimal.json'), 'utf8');
const FILE = 'district-plan.json';

// Keyboard only: Open Recent is a menu — Enter opens it on its first item, arrows move, Escape closes it and
// the focus goes back to its button (Escape used to leave the menu open and clear the map's selection).
test('Open Recent works from the keyboard: Enter, arrows, Escape back to the button', async ({ page }) => {
  await stubFilePickers(page, FILE);
  await openWithPicker(page, FILE, TEXT);
  await page.reload();
  await expect(page.getByTestId('canvas')).toBeVisible();

  const recent = page.getByRole('button', { name: 'Recent ▾' });
  await recent.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Open recent' });
  await expect(menu.getByRole('menuitem', { name: FILE })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: FILE })).toBeFocused(); // one item: it wraps to itself
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(recent).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('menuitem', { name: FILE })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle(`${FILE} — Progressions`);
});
