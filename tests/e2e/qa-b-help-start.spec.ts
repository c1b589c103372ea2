import { expect, test } from '@playwright/test';
import { collectErrors } from './canvas-helpers';

// A teacher who has never seen the app presses the help button: it must say where to start, not only
// list keyboard shortcuts, and take them there.
test('help says where teachers, students and co-designers start, and opens the Learners panel from there', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./?open=/examples/grade3-5-fractions.json');
  await expect(page.locator('[data-testid=competency-node]').first()).toBeVisible();
  await page.getByRole('button', { name: 'Help and keyboard shortcuts' }).click();
  const help = page.getByRole('dialog', { name: 'Help and keyboard shortcuts' });
  const start = help.getByRole('region', { name: 'Where to start' });
  await expect(start).toContainText('Teachers');
  await expect(start).toContainText('Learners ▸ Import progress…');
  await expect(start).toContainText('Student view');
  await expect(start).toContainText('Unlock');
  await expect(help).toContainText('Ctrl+Z'); // the shortcuts are still there

  await start.getByRole('button', { name: 'Open Learners (teachers)' }).click();
  await expect(help).toHaveCount(0);
  await expect(page.getByTestId('learners-panel')).toBeVisible();
  await expect(page.getByTestId('import-progress')).toBeInViewport();
  // the open panel's tab says that a click on it hides the panel (it looked like nothing but a tab)
  await expect(page.getByRole('tab', { name: 'Learners', exact: true })).toHaveAttribute('title', /click to hide the side panel/);
  await expect(page.getByRole('tab', { name: 'Inspector', exact: true })).toHaveAttribute('title', 'Inspector');
  expect(errors).toEqual([]);
});

test.describe('on a Chromebook zoomed to 150 %', () => {
  test.use({ viewport: { width: 683, height: 467 } });
  test('the help scrolls to its last shortcut and closes with Escape', async ({ page }) => {
    await page.goto('./?open=/examples/grade3-5-fractions.json');
    await expect(page.locator('[data-testid=competency-node]').first()).toBeVisible();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Help and keyboard shortcuts' });
    await expect(help.getByRole('region', { name: 'Where to start' })).toBeVisible();
    const last = help.locator('.help-row').last();
    await last.scrollIntoViewIfNeeded();
    await expect(last).toBeInViewport();
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
  });
});
