import { expect, type Locator, type Page } from '@playwright/test';

/** Shows a side panel (a tab click toggles, so only click when it is not already open). */
export async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** A file to pick: a path, a CSV made by the test (sent as text/csv), or bytes made by the test (e.g. UTF-16). */
export type CsvFile = string | { name: string; text: string } | { name: string; mimeType: string; buffer: Buffer };

/** Import ▸ `tab` with `file` picked through its `pick` button: returns the Import dialog (nothing applied yet). */
async function pickImportCsv(page: Page, tab: string, pick: string, file: CsvFile): Promise<Locator> {
  await page.getByTestId('open-import').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByRole('tab', { name: tab }).click();
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByTestId(pick).click();
  await (await chooser).setFiles(typeof file === 'string' || 'buffer' in file ? file : { name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.text) });
  return dialog;
}

/**
 * Import ▸ Competencies CSV with `file` picked (a path, or a file made by the test): returns the Import dialog,
 * showing its report (nothing applied yet).
 */
export const pickCompetencyCsv = (page: Page, file: CsvFile): Promise<Locator> => pickImportCsv(page, 'Competencies CSV', 'pick-competency-csv', file);

/**
 * Import ▸ Standards CSV with `file` picked (a path, or a file made by the test): returns the Import dialog,
 * at its column mapping and preview (nothing applied yet).
 */
export const pickStandardsCsv = (page: Page, file: CsvFile): Promise<Locator> => pickImportCsv(page, 'Standards CSV', 'pick-csv', file);
