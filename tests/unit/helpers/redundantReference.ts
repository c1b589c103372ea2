import type { RedundantLink, RedundantLinks } from '../../../src-core/graph';
import type { PrerequisiteGraph } from '../../../src-core/graph';
import type { CompetencyId, LinkId } from '../../../src-core/model/ids';

/**
 * The redundant-link search as it was before the interval labels (session 3): from each source with a
 * candidate target, a depth-first search of every node above the deepest candidate target. Kept as the
 * reference the faster search must match link for link, chain for chain (same order, same `via`).
 * No budget: it always completes.
 */
export function redundantLinksReference(g: PrerequisiteGraph, depth: Int32Array): Omit<RedundantLinks, 'path' | 'pathStart'> {
  const { n, outStart, outTo } = g;
  const seen = new Int32Array(n).fill(-1);
  const target = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n);
  const stack = new Int32Array(n);
  const links: RedundantLink[] = [];
  const sources: number[] = [];
  const workBy = new Int32Array(n);
  for (let u = 0; u < n; u++) {
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
    for (let e0 = s; e0 < t; e0++) {
      const w0 = outTo[e0]!;
      if (seen[w0] === u || depth[w0]! >= limit) continue;
      seen[w0] = u;
      parent[w0] = u;
      let sp = 0;
      stack[sp++] = w0;
      while (sp > 0) {
        const c = stack[--sp]!;
        workBy[u] = workBy[u]! + 1;
        for (let e = outStart[c]!, end = outStart[c + 1]!; e < end; e++) {
          const x = outTo[e]!;
          if (target[x] === u) {
            target[x] = -1;
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
