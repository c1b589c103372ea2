import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collectErrors, node, openApp } from './canvas-helpers';

// Framework files and CASE packages saved by Windows PowerShell 5 (`>` writes UTF-16LE with a byte order
// mark) or Notepad's "Unicode" open in the browser as on the command line — by Open…, a drop, ?open= and
// Import ▸ CASE package; ?open= read UTF-16 as UTF-8 and refused it.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('progressions.fsAccess', 'off'));
});

const utf16 = (text: string, le = true) => {
  const body = Buffer.from(text, 'utf16le');
  if (!le) body.swap16();
  return Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
};
const science = readFileSync('resources/examples/student-science-inquiry.json', 'utf8');
const scienceCount = Object.keys((JSON.parse(science) as { framework: { competencies: object } }).framework.competencies).length;

test('Open…, a drop and ?open= read a UTF-16 framework file', async ({ page }) => {
  const errors = collectErrors(page);
  await page.route('**/published/ps5.json', (route) => route.fulfill({ body: utf16(science), contentType: 'application/json' }));
  await openApp(page, '?open=published/ps5.json');
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(scienceCount);
  await expect(page.getByTestId('doc-name')).toHaveText('ps5.json');

  await openApp(page);
  await expect(node(page, 'FR.3.1')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open' }).click();
  await (await chooser).setFiles({ name: 'notepad-unicode.json', mimeType: 'application/json', buffer: utf16(science) });
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(scienceCount);
  await expect(page.getByTestId('doc-name')).toHaveText('notepad-unicode.json');

  const fractions = readFileSync('resources/examples/grade3-5-fractions.json', 'utf8');
  await page.evaluate((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(bytes)], 'big-endian.json', { type: 'application/json' }));
    const target = document.querySelector('[data-testid="canvas"]') ?? document.body;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [...utf16(fractions, false)]);
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
