import { expect, test } from '@playwright/test';
import { openClass, openLearners } from './learners-helpers';

// The teacher reads the class table across and down: each learner's "Ready" is what they can start
// (nothing recorded yet, every prerequisite mastered), counted as each competency's "Ready" counts it, so
// the two tables add up. Before, the competency a learner was working on was counted under Working on and
// again under Ready (Leo, with only FR.3.1 started and everything else blocked, read "Working on 1, Ready 1").
test('the class roster counts Ready as the competency table does, and the tables add up', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1366, height: 768 });
  const panel = await openClass(page);
  await panel.getByRole('tab', { name: 'Class' }).click();
  const summary = panel.getByTestId('class-summary');
  await expect(summary.locator('.lrn-hint').first()).toHaveText(/^3 learners\./);

  const roster = panel.getByTestId('learner-roster');
  const leo = roster.getByRole('row', { name: /Leo T\./ });
  await expect(leo.getByRole('cell')).toHaveText(['0 of 36', '1', '0', '2026-09-15']);

  // column sums of the roster = column sums of the per-competency table
  const sum = async (cells: string[]) => cells.reduce((a, t) => a + Number(t.trim().split(' ')[0]), 0);
  const rosterCol = async (i: number) => sum(await roster.locator('tbody tr').evaluateAll((rows, i) => rows.map((r) => r.querySelectorAll('td')[i]!.textContent!), i));
  const table = summary.locator('table').last();
  const compCol = async (cls: string) => sum(await table.locator(`.lrn-count-${cls}`).allTextContents());
  expect(await rosterCol(0)).toBe(await compCol('mastered'));
  expect(await rosterCol(1)).toBe(await compCol('inProgress'));
  expect(await rosterCol(2)).toBe(await compCol('ready'));
  expect(errors).toEqual([]);
});

// Two learners of one name (ids typed in two cases in a gradebook) are told apart in the roster; a class of
// one says "1 learner".
test('the roster tells apart two learners of one name, and a class of one is "1 learner"', async ({ page }) => {
  const panel = await openLearners(page);
  await panel.getByLabel('New learner id').fill('maya');
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  await panel.getByRole('tab', { name: 'Class' }).click();
  await expect(panel.getByTestId('class-summary').locator('.lrn-hint').first()).toHaveText(/^1 learner\./);

  const chooser = page.waitForEvent('filechooser');
  await panel.getByTestId('import-progress').click();
  await page.getByRole('button', { name: 'Replace progress' }).click(); // the learner added by hand is not saved
  await (await chooser).setFiles({
    name: 'two-ways.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('learner,name,competency,phase,date\nmaya,Maya R.,FR.3.1,Proficient,2026-09-15\nMAYA,Maya R.,FR.3.2,Developing,2026-09-16\n'),
  });
  await expect(panel.getByTestId('learners-message')).toContainText('"maya" (row 2) and "MAYA" (row 3) differ only in capitals');
  const roster = panel.getByTestId('learner-roster');
  await expect(roster.locator('tbody th')).toHaveText(['Maya R. (maya)', 'Maya R. (MAYA)']);
});

// The review status is said in words, as the line under it says it ("in review", not "in-review").
test('the review status reads "in review"', async ({ page }) => {
  await page.goto('./?open=/examples/student-science-inquiry.json');
  await expect(page.locator('[data-testid=competency-node]').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Learners' }).click();
  const panel = page.getByTestId('learners-panel');
  await panel.getByRole('tab', { name: 'Review' }).click();
  const review = panel.getByTestId('review-comments');
  const status = review.getByTestId('review-status');
  if ((await status.textContent()) === 'adopted') await review.getByRole('button', { name: 'New draft' }).click();
  await expect(status).toHaveText('draft');
  await review.getByRole('button', { name: 'Send for review' }).click();
  await expect(status).toHaveText('in review');
  await expect(review.getByTestId('review-status-meaning')).toHaveText(/^In review: /);
});
