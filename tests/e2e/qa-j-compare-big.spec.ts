import { expect, test } from '@playwright/test';
import { generateFramework } from '../../bench/generate';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { collectErrors, openGenerated, searchAndPick } from './canvas-helpers';
import { openTab } from './standards-helpers';

// QA (curriculum designer, big map): comparing with a version where every code was renumbered listed every change at
// once (2,500 rows, 13,000 elements); and the comparison did not follow edits made while it was open. The lists now
// show their first 150 changes and Show all; an edit shows in the counts at once.

const fw = generateFramework({ competencies: 400, seed: 17, layout: false });
fw.title = 'Renumbered map';
const old = structuredClone(fw);
for (const c of Object.values(old.competencies)) c.code = `OLD.${c.code}`;
old.version = '0.9.0';
const target = Object.values(fw.competencies)[0]!;

test.describe.configure({ timeout: 120_000 });

test('a comparison of a renumbered map lists 150 changes, then all of them; an edit made meanwhile shows in its counts', async ({ page }) => {
  const errors = collectErrors(page);
  await openGenerated(page, 'renumbered.json', serializeFramework(fw), fw.title);
  await openTab(page, 'Learners');
  const panel = page.getByTestId('learners-panel');
  await panel.getByRole('tab', { name: 'Compare', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Choose the other version…' }).click();
  await (await chooser).setFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(serializeFramework(old)) });

  const view = panel.getByTestId('compare-versions');
  await expect(view).toContainText('Competencies: 0 added, 0 removed, 400 changed');
  const changed = view.locator('.is-changed');
  await expect(changed).toHaveCount(150);
  await view.getByRole('button', { name: 'Show all 400 changes' }).click();
  await expect(changed).toHaveCount(400);

  // the designer gives one competency its old code back: one change fewer, at once
  await searchAndPick(page, target.code);
  await openTab(page, 'Inspector');
  const code = page.locator('#field-code');
  await code.fill(`OLD.${target.code}`);
  await code.press('Enter');
  await openTab(page, 'Learners');
  await expect(view).toContainText('Competencies: 0 added, 0 removed, 399 changed');
  // (the panel was shown again: its list starts folded)
  await view.getByRole('button', { name: 'Show all 399 changes' }).click();
  await expect(changed).toHaveCount(399);
  await expect(view.locator('.is-changed', { hasText: `OLD.${target.code} ` })).toHaveCount(0);
  expect(errors).toEqual([]);
});
