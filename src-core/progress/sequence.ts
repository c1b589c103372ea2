import { prerequisiteGraph } from '../graph/prerequisiteGraph';
import type { CompetencyId } from '../model/ids';
import type { Framework } from '../model/types';
import { MinHeap } from './heap';
import { competencyRanks } from './order';

/** A suggested order to learn the competencies a learner has not mastered yet. */
export interface SuggestedSequence {
  /**
   * Not-yet-mastered competencies in an order that respects every prerequisite link (a prerequisite
   * comes before its dependent unless it is already mastered). The learner's ready-next competencies
   * come first; after them the order stays in one domain while it can.
   */
  order: CompetencyId[];
  /**
   * Competencies no order can reach because they are on a prerequisite cycle or depend on one
   * (display order). Empty for a valid framework; the checks name the cycle itself.
   */
  unreachable: CompetencyId[];
}

/**
 * Suggests a learning sequence (a topological order of the prerequisite graph, Kahn's algorithm
 * with priorities). `mastered` competencies are left out and count as done. Among the competencies
 * available at each step it takes, in this order of preference: one that is ready now (so the
 * ready-next list comes first), one in the same domain as the competency just placed, then the
 * earliest in display order (domain order, grade level, code). O((n + m) log n).
 * Never loops on a cyclic framework: what a cycle holds back is returned as `unreachable`.
 */
export function suggestedSequence(fw: Framework, mastered: ReadonlySet<string> = new Set()): SuggestedSequence {
  const g = prerequisiteGraph(fw);
  const ranks = competencyRanks(fw);
  const rank = new Float64Array(g.n);
  const domainOf: string[] = new Array<string>(g.n);
  for (let v = 0; v < g.n; v++) {
    const id = g.ids[v]!;
    rank[v] = ranks.get(id)!;
    domainOf[v] = fw.competencies[id]!.domainId ?? '';
  }
  const done = new Uint8Array(g.n);
  const pending = new Int32Array(g.n);
  for (let v = 0; v < g.n; v++) {
    if (mastered.has(g.ids[v]!)) done[v] = 1;
  }
  for (let v = 0; v < g.n; v++) {
    if (done[v]) continue;
    for (let e = g.inStart[v]!, end = g.inStart[v + 1]!; e < end; e++) if (!done[g.inFrom[e]!]) pending[v]!++;
  }

  const order: CompetencyId[] = [];
  const placed = new Uint8Array(g.n);
  const place = (v: number, onAvailable: (w: number) => void) => {
    placed[v] = 1;
    order.push(g.ids[v]!);
    for (let e = g.outStart[v]!, end = g.outStart[v + 1]!; e < end; e++) {
      const w = g.outTo[e]!;
      if (done[w]) continue;
      if (--pending[w]! === 0) onAvailable(w);
    }
  };

  // Phase 1: everything ready now, grouped by domain (display order already groups domains).
  const readyNow: number[] = [];
  for (let v = 0; v < g.n; v++) if (!done[v] && pending[v] === 0) readyNow.push(v);
  readyNow.sort((a, b) => rank[a]! - rank[b]!);
  const byDomain = new Map<string, MinHeap>();
  const key = (x: number) => rank[x]!;
  const makeAvailable = (w: number) => {
    let h = byDomain.get(domainOf[w]!);
    if (!h) byDomain.set(domainOf[w]!, (h = new MinHeap(key)));
    h.push(w);
  };
  for (const v of readyNow) place(v, makeAvailable);

  // Phase 2: the rest, staying in the current domain while it has available competencies.
  let currentDomain = readyNow.length ? domainOf[readyNow[readyNow.length - 1]!]! : undefined;
  for (;;) {
    let h = currentDomain !== undefined ? byDomain.get(currentDomain) : undefined;
    if (!h || h.size === 0) {
      h = undefined;
      for (const cand of byDomain.values()) {
        if (cand.size > 0 && (!h || key(cand.peek()!) < key(h.peek()!))) h = cand;
      }
      if (!h) break;
    }
    const v = h.pop()!;
    currentDomain = domainOf[v];
    place(v, makeAvailable);
  }

  const unreachable: CompetencyId[] = [];
  for (let v = 0; v < g.n; v++) if (!done[v] && !placed[v]) unreachable.push(g.ids[v]!);
  unreachable.sort((a, b) => ranks.get(a)! - ranks.get(b)!);
  return { order, unreachable };
}
