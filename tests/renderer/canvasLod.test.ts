import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCompetency, createDomain, createFramework } from '../../src-core/model/defaults';
import { newId, type LinkId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { NODE_H, NODE_W } from '../../src-renderer/src/canvas/geometry';
import { drawOverview, LOD_MIN_COMPETENCIES, nextOverview, overviewScene, withFocus } from '../../src-renderer/src/canvas/lod/overviewScene';
import { focusSet } from '../../src-renderer/src/canvas/focus/focusSet';
import { collapsedDomainAt, competenciesInRect, flowRectOf } from '../../src-renderer/src/canvas/lod/overviewSelect';
import { collapseViewCached, COLLAPSED_H, COLLAPSED_W } from '../../src-renderer/src/canvas/collapse/applyCollapse';
import { MIN_ZOOM, minZoomFor } from '../../src-renderer/src/canvas/lod/zoomLimits';
import { recordingContext } from './helpers/recordingContext';

function framework(points: { x: number; y: number; d: number }[], links: [number, number][]): Framework {
  const domains = [createDomain({ title: 'A', color: '#ff0000' }, 0), createDomain({ title: 'B', color: '#00ff00' }, 1)];
  const fw = createFramework({ domains });
  const comps = points.map((p) => createCompetency({ position: { x: p.x, y: p.y }, domainId: p.d < 2 ? domains[p.d]!.id : null }));
  for (const c of comps) fw.competencies[c.id] = c;
  for (const [a, b] of links) {
    if (!comps.length) break;
    const id = newId<LinkId>();
    fw.prerequisites.set(id, { id, from: comps[a % comps.length]!.id, to: comps[b % comps.length]!.id, note: '' });
  }
  return fw;
}

describe('canvas level of detail', () => {
  it('switches to the overview only for large maps, with hysteresis around the threshold', () => {
    expect(nextOverview(false, 0.1, 40)).toBe(false);
    const n = LOD_MIN_COMPETENCIES;
    expect(nextOverview(false, 0.1, n)).toBe(true);
    expect(nextOverview(false, 0.5, n)).toBe(false);
    expect(nextOverview(true, 0.5, n)).toBe(true);
    expect(nextOverview(true, 0.6, n)).toBe(false);
  });

  it('paints every competency that intersects the viewport, in its domain colour, and every link in view', () => {
    const pt = fc.record({ x: fc.integer({ min: -3000, max: 6000 }), y: fc.integer({ min: -3000, max: 6000 }), d: fc.integer({ min: 0, max: 2 }) });
    fc.assert(
      fc.property(
        fc.array(pt, { maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 60 }),
        fc.tuple(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -2000, max: 2000 }), fc.double({ min: 0.02, max: 0.6, noNaN: true })),
        (points, links, transform) => {
          const fw = framework(points, links);
          const scene = overviewScene(fw, { direction: 'LR' });
          const { ctx, rects, lines } = recordingContext();
          const size = { width: 1400, height: 900, dpr: 1 };
          drawOverview(ctx, scene, transform, size, { link: '#999', selected: '#00f' });
          const [tx, ty, k] = transform;
          // brute force: which competencies does the viewport show?
          for (const c of Object.values(fw.competencies)) {
            const x = c.position.x * k + tx;
            const y = c.position.y * k + ty;
            const w = Math.max(1, NODE_W * k);
            const h = Math.max(1, NODE_H * k);
            const inView = x + w > 0 && y + h > 0 && x < size.width && y < size.height;
            const drawn = rects.some((r) => Math.abs(r[0] - x) < 1e-6 && Math.abs(r[1] - y) < 1e-6);
            if (inView) expect(drawn).toBe(true);
          }
          // every link with an end in view is stroked
          const inViewPoint = (x: number, y: number) => x >= 0 && y >= 0 && x <= size.width && y <= size.height;
          for (const l of [...fw.prerequisites.values()]) {
            const a = fw.competencies[l.from]!.position;
            const b = fw.competencies[l.to]!.position;
            const x1 = (a.x + NODE_W) * k + tx;
            const y1 = (a.y + NODE_H / 2) * k + ty;
            const x2 = b.x * k + tx;
            const y2 = (b.y + NODE_H / 2) * k + ty;
            if (inViewPoint(x1, y1) || inViewPoint(x2, y2)) expect(lines.some((s) => Math.abs(s[0]! - x1) < 1e-6 && Math.abs(s[3]! - y2) < 1e-6)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('groups competencies by domain colour and follows an in-progress drag', () => {
    const fw = framework(
      [
        { x: 0, y: 0, d: 0 },
        { x: 500, y: 0, d: 1 },
        { x: 900, y: 0, d: 2 },
      ],
      [[0, 1]],
    );
    const first = Object.keys(fw.competencies)[0]!;
    const scene = overviewScene(fw, { direction: 'TB', dragPositions: { [first]: { x: 40, y: 70 } }, selected: [first] });
    expect(scene.groups.map((g) => [g.color, g.end - g.start])).toEqual([
      ['#ff0000', 1],
      ['#00ff00', 1],
      ['#8a94a6', 1],
    ]);
    expect([scene.xy[0], scene.xy[1]]).toEqual([40, 70]);
    // TB: from the bottom middle of the prerequisite to the top middle of the dependent
    expect(Array.from(scene.lines)).toEqual([40 + NODE_W / 2, 70 + NODE_H, 500 + NODE_W / 2, 0]);
    expect(Array.from(scene.selected)).toEqual([0]);
  });
});

describe('the overview in focus mode', () => {
  /** Records each filled rectangle and stroked segment with the opacity it was painted at. */
  function alphaContext() {
    const rects: { x: number; y: number; alpha: number }[] = [];
    const segs: { x1: number; y1: number; x2: number; y2: number; alpha: number }[] = [];
    let pendingRects: [number, number][] = [];
    let pendingSegs: number[][] = [];
    let from: [number, number] = [0, 0];
    const ctx = {
      globalAlpha: 1,
      setTransform() {},
      clearRect() {},
      beginPath() {
        pendingRects = [];
        pendingSegs = [];
      },
      rect(x: number, y: number) {
        pendingRects.push([x, y]);
      },
      fill() {
        for (const [x, y] of pendingRects) rects.push({ x, y, alpha: ctx.globalAlpha });
      },
      moveTo(x: number, y: number) {
        from = [x, y];
      },
      lineTo(x: number, y: number) {
        pendingSegs.push([...from, x, y]);
      },
      stroke() {
        for (const [x1, y1, x2, y2] of pendingSegs) segs.push({ x1: x1!, y1: y1!, x2: x2!, y2: y2!, alpha: ctx.globalAlpha });
      },
      lineWidth: 1,
      strokeStyle: '',
      fillStyle: '',
    };
    return { ctx, rects, segs };
  }

  it('paints what lies outside the focused neighbourhood faint, the neighbourhood and its links at full strength', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: 0, max: 4000 }), y: fc.integer({ min: 0, max: 3000 }), d: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }),
        fc.nat(),
        fc.integer({ min: 1, max: 3 }),
        (points, links, pick, depth) => {
          const fw = framework(points, links);
          const comps = Object.values(fw.competencies);
          const centre = comps[pick % comps.length]!;
          const focus = focusSet(fw, centre.id, depth);
          const scene = withFocus(overviewScene(fw, { direction: 'LR' }), focus);
          const { ctx, rects, segs } = alphaContext();
          drawOverview(ctx as unknown as CanvasRenderingContext2D, scene, [0, 0, 0.2], { width: 1400, height: 900, dpr: 1 }, { link: '#999', selected: '#00f' });
          expect(ctx.globalAlpha).toBe(1); // left as found
          for (const c of comps) {
            const painted = rects.filter((r) => Math.abs(r.x - c.position.x * 0.2) < 1e-6 && Math.abs(r.y - c.position.y * 0.2) < 1e-6);
            expect(painted.length).toBeGreaterThan(0);
            // two competencies can share a place: each is painted at its own strength
            const strong = painted.some((r) => r.alpha === 1);
            if (focus.has(c.id)) expect(strong).toBe(true);
            else expect(painted.some((r) => r.alpha < 0.5)).toBe(true);
          }
          for (const l of [...fw.prerequisites.values()]) {
            const a = fw.competencies[l.from]!.position;
            const b = fw.competencies[l.to]!.position;
            const seg = segs.filter((s) => Math.abs(s.x1 - (a.x + NODE_W) * 0.2) < 1e-6 && Math.abs(s.y1 - (a.y + NODE_H / 2) * 0.2) < 1e-6 && Math.abs(s.x2 - b.x * 0.2) < 1e-6 && Math.abs(s.y2 - (b.y + NODE_H / 2) * 0.2) < 1e-6);
            expect(seg.length).toBeGreaterThan(0);
            if (focus.has(l.from) && focus.has(l.to)) expect(seg.some((s) => s.alpha === 1)).toBe(true);
            else expect(seg.some((s) => s.alpha < 0.5)).toBe(true);
          }
          // leaving focus mode paints everything at full strength again
          const plain = alphaContext();
          drawOverview(plain.ctx as unknown as CanvasRenderingContext2D, withFocus(scene, null), [0, 0, 0.2], { width: 1400, height: 900, dpr: 1 }, { link: '#999', selected: '#00f' });
          expect(plain.rects.every((r) => r.alpha === 1) && plain.segs.every((s) => s.alpha === 1)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('box selection over the overview', () => {
  it('selects exactly the competencies whose painted card the on-screen box touches', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: -3000, max: 6000 }), y: fc.integer({ min: -3000, max: 6000 }), d: fc.integer({ min: 0, max: 2 }) }), { maxLength: 60 }),
        fc.tuple(fc.integer({ min: -800, max: 800 }), fc.integer({ min: -800, max: 800 }), fc.double({ min: 0.02, max: 0.45, noNaN: true })),
        fc.record({ x: fc.integer({ min: 0, max: 1300 }), y: fc.integer({ min: 0, max: 800 }), width: fc.integer({ min: 1, max: 900 }), height: fc.integer({ min: 1, max: 600 }) }),
        (points, transform, box) => {
          const fw = framework(points, []);
          const got = competenciesInRect(fw.competencies, flowRectOf(box, transform)).sort();
          const [tx, ty, k] = transform;
          const want = Object.values(fw.competencies)
            .filter((c) => {
              const x = c.position.x * k + tx;
              const y = c.position.y * k + ty;
              return x < box.x + box.width - 1e-9 && x + NODE_W * k > box.x + 1e-9 && y < box.y + box.height - 1e-9 && y + NODE_H * k > box.y + 1e-9;
            })
            .map((c) => c.id as string)
            .sort();
          // equal up to cards exactly on the box's edge
          for (const id of want) expect(got).toContain(id);
          expect(got.length - want.length).toBeLessThanOrEqual(points.length);
          for (const id of got) {
            const c = fw.competencies[id as keyof typeof fw.competencies]!;
            const x = c.position.x * k + tx;
            const y = c.position.y * k + ty;
            expect(x <= box.x + box.width + 1e-6 && x + NODE_W * k >= box.x - 1e-6 && y <= box.y + box.height + 1e-6 && y + NODE_H * k >= box.y - 1e-6).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('leaves out competencies hidden in a collapsed domain', () => {
    const fw = framework([{ x: 0, y: 0, d: 0 }, { x: 300, y: 0, d: 1 }], []);
    const [a, b] = Object.values(fw.competencies);
    const all = { x: -10, y: -10, width: 1000, height: 500 };
    expect(competenciesInRect(fw.competencies, all).sort()).toEqual([a!.id, b!.id].sort());
    expect(competenciesInRect(fw.competencies, all, new Map([[a!.id as string, 'group']]))).toEqual([b!.id]);
  });
});

describe('how far out the canvas zooms', () => {
  it('is the usual minimum for a map that fits at it, and far enough to see a bigger map whole (with room for padding)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: -20_000, max: 20_000 }), y: fc.integer({ min: -200_000, max: 200_000 }), d: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 40 }),
        fc.record({ width: fc.integer({ min: 300, max: 2500 }), height: fc.integer({ min: 200, max: 1600 }) }),
        (points, view) => {
          const fw = framework(points, []);
          const z = minZoomFor(fw.competencies, view);
          expect(z).toBeLessThanOrEqual(MIN_ZOOM);
          expect(z).toBeGreaterThanOrEqual(0.002);
          const xs = points.map((p) => p.x);
          const ys = points.map((p) => p.y);
          const w = Math.max(...xs) - Math.min(...xs) + NODE_W;
          const h = Math.max(...ys) - Math.min(...ys) + NODE_H;
          const fit = Math.min(view.width / w, view.height / h);
          // React Flow's fit view (12 % padding) is never clamped by it, unless the floor is reached
          if (z > 0.002) expect(z).toBeLessThanOrEqual(fit / 1.12);
          if (fit >= MIN_ZOOM / 0.7) expect(z).toBe(MIN_ZOOM);
        },
      ),
    );
    expect(minZoomFor({}, { width: 1000, height: 800 })).toBe(MIN_ZOOM);
    expect(minZoomFor(framework([{ x: 0, y: 0, d: 0 }, { x: 0, y: 60_000, d: 0 }], []).competencies, { width: 0, height: 0 })).toBe(MIN_ZOOM);
  });
});

describe('flow model during a drag', () => {
  it('hands React Flow the same edges array while only drag positions change, and new edges when the selection does', async () => {
    const { createFlowDeriver } = await import('../../src-renderer/src/canvas/flowModel');
    const fw = framework(
      [
        { x: 0, y: 0, d: 0 },
        { x: 400, y: 0, d: 0 },
      ],
      [[0, 1]],
    );
    const [a] = Object.keys(fw.competencies) as [string];
    const derive = createFlowDeriver();
    const selection = { competencies: [], links: [] };
    const session = { selection, focus: null, laneOrientation: 'none' as const, dragPositions: null };
    const first = derive({ framework: fw, session, problems: new Map() });
    const moved = derive({ framework: fw, session: { ...session, dragPositions: { [a]: { x: 10, y: 20 } } }, problems: new Map() });
    expect(moved.edges).toBe(first.edges);
    expect(moved.nodes.find((n) => n.id === a)!.position).toEqual({ x: 10, y: 20 });
    const link = [...fw.prerequisites.keys()][0]!;
    const selected = derive({ framework: fw, session: { ...session, selection: { competencies: [], links: [link] } } as never, problems: new Map() });
    expect(selected.edges).not.toBe(first.edges);
    expect(selected.edges[0]!.selected).toBe(true);
  });
});

describe('flow model drag fast path', () => {
  it('gives the same nodes as a full derivation after any sequence of drag moves and drops', async () => {
    const { createFlowDeriver } = await import('../../src-renderer/src/canvas/flowModel');
    const fw = framework(
      Array.from({ length: 8 }, (_, i) => ({ x: i * 300, y: (i % 3) * 150, d: i % 3 })),
      [
        [0, 1],
        [1, 2],
        [3, 4],
      ],
    );
    const ids = Object.keys(fw.competencies);
    const move = fc.record({ who: fc.array(fc.nat({ max: ids.length - 1 }), { maxLength: 3 }), dx: fc.integer({ min: -500, max: 500 }), end: fc.boolean() });
    fc.assert(
      fc.property(fc.constantFrom('horizontal' as const, 'vertical' as const, 'none' as const), fc.array(move, { maxLength: 12 }), (laneOrientation, moves) => {
        const derive = createFlowDeriver();
        const selection = { competencies: [], links: [] };
        let drag: Record<string, { x: number; y: number }> | null = null;
        const input = () => ({ framework: fw, session: { selection, focus: null, laneOrientation, dragPositions: drag }, problems: new Map() });
        derive(input());
        for (const m of moves) {
          drag = m.end ? null : { ...(drag ?? {}), ...Object.fromEntries(m.who.map((w) => [ids[w]!, { x: m.dx, y: m.dx / 2 }])) };
          const got = derive(input());
          const fresh = createFlowDeriver()(input());
          expect(got.nodes).toEqual(fresh.nodes);
          expect(got.edges).toEqual(fresh.edges);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('double-click on a collapsed domain painted on the overview', () => {
  it('finds the domain whose block is painted under the pointer, at any zoom (blocks are enlarged far out); none on the bare pane', () => {
    const points = [
      ...Array.from({ length: 6 }, (_, i) => ({ x: 300 * i, y: 0, d: 0 })),
      ...Array.from({ length: 6 }, (_, i) => ({ x: 300 * i, y: 2000, d: 1 })),
      { x: 0, y: 5000, d: 2 },
    ];
    const fw = framework(points, [[0, 1], [1, 7], [6, 2]]);
    const collapsed = fw.domains.map((d) => d.id);
    const view = collapseViewCached(fw, collapsed);
    expect(view.groups).toHaveLength(2);
    const colour = new Map(fw.domains.map((d) => [d.color, d.id as string]));
    for (const transform of [[40, 30, 0.2], [600, 50, 0.02], [10, 10, 0.002]] as [number, number, number][]) {
      const scene = overviewScene(fw, { direction: 'LR', collapse: view, blockSize: { w: COLLAPSED_W, h: COLLAPSED_H } });
      const { ctx, fills } = recordingContext();
      drawOverview(ctx, scene, transform, { width: 4000, height: 4000, dpr: 1 }, { link: '#999', selected: '#00f' });
      const blocks = fills.filter((f) => colour.has(f.color) && f.w >= 100);
      expect(blocks, `two blocks painted at zoom ${transform[2]}`).toHaveLength(2);
      // what the user sees at a point: the block painted last there (far out, blocks enlarged to stay readable overlap)
      const seen = (at: { x: number; y: number }) => blocks.findLast((f) => at.x >= f.x && at.x <= f.x + f.w && at.y >= f.y && at.y <= f.y + f.h);
      for (const b of blocks)
        for (const at of [{ x: b.x + b.w / 2, y: b.y + b.h / 2 }, { x: b.x + 2, y: b.y + 2 }, { x: b.x + b.w - 2, y: b.y + b.h - 2 }])
          expect(collapsedDomainAt(view.groups, at, transform, { w: COLLAPSED_W, h: COLLAPSED_H })).toBe(colour.get(seen(at)!.color));
      // the lone visible competency's spot and the empty pane far away are not a collapsed domain
      const lone = { x: 0 * transform[2] + transform[0] + 1, y: 5000 * transform[2] + transform[1] + 1 };
      if (!seen(lone)) expect(collapsedDomainAt(view.groups, lone, transform, { w: COLLAPSED_W, h: COLLAPSED_H })).toBeNull();
      expect(collapsedDomainAt(view.groups, { x: 3990, y: 3990 }, transform, { w: COLLAPSED_W, h: COLLAPSED_H })).toBeNull();
    }
  });
});
