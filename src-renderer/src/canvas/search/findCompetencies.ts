import type { Competency, Framework } from '../../../../src-core/model/types';

/**
 * Competencies matching a search, best first: exact code, code prefix, code contains, then statement
 * or "I can" text contains (case-insensitive, every word must match).
 */
export function findCompetencies(fw: Pick<Framework, 'competencies'>, query: string, limit = 20): Competency[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const words = q.split(/\s+/);
  const scored: { c: Competency; score: number }[] = [];
  for (const c of Object.values(fw.competencies)) {
    const code = c.code.toLowerCase();
    let score = 0;
    if (code === q) score = 4;
    else if (code.startsWith(q)) score = 3;
    else if (code.includes(q)) score = 2;
    else {
      const text = `${c.code} ${c.statement} ${c.iCan} ${c.notes}`.toLowerCase();
      if (words.every((w) => text.includes(w))) score = 1;
    }
    if (score) scored.push({ c, score });
  }
  scored.sort((a, b) => b.score - a.score || a.c.code.localeCompare(b.c.code, undefined, { numeric: true }));
  return scored.slice(0, limit).map((s) => s.c);
}
