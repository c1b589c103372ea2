import { expect, test, type Page } from '@playwright/test';
import { generateFramework } from '../../bench/generate';
import { computeCoverage } from '../../src-core/checks';
import { applyCommand, linkPrerequisite } from '../../src-core/commands';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import type { CompetencyId, LinkId } from '../../src-core/model/ids';
import { graphEnds, layering, prerequisiteGraph } from '../../src-core/graph';
import type { Framework } from '../../src-core/model/types';
import { collectErrors, findFirstBySearch, mod, openGenerated, searchAndPick } from './canvas-helpers';
import { openTab } from './standards-helpers';

// The side panels on a 10,000-competency map: after edits made in the inspector, the Coverage,
// Problems, Standards and Scale & domains panels show the figures of the edited document (they take
// them from the live validation and memoise their rows; this checks nothing stale is shown).

const big = generateFramework({ competencies: 10_000, seed: 13, layout: false });
const BIG_FILE = serializeFramework(big);
const comps = Object.values(big.competencies);
const links = [...big.prerequisites.values()];
const set = Object.values(big.standardsSets)[0]!;
/** A code the canvas search and the inspector's pickers find first: no other code contains it. */
const findable = findFirstBySearch(comps);
const cov = computeCoverage(big)!;
/** An unaligned competency listed on the Coverage panel (its first 150). */
const unaligned = cov.unaligned.slice(0, 150).map((id) => big.competencies[id]!).find(findable)!;
/** An uncovered leaf standard whose code no other standard's code contains. */
const items = Object.values(set.items);
const uncovered = cov.sets[0]!.uncovered.map((id) => set.items[id]!).find((s) => s.code && items.filter((o) => o.code.toLowerCase().includes(s.code.toLowerCase())).length === 1)!;
/** A competency with no prerequisite (a root), and one it can be linked to without a cycle. */
const root = comps.find((c) => findable(c) && !links.some((l) => l.to === c.id) && links.some((l) => l.from === c.id))!;
const dependent = comps.find((c, i) => i > 5000 && findable(c) && c.id !== root.id && !links.some((l) => l.from === root.id && l.to === c.id))!;

/** Roots, leaves and longest chain counted afresh from the links (what the Problems panel shows). */
function progressionSummary(fw: Framework) {
  const g = prerequisiteGraph(fw);
  const ends = graphEnds(g);
  return { roots: ends.roots, leaves: ends.leaves, longestChain: layering(g).longestChain };
}

async function openBigMap(page: Page) {
  await openGenerated(page, 'big-10k.json', BIG_FILE, big.title);
}

async function select(page: Page, code: string) {
  await searchAndPick(page, code);
  await openTab(page, 'Inspector');
  await expect(page.getByTestId('inspector').locator('.panel-title')).toHaveText(code);
}

test.describe.configure({ timeout: 180_000 });

test('10,000 competencies: edits and undo / redo while the Coverage and Standards panels are open show in their figures and rows', async ({ page }) => {
  expect(unaligned, 'an unaligned competency on the list').toBeTruthy();
  expect(uncovered, 'an uncovered standard').toBeTruthy();
  const errors = collectErrors(page);
  await openBigMap(page);
  const sc = cov.sets[0]!;
  const NEW = 'Reason about very large maps.';

  await openTab(page, 'Coverage');
  const coverage = page.getByTestId('coverage-panel');
  const covered = coverage.getByTestId('cov-covered');
  const uncoveredCount = coverage.getByTestId('cov-uncovered-count');
  await expect(covered).toHaveText(String(sc.covered));
  await expect(uncoveredCount).toHaveText(String(sc.uncovered.length));
  const unalignedRow = coverage.getByTestId('cov-unaligned').locator('.cov-item', { hasText: unaligned.code });
  await expect(unalignedRow).toContainText(unaligned.statement);

  // in the inspector: a new statement, then an alignment to the uncovered standard
  await select(page, unaligned.code);
  const statement = page.locator('#field-statement');
  await statement.fill(NEW);
  await statement.blur();
  await page.getByLabel('Find a standard to align').fill(uncovered.code);
  await page.locator('.align-result').first().click();
  await expect(page.getByTestId('alignment')).toHaveCount(1);

  await openTab(page, 'Coverage');
  await expect(covered).toHaveText(String(sc.covered + 1));
  await expect(uncoveredCount).toHaveText(String(sc.uncovered.length - 1));
  await expect(unalignedRow).toHaveCount(0);
  // undo and redo with the panel open (focus is on the tab, not in a field)
  await page.keyboard.press(`${mod}+z`); // the alignment
  await expect(covered).toHaveText(String(sc.covered));
  await expect(uncoveredCount).toHaveText(String(sc.uncovered.length));
  await expect(unalignedRow).toContainText(NEW);
  await page.keyboard.press(`${mod}+z`); // the statement: same figures, the row reads as before
  await expect(unalignedRow).toContainText(unaligned.statement);
  await expect(covered).toHaveText(String(sc.covered));
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(unalignedRow).toContainText(NEW);

  // the Standards browser, searched to the standard: redo / undo the alignment while it is open
  await openTab(page, 'Standards');
  await page.getByLabel('Search standards').fill(uncovered.code);
  const row = page.locator(`[data-testid="standard-row"][data-std="${uncovered.id}"]`);
  await expect(row.getByTestId('std-aligned-count')).toHaveText('0');
  await page.getByRole('tab', { name: 'Standards', exact: true }).focus();
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(row.getByTestId('std-aligned-count')).toHaveText('1');
  await page.keyboard.press(`${mod}+z`);
  await expect(row.getByTestId('std-aligned-count')).toHaveText('0');
  expect(errors).toEqual([]);
});

test('10,000 competencies: a prerequisite added in the inspector changes the Problems panel’s roots and longest chain as a fresh count does; a domain change moves the domain counts', async ({ page }) => {
  expect(root && dependent, 'a root and a competency to link it to').toBeTruthy();
  const errors = collectErrors(page);
  await openBigMap(page);
  const before = progressionSummary(big);
  const linked = applyCommand(big, linkPrerequisite({ id: 'l' as LinkId, from: root.id as CompetencyId, to: dependent.id as CompetencyId }));
  if (!linked.ok) throw new Error(linked.error.message);
  const after = progressionSummary(linked.framework);

  await openTab(page, 'Problems');
  const problems = page.getByTestId('problems-panel');
  const stats = async () => [await problems.getByTestId('stat-roots').textContent(), await problems.getByTestId('stat-leaves').textContent(), await problems.getByTestId('stat-chain').textContent()];
  await expect.poll(stats).toEqual([before.roots, before.leaves, before.longestChain].map(String));

  // the dependent gets the root as a prerequisite
  await select(page, dependent.code);
  await page.getByLabel('Find a prerequisite').fill(root.code);
  const picker = page.getByLabel('Add a prerequisite', { exact: true });
  await expect(picker.locator('option').nth(1)).toContainText(root.code);
  await picker.selectOption({ index: 1 });
  await page.locator('section[aria-label=Prerequisites] .add-row .btn').first().click();
  await expect(page.getByRole('button', { name: `Remove link with ${root.code}` })).toBeVisible();

  await openTab(page, 'Problems');
  await expect.poll(stats).toEqual([after.roots, after.leaves, after.longestChain].map(String));

  // move the dependent to another domain: both domains' counts follow
  const from = big.domains.find((d) => d.id === dependent.domainId)!;
  const to = big.domains.find((d) => d.id !== dependent.domainId)!;
  const count = (id: string) => comps.filter((c) => c.domainId === id).length;
  await openTab(page, 'Scale & domains');
  const domainCount = (i: number) => page.locator('.domain-list .domain-item').nth(i).locator('.count');
  const iFrom = big.domains.indexOf(from);
  const iTo = big.domains.indexOf(to);
  await expect(domainCount(iFrom)).toHaveText(String(count(from.id)));
  await expect(domainCount(iTo)).toHaveText(String(count(to.id)));
  await openTab(page, 'Inspector');
  await page.locator('#field-domain').selectOption(to.id);
  await openTab(page, 'Scale & domains');
  await expect(domainCount(iFrom)).toHaveText(String(count(from.id) - 1));
  await expect(domainCount(iTo)).toHaveText(String(count(to.id) + 1));
  expect(errors).toEqual([]);
});
