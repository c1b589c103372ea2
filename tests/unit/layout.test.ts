import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countCrossings, layoutGraph, type LayoutInput, type LayoutNode, type LayoutOptions } from '../../src-core/layout';
import { graphArb, optsArb } from './helpers/layoutArbitraries';

type Box = { x: number; y: number; w: number; h: number };

function boxes(input: LayoutInput, positions: Record<string, { x: number; y: number }>): Map<string, Box> {
  const m = new Map<string, Box>();
  for (const n of input.nodes) {
    const p = positions[n.id];
    if (p) m.set(n.id, { x: p.x, y: p.y, w: n.width, h: n.height });
  }
  return m;
}

/** Overlap by more than floating-point noise (positions are sums of fractional barycenters). */
const EPS = 1e-6;
const overlap = (a: Box, b: Box) => a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS && a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;

/** Pairs of overlapping nodes, ignoring pairs where both are pinned (the user put them there). */
function overlaps(input: LayoutInput, positions: Record<string, { x: number; y: number }>): [string, string][] {
  const b = boxes(input, positions);
  const pinned = new Set(input.nodes.filter((n) => n.pinned).map((n) => n.id));
  const ids = [...b.keys()];
  const found: [string, string][] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      if (pinned.has(ids[i]!) && pinned.has(ids[j]!)) continue;
      if (overlap(b.get(ids[i]!)!, b.get(ids[j]!)!)) found.push([ids[i]!, ids[j]!]);
    }
  return found;
}

describe('layoutGraph', () => {
  it('places every node, with no two nodes overlapping', () => {
    fc.assert(
      fc.property(graphArb({ acyclic: false }), optsArb, (input, opts) => {
        const r = layoutGraph(input, opts);
        expect(Object.keys(r.positions).sort()).toEqual(input.nodes.map((n) => n.id).sort());
        expect(overlaps(input, r.positions)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('makes every prerequisite point forward in the layer direction (acyclic input)', () => {
    fc.assert(
      fc.property(graphArb({ acyclic: true }), optsArb, (input, opts) => {
        const r = layoutGraph(input, opts);
        const size = new Map(input.nodes.map((n) => [n.id, n]));
        for (const e of input.edges) {
          const a = r.positions[e.from]!;
          const b = r.positions[e.to]!;
          if (opts.direction === 'LR') expect(b.x).toBeGreaterThan(a.x + size.get(e.from)!.width);
          else expect(b.y).toBeGreaterThan(a.y + size.get(e.from)!.height);
        }
        expect(r.reversedEdges).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps pinned nodes exactly where they are and tidies the others around them', () => {
    fc.assert(
      fc.property(graphArb({ acyclic: false, pinned: true }), optsArb, (input, opts) => {
        const r = layoutGraph(input, opts);
        for (const n of input.nodes) if (n.pinned) expect(r.positions[n.id]).toEqual({ x: n.x, y: n.y });
        expect(overlaps(input, r.positions)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(graphArb({ acyclic: false }), optsArb, (input, opts) => {
        expect(layoutGraph(input, opts)).toEqual(layoutGraph(structuredClone(input), opts));
      }),
      { numRuns: 60 },
    );
  });

  it('terminates on cycles and reverses only edges that close one', () => {
    const nodes = ['a', 'b', 'c', 'd'].map((id) => ({ id, width: 100, height: 40 }));
    const edges = [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'c', to: 'a' },
      { from: 'c', to: 'd' },
      { from: 'd', to: 'd' },
    ];
    const r = layoutGraph({ nodes, edges }, { direction: 'LR', nodeSep: 10, layerSep: 40 });
    expect(r.reversedEdges).toEqual([2]);
    expect(r.layers).toEqual([['a'], ['b'], ['c'], ['d']]);
    expect(r.positions.a!.x).toBeLessThan(r.positions.b!.x);
  });

  it('handles an empty graph and a single node', () => {
    const opts: LayoutOptions = { direction: 'TB', nodeSep: 10, layerSep: 40 };
    expect(layoutGraph({ nodes: [], edges: [] }, opts)).toMatchObject({ cancelled: false, positions: {}, layers: [] });
    const one = layoutGraph({ nodes: [{ id: 'x', width: 50, height: 20 }], edges: [{ from: 'x', to: 'nowhere' }] }, opts);
    expect(one.positions).toEqual({ x: { x: 0, y: 0 } });
    expect(one.layers).toEqual([['x']]);
  });

  it('routes long prerequisites through bend points in the layers they cross', () => {
    const nodes = ['a', 'b', 'c', 'd'].map((id) => ({ id, width: 100, height: 40 }));
    const edges = [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'c', to: 'd' },
      { from: 'a', to: 'd' },
    ];
    const r = layoutGraph({ nodes, edges }, { direction: 'LR', nodeSep: 10, layerSep: 40 });
    expect(r.bends[3]).toHaveLength(2);
    const xs = r.bends[3]!.map((p) => p.x);
    expect(xs[0]).toBeGreaterThan(r.positions.a!.x + 100);
    expect(xs[1]).toBeLessThan(r.positions.d!.x);
  });

  it('with groupBy keeps each group contiguous in every layer and inside its own lane', () => {
    fc.assert(
      fc.property(graphArb({ acyclic: false }), optsArb, (input, opts) => {
        const r = layoutGraph(input, { ...opts, groupBy: true });
        const group = new Map(input.nodes.map((n) => [n.id, n.group ?? null]));
        for (const L of r.layers) {
          const runs = L.map((id) => group.get(id)).filter((g, i, arr) => i === 0 || g !== arr[i - 1]);
          expect(new Set(runs).size).toBe(runs.length);
        }
        for (let i = 1; i < r.lanes.length; i++) expect(r.lanes[i]!.start).toBeGreaterThanOrEqual(r.lanes[i - 1]!.end - 1e-6);
        for (const n of input.nodes) {
          const lane = r.lanes.find((l) => l.group === (n.group ?? null))!;
          const p = r.positions[n.id]!;
          const [lo, size] = opts.direction === 'LR' ? [p.y, n.height] : [p.x, n.width];
          expect(lo).toBeGreaterThanOrEqual(lane.start - 1e-6);
          expect(lo + size).toBeLessThanOrEqual(lane.end + 1e-6);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('with groupBy and pinned competencies, every node lies inside its lane as finally placed', () => {
    fc.assert(
      fc.property(graphArb({ acyclic: false, pinned: true }), optsArb, fc.boolean(), (input, opts, noLinks) => {
        if (noLinks) input = { ...input, edges: [] };
        const r = layoutGraph(input, { ...opts, groupBy: true });
        const cross = (n: LayoutNode) => {
          const p = r.positions[n.id]!;
          return opts.direction === 'LR' ? [p.y, p.y + n.height] : [p.x, p.x + n.width];
        };
        for (const lane of r.lanes) {
          const members = input.nodes.filter((n) => (n.group ?? null) === lane.group);
          expect(members.length).toBeGreaterThan(0);
          for (const n of members) {
            const [lo, hi] = cross(n);
            expect(lo).toBeGreaterThanOrEqual(lane.start - 1e-6);
            expect(hi).toBeLessThanOrEqual(lane.end + 1e-6);
          }
          // without links (no bend points) a lane is exactly as wide as its nodes
          if (noLinks) {
            expect(lane.start).toBeCloseTo(Math.min(...members.map((n) => cross(n)[0]!)), 6);
            expect(lane.end).toBeCloseTo(Math.max(...members.map((n) => cross(n)[1]!)), 6);
          }
        }
        expect(new Set(r.lanes.map((l) => l.group)).size).toBe(new Set(input.nodes.map((n) => n.group ?? null)).size);
      }),
      { numRuns: 150 },
    );
  });

  it('stops when shouldStop says so', () => {
    const nodes = Array.from({ length: 50 }, (_, i) => ({ id: `n${i}`, width: 10, height: 10 }));
    const edges = nodes.slice(1).map((n, i) => ({ from: `n${(i * 7) % (i + 1)}`, to: n.id }));
    for (const after of [0, 1, 2, 3]) {
      let calls = 0;
      const r = layoutGraph({ nodes, edges }, { direction: 'LR', nodeSep: 5, layerSep: 5, shouldStop: () => ++calls > after });
      expect(r.cancelled).toBe(true);
      expect(r.positions).toEqual({});
    }
  });

  it('reduces crossings on a graph whose input order forces them', () => {
    // two chains, wired so the naive order crosses every edge
    const nodes = ['a1', 'a2', 'b1', 'b2', 'c1', 'c2'].map((id) => ({ id, width: 40, height: 20 }));
    const edges = [
      { from: 'a1', to: 'c2' },
      { from: 'a2', to: 'c1' },
      { from: 'b1', to: 'b2' },
      { from: 'c1', to: 'b1' },
      { from: 'c2', to: 'a2' },
    ];
    const r = layoutGraph({ nodes, edges }, { direction: 'LR', nodeSep: 10, layerSep: 40 });
    expect(r.crossings).toBe(0);
    expect(countCrossings({ nodes, edges }, r.positions, { direction: 'LR', bends: r.bends })).toBe(0);
  });
});

describe('countCrossings', () => {
  const nodes = ['a', 'b', 'c', 'd'].map((id) => ({ id, width: 10, height: 10 }));
  it('counts an X of two prerequisites as one crossing', () => {
    const positions = { a: { x: 0, y: 0 }, b: { x: 0, y: 100 }, c: { x: 100, y: 0 }, d: { x: 100, y: 100 } };
    expect(countCrossings({ nodes, edges: [{ from: 'a', to: 'd' }, { from: 'b', to: 'c' }] }, positions, { direction: 'LR' })).toBe(1);
    expect(countCrossings({ nodes, edges: [{ from: 'a', to: 'c' }, { from: 'b', to: 'd' }] }, positions, { direction: 'LR' })).toBe(0);
  });
  it('does not count edges that share a competency, and follows bend points', () => {
    const positions = { a: { x: 0, y: 0 }, b: { x: 0, y: 100 }, c: { x: 100, y: 0 }, d: { x: 100, y: 100 } };
    expect(countCrossings({ nodes, edges: [{ from: 'a', to: 'd' }, { from: 'a', to: 'c' }] }, positions, { direction: 'LR' })).toBe(0);
    // a → d routed around the far end of b → c: no crossing any more
    const bends = { 0: [{ x: 120, y: -20 }, { x: 120, y: 105 }] };
    expect(countCrossings({ nodes, edges: [{ from: 'a', to: 'd' }, { from: 'b', to: 'c' }] }, positions, { direction: 'LR', bends })).toBe(0);
  });
});
