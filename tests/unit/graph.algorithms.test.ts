import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  graphFromEdges,
  hierarchyCycles,
  layering,
  prerequisiteCycles,
  redundantLinks,
  stronglyConnectedComponents,
  topologicalOrder,
  type PrerequisiteGraph,
} from '../../src-core/graph';

/** Reachability by brute force (Floyd–Warshall on booleans): reach[a][b] = a path of ≥1 link a → … → b. */
function reachMatrix(n: number, edges: readonly (readonly [number, number])[]): boolean[][] {
  const r = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (const [a, b] of edges) if (a !== b) r[a]![b] = true;
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) if (r[i]![k]) for (let j = 0; j < n; j++) if (r[k]![j]) r[i]![j] = true;
  return r;
}

/** Non-trivial SCCs by brute force: groups of ≥2 nodes mutually reachable. */
function bruteCyclicSets(n: number, edges: readonly (readonly [number, number])[]): string[] {
  const r = reachMatrix(n, edges);
  const sets = new Set<string>();
  for (let i = 0; i < n; i++) {
    const members = [i];
    for (let j = 0; j < n; j++) if (j !== i && r[i]![j] && r[j]![i]) members.push(j);
    if (members.length > 1) sets.add(members.sort((a, b) => a - b).join(','));
  }
  return [...sets].sort();
}

function hasEdge(g: PrerequisiteGraph, a: number, b: number): boolean {
  for (let e = g.outStart[a]!; e < g.outStart[a + 1]!; e++) if (g.outTo[e] === b) return true;
  return false;
}

const graphArb = fc
  .integer({ min: 1, max: 14 })
  .chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 })));

/** Random DAGs: links only go from a lower to a higher number. */
const dagArb = graphArb.map(([n, edges]) => [n, edges.filter(([a, b]) => a < b)] as const);

describe('prerequisite cycles (property)', () => {
  it('reports exactly the non-trivial strongly connected components', () => {
    fc.assert(
      fc.property(graphArb, ([n, edges]) => {
        const g = graphFromEdges(n, edges);
        const got = prerequisiteCycles(g)
          .map((c) => c.members.map(Number).sort((a, b) => a - b).join(','))
          .sort();
        expect(got).toEqual(bruteCyclicSets(n, edges));
      }),
      { numRuns: 400 },
    );
  });
  it('gives each cycle a real closed path through its own members, without repeats', () => {
    fc.assert(
      fc.property(graphArb, ([n, edges]) => {
        const g = graphFromEdges(n, edges);
        for (const c of prerequisiteCycles(g)) {
          const p = c.path.map(Number);
          expect(p.length).toBeGreaterThanOrEqual(3);
          expect(p[0]).toBe(p[p.length - 1]);
          expect(new Set(p.slice(0, -1)).size).toBe(p.length - 1);
          for (let i = 0; i + 1 < p.length; i++) expect(hasEdge(g, p[i]!, p[i + 1]!)).toBe(true);
          expect(c.members.slice(0, p.length - 1)).toEqual(c.path.slice(0, -1));
        }
      }),
      { numRuns: 400 },
    );
  });
  it('reports no cycle for an acyclic graph, and a topological order that respects every link', () => {
    fc.assert(
      fc.property(dagArb, ([n, edges]) => {
        const g = graphFromEdges(n, edges);
        expect(prerequisiteCycles(g)).toEqual([]);
        const order = topologicalOrder(g)!.map(Number);
        const pos = new Map(order.map((v, i) => [v, i]));
        for (const [a, b] of edges) expect(pos.get(a)!).toBeLessThan(pos.get(b)!);
        const lay = layering(g);
        for (const [a, b] of edges) expect(lay.depth[a]!).toBeLessThan(lay.depth[b]!);
      }),
      { numRuns: 300 },
    );
  });
  it('has no topological order when there is a cycle', () => {
    fc.assert(
      fc.property(graphArb, ([n, edges]) => {
        const g = graphFromEdges(n, edges);
        expect(topologicalOrder(g) === null).toBe(prerequisiteCycles(g).length > 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('longest chain', () => {
  it('equals the brute-force longest path of a DAG, and is a real chain', () => {
    fc.assert(
      fc.property(dagArb, ([n, edges]) => {
        const g = graphFromEdges(n, edges);
        // Longest path in nodes by DP over numeric order (edges go low → high).
        const best = new Array<number>(n).fill(1);
        for (let v = 0; v < n; v++) for (const [a, b] of edges) if (b === v) best[v] = Math.max(best[v]!, best[a]! + 1);
        const lay = layering(g);
        expect(lay.longestChain).toBe(Math.max(...best));
        const chain = lay.longestChainIds.map(Number);
        for (let i = 0; i + 1 < chain.length; i++) expect(hasEdge(g, chain[i]!, chain[i + 1]!)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('redundant links (property)', () => {
  it('finds exactly the links implied by a longer chain', () => {
    fc.assert(
      fc.property(dagArb, ([n, edges]) => {
        const g = graphFromEdges(n, edges);
        const r = reachMatrix(n, edges);
        const expected = new Set<string>();
        for (let a = 0; a < n; a++)
          for (let b = 0; b < n; b++) {
            if (!hasEdge(g, a, b)) continue;
            for (let w = 0; w < n; w++) if (w !== b && hasEdge(g, a, w) && r[w]![b]) expected.add(`${a}>${b}`);
          }
        const res = redundantLinks(g, layering(g).depth);
        expect(res.complete).toBe(true);
        expect(new Set(res.links.map((l) => `${l.from}>${l.to}`))).toEqual(expected);
        for (const l of res.links) {
          const via = l.via.map(Number);
          expect(via.length).toBeGreaterThanOrEqual(3);
          expect(via[0]).toBe(Number(l.from));
          expect(via[via.length - 1]).toBe(Number(l.to));
          for (let i = 0; i + 1 < via.length; i++) expect(hasEdge(g, via[i]!, via[i + 1]!)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
  it('reports the classic triangle A→B, B→C, A→C', () => {
    const g = graphFromEdges(3, [[0, 1], [1, 2], [0, 2]]);
    const res = redundantLinks(g, layering(g).depth);
    expect(res.links).toEqual([{ link: 'e2', from: '0', to: '2', via: ['0', '1', '2'] }]);
  });
});

describe('scale', () => {
  it('handles a 100,000-competency chain closed into one cycle without recursion', () => {
    const n = 100_000;
    const edges: [number, number][] = [];
    for (let i = 0; i < n; i++) edges.push([i, (i + 1) % n]);
    const g = graphFromEdges(n, edges);
    const cc = stronglyConnectedComponents(g);
    expect(cc.cyclic.length).toBe(1);
    const [cycle] = prerequisiteCycles(g, cc);
    expect(cycle!.path.length).toBe(n + 1);
    expect(cycle!.path[1]).toBe('1');
  });
  it('orders a 100,000-competency chain', () => {
    const n = 100_000;
    const edges: [number, number][] = [];
    for (let i = 0; i + 1 < n; i++) edges.push([i, i + 1]);
    const g = graphFromEdges(n, edges);
    expect(layering(g).longestChain).toBe(n);
    expect(topologicalOrder(g)![n - 1]).toBe(String(n - 1));
  });
});

describe('hierarchyCycles', () => {
  it('finds each loop of parent pointers once, as a closed path', () => {
    const parent: Record<string, string | null> = { a: 'b', b: 'c', c: 'a', d: 'a', e: null, f: 'f', g: 'missing' };
    expect(hierarchyCycles(Object.keys(parent), (id) => parent[id])).toEqual([
      ['a', 'b', 'c', 'a'],
      ['f', 'f'],
    ]);
  });
  it('matches a brute-force walk on random parent maps', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat(9), { nil: null }), { minLength: 1, maxLength: 10 }), (parents) => {
        const ids = parents.map((_, i) => String(i));
        const parentOf = (id: string) => {
          const p = parents[Number(id)];
          return p == null || p >= parents.length ? null : String(p);
        };
        const got = hierarchyCycles(ids, parentOf);
        // Brute force: a node is on a cycle when walking up from it returns to it.
        const onCycle = ids.filter((id) => {
          let v = parentOf(id);
          for (let k = 0; k < ids.length && v !== null; k++, v = parentOf(v)) if (v === id) return true;
          return false;
        });
        expect(got.flatMap((c) => c.slice(0, -1)).sort()).toEqual(onCycle.sort());
        for (const c of got) for (let i = 0; i + 1 < c.length; i++) expect(parentOf(c[i]!)).toBe(c[i + 1]);
      }),
    );
  });
});
