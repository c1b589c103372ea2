import { layering } from '../graph/order';
import { prerequisiteGraph } from '../graph/prerequisiteGraph';
import type { CompetencyId } from '../model/ids';
import { formatLevels, minLevelRank } from '../model/levels';
import type { Framework } from '../model/types';
import { competencyRanks } from './order';

/**
 * The longest prerequisite chain: competencies `[first, …, last]`, each a prerequisite of the next.
 * Its length is the minimum number of competencies a learner starting from nothing must master, one
 * after another, to reach the end of the progression. Computed by the graph layering of
 * `src-core/graph` on the condensation, so a prerequisite cycle counts as one step (one of its
 * members stands for it) and never makes this loop. Empty for an empty framework.
 */
export function longestChain(fw: Framework): CompetencyId[] {
  return layering(prerequisiteGraph(fw)).longestChainIds;
}

/** A competency and how many others it holds back. */
export interface Bottleneck {
  id: CompetencyId;
  /** Competencies that depend on it directly or through a chain of prerequisites. */
  blocks: number;
  /** Competencies it is a direct prerequisite of. */
  direct: number;
}

/**
 * The competencies that block the most others transitively (the ones where a learner who is stuck
 * holds up the most of the progression), most first, ties in display order. Only competencies that
 * block at least one other are listed; at most `limit`. Safe on cyclic frameworks. O(n·(n + m)).
 */
export function bottlenecks(fw: Framework, limit = 10): Bottleneck[] {
  const g = prerequisiteGraph(fw);
  const ranks = competencyRanks(fw);
  const stamp = new Int32Array(g.n).fill(-1);
  const queue = new Int32Array(g.n);
  const out: Bottleneck[] = [];
  for (let s = 0; s < g.n; s++) {
    const direct = g.outStart[s + 1]! - g.outStart[s]!;
    if (direct === 0) continue;
    let head = 0;
    let tail = 0;
    let count = 0;
    stamp[s] = s;
    queue[tail++] = s;
    while (head < tail) {
      const v = queue[head++]!;
      for (let e = g.outStart[v]!, end = g.outStart[v + 1]!; e < end; e++) {
        const w = g.outTo[e]!;
        if (stamp[w] === s) continue;
        stamp[w] = s;
        count++;
        queue[tail++] = w;
      }
    }
    out.push({ id: g.ids[s]!, blocks: count, direct });
  }
  out.sort((a, b) => b.blocks - a.blocks || ranks.get(a.id)! - ranks.get(b.id)!);
  return out.slice(0, Math.max(0, limit));
}

/** Estimated learning load of one grade band. */
export interface GradeBandLoad {
  /** Label of the band, e.g. `Gr 3`, `Gr 3–5`, or `No grade level`. */
  band: string;
  /** The CEDS codes shared by the band's competencies (empty for `No grade level`). */
  levels: string[];
  competencies: number;
  /** Sum of the estimated hours of the band's competencies. */
  hours: number;
  /** Competencies of the band without an estimate (not counted in `hours`). */
  unestimated: number;
}

/** Label used for competencies without a grade level. */
export const NO_GRADE_BAND = 'No grade level';

/**
 * Load per grade band: competencies are grouped by their set of education levels (a competency for
 * grades 3–5 is its own band `Gr 3–5`), bands in learner order, `No grade level` last.
 */
export function loadByGradeBand(fw: Framework): GradeBandLoad[] {
  const bands = new Map<string, GradeBandLoad & { rank: number }>();
  for (const c of Object.values(fw.competencies)) {
    const levels = [...new Set(c.educationLevels)].sort((a, b) => (minLevelRank([a]) ?? 999) - (minLevelRank([b]) ?? 999) || (a < b ? -1 : 1));
    const band = levels.length ? formatLevels(levels) : NO_GRADE_BAND;
    let b = bands.get(band);
    if (!b) {
      b = { band, levels, competencies: 0, hours: 0, unestimated: 0, rank: levels.length ? minLevelRank(levels) ?? 998 : 999 };
      bands.set(band, b);
    }
    b.competencies++;
    if (c.estimatedHours === null) b.unestimated++;
    else b.hours += c.estimatedHours;
  }
  return [...bands.values()]
    .sort((a, b) => a.rank - b.rank || a.levels.length - b.levels.length || (a.band < b.band ? -1 : a.band > b.band ? 1 : 0))
    .map(({ rank: _rank, ...rest }) => rest);
}
