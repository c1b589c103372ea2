import type { CompetencyId, LinkId } from '../model/ids';
import type { PrerequisiteGraph } from './prerequisiteGraph';

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
 * `u`, one depth-first search from its successors, pruned at the depth of its deepest candidate target,
 * finds every implied link out of `u` at once. A global work budget (`budget` node visits, default
 * 200·(n+m)) bounds the worst case.
 */
export function redundantLinks(g: PrerequisiteGraph, depth: Int32Array, budget = redundantBudget(g), only?: Uint8Array): RedundantLinks {
  const { n, outStart, outTo } = g;
  const seen = new Int32Array(n).fill(-1); // stamp: visited in the search from u
  const target = new Int32Array(n).fill(-1); // stamp: v is a candidate target of u
  const parent = new Int32Array(n); // DFS tree, valid for nodes stamped with u
  const stack = new Int32Array(n);
  const links: RedundantLink[] = [];
  const sources: number[] = [];
  const workBy = new Int32Array(n);
  let work = 0;
  let complete = true;

  for (let u = 0; u < n && complete; u++) {
    if (only && only[u] !== 1) continue;
    const workBefore = work;
    const s = outStart[u]!;
    const t = outStart[u + 1]!;
    if (t - s < 2) continue;
    const du = depth[u]!;
    let limit = -1;
    for (let e = s; e < t; e++) {
      const v = outTo[e]!;
      if (depth[v]! >= du + 2) {
        target[v] = u;
        if (depth[v]! > limit) limit = depth[v]!;
      }
    }
    if (limit === -1) continue;
    // Search from every successor; report a candidate target reached through another node.
    for (let e0 = s; e0 < t; e0++) {
      const w0 = outTo[e0]!;
      if (seen[w0] === u || depth[w0]! >= limit) continue;
      seen[w0] = u;
      parent[w0] = u;
      let sp = 0;
      stack[sp++] = w0;
      while (sp > 0) {
        const c = stack[--sp]!;
        if (++work > budget) {
          complete = false;
          break;
        }
        for (let e = outStart[c]!, end = outStart[c + 1]!; e < end; e++) {
          const x = outTo[e]!;
          if (target[x] === u) {
            target[x] = -1; // report once
            links.push(implied(g, u, x, c, parent));
            sources.push(u);
          }
          if (seen[x] !== u && depth[x]! < limit) {
            seen[x] = u;
            parent[x] = c;
            stack[sp++] = x;
          }
        }
      }
      if (!complete) break;
    }
    workBy[u] = work - workBefore;
  }
  return { links, complete, sources: Int32Array.from(sources), work: workBy };
}

/** True when the `k` out-edges from `a0` in `p` and from `b0` in `g` come from the same links. */
function sameEdgeLinksOf(p: PrerequisiteGraph, g: PrerequisiteGraph, a0: number, b0: number, k: number): boolean {
  const objects = 'linkObjectAt' in p && 'linkObjectAt' in g;
  for (let i = 0; i < k; i++) {
    if (objects && (p as LinkObjects).linkObjectAt(a0 + i) === (g as LinkObjects).linkObjectAt(b0 + i)) continue;
    if (p.linkAt(a0 + i) !== g.linkAt(b0 + i)) return false;
  }
  return true;
}

/** Graphs built by buildGraphFromLists also give the link object behind an edge. */
interface LinkObjects {
  linkObjectAt(e: number): object;
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
  if (p.ids !== g.ids) for (let v = 0; v < n; v++) if (p.ids[v] !== g.ids[v]) return undefined;
  // Nodes whose successor lists differ (in targets or in the links behind them).
  const changed: number[] = [];
  for (let v = 0; v < n; v++) {
    const a0 = p.outStart[v]!;
    const a1 = p.outStart[v + 1]!;
    const b0 = g.outStart[v]!;
    let same = a1 - a0 === g.outStart[v + 1]! - b0;
    for (let k = 0; same && k < a1 - a0; k++) same = p.outTo[a0 + k] === g.outTo[b0 + k];
    if (same && !sameEdgeLinksOf(p, g, a0, b0, a1 - a0)) same = false;
    if (!same) {
      changed.push(v);
      if (changed.length > 16) return undefined;
    }
  }
  // Affected sources: every ancestor of a changed node (in g; ancestors in p are among them), every
  // node whose depth changed, and every predecessor of one.
  const affected = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  const mark = (v: number) => {
    if (affected[v] === 1) return;
    affected[v] = 1;
    queue[tail++] = v;
  };
  for (const v of changed) mark(v);
  while (head < tail) {
    const v = queue[head++]!;
    for (let e = g.inStart[v]!; e < g.inStart[v + 1]!; e++) mark(g.inFrom[e]!);
  }
  for (let v = 0; v < n; v++) {
    if (depth[v] === prev.depth[v]) continue;
    affected[v] = 1;
    for (let e = g.inStart[v]!; e < g.inStart[v + 1]!; e++) affected[g.inFrom[e]!] = 1;
  }
  let count = 0;
  for (let v = 0; v < n; v++) count += affected[v]!;
  if (count > n / 2) return undefined;

  const budget = redundantBudget(g);
  const r1 = redundantLinks(g, depth, budget, affected);
  if (!r1.complete) return undefined;
  let work = 0;
  const workBy = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    workBy[v] = affected[v] ? r1.work[v]! : r0.work[v]!;
    work += workBy[v]!;
  }
  // Sources left alone keep their earlier work count, which a changed depth elsewhere may shift a
  // little: stay well below the budget, and let a search from scratch decide near it.
  if (work > budget / 4) return undefined;
  // Merge by source, in source order (the order of a search from scratch).
  const links: RedundantLink[] = [];
  const sources: number[] = [];
  let i = 0;
  let j = 0;
  while (i < r0.links.length || j < r1.links.length) {
    // Skip results of affected sources from the earlier search.
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
  return { links, complete: true, sources: Int32Array.from(sources), work: workBy };
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
