import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { generateFramework } from '../../bench/generate';
import { collectErrors, flowView, node, openApp, openGenerated, settle, shot, unlockToCorrect } from './canvas-helpers';

// Lanes as columns, zoomed out until the columns are narrow on screen: each column's header in the strip
// above the map still says which domain it is — its code over its title (wrapped, ellipsed when it does
// not fit), the whole name in its tooltip — inside its own column, on no other header, and never on a card.

const EXAMPLE = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/examples/grade3-5-fractions.json'), 'utf8')) as {
  framework: { domains: { code: string; title: string }[] };
};

test.use({ viewport: { width: 1280, height: 720 } });
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('progressions.fsAccess', 'off'));
});

/** Every column header: its box, its title element's box and text, whether the title is cut sideways, and the pane's top. */
async function columnHeaders(page: Page) {
  return page.evaluate(() => {
    const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const headers = [...document.querySelectorAll<HTMLElement>('.lane-strip-top .lane-label')].map((el) => {
      const title = el.querySelector<HTMLElement>('.lane-label-title');
      const lane = document.querySelector(`.react-flow__node-lane[data-id="lane:${el.dataset.domain}"]`)!.getBoundingClientRect();
      return {
        id: el.dataset.domain!,
        mode: [...el.classList].find((c) => c.startsWith('is-'))!,
        tooltip: el.title,
        code: el.querySelector('.lane-code')?.textContent ?? '',
        title: title?.textContent ?? null,
        titleBox: title ? box(title.getBoundingClientRect()) : null,
        // a word wider than the column would overflow it sideways (it must wrap or break instead)
        cutSideways: title ? title.scrollWidth > title.clientWidth + 1 : false,
        box: box(el.getBoundingClientRect()),
        lane: box(lane),
      };
    });
    return { paneTop: pane.top, headers };
  });
}

async function toColumns(page: Page) {
  await unlockToCorrect(page);
  await page.getByTestId('lanes-toggle').click();
  await expect(page.getByTestId('lanes-toggle')).toHaveAttribute('aria-label', 'Lanes: vertical');
  // lay the map out again for columns, then fit it
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('l');
  await expect(page.getByRole('button', { name: /Auto-layout/ })).toBeEnabled({ timeout: 60_000 });
  await expect(page.locator('.lane-vertical').first()).toBeAttached();
  await page.keyboard.press('f');
  await settle(page);
}

function expectApart(headers: { id: string; box: { left: number; right: number } }[]) {
  const sorted = [...headers].sort((a, b) => a.box.left - b.box.left);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.box.left, `${sorted[i]!.id} on ${sorted[i - 1]!.id}`).toBeGreaterThanOrEqual(sorted[i - 1]!.box.right - 0.5);
}

test('zoomed out on the example, narrow columns show their code over their title, not their code only', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();
  await toColumns(page);
  // zoom out until the columns of one card are narrower than a full header (64 px on screen)
  for (let i = 0; i < 12; i++) {
    const { headers } = await columnHeaders(page);
    if (headers.length === EXAMPLE.framework.domains.length && headers.some((h) => h.box.right - h.box.left < 64)) break;
    await page.keyboard.press('-');
    await settle(page);
  }
  expect((await flowView(page)).k).toBeLessThan(0.25);
  await shot(page, 'lanes-columns-narrow');
  const { paneTop, headers } = await columnHeaders(page);
  expect(headers).toHaveLength(EXAMPLE.framework.domains.length);
  expect(headers.filter((h) => h.mode === 'is-compact').length).toBeGreaterThan(0);
  expectApart(headers);
  for (const d of EXAMPLE.framework.domains) {
    const h = headers.find((x) => x.tooltip === `${d.code} · ${d.title}`);
    expect(h, `header of ${d.code}`).toBeDefined();
    const width = h!.box.right - h!.box.left;
    expect(width, d.code).toBeGreaterThanOrEqual(36);
    expect(h!.mode, d.code).toBe(width < 64 ? 'is-compact' : 'is-full');
    expect(h!.code).toBe(d.code);
    // the title is there, wrapped inside the header: not past its sides, not below it
    expect(h!.title).toBe(d.title);
    expect(h!.cutSideways, `${d.code}’s title runs out of its column`).toBe(false);
    expect(h!.titleBox!.left).toBeGreaterThanOrEqual(h!.box.left - 0.5);
    expect(h!.titleBox!.right).toBeLessThanOrEqual(h!.box.right + 0.5);
    expect(h!.titleBox!.bottom).toBeLessThanOrEqual(h!.box.bottom + 0.5);
    // at its column, above the map: on no card
    expect(Math.abs(h!.box.left - Math.max(h!.lane.left, 0))).toBeLessThanOrEqual(1);
    expect(h!.box.bottom).toBeLessThanOrEqual(paneTop + 0.5);
  }
  // at least the first line of each title shows in full: the title box is at least a line tall
  for (const h of headers) expect(h.titleBox!.bottom - h.titleBox!.top, h.id).toBeGreaterThanOrEqual(12);
  expect(errors).toEqual([]);
});

test('the generated 2,500-competency map fitted in columns names every column in words', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  const big = generateFramework({ competencies: 2500, seed: 11 });
  await openGenerated(page, 'columns.json', serializeFramework(big), big.title);
  await settle(page);
  // a generated map opens unlocked: turn the lanes upright and lay it out for them
  const unlock = page.getByRole('button', { name: 'Unlock' });
  if (await unlock.isVisible()) await unlockToCorrect(page);
  await page.getByTestId('lanes-toggle').click();
  await expect(page.getByTestId('lanes-toggle')).toHaveAttribute('aria-label', 'Lanes: vertical');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('l');
  await expect(page.getByRole('button', { name: /Auto-layout/ })).toBeEnabled({ timeout: 120_000 });
  await page.keyboard.press('f');
  await settle(page);
  await shot(page, 'lanes-columns-big');
  const { headers } = await columnHeaders(page);
  const used = big.domains.filter((d) => Object.values(big.competencies).some((c) => c.domainId === d.id));
  expect(headers).toHaveLength(used.length);
  expectApart(headers);
  for (const d of used) {
    const h = headers.find((x) => x.id === d.id)!;
    expect(h, d.code).toBeDefined();
    expect(h.tooltip).toBe(`${d.code} · ${d.title}`);
    // narrow, yet the title shows ("Domain 7" fits on two short lines)
    expect(h.box.right - h.box.left).toBeLessThan(112);
    expect(h.title, d.code).toBe(d.title);
    expect(h.cutSideways, d.code).toBe(false);
  }
  expect(errors).toEqual([]);
});
