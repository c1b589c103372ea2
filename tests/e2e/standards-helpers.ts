import { expect, type Locator, type Page } from '@playwright/test';

/** Shows a side panel (a tab click toggles, so only click when it is not already open). */
export async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/**
 * Import ▸ Competencies CSV with `file` picked (a path, or a file made by the test): returns the Import dialog,
 * showing its report (nothing applied yet).
 */
export async function pickCompetencyCsv(page: Page, file: string | { name: string; text: string }): Promise<Locator> {
  await page.getByTestId('open-import').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByRole('tab', { name: 'Competencies CSV' }).click();
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByTestId('pick-competency-csv').click();
  await (await chooser).setFiles(typeof file === 'string' ? file : { name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.text) });
  return dialog;
}
