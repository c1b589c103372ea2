import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** The example fractions map open and the Learners panel shown. Returns the Learners panel. */
export async function openLearners(page: Page): Promise<Locator> {
  await page.goto('./?open=/examples/grade3-5-fractions.json');
  await expect(page.locator('[data-testid=competency-node]').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Learners' }).click();
  return page.getByTestId('learners-panel');
}

/**
 * Imports a class's progress through the panel's Import button: a file of tests/fixtures/progress by name, or
 * a file made by the test (`{ name, text }`). Waits for nothing: the caller checks what the import said.
 */
export async function importProgress(page: Page, panel: Locator, csv: string | { name: string; text: string }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await panel.getByTestId('import-progress').click();
  await (await chooser).setFiles(
    typeof csv === 'string' ? join(import.meta.dirname, '../fixtures/progress', csv) : { name: csv.name, mimeType: 'text/csv', buffer: Buffer.from(csv.text) },
  );
}

/**
 * A teacher's start: the example fractions map open, the Learners panel shown and a class's progress CSV
 * imported (see `importProgress`). Returns the Learners panel.
 */
export async function openClass(page: Page, csv: string | { name: string; text: string } = 'grade3-5-fractions.csv'): Promise<Locator> {
  const panel = await openLearners(page);
  await importProgress(page, panel, csv);
  await expect(panel.getByTestId('learners-message')).toContainText('Imported');
  return panel;
}
