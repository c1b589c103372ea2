import { expect, test } from '@playwright/test';
import { collectErrors } from './canvas-helpers';
import { openClassByTouch } from './qa-o-touch-helpers';

// A teacher on a touch Chromebook (1366×768 at 125 %: 1093×614 CSS px) records what a few students showed, with a
// finger: one competency tapped in a list, then student after student. The learner list scrolls out of sight
// above the form on that screen, and the form said only "Record": nothing on it said whose record it was, and
// the next student meant scrolling back up to the list.
test.use({ viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25, hasTouch: true, isMobile: false });

test('the Record form names the student and where they stand, and each field is a finger-sized target', async ({ page }) => {
  const errors = collectErrors(page);
  const panel = await openClassByTouch(page);

  await panel.getByTestId('learner-select').selectOption('leo');
  await panel.getByTestId('ready-next').locator('.lrn-comp[data-code="FR.3.1"]').tap();
  const form = panel.getByRole('region', { name: 'Record progress' });
  await expect(form.getByTestId('record-now')).toHaveText('Leo T.: Developing since 2026-09-15');
  for (const el of await form.locator('select, input, button').all()) expect((await el.boundingBox())!.height).toBeGreaterThanOrEqual(40);
  await form.locator('select').selectOption({ label: 'Proficient (mastery)' });
  await form.getByRole('button', { name: 'Record for Leo T.' }).tap();
  await expect(panel.getByTestId('learners-message')).toContainText('Recorded FR.3.1 at Proficient for Leo T.');
  await expect(form.getByTestId('record-now')).toContainText('Leo T.: Proficient since');

  // the next student, from the form itself (the learner list is out of sight above): the same competency stays chosen
  await form.getByRole('button', { name: 'Next learner: Ari K.' }).tap();
  await expect(panel.getByTestId('learner-select')).toHaveValue('ari');
  await expect(form.getByTestId('record-now')).toHaveText('Ari K.: Proficient since 2026-09-10');
  await form.getByRole('button', { name: 'Record for Ari K.' }).tap();
  await expect(panel.getByTestId('learners-message')).toContainText('for Ari K.');
  // after the last learner, the first again
  await form.getByRole('button', { name: 'Next learner: Maya R.' }).tap();
  await expect(form.getByTestId('record-now')).toContainText('Maya R.:');
  expect(errors).toEqual([]);
});
