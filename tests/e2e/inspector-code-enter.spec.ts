import { expect, test } from '@playwright/test';
import { collectErrors, newFramework, node, openApp } from './canvas-helpers';

// Adding competencies from the keyboard: N, type the code, Enter, type the statement. Enter committed the
// code but left the caret in it, so the statement was typed onto the end of the code ("Q.1Count to 20").
test('Enter in a new competency’s code goes on to its statement', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  await page.getByTestId('canvas').click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('n');
  await expect(page.locator('#field-code')).toBeFocused();
  await page.keyboard.type('Q.1');
  await page.keyboard.press('Enter');
  await expect(page.locator('#field-statement')).toBeFocused();
  await page.keyboard.type('Count to 20');
  await page.keyboard.press('Tab');
  await expect(page.locator('#field-code')).toHaveValue('Q.1');
  await expect(node(page, 'Q.1')).toContainText('Count to 20');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /^Undo: edit statement of Q\.1/);

  // A code that is taken stays in its field with the problem shown; Enter does not move on.
  await page.getByTestId('canvas').click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('n');
  await expect(page.locator('#field-code')).toBeFocused();
  await page.keyboard.type('Q.1');
  await page.keyboard.press('Enter');
  await expect(page.locator('#field-code')).toBeFocused();
  await expect(page.getByText('Another competency already uses the code Q.1.')).toBeVisible();
  expect(errors).toEqual([]);
});
