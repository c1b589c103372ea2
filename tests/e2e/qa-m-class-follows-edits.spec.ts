import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { applyCommand, deleteCompetencies } from '../../src-core/commands';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import type { Framework } from '../../src-core/model/types';
import { importProgressCsv } from '../../src-core/progress/csv';
import { classSummary } from '../../src-core/progress/mastery';
import { collectErrors, mod, unlockToCorrect } from './canvas-helpers';
import { openClass } from './learners-helpers';

// The Class tab keeps where the learners stand while an edit changes only words (a keystroke on a big map took
// ~340 ms with it open): this checks that it still follows the edits that do move the learners — a prerequisite
// deleted on the map frees the competencies it blocked, undo blocks them again — and shows edited words at once.

const root = join(import.meta.dirname, '../..');
const loaded = loadFrameworkText(readFileSync(join(root, 'resources/examples/grade3-5-fractions.json'), 'utf8'));
if (!loaded.ok) throw new Error(loaded.error.message);
const fw: Framework = loaded.value.framework;
const csv = importProgressCsv(readFileSync(join(root, 'tests/fixtures/progress/grade3-5-fractions.csv'), 'utf8'), fw);
if (!csv.ok) throw new Error(csv.error.message);
const progress = csv.value.progress;
const code = (id: string) => fw.competencies[id]!.code;

/** A prerequisite whose deletion makes some learners ready for a competency they were blocked on. */
function pick() {
  const before = new Map(classSummary(fw, progress).map((r) => [r.competencyId, r]));
  for (const l of fw.prerequisites.values()) {
    const edited = applyCommand(fw, deleteCompetencies([l.from]));
    if (!edited.ok) continue;
    const row = classSummary(edited.framework, progress).find((r) => r.competencyId === l.to)!;
    const was = before.get(l.to)!;
    if (row.ready.length > was.ready.length) return { gone: code(l.from), target: code(l.to), was, now: row };
  }
  throw new Error('no prerequisite frees anyone');
}
const { gone, target, was, now } = pick();

test('the Class tab follows a deleted prerequisite, its undo, and an edited statement', async ({ page }) => {
  const errors = collectErrors(page);
  const panel = await openClass(page);
  await panel.getByRole('tab', { name: 'Class', exact: true }).click();
  const summary = panel.getByTestId('class-summary');
  const ready = (n: number) => summary.getByRole('button', { name: `${n} ready in ${target}`, exact: true });
  const blocked = (n: number) => summary.getByRole('button', { name: `${n} blocked in ${target}`, exact: true });
  await expect(ready(was.ready.length)).toBeVisible();
  await expect(blocked(was.blocked.length)).toBeVisible();
  await unlockToCorrect(page); // the example is adopted

  // delete the prerequisite on the map: the learners it held back are ready
  await page.locator(`.cnode[data-code="${gone}"]`).click();
  await expect(page.locator(`.cnode[data-code="${gone}"]`)).toHaveClass(/is-selected/);
  await page.keyboard.press('Delete');
  await expect(page.locator(`.cnode[data-code="${gone}"]`)).toHaveCount(0);
  await expect(ready(now.ready.length)).toBeVisible();
  await expect(blocked(now.blocked.length)).toBeVisible();

  // undo: blocked again
  await page.keyboard.press(`${mod}+z`);
  await expect(page.locator(`.cnode[data-code="${gone}"]`)).toHaveCount(1);
  await expect(ready(was.ready.length)).toBeVisible();
  await expect(blocked(was.blocked.length)).toBeVisible();

  // an edit of the words shows in the table at once, the counts stay
  await page.keyboard.press(`${mod}+f`);
  await page.getByLabel('Search competencies').fill(target);
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: 'Inspector', exact: true }).click();
  const statement = page.locator('#field-statement');
  await statement.fill('Compare fractions with a new wording.');
  await statement.blur();
  await page.getByRole('tab', { name: 'Learners', exact: true }).click();
  await expect(summary.locator(`.lrn-comp[data-code="${target}"]`).first()).toContainText('Compare fractions with a new wording.');
  await expect(ready(was.ready.length)).toBeVisible();
  expect(errors).toEqual([]);
});
