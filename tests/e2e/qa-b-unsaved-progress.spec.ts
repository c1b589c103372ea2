import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { collectErrors } from './canvas-helpers';
import { openLearners } from './learners-helpers';

// Progress is kept apart from the framework: Save (Ctrl+S) saves the framework, not the class's progress.
// Progress typed in by hand must say it is not saved, and closing the tab must ask first.
test('progress recorded by hand says it is unsaved, and closing the tab asks before it is lost', async ({ page }) => {
  const errors = collectErrors(page);
  const panel = await openLearners(page);
  await expect(panel.getByTestId('progress-unsaved')).toHaveCount(0);

  await panel.getByLabel('New learner id').fill('maya');
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(panel.getByTestId('progress-unsaved')).toHaveText(/not saved yet.*Save progress…/);

  await page.locator('.react-flow__node', { has: page.locator('[data-code="FR.3.1"]') }).click();
  const form = panel.getByRole('region', { name: 'Record progress' });
  await form.getByLabel('Date').fill('2026-10-20');
  await form.getByRole('button', { name: 'Record' }).click();
  await expect(panel.getByTestId('mastered')).toContainText('FR.3.1');
  // said (and read out), with a way back
  await expect(panel.getByTestId('learners-message')).toContainText('Recorded FR.3.1 at Proficient for maya (2026-10-20).');
  await expect(panel.getByTestId('learners-message').getByRole('button', { name: 'Undo' })).toBeVisible();

  // the framework itself is unchanged: only the progress is at stake
  await expect(page.getByTestId('dirty-mark')).toHaveCount(0);
  let asked = false;
  page.on('dialog', async (d) => {
    if (d.type() === 'beforeunload') asked = true;
    await d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toBe(true);
  expect(errors).toEqual([]);
});

test('importing another class file over progress recorded by hand asks first; Cancel keeps it, Replace progress opens the file', async ({ page }) => {
  const panel = await openLearners(page);
  await panel.getByLabel('New learner id').fill('maya');
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  await panel.getByTestId('import-progress').click();
  const ask = page.getByRole('alertdialog', { name: 'Replace progress' });
  await expect(ask).toContainText('What you recorded or added since it was opened is not saved: after the import, Undo (Ctrl+Z) brings it back until this window is closed or reloaded.');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(panel.getByTestId('learner-select')).toHaveValue('maya');
  await expect(panel.getByTestId('progress-unsaved')).toBeVisible();

  // Replace progress: the file picker opens (the click on the dialog's button lets the page ask for a file)
  const chooser = page.waitForEvent('filechooser');
  await panel.getByTestId('import-progress').click();
  await ask.getByRole('button', { name: 'Replace progress' }).click();
  await (await chooser).setFiles(join(import.meta.dirname, '../fixtures/progress/grade3-5-fractions.csv'));
  await expect(panel.getByTestId('progress-unsaved')).toHaveCount(0);
  await expect(panel.getByTestId('learner-select').getByRole('option')).toHaveText(['Whole class (3)', 'Maya R. (maya)', 'Leo T. (leo)', 'Ari K. (ari)']);
});
