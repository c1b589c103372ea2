import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { generateFramework } from '../../bench/generate';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { collectErrors, openGenerated } from './canvas-helpers';

// A state-sized map (more competencies than the canvas draws as cards at once: it renders only what is
// in view, and zoomed out paints an overview). Its whole-map image must still show every competency
// and every link, not only the lanes (or the few cards that happened to be on screen).
const big = generateFramework({ competencies: 420, seed: 9 });
const FILE = serializeFramework(big);

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('progressions.fsAccess', 'off'));
});

async function exportImage(page: Page, format: 'svg' | 'png'): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.locator(`[data-format="${format}"]`).click();
  const download = page.waitForEvent('download');
  await dialog.getByTestId('export-run').click();
  const d = await download;
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

test('the whole-map image of a 420-competency map shows every competency, its code and its links, zoomed out or in', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await openGenerated(page, 'state.json', FILE, big.title);
  const codes = Object.values(big.competencies).map((c) => c.code);

  // zoomed out to the whole map (the overview)
  const svg = (await exportImage(page, 'svg')).bytes.toString('utf8');
  const missing = codes.filter((c) => !svg.includes(`>${c}<`));
  expect(missing.length, `codes missing from the image, e.g. ${missing.slice(0, 3).join(', ')}`).toBe(0);
  expect((svg.match(/<path d="M/g) ?? []).length).toBeGreaterThanOrEqual(big.prerequisites.size);
  for (const d of big.domains) expect(svg).toContain(d.title);

  // zoomed in on a few cards: still the whole map
  const first = codes[0]!;
  await page.getByPlaceholder('Search code or text').fill(first);
  await page.getByPlaceholder('Search code or text').press('Enter');
  await expect(page.locator(`.react-flow__node-competency:has([data-code="${first}"])`)).toBeVisible();
  const zoomed = (await exportImage(page, 'svg')).bytes.toString('utf8');
  expect(codes.filter((c) => !zoomed.includes(`>${c}<`))).toEqual([]);

  // the PNG is drawn too (a real image, not an error)
  const png = await exportImage(page, 'png');
  expect(png.name).toMatch(/\.png$/);
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.bytes.length).toBeGreaterThan(50_000);
  expect(errors).toEqual([]);
});
