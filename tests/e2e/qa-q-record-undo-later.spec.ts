import { expect, test } from '@playwright/test';
import { collectErrors } from './canvas-helpers';
import { openClass } from './learners-helpers';

// A teacher records a phase, then adds a review comment to the map, then sees the record was wrong and presses the
// Learners message's Undo. It took the record back as a new step, but still read "Undo" (which here would
// have meant the comment), and the history later reported that the record's own step could not be
// undone. The button now says what it does once other steps came after the record; the comment stays; the
// history goes back through the take-back, the comment and the record without a failure.
test("the message's Undo after a step on the map takes back that record alone, and says so first", async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1366, height: 800 });
  const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
  const panel = await openClass(page);
  const undoButton = page.getByRole('button', { name: 'Undo', exact: true }).first();
  const redoButton = page.getByRole('button', { name: 'Redo', exact: true }).first();

  await panel.getByTestId('ready-next').getByRole('button', { name: /^FR\.3\.4/ }).click();
  const form = panel.getByRole('region', { name: 'Record progress' });
  await form.getByRole('button', { name: 'Record for Maya R.' }).click();
  const message = panel.getByTestId('learners-message');
  await expect(message).toContainText('Recorded FR.3.4 at Proficient for Maya R.');
  const action = panel.getByTestId('learners-message-action');
  await expect(action).toHaveText('Undo');
  await expect(panel.getByTestId('learners-message-later')).toHaveCount(0);
  await expect(undoButton).toHaveAttribute('title', /^Undo: record FR\.3\.4 at Proficient for Maya R\./);

  // a step on the map (the example is adopted: a review comment is what a teacher may add to it)
  await panel.getByRole('tab', { name: 'Review' }).click();
  const review = panel.getByTestId('review-comments');
  await review.getByPlaceholder('Comment for the review').fill('FR.3.4 needs a clearer indicator');
  await review.getByRole('button', { name: 'Add comment' }).click();
  await expect(undoButton).toHaveAttribute('title', /^Undo: .*comment/);
  const commentStep = (await undoButton.getAttribute('title'))!.replace(/ \(.*\)$/, '');

  // the message's button now says it takes back this record, and why
  await expect(action).toHaveText('Take back this record');
  await expect(panel.getByTestId('learners-message-later')).toContainText('this takes back only this record');
  await page.screenshot({ path: test.info().outputPath('later.png') });
  await action.click();
  await expect(message).toContainText('Took back FR.3.4 at Proficient for Maya R.');
  await expect(review).toContainText('FR.3.4 needs a clearer indicator'); // the comment stays
  await panel.getByRole('tab', { name: 'Learner' }).click();
  await expect(panel.getByTestId('mastered')).not.toContainText('FR.3.4');
  await expect(undoButton).toHaveAttribute('title', /^Undo: take back FR\.3\.4 at Proficient for Maya R\./);
  await expect(redoButton).toHaveAttribute('title', 'Nothing to redo');

  // Ctrl+Z: the record back; again: the comment; again: the record's own step — no failure notice
  await page.keyboard.press(`${mod}+z`);
  await expect(message).toContainText('Put back FR.3.4 at Proficient for Maya R.');
  await expect(panel.getByTestId('mastered')).toContainText('FR.3.4');
  await expect.poll(() => undoButton.getAttribute('title')).toContain(commentStep);
  await page.keyboard.press(`${mod}+z`);
  await expect(undoButton).toHaveAttribute('title', /^Undo: record FR\.3\.4/);
  await page.keyboard.press(`${mod}+z`);
  await expect(message).toContainText('Took back FR.3.4 at Proficient for Maya R.');
  await expect(panel.getByTestId('mastered')).not.toContainText('FR.3.4');
  await expect(undoButton).toHaveAttribute('title', /^Undo: import progress grade3-5-fractions\.csv/);
  await expect(redoButton).toHaveAttribute('title', /^Redo: record FR\.3\.4 at Proficient for Maya R\./);
  await expect(page.getByTestId('notice')).toHaveCount(0);

  // Redo records it again, and its message offers Undo again (the last step: as Ctrl+Z)
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(message).toContainText('Recorded FR.3.4 at Proficient for Maya R.');
  await expect(action).toHaveText('Undo');
  await action.click();
  await expect(panel.getByTestId('mastered')).not.toContainText('FR.3.4');
  await expect(redoButton).toHaveAttribute('title', /^Redo: record FR\.3\.4/);
  expect(errors).toEqual([]);
});

// A teacher records the wrong phase with a line of evidence and presses Ctrl+Z: the record went, and so did the
// evidence typed for it (the form had emptied the field). The form now has the record taken back again — its
// phase, date and evidence — so the phase is put right and recorded without typing the evidence again.
test('Undo of a recorded phase puts it back in the Record form, to record it right', async ({ page }) => {
  const errors = collectErrors(page);
  const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
  const panel = await openClass(page);
  await panel.getByTestId('ready-next').getByRole('button', { name: /^FR\.3\.4/ }).click();
  const form = panel.getByRole('region', { name: 'Record progress' });
  await form.getByLabel('Phase').selectOption({ label: 'Advanced' });
  await form.getByLabel('Date').fill('2026-10-20');
  await form.getByLabel('Evidence').fill('number line quiz, 9/10');
  await form.getByRole('button', { name: 'Record for Maya R.' }).click();
  await expect(panel.getByTestId('learners-message')).toContainText('Recorded FR.3.4 at Advanced for Maya R. (2026-10-20).');
  await expect(form.getByLabel('Evidence')).toHaveValue('');

  await form.getByRole('button', { name: 'Record for Maya R.' }).focus();
  await page.keyboard.press(`${mod}+z`);
  await expect(panel.getByTestId('learners-message')).toContainText('Took back FR.3.4 at Advanced for Maya R. (2026-10-20).');
  await expect(form.getByLabel('Evidence')).toHaveValue('number line quiz, 9/10');
  await expect(form.getByLabel('Date')).toHaveValue('2026-10-20');
  await expect(form.getByLabel('Phase').locator('option:checked')).toHaveText('Advanced');

  await form.getByLabel('Phase').selectOption({ label: 'Proficient (mastery)' });
  await form.getByRole('button', { name: 'Record for Maya R.' }).click();
  await expect(panel.getByTestId('learners-message')).toContainText('Recorded FR.3.4 at Proficient for Maya R. (2026-10-20).');
  await panel.getByTestId('learner-records').locator('summary').click();
  await expect(panel.getByTestId('learner-records').locator('tbody tr').first()).toContainText('number line quiz, 9/10');
  await expect(panel.getByTestId('learner-records').locator('tbody tr').first()).toContainText('Proficient');
  expect(errors).toEqual([]);
});
