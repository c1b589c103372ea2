import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { importProgress, openLearners } from './learners-helpers';

// A student who has mastered every target read "My next steps: Nothing is waiting: talk with your teacher
// about what comes next." — as if stuck. Their page says so, as their printed class sheet does.
test('the student view congratulates a student who has mastered every target', async ({ page }) => {
  const fw = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/examples/grade3-5-fractions.json'), 'utf8')) as { framework: { competencies: { code: string }[] | Record<string, { code: string }> } };
  const codes = Object.values(fw.framework.competencies).map((c) => c.code);
  const csv = ['learner,name,competency,phase,date', ...codes.map((c) => `ada,Ada L.,${c},Proficient,2026-09-15`), 'leo,Leo T.,FR.3.1,Developing,2026-09-15'].join('\n');
  const panel = await openLearners(page);
  await importProgress(page, panel, { name: 'class.csv', text: csv });
  await expect(panel.getByTestId('learners-message')).toContainText(`Imported ${codes.length + 1} records for 2 learners`);
  await panel.getByTestId('learner-select').selectOption('ada');
  await panel.getByTestId('open-student-view').click();
  const view = page.getByRole('dialog', { name: 'Student view' });
  await expect(view).toContainText(`I have mastered ${codes.length} of ${codes.length} learning targets.`);
  await expect(view.getByTestId('student-no-next')).toHaveText('I have mastered every learning target. 🎉');
  // the class sheet says the same
  await view.getByTestId('student-class-sheets').click();
  await expect(view.locator('[data-testid=class-sheet][data-learner=ada]')).toContainText('I have mastered every target.');
});
