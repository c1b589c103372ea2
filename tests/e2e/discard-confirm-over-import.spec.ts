import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { addCompetency, collectErrors, newFramework, openApp } from './canvas-helpers';
import { pickCompetencyCsv } from './standards-helpers';

// Replacing unsaved work asks in the app's own confirm dialog, also when the question comes from inside another
// dialog (Import ▸ Competencies CSV ▸ Open): the confirm is on top, Tab stays in it, Escape answers it alone (the
// Import dialog stays, the work stays), and "Discard changes" opens the sheet.
test('discarding unsaved work from the Import dialog: the confirm on top keeps the keyboard, Escape cancels only it', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  await addCompetency(page, 'MINE.1', 'My unsaved competency');
  await expect(page.getByTestId('dirty-mark')).toBeVisible();

  const dialog = await pickCompetencyCsv(page, join(import.meta.dirname, '../fixtures/golden/competencies.csv'));
  await expect(dialog.getByTestId('competency-csv-report')).toContainText('5 competencies');
  await dialog.getByTestId('import-apply').click();

  const ask = page.getByTestId('confirm-dialog');
  await expect(ask).toHaveAttribute('role', 'alertdialog');
  await expect(ask).toContainText('Discard the unsaved changes to “Untitled framework”?');
  await expect(ask.getByTestId('confirm-cancel')).toBeFocused();
  // Tab goes round the confirm's own controls (close, Cancel, Discard changes), never into the Import dialog below
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await ask.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await expect(page.locator('.react-flow__node-competency:has([data-code="MINE.1"])')).toBeVisible();

  await dialog.getByTestId('import-apply').click();
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(5);
  await expect(page.locator('.react-flow__node-competency:has([data-code="MINE.1"])')).toHaveCount(0);
  expect(errors).toEqual([]);
});
