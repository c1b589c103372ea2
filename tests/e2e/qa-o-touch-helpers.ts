import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * A teacher's or student's start on a touch screen, all by taps: the published fractions map opened by link
 * (`?open=`), the Learners panel, the class progress CSV imported. Returns the Learners panel.
 * Use with `test.use({ hasTouch: true, isMobile: false })`.
 */
export async function openClassByTouch(page: Page): Promise<Locator> {
  await page.goto('./?open=/examples/grade3-5-fractions.json');
  await expect(page.locator('[data-testid=competency-node]').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Learners' }).tap();
  const panel = page.getByTestId('learners-panel');
  const chooser = page.waitForEvent('filechooser');
  await panel.getByTestId('import-progress').tap();
  await (await chooser).setFiles(join(import.meta.dirname, '../fixtures/progress/grade3-5-fractions.csv'));
  await expect(panel.getByTestId('learners-message')).toContainText('Imported');
  return panel;
}

/** `openClassByTouch`, then Maya's Student view, opened by a tap. Returns the Student view. */
export async function openStudentViewByTouch(page: Page): Promise<Locator> {
  const panel = await openClassByTouch(page);
  await panel.getByTestId('learner-select').selectOption('maya');
  await panel.getByTestId('open-student-view').tap();
  const view = page.getByTestId('student-view');
  await expect(view).toBeVisible();
  return view;
}
