import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { collectErrors, newFramework, openApp } from './canvas-helpers';
import { pickStandardsCsv } from './standards-helpers';

// Teachers export CSVs from Excel as "CSV (Comma delimited)": Windows-1252, not UTF-8. The app read them as
// UTF-8, so "Zoë Núñez" arrived as "Zo� N��ez" with a warning on every row. Now a file that is not UTF-8
// is read as Windows-1252 and the page says so, once. (Fixtures: tests/fixtures/encoding, written by
// make-windows-1252.mjs.)

const SHOTS = process.env.SHOTS_DIR;
const fixture = (name: string) => join(import.meta.dirname, '../fixtures/encoding', name);
const NOTICE = 'Read as Windows-1252 (Western European), the code page Excel uses for "CSV (Comma delimited)": check the accented names look right.';

test('a progress CSV saved by Excel in the Windows code page imports with its names right, and says how it was read', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await page.getByRole('tab', { name: 'Learners', exact: true }).click();
  const panel = page.getByTestId('learners-panel');
  const chooser = page.waitForEvent('filechooser');
  await panel.getByTestId('import-progress').click();
  await (await chooser).setFiles(fixture('progress-windows-1252.csv'));

  const message = panel.getByTestId('learners-message');
  await expect(message).toContainText('Imported 4 records for 3 learners from progress-windows-1252.csv.');
  await expect(message.getByTestId('encoding-notice')).toContainText(NOTICE);
  await expect(message).not.toContainText('�');
  await expect(panel.getByTestId('learner-select').getByRole('option')).toHaveText(['Whole class (3)', 'Zoë Núñez (zoe)', 'François Müller (francois)', 'Chloé D’Aubigné (chloe)']);
  await expect(page.getByTestId('progress-warnings')).toHaveCount(0);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/encoding-progress.png` });

  // the same file saved as UTF-8: no notice
  const again = page.waitForEvent('filechooser');
  await panel.getByTestId('import-progress').click();
  await (await again).setFiles({ name: 'class-utf8.csv', mimeType: 'text/csv', buffer: Buffer.from('learner,name,competency,phase,date\nzoe,Zoë Núñez,FR.3.1,Proficient,2026-09-15\n') });
  await expect(message).toContainText('from class-utf8.csv');
  await expect(message.getByTestId('encoding-notice')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a standards CSV in the Windows code page imports with its accents, curly quotes and dashes, and says how it was read', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  const dialog = await pickStandardsCsv(page, fixture('standards-windows-1252.csv'));

  await expect(dialog.getByTestId('csv-preview')).toContainText('Comprendre une fraction 1/b comme une partie d’un tout – “l’unité”');
  await expect(dialog.getByTestId('encoding-notice')).toHaveText(new RegExp(`^${NOTICE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  const report = dialog.getByTestId('csv-report');
  await expect(report).toContainText('3 standards');
  await expect(report).not.toContainText('�');
  if (SHOTS) await dialog.screenshot({ path: `${SHOTS}/encoding-standards.png` });
  await dialog.getByTestId('import-apply').click();
  await expect(dialog).toBeHidden();

  const browser = page.getByTestId('standards-panel');
  await expect(browser.getByTestId('standard-row')).toHaveCount(3);
  await expect(browser).toContainText('Représenter les fractions sur une droite numérique');
  await expect(browser).toContainText('(à l’aide de modèles)');
  expect(errors).toEqual([]);
});
