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

/**
 * The text a search result shows for a competency: its statement, unless the words searched for are
 * not in it but in its "I can" or its notes — then that text, so the user sees why it was found.
 */
export function resultText(c: Pick<Competency, 'code' | 'statement' | 'iCan' | 'notes'>, query: string): string {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const has = (t: string) => words.every((w) => `${c.code} ${t}`.toLowerCase().includes(w));
  if (!words.length || has(c.statement)) return c.statement || c.iCan;
  for (const t of [c.iCan, c.notes]) if (t && words.some((w) => t.toLowerCase().includes(w))) return t;
  return c.statement || c.iCan;
}

type Competencies = Framework['competencies'];

/** True when both maps hold the same competencies with the same code, statement, "I can" and notes. */
export function sameSearchText(a: Competencies, b: Competencies): boolean {
  if (a === b) return true;
  const ids = Object.keys(b) as (keyof Competencies)[];
  if (ids.length !== Object.keys(a).length) return false;
  for (const id of ids) {
    const x = a[id];
    const y = b[id]!;
    if (x !== y && (!x || x.code !== y.code || x.statement !== y.statement || x.iCan !== y.iCan || x.notes !== y.notes)) return false;
  }
  return true;
}

/**
 * A search that remembers its last answer: asked again with the same query after an edit that changed
 * no competency's searchable text (a move, a link, an alignment…), it returns the same results without
 * searching the whole map again.
 */
export function createCompetencySearch(limit = 20): (competencies: Competencies, query: string) => Competency[] {
  let last: { competencies: Competencies; query: string; results: Competency[] } | null = null;
  return (competencies, query) => {
    if (last && last.query === query && sameSearchText(last.competencies, competencies)) {
      last.competencies = competencies;
      return last.results;
    }
    const results = findCompetencies({ competencies }, query, limit);
    last = { competencies, query, results };
    return results;
  };
}
