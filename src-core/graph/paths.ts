import type { CompetencyId } from '../model/ids';
import type { Framework } from '../model/types';
import { prerequisiteGraph, type PrerequisiteGraph } from './prerequisiteGraph';

/** A framework (its graph is built or taken from the cache) or an already built graph. */
export type GraphSource = Pick<Framework, 'competencies' | 'prerequisites'> | PrerequisiteGraph;

/** The graph of a {@link GraphSource}. */
export function graphOf(source: GraphSource): PrerequisiteGraph {
  return 'outStart' in source ? source : prerequisiteGraph(source);
}

/**
 * A shortest chain of prerequisite links leading from `fromId` to `toId`: `[fromId, …, toId]`, each
 * competency a prerequisite of the next. `[fromId]` when both are the same competency; `null` when
 * `toId` cannot be reached from `fromId` or either id is not a competency of the framework.
 *
 * Commands use it to refuse a link `to → from` that would close a cycle: such a link is refused
 * exactly when `findPrerequisitePath(fw, from, to)` is not null (see {@link wouldCreateCycle}).
 * Breadth-first, O(n + m) at worst, typed arrays only.
 */
export function findPrerequisitePath(
  source: GraphSource,
  fromId: CompetencyId | string,
  toId: CompetencyId | string,
): CompetencyId[] | null {
  const g = graphOf(source);
  const s = g.index.get(fromId);
  const t = g.index.get(toId);
  if (s === undefined || t === undefined) return null;
  if (s === t) return [g.ids[s]!];
  const parent = new Int32Array(g.n).fill(-1);
  parent[s] = s;
  const queue = new Int32Array(g.n);
  let head = 0;
  let tail = 0;
  queue[tail++] = s;
  while (head < tail) {
    const v = queue[head++]!;
    for (let e = g.outStart[v]!, end = g.outStart[v + 1]!; e < end; e++) {
      const w = g.outTo[e]!;
      if (parent[w] !== -1) continue;
      parent[w] = v;
      if (w === t) return unwind(g, parent, s, t);
      queue[tail++] = w;
    }
  }
  return null;
}

function unwind(g: PrerequisiteGraph, parent: Int32Array, s: number, t: number): CompetencyId[] {
  const path: CompetencyId[] = [];
  for (let v = t; ; v = parent[v]!) {
    path.push(g.ids[v]!);
    if (v === s) break;
  }
  return path.reverse();
}

/**
 * Whether adding the prerequisite link `from → to` ("`from` must be mastered before `to`") would close
 * a cycle. Returns the closed path the new link would create, in order and ending where it starts —
 * `[from, to, …, from]` — or `null` when the link is safe. A self-link gives `[from, from]`.
 * Ids that are not competencies of the framework give `null` (nothing to close).
 */
export function wouldCreateCycle(
  source: GraphSource,
  from: CompetencyId | string,
  to: CompetencyId | string,
): CompetencyId[] | null {
  const g = graphOf(source);
  if (!g.index.has(from) || !g.index.has(to)) return null;
  if (from === to) return [from as CompetencyId, from as CompetencyId];
  const back = findPrerequisitePath(g, to, from);
  return back ? [from as CompetencyId, ...back] : null;
}

/**
 * The competencies reachable from `id` along prerequisite links — downstream (`'out'`: what it unlocks,
 * directly or through others) or upstream (`'in'`: what it requires) — within `maxDepth` links (all by
 * default), nearest first; `id` itself is not included. Breadth-first over the typed arrays, O(what is reached).
 */
export function reachableFrom(source: GraphSource, id: CompetencyId | string, dir: 'in' | 'out', maxDepth = Infinity): CompetencyId[] {
  const g = graphOf(source);
  const s = g.index.get(id);
  if (s === undefined) return [];
  const [start, next] = dir === 'out' ? [g.outStart, g.outTo] : [g.inStart, g.inFrom];
  const seen = new Uint8Array(g.n);
  seen[s] = 1;
  const out: CompetencyId[] = [];
  let frontier = [s];
  for (let d = 0; d < maxDepth && frontier.length; d++) {
    const after: number[] = [];
    for (const v of frontier) {
      for (let e = start[v]!, end = start[v + 1]!; e < end; e++) {
        const w = next[e]!;
        if (seen[w]) continue;
        seen[w] = 1;
        out.push(g.ids[w]!);
        after.push(w);
      }
    }
    frontier = after;
  }
  return out;
}

/** Why a new link cannot be made: it exists already that way round, or it would close a prerequisite cycle. */
export type LinkBlock = 'linked' | 'cycle';

/**
 * The competencies that cannot be linked to `self`, and why — for `dir` 'in' (as a prerequisite of `self`):
 * those `self` already requires ('linked') and those downstream of it ('cycle', as {@link wouldCreateCycle}
 * says of each); for 'out' (as a competency `self` unlocks) the other way round. One walk, for pickers that
 * mark what the link commands would refuse.
 */
export function linkBlocks(source: GraphSource, self: CompetencyId | string, dir: 'in' | 'out'): ReadonlyMap<string, LinkBlock> {
  const out = new Map<string, LinkBlock>();
  for (const id of reachableFrom(source, self, dir, 1)) out.set(id, 'linked');
  for (const id of reachableFrom(source, self, dir === 'in' ? 'out' : 'in')) out.set(id, 'cycle');
  return out;
}
