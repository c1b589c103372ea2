import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parseCsv } from '../../src-core/csv/papa';
import { collectErrors, node, openApp } from './canvas-helpers';

// A district exporting to Canvas from the app chooses how Canvas scores the outcomes and whether the
// "I can" statements go in friendly_description (older self-hosted Canvas refuses that column), as the
// CLI's --canvas-calculation and --canvas-no-friendly-description do.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('progressions.fsAccess', 'off'));
});

test('the Canvas export takes a calculation method, its number, and can leave out friendly descriptions', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();
  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.locator('[data-format="canvas"]').click();

  const method = dialog.getByLabel('Score each outcome by');
  await expect(method).toHaveValue('decaying_average');
  await expect(dialog.getByLabel('Weight of the latest score (%)')).toHaveValue('65');
  await method.selectOption('n_mastery');
  const times = dialog.getByLabel('Times at mastery');
  await expect(times).toHaveValue('3');
  // Out of Canvas's range: said, and nothing is exported.
  await times.fill('9');
  await expect(dialog.getByText('A whole number from 1 to 5.')).toBeVisible();
  await expect(dialog.getByTestId('export-run')).toBeDisabled();
  await times.fill('4');
  await dialog.getByLabel(/Include the “I can” statements as friendly descriptions/).uncheck();

  const download = page.waitForEvent('download');
  await dialog.getByTestId('export-run').click();
  const rows = parseCsv(readFileSync(await (await download).path(), 'utf8')).rows;
  const header = rows[0]!;
  expect(header).not.toContain('friendly_description');
  const outcomes = rows.filter((r) => r[header.indexOf('object_type')] === 'outcome');
  expect(outcomes).toHaveLength(36);
  expect(new Set(outcomes.map((r) => `${r[header.indexOf('calculation_method')]}:${r[header.indexOf('calculation_int')]}`))).toEqual(new Set(['n_mastery:4']));
  expect(errors).toEqual([]);
});
