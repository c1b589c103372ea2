import { expect, test } from '@playwright/test';
import { openClass } from './learners-helpers';

// A teacher in Sydney records at 9:00 on 16 September 2026. The Record form's date was UTC's day
// (15 September): every record of the morning went in a day early unless the teacher noticed.
test.use({ timezoneId: 'Australia/Sydney' });

test('the Record form starts on the teacher’s own day, and that day can be recorded', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-09-15T23:00:00Z'));
  const panel = await openClass(page);
  await panel.getByTestId('ready-next').getByRole('button', { name: /^FR\.3\.4/ }).click();
  const form = panel.getByRole('region', { name: 'Record progress' });
  await expect(form.getByLabel('Date')).toHaveValue('2026-09-16');
  await expect(form.getByLabel('Date')).toHaveAttribute('max', '2026-09-16');
  await form.getByRole('button', { name: 'Record' }).click();
  await expect(panel.getByTestId('learners-message')).toContainText('Recorded FR.3.4 at Proficient for Maya R. (2026-09-16).');
  // the pacing plan starts today too
  await panel.getByRole('tab', { name: 'Pacing' }).click();
  await expect(panel.getByLabel('Start')).toHaveValue('2026-09-16');
});
