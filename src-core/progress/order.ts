import type { CompetencyId } from '../model/ids';
import { minLevelRank } from '../model/levels';
import type { Competency, Framework } from '../model/types';

/**
 * Compares two strings the way people sort codes: digit runs by value (`M.NF.2` before `M.NF.10`),
 * the rest case-insensitively, then by raw text so the order is total and machine-independent.
 */
export function compareCodes(a: string, b: string): number {
  const ra = a.match(/\d+|\D+/g) ?? [];
  const rb = b.match(/\d+|\D+/g) ?? [];
  const n = Math.min(ra.length, rb.length);
  for (let i = 0; i < n; i++) {
    const x = ra[i]!;
    const y = rb[i]!;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      if (x.length !== y.length) return x.length - y.length;
    } else {
      const lx = x.toLowerCase();
      const ly = y.toLowerCase();
      if (lx !== ly) return lx < ly ? -1 : 1;
    }
  }
  if (ra.length !== rb.length) return ra.length - rb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The display order of a framework's competencies: by domain (the order of `fw.domains`,
 * competencies without a domain last), then by lowest grade level, then by code, then by id.
 * Lists of competencies in learner views and the CLI use it, so output is stable and readable.
 */
export function competencyOrder(fw: Pick<Framework, 'competencies' | 'domains'>): CompetencyId[] {
  const domainIndex = new Map<string, number>();
  fw.domains.forEach((d, i) => domainIndex.set(d.id, i));
  const key = (c: Competency) => ({
    domain: c.domainId !== null && domainIndex.has(c.domainId) ? domainIndex.get(c.domainId)! : Number.MAX_SAFE_INTEGER,
    level: minLevelRank(c.educationLevels) ?? Number.MAX_SAFE_INTEGER,
  });
  const list = Object.values(fw.competencies).map((c) => ({ c, k: key(c) }));
  list.sort(
    (x, y) =>
      x.k.domain - y.k.domain ||
      x.k.level - y.k.level ||
      compareCodes(x.c.code, y.c.code) ||
      (x.c.id < y.c.id ? -1 : x.c.id > y.c.id ? 1 : 0),
  );
  return list.map((x) => x.c.id);
}

/** Competency id → position in {@link competencyOrder}. */
export function competencyRanks(fw: Pick<Framework, 'competencies' | 'domains'>): Map<string, number> {
  const m = new Map<string, number>();
  competencyOrder(fw).forEach((id, i) => m.set(id, i));
  return m;
}

/** Sorts ids in place by display order (unknown ids last, by id). Returns the array. */
export function sortByRank<T extends string>(ids: T[], ranks: ReadonlyMap<string, number>): T[] {
  return ids.sort((a, b) => (ranks.get(a) ?? Infinity) - (ranks.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
}
