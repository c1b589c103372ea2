import type { CompetencyId, LinkId } from '../model/ids';
import { sameList } from '../model/lists';
import type { Framework, PrerequisiteLink } from '../model/types';
import type { FrameworkRecordLists } from '../model/recordLists';

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
 * not modelled. Successor lists keep link order; predecessor lists are in source order.
 */
export interface PrerequisiteGraph {
  /** Number of nodes (competencies). */
  readonly n: number;
  /** Number of edges (distinct, valid prerequisite links). */
  readonly m: number;
  /** Node index → competency id. */
  readonly ids: readonly CompetencyId[];
  /** Competency id → node index. */
  readonly index: IdIndex;
  /** CSR offsets of the successor lists (length n+1). */
  readonly outStart: Int32Array;
  /** Successor node of each out-edge (length m). */
  readonly outTo: Int32Array;
  /** CSR offsets of the predecessor lists (length n+1). */
  readonly inStart: Int32Array;
  /** Predecessor node of each in-edge (length m). */
  readonly inFrom: Int32Array;
  /** The link behind each out-edge, in `outTo` order (built on first use; prefer {@link PrerequisiteGraph.linkAt}). */
  readonly outLink: readonly LinkId[];
  /** The id of the link behind out-edge `e` (an index into `outTo`). */
  linkAt(e: number): LinkId;
}

/** The graph as built: edges remember their link by position in the link list, ids are looked up on demand. */
class CsrGraph implements PrerequisiteGraph {
  private outLinkIds: LinkId[] | undefined;
  constructor(
    readonly n: number,
    readonly m: number,
    readonly ids: readonly CompetencyId[],
    readonly index: IdIndex,
    readonly outStart: Int32Array,
    readonly outTo: Int32Array,
    readonly inStart: Int32Array,
    readonly inFrom: Int32Array,
    /** Position in `links` of the link behind each out-edge. */
    readonly outLinkIndex: Int32Array,
    /** The links the graph was built from, and each one's two ends as node indices (-1 when missing). */
    readonly links: readonly PrerequisiteLink[],
    readonly linkFrom: Int32Array,
    readonly linkTo: Int32Array,
    /** 1 for a link object known to be frozen (its ends can be reused when the same object comes again). */
    readonly linkSealed: Uint8Array,
  ) {}
  get outLink(): readonly LinkId[] {
    if (!this.outLinkIds) {
      const out = new Array<LinkId>(this.m);
      for (let e = 0; e < this.m; e++) out[e] = this.links[this.outLinkIndex[e]!]!.id;
      this.outLinkIds = out;
    }
    return this.outLinkIds;
  }
  linkAt(e: number): LinkId {
    return this.links[this.outLinkIndex[e]!]!.id;
  }
  /** The link object behind out-edge `e`. */
  linkObjectAt(e: number): PrerequisiteLink {
    return this.links[this.outLinkIndex[e]!]!;
  }
}

/**
 * Id → node index lookups, in a `Map`. Ids read from a file just parsed are fresh strings: a `Map` hashes
 * each once and compares by content, while a dictionary object would first internalize each (a probe of
 * V8's global string table) — 1.5× slower on a loaded file (100,000 link-end lookups at 20k: 20 vs 30 ms),
 * and no faster for strings already hashed.
 */
export class IdIndex {
  private readonly map: Map<string, number>;
  readonly size: number;
  constructor(ids: readonly string[]) {
    const m = new Map<string, number>();
    for (let i = 0; i < ids.length; i++) m.set(ids[i]!, i);
    this.map = m;
    this.size = ids.length;
  }
  /** The node index of a competency id, or undefined. */
  get(id: string): number | undefined {
    return this.map.get(id);
  }
  has(id: string): boolean {
    return this.map.has(id);
  }
}

const indexes = new WeakMap<readonly string[], IdIndex>();

/**
 * The index of `ids`, built once per array: the graph and coverage of a file just loaded are given the
 * same competency keys (`LoadedFramework.lists`) and share one index. The arrays passed here are never
 * changed after they are made (Object.keys results, enumerations kept per frozen record or handed over by
 * the loader).
 */
export function indexOf(ids: readonly string[]): IdIndex {
  let index = indexes.get(ids);
  if (!index) indexes.set(ids, (index = new IdIndex(ids)));
  return index;
}

const cache = new WeakMap<object, { competencies: object; graph: PrerequisiteGraph }>();

const knownFrozen = new WeakSet<object>();

/**
 * `Object.isFrozen`, remembered: for a record of 20,000 entries the check walks every property, and
 * validation asks about the same records many times. A frozen object never thaws, so a yes is kept.
 */
export function isFrozenCached(o: object): boolean {
  if (knownFrozen.has(o)) return true;
  if (!Object.isFrozen(o)) return false;
  knownFrozen.add(o);
  return true;
}

/**
 * The prerequisite graph of `fw`, cached for immutable documents: when `fw.prerequisites` and
 * `fw.competencies` are frozen (immer freezes every state it produces) the graph is kept per
 * prerequisites record and reused while the set of competency ids is unchanged — so editing a
 * competency's text or moving it does not rebuild it. Records that are not frozen may be mutated in
 * place, so for them the graph is always built afresh. `lists` passes the records already
 * enumerated (`Object.keys(fw.competencies)` and the links), to skip enumerating them again.
 */
export function prerequisiteGraph(
  fw: Pick<Framework, 'competencies' | 'prerequisites'>,
  lists?: { competencyIds: readonly string[]; links: readonly PrerequisiteLink[] },
): PrerequisiteGraph {
  if (!isFrozenCached(fw.prerequisites) || !isFrozenCached(fw.competencies)) {
    return lists ? buildGraphFromLists(lists.competencyIds, lists.links) : buildPrerequisiteGraph(fw);
  }
  const hit = cache.get(fw.prerequisites);
  if (hit && (hit.competencies === fw.competencies || sameList(hit.graph.ids, lists?.competencyIds ?? Object.keys(fw.competencies)))) {
    hit.competencies = fw.competencies;
    nodesOf.set(fw.competencies, hit.graph);
    return hit.graph;
  }
  // A link edit keeps the competencies record: keep its node numbering (the same `ids` and `index`).
  const nodes = nodesOf.get(fw.competencies);
  let links: readonly PrerequisiteLink[];
  if (lists) links = lists.links;
  else {
    const arr = new Array<PrerequisiteLink>(fw.prerequisites.size);
    let i = 0;
    for (const l of fw.prerequisites.values()) arr[i++] = l;
    links = arr;
  }
  const ids = nodes ? nodes.ids : (lists?.competencyIds ?? Object.keys(fw.competencies));
  const graph = buildGraphFromLists(ids, links, nodes, lastBuilt) as CsrGraph;
  cache.set(fw.prerequisites, { competencies: fw.competencies, graph });
  nodesOf.set(fw.competencies, graph);
  lastBuilt = graph;
  return graph;
}

/** The last graph built for a frozen document: the next one reuses the ends of the links they share. */
let lastBuilt: CsrGraph | undefined;

/**
 * Each link's two ends as node indices (-1 when missing). Ends of links that `prev` was built from are
 * copied when the link object is the same and frozen and the node numbering allows it: the same `ids`,
 * or `ids` that extend `prev`'s (competencies added; only ends missing before are looked up again).
 */
function linkEnds(
  links: readonly PrerequisiteLink[],
  ids: readonly string[],
  index: IdIndex,
  prev: CsrGraph | undefined,
): { from: Int32Array; to: Int32Array; sealed: Uint8Array } {
  const from = new Int32Array(links.length);
  const to = new Int32Array(links.length);
  const sealed = new Uint8Array(links.length);
  let reuse: 'same' | 'extended' | undefined;
  if (prev) {
    if (prev.ids === ids) reuse = 'same';
    else if (prev.ids.length <= ids.length && prefixOf(prev.ids, ids)) reuse = 'extended';
  }
  if (reuse && prev!.links === links) {
    // The same list (the links record is unchanged; competencies were added or edited): only ends
    // that were missing may now be found.
    from.set(prev!.linkFrom);
    to.set(prev!.linkTo);
    sealed.set(prev!.linkSealed);
    if (reuse === 'extended') {
      for (let j = 0; j < links.length; j++) {
        if (from[j] === -1) from[j] = index.get(links[j]!.from) ?? -1;
        if (to[j] === -1) to[j] = index.get(links[j]!.to) ?? -1;
      }
    }
    return { from, to, sealed };
  }
  const pl = reuse ? prev!.links : undefined;
  if (!pl) {
    // From scratch. Links are often listed by the competency they lead to: an end equal to the last
    // one is not looked up again.
    let lastFrom: string | undefined;
    let lastTo: string | undefined;
    let a = -1;
    let b = -1;
    for (let j = 0; j < links.length; j++) {
      const l = links[j]!;
      const f = l.from;
      const t = l.to;
      if (f !== lastFrom) {
        lastFrom = f;
        a = index.get(f) ?? -1;
      }
      if (t !== lastTo) {
        lastTo = t;
        b = index.get(t) ?? -1;
      }
      from[j] = a;
      to[j] = b;
    }
    return { from, to, sealed };
  }
  const pn = pl.length;
  let i = 0;
  for (let j = 0; j < links.length; j++) {
    const l = links[j]!;
    if (pl) {
      // Edits keep link order: match the previous list in order, skipping deleted links.
      let k = i;
      const stop = Math.min(pn, i + 8);
      while (k < stop && pl[k] !== l) k++;
      if (k < stop) {
        i = k + 1;
        if (prev!.linkSealed[k] === 1 || Object.isFrozen(l)) {
          sealed[j] = 1;
          const a = prev!.linkFrom[k]!;
          const b = prev!.linkTo[k]!;
          from[j] = a === -1 && reuse === 'extended' ? (index.get(l.from) ?? -1) : a;
          to[j] = b === -1 && reuse === 'extended' ? (index.get(l.to) ?? -1) : b;
          continue;
        }
      }
    }
    from[j] = index.get(l.from) ?? -1;
    to[j] = index.get(l.to) ?? -1;
  }
  return { from, to, sealed };
}

function prefixOf(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * True when out-edge `e` of `a` and of `b` come from the same link (the same link id), for every
 * `e < a.m` (the caller has checked that the edges themselves agree). Cheap when both were built from
 * the same link list or share the link objects.
 */
export function sameEdgeLinks(a: PrerequisiteGraph, b: PrerequisiteGraph): boolean {
  if (a instanceof CsrGraph && b instanceof CsrGraph && a.links !== b.links) {
    // Same link objects (pointer compares), else the same link ids.
    for (let e = 0; e < a.m; e++) if (a.linkObjectAt(e) !== b.linkObjectAt(e) && a.linkAt(e) !== b.linkAt(e)) return false;
    return true;
  }
  if (a instanceof CsrGraph && b instanceof CsrGraph && a.links === b.links) {
    for (let e = 0; e < a.m; e++) if (a.outLinkIndex[e] !== b.outLinkIndex[e]) return false;
    return true;
  }
  for (let e = 0; e < a.m; e++) if (a.linkAt(e) !== b.linkAt(e)) return false;
  return true;
}

/** Per frozen competencies record: the node numbering last used for it. */
const nodesOf = new WeakMap<object, Pick<PrerequisiteGraph, 'ids' | 'index'>>();

/**
 * Builds the graph without the cache (see {@link prerequisiteGraph}). O(n + m). `lists`, the records
 * as the document's loader enumerated them (`LoadedFramework.lists`, valid while the document is
 * unchanged), spares enumerating them again.
 */
export function buildPrerequisiteGraph(
  fw: Pick<Framework, 'competencies' | 'prerequisites'>,
  lists?: Pick<FrameworkRecordLists, 'competencies' | 'prerequisites'>,
): PrerequisiteGraph {
  if (lists) return buildGraphFromLists(lists.competencies.keys, lists.prerequisites.values);
  const links = [...fw.prerequisites.values()];
  return buildGraphFromLists(Object.keys(fw.competencies), links);
}

/**
 * Builds the graph from the competency ids (node order) and the links, for callers that already
 * enumerated the framework's records. O(n + m), typed arrays; duplicates are dropped with a
 * per-source stamp instead of a hash set. `nodes` reuses the numbering of an earlier graph of the
 * same competency ids (the caller guarantees they are the same). `prev`, an earlier graph of a frozen
 * document, lends the ends of the (frozen) links both were built from. `knownEnds`, each link's two
 * ends already looked up in `nodes.index` (-1 when missing), skips the lookups (the caller read the
 * links anyway).
 */
export function buildGraphFromLists(
  competencyIds: readonly string[],
  links: readonly PrerequisiteLink[],
  nodes?: Pick<PrerequisiteGraph, 'ids' | 'index'>,
  prev?: PrerequisiteGraph,
  knownEnds?: { from: Int32Array; to: Int32Array },
): PrerequisiteGraph {
  const ids = nodes ? nodes.ids : (competencyIds as readonly CompetencyId[]);
  const n = ids.length;
  const index = nodes ? nodes.index : indexOf(ids);
  const ends = knownEnds
    ? { from: knownEnds.from, to: knownEnds.to, sealed: new Uint8Array(links.length) }
    : linkEnds(links, ids, index, prev instanceof CsrGraph ? prev : undefined);

  // Valid, non-self edges in link order.
  const from = new Int32Array(links.length);
  const to = new Int32Array(links.length);
  const which = new Int32Array(links.length);
  let k = 0;
  for (let i = 0; i < links.length; i++) {
    const a = ends.from[i]!;
    if (a === -1) continue;
    const b = ends.to[i]!;
    if (b === -1 || a === b) continue;
    from[k] = a;
    to[k] = b;
    which[k] = i;
    k++;
  }

  // Counting sort by source, keeping link order within a source.
  const start = new Int32Array(n + 1);
  for (let e = 0; e < k; e++) start[from[e]! + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const sortedTo = new Int32Array(k);
  const sortedLink = new Int32Array(k);
  for (let e = 0; e < k; e++) {
    const o = fill[from[e]!]!++;
    sortedTo[o] = to[e]!;
    sortedLink[o] = which[e]!;
  }

  // Drop duplicates (same source and target) with a stamp per target, compacting in place.
  const stamp = new Int32Array(n).fill(-1);
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  const outLinkIndex = new Int32Array(k);
  let m = 0;
  for (let v = 0; v < n; v++) {
    outStart[v] = m;
    for (let e = start[v]!, end = start[v + 1]!; e < end; e++) {
      const w = sortedTo[e]!;
      if (stamp[w] === v) continue;
      stamp[w] = v;
      sortedTo[m] = w;
      outLinkIndex[m] = sortedLink[e]!;
      inStart[w + 1]!++;
      m++;
    }
  }
  outStart[n] = m;
  const outTo = sortedTo.slice(0, m);
  for (let v = 0; v < n; v++) inStart[v + 1]! += inStart[v]!;
  const inFill = inStart.slice(0, n);
  const inFrom = new Int32Array(m);
  for (let v = 0; v < n; v++) {
    for (let e = outStart[v]!, end = outStart[v + 1]!; e < end; e++) inFrom[inFill[outTo[e]!]!++] = v;
  }
  return new CsrGraph(n, m, ids, index, outStart, outTo, inStart, inFrom, outLinkIndex, links, ends.from, ends.to, ends.sealed);
}

/** Builds a graph straight from an edge list over nodes `0…n-1` (ids are the indices as strings). */
export function graphFromEdges(n: number, edges: readonly (readonly [number, number])[]): PrerequisiteGraph {
  const competencies: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) competencies[String(i)] = true;
  const prerequisites = new Map<string, { id: string; from: string; to: string; note: string }>();
  edges.forEach(([a, b], k) => {
    prerequisites.set(`e${k}`, { id: `e${k}`, from: String(a), to: String(b), note: '' });
  });
  return buildPrerequisiteGraph({ competencies, prerequisites } as unknown as Pick<Framework, 'competencies' | 'prerequisites'>);
}
