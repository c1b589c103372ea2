import { expect, test } from '@playwright/test';
import { collectErrors } from './canvas-helpers';
import { importProgress, openLearners } from './learners-helpers';

// A teacher prints every learner's map at once: one page each, with the same facts as that learner's
// student view (mastered count, what they are working on and at which phase, their next steps).
test('the student view prints one page per learner: each names the learner, their progress and next steps', async ({ page }) => {
  const errors = collectErrors(page);
  const panel = await openLearners(page);
  await importProgress(page, panel, 'grade3-5-fractions.csv');
  await panel.getByTestId('learner-select').selectOption('leo');
  await panel.getByTestId('open-student-view').click();
  const view = page.getByRole('dialog', { name: 'Student view' });

  // Leo's own view first: what the sheet must agree with.
  const leoWorking = await view.getByTestId('student-working-on').innerText();
  const leoNext = await view.getByTestId('student-next-steps').locator('li').allInnerTexts();
  await view.getByTestId('student-class-sheets').click();
  await expect(view.getByTestId('student-class-sheets')).toHaveAttribute('aria-pressed', 'true');
  const sheets = view.getByTestId('class-sheet');
  await expect(sheets).toHaveCount(3);
  await expect(sheets.locator('h2')).toHaveText(['Ari K.', 'Leo T.', 'Maya R.']);
  const leo = view.locator('[data-testid=class-sheet][data-learner=leo]');
  await expect(leo.getByTestId('sheet-working-on')).toHaveText(leoWorking);
  await expect(leo.getByTestId('sheet-mastered')).toHaveText('0');
  const maya = view.locator('[data-testid=class-sheet][data-learner=maya]');
  expect(Number(await maya.getByTestId('sheet-mastered').innerText())).toBeGreaterThanOrEqual(2);
  // the next steps are the student view's, in the same order
  const next = await leo.getByTestId('sheet-next').locator('li').allInnerTexts();
  expect(leoNext.length).toBeGreaterThan(0);
  expect(next.map((n) => n.replace(/^☐\s*/, ''))).toEqual(leoNext);

  // Printed: only the sheets, each ending its page.
  await page.emulateMedia({ media: 'print' });
  await expect(view.locator('.sv-header')).toBeHidden();
  const breaks = await sheets.evaluateAll((els) => els.map((e) => getComputedStyle(e).breakAfter));
  expect(breaks).toEqual(['page', 'page', 'auto']);
  await page.emulateMedia({ media: 'screen' });

  // Back to one learner's map.
  await view.getByTestId('student-class-sheets').click();
  await expect(sheets).toHaveCount(0);
  await expect(view.getByTestId('student-working-on')).toHaveText(leoWorking);
  expect(errors).toEqual([]);
});
