/** Random layout inputs and options for the layout property tests. */
import fc from 'fast-check';
import type { LayoutInput, LayoutNode } from '../../../src-core/layout';

/**
 * Random graphs of `c0…cN` nodes of random sizes, some grouped (`d1…d3`): `acyclic` edges always go from a
 * lower to a higher node index; `pinned` pins up to four nodes at random places.
 */
export const graphArb = (opts: { acyclic: boolean; maxNodes?: number; maxEdges?: number; maxHeight?: number; pinned?: boolean }) =>
  fc
    .record({
      sizes: fc.array(fc.record({ w: fc.integer({ min: 10, max: 240 }), h: fc.integer({ min: 10, max: opts.maxHeight ?? 90 }), g: fc.integer({ min: 0, max: 3 }) }), {
        minLength: 1,
        maxLength: opts.maxNodes ?? 40,
      }),
      edges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: opts.maxEdges ?? 80 }),
      pins: fc.array(fc.tuple(fc.nat(), fc.integer({ min: -500, max: 2000 }), fc.integer({ min: -500, max: 2000 })), { maxLength: opts.pinned ? 4 : 0 }),
    })
    .map(({ sizes, edges, pins }): LayoutInput => {
      const n = sizes.length;
      const nodes: LayoutNode[] = sizes.map((s, i) => ({ id: `c${i}`, width: s.w, height: s.h, group: s.g === 0 ? null : `d${s.g}` }));
      for (const [i, x, y] of pins) Object.assign(nodes[i % n]!, { pinned: true, x, y });
      const es = edges
        .map(([a, b]) => [a % n, b % n] as const)
        .filter(([a, b]) => !opts.acyclic || a !== b)
        .map(([a, b]) => (opts.acyclic && a > b ? [b, a] : [a, b]))
        .map(([a, b]) => ({ from: `c${a}`, to: `c${b}` }));
      return { nodes, edges: es };
    });

const baseOpts = {
  direction: fc.constantFrom<'LR' | 'TB'>('LR', 'TB'),
  groupBy: fc.boolean(),
  nodeSep: fc.integer({ min: 0, max: 40 }),
  layerSep: fc.integer({ min: 1, max: 120 }),
};

/** Random layout options (direction, grouping, gaps). */
export const optsArb = fc.record(baseOpts);

/** The same, with the drawing's aspect bound too (Infinity: depth layers only). */
export const optsWithAspectArb = fc.record({ ...baseOpts, aspect: fc.constantFrom(0.25, 0.6, 1, 2, Infinity) });
