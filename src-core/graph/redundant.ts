import type { CompetencyId, LinkId } from '../model/ids';
import type { PrerequisiteGraph } from './prerequisiteGraph';
import { reachLabels, type ReachLabels } from './reachLabels';

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
}

/**
 * Links `A → C` implied by transitivity (`A → B → … → C`), in an acyclic graph, given each node's
 * longest-path `depth` (see `layering`).
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
  depth: Int32Array,
  budget = redundantBudget(g),
  only?: Uint8Array,
  labelsAfter?: number,
): RedundantLinks {
  // Most sources have no candidate target: find them before building anything.
  const from = new Int32Array(g.n);
  const count = candidateSources(g, depth, only, from);
  const search = new SourceSearch(g, depth, budget, labelsAfter ?? (count >= LABELS_UPFRONT ? 0 : g.n + g.m));
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
    if (search.labels === undefined && search.work >= search.labelsAfter) search.useLabels();
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

/**
 * The search state shared by all sources (stamps instead of clearing, nothing allocated per source).
 * One method per source keeps the hot loop in a function V8 optimizes as a whole, not only on stack
 * replacement (which deoptimized at the end of every call when the loop sat in `redundantLinks`).
 */
class SourceSearch {
  readonly links: RedundantLink[] = [];
  readonly sources: number[] = [];
  readonly workBy: Int32Array;
  work = 0;
  complete = true;
  /** Interval labels, once built (undefined before, and for a graph with a cycle). */
  labels: ReachLabels | undefined;
  /** The work after which labels are built (never again once they were tried). */
  labelsAfter: number;
  private readonly seen: Int32Array; // stamp: visited in the search from u
  private readonly target: Int32Array; // stamp: v is a candidate target of u not found yet
  private readonly slot: Int32Array; // v's number among the candidate targets of u (bit in the masks)
  private readonly parent: Int32Array; // DFS tree, valid for nodes stamped with u
  private readonly mask: Int32Array; // the candidate targets a node stamped with u may reach (labels)
  private readonly stack: Int32Array;
  /** Depth and labels of u's candidate targets, five numbers each (up to 32 targets). */
  private readonly tb = new Int32Array(5 * 32);

  constructor(
    private readonly g: PrerequisiteGraph,
    private readonly depth: Int32Array,
    private readonly budget: number,
    labelsAfter: number,
  ) {
    const n = g.n;
    this.labelsAfter = labelsAfter;
    this.workBy = new Int32Array(n);
    this.seen = new Int32Array(n).fill(-1);
    this.target = new Int32Array(n).fill(-1);
    this.slot = new Int32Array(n);
    this.parent = new Int32Array(n);
    this.mask = new Int32Array(n);
    this.stack = new Int32Array(n);
  }

  /** Builds the labels; on a graph with a cycle, gives up on them. */
  useLabels(): void {
    this.labels = reachLabels(this.g);
    this.labelsAfter = Infinity;
  }

  /** Every implied link out of `u`, in the order the depth-first search meets their targets. */
  from(u: number): void {
    const { g, depth, labels, seen, target, slot, parent, mask, stack, tb, budget } = this;
    const { outStart, outTo } = g;
    const s = outStart[u]!;
    const t = outStart[u + 1]!;
    const du = depth[u]!;
    let limit = -1;
    let nt = 0;
    for (let e = s; e < t; e++) {
      const v = outTo[e]!;
      const dv = depth[v]!;
      if (dv >= du + 2) {
        target[v] = u;
        slot[v] = nt;
        if (dv > limit) limit = dv;
        if (labels && nt < 32) {
          const k = 5 * nt;
          tb[k] = dv;
          tb[k + 1] = labels[4 * v]!;
          tb[k + 2] = labels[4 * v + 1]!;
          tb[k + 3] = labels[4 * v + 2]!;
          tb[k + 4] = labels[4 * v + 3]!;
        }
        nt++;
      }
    }
    // Targets not found yet, one bit each; without labels (a cycle, or more than 32 targets) the
    // search is pruned by depth only and every mask stays all ones.
    const pruned = labels !== undefined && nt <= 32;
    let left = pruned && nt < 32 ? (1 << nt) - 1 : -1;
    let work = this.work;
    const workBefore = work;
    // Search from every successor; report a candidate target reached through another node.
    search: for (let e0 = s; e0 < t; e0++) {
      const w0 = outTo[e0]!;
      if (seen[w0] === u || depth[w0]! >= limit) continue;
      const m0 = pruned ? reachable(labels, depth, tb, w0, left) : -1;
      if (m0 === 0) continue;
      seen[w0] = u;
      parent[w0] = u;
      if (pruned) mask[w0] = m0;
      let sp = 0;
      stack[sp++] = w0;
      while (sp > 0) {
        const c = stack[--sp]!;
        if (++work > budget) {
          this.complete = false;
          break search;
        }
        const mc = pruned ? mask[c]! : -1;
        for (let e = outStart[c]!, end = outStart[c + 1]!; e < end; e++) {
          const x = outTo[e]!;
          if (target[x] === u) {
            target[x] = -1; // report once
            this.links.push(implied(g, u, x, c, parent));
            this.sources.push(u);
            if (--nt === 0) break search; // every candidate target found
            if (pruned) left &= ~(1 << slot[x]!);
          }
          if (seen[x] !== u && depth[x]! < limit) {
            // x reaches no more than c does: test only the targets c may reach.
            const mx = pruned ? reachable(labels, depth, tb, x, mc & left) : -1;
            if (mx !== 0) {
              seen[x] = u;
              parent[x] = c;
              if (pruned) mask[x] = mx;
              stack[sp++] = x;
            }
          }
        }
      }
    }
    this.work = work;
    this.workBy[u] = work - workBefore;
  }

  result(): RedundantLinks {
    return { links: this.links, complete: this.complete, sources: Int32Array.from(this.sources), work: this.workBy };
  }
}

/** The targets among `bits` (bits of `tb`) that the labels do not rule out as unreachable from `x`. */
function reachable(labels: ReachLabels, depth: Int32Array, tb: Int32Array, x: number, bits: number): number {
  const dx = depth[x]!;
  const i = 4 * x;
  const p1 = labels[i]!;
  const l1 = labels[i + 1]!;
  const p2 = labels[i + 2]!;
  const l2 = labels[i + 3]!;
  let out = 0;
  while (bits !== 0) {
    const b = bits & -bits;
    bits ^= b;
    const k = 5 * (31 - Math.clz32(b));
    if (dx < tb[k]! && tb[k + 1]! < p1 && l1 <= tb[k + 2]! && tb[k + 3]! < p2 && l2 <= tb[k + 4]!) out |= b;
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
  const links: RedundantLink[] = [];
  const sources: number[] = [];
  mergeLinks(affected, r0, r1, links, sources);
  return { links, complete: true, sources: Int32Array.from(sources), work: workBy };
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

/** Merges by source, in source order (the order of a search from scratch), dropping earlier results of affected sources. */
function mergeLinks(affected: Uint8Array, r0: RedundantLinks, r1: RedundantLinks, links: RedundantLink[], sources: number[]): void {
  let i = 0;
  let j = 0;
  while (i < r0.links.length || j < r1.links.length) {
    if (i < r0.links.length && affected[r0.sources[i]!]) {
      i++;
      continue;
    }
    const takeOld = j >= r1.links.length || (i < r0.links.length && r0.sources[i]! < r1.sources[j]!);
    if (takeOld) {
      links.push(r0.links[i]!);
      sources.push(r0.sources[i++]!);
    } else {
      links.push(r1.links[j]!);
      sources.push(r1.sources[j++]!);
    }
  }
}

function implied(g: PrerequisiteGraph, u: number, x: number, c: number, parent: Int32Array): RedundantLink {
  const via: CompetencyId[] = [g.ids[x]!];
  for (let v = c; v !== u; v = parent[v]!) via.push(g.ids[v]!);
  via.push(g.ids[u]!);
  via.reverse();
  let link = '' as LinkId;
  for (let e = g.outStart[u]!; e < g.outStart[u + 1]!; e++) {
    if (g.outTo[e] === x) {
      link = g.linkAt(e);
      break;
    }
  }
  return { link, from: g.ids[u]!, to: g.ids[x]!, via };
}
