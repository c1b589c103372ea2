import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { layoutGraph, type LayoutInput, type LayoutOptions, type LayoutResult } from '../../src-core/layout';
import { CANVAS_NODE, generateFramework, layoutInputOf } from '../../bench/generate';
import { graphArb, optsWithAspectArb } from './helpers/layoutArbitraries';

/** The app's Auto-layout options (src-renderer/src/layout/autoLayout.ts, canvas/geometry.ts). */
const APP: LayoutOptions = { direction: 'LR', groupBy: true, nodeSep: 28, layerSep: 90, laneSep: 96 };

function extent(input: LayoutInput, r: LayoutResult): { width: number; height: number } {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const n of input.nodes) {
    const p = r.positions[n.id]!;
    x0 = Math.min(x0, p.x);
    x1 = Math.max(x1, p.x + n.width);
    y0 = Math.min(y0, p.y);
    y1 = Math.max(y1, p.y + n.height);
  }
  return { width: x1 - x0, height: y1 - y0 };
}

const EPS = 1e-6;

const graphs = graphArb({ acyclic: true, maxNodes: 60, maxEdges: 90, maxHeight: 120 });

describe('layoutGraph compaction', () => {
  it('keeps every prerequisite forward and no two nodes overlapping, whatever aspect it aims for', () => {
    fc.assert(
      fc.property(graphs, optsWithAspectArb, (input, opts) => {
        const r = layoutGraph(input, opts);
        const byId = new Map(input.nodes.map((n) => [n.id, n]));
        const lr = opts.direction === 'LR';
        for (const e of input.edges) {
          const a = r.positions[e.from]!;
          const b = r.positions[e.to]!;
          if (lr) expect(b.x).toBeGreaterThan(a.x + byId.get(e.from)!.width);
          else expect(b.y).toBeGreaterThan(a.y + byId.get(e.from)!.height);
        }
        const ns = input.nodes;
        for (let i = 0; i < ns.length; i++)
          for (let j = i + 1; j < ns.length; j++) {
            const p = r.positions[ns[i]!.id]!;
            const q = r.positions[ns[j]!.id]!;
            const apart =
              p.x + ns[i]!.width <= q.x + EPS || q.x + ns[j]!.width <= p.x + EPS || p.y + ns[i]!.height <= q.y + EPS || q.y + ns[j]!.height <= p.y + EPS;
            expect(apart).toBe(true);
          }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps bend points of long links a quarter gap apart, and half a gap from the nodes of their layer', () => {
    fc.assert(
      fc.property(graphs, optsWithAspectArb, (input, opts) => {
        const r = layoutGraph(input, opts);
        const lr = opts.direction === 'LR';
        const along = (p: { x: number; y: number }) => (lr ? p.x : p.y);
        const across = (p: { x: number; y: number }) => (lr ? p.y : p.x);
        const bendsAt = new Map<number, number[]>();
        for (const pts of Object.values(r.bends)) for (const p of pts) bendsAt.set(along(p), [...(bendsAt.get(along(p)) ?? []), across(p)]);
        for (const [a, bs] of bendsAt) {
          const sorted = bs.slice().sort((x, y) => x - y);
          for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(opts.nodeSep / 4 - EPS);
          // nodes of the layer this bend point row crosses
          for (const n of input.nodes) {
            const p = r.positions[n.id]!;
            const [a0, a1] = lr ? [p.x, p.x + n.width] : [p.y, p.y + n.height];
            if (a < a0 || a > a1) continue;
            const [b0, b1] = lr ? [p.y, p.y + n.height] : [p.x, p.x + n.width];
            for (const b of bs) expect(b <= b0 - opts.nodeSep / 2 + EPS || b >= b1 + opts.nodeSep / 2 - EPS).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('lays a map without prerequisites out as a block, not as one long column', () => {
    const input: LayoutInput = { nodes: Array.from({ length: 100 }, (_, i) => ({ id: `c${i}`, ...CANVAS_NODE })), edges: [] };
    const r = layoutGraph(input, { direction: 'LR', nodeSep: 28, layerSep: 90 });
    const { width, height } = extent(input, r);
    expect(height / width).toBeLessThanOrEqual(1);
    expect(height / width).toBeGreaterThan(0.5);
    // aspect Infinity keeps the depth layers: one column
    const column = layoutGraph(input, { direction: 'LR', nodeSep: 28, layerSep: 90, aspect: Infinity });
    expect(column.layers).toHaveLength(1);
  });

  it('keeps a wide-enough drawing as it is (a chain stays one node per layer)', () => {
    const nodes = Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, ...CANVAS_NODE }));
    const edges = nodes.slice(1).map((n, i) => ({ from: `c${i}`, to: n.id }));
    const r = layoutGraph({ nodes, edges }, { direction: 'LR', nodeSep: 28, layerSep: 90 });
    expect(r.layers).toEqual(nodes.map((n) => [n.id]));
  });

  it('lays the generated 2,500-competency map out with lanes as a sheet, not a strip (about as tall as wide)', () => {
    const fw = generateFramework({ competencies: 2500, layout: false });
    const input = layoutInputOf(fw);
    const order = new Map(fw.domains.map((d, i) => [d.id as string, i]));
    input.nodes.sort((a, b) => order.get(a.group!)! - order.get(b.group!)!);
    const r = layoutGraph(input, APP);
    const { width, height } = extent(input, r);
    // before: 12,450 × 62,430 px (5 times as tall as wide, 777 Mpx²); the lanes' own packing needs 36,000 px
    expect(height / width).toBeLessThan(1.5);
    expect(width * height).toBeLessThan(450e6);
    // lanes stay stacked in domain order and hold their competencies
    for (let i = 1; i < r.lanes.length; i++) expect(r.lanes[i]!.start).toBeGreaterThanOrEqual(r.lanes[i - 1]!.end);
    expect(r.lanes.map((l) => l.group)).toEqual(fw.domains.map((d) => d.id));
    for (const n of input.nodes) {
      const lane = r.lanes.find((l) => l.group === n.group)!;
      const y = r.positions[n.id]!.y;
      expect(y).toBeGreaterThanOrEqual(lane.start - EPS);
      expect(y + n.height).toBeLessThanOrEqual(lane.end + EPS);
    }
    for (const e of input.edges) expect(r.positions[e.to]!.x).toBeGreaterThan(r.positions[e.from]!.x + CANVAS_NODE.width);
  });

  it('with vertical lanes (top → bottom) the generated 2,500 map is a sheet too, not a band across', () => {
    const fw = generateFramework({ competencies: 2500, layout: false });
    const input = layoutInputOf(fw);
    const r = layoutGraph(input, { ...APP, direction: 'TB' });
    const { width, height } = extent(input, r);
    // before: 111,141 × 7,586 px
    expect(width / height).toBeLessThan(1.5);
    for (const e of input.edges) expect(r.positions[e.to]!.y).toBeGreaterThan(r.positions[e.from]!.y + CANVAS_NODE.height);
    for (let i = 1; i < r.lanes.length; i++) expect(r.lanes[i]!.start).toBeGreaterThanOrEqual(r.lanes[i - 1]!.end);
  });
});
