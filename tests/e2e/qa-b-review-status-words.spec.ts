import { expect, test } from '@playwright/test';
import { collectErrors } from './canvas-helpers';

// A teacher on the district's adopted framework opens Review: it says what "adopted" means for them (locked,
// Unlock to change it anyway, comments open), and what each status button does before it is pressed.
test('the review status says what it means and what its buttons do', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./?open=/examples/grade3-5-fractions.json');
  await expect(page.locator('[data-testid=competency-node]').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Learners' }).click();
  const panel = page.getByTestId('learners-panel');
  await panel.getByRole('tab', { name: 'Review' }).click();
  const review = panel.getByTestId('review-comments');
  await expect(review.getByTestId('review-status-meaning')).toHaveText(
    'Adopted: the version in use, locked against accidental edits (Unlock over the map to change it anyway; comments stay open to everyone).',
  );
  await expect(review.getByRole('button', { name: 'New draft' })).toHaveAttribute('title', /draft again to work on its next version: it unlocks/);
  await expect(review.getByRole('button', { name: 'Deprecate' })).toHaveAttribute('title', 'Mark it as no longer in use (it stays locked)');

  // A comment on the locked framework is allowed.
  await review.getByPlaceholder('Comment for the review').fill('Our class would add a stepping stone before FR.3.4.');
  await review.getByLabel('Your name').fill('Ms. Diaz');
  await review.getByRole('button', { name: 'Add comment' }).click();
  await expect(review.locator('.lrn-comments li')).toHaveCount(1);

  await review.getByRole('button', { name: 'New draft' }).click();
  await expect(review.getByTestId('review-status-meaning')).toHaveText('Draft: being written; anyone can edit it.');
  await expect(page.getByTestId('lock-badge')).toHaveCount(0);
  expect(errors).toEqual([]);
});
