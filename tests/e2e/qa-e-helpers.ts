import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * A teacher's start: the example fractions map open, the Learners panel shown and a class's progress CSV
 * (a file of tests/fixtures/progress) imported. Returns the Learners panel.
 */
export async function openClass(page: Page, csv = 'grade3-5-fractions.csv'): Promise<Locator> {
  await page.goto('./?open=/examples/grade3-5-fractions.json');
  await expect(page.locator('[data-testid=competency-node]').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Learners' }).click();
  const panel = page.getByTestId('learners-panel');
  const chooser = page.waitForEvent('filechooser');
  await panel.getByTestId('import-progress').click();
  await (await chooser).setFiles(join(import.meta.dirname, '../fixtures/progress', csv));
  await expect(panel.getByTestId('learners-message')).toContainText('Imported');
  return panel;
}
