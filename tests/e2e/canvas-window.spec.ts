import { expect, test, type Page } from '@playwright/test';
import { generateFramework } from '../../bench/generate';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import type { Framework } from '../../src-core/model/types';
import { collectErrors, findFirstBySearch, openGenerated, searchAndPick, settle, shot, flowView, type FlowView } from './canvas-helpers';

/**
 * Windowing (issue 9): zoomed in on a 10,000-competency map, React Flow is handed only the cards and
 * links near the view, recomputed when the view leaves a padded window. After long pans (pane drags
 * well past the window, and a search jump across the map) everything in view must be drawn: every
 * competency whose card meets the view in the DOM at its place, and every link React Flow's own
 * visible-only rendering would draw (the box around its two cards meets the view: this includes long
 * links crossing the view with both ends off screen).
 */

const NODE = { w: 240, h: 112 };
const fw: Framework = generateFramework({ competencies: 10_000, seed: 21 });
const FILE = serializeFramework(fw);
const comps = Object.values(fw.competencies);
const links = [...fw.prerequisites.values()];
const findable = findFirstBySearch(comps);

/** Screen overlap (px) of flow box (x0, y0)–(x1, y1) with the canvas, on each axis. */
function overlap(v: FlowView, x0: number, y0: number, x1: number, y1: number): { w: number; h: number } {
  const sx0 = Math.max(0, v.tx + x0 * v.k);
  const sy0 = Math.max(0, v.ty + y0 * v.k);
  const sx1 = Math.min(v.box.width, v.tx + x1 * v.k);
  const sy1 = Math.min(v.box.height, v.ty + y1 * v.k);
  return { w: sx1 - sx0, h: sy1 - sy0 };
}

/** Everything in view is drawn: cards in the DOM at their place, links React Flow's visible-only rendering draws. */
async function expectViewDrawn(page: Page, label: string): Promise<{ cards: number; links: number; crossing: number }> {
  await settle(page);
  await expect(page.getByTestId('canvas-overview'), `${label}: full cards, not the overview`).toHaveCount(0);
  const v = await flowView(page);
  const inView = (o: { w: number; h: number }) => o.w >= 2 && o.h >= 2;
  const visible = comps.filter((c) => inView(overlap(v, c.position.x, c.position.y, c.position.x + NODE.w, c.position.y + NODE.h)));
  const visibleIds = new Set(visible.map((c) => c.id as string));
  const expectedLinks = links.filter((l) => {
    const a = fw.competencies[l.from]!.position;
    const b = fw.competencies[l.to]!.position;
    return inView(overlap(v, Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x) + NODE.w, Math.max(a.y, b.y) + NODE.h));
  });
  const crossing = expectedLinks.filter((l) => !visibleIds.has(l.from) && !visibleIds.has(l.to)).length;
  expect(visible.length, `${label}: the view shows some competencies`).toBeGreaterThan(3);
  await expect
    .poll(
      async () => {
        const dom = await page.evaluate(() => ({
          nodes: [...document.querySelectorAll('.react-flow__node-competency')].map((e) => {
            const r = e.getBoundingClientRect();
            return { id: e.getAttribute('data-id')!, x: r.x, y: r.y };
          }),
          edges: [...document.querySelectorAll('.react-flow__edge')].filter((e) => (e.querySelector('path')?.getAttribute('d') ?? '').length > 0).map((e) => e.getAttribute('data-id')!),
        }));
        const at = new Map(dom.nodes.map((n) => [n.id, n]));
        const edges = new Set(dom.edges);
        const missingCards = visible.filter((c) => !at.has(c.id)).map((c) => c.code);
        const misplaced = visible
          .filter((c) => {
            const n = at.get(c.id);
            return n && (Math.abs(n.x - (v.box.x + v.tx + c.position.x * v.k)) > 2 || Math.abs(n.y - (v.box.y + v.ty + c.position.y * v.k)) > 2);
          })
          .map((c) => c.code);
        const missingLinks = expectedLinks.filter((l) => !edges.has(l.id)).map((l) => l.id);
        return { missingCards, misplaced, missingLinks };
      },
      { message: `${label}: every card and link in view is drawn (${visible.length} cards, ${expectedLinks.length} links, ${crossing} of them crossing with both ends off screen)` },
    )
    .toEqual({ missingCards: [], misplaced: [], missingLinks: [] });
  return { cards: visible.length, links: expectedLinks.length, crossing };
}

/** Drags the bare pane by (dx, dy) screen px. */
async function panBy(page: Page, dx: number, dy: number): Promise<void> {
  const v = await flowView(page);
  const start = await page.evaluate(
    ({ box, dx, dy }) => {
      for (let y = box.y + 40; y < box.y + box.height - 40; y += 11)
        for (let x = box.x + 40; x < box.x + box.width - 40; x += 13) {
          const end = { x: x + dx, y: y + dy };
          if (end.x < box.x + 10 || end.y < box.y + 10 || end.x > box.x + box.width - 10 || end.y > box.y + box.height - 10) continue;
          if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
        }
      return null;
    },
    { box: v.box, dx, dy },
  );
  if (!start) throw new Error('no bare spot of the pane to drag from');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(start.x + (dx * i) / 8, start.y + (dy * i) / 8);
  await page.mouse.up();
  const after = await flowView(page);
  expect(Math.hypot(after.tx - v.tx, after.ty - v.ty), 'the pane drag panned the map').toBeGreaterThan(Math.hypot(dx, dy) / 2);
}

test('10,000 competencies zoomed in: after long pans and a jump across the map, every card and link in view is drawn', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await openGenerated(page, 'window.json', FILE, fw.title, 120_000);
  // jump to a competency near the top of the map (search centres on it at zoom 0.9 or more)
  const byY = [...comps].sort((a, b) => a.position.y - b.position.y);
  // (not the very top row: half of a view centred there is above the map, and a narrow pane shows a card or two)
  const top = byY.slice(300, 2000).find(findable)!;
  await searchAndPick(page, top.code);
  await expect(page.locator(`.react-flow__node-competency:has([data-code="${top.code}"]) .cnode`)).toHaveClass(/is-selected/);
  await expectViewDrawn(page, `centred on ${top.code}`);
  // pan down and right by pane drags: some three view sizes, well past the padded window
  const v0 = await flowView(page);
  let crossing = 0;
  for (let i = 0; i < 6; i++) {
    await panBy(page, -Math.round(v0.box.width * 0.3), -Math.round(v0.box.height * 0.35));
    if (i % 2 === 1) crossing += (await expectViewDrawn(page, `after pane drag ${i + 1}`)).crossing;
  }
  const v1 = await flowView(page);
  expect(Math.hypot(v1.tx - v0.tx, v1.ty - v0.ty), 'the view travelled more than two view sizes').toBeGreaterThan(2 * v0.box.width);
  await shot(page, 'window-after-pans');
  // a jump to the far end of the map
  const bottom = byY.slice(-2000).reverse().find(findable)!;
  await searchAndPick(page, bottom.code);
  await expect(page.locator(`.react-flow__node-competency:has([data-code="${bottom.code}"]) .cnode`)).toHaveClass(/is-selected/);
  crossing += (await expectViewDrawn(page, `jumped to ${bottom.code}`)).crossing;
  // zoomed out a little (still full cards): the window grows with the view
  const v2 = await flowView(page);
  await page.mouse.move(v2.box.x + v2.box.width / 2, v2.box.y + v2.box.height / 2);
  await page.mouse.wheel(0, 300);
  await settle(page);
  expect((await flowView(page)).k).toBeGreaterThan(0.56);
  crossing += (await expectViewDrawn(page, 'zoomed out to about 0.6')).crossing;
  await shot(page, 'window-far-zoomed-out');
  expect(crossing, 'some checked links cross the view with both ends off screen').toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('10,000 competencies zoomed in: a drag that rides the auto-pan far past the window keeps the card and all its links, drops as one undo step', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await openGenerated(page, 'window-drag.json', FILE, fw.title, 120_000);
  // a competency with links to far-away competencies (their other ends are off screen)
  const far = (c: { position: { x: number; y: number } }, o: { position: { x: number; y: number } }) => Math.abs(c.position.x - o.position.x) > 3000 || Math.abs(c.position.y - o.position.y) > 2000;
  const own = (id: string) => links.filter((l) => l.from === id || l.to === id);
  const mover = comps.find((c) => findable(c) && own(c.id).length >= 2 && own(c.id).some((l) => far(c, fw.competencies[l.from === c.id ? l.to : l.from]!)))!;
  const ownLinks = own(mover.id).map((l) => l.id as string);
  await searchAndPick(page, mover.code);
  const card = page.locator(`.react-flow__node-competency:has([data-code="${mover.code}"])`);
  await expect(card.locator('.cnode')).toHaveClass(/is-selected/);
  await settle(page);
  const linksDrawn = () => page.evaluate((ids) => ids.filter((id) => (document.querySelector(`.react-flow__edge[data-id="${id}"] path`)?.getAttribute('d') ?? '') !== '').length, ownLinks);
  await expect.poll(linksDrawn, { message: 'all its links are drawn before the drag' }).toBe(ownLinks.length);
  const v0 = await flowView(page);
  const b = (await card.boundingBox())!;
  const grab = { x: b.x + 40, y: b.y + 14 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 20, grab.y, { steps: 2 });
  // to 20 px inside the pane's right edge: React Flow pans the view while the pointer stays there
  const edge = { x: v0.box.x + v0.box.width - 20, y: grab.y };
  await page.mouse.move(edge.x, edge.y, { steps: 8 });
  for (let t = 0; t < 60; t++) {
    await page.waitForTimeout(250);
    await page.mouse.move(edge.x + (t % 2), edge.y);
    if ((await flowView(page)).tx < v0.tx - 2.5 * v0.box.width) break;
  }
  const v1 = await flowView(page);
  expect(v0.tx - v1.tx, 'the auto-pan carried the view more than two view widths').toBeGreaterThan(2 * v0.box.width);
  // mid-gesture: the card is under the pointer and every one of its links is still drawn
  const mid = (await card.boundingBox())!;
  expect(Math.abs(mid.x + 40 - edge.x)).toBeLessThan(40);
  expect(await linksDrawn(), 'its links, far ends included, stay drawn during the drag').toBe(ownLinks.length);
  await page.mouse.up();
  await settle(page);
  // dropped where the pointer left it: in the document (the card's DOM position is the flow position)
  const v2 = await flowView(page);
  const dropped = (await card.boundingBox())!;
  const flowX = (dropped.x - v2.box.x - v2.tx) / v2.k;
  expect(flowX - mover.position.x, 'the card travelled with the view').toBeGreaterThan(2 * v0.box.width / v0.k - 100);
  await expect.poll(linksDrawn, { message: 'all its links are drawn after the drop' }).toBe(ownLinks.length);
  await expectViewDrawn(page, 'after the drop');
  await shot(page, 'window-drag-dropped');
  // one undo step puts it back: jump to it, it is at its old place
  await page.keyboard.press('Control+z');
  await searchAndPick(page, mover.code);
  await settle(page);
  const v3 = await flowView(page);
  const back = (await card.boundingBox())!;
  expect(Math.abs((back.x - v3.box.x - v3.tx) / v3.k - mover.position.x)).toBeLessThan(2);
  expect(Math.abs((back.y - v3.box.y - v3.ty) / v3.k - mover.position.y)).toBeLessThan(2);
  await expect.poll(linksDrawn).toBe(ownLinks.length);
  expect(errors).toEqual([]);
});

/** Flow position (top-left) of a card from where it is drawn. */
async function flowPos(page: Page, code: string): Promise<{ x: number; y: number }> {
  const v = await flowView(page);
  const b = (await page.locator(`.react-flow__node-competency:has([data-code="${code}"])`).boundingBox())!;
  return { x: (b.x - v.box.x - v.tx) / v.k, y: (b.y - v.box.y - v.ty) / v.k };
}

test('10,000 competencies zoomed in: a box selection, then a card added far away, drag together — the far-off ones too — as one undo step', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await openGenerated(page, 'window-select.json', FILE, fw.title, 120_000);
  const start = comps.filter(findable)[200]!;
  await searchAndPick(page, start.code);
  await settle(page);
  await page.keyboard.press('Escape');
  // Shift+drag a box from a bare spot of the pane over part of the view
  const v = await flowView(page);
  const box = { w: 420, h: 260 };
  const from = await page.evaluate(
    ({ b, box }) => {
      for (let y = b.y + 30; y < b.y + b.height - box.h - 30; y += 9)
        for (let x = b.x + 30; x < b.x + b.width - box.w - 30; x += 11) if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      return null;
    },
    { b: v.box, box },
  );
  expect(from, 'a bare spot of the pane').not.toBeNull();
  await page.keyboard.down('Shift');
  await page.mouse.move(from!.x, from!.y);
  await page.mouse.down();
  await page.mouse.move(from!.x + box.w / 2, from!.y + box.h / 2, { steps: 4 });
  await page.mouse.move(from!.x + box.w, from!.y + box.h, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  // the cards wholly inside the box are selected, none wholly outside it
  const r = { x0: (from!.x - v.box.x - v.tx) / v.k, y0: (from!.y - v.box.y - v.ty) / v.k, x1: (from!.x + box.w - v.box.x - v.tx) / v.k, y1: (from!.y + box.h - v.box.y - v.ty) / v.k };
  const inside = comps.filter((c) => c.position.x > r.x0 + 3 && c.position.y > r.y0 + 3 && c.position.x + NODE.w < r.x1 - 3 && c.position.y + NODE.h < r.y1 - 3);
  const outside = (c: (typeof comps)[number]) => c.position.x > r.x1 + 3 || c.position.y > r.y1 + 3 || c.position.x + NODE.w < r.x0 - 3 || c.position.y + NODE.h < r.y0 - 3;
  const selectedCodes = () => page.evaluate(() => [...document.querySelectorAll('.cnode.is-selected')].map((e) => e.getAttribute('data-code')!));
  await expect.poll(async () => (await selectedCodes()).length, { message: 'the box selected cards' }).toBeGreaterThan(0);
  const boxed = await selectedCodes();
  for (const c of inside) expect(boxed, `${c.code} is inside the box`).toContain(c.code);
  for (const code of boxed) expect(outside(comps.find((c) => c.code === code)!), `${code} is outside the box`).toBe(false);
  const firstBoxed = comps.find((c) => c.code === boxed[0])!;
  // pan well past the window, then Ctrl+click a card there: the box's cards stay selected (off screen)
  for (let i = 0; i < 10; i++) await panBy(page, -Math.round(v.box.width * 0.3), -Math.round(v.box.height * 0.3));
  await settle(page);
  const v1 = await flowView(page);
  expect(Math.hypot(v1.tx - v.tx, v1.ty - v.ty), 'the view travelled well past the window').toBeGreaterThan(v.box.width * 2.5);
  const pick = await page.evaluate((b) => {
    for (const el of document.querySelectorAll('.react-flow__node-competency')) {
      const q = el.getBoundingClientRect();
      if (q.left > b.x + 150 && q.top > b.y + 150 && q.right < b.x + b.width - 250 && q.bottom < b.y + b.height - 150) return el.querySelector('.cnode')!.getAttribute('data-code');
    }
    return null;
  }, v1.box);
  expect(pick, 'a card well inside the view').not.toBeNull();
  expect(boxed).not.toContain(pick);
  const card = page.locator(`.react-flow__node-competency:has([data-code="${pick}"])`);
  const cb = (await card.boundingBox())!;
  await page.keyboard.down('Control');
  await page.mouse.click(cb.x + 40, cb.y + 14);
  await page.keyboard.up('Control');
  await expect(card.locator('.cnode')).toHaveClass(/is-selected/);
  // drag it: every selected card moves by the same amount, the ones far off screen too
  const before = await flowPos(page, pick!);
  await page.mouse.move(cb.x + 40, cb.y + 14);
  await page.mouse.down();
  await page.mouse.move(cb.x + 60, cb.y + 24, { steps: 3 });
  await page.mouse.move(cb.x + 140, cb.y + 74, { steps: 6 });
  await page.mouse.up();
  await settle(page);
  const after = await flowPos(page, pick!);
  const d = { x: after.x - before.x, y: after.y - before.y };
  expect(d.x, 'the card moved right').toBeGreaterThan(50 / v1.k);
  expect(d.y, 'the card moved down').toBeGreaterThan(30 / v1.k);
  // one step moved every selected card: the box's, off screen, and this one
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', new RegExp(`^Undo: move ${boxed.length + 1} competencies`));
  await searchAndPick(page, firstBoxed.code);
  await settle(page);
  const moved = await flowPos(page, firstBoxed.code);
  expect(Math.abs(moved.x - (firstBoxed.position.x + d.x)), `${firstBoxed.code}, selected off screen, moved with the drag`).toBeLessThan(2);
  expect(Math.abs(moved.y - (firstBoxed.position.y + d.y))).toBeLessThan(2);
  // one undo step puts every one of them back
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+z');
  await settle(page);
  await expect.poll(async () => Math.abs((await flowPos(page, firstBoxed.code)).x - firstBoxed.position.x) < 2, { message: `${firstBoxed.code} is back` }).toBe(true);
  expect(Math.abs((await flowPos(page, firstBoxed.code)).y - firstBoxed.position.y)).toBeLessThan(2);
  await expectViewDrawn(page, `after the undo, at ${firstBoxed.code}`);
  expect(errors).toEqual([]);
});

test('10,000 competencies zoomed in: a box selection that rides the auto-pan well past the window still selects the cards where it started', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  // a sparse map (one prerequisite per competency): few far cards are kept as ends of links near the view, so
  // the cards the box took where it started stay in React Flow's hands (and selected) because selected cards
  // are always in the window; a card enters the box only at its moving corner, which is in view
  const sparse = generateFramework({ competencies: 10_000, seed: 22, linksPerCompetency: 1 });
  const comps = Object.values(sparse.competencies);
  await openGenerated(page, 'window-box-pan.json', serializeFramework(sparse), sparse.title, 120_000);
  await searchAndPick(page, comps.filter(findFirstBySearch(comps))[300]!.code);
  await settle(page);
  await page.keyboard.press('Escape');
  const v = await flowView(page);
  // start on a bare spot near the left edge, then hold the pointer at the right edge: React Flow auto-pans
  const from = await page.evaluate((b) => {
    for (let y = b.y + 30; y < b.y + b.height / 3; y += 9)
      for (let x = b.x + 40; x < b.x + 200; x += 11) if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
    return null;
  }, v.box);
  expect(from, 'a bare spot of the pane near the left edge').not.toBeNull();
  const edge = { x: v.box.x + v.box.width - 3, y: v.box.y + v.box.height - 30 };
  await page.keyboard.down('Shift');
  await page.mouse.move(from!.x, from!.y);
  await page.mouse.down();
  await page.mouse.move(from!.x + 100, from!.y + 60, { steps: 4 });
  await page.mouse.move(edge.x, edge.y, { steps: 8 });
  const start = { x: (from!.x - v.box.x - v.tx) / v.k, y: (from!.y - v.box.y - v.ty) / v.k };
  // ride the auto-pan until the view has travelled more than two view widths
  await expect.poll(async () => (await flowView(page)).tx, { timeout: 30_000, message: 'the selection auto-pans' }).toBeLessThan(v.tx - 2.5 * v.box.width);
  // where the box's moving corner is, as drawn (it may lag the pointer by auto-pan steps on a loaded machine),
  // read in one go with the view; the box only grows after this, so what it surely touches is a lower bound
  const drawn = await page.evaluate(() => {
    const sel = document.querySelector('.react-flow__selection')?.getBoundingClientRect();
    const r = document.querySelector('.react-flow')!.getBoundingClientRect();
    const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec((document.querySelector('.react-flow__viewport') as HTMLElement).style.transform)!;
    const [tx, ty, k] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return sel ? { x: (sel.right - r.x - tx) / k, y: (sel.bottom - r.y - ty) / k } : null;
  });
  expect(drawn, 'the selection box is drawn while the pointer is held').not.toBeNull();
  await page.mouse.up();
  await page.keyboard.up('Shift');
  const v1 = await flowView(page); // auto-pan stops with the button
  const end = { x: (edge.x - v1.box.x - v1.tx) / v1.k, y: (edge.y - v1.box.y - v1.ty) / v1.k };
  const boxTo = (e: { x: number; y: number }) => ({ x0: Math.min(start.x, e.x), y0: Math.min(start.y, e.y), x1: Math.max(start.x, e.x), y1: Math.max(start.y, e.y) });
  // the canvas selects what the box touches (SelectionMode.Partial): every card overlapping it by more than a
  // margin, none clear of it by more — among them the cards where it started, now far off screen
  const touching = (r: ReturnType<typeof boxTo>, m: number) => (c: (typeof comps)[number]) =>
    c.position.x < r.x1 - m && c.position.y < r.y1 - m && c.position.x + NODE.w > r.x0 + m && c.position.y + NODE.h > r.y0 + m;
  // at least what the box drawn before the release touches — also a card that came into view at its moving
  // corner in the last auto-pan frame, which the windower hands to React Flow a render later (the canvas adds
  // what the final box touches at the end; before it did, CI saw 76 of 77); at most what a box to the pointer touches
  const surely = comps.filter(touching(boxTo(drawn!), 24));
  const maybe = comps.filter(touching(boxTo(end), -24));
  const nearStart = surely.filter((c) => c.position.x < start.x + v.box.width / v.k);
  expect(nearStart.length, 'cards in the box near where it started').toBeGreaterThan(0);
  const title = page.locator('.panel-title', { hasText: /competencies selected$/ });
  await expect(title).toBeVisible();
  const n = Number((await title.textContent())!.split(' ')[0]);
  expect(n, `${surely.length} cards touch the box, ${nearStart.length} of them near its start`).toBeGreaterThanOrEqual(surely.length);
  expect(n).toBeLessThanOrEqual(maybe.length);
  expect(errors).toEqual([]);
});
