import { expect, test } from '@playwright/test';
import { collectErrors } from './canvas-helpers';
import { importProgress, openLearners } from './learners-helpers';

test('a teacher records a phase from the canvas selection, then comments and sends the framework for review', async ({ page }) => {
  const errors = collectErrors(page);
  const panel = await openLearners(page);
  await importProgress(page, panel, 'grade3-5-fractions.csv');
  await expect(panel.getByTestId('ready-next').locator('.lrn-code')).toHaveText(['FR.3.4', 'FR.3.8', 'FR.4.3']);

  // Selecting FR.3.4 (from the list: it selects it on the canvas) offers to record Maya's phase.
  await panel.getByTestId('ready-next').locator('.lrn-comp[data-code="FR.3.4"]').click();
  await expect(page.locator('.react-flow__node', { has: page.locator('[data-code="FR.3.4"]') }).locator('.cnode')).toHaveClass(/is-selected/);
  const form = panel.getByRole('region', { name: 'Record progress' });
  await expect(form).toContainText('FR.3.4');
  await form.getByLabel('Phase').selectOption({ label: 'Proficient (mastery)' });
  await form.getByLabel('Date').fill('2026-10-20');
  await form.getByLabel('Evidence').fill('number line quiz');
  await form.getByRole('button', { name: 'Record' }).click();
  // Mastering FR.3.4 unlocks FR.3.5, FR.3.7 and FR.3.9.
  await expect(panel.getByTestId('ready-next').locator('.lrn-code')).toHaveText(['FR.3.5', 'FR.3.7', 'FR.3.8', 'FR.4.3', 'FR.3.9']);
  await expect(panel.getByTestId('mastered')).toContainText('FR.3.4');

  // A review comment on the selected competency, resolved; then the framework goes back to review.
  await panel.getByRole('tab', { name: 'Review' }).click();
  const review = panel.getByTestId('review-comments');
  await expect(review).toContainText('On FR.3.4');
  await review.getByPlaceholder('Comment for the review').fill('Add a number line exemplar for 5/4.');
  await review.getByLabel('Your name').fill('Ms. Diaz');
  await review.getByRole('button', { name: 'Add comment' }).click();
  const item = review.locator('.lrn-comments li');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Add a number line exemplar for 5/4.');
  await expect(item).toContainText('Ms. Diaz');
  await expect(review).toContainText('1 open comment');
  await item.getByRole('button', { name: 'Resolve' }).click();
  await expect(review.locator('.lrn-comments li')).toHaveCount(0);
  await expect(review).toContainText('0 open comments, 1 resolved');

  const status = review.getByTestId('review-status');
  const before = await status.textContent();
  const next = review.getByRole('button', { name: before === 'adopted' ? 'New draft' : 'Send for review' });
  await next.click();
  await expect(status).not.toHaveText(before!);
  expect(errors).toEqual([]);
});
