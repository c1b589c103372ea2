import { expect, test } from '@playwright/test';
import { openClass } from './learners-helpers';

// A teacher on a Chromebook records what a student showed with the keyboard only. The Record form came
// after the Ready, Blocked and Mastered lists: on the example map some 90 Tab presses from the view's tab.
// It now comes first: the phase is the first stop in the Learner view, one Tab from its tab.
test('the Record form is the first stop of the Learner view, and records from the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const panel = await openClass(page);
  await expect(panel.getByTestId('learner-select')).toHaveValue('maya');
  const form = panel.getByRole('region', { name: 'Record progress' });
  await expect(form).toContainText('Select a competency on the canvas (or in the lists below)');

  // choose FR.3.4 from the Ready list with the keyboard
  const item = panel.getByTestId('ready-next').getByRole('button', { name: /^FR\.3\.4/ });
  await item.focus();
  await page.keyboard.press('Enter');
  await expect(form).toContainText('FR.3.4');

  // from the Learner tab, one Tab: the phase
  await panel.getByRole('tab', { name: 'Learner' }).focus();
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Phase')).toBeFocused();
  // the date (a date field is a stop per part: month, day, year), then the evidence
  const evidence = form.getByLabel('Evidence');
  for (let i = 0; i < 6 && !(await evidence.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(evidence).toBeFocused();
  await page.keyboard.type('number line quiz');
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('learners-message')).toContainText(/^Recorded FR\.3\.4 at Proficient for Maya R\. \(\d{4}-\d{2}-\d{2}\)\./);
  await expect(panel.getByTestId('mastered')).toContainText('FR.3.4');

  // the form precedes the lists on the page
  const order = await panel.locator('.lrn-learner > *').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? e.getAttribute('aria-labelledby')));
  expect(order.slice(0, 4)).toEqual(['lrn-record-h', 'ready-next', 'blocked', 'mastered']);
});

// A mistyped year (2062 for 2026) would be the learner's latest record of that competency for decades,
// hiding every later one: the date field takes no date after today, and nothing is recorded.
test('Record refuses a date after today', async ({ page }) => {
  const panel = await openClass(page);
  await panel.getByTestId('ready-next').getByRole('button', { name: /^FR\.3\.4/ }).click();
  const form = panel.getByRole('region', { name: 'Record progress' });
  const date = form.getByLabel('Date');
  await date.fill('2062-09-15');
  await form.getByRole('button', { name: 'Record' }).click();
  expect(await date.evaluate((e: HTMLInputElement) => e.validity.rangeOverflow)).toBe(true);
  await expect(panel.getByTestId('learners-message')).not.toContainText('Recorded');
  await expect(panel.getByTestId('progress-unsaved')).toHaveCount(0);
  // today's date is taken
  await date.fill(await page.evaluate(() => new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10)));
  await form.getByRole('button', { name: 'Record' }).click();
  await expect(panel.getByTestId('learners-message')).toContainText('Recorded FR.3.4');
});
