import { expect, test, type Page } from '@playwright/test';
import { collectErrors, node, openApp } from './canvas-helpers';
import { importProgress, openLearners } from './learners-helpers';

// Ctrl+P over the app printed the window: the toolbar, the side panel and the map cut off at the window's edge,
// in landscape. It now opens Export on the printable map (paper, audience, preview, Print), as the desktop's
// File › Print / Export PDF… does; over a print view (the printable map's preview, the student view) the
// browser's own Ctrl+P prints that view, untouched.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __prints: number }).__prints = 0;
    window.print = () => {
      (window as unknown as { __prints: number }).__prints++;
    };
  });
});

/** Ctrl+P as the page sees it; true when the app took it (the browser would not print then). */
async function ctrlP(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const ev = new KeyboardEvent('keydown', { key: 'p', code: 'KeyP', ctrlKey: true, bubbles: true, cancelable: true });
    (document.activeElement ?? document.body).dispatchEvent(ev);
    return ev.defaultPrevented;
  });
}

test('Ctrl+P on the map opens the printable map; in its preview, the browser prints the preview', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();
  await node(page, 'FR.3.1').click();

  expect(await ctrlP(page)).toBe(true);
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-format="html"]')).toHaveClass(/is-on/);
  expect(await page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(0);

  await dialog.getByTestId('export-run').click();
  const preview = page.getByTestId('print-preview');
  await expect(preview).toBeVisible();
  // the preview is what prints: the app leaves Ctrl+P to the browser
  expect(await ctrlP(page)).toBe(false);
  await expect(dialog).toBeHidden();
  await preview.getByTestId('print-now').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
  expect(errors).toEqual([]);
});

test('Ctrl+P in the student view is left to the browser, which prints the view', async ({ page }) => {
  const errors = collectErrors(page);
  const panel = await openLearners(page);
  await importProgress(page, panel, 'grade3-5-fractions.csv');
  await panel.getByTestId('learner-select').selectOption('leo');
  await panel.getByTestId('open-student-view').click();
  await expect(page.getByRole('dialog', { name: 'Student view' })).toBeVisible();
  expect(await ctrlP(page)).toBe(false);
  await expect(page.getByTestId('export-dialog')).toHaveCount(0);
  expect(errors).toEqual([]);
});
