import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphFromEdges, layering, redundantLinks, type PrerequisiteGraph, type RedundantLinks } from '../../src-core/graph';
import { mayReach, reachLabels, writeReachLabels } from '../../src-core/graph/reachLabels';
import { redundantLinksReference } from './helpers/redundantReference';

/** Reachability by brute force: reach[a][b] = a path of ≥1 link a → … → b. */
function reachMatrix(g: PrerequisiteGraph): boolean[][] {
  const r = Array.from({ length: g.n }, () => new Array<boolean>(g.n).fill(false));
  for (let a = 0; a < g.n; a++) for (let e = g.outStart[a]!; e < g.outStart[a + 1]!; e++) r[a]![g.outTo[e]!] = true;
  for (let k = 0; k < g.n; k++) for (let i = 0; i < g.n; i++) if (r[i]![k]) for (let j = 0; j < g.n; j++) if (r[k]![j]) r[i]![j] = true;
  return r;
}

/**
 * Random DAGs whose node numbers are shuffled (so node order is not a topological order): edges go
 * from a lower to a higher rank, long-range ones included, with some competencies that unlock many.
 */
const dagArb = fc.integer({ min: 2, max: 60 }).chain((n) =>
  fc.tuple(
    fc.constant(n),
    fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 4 * n }),
    fc.shuffledSubarray(
      Array.from({ length: n }, (_, i) => i),
      { minLength: n, maxLength: n },
    ),
  ).map(([n0, pairs, perm]) => {
    const edges = pairs.filter(([a, b]) => a < b).map(([a, b]) => [perm[a]!, perm[b]!] as [number, number]);
    return [n0, edges] as const;
  }),
);

/** Graphs with cycles allowed (any link, self-links left out by the graph). */
const graphArb = fc.integer({ min: 2, max: 30 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n })));

const plain = (r: Pick<RedundantLinks, 'links' | 'sources' | 'complete'>) => ({ links: r.links, sources: [...r.sources], complete: r.complete });

/** Each link's chain as node numbers (`path`), read back as ids: the same as its `via`. */
const viaFromPath = (g: PrerequisiteGraph, r: RedundantLinks) =>
  r.links.map((_, i) => Array.from(r.path.subarray(r.pathStart[i]!, r.pathStart[i + 1]!), (v) => g.ids[v]));

describe('redundant-link search with interval labels (property)', () => {
  it('reports the same links through the same chains, in the same order, as the full depth-first search', () => {
    fc.assert(
      fc.property(dagArb, ([n, edges]) => {
        const g = graphFromEdges(n, edges);
        const depth = layering(g).depth;
        const expected = plain(redundantLinksReference(g, depth));
        const withLabels = redundantLinks(g, depth, undefined, undefined, 0); // labels from the start
        expect(plain(withLabels)).toEqual(expected);
        expect(viaFromPath(g, withLabels)).toEqual(expected.links.map((l) => l.via));
        const plainSearch = redundantLinks(g, depth); // labels only if the search grows
        expect(plain(plainSearch)).toEqual(expected);
        expect(viaFromPath(g, plainSearch)).toEqual(expected.links.map((l) => l.via));
        // given the whole layering, the first labels are read from its order
        expect(plain(redundantLinks(g, layering(g), undefined, undefined, 0))).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it('on a graph with a cycle (no labels possible) it still matches the depth-first search', () => {
    fc.assert(
      fc.property(graphArb, ([n, edges]) => {
        const g = graphFromEdges(n, edges);
        const depth = layering(g).depth;
        expect(plain(redundantLinks(g, depth, undefined, undefined, 0))).toEqual(plain(redundantLinksReference(g, depth)));
      }),
      { numRuns: 800 },
    );
  });

  it('stopped by its work budget, it reports the first links of the complete list (and says it is incomplete)', () => {
    fc.assert(
      fc.property(dagArb, fc.nat(400), ([n, edges], budget) => {
        const g = graphFromEdges(n, edges);
        const depth = layering(g).depth;
        const full = plain(redundantLinksReference(g, depth));
        const r = plain(redundantLinks(g, depth, budget, undefined, 0));
        if (r.complete) expect(r).toEqual(full);
        else {
          expect(r.links).toEqual(full.links.slice(0, r.links.length));
          expect(r.sources).toEqual(full.sources.slice(0, r.sources.length));
        }
      }),
      { numRuns: 800 },
    );
  });

  it('a competency that unlocks more than 32 others deeper down (no room in a mask) is searched by depth alone, same result', () => {
    // 0 → 1 → 2 → … → 40 (a chain), and 0 → every node from 2 on: each of those links is implied.
    const edges: [number, number][] = [];
    for (let i = 0; i < 40; i++) edges.push([i, i + 1]);
    for (let i = 2; i <= 40; i++) edges.push([0, i]);
    const g = graphFromEdges(41, edges);
    const depth = layering(g).depth;
    const r = redundantLinks(g, depth, undefined, undefined, 0);
    expect(r.links.length).toBe(39);
    expect(plain(r)).toEqual(plain(redundantLinksReference(g, depth)));
    expect(r.links[0]!.via).toEqual(['0', '1', '2']);
    expect(r.links[38]!.via).toEqual(Array.from({ length: 41 }, (_, i) => String(i)));
  });

  it('a larger layered map gives the reference result, labels built before, part-way through or never', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const n = 3000;
    const edges: [number, number][] = [];
    for (let v = 30; v < n; v++) {
      const k = 1 + Math.floor(rnd() * 3);
      for (let j = 0; j < k; j++) edges.push([Math.max(0, v - 1 - Math.floor(rnd() * (rnd() < 0.8 ? 60 : 1500))), v]);
    }
    const unique = [...new Map(edges.map((e) => [`${e[0]}>${e[1]}`, e])).values()];
    const g = graphFromEdges(n, unique);
    const depth = layering(g).depth;
    const expected = plain(redundantLinksReference(g, depth));
    expect(expected.links.length).toBeGreaterThan(100);
    for (const labelsAfter of [undefined, 0, 500, g.n + g.m, Infinity]) {
      expect(plain(redundantLinks(g, depth, undefined, undefined, labelsAfter))).toEqual(expected);
    }
  });
});

describe('reachability interval labels (property)', () => {
  it('never rule out a pair that is reachable', () => {
    fc.assert(
      fc.property(dagArb, ([n, edges]) => {
        const g = graphFromEdges(n, edges);
        const labels = reachLabels(g);
        expect(labels).toBeDefined();
        const r = reachMatrix(g);
        for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (r[a]![b]) expect(mayReach(labels!, a, b)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it('rule out most unreachable pairs of a tree (where one numbering is exact)', () => {
    // a binary tree: 0 → 1, 2; 1 → 3, 4; …
    const n = 63;
    const edges: [number, number][] = [];
    for (let v = 1; v < n; v++) edges.push([(v - 1) >> 1, v]);
    const g = graphFromEdges(n, edges);
    const labels = reachLabels(g)!;
    const r = reachMatrix(g);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) expect(mayReach(labels, a, b)).toBe(r[a]![b]);
  });
  it('read from the layering order are the labels of the first traversal', () => {
    fc.assert(
      fc.property(dagArb, ([n, edges]) => {
        const g = graphFromEdges(n, edges);
        const fromOrder = new Int32Array(4 * n);
        expect(writeReachLabels(g, fromOrder, 4, 0, layering(g).order)).toBe(true);
        expect([...fromOrder]).toEqual([...reachLabels(g)!]);
      }),
      { numRuns: 500 },
    );
    const cyclic = graphFromEdges(3, [[0, 1], [1, 2], [2, 0]]);
    expect(writeReachLabels(cyclic, new Int32Array(12), 4, 0, layering(cyclic).order)).toBe(false);
  });
  it('are not built for a graph with a cycle', () => {
    expect(reachLabels(graphFromEdges(3, [[0, 1], [1, 2], [2, 0]]))).toBeUndefined();
    expect(reachLabels(graphFromEdges(3, [[0, 1], [1, 2]]))).toBeDefined();
  });
});
