import type { CompetencyId, LinkId } from '../model/ids';
import type { Framework } from '../model/types';

/**
 * A compact, read-only index of a framework's prerequisite graph, built once per framework version
 * and shared by every graph algorithm and check.
 *
 * Nodes are the competencies, numbered `0…n-1` in `Object.keys(fw.competencies)` order. Edges are the
 * prerequisite links, in compressed sparse row form (typed arrays, no per-node arrays): the successors
 * of node `v` ("what `v` is a prerequisite of") are `outTo[outStart[v] … outStart[v+1]-1]`, its
 * predecessors ("what `v` requires") `inFrom[inStart[v] … inStart[v+1]-1]`.
 *
 * Invariants: only links whose two ends exist, that are not self-links and not duplicates of an
 * earlier link (same `from` and `to`) become edges; those three kinds are reported by the checks,
 * not modelled. Neighbour lists keep link order.
 */
export interface PrerequisiteGraph {
  /** Number of nodes (competencies). */
  readonly n: number;
  /** Number of edges (distinct, valid prerequisite links). */
  readonly m: number;
  /** Node index → competency id. */
  readonly ids: readonly CompetencyId[];
  /** Competency id → node index. */
  readonly index: ReadonlyMap<string, number>;
  /** CSR offsets of the successor lists (length n+1). */
  readonly outStart: Int32Array;
  /** Successor node of each out-edge (length m). */
  readonly outTo: Int32Array;
  /** CSR offsets of the predecessor lists (length n+1). */
  readonly inStart: Int32Array;
  /** Predecessor node of each in-edge (length m). */
  readonly inFrom: Int32Array;
  /** The link behind each out-edge, in `outTo` order. */
  readonly outLink: readonly LinkId[];
}

const cache = new WeakMap<object, { competencies: object; graph: PrerequisiteGraph }>();

/**
 * The prerequisite graph of `fw`. Cached per (`fw.prerequisites`, `fw.competencies`) object pair, so
 * immutable (immer) updates that touch neither, or repeated checks of the same document, reuse it.
 */
export function prerequisiteGraph(fw: Pick<Framework, 'competencies' | 'prerequisites'>): PrerequisiteGraph {
  const hit = cache.get(fw.prerequisites);
  if (hit && hit.competencies === fw.competencies) return hit.graph;
  const graph = buildPrerequisiteGraph(fw);
  cache.set(fw.prerequisites, { competencies: fw.competencies, graph });
  return graph;
}

/** Builds the graph without the cache (see {@link prerequisiteGraph}). O(n + m). */
export function buildPrerequisiteGraph(fw: Pick<Framework, 'competencies' | 'prerequisites'>): PrerequisiteGraph {
  const ids = Object.keys(fw.competencies) as CompetencyId[];
  const n = ids.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(ids[i]!, i);

  const links = Object.values(fw.prerequisites);
  const from = new Int32Array(links.length);
  const to = new Int32Array(links.length);
  const linkIds: LinkId[] = [];
  // Duplicate detection without string keys: a per-source "last target seen" mark is not enough for
  // unsorted input, so use a Set of numeric pair keys (n < 2^26 keeps a*n+b exact in a double).
  const seen = new Set<number>();
  let m = 0;
  for (const l of links) {
    const a = index.get(l.from);
    const b = index.get(l.to);
    if (a === undefined || b === undefined || a === b) continue;
    const key = a * n + b;
    if (seen.has(key)) continue;
    seen.add(key);
    from[m] = a;
    to[m] = b;
    linkIds.push(l.id);
    m++;
  }

  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    outStart[from[e]! + 1]!++;
    inStart[to[e]! + 1]!++;
  }
  for (let v = 0; v < n; v++) {
    outStart[v + 1]! += outStart[v]!;
    inStart[v + 1]! += inStart[v]!;
  }
  const outTo = new Int32Array(m);
  const inFrom = new Int32Array(m);
  const outLink: LinkId[] = new Array<LinkId>(m);
  const outFill = outStart.slice(0, n);
  const inFill = inStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    const a = from[e]!;
    const b = to[e]!;
    const o = outFill[a]!++;
    outTo[o] = b;
    outLink[o] = linkIds[e]!;
    inFrom[inFill[b]!++] = a;
  }
  return { n, m, ids, index, outStart, outTo, inStart, inFrom, outLink };
}

/** Builds a graph straight from an edge list over nodes `0…n-1` (ids are the indices as strings). */
export function graphFromEdges(n: number, edges: readonly (readonly [number, number])[]): PrerequisiteGraph {
  const competencies: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) competencies[String(i)] = true;
  const prerequisites: Record<string, { id: string; from: string; to: string; note: string }> = {};
  edges.forEach(([a, b], k) => {
    prerequisites[`e${k}`] = { id: `e${k}`, from: String(a), to: String(b), note: '' };
  });
  return buildPrerequisiteGraph({ competencies, prerequisites } as unknown as Pick<Framework, 'competencies' | 'prerequisites'>);
}
