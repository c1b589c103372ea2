import { expect, test, type Page } from '@playwright/test';
import { generateFramework } from '../../bench/generate';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import type { Framework } from '../../src-core/model/types';
import { collectErrors, openGenerated, settle, shot, flowView, type FlowView } from './canvas-helpers';

/**
 * Culling correctness (issue 9): a map large enough for the level-of-detail paths renders only what
 * is in view when zoomed in and paints an overview when zoomed out. At several viewports, everything
 * whose box intersects the canvas must be there: every competency in the DOM (or painted on the
 * overview canvas), every link between two visible competencies drawn. Expected boxes come from the
 * file's positions and React Flow's viewport transform.
 */

const NODE = { w: 240, h: 112 };
/** Boxes overlapping the canvas by less than this (px) count as off screen (sub-pixel borders). */
const MARGIN = 2;

const fw: Framework = generateFramework({ competencies: 600, seed: 9 });
const FILE = serializeFramework(fw);
const comps = Object.values(fw.competencies);
const links = [...fw.prerequisites.values()];
const domainColor = new Map(fw.domains.map((d) => [d.id as string, d.color]));

/** Screen box (relative to the container) of a competency, and the part of it inside the container. */
function screenBox(v: FlowView, p: { x: number; y: number }) {
  const x = v.tx + p.x * v.k;
  const y = v.ty + p.y * v.k;
  const w = NODE.w * v.k;
  const h = NODE.h * v.k;
  const cx0 = Math.max(0, x);
  const cy0 = Math.max(0, y);
  const cx1 = Math.min(v.box.width, x + w);
  const cy1 = Math.min(v.box.height, y + h);
  return { x, y, w, h, clip: { x0: cx0, y0: cy0, x1: cx1, y1: cy1 }, visible: cx1 - cx0 >= MARGIN && cy1 - cy0 >= MARGIN };
}

function expectedVisible(v: FlowView) {
  const visible = new Set(comps.filter((c) => screenBox(v, c.position).visible).map((c) => c.id as string));
  const visibleLinks = links.filter((l) => visible.has(l.from) && visible.has(l.to));
  return { visible, visibleLinks };
}

/** At full detail: every visible competency is a rendered node at its place, every visible link a drawn edge. */
async function expectFullDetail(page: Page, label: string): Promise<FlowView> {
  await settle(page);
  await expect(page.getByTestId('canvas-overview'), `${label}: full nodes, not the overview`).toHaveCount(0);
  const v = await flowView(page);
  const { visible, visibleLinks } = expectedVisible(v);
  expect(visible.size, `${label}: the viewport shows some competencies`).toBeGreaterThan(3);
  expect(visible.size, `${label}: the map is culled (not every competency is in view)`).toBeLessThan(comps.length);
  await expect
    .poll(
      async () => {
        const dom = await page.evaluate(() => ({
          nodes: [...document.querySelectorAll('.react-flow__node-competency')]
            .filter((e) => getComputedStyle(e).visibility !== 'hidden')
            .map((e) => {
              const r = e.getBoundingClientRect();
              return { id: e.getAttribute('data-id')!, x: r.x, y: r.y };
            }),
          edges: [...document.querySelectorAll('.react-flow__edge')].filter((e) => (e.querySelector('path')?.getAttribute('d') ?? '').length > 0).map((e) => e.getAttribute('data-id')!),
        }));
        const at = new Map(dom.nodes.map((n) => [n.id, n]));
        const edges = new Set(dom.edges);
        const missingNodes = [...visible].filter((id) => !at.has(id)).map((id) => fw.competencies[id as keyof typeof fw.competencies]!.code);
        const misplaced = [...visible].filter((id) => {
          const n = at.get(id);
          if (!n) return false;
          const b = screenBox(v, fw.competencies[id as keyof typeof fw.competencies]!.position);
          return Math.abs(n.x - (v.box.x + b.x)) > 2 || Math.abs(n.y - (v.box.y + b.y)) > 2;
        });
        const missingLinks = visibleLinks.filter((l) => !edges.has(l.id)).map((l) => l.id);
        return { missingNodes, misplaced, missingLinks };
      },
      { message: `${label}: every visible competency and link is rendered (${visible.size} competencies, ${visibleLinks.length} links in view)` },
    )
    .toEqual({ missingNodes: [], misplaced: [], missingLinks: [] });
  return v;
}

function hexRgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** Zoomed out: every visible competency is a filled box in its domain colour on the overview canvas, every visible link a stroke. */
async function expectOverview(page: Page, label: string): Promise<void> {
  await settle(page);
  await expect(page.getByTestId('canvas-overview'), `${label}: the overview is painted`).toBeVisible();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const v = await flowView(page);
  const { visible, visibleLinks } = expectedVisible(v);
  expect(visible.size, `${label}: the overview shows some competencies`).toBeGreaterThan(3);
  // sample points (CSS px, relative to the canvas): the centre of each visible box's on-screen part …
  const boxes = comps.filter((c) => visible.has(c.id)).map((c) => ({ c, b: screenBox(v, c.position) }));
  const nodePoints = boxes.map(({ c, b }) => ({ id: c.code, x: (b.clip.x0 + b.clip.x1) / 2, y: (b.clip.y0 + b.clip.y1) / 2, color: hexRgb(domainColor.get(c.domainId ?? '') ?? '#8a94a6') }));
  // … and, per visible link, a point on its on-screen segment that no competency box covers
  const allBoxes = comps.map((c) => screenBox(v, c.position));
  const covered = (x: number, y: number) => allBoxes.some((b) => x >= b.x - 2 && x <= b.x + b.w + 2 && y >= b.y - 2 && y <= b.y + b.h + 2);
  const linkPoints: { id: string; x: number; y: number }[] = [];
  for (const l of visibleLinks) {
    const a = fw.competencies[l.from as keyof typeof fw.competencies]!.position;
    const b = fw.competencies[l.to as keyof typeof fw.competencies]!.position;
    const x1 = v.tx + (a.x + NODE.w) * v.k;
    const y1 = v.ty + (a.y + NODE.h / 2) * v.k;
    const x2 = v.tx + b.x * v.k;
    const y2 = v.ty + (b.y + NODE.h / 2) * v.k;
    for (let t = 0.5, i = 0; i < 9; i++, t = 0.5 + (i % 2 ? 1 : -1) * Math.ceil(i / 2) * 0.1) {
      const x = x1 + (x2 - x1) * t;
      const y = y1 + (y2 - y1) * t;
      if (x < 2 || y < 2 || x > v.box.width - 2 || y > v.box.height - 2 || covered(x, y)) continue;
      linkPoints.push({ id: l.id, x, y });
      break;
    }
  }
  const result = await page.evaluate(
    ({ nodePoints, linkPoints }) => {
      const canvas = document.querySelector('[data-testid="canvas-overview"]') as HTMLCanvasElement;
      const scale = canvas.width / canvas.getBoundingClientRect().width;
      const img = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const px = (x: number, y: number) => {
        const i = 4 * (Math.floor(y * scale) * canvas.width + Math.floor(x * scale));
        return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!, img.data[i + 3]!] as const;
      };
      const unpaintedNodes = nodePoints
        .filter((p) => {
          const [r, g, b, a] = px(p.x, p.y);
          return a !== 255 || Math.abs(r - p.color[0]) > 3 || Math.abs(g - p.color[1]) > 3 || Math.abs(b - p.color[2]) > 3;
        })
        .map((p) => p.id);
      // a 1-px anti-aliased line: look in a 5×5 neighbourhood
      const unpaintedLinks = linkPoints
        .filter((p) => {
          for (let dx = -2; dx <= 2; dx++) for (let dy = -2; dy <= 2; dy++) if (px(p.x + dx, p.y + dy)[3]! > 0) return false;
          return true;
        })
        .map((p) => p.id);
      return { unpaintedNodes, unpaintedLinks };
    },
    { nodePoints, linkPoints },
  );
  expect(linkPoints.length, `${label}: some visible links can be sampled`).toBeGreaterThan(0);
  expect(result, `${label}: ${nodePoints.length} competencies and ${linkPoints.length} links checked on the overview`).toEqual({ unpaintedNodes: [], unpaintedLinks: [] });
}

/** Wheel-zooms around the centre of the canvas until the zoom is within 4 % of `target`. */
async function zoomTo(page: Page, target: number): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const v = await flowView(page);
    if (Math.abs(Math.log2(v.k / target)) < 0.05) return;
    await page.mouse.move(v.box.x + v.box.width / 2, v.box.y + v.box.height / 2);
    await page.mouse.wheel(0, Math.log2(v.k / target) * 500);
    await settle(page);
  }
  throw new Error(`could not zoom to ${target}`);
}

/** Pans by dragging the empty pane (never a node or an edge) by (dx, dy) screen pixels. */
async function panBy(page: Page, dx: number, dy: number): Promise<void> {
  const v = await flowView(page);
  const start = await page.evaluate(
    ({ box, dx, dy }) => {
      for (let y = box.y + 40; y < box.y + box.height - 40; y += 13)
        for (let x = box.x + 40; x < box.x + box.width - 40; x += 17) {
          const el = document.elementFromPoint(x, y);
          const end = { x: x + dx, y: y + dy };
          if (el?.classList.contains('react-flow__pane') && end.x > box.x && end.y > box.y && end.x < box.x + box.width && end.y < box.y + box.height) return { x, y };
        }
      return null;
    },
    { box: v.box, dx, dy },
  );
  if (!start) throw new Error('no empty spot of the pane to drag from');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + dx / 2, start.y + dy / 2, { steps: 4 });
  await page.mouse.move(start.x + dx, start.y + dy, { steps: 4 });
  await page.mouse.up();
  const after = await flowView(page);
  expect(Math.hypot(after.tx - v.tx, after.ty - v.ty), 'the pane drag panned the map').toBeGreaterThan(Math.hypot(dx, dy) / 2);
}

/** Pans (in pane drags of at most 500×300 px) until flow position `p` is near the centre of the canvas. */
async function panToCentre(page: Page, p: { x: number; y: number }): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const v = await flowView(page);
    const dx = v.box.width / 2 - (v.tx + (p.x + NODE.w / 2) * v.k);
    const dy = v.box.height / 2 - (v.ty + (p.y + NODE.h / 2) * v.k);
    if (Math.abs(dx) < 60 && Math.abs(dy) < 60) return;
    await panBy(page, Math.max(-500, Math.min(500, dx)), Math.max(-300, Math.min(300, dy)));
  }
  throw new Error('could not pan there');
}

test('culling: at every viewport, each competency and link in view is rendered (DOM) or painted (overview)', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await openGenerated(page, 'culling.json', FILE, fw.title);

  // opened fitted to the screen: zoomed out far enough for the overview
  await expectOverview(page, 'fitted overview');
  await shot(page, 'culling-overview-fitted');
  await zoomTo(page, 0.3);
  await expectOverview(page, 'overview at zoom 0.3');

  // zoom 1 at three different pans: centred on competencies far apart in the file
  const seen: string[] = [];
  for (const c of [comps[60]!, comps[300]!, comps[540]!]) {
    // travel zoomed out (long pans are short drags there), then zoom in around the centre
    await zoomTo(page, 0.3);
    await panToCentre(page, c.position);
    await zoomTo(page, 1);
    await panToCentre(page, c.position);
    const v = await expectFullDetail(page, `zoom 1, centred on ${c.code}`);
    await shot(page, `culling-zoom1-${c.code}`);
    seen.push([...expectedVisible(v).visible].sort().join());
  }
  expect(new Set(seen).size, 'three different parts of the map were checked').toBe(3);

  // a mid zoom, still full detail
  await zoomTo(page, 0.65);
  await expectFullDetail(page, 'zoom 0.65');
  expect(errors).toEqual([]);
});
