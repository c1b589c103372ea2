import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collectErrors, newFramework, node, openApp } from './canvas-helpers';
import { pickStandardsCsv } from './standards-helpers';

// Some Windows tools and exports write UTF-16 without a byte order mark. Open…, ?open= and Import read it in
// the browser where its zero bytes leave no doubt (they refused it: "saved as UTF-16"), and Import says how
// the file was read; what is not unambiguous is still refused with what to do (qa-r).

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('progressions.fsAccess', 'off'));
});

/** `text` as UTF-16 without a byte order mark, little or big endian. */
const utf16 = (text: string, le = true) => {
  const body = Buffer.from(text, 'utf16le');
  if (!le) body.swap16();
  return body;
};
const science = readFileSync('resources/examples/student-science-inquiry.json', 'utf8');
const scienceCount = Object.keys((JSON.parse(science) as { framework: { competencies: object } }).framework.competencies).length;

test('?open= and Open… read a framework file in UTF-16 without its mark, little and big endian', async ({ page }) => {
  const errors = collectErrors(page);
  await page.route('**/published/nobom.json', (route) => route.fulfill({ body: utf16(science, false), contentType: 'application/json' }));
  await openApp(page, '?open=published/nobom.json');
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(scienceCount);
  await expect(page.getByTestId('doc-name')).toHaveText('nobom.json');

  await openApp(page);
  await expect(node(page, 'FR.3.1')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open' }).click();
  await (await chooser).setFiles({ name: 'export-tool.json', mimeType: 'application/json', buffer: utf16(science) });
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(scienceCount);
  await expect(page.getByTestId('doc-name')).toHaveText('export-tool.json');
  expect(errors).toEqual([]);
});

test('?open= of UTF-16 that is not unambiguous (a stray byte at its end) is refused with what to do', async ({ page }) => {
  const errors = collectErrors(page);
  await page.route('**/published/odd.json', (route) => route.fulfill({ body: Buffer.concat([utf16(science), Buffer.from([0x0a])]), contentType: 'application/json' }));
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
  const dialog = await pickStandardsCsv(page, { name: 'unicode.txt', mimeType: 'text/plain', buffer: utf16(csv) });
  await expect(dialog.getByTestId('csv-preview')).toContainText('Comprendre une fraction 1/b comme une partie d’un tout – “l’unité”');
  await expect(dialog.getByTestId('encoding-notice')).toHaveText('Read as UTF-16 ("Unicode text"), as the file’s first bytes show.');
  await expect(dialog.getByTestId('csv-report')).toContainText('2 standards');
  await dialog.screenshot({ path: '/tmp/r/utf16-nobom-import.png' });
  expect(errors).toEqual([]);
});
