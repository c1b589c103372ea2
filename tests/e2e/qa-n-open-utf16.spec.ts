import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collectErrors, node, openApp } from './canvas-helpers';
import { openScienceByLink, openScienceWithOpen, science, utf16 } from './qa-w-utf16-helpers';

// Framework files and CASE packages saved by Windows PowerShell 5 (`>` writes UTF-16LE with a byte order
// mark) or Notepad's "Unicode" open in the browser as on the command line — by Open…, a drop, ?open= and
// Import ▸ CASE package; ?open= read UTF-16 as UTF-8 and refused it.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('progressions.fsAccess', 'off'));
});

test('Open…, a drop and ?open= read a UTF-16 framework file', async ({ page }) => {
  const errors = collectErrors(page);
  await openScienceByLink(page, 'ps5.json', utf16(science));
  await openScienceWithOpen(page, 'notepad-unicode.json', utf16(science));

  const fractions = readFileSync('resources/examples/grade3-5-fractions.json', 'utf8');
  await page.evaluate((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(bytes)], 'big-endian.json', { type: 'application/json' }));
    const target = document.querySelector('[data-testid="canvas"]') ?? document.body;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [...utf16(fractions, { le: false })]);
  await expect(node(page, 'FR.3.1')).toBeVisible();
  await expect(page.getByTestId('doc-name')).toHaveText('big-endian.json');
  expect(errors).toEqual([]);
});

test('?open= of a file in another encoding says where and what to do, not garbled letters', async ({ page }) => {
  const errors = collectErrors(page);
  // "Zoë" with ë as the Windows-1252 byte EB
  const bytes = Buffer.concat([Buffer.from(science.slice(0, 40)), Buffer.from([0xeb]), Buffer.from(science.slice(40))]);
  await page.route('**/published/cp1252.json', (route) => route.fulfill({ body: bytes, contentType: 'application/json' }));
  await openApp(page, '?open=published/cp1252.json');
  const banner = page.getByTestId('error-banner');
  await expect(banner).toContainText('Could not open cp1252.json: line');
  await expect(banner).toContainText('save it as UTF-8');
  expect(errors).toEqual([]);
});
