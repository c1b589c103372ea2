import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, flowView, node, openApp, searchAndPick, settle, shot } from './canvas-helpers';

// What a teacher sees on a laptop (1280×720) when the example opens fitted: every card in full — none under
// a lane's name, the minimap or the zoom buttons — and the zoom buttons reachable from the keyboard.

const EXAMPLE = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/examples/grade3-5-fractions.json'), 'utf8')) as {
  framework: { domains: { code: string }[]; competencies: Record<string, { code: string; position: { x: number; y: number } }> };
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

test('fitted on a laptop, no lane label lies on a card: lanes as bands, then as columns', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();
  await settle(page);
  const bands = await cardsUnder(page, '.lane-labels .lane-label');
  await shot(page, 'overlays-labels-bands');
  expect(bands.cards).toBe(Object.keys(EXAMPLE.framework.competencies).length);
  expect(bands.pairs).toEqual([]);
  // every domain keeps its name on screen
  for (const d of EXAMPLE.framework.domains) expect(bands.over.some((l) => l.id.includes(d.code)), `label of ${d.code}`).toBe(true);

  // columns: unlock, turn the lanes upright, lay out the map again and fit it
  await page.getByRole('button', { name: 'Unlock' }).click();
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
  expect(columns.over.length).toBeGreaterThan(0);
  expect(columns.pairs).toEqual([]);
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
  // on past them to the next control (the lock badge's Unlock): no trap
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeFocused();
  // and back: Shift+Tab returns to the fit button, then through the zoom buttons into the map
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
