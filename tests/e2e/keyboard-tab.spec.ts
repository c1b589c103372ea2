import { expect, test } from '@playwright/test';
import { collectErrors, openApp, tabIntoMap } from './canvas-helpers';

// A keyboard-only user starts with nothing focused: Tab must reach the toolbar (and from there every
// control), not silently walk the competencies; once the user works on the canvas, Tab walks them.
test('Tab from a fresh start reaches the toolbar; after a canvas click it walks competencies', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await expect(page.locator('.cnode').first()).toBeVisible();

  await page.keyboard.press('Tab');
  await expect(page.locator('.cnode.is-selected')).toHaveCount(0);
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' }).locator(':focus')).toHaveCount(1);

  // Tabbing on reaches New framework, then the Competency button (the example is adopted and locked, so
  // start a fresh framework); Enter adds a competency and puts the cursor in its code.
  const tabTo = async (name: string) => {
    const target = page.getByRole('button', { name, exact: true });
    for (let i = 0; i < 15 && !(await target.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(target).toBeFocused();
  };
  await tabTo('New framework');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('empty-canvas')).toBeVisible();
  await tabTo('Competency');
  await page.keyboard.press('Enter');
  await expect(page.locator('#field-code')).toBeFocused();
  await page.locator('#field-code').fill('K.1');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Competency', exact: true }).click();
  await page.locator('#field-code').fill('K.2');
  await page.keyboard.press('Escape');

  // Working on the canvas: Tab selects competencies one after another.
  await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Tab');
  await expect(page.locator('.cnode.is-selected')).toHaveCount(1);
  const first = await page.locator('.cnode.is-selected').getAttribute('data-code');
  await page.keyboard.press('Tab');
  await expect(page.locator('.cnode.is-selected')).not.toHaveAttribute('data-code', first ?? '');
  expect(errors).toEqual([]);
});

test('Tab from the toolbar into the map lands on a competency, not on one of its links', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await expect(page.locator('.cnode').first()).toBeVisible();
  await expect(page.locator('.react-flow__edge').first()).toBeAttached();
  expect(await page.locator('.react-flow__edge[tabindex]').count(), 'links are no Tab stops').toBe(0);
  expect(await tabIntoMap(page), 'Tab reached the map').toBe(true);
  const focused = await page.evaluate(() => document.activeElement?.closest('.react-flow__node, .react-flow__edge')?.className ?? document.activeElement?.className ?? '');
  expect(focused).toContain('react-flow__node');
  expect(errors).toEqual([]);
});
