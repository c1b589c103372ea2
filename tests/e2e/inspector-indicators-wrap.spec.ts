import { expect, test } from '@playwright/test';
import { addCompetency, collectErrors, newFramework, openApp } from './canvas-helpers';

// Performance indicators are sentences ("Justifies 7/12 < 2/3 with a number line and …"): the inspector
// shows each one whole, wrapped over lines, not cut off at the field's edge; Enter still commits, no newline.
test('a long performance indicator is shown whole in the inspector; Enter commits it', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await newFramework(page);
  await addCompetency(page, 'NF.2', 'Compare two fractions with different numerators and denominators');
  const proficient = page.getByTestId('phase-Proficient');
  const long = 'Justifies 7/12 < 2/3 with a number line and with an area model, and explains in words which whole is shared';
  await proficient.getByLabel('New Proficient indicator').fill(long);
  await proficient.getByLabel('New Proficient indicator').press('Enter');
  const field = proficient.getByLabel('Proficient indicator 1');
  await expect(field).toHaveValue(long);
  const fits = () => field.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1);
  expect(await fits()).toBe(true);

  // Editing: Enter commits (no line break in the text) and the field grows with what is typed.
  await field.click();
  await field.press('Control+End');
  await field.pressSequentially(', then checks with a benchmark fraction such as 1/2');
  await field.press('Enter');
  await expect(field).toHaveValue(`${long}, then checks with a benchmark fraction such as 1/2`);
  expect(await fits()).toBe(true);
  expect(errors).toEqual([]);
});
