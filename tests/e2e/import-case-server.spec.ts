import { expect, test } from '@playwright/test';
import { collectErrors, newFramework, openApp } from './canvas-helpers';

// A CASE 1.0 package served like a CASE server serves it: …/ims/case/v1p0/CFPackages/{document id}
// (tests/fixtures/case-server, mounted at /fixtures by the e2e web server).
const DOC_ID = '7c1e2a90-3b4d-4e5f-8a6b-1c2d3e4f5a60';
const PACKAGE_PATH = `fixtures/case-server/ims/case/v1p0/CFPackages/${DOC_ID}`;

test('imports a CASE package from a CASE server address on the same origin (a CFDocuments address works too)', async ({ page, baseURL }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  await page.getByTestId('open-import').click();
  const dialog = page.getByTestId('import-dialog');

  // The document's address is turned into its package's address.
  await dialog.getByLabel('CASE server address').fill(new URL(PACKAGE_PATH.replace('CFPackages', 'CFDocuments'), baseURL).href);
  await dialog.getByRole('button', { name: 'Download' }).click();

  const report = dialog.getByTestId('case-report');
  await expect(report).toContainText('Ocean Science (server sample)');
  await expect(report).toContainText('CASE 1.0');
  await expect(report).toContainText('4 items');
  await expect(dialog.getByRole('radio', { name: /Add as a standards set/ })).toBeChecked();
  await dialog.getByTestId('import-apply').click();
  await expect(dialog).toBeHidden();

  const browser = page.getByTestId('standards-panel');
  await expect(browser).toContainText('Ocean Science (server sample)');
  await expect(browser.locator('[data-testid="standard-row"][data-code="OS.1"]')).toBeVisible();
  expect(errors).toEqual([]);
});

test('explains that another CASE server needs the desktop app (or a downloaded file); a missing package is a 404', async ({ page, baseURL }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByTestId('open-import').click();
  const dialog = page.getByTestId('import-dialog');
  const address = dialog.getByLabel('CASE server address');
  const error = dialog.getByTestId('import-error');

  // Cross-origin: refused before any request is made (the page's CSP allows its own origin only).
  await address.fill(`https://case.example.org/ims/case/v1p1/CFPackages/${DOC_ID}`);
  await dialog.getByRole('button', { name: 'Download' }).click();
  await expect(error).toContainText('importing straight from a CASE server needs the desktop app');
  await expect(error).toContainText('save the package (JSON), and import the file');
  await expect(dialog.getByTestId('case-report')).toHaveCount(0);

  // Same origin, but no such package.
  await address.fill(new URL('fixtures/case-server/ims/case/v1p1/CFPackages/no-such-document', baseURL).href);
  await dialog.getByRole('button', { name: 'Download' }).click();
  await expect(error).toContainText('There is no CASE package at this address (HTTP 404)');

  // Not a CASE address at all.
  await address.fill(new URL('fixtures/case/sample.case-1.1.json', baseURL).href);
  await dialog.getByRole('button', { name: 'Download' }).click();
  await expect(error).toContainText('This is not a CASE package address');
  // The 404 above is the browser's own console message for a failed request, nothing else.
  expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
});
