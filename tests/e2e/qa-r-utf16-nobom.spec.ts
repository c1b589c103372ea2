import { expect, test } from '@playwright/test';
import { collectErrors, newFramework, openApp } from './canvas-helpers';
import { openScienceByLink, openScienceWithOpen, science, utf16 } from './qa-w-utf16-helpers';
import { pickStandardsCsv } from './standards-helpers';

// Some Windows tools and exports write UTF-16 without a byte order mark. Open…, ?open= and Import read it in
// the browser where its zero bytes leave no doubt (they refused it: "saved as UTF-16"), and Import says how
// the file was read; what is not unambiguous is still refused with what to do (qa-r).

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('progressions.fsAccess', 'off'));
});

const noMark = { bom: false };
const SHOTS = process.env.SHOTS_DIR;

test('?open= and Open… read a framework file in UTF-16 without its mark, little and big endian', async ({ page }) => {
  const errors = collectErrors(page);
  await openScienceByLink(page, 'nobom.json', utf16(science, { le: false, bom: false }));
  await openScienceWithOpen(page, 'export-tool.json', utf16(science, noMark));
  expect(errors).toEqual([]);
});

test('?open= of UTF-16 that is not unambiguous (a stray byte at its end) is refused with what to do', async ({ page }) => {
  const errors = collectErrors(page);
  await page.route('**/published/odd.json', (route) => route.fulfill({ body: Buffer.concat([utf16(science, noMark), Buffer.from([0x0a])]), contentType: 'application/json' }));
  await openApp(page, '?open=published/odd.json');
  const banner = page.getByTestId('error-banner');
  await expect(banner).toContainText('saved as UTF-16 ("Unicode"), not as UTF-8: save it as UTF-8');
  expect(errors).toEqual([]);
});

test('Import ▸ Standards CSV reads a UTF-16 CSV without its mark, accents intact, and says how it was read', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  const csv = 'code\tstatement\r\nNF.1\tComprendre une fraction 1/b comme une partie d’un tout – “l’unité”\r\nNF.2\tPlacer une fraction sur une droite numérique\r\n';
  const dialog = await pickStandardsCsv(page, { name: 'unicode.txt', mimeType: 'text/plain', buffer: utf16(csv, noMark) });
  await expect(dialog.getByTestId('csv-preview')).toContainText('Comprendre une fraction 1/b comme une partie d’un tout – “l’unité”');
  await expect(dialog.getByTestId('encoding-notice')).toHaveText('Read as UTF-16 ("Unicode text"), as the file’s first bytes show.');
  await expect(dialog.getByTestId('csv-report')).toContainText('2 standards');
  if (SHOTS) await dialog.screenshot({ path: `${SHOTS}/utf16-nobom-import.png` });
  expect(errors).toEqual([]);
});
