import { expect, test } from '@playwright/test';
import { importProgress, openLearners } from './learners-helpers';

// A student reads their own map: what they are working on by name, and for a target that must wait, the
// "I can" of what comes first (a code alone means nothing to a nine-year-old), one click away.
test('the student view names what I am working on and, for a later target, what I need first in "I can" words', async ({ page }) => {
  const panel = await openLearners(page);
  await importProgress(page, panel, 'grade3-5-fractions.csv');
  await panel.getByTestId('learner-select').selectOption('leo'); // Leo has only started FR.3.1
  await panel.getByTestId('open-student-view').click();
  const view = page.getByRole('dialog', { name: 'Student view' });

  await expect(view.getByTestId('student-working-on').getByRole('listitem')).toHaveCount(1);
  await expect(view.getByTestId('student-working-on')).toContainText(/^I can .*\(FR\.3\.1\) — I am at (Beginning|Developing)$/);

  const later = view.locator('.sv-card[data-code="FR.3.2"]');
  await expect(later).toContainText('Later — first: FR.3.1');
  const first = later.getByRole('link', { name: /^I can .*\(FR\.3\.1\)$/ });
  await expect(later.locator('.sv-first')).toContainText('Before this, I need: I can');
  await first.click();
  await expect(view.locator('.sv-card[data-code="FR.3.1"]')).toBeFocused();
  await expect(view.locator('.sv-card[data-code="FR.3.1"]')).toBeInViewport();

  // Printed, a folded "What each phase looks like" leaves no empty heading behind; an open one prints.
  await page.emulateMedia({ media: 'print' });
  await expect(later.getByText('What each phase looks like')).toBeHidden();
  await expect(view.locator('.sv-card[data-code="FR.3.1"]').getByText('What each phase looks like')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});

test('a student picks their own map inside the student view (it covers the Learners panel)', async ({ page }) => {
  const panel = await openLearners(page);
  await panel.getByTestId('open-student-view').click();
  const view = page.getByRole('dialog', { name: 'Student view' });
  await expect(view).toContainText('No learner progress yet: this is the blank map.');
  await view.getByRole('button', { name: 'Close' }).click();

  await importProgress(page, panel, 'grade3-5-fractions.csv');
  await panel.getByTestId('learner-select').selectOption('');
  await panel.getByTestId('open-student-view').click();
  await expect(view).toContainText('Choose whose map it is (top right)');
  await view.getByLabel('Whose map').selectOption({ label: 'Leo T.' });
  await expect(view.locator('.sv-sub').first()).toHaveText('Grade 3–5 Fractions Progression · Leo T.');
  await expect(view.getByTestId('student-next-steps')).toBeVisible();
  // the choice holds in the panel too
  await view.getByRole('button', { name: 'Close' }).click();
  await expect(panel.getByTestId('learner-select')).toHaveValue('leo');
});
