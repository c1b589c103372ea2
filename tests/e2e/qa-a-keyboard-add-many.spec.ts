import { expect, test } from '@playwright/test';
import { collectErrors, newFramework, node, openApp } from './canvas-helpers';

// Drafting a progression from the keyboard alone: N, code, Enter, statement, Ctrl+Enter — the statement
// is kept and the keyboard is back on the map, so the next N adds the next competency (beside this one)
// instead of typing "n" into the statement.
test('competencies are drafted one after another from the keyboard: N, code, Enter, statement, Ctrl+Enter', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  const items = [
    ['A.1', 'Count to 120 starting at any number'],
    ['A.2', 'Compare two two-digit numbers'],
    ['A.3', 'Add within 100 using place value'],
  ] as const;
  for (const [code, statement] of items) {
    await page.keyboard.press('n');
    await expect(page.locator('#field-code')).toBeFocused();
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await expect(page.locator('#field-statement')).toBeFocused();
    await page.keyboard.type(statement);
    await page.keyboard.press('Control+Enter');
    await expect(page.locator('#field-statement')).not.toBeFocused();
  }
  for (const [code, statement] of items) await expect(node(page, code)).toContainText(statement);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(3);
  // each new one was placed beside the one before it (where its dependent would go)
  const x = async (code: string) => (await node(page, code).boundingBox())!.x;
  expect(await x('A.1')).toBeLessThan(await x('A.2'));
  expect(await x('A.2')).toBeLessThan(await x('A.3'));
  expect(errors).toEqual([]);
});
