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
export function redundantLinks(g: PrerequisiteGraph, depth: Int32Array, budget = 200 * (g.n + g.m) + 100_000): RedundantLinks {
  const { n, outStart, outTo } = g;
  const seen = new Int32Array(n).fill(-1); // stamp: visited in the search from u
  const target = new Int32Array(n).fill(-1); // stamp: v is a candidate target of u
  const parent = new Int32Array(n); // DFS tree, valid for nodes stamped with u
  const stack = new Int32Array(n);
  const links: RedundantLink[] = [];
  let work = 0;
  let complete = true;

  for (let u = 0; u < n && complete; u++) {
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
  }
  return { links, complete };
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
