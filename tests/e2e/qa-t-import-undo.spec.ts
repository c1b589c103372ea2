import { expect, test } from '@playwright/test';
import { collectErrors } from './canvas-helpers';
import { importProgress, openClass, openLearners } from './learners-helpers';

const lastTerm = { name: 'last-term.csv', text: 'learner,competency,phase,date\nnoah,FR.3.1,Proficient,2026-03-02\nolga,FR.3.1,Developing,2026-03-02\n' };

// A teacher imports a class spreadsheet and sees it was the wrong one (last term's). The "Imported …" message had
// no Undo (only Ctrl+Z, which a teacher must know): it now offers Undo as the record message does — exactly
// Ctrl+Z while the import is the last step, and after a step on the map, the import alone taken back.
test("the import message's Undo takes the wrong spreadsheet back, also after a step on the map", async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1366, height: 800 });
  const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
  const panel = await openClass(page);
  const message = panel.getByTestId('learners-message');
  const action = panel.getByTestId('learners-message-action');
  const who = panel.getByTestId('learner-select').getByRole('option');
  const undoButton = page.getByRole('button', { name: 'Undo', exact: true }).first();
  const redoButton = page.getByRole('button', { name: 'Redo', exact: true }).first();
  await expect(who).toHaveText(['Whole class (3)', 'Maya R. (maya)', 'Leo T. (leo)', 'Ari K. (ari)']);

  // the wrong file: its message's Undo is Ctrl+Z
  await importProgress(page, panel, lastTerm);
  await expect(message).toContainText('Imported 2 records for 2 learners from last-term.csv.');
  await expect(action).toHaveText('Undo');
  await action.click();
  await expect(message).toContainText('Took back the import of last-term.csv: the progress from grade3-5-fractions.csv is back.');
  await expect(who).toHaveText(['Whole class (3)', 'Maya R. (maya)', 'Leo T. (leo)', 'Ari K. (ari)']);
  await expect(redoButton).toHaveAttribute('title', /^Redo: import progress last-term\.csv/);

  // Redo: the import again, its message offering Undo again; then a review comment on the map
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(message).toContainText('Imported 2 records for 2 learners from last-term.csv.');
  await expect(action).toHaveText('Undo');
  await panel.getByRole('tab', { name: 'Review' }).click();
  const review = panel.getByTestId('review-comments');
  await review.getByPlaceholder('Comment for the review').fill('FR.3.1 needs a clearer indicator');
  await review.getByRole('button', { name: 'Add comment' }).click();
  await expect(undoButton).toHaveAttribute('title', /^Undo: .*comment/);

  // the button now says it takes back the import alone, and why
  await expect(action).toHaveText('Take back this import');
  await expect(panel.getByTestId('learners-message-later')).toContainText('takes back only the import');
  await page.screenshot({ path: test.info().outputPath('later.png') });
  await action.click();
  await expect(message).toContainText('Took back the import of last-term.csv: the progress from grade3-5-fractions.csv is back. Undo puts it back.');
  await expect(review).toContainText('FR.3.1 needs a clearer indicator');
  await expect(who).toHaveText(['Whole class (3)', 'Maya R. (maya)', 'Leo T. (leo)', 'Ari K. (ari)']);
  await expect(panel.getByTestId('progress-unsaved')).toHaveCount(0);
  await expect(undoButton).toHaveAttribute('title', /^Undo: take back the import of last-term\.csv/);
  await page.keyboard.press(`${mod}+z`);
  await expect(message).toContainText('Put back the import of last-term.csv.');
  await expect(who).toHaveText(['Whole class (2)', 'noah', 'olga']);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  expect(errors).toEqual([]);
});

// "Replace progress?" said the learners added by hand "will be lost", though Undo brings them back while the window
// stays open. It now says so (Cancel still has the focus; the red button names the action), and Undo does.
test('Replace progress? says Undo brings the unsaved progress back, and Undo does', async ({ page }) => {
  const errors = collectErrors(page);
  const panel = await openLearners(page);
  await panel.getByLabel('New learner id').fill('maya');
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(panel.getByTestId('progress-unsaved')).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await panel.getByTestId('import-progress').click();
  const ask = page.getByRole('alertdialog', { name: 'Replace progress' });
  await expect(ask).toContainText('What you recorded or added since it was opened is not saved: after the import, Undo (Ctrl+Z) brings it back until this window is closed or reloaded.');
  await expect(ask).not.toContainText('will be lost');
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('replace.png') });
  await ask.getByRole('button', { name: 'Replace progress' }).click();
  await (await chooser).setFiles({ name: lastTerm.name, mimeType: 'text/csv', buffer: Buffer.from(lastTerm.text) });
  const message = panel.getByTestId('learners-message');
  await expect(message).toContainText('Imported 2 records for 2 learners from last-term.csv.');

  // the words are true: the message's Undo (as Ctrl+Z) brings back the learner added by hand, still unsaved
  await panel.getByTestId('learners-message-action').click();
  await expect(panel.getByTestId('learner-select')).toHaveValue('maya');
  await expect(panel.getByTestId('progress-unsaved')).toBeVisible();
  expect(errors).toEqual([]);
});
