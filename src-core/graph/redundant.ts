import type { CompetencyId, LinkId } from '../model/ids';
import type { Layering } from './order';
import type { PrerequisiteGraph } from './prerequisiteGraph';
import { writeReachLabels } from './reachLabels';

/** A prerequisite link already implied by a longer chain of links. */
export interface RedundantLink {
  link: LinkId;
  from: CompetencyId;
  to: CompetencyId;
  /** A chain `[from, …, to]` of at least three competencies that implies the link. */
  via: CompetencyId[];
}

export interface RedundantLinks {
  links: RedundantLink[];
  /**
   * False when the search stopped at its work budget (pathological graphs only); `links` is then a
   * correct but possibly incomplete list.
   */
  complete: boolean;
  /** The source node of each of `links`. */
  sources: Int32Array;
  /** Node visits of the search from each source (what counts against the budget). */
  work: Int32Array;
  /**
   * The nodes of every link's `via` chain, one chain after another: link `i`'s chain is
   * `path[pathStart[i]] … path[pathStart[i + 1] - 1]` (so `via[k]` is `g.ids[path[pathStart[i] + k]]`),
   * for callers that look nodes up by number (names in messages) rather than by id.
   */
  path: Int32Array;
  /** Where each link's chain starts in `path`; `links.length + 1` numbers. */
  pathStart: Int32Array;
}

/**
 * Links `A → C` implied by transitivity (`A → B → … → C`), in an acyclic graph, given each node's
 * longest-path `depth`, or the whole `layering` (whose order also spares the labels a traversal).
 *
 * Why it is fast: a link `u → v` can only be implied by a chain of two or more links when
 * `depth[v] ≥ depth[u] + 2`, so most links are ruled out without a search. For each remaining source
 * `u`, one depth-first search from its successors finds every implied link out of `u` at once; it only
 * enters a node that may still reach one of `u`'s candidate targets not found yet — deeper than the
 * node, and within its interval labels ({@link reachLabels}: two post-order numberings, an O(1) "no"
 * for most pairs) — and stops as soon as every candidate target is found. The nodes it skips could not
 * have led to a target, so the search reports the same links through the same chains as a depth-first
 * search of every node above the deepest target (a property test compares them). A global work budget
 * (`budget` node visits, default 200·(n+m)) bounds the worst case.
 *
 * Every source's result is the same whether or not the labels are used, so they are built only once
 * the search has done `labelsAfter` node visits (default: 0 with 1,024 sources or more to search, else
 * n + m, about what building them costs); on a graph with a cycle they prove nothing and the search is
 * pruned by depth only.
 *
 * `only`: search only from the sources `u` with `only[u] === 1` (see {@link redundantLinksAfterEdit}).
 */
export function redundantLinks(
  g: PrerequisiteGraph,
  layers: Int32Array | Pick<Layering, 'depth' | 'order'>,
  budget = redundantBudget(g),
  only?: Uint8Array,
  labelsAfter?: number,
): RedundantLinks {
  const depth = layers instanceof Int32Array ? layers : layers.depth;
  // Most sources have no candidate target: find them before building anything.
  const from = new Int32Array(g.n);
  const count = candidateSources(g, depth, only, from);
  const search = new SourceSearch(g, depth, budget, labelsAfter ?? (count >= LABELS_UPFRONT ? 0 : g.n + g.m));
  if (!(layers instanceof Int32Array)) search.order = layers.order;
  searchAll(search, from, count);
  return search.result();
}

/**
 * With this many sources to search, labels are built before the search: the first sources (the top
 * of the map) have the largest searches, so waiting would cost more than the labels (5k: ~2,000
 * sources, 20k: ~7,000).
 */
const LABELS_UPFRONT = 1024;

/**
 * Runs the search from each source. Labels cost about as much as n + m node visits: unless built
 * before, they are built once the search has spent that much, so a small search (a small map, a few
 * sources after an edit) never pays for them. Nothing follows the loop: V8 compiles a hot loop on stack
 * replacement before the code after it ever ran, and that code then deoptimized on every call.
 */
function searchAll(search: SourceSearch, from: Int32Array, count: number): void {
  for (let i = 0; i < count && search.complete; i++) {
    if (search.work >= search.labelsAfter) search.useLabels();
    search.from(from[i]!);
  }
}

/** Writes the sources worth a search to `list` and returns how many: at least two out-edges, one to a candidate target. */
function candidateSources(g: PrerequisiteGraph, depth: Int32Array, only: Uint8Array | undefined, list: Int32Array): number {
  const { n, outStart, outTo } = g;
  let k = 0;
  for (let u = 0; u < n; u++) {
    if (only && only[u] !== 1) continue;
    const s = outStart[u]!;
    const t = outStart[u + 1]!;
    if (t - s < 2) continue;
    const d2 = depth[u]! + 2;
    for (let e = s; e < t; e++) {
      if (depth[outTo[e]!]! >= d2) {
        list[k++] = u;
        break;
      }
    }
  }
  return k;
}

// One row of numbers per node, so that the search reads one cache line per node it looks at.
const ROW = 8;
const SEEN = 0; // stamp: visited in the search from u
const TARGET = 1; // stamp: a candidate target of u not found yet
const DEPTH = 2;
const LABELS = 3; // the four interval labels (post₁, low₁, post₂, low₂), once built
const MASK = 7; // the candidate targets a node stamped with u may reach (labels)

/**
 * The search state shared by all sources (stamps instead of clearing, nothing allocated per source).
 * One method per source keeps the hot loop in a function V8 optimizes as a whole, not only on stack
 * replacement (which deoptimized at the end of every call when the loop sat in `redundantLinks`); the
 * search pruned by labels and the one pruned by depth alone are separate methods, each loop with no
 * test of which it is.
 */
class SourceSearch {
  readonly links: RedundantLink[] = [];
  readonly sources: number[] = [];
  readonly path: number[] = [];
  readonly pathStart: number[] = [0];
  /** The out-edge of each of `links` (its link id is filled in at the end). */
  private readonly linkEdges: number[] = [];
  readonly workBy: Int32Array;
  work = 0;
  complete = true;
  /** Interval labels, once built (false before, and for a graph with a cycle). */
  labels = false;
  /** The work after which labels are built (never again once they were tried). */
  labelsAfter: number;
  /** A topological order of the nodes to read the first labels from (`Layering.order`), if known. */
  order: Int32Array | undefined;
  /** Per node: `ROW` numbers (see SEEN … MASK). */
  private readonly row: Int32Array;
  private readonly slot: Int32Array; // v's number among the candidate targets of u (bit in the masks)
  private readonly edge: Int32Array; // the out-edge u → v of a candidate target v of u
  private readonly parent: Int32Array; // DFS tree, valid for nodes stamped with u
  private readonly stack: Int32Array;
  /** Depth and labels of u's candidate targets, five numbers each (up to 32 targets). */
  private readonly tb = new Int32Array(5 * 32);

  constructor(
    private readonly g: PrerequisiteGraph,
    depth: Int32Array,
    private readonly budget: number,
    labelsAfter: number,
  ) {
    const n = g.n;
    this.labelsAfter = labelsAfter;
    this.workBy = new Int32Array(n);
    const row = new Int32Array(ROW * n);
    for (let v = 0, i = 0; v < n; v++, i += ROW) {
      row[i + SEEN] = -1;
      row[i + TARGET] = -1;
      row[i + DEPTH] = depth[v]!;
    }
    this.row = row;
    this.slot = new Int32Array(n);
    this.edge = new Int32Array(n);
    this.parent = new Int32Array(n);
    this.stack = new Int32Array(n);
  }

  /** Builds the labels; on a graph with a cycle, gives up on them. */
  useLabels(): void {
    this.labels = writeReachLabels(this.g, this.row, ROW, LABELS, this.order);
    this.labelsAfter = Infinity;
  }

  /** Every implied link out of `u`, in the order the depth-first search meets their targets. */
  from(u: number): void {
    const { g, row, slot, edge, tb } = this;
    const { outStart, outTo } = g;
    const s = outStart[u]!;
    const t = outStart[u + 1]!;
    const du = row[ROW * u + DEPTH]!;
    let limit = -1;
    let nt = 0;
    for (let e = s; e < t; e++) {
      const v = outTo[e]!;
      const i = ROW * v;
      const dv = row[i + DEPTH]!;
      if (dv >= du + 2) {
        if (row[i + TARGET] !== u) edge[v] = e; // the first link u → v (as linkAt finds it)
        row[i + TARGET] = u;
        slot[v] = nt;
        if (dv > limit) limit = dv;
        if (nt < 32) {
          const k = 5 * nt;
          tb[k] = dv;
          tb[k + 1] = row[i + LABELS]!;
          tb[k + 2] = row[i + LABELS + 1]!;
          tb[k + 3] = row[i + LABELS + 2]!;
          tb[k + 4] = row[i + LABELS + 3]!;
        }
        nt++;
      }
    }
    // Without labels (a cycle, or more than 32 targets) the search is pruned by depth only.
    if (this.labels && nt <= 32) this.pruned(u, s, t, limit, nt);
    else this.unpruned(u, s, t, limit, nt);
  }

  /**
   * The search from `u` entering only the nodes whose labels do not rule out every candidate target
   * not found yet (one bit each in `left` and in a node's mask).
   */
  private pruned(u: number, s: number, t: number, limit: number, nt: number): void {
    const { g, row, slot, parent, stack, tb, budget } = this;
    const { outStart, outTo } = g;
    let left = nt < 32 ? (1 << nt) - 1 : -1;
    let work = this.work;
    const workBefore = work;
    // Search from every successor; report a candidate target reached through another node.
    search: for (let e0 = s; e0 < t; e0++) {
      const w0 = outTo[e0]!;
      const i0 = ROW * w0;
      if (row[i0 + SEEN] === u || row[i0 + DEPTH]! >= limit) continue;
      const m0 = reachable(row, i0, tb, left);
      if (m0 === 0) continue;
      row[i0 + SEEN] = u;
      row[i0 + MASK] = m0;
      parent[w0] = u;
      let sp = 0;
      stack[sp++] = w0;
      while (sp > 0) {
        const c = stack[--sp]!;
        if (++work > budget) {
          this.complete = false;
          break search;
        }
        const mc = row[ROW * c + MASK]!;
        for (let e = outStart[c]!, end = outStart[c + 1]!; e < end; e++) {
          const x = outTo[e]!;
          const i = ROW * x;
          if (row[i + TARGET] === u) {
            row[i + TARGET] = -1; // report once
            this.report(u, x, c);
            if (--nt === 0) break search; // every candidate target found
            left &= ~(1 << slot[x]!);
          }
          // x reaches no more than c does: test only the targets c may reach.
          const bits = mc & left;
          if (bits !== 0 && row[i + SEEN] !== u && row[i + DEPTH]! < limit) {
            const mx = reachable(row, i, tb, bits);
            if (mx !== 0) {
              row[i + SEEN] = u;
              row[i + MASK] = mx;
              parent[x] = c;
              stack[sp++] = x;
            }
          }
        }
      }
    }
    this.work = work;
    this.workBy[u] = work - workBefore;
  }

  /** The search from `u` entering every node above its deepest candidate target. */
  private unpruned(u: number, s: number, t: number, limit: number, nt: number): void {
    const { g, row, parent, stack, budget } = this;
    const { outStart, outTo } = g;
    let work = this.work;
    const workBefore = work;
    search: for (let e0 = s; e0 < t; e0++) {
      const w0 = outTo[e0]!;
      const i0 = ROW * w0;
      if (row[i0 + SEEN] === u || row[i0 + DEPTH]! >= limit) continue;
      row[i0 + SEEN] = u;
      parent[w0] = u;
      let sp = 0;
      stack[sp++] = w0;
      while (sp > 0) {
        const c = stack[--sp]!;
        if (++work > budget) {
          this.complete = false;
          break search;
        }
        for (let e = outStart[c]!, end = outStart[c + 1]!; e < end; e++) {
          const x = outTo[e]!;
          const i = ROW * x;
          if (row[i + TARGET] === u) {
            row[i + TARGET] = -1;
            this.report(u, x, c);
            if (--nt === 0) break search;
          }
          if (row[i + SEEN] !== u && row[i + DEPTH]! < limit) {
            row[i + SEEN] = u;
            parent[x] = c;
            stack[sp++] = x;
          }
        }
      }
    }
    this.work = work;
    this.workBy[u] = work - workBefore;
  }

  /** Reports the link `u → x`, implied by the chain from `u` down the search tree to `c`, then `x`. */
  private report(u: number, x: number, c: number): void {
    const { g, parent, path } = this;
    const ids = g.ids;
    // The chain backwards (x, c, c's parent, …, u), then turned around in place.
    const start = path.length;
    path.push(x);
    for (let v = c; v !== u; v = parent[v]!) path.push(v);
    path.push(u);
    const end = path.length;
    for (let i = start, j = end - 1; i < j; i++, j--) {
      const t = path[i]!;
      path[i] = path[j]!;
      path[j] = t;
    }
    const via: CompetencyId[] = [];
    for (let i = start; i < end; i++) via.push(ids[path[i]!]!);
    this.links.push({ link: '' as LinkId, from: ids[u]!, to: ids[x]!, via });
    this.linkEdges.push(this.edge[x]!);
    this.pathStart.push(end);
    this.sources.push(u);
  }

  /**
   * Fills in the link ids, all at the end: each is three dependent reads far apart in memory (edge →
   * link → id), which a loop of nothing else overlaps from one link to the next, where one per report
   * in the middle of the search waited for each in turn (a third of the cost of reporting).
   */
  private linkIds(): void {
    const { g, links, linkEdges } = this;
    for (let i = 0; i < links.length; i++) links[i]!.link = g.linkAt(linkEdges[i]!);
  }

  result(): RedundantLinks {
    this.linkIds();
    return {
      links: this.links,
      complete: this.complete,
      sources: Int32Array.from(this.sources),
      work: this.workBy,
      path: Int32Array.from(this.path),
      pathStart: Int32Array.from(this.pathStart),
    };
  }
}

/** The targets among `bits` (bits of `tb`) that the labels in `row` at `i` do not rule out as unreachable. */
function reachable(row: Int32Array, i: number, tb: Int32Array, bits: number): number {
  const dx = row[i + DEPTH]!;
  const p1 = row[i + LABELS]!;
  const l1 = row[i + LABELS + 1]!;
  const p2 = row[i + LABELS + 2]!;
  const l2 = row[i + LABELS + 3]!;
  let out = 0;
  while (bits !== 0) {
    const b = bits & -bits;
    bits ^= b;
    const k = 5 * (31 - Math.clz32(b));
    // dx < depth, post < p1, l1 ≤ low, post₂ < p2, l2 ≤ low₂, without a branch: all five differences
    // are non-negative (small numbers, no overflow) exactly when their bitwise or is.
    const z = (tb[k]! - dx - 1) | (p1 - tb[k + 1]! - 1) | (tb[k + 2]! - l1) | (p2 - tb[k + 3]! - 1) | (tb[k + 4]! - l2);
    out |= b & ~(z >> 31);
  }
  return out;
}

/** The default work budget of {@link redundantLinks}: 200·(n+m) node visits, plus a floor. */
export function redundantBudget(g: PrerequisiteGraph): number {
  return 200 * (g.n + g.m) + 100_000;
}

/**
 * The redundant links of `g` from those of an earlier graph `prev` over the same nodes (a link edit):
 * exactly what {@link redundantLinks} would return, searching again only from sources whose result can
 * differ — those that reach a node whose links changed, and those whose depth or a successor's depth
 * changed. Returns undefined when that is not cheaper or not safe (other nodes, an incomplete earlier
 * result, too many changed nodes, or the budget would be reached); search from scratch then.
 */
export function redundantLinksAfterEdit(
  g: PrerequisiteGraph,
  depth: Int32Array,
  prev: { graph: PrerequisiteGraph; depth: Int32Array; result: RedundantLinks },
): RedundantLinks | undefined {
  const p = prev.graph;
  const r0 = prev.result;
  const n = g.n;
  if (!r0.complete || p.n !== n || r0.work.length !== n) return undefined;
  if (p.ids !== g.ids && !sameIds(p, g)) return undefined;
  const changed = new Int32Array(17);
  const k = changedNodes(p, g, changed);
  if (k > 16) return undefined;
  const affected = new Uint8Array(n);
  const count = markAffected(g, depth, prev.depth, changed, k, affected);
  if (count > n / 2) return undefined;

  const budget = redundantBudget(g);
  const r1 = redundantLinks(g, depth, budget, affected);
  if (!r1.complete) return undefined;
  const workBy = new Int32Array(n);
  // Sources left alone keep their earlier work count, which a changed depth elsewhere may shift a
  // little: stay well below the budget, and let a search from scratch decide near it.
  if (mergeWork(affected, r0.work, r1.work, workBy) > budget / 4) return undefined;
  const out: Merged = { links: [], sources: [], path: [], pathStart: [0] };
  mergeLinks(affected, r0, r1, out);
  return {
    links: out.links,
    complete: true,
    sources: Int32Array.from(out.sources),
    work: workBy,
    path: Int32Array.from(out.path),
    pathStart: Int32Array.from(out.pathStart),
  };
}

// The helpers below each end with their loop (see searchAll).

function sameIds(p: PrerequisiteGraph, g: PrerequisiteGraph): boolean {
  let same = true;
  for (let v = 0; v < g.n && same; v++) same = p.ids[v] === g.ids[v];
  return same;
}

/**
 * Writes to `changed` the nodes whose successor lists differ between `p` and `g` (in targets or in the
 * links behind them), stopping at 17; returns how many.
 */
function changedNodes(p: PrerequisiteGraph, g: PrerequisiteGraph, changed: Int32Array): number {
  // Graphs built by buildGraphFromLists give the link object behind an edge: compare those first.
  const objects = 'linkObjectAt' in p && 'linkObjectAt' in g;
  const po = p as unknown as LinkObjects;
  const go = g as unknown as LinkObjects;
  const pa = p.outStart;
  const pt = p.outTo;
  const ga = g.outStart;
  const gt = g.outTo;
  let k = 0;
  for (let v = 0; v < g.n && k <= 16; v++) {
    const a0 = pa[v]!;
    const a1 = pa[v + 1]!;
    const b0 = ga[v]!;
    let same = a1 - a0 === ga[v + 1]! - b0;
    for (let i = 0; same && i < a1 - a0; i++) same = pt[a0 + i] === gt[b0 + i];
    for (let i = 0; same && i < a1 - a0; i++) {
      same = (objects && po.linkObjectAt(a0 + i) === go.linkObjectAt(b0 + i)) || p.linkAt(a0 + i) === g.linkAt(b0 + i);
    }
    if (!same) changed[k++] = v;
  }
  return k;
}

/** Graphs built by buildGraphFromLists also give the link object behind an edge. */
interface LinkObjects {
  linkObjectAt(e: number): object;
}

/**
 * Marks the sources whose result can differ: every ancestor of a changed node (in g; ancestors in p
 * are among them), every node whose depth changed, and every predecessor of one. Returns how many.
 */
function markAffected(g: PrerequisiteGraph, depth: Int32Array, before: Int32Array, changed: Int32Array, k: number, affected: Uint8Array): number {
  const { n, inStart, inFrom } = g;
  const queue = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < k; i++) {
    const v = changed[i]!;
    if (affected[v] === 0) {
      affected[v] = 1;
      queue[tail++] = v;
    }
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    for (let e = inStart[v]!; e < inStart[v + 1]!; e++) {
      const u = inFrom[e]!;
      if (affected[u] === 0) {
        affected[u] = 1;
        queue[tail++] = u;
      }
    }
  }
  let count = tail;
  for (let v = 0; v < n; v++) {
    if (depth[v] === before[v]) continue;
    count += 1 - affected[v]!;
    affected[v] = 1;
    for (let e = inStart[v]!; e < inStart[v + 1]!; e++) {
      const u = inFrom[e]!;
      count += 1 - affected[u]!;
      affected[u] = 1;
    }
  }
  return count;
}

/** Each source's work: searched again (affected) or as before. Returns the total. */
function mergeWork(affected: Uint8Array, w0: Int32Array, w1: Int32Array, out: Int32Array): number {
  let work = 0;
  for (let v = 0; v < out.length; v++) {
    const w = affected[v] ? w1[v]! : w0[v]!;
    out[v] = w;
    work += w;
  }
  return work;
}

/** The lists of a {@link RedundantLinks} being merged. */
interface Merged {
  links: RedundantLink[];
  sources: number[];
  path: number[];
  pathStart: number[];
}

/** Merges by source, in source order (the order of a search from scratch), dropping earlier results of affected sources. */
function mergeLinks(affected: Uint8Array, r0: RedundantLinks, r1: RedundantLinks, out: Merged): void {
  let i = 0;
  let j = 0;
  while (i < r0.links.length || j < r1.links.length) {
    if (i < r0.links.length && affected[r0.sources[i]!]) {
      i++;
      continue;
    }
    const takeOld = j >= r1.links.length || (i < r0.links.length && r0.sources[i]! < r1.sources[j]!);
    if (takeOld) take(r0, i++, out);
    else take(r1, j++, out);
  }
}

function take(r: RedundantLinks, i: number, out: Merged): void {
  out.links.push(r.links[i]!);
  out.sources.push(r.sources[i]!);
  for (let k = r.pathStart[i]!; k < r.pathStart[i + 1]!; k++) out.path.push(r.path[k]!);
  out.pathStart.push(out.path.length);
}
