import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, node, openApp } from './canvas-helpers';

const SHOTS = process.env.SHOTS_DIR;
const EXAMPLE = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/examples/grade3-5-fractions.json'), 'utf8')) as {
  framework: { domains: { code: string; title: string }[] };
};

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('progressions.fsAccess', 'off'));
});

async function exportImage(page: Page, format: 'png' | 'svg', scope: 'Whole map' | 'Current view' = 'Whole map'): Promise<Buffer> {
  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.locator(`[data-format="${format}"]`).click();
  await dialog.getByRole('radio', { name: scope, exact: true }).check();
  const download = page.waitForEvent('download');
  await dialog.getByTestId('export-run').click();
  return readFileSync(await (await download).path());
}

test('the exported map image names every domain lane', async ({ page }, info) => {
  const errors = collectErrors(page);
  // The example opens adopted and locked: exporting needs no unlocking.
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();
  const domains = EXAMPLE.framework.domains;
  expect(domains.length).toBeGreaterThan(1);

  const svg = (await exportImage(page, 'svg')).toString('utf8');
  // One label element per lane (the competency cards also name their domain, so look for the label).
  // Text in SVG markup is XML-escaped ("Equivalence &amp; Comparison").
  const xml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const labels = [...svg.matchAll(/class="lane-label-title"[^>]*>([^<]*)</g)].map((m) => m[1]);
  expect(labels).toContain('Understanding Fractions');
  expect(labels).toEqual(domains.map((d) => xml(d.title)));
  for (const d of domains) expect(svg).toContain(`>${d.code}</span>`);
  const png = await exportImage(page, 'png');
  expect(png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
  await info.attach('map.png', { body: png, contentType: 'image/png' });
  if (SHOTS) writeFileSync(`${SHOTS}/export-map-lanes.png`, png);

  // The labels drawn for the image are gone from the live canvas afterwards; its pinned labels stay.
  await expect(page.locator('.react-flow__viewport .lane-label')).toHaveCount(0);
  await expect(page.locator('.lane-labels .lane-label').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('the exported map image leaves out the collapse chevrons of domains and collapsed domains', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();
  const [first] = EXAMPLE.framework.domains;
  await page.getByRole('button', { name: `Collapse domain ${first!.title}` }).click();
  await expect(page.locator('[data-testid="collapsed-domain"]')).toBeVisible();
  // on screen: the collapsed node's Expand chevron and the lane headers' chevrons
  await expect(page.locator('[data-testid="collapsed-domain"] .collapse-btn')).toBeVisible();
  for (const scope of ['Whole map', 'Current view'] as const) {
    const svg = (await exportImage(page, 'svg', scope)).toString('utf8');
    expect(svg, scope).toContain('data-testid="collapsed-domain"');
    expect(svg, scope).not.toContain('collapse-btn');
  }
  expect(errors).toEqual([]);
});
