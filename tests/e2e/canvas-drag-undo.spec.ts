import { expect, test, type Page } from '@playwright/test';
import { generateFramework } from '../../bench/generate';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { collectErrors, mod, node, openApp, serveGenerated, settle } from './canvas-helpers';

const SHOTS = process.env.SHOTS_DIR;

async function box(page: Page, code: string) {
  const b = await node(page, code).boundingBox();
  if (!b) throw new Error(`${code} is not on screen`);
  return b;
}

test('dragging a competency moves it and its links, grows its lane while dragging, and undo / redo restore it as one step', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/fixtures/frameworks/cycle.json');
  await expect(node(page, 'NF.4')).toBeVisible();
  await settle(page);
  const lane = page.getByTestId('domain-lane');
  const before = await box(page, 'NF.4');
  const laneBefore = (await lane.boundingBox())!;
  const link = page.locator('.react-flow__edge[data-id="b0000000-0000-4000-8000-000000000003"] .react-flow__edge-path'); // NF.3 → NF.4
  const pathBefore = await link.getAttribute('d');

  // grab NF.4 by its code and pull it down, below the lane
  const grab = { x: before.x + 40, y: before.y + 14 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 20, grab.y + 40, { steps: 4 });
  await page.mouse.move(grab.x + 40, grab.y + 120, { steps: 6 });
  // mid-gesture: the node, its link and the lane follow the pointer, nothing is committed yet
  const mid = await box(page, 'NF.4');
  expect(mid.y - before.y).toBeGreaterThan(100);
  const pathMid = await link.getAttribute('d');
  expect(pathMid).not.toBe(pathBefore);
  const laneMid = (await lane.boundingBox())!;
  expect(laneMid.y + laneMid.height).toBeGreaterThanOrEqual(mid.y + mid.height);
  await expect(page.getByRole('button', { name: 'Undo' })).not.toHaveAttribute('title', /move/);
  await page.mouse.up();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/canvas-drag-dropped.png` });

  const after = await box(page, 'NF.4');
  expect(Math.round(after.y - before.y)).toBe(Math.round(mid.y - before.y));
  // what the gesture drew is what React Flow draws from the document after the drop
  expect(await link.getAttribute('d')).toBe(pathMid);
  expect((await lane.boundingBox())!).toEqual(laneMid);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo: move/);

  // one undo step puts the competency, its link and its lane back; redo moves it again
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => Math.round((await box(page, 'NF.4')).y)).toBe(Math.round(before.y));
  await expect.poll(async () => link.getAttribute('d')).toBe(pathBefore);
  await expect.poll(async () => Math.round((await lane.boundingBox())!.height)).toBe(Math.round(laneBefore.height));
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect.poll(async () => Math.round((await box(page, 'NF.4')).y)).toBe(Math.round(after.y));

  // a click without moving is not a move (no undo step, the node stays)
  const undoTitle = await page.getByRole('button', { name: 'Undo' }).getAttribute('title');
  const here = await box(page, 'NF.1');
  await page.mouse.click(here.x + 40, here.y + 14);
  await expect(node(page, 'NF.1').locator('.cnode')).toHaveClass(/is-selected/);
  expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toBe(undoTitle);
  expect(Math.round((await box(page, 'NF.1')).y)).toBe(Math.round(here.y));
  expect(errors).toEqual([]);
});

test('a highlighted cycle link keeps an ordinary-sized arrowhead', async ({ page }) => {
  await openApp(page, '?open=/fixtures/frameworks/cycle.json');
  await expect(node(page, 'NF.4')).toBeVisible();
  // every arrowhead marker is sized in flow units, not in multiples of its link's stroke width
  const units = await page.locator('svg.react-flow__marker marker').evaluateAll((ms) => ms.map((m) => m.getAttribute('markerUnits')));
  expect(units.length).toBeGreaterThan(0);
  expect(new Set(units)).toEqual(new Set(['userSpaceOnUse']));
  await page.getByRole('tab', { name: 'Problems' }).click().catch(() => undefined);
  const cycle = page.locator('[data-testid=problem][data-code="prerequisite-cycle"]');
  if (await cycle.isVisible()) await cycle.click();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/canvas-cycle-arrowheads.png` });
});

test('a drag on a locked framework is refused: the competency, its links and its lane snap back', async ({ page }) => {
  // The example opens adopted and locked.
  await openApp(page);
  const first = page.locator('.react-flow__node-competency').first();
  await expect(first).toBeVisible();
  await settle(page);
  const code = (await first.locator('.cnode').getAttribute('data-code'))!;
  // selected beforehand, so nothing re-renders the canvas during the gesture
  await first.click();
  await expect(first.locator('.cnode')).toHaveClass(/is-selected/);
  const before = await box(page, code);
  const edges = page.locator('.react-flow__edge-path');
  const pathsBefore = await edges.evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
  const lanesBefore = await page.getByTestId('domain-lane').evaluateAll((ls) => ls.map((l) => (l.parentElement as HTMLElement).style.cssText));
  await page.mouse.move(before.x + 40, before.y + 14);
  await page.mouse.down();
  await page.mouse.move(before.x + 60, before.y + 200, { steps: 8 });
  expect((await box(page, code)).y).toBeGreaterThan(before.y + 100);
  await page.mouse.up();
  await expect(page.getByTestId('notice')).toContainText('locked');
  await expect.poll(async () => Math.round((await box(page, code)).y)).toBe(Math.round(before.y));
  expect(await edges.evaluateAll((ps) => ps.map((p) => p.getAttribute('d')))).toEqual(pathsBefore);
  expect(await page.getByTestId('domain-lane').evaluateAll((ls) => ls.map((l) => (l.parentElement as HTMLElement).style.cssText))).toEqual(lanesBefore);
});

test('dragging a box selection moves its competencies and the selection box together, as one undo step', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/fixtures/frameworks/cycle.json');
  await expect(node(page, 'NF.4')).toBeVisible();
  await settle(page);
  // Shift+drag on the empty canvas around NF.2 and NF.3
  const a = await box(page, 'NF.2');
  const b = await box(page, 'NF.3');
  await page.keyboard.down('Shift');
  await page.mouse.move(a.x - 20, a.y - 20);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width + 20, b.y + b.height + 20, { steps: 6 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.locator('.cnode.is-selected')).toHaveCount(2);
  const rect = page.locator('.react-flow__nodesselection-rect');
  await expect(rect).toBeVisible();
  const r0 = (await rect.boundingBox())!;

  await page.mouse.move(a.x + 40, a.y + 14);
  await page.mouse.down();
  await page.mouse.move(a.x + 40, a.y + 60, { steps: 4 });
  await page.mouse.move(a.x + 40, a.y + 134, { steps: 4 });
  const a1 = await box(page, 'NF.2');
  const b1 = await box(page, 'NF.3');
  const r1 = (await rect.boundingBox())!;
  const moved = a1.y - a.y;
  expect(moved).toBeGreaterThan(80);
  expect(b1.y - b.y).toBeCloseTo(moved, 1);
  expect(r1.y - r0.y).toBeCloseTo(moved, 1); // the box follows during the gesture
  await page.mouse.up();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo: move 2 competencies/);
  // after the drop React Flow draws them where the gesture did
  expect((await box(page, 'NF.2')).y - a.y).toBeCloseTo(moved, 1);
  expect((await rect.boundingBox())!.y - r0.y).toBeCloseTo(moved, 1);
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => Math.round((await box(page, 'NF.3')).y)).toBe(Math.round(b.y));
  expect(errors).toEqual([]);
});

test('on a 2,500-competency map (visible-only rendering) a drag moves the competency and its links, and React Flow draws the same after the drop', async ({ page }) => {
  const errors = collectErrors(page);
  const big = generateFramework({ competencies: 2500, seed: 3 });
  const file = serializeFramework(big);
  const code = Object.values(big.competencies)[1250]!.code;
  await openApp(page, `?open=${await serveGenerated(page, 'drag.json', file)}`);
  await expect(page.locator('.canvas-overview, .react-flow__node-competency').first()).toBeVisible();
  // find it: search centres and selects it (so nothing re-renders the canvas when the drag starts)
  await page.keyboard.press(`${mod}+f`);
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  const target = page.locator('.react-flow__node-competency').filter({ has: page.locator('.cnode.is-selected') });
  await expect(target).toHaveCount(1);
  await settle(page);
  const before = (await target.boundingBox())!;
  const paths = () => page.locator('.react-flow__edge').evaluateAll((gs) => Object.fromEntries(gs.map((g) => [g.getAttribute('data-id'), g.querySelector('.react-flow__edge-path')?.getAttribute('d')])));
  const p0 = await paths();
  await page.mouse.move(before.x + 40, before.y + 14);
  await page.mouse.down();
  await page.mouse.move(before.x + 70, before.y + 40, { steps: 4 });
  await page.mouse.move(before.x + 110, before.y + 90, { steps: 4 });
  const mid = (await target.boundingBox())!;
  expect(mid.x - before.x).toBeGreaterThan(50);
  const p1 = await paths();
  const followed = Object.keys(p1).filter((k) => k in p0 && p0[k] !== p1[k]);
  expect(followed.length).toBeGreaterThan(0); // its links follow the pointer
  await page.mouse.up();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo: move/);
  expect((await target.boundingBox())!).toEqual(mid);
  const p2 = await paths();
  // the same curves (up to sub-pixel differences: React Flow measured the handles at a fractional zoom)
  const nums = (d: string | null | undefined) => (d ?? '').match(/-?[\d.]+(e-?\d+)?/g)!.map(Number);
  for (const k of followed) {
    const [x, y] = [nums(p2[k]), nums(p1[k])];
    expect(x.length).toBe(y.length);
    x.forEach((v, i) => expect(v).toBeCloseTo(y[i]!, 1));
  }
  expect(errors).toEqual([]);
});

test('a drag that rides the auto-pan at the pane edge drops the competency and its links where the pointer left them, as one undo step', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/fixtures/frameworks/cycle.json');
  await expect(node(page, 'NF.4')).toBeVisible();
  await settle(page);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const viewport = () => page.locator('.react-flow__viewport').evaluate((v) => (v as HTMLElement).style.transform);
  const link = page.locator('.react-flow__edge[data-id="b0000000-0000-4000-8000-000000000003"] .react-flow__edge-path'); // NF.3 → NF.4
  const before = await box(page, 'NF.4');
  const view0 = await viewport();
  const grab = { x: before.x + 40, y: before.y + 14 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  // to 20 px inside the pane's right edge: React Flow pans the view while the pointer stays there
  const edge = { x: pane.x + pane.width - 20, y: grab.y };
  // a short first move starts the gesture (React Flow keeps the offset from where the drag starts)
  await page.mouse.move(grab.x + 2, grab.y);
  const started = await box(page, 'NF.4');
  const offset = { x: grab.x + 2 - started.x, y: grab.y - started.y };
  await page.mouse.move(edge.x, edge.y, { steps: 10 });
  await expect.poll(viewport).not.toBe(view0);
  for (let i = 0; i < 10; i++) await page.mouse.move(edge.x - (i % 2), edge.y + (i % 3));
  const view1 = await viewport();
  await expect.poll(viewport).not.toBe(view1); // still panning
  // back out of the auto-pan band, then drop
  const drop = { x: pane.x + pane.width - 200, y: grab.y + 30 };
  await page.mouse.move(drop.x, drop.y, { steps: 5 });
  const mid = await box(page, 'NF.4');
  expect(Math.abs(mid.x - (drop.x - offset.x))).toBeLessThan(1.5);
  expect(Math.abs(mid.y - (drop.y - offset.y))).toBeLessThan(1.5);
  const pathMid = await link.getAttribute('d');
  await expect(page.getByRole('button', { name: 'Undo' })).not.toHaveAttribute('title', /move/);
  await page.mouse.up();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo: move/);
  const viewDrop = await viewport();
  // where the pointer left it, on screen and in the document; its link ends where the gesture drew it
  const after = await box(page, 'NF.4');
  expect(Math.abs(after.x - (drop.x - offset.x))).toBeLessThan(1.5);
  expect(Math.abs(after.y - (drop.y - offset.y))).toBeLessThan(1.5);
  const nums = (d: string | null) => (d ?? '').match(/-?[\d.]+(e-?\d+)?/g)!.map(Number);
  const [p1, p2] = [nums(pathMid), nums(await link.getAttribute('d'))];
  expect(p2.length).toBe(p1.length);
  p2.forEach((v, i) => expect(Math.abs(v - p1[i]!)).toBeLessThan(1.5));
  // one undo step puts it back where it started, in flow coordinates: the view moved during the drag, and Undo
  // may glide it again to keep the card it brought back in sight (the focus follows the undone step), so each
  // screen position is read through the view of the same moment
  await page.keyboard.press(`${mod}+z`);
  await expect(page.getByRole('button', { name: 'Undo' })).not.toHaveAttribute('title', /Undo: move/);
  const pan = (t: string) => /translate\(([-\d.e]+)px, ([-\d.e]+)px\)/.exec(t)!.slice(1).map(Number) as [number, number];
  const [x0, y0] = pan(view0);
  const inFlow = async () => {
    const [vx, vy] = pan(await viewport());
    const b = await box(page, 'NF.4');
    return [Math.round(b.x - (vx - x0)), Math.round(b.y - (vy - y0))];
  };
  expect(pan(viewDrop)[0]).not.toBe(x0);
  await expect.poll(inFlow).toEqual([Math.round(before.x), Math.round(before.y)]);
  expect(errors).toEqual([]);
});
