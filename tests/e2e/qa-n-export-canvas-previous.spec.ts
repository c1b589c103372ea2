import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parseCsv } from '../../src-core/csv/papa';
import { audit } from './a11y-helpers';
import { collectErrors, node, openApp } from './canvas-helpers';

// A district republishing to Canvas from the app: a competency removed from the framework stayed in Canvas
// after the import (the file deleted nothing). The version Canvas has now is chosen in the Export dialog,
// and what it has that this one has not gets rows with workflow_state "deleted" (the CLI's --canvas-previous).

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('progressions.fsAccess', 'off'));
});

const example = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/examples/grade3-5-fractions.json'), 'utf8'));

test('the Canvas export deletes what the version last imported into Canvas has and this one has not', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();
  // The previous version had one competency more (an extra one, FR.OLD).
  const previous = structuredClone(example);
  const some = Object.values(previous.framework.competencies)[0] as { id: string };
  const gone = { ...some, id: '0f0f0f0f-0000-4000-8000-00000000beef', code: 'FR.OLD', statement: 'A competency dropped in this version.' };
  previous.framework.competencies[gone.id] = gone;
  const other = structuredClone(example);
  other.framework.id = '0f0f0f0f-0000-4000-8000-00000000f00d';

  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.locator('[data-format="canvas"]').click();
  const section = dialog.getByTestId('export-canvas-previous');
  await expect(section).toContainText('Canvas keeps what a new version no longer has');

  // Another framework is refused, with what to do.
  let chooser = page.waitForEvent('filechooser');
  await section.getByRole('button', { name: 'Choose…' }).click();
  await (await chooser).setFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
  await expect(section.getByRole('alert')).toContainText('other.json: it is another framework');

  chooser = page.waitForEvent('filechooser');
  await section.getByRole('button', { name: 'Choose…' }).click();
  await (await chooser).setFiles({ name: 'fractions-1.0.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(previous)) });
  await expect(section).toContainText('Importing this file deletes from Canvas 1 outcome (FR.OLD): in fractions-1.0.json, not in this version.');
  expect(await audit(page, 'Export ▸ Canvas with a previous version')).toEqual([]);

  const download = page.waitForEvent('download');
  await dialog.getByTestId('export-run').click();
  const [header, ...rows] = parseCsv(readFileSync(await (await download).path(), 'utf8')).rows;
  const deleted = rows.filter((r) => r[header!.indexOf('workflow_state')] === 'deleted');
  expect(deleted.map((r) => [r[0], r[header!.indexOf('object_type')], r[header!.indexOf('display_name')]])).toEqual([[gone.id, 'outcome', 'FR.OLD']]);
  expect(rows.at(-1)).toEqual(deleted[0]);
  expect(errors).toEqual([]);
});
