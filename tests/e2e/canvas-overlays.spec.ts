import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, flowView, node, openApp, searchAndPick, settle, shot, unlockToCorrect } from './canvas-helpers';

// What a teacher sees on a laptop (1280×720) when the example opens fitted: every card in full — none under
// the minimap or the zoom buttons; the lane headers beside the map, never on it — and the zoom buttons
// reachable from the keyboard.

const EXAMPLE = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/examples/grade3-5-fractions.json'), 'utf8')) as {
  framework: { domains: { code: string; title: string }[]; competencies: Record<string, { code: string; position: { x: number; y: number } }> };
};

test.use({ viewport: { width: 1280, height: 720 } });
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('progressions.fsAccess', 'off'));
});

type Box = { id: string; left: number; top: number; right: number; bottom: number };

/** The on-screen boxes of the competency cards and of what `overSelector` matches, and the pairs that overlap. */
async function cardsUnder(page: Page, overSelector: string): Promise<{ over: Box[]; cards: number; pairs: string[] }> {
  return page.evaluate((sel) => {
    const boxOf = (el: Element, id: string) => {
      const r = el.getBoundingClientRect();
      return { id, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const over = [...document.querySelectorAll(sel)].filter((el) => el.getClientRects().length > 0).map((el, i) => boxOf(el, el.textContent?.trim() || el.getAttribute('data-testid') || String(i)));
    const cards = [...document.querySelectorAll('.react-flow__node-competency')].map((el) => boxOf(el, el.querySelector('[data-code]')?.getAttribute('data-code') ?? '?'));
    const pairs: string[] = [];
    for (const o of over) for (const c of cards) if (o.left < c.right && c.left < o.right && o.top < c.bottom && c.top < o.bottom) pairs.push(`${o.id} on ${c.id}`);
    return { over, cards: cards.length, pairs };
  }, overSelector);
}

/**
 * The lane headers (in the strip beside the map) and the lanes on screen: each header's box, its lane
 * band's box clipped to React Flow's pane, the pane's box, and whether the header's text is cut.
 */
async function headersAndLanes(page: Page) {
  return page.evaluate(() => {
    const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const pane = box(document.querySelector('.react-flow')!.getBoundingClientRect());
    const headers = [...document.querySelectorAll<HTMLElement>('.lane-strip .lane-label')].map((el) => {
      const lane = document.querySelector(`.react-flow__node-lane[data-id="lane:${el.dataset.domain}"]`)?.getBoundingClientRect();
      const text = el.querySelector<HTMLElement>('.lane-label-text') ?? el.querySelector<HTMLElement>('.lane-code')!;
      return {
        id: el.dataset.domain!,
        text: el.textContent ?? '',
        full: el.classList.contains('is-full'),
        cut: text.scrollHeight > text.clientHeight + 1 || text.scrollWidth > text.clientWidth + 1,
        box: box(el.getBoundingClientRect()),
        lane: lane ? { left: Math.max(lane.left, pane.left), top: Math.max(lane.top, pane.top), right: Math.min(lane.right, pane.right), bottom: Math.min(lane.bottom, pane.bottom) } : null,
      };
    });
    return { pane, headers };
  });
}

test('fitted on a laptop, the lane headers sit beside the map, each along its lane, titles in full: lanes as bands, then as columns', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();
  await settle(page);
  const bands = await cardsUnder(page, '.lane-labels .lane-label');
  await shot(page, 'overlays-labels-bands');
  expect(bands.cards).toBe(Object.keys(EXAMPLE.framework.competencies).length);
  // no header lies on a card: they are outside React Flow's pane, left of it, each along its band
  expect(bands.pairs).toEqual([]);
  const left = await headersAndLanes(page);
  expect(left.headers).toHaveLength(EXAMPLE.framework.domains.length);
  for (const h of left.headers) {
    expect(h.box.right, h.id).toBeLessThanOrEqual(left.pane.left + 0.5);
    expect(h.lane, h.id).not.toBeNull();
    expect(Math.abs(h.box.top - h.lane!.top), `${h.id} top`).toBeLessThanOrEqual(1);
    expect(Math.abs(h.box.bottom - h.lane!.bottom), `${h.id} bottom`).toBeLessThanOrEqual(1);
  }
  // every domain's code and whole title show (wrapped, not cut)
  for (const d of EXAMPLE.framework.domains) {
    const h = left.headers.find((x) => x.text.includes(d.code));
    expect(h, `header of ${d.code}`).toBeDefined();
    expect(h!.text).toContain(d.title);
    expect(h!.full && !h!.cut, `${d.code}’s title is cut`).toBe(true);
  }
  // panned so a band runs off the top: its header stays in the visible part of it
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + pane.width / 2, pane.y + 40);
  await page.mouse.down();
  await page.mouse.move(pane.x + pane.width / 2, pane.y + 40 - 90, { steps: 4 });
  await page.mouse.up();
  await settle(page);
  const panned = await headersAndLanes(page);
  const first = panned.headers[0]!;
  expect(first.box.top).toBeCloseTo(panned.pane.top, 0);
  expect(Math.abs(first.box.bottom - first.lane!.bottom)).toBeLessThanOrEqual(1);
  // the wheel over the strip scrolls the bands along it (no zoom), headers and lanes together
  const before = await flowView(page);
  const strip = (await page.getByTestId('lane-strip').boundingBox())!;
  await page.mouse.move(strip.x + strip.width / 2, strip.y + strip.height / 2);
  await page.mouse.wheel(0, 120);
  await settle(page);
  const scrolled = await flowView(page);
  expect(scrolled.k).toBe(before.k);
  expect(scrolled.ty).toBeCloseTo(before.ty - 120, 0);
  for (const h of (await headersAndLanes(page)).headers) expect(Math.abs(h.box.top - h.lane!.top), h.id).toBeLessThanOrEqual(1);

  // columns: unlock, turn the lanes upright, lay out the map again and fit it
  await unlockToCorrect(page);
  await page.getByTestId('lanes-toggle').click();
  await expect(page.getByTestId('lanes-toggle')).toHaveAttribute('aria-label', 'Lanes: vertical');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('l');
  await expect(page.getByRole('button', { name: /Auto-layout/ })).toBeEnabled();
  await expect(page.locator('.lane-vertical').first()).toBeAttached();
  await page.keyboard.press('f');
  await settle(page);
  const columns = await cardsUnder(page, '.lane-labels .lane-label');
  await shot(page, 'overlays-labels-columns');
  expect(columns.over.length).toBe(EXAMPLE.framework.domains.length);
  expect(columns.pairs).toEqual([]);
  const top = await headersAndLanes(page);
  for (const h of top.headers) {
    expect(h.box.bottom, h.id).toBeLessThanOrEqual(top.pane.top + 0.5);
    expect(Math.abs(h.box.left - h.lane!.left), `${h.id} left`).toBeLessThanOrEqual(1);
    expect(Math.abs(h.box.right - h.lane!.right), `${h.id} right`).toBeLessThanOrEqual(1);
  }
  // zoomed in, the columns are wide enough for their titles
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await settle(page);
  const near = await headersAndLanes(page);
  expect(near.headers.some((h) => h.full && !h.cut)).toBe(true);
  expect(errors).toEqual([]);
});

test('the lane headers’ chevrons are one Tab stop before the map: the arrow keys move between them, Enter collapses, Tab goes on into the map', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();
  await settle(page);
  const [d0, d1] = EXAMPLE.framework.domains;
  await page.getByLabel('Search competencies').focus();
  const first = page.getByRole('button', { name: `Collapse domain ${d0!.title}`, exact: true });
  for (let i = 0; i < 15 && !(await first.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const second = page.getByRole('button', { name: `Collapse domain ${d1!.title}`, exact: true });
  await expect(second).toBeFocused();
  // Enter collapses its domain; the chevron keeps the focus, now to expand it
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="collapsed-domain"]')).toHaveCount(1);
  await expect(page.locator('.lane-strip').getByRole('button', { name: `Expand domain ${d1!.title}`, exact: true })).toBeFocused();
  // Tab goes on into the map (not through the other chevrons)
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('.react-flow__node'))).toBe(true);
  expect(errors).toEqual([]);
});

test('fit (on open, F, the fit button) leaves no card under the minimap or the zoom buttons', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();
  await expect(page.getByTestId('rf__minimap')).toBeVisible();
  await settle(page);
  const overlays = '[data-testid="rf__minimap"], [data-testid="rf__controls"], [data-testid="lock-badge"]';
  const opened = await cardsUnder(page, overlays);
  await shot(page, 'overlays-fit-open');
  expect(opened.over.length).toBe(3);
  expect(opened.pairs).toEqual([]);

  // zoomed and panned elsewhere, F fits again, clear of them
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await settle(page);
  await page.keyboard.press('f');
  await settle(page);
  expect((await cardsUnder(page, overlays)).pairs).toEqual([]);

  // the fit button too, and with the side panel closed (a wider canvas) as well
  await page.keyboard.press('+');
  await settle(page);
  await page.getByRole('button', { name: 'Fit view' }).click();
  await settle(page);
  const fitted = await flowView(page);
  expect((await cardsUnder(page, overlays)).pairs).toEqual([]);
  // the whole map is still in view
  const pane = fitted.box;
  const cardBoxes = await page.locator('.react-flow__node-competency').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
  expect(cardBoxes).toHaveLength(Object.keys(EXAMPLE.framework.competencies).length);
  for (const c of cardBoxes) {
    expect(c.left).toBeGreaterThanOrEqual(pane.x);
    expect(c.right).toBeLessThanOrEqual(pane.x + pane.width);
    expect(c.top).toBeGreaterThanOrEqual(pane.y);
    expect(c.bottom).toBeLessThanOrEqual(pane.y + pane.height);
  }
  // and it fills most of the canvas across or down (moved or shrunk only as far as the overlays need)
  const spanX = Math.max(...cardBoxes.map((c) => c.right)) - Math.min(...cardBoxes.map((c) => c.left));
  const spanY = Math.max(...cardBoxes.map((c) => c.bottom)) - Math.min(...cardBoxes.map((c) => c.top));
  expect(Math.max(spanX / pane.width, spanY / pane.height)).toBeGreaterThan(0.6);
  expect(errors).toEqual([]);
});

test('the zoom buttons are Tab stops after the map: named, with a visible focus ring, and Tab goes on past them', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();
  await settle(page);
  const fitted = (await flowView(page)).k;
  // the last competency in Tab's walk (top to bottom, left to right)
  const last = Object.values(EXAMPLE.framework.competencies).sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x).at(-1)!;
  // found with the search first: it comes to the middle of the view (a click there reaches it, wherever the fit put it)
  await searchAndPick(page, last.code);
  await settle(page);
  await node(page, last.code).click();
  await expect(page.locator('.cnode.is-selected')).toHaveAttribute('data-code', last.code);

  const zoomIn = page.getByRole('button', { name: 'Zoom in', exact: true });
  const zoomOut = page.getByRole('button', { name: 'Zoom out', exact: true });
  const fit = page.getByRole('button', { name: 'Fit view', exact: true });
  await page.keyboard.press('Tab');
  await expect(zoomIn).toBeFocused();
  const ring = await zoomIn.evaluate((el) => {
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), offset: parseFloat(s.outlineOffset), visible: el.matches(':focus-visible') };
  });
  expect(ring.visible).toBe(true);
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  // drawn inside the button (the rounded box around the buttons clips what lies outside them)
  expect(ring.offset).toBeLessThanOrEqual(-ring.width);
  await shot(page, 'overlays-zoom-focus');

  // Enter on a zoom button zooms (it does not open the selected competency in the inspector)
  const before = (await flowView(page)).k;
  await page.keyboard.press('Enter');
  await settle(page);
  expect((await flowView(page)).k).toBeGreaterThan(before);
  await expect(zoomIn).toBeFocused();

  await page.keyboard.press('Tab');
  await expect(zoomOut).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(fit).toBeFocused();
  await page.keyboard.press('Enter');
  await settle(page);
  expect((await flowView(page)).k).toBeCloseTo(fitted, 3);
  // then Select several (a touch screen's Shift+click), and on past them to the next control (the lock badge's Unlock): no trap
  const several = page.getByRole('button', { name: 'Select several', exact: true });
  await page.keyboard.press('Tab');
  await expect(several).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeFocused();
  // and back: Shift+Tab returns to the fit button, then through the zoom buttons into the map
  await page.keyboard.press('Shift+Tab');
  await expect(several).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(fit).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(zoomIn).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('.canvas'))).toBe(true);
  expect(errors).toEqual([]);
});

test('on an empty framework Tab goes from the start button through the zoom buttons on to the side panel (no trap)', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByTitle('New framework').click();
  await expect(page.getByTestId('empty-canvas')).toBeVisible();
  await page.getByLabel('Search competencies').focus();
  const start = page.getByRole('button', { name: 'Add the first competency' });
  for (let i = 0; i < 6 && !(await start.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(start).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Zoom in', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Fit view', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('aside.sidebar'))).toBe(true);
  // and back again with Shift+Tab
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Fit view', exact: true })).toBeFocused();
  expect(errors).toEqual([]);
});
