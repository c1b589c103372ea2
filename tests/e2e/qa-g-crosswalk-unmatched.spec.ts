import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { generateFramework } from '../../bench/generate';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import type { StandardsSet } from '../../src-core/model/types';
import { collectErrors, node, openApp, openGenerated, unlockToCorrect } from './canvas-helpers';
import { openTab, pickStandardsCsv } from './standards-helpers';

// QA (district lead): the crosswalk's "Unmatched in <new set>" list stopped at 150 standards while its heading
// counted them all, with nothing to show the rest — a new set of 200 standards showed 150 and no way to see more.
test('the crosswalk lists every unmatched standard of the new set, not the first 150', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.3')).toBeVisible();
  await unlockToCorrect(page);

  const lines = ['Code,Statement'];
  for (let i = 1; i <= 200; i++) lines.push(`NEW.${i},New standard number ${i}`);
  const dialog = await pickStandardsCsv(page, { name: 'new-standards.csv', text: lines.join('\n') + '\n' });
  await dialog.getByLabel('Set title').fill('New state standards');
  await dialog.getByLabel('Code (human coding scheme)').selectOption({ label: 'Code' });
  await expect(dialog.getByTestId('csv-report')).toContainText('200 standards');
  await dialog.getByTestId('import-apply').click();
  await expect(dialog).toBeHidden();

  await openTab(page, 'Coverage');
  const xw = page.getByTestId('crosswalk');
  await xw.getByRole('combobox', { name: 'New standards set' }).selectOption({ label: 'New state standards' });
  await expect(xw).toContainText('Unmatched in New state standards (200)');
  const unmatched = xw.getByTestId('xw-unmatched').getByRole('listitem');
  await expect(unmatched).toHaveCount(150);
  await xw.getByRole('button', { name: 'Show all 200' }).click();
  await expect(unmatched).toHaveCount(200);
  await expect(unmatched.last()).toContainText('NEW.200');
  expect(errors).toEqual([]);
});

// … and its table stopped at 300 competencies, with nothing saying more were aligned.
test('the crosswalk table can show every aligned competency, not silently the first 300', async ({ page }) => {
  const errors = collectErrors(page);
  const fw = generateFramework({ competencies: 400, seed: 5, layout: false });
  fw.title = 'Crosswalk of 400';
  const first = Object.values(fw.standardsSets)[0]!;
  const item = Object.values(first.items).find((s) => !s.parentId)!;
  const second: StandardsSet = { ...first, id: randomUUID() as StandardsSet['id'], title: 'Second set', caseDocumentId: '', caseDocumentUri: '', items: {} };
  const sid = randomUUID();
  second.items[sid] = { ...item, id: sid as typeof item.id, parentId: null };
  fw.standardsSets[second.id] = second;
  const aligned = new Set([...fw.alignments.values()].filter((a) => a.setId === first.id).map((a) => a.competencyId)).size;
  expect(aligned).toBeGreaterThan(300);
  await openGenerated(page, 'crosswalk-400.json', serializeFramework(fw), 'Crosswalk of 400');

  await openTab(page, 'Coverage');
  const xw = page.getByTestId('crosswalk');
  await xw.getByRole('combobox', { name: 'Old standards set' }).selectOption({ label: first.title });
  await xw.getByRole('combobox', { name: 'New standards set' }).selectOption({ label: 'Second set' });
  await expect(xw).toContainText(`${aligned} competencies aligned to either set`);
  const rows = xw.locator('table tbody tr');
  await expect(rows).toHaveCount(300);
  await xw.getByTestId('xw-show-all-rows').click();
  await expect(rows).toHaveCount(aligned);
  expect(errors).toEqual([]);
});
