import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { importProgress, openLearners } from './learners-helpers';

// A teacher with no file yet: the empty Learners panel says how to write one and gives a template made for
// this framework (its codes and phase labels), which imports as it is.
test('the empty Learners panel explains the CSV and its template, filled in, imports straight back', async ({ page }) => {
  // save as a download (a headless browser shows no save picker)
  await page.addInitScript(() => localStorage.setItem('progressions.fsAccess', 'off'));
  const panel = await openLearners(page);
  await expect(panel.getByTestId('learners-start')).toContainText('phase (Beginning, Developing, Proficient, Advanced), date (YYYY-MM-DD)');

  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download a CSV template' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Grade-3-5-Fractions-Progression-progress-template.csv');
  const path = test.info().outputPath('template.csv');
  await download.saveAs(path);
  const text = readFileSync(path, 'utf8');
  expect(text.split('\r\n')[0]).toBe('\ufefflearner,name,competency,phase,date,evidence');
  await expect(panel.getByTestId('learners-message')).toContainText('replace the two example rows');

  const chooser = page.waitForEvent('filechooser');
  await panel.getByTestId('import-progress').click();
  await (await chooser).setFiles(path);
  await expect(panel.getByTestId('learners-message')).toContainText('Imported 2 records for 1 learner from template.csv.');
  await expect(panel.getByTestId('learner-select')).toHaveValue('s01');
  await expect(panel.getByTestId('mastered').locator('.lrn-code')).toHaveText(['FR.3.1']);
});

test('a teacher exports the class summary to print or plan groups, names not ids', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('progressions.fsAccess', 'off'));
  const panel = await openLearners(page);
  await importProgress(page, panel, 'grade3-5-fractions.csv');
  await panel.getByRole('tab', { name: 'Class' }).click();
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export the summary (CSV)…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Grade-3-5-Fractions-Progression-class-summary.csv');
  const path = test.info().outputPath('summary.csv');
  await download.saveAs(path);
  const lines = readFileSync(path, 'utf8').split('\r\n');
  expect(lines[0]).toBe('\ufeffcompetency,statement,ready,ready: who,in progress,in progress: who,mastered,mastered: who,blocked');
  expect(lines.find((l) => l.startsWith('FR.3.1,'))).toContain('Maya R.');
  await expect(panel.getByTestId('learners-message')).toContainText('Your browser was given the class summary to download as'); // a download: not called saved

  // Each learner side by side; a name opens that learner.
  const roster = panel.getByRole('region', { name: 'Each learner' });
  await expect(roster.getByRole('row')).toHaveCount(4);
  await expect(roster.getByRole('row', { name: /Maya R\./ })).toContainText('3 of 36');
  await roster.getByRole('button', { name: 'Leo T.' }).click();
  await expect(panel.getByTestId('learner-select')).toHaveValue('leo');
  await expect(panel.getByRole('tab', { name: 'Learner', exact: true })).toHaveAttribute('aria-selected', 'true');
});
