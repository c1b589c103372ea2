import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import { addCompetency, clickEmptyCanvas, collectErrors, mod, newFramework, node, openApp } from './canvas-helpers';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('progressions.fsAccess', 'off'));
});

/**
 * A side panel that crashes while rendering shows a message in its place; the document (with its
 * unsaved edits) stays, editing goes on and the save has everything. The crash is injected from the
 * test by making a browser function the Details panel calls while rendering throw — the app's code is
 * unchanged.
 */
test('a crashing panel does not lose the document', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  await addCompetency(page, 'PC.1', 'Name unit fractions');
  await expect(page.getByTestId('dirty-mark')).toBeVisible();

  await page.evaluate(() => {
    const w = window as unknown as { __toLocale: typeof Date.prototype.toLocaleString };
    w.__toLocale = Date.prototype.toLocaleString;
    Date.prototype.toLocaleString = function () {
      throw new Error('injected crash');
    };
  });
  await page.getByRole('tab', { name: 'Details' }).click();
  const crash = page.getByRole('tabpanel', { name: 'Details' }).getByRole('alert');
  await expect(crash).toContainText('Something went wrong in the Details panel.');
  await expect(crash).toContainText('Your document is safe');
  await expect(crash).toContainText('injected crash');

  // The document is intact and still unsaved.
  await expect(node(page, 'PC.1')).toBeVisible();
  await expect(page.getByTestId('dirty-mark')).toBeVisible();

  // Once the fault is gone, "Try again" brings the panel back, showing the document.
  await page.evaluate(() => {
    Date.prototype.toLocaleString = (window as unknown as { __toLocale: typeof Date.prototype.toLocaleString }).__toLocale;
  });
  await crash.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Details' }).locator('#meta-title')).toHaveValue('Untitled framework');

  // Editing goes on.
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await addCompetency(page, 'PC.2', 'Compare unit fractions');

  // The save has both competencies.
  await clickEmptyCanvas(page);
  const download = page.waitForEvent('download');
  await page.keyboard.press(`${mod}+s`);
  const path = test.info().outputPath('saved.json');
  await (await download).saveAs(path);
  const loaded = loadFrameworkText(readFileSync(path, 'utf8'));
  expect(loaded.ok && Object.values(loaded.value.framework.competencies).map((c) => c.code).sort()).toEqual(['PC.1', 'PC.2']);
  // The only errors logged are the injected crash (React reports the caught error).
  expect(errors.filter((e) => !e.includes('injected crash'))).toEqual([]);
});
