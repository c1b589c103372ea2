import { expect, test } from '@playwright/test';
import { generateFramework } from '../../bench/generate';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { learnerStatus } from '../../src-core/progress/mastery';
import { collectErrors, openGenerated } from './canvas-helpers';
import { importProgress } from './learners-helpers';
import { openTab } from './standards-helpers';

// QA (curriculum designer, big map, a class of learners): the Learners panel rendered every row of every list at
// once (22,000 elements for one learner on 2,500 competencies, seconds frozen opening the Class tab). Each long
// list now shows its first rows and a "Show all N" button that shows the rest.

const fw = generateFramework({ competencies: 700, seed: 8, layout: false });
fw.title = 'Long lists of learners';
const comps = Object.values(fw.competencies);
const csv = ['learner,name,competency,phase,date,evidence', ...comps.slice(0, 300).map((c) => `ana,Ana,${c.code},Proficient,2026-10-01,task`)].join('\n') + '\n';

test.describe.configure({ timeout: 120_000 });

test('a learner’s blocked list, the class table and the path each show all their rows on Show all', async ({ page }) => {
  const errors = collectErrors(page);
  await openGenerated(page, 'long-lists.json', serializeFramework(fw), fw.title);
  await openTab(page, 'Learners');
  const panel = page.getByTestId('learners-panel');
  await importProgress(page, panel, { name: 'class.csv', text: csv });
  await expect(panel.getByTestId('learners-message')).toContainText('Imported 300 records for 1 learner');
  const progress = { frameworkId: fw.id, frameworkTitle: '', learners: [{ id: 'ana', name: 'Ana' }], records: comps.slice(0, 300).map((c) => ({ learnerId: 'ana', competencyId: c.id, phaseId: fw.phases[2]!.id, date: '2026-10-01', evidence: '' })) };
  const status = learnerStatus(fw, progress, 'ana');
  expect(status.blocked.length).toBeGreaterThan(150);

  // the learner: 150 blocked shown, then every one, the last one too
  const blocked = panel.getByTestId('blocked');
  await expect(blocked.getByRole('heading')).toHaveText(`Blocked (${status.blocked.length})`);
  await expect(blocked.locator('.lrn-list > li')).toHaveCount(150);
  // from the keyboard: the focus goes on at the first row Show all brought, the 151st
  await blocked.getByRole('button', { name: `Show all ${status.blocked.length}` }).focus();
  await page.keyboard.press('Enter');
  await expect(blocked.locator('.lrn-list > li')).toHaveCount(status.blocked.length);
  await expect(blocked.locator('.lrn-list > li').nth(150).locator('.lrn-comp')).toBeFocused();
  await expect(blocked.locator('.lrn-list > li').last()).toContainText(fw.competencies[status.blocked.at(-1)!.id]!.code);

  // the class: 300 competencies, then all 700
  await panel.getByRole('tab', { name: 'Class', exact: true }).click();
  const rows = panel.getByTestId('class-summary').locator('table').last().locator('tbody > tr');
  await expect(rows).toHaveCount(300);
  await panel.getByRole('button', { name: 'Show all 700 competencies' }).click();
  await expect(rows).toHaveCount(700);
  await expect(rows.nth(300).locator('.lrn-comp')).toBeFocused();

  // the path: 150 steps, then all 400
  await panel.getByRole('tab', { name: 'Path', exact: true }).click();
  const steps = panel.getByTestId('suggested-sequence').locator('.lrn-seq > li');
  await expect(steps).toHaveCount(150);
  await panel.getByRole('button', { name: 'Show all 400 steps' }).click();
  await expect(steps).toHaveCount(400);
  expect(errors).toEqual([]);
});
