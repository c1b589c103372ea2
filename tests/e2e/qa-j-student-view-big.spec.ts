import { expect, test } from '@playwright/test';
import { generateFramework } from '../../bench/generate';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { learnerStatus } from '../../src-core/progress/mastery';
import { collectErrors, openGenerated } from './canvas-helpers';
import { importProgress } from './learners-helpers';
import { openTab } from './standards-helpers';

// QA (curriculum designer, 2,500 competencies): opening the Student view laid out every card of the map at once —
// the window froze for 12 s. Cards out of view are now laid out when scrolled to (CSS content-visibility); a
// "Before this, I need" link still lands on its card (the cards around it grow once reached), and all print.

const fw = generateFramework({ competencies: 600, seed: 30, layout: false });
fw.title = 'A big student map';
const comps = Object.values(fw.competencies);
const threshold = fw.phases.find((p) => p.threshold)!;
const csv = ['learner,name,competency,phase,date', ...comps.slice(0, 40).map((c) => `ana,Ana,${c.code},${threshold.label},2026-10-01`)].join('\n') + '\n';
const status = learnerStatus(fw, { records: comps.slice(0, 40).map((c) => ({ learnerId: 'ana', competencyId: c.id, phaseId: threshold.id, date: '2026-10-01', evidence: '' })) }, 'ana');
/** A blocked competency of the last domain in the view, and the prerequisite it waits for. */
const code = (id: string) => fw.competencies[id]!.code;

test.describe.configure({ timeout: 120_000 });

test('the Student view of a big map: far cards wait to be laid out, a "Before this" link lands on its card, all print', async ({ page }) => {
  const errors = collectErrors(page);
  await openGenerated(page, 'student-big.json', serializeFramework(fw), fw.title);
  await openTab(page, 'Learners');
  const panel = page.getByTestId('learners-panel');
  await importProgress(page, panel, { name: 'ana.csv', text: csv });
  await expect(panel.getByTestId('learners-message')).toContainText('Imported 40 records for 1 learner');
  await panel.getByTestId('open-student-view').click();
  const view = page.getByTestId('student-view');
  await expect(view.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(view.locator('.sv-card')).toHaveCount(600);

  // the last card of the page is not laid out until reached
  const lastCard = view.locator('.sv-card').last();
  expect(await lastCard.evaluate((el) => getComputedStyle(el).contentVisibility)).toBe('auto');

  // a blocked card far down the page: its "Before this, I need" link brings the prerequisite's card into view
  const blocked = status.blocked.at(-1)!;
  const card = view.locator(`.sv-card[data-code="${code(blocked.id)}"]`);
  await card.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const link = card.locator('.sv-first a').first();
  await expect(link).toContainText(`(${code(blocked.missing[0]!)})`);
  await link.click();
  const target = view.locator(`.sv-card[data-code="${code(blocked.missing[0]!)}"]`);
  await expect(target).toBeFocused();
  await expect(target.locator('.sv-ican')).toBeInViewport();

  // printing lays every card out
  await page.emulateMedia({ media: 'print' });
  expect(await lastCard.evaluate((el) => getComputedStyle(el).contentVisibility)).toBe('visible');
  await page.emulateMedia({ media: 'screen' });
  expect(errors).toEqual([]);
});
