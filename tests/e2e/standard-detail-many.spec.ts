import { expect, test } from '@playwright/test';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { createCompetency, createFramework } from '../../src-core/model/defaults';
import { newId, type AlignmentId, type StandardId, type StandardsSetId } from '../../src-core/model/ids';
import { collectErrors, openGenerated } from './canvas-helpers';
import { openTab } from './standards-helpers';

// A standard that 120 competencies of a big map are aligned to: its detail in the Standards panel listed all 120
// at once. It lists the first 50 and "Show all 120 competencies", as the panels' other long lists do.
const fw = createFramework({ title: 'Many aligned' });
const setId = newId() as StandardsSetId;
const stdId = newId() as StandardId;
fw.standardsSets[setId] = {
  id: setId,
  title: 'State math',
  source: 'test',
  version: '1',
  caseDocumentId: '',
  caseDocumentUri: '',
  items: { [stdId]: { id: stdId, uri: '', code: '3.NF.A.1', statement: 'Understand a fraction 1/b', itemType: 'Standard', parentId: null, sequence: 0, educationLevels: ['03'] } },
};
for (let i = 0; i < 120; i++) {
  const c = createCompetency({ code: `M.${i + 1}`, statement: `Competency ${i + 1}`, position: { x: (i % 12) * 300, y: Math.floor(i / 12) * 200 } });
  fw.competencies[c.id] = c;
  const id = newId() as AlignmentId;
  fw.alignments.set(id, { id, competencyId: c.id, setId, standardId: stdId, kind: 'exact' });
}

test('a standard aligned to many competencies lists the first 50, then all of them', async ({ page }) => {
  const errors = collectErrors(page);
  await openGenerated(page, 'many-aligned.json', serializeFramework(fw), fw.title);
  await openTab(page, 'Standards');
  const panel = page.getByTestId('standards-panel');
  const row = panel.locator('[data-testid=standard-row][data-code="3.NF.A.1"]');
  await expect(row.getByTestId('std-aligned-count')).toHaveText('120');
  await row.click();
  const detail = panel.getByTestId('standard-detail');
  await expect(detail.locator('.std-aligned li')).toHaveCount(50);
  await detail.getByRole('button', { name: 'Show all 120 competencies' }).click();
  await expect(detail.locator('.std-aligned li')).toHaveCount(120);
  // the keyboard goes on at the first competency the button brought
  await expect(detail.locator('.std-aligned li').nth(50).getByRole('button').first()).toBeFocused();
  expect(errors).toEqual([]);
});
