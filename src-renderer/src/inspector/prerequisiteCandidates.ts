import type { CompetencyId } from '../../../src-core/model/ids';
import type { Competency, Framework } from '../../../src-core/model/types';

/**
 * How many competencies the inspector's "add a prerequisite" pickers list at most. Up to this many,
 * every other competency is offered; beyond it the picker gets a search field and lists the first
 * matches, so a 5,000-competency framework never mounts 5,000 `<option>`s per edit.
 */
export const PICKER_LIMIT = 100;

const collator = new Intl.Collator(undefined, { numeric: true });

// Sorted by code once per version of the competencies record (shared by both pickers and every
// inspector that shows them); a WeakMap so old document versions are dropped with the document.
const sortedCache = new WeakMap<Framework['competencies'], readonly Competency[]>();

/** Every competency of the framework, sorted by code (numeric-aware), memoised per version. */
export function competenciesByCode(competencies: Framework['competencies']): readonly Competency[] {
  let sorted = sortedCache.get(competencies);
  if (!sorted) {
    sorted = Object.values(competencies).sort((a, b) => collator.compare(a.code, b.code));
    sortedCache.set(competencies, sorted);
  }
  return sorted;
}

/** What a picker lists: the options shown and how many more matched than are shown. */
export interface Candidates {
  options: readonly Competency[];
  /** Matches that were left out because of the limit. */
  more: number;
}

/**
 * The competencies a picker for `self` offers: every other competency in code order whose code or
 * statement contains `query` (case-insensitive; all when `query` is blank), at most `limit`.
 */
export function prerequisiteCandidates(competencies: Framework['competencies'], self: CompetencyId, query: string, limit = PICKER_LIMIT): Candidates {
  const q = query.trim().toLowerCase();
  const options: Competency[] = [];
  let more = 0;
  for (const c of competenciesByCode(competencies)) {
    if (c.id === self) continue;
    if (q && !c.code.toLowerCase().includes(q) && !c.statement.toLowerCase().includes(q)) continue;
    if (options.length < limit) options.push(c);
    else more++;
  }
  return { options, more };
}
