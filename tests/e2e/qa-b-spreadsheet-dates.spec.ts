import { expect, test } from '@playwright/test';

// A teacher's gradebook export from US Excel: BOM, its own headers, M/D/YYYY dates, a trailing empty
// column and a blank row. The README's CSV wants YYYY-MM-DD; the panel offers to read the dates instead
// of sending the teacher back to the spreadsheet.
test('a class export with month/day/year dates is read after one click, dates shown as YYYY-MM-DD', async ({ page }) => {
  await page.goto('./?open=/examples/grade3-5-fractions.json');
  await expect(page.locator('[data-testid=competency-node]').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Learners' }).click();
  const panel = page.getByTestId('learners-panel');
  const csv = '\ufeffStudent ID,Student Name,Competency Code,Proficiency,Date,Evidence,\r\nmaya,Maya R.,FR.3.1,Proficient,9/15/2026,folded paper strips,\r\nmaya,Maya R.,FR.3.2,Proficient,10/2/2026,"fraction strips, explained 3/4",\r\nleo,Leo K.,FR.3.1,Developing,9/22/2026,,\r\n,,,,,,\r\n';
  const chooser = page.waitForEvent('filechooser');
  await panel.getByTestId('import-progress').click();
  await (await chooser).setFiles({ name: 'gradebook.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  const msg = panel.getByTestId('learners-message');
  await expect(msg.getByRole('alert')).toHaveText('gradebook.csv: nothing was imported yet — 3 dates are not written YYYY-MM-DD, e.g. "9/15/2026".');
  await expect(msg.locator('li .banner-problem-text').first()).toContainText('(did you mean 2026-09-15?)');
  const read = msg.getByRole('button', { name: 'Read dates like "9/15/2026" as 2026-09-15 and import' });
  await read.focus();
  await page.keyboard.press('Enter');

  await expect(msg).toContainText('Imported 3 records for 2 learners from gradebook.csv.');
  await expect(msg).toContainText('read 3 dates written another way as YYYY-MM-DD (e.g. "9/15/2026" as 2026-09-15)');
  await expect(panel.getByTestId('learner-select')).toHaveValue('maya');
  await expect(panel.getByTestId('mastered').locator('.lrn-code')).toHaveText(['FR.3.1', 'FR.3.2']);
  await expect(panel.getByTestId('mastered').locator('.lrn-chip').first()).toHaveAttribute('title', '2026-09-15 — folded paper strips');
});

test('a gradebook export (its own headers, M/D/YYYY dates, phases 1–4) is read with one click', async ({ page }) => {
  await page.goto('./?open=/examples/grade3-5-fractions.json');
  await expect(page.locator('[data-testid=competency-node]').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Learners' }).click();
  const panel = page.getByTestId('learners-panel');
  const csv = '\ufeffStudent Number,Student Name,Learning Target,Mastery Level,Date Assessed,Comments\r\n1042,Ana P.,FR.3.1,3,9/15/2026,exit ticket\r\n1042,Ana P.,FR.3.2,2,9/22/2026,\r\n1043,Ben O.,FR.3.1,4,10/1/2026,"strips, number line"\r\n';
  const chooser = page.waitForEvent('filechooser');
  await panel.getByTestId('import-progress').click();
  await (await chooser).setFiles({ name: 'gradebook.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const msg = panel.getByTestId('learners-message');
  await expect(msg.getByRole('alert')).toContainText('this framework’s scale is 1 Beginning, 2 Developing, 3 Proficient, 4 Advanced'.replace('’', "'"));
  await msg.getByRole('button', { name: /^Read dates like "9\/15\/2026" as 2026-09-15 and the numbers as the scale's levels \("3" = Proficient\), and import$/ }).click();
  await expect(msg).toContainText('Imported 3 records for 2 learners from gradebook.csv.');
  await expect(panel.getByTestId('learner-select')).toHaveValue('1042');
  await expect(panel.getByTestId('mastered').locator('.lrn-code')).toHaveText(['FR.3.1']);
  await panel.getByRole('tab', { name: 'Class' }).click();
  await expect(panel.getByRole('region', { name: 'Each learner' }).getByRole('row', { name: /Ben O\./ })).toContainText('1 of 36');
});
