import type { CompetencyId } from '../../../src-core/model/ids';
import type { Competency, Framework, PrerequisiteLink } from '../../../src-core/model/types';

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
// The last sort, when every competency in it is stored under its own id (a file may have one that
// is not: then nothing is reused).
let lastSorted: readonly Competency[] | null = null;

/**
 * Every competency of the framework, sorted by code (numeric-aware), memoised per version. An edit
 * that keeps every id and code (a statement, a phase, a move: nearly every edit) keeps the last
 * order — one pass over the competencies instead of a sort of all of them.
 */
export function competenciesByCode(competencies: Framework['competencies']): readonly Competency[] {
  let sorted = sortedCache.get(competencies);
  if (!sorted) {
    const reused = lastSorted && sameOrder(lastSorted, competencies);
    if (reused) sorted = lastSorted = reused;
    else {
      let keyed = true;
      for (const k in competencies) if (competencies[k]!.id !== k) keyed = false;
      sorted = Object.values(competencies).sort((a, b) => collator.compare(a.code, b.code));
      lastSorted = keyed ? sorted : null;
    }
    sortedCache.set(competencies, sorted);
  }
  return sorted;
}

/** `prev` (sorted) with this version's competencies, when the ids and codes are the same; else null. */
function sameOrder(prev: readonly Competency[], competencies: Framework['competencies']): Competency[] | null {
  if (prev.length !== competencyCount(competencies)) return null;
  const out = new Array<Competency>(prev.length);
  for (let i = 0; i < prev.length; i++) {
    const c = competencies[prev[i]!.id];
    if (!c || c.code !== prev[i]!.code) return null;
    out[i] = c;
  }
  return out;
}

// Lower-cased code and statement per competency object (unchanged competencies keep their object
// across edits, so a search after an edit lower-cases only what the edit replaced).
const lowered = new WeakMap<Competency, { code: string; statement: string }>();
function lower(c: Competency): { code: string; statement: string } {
  let l = lowered.get(c);
  if (!l) lowered.set(c, (l = { code: c.code.toLowerCase(), statement: c.statement.toLowerCase() }));
  return l;
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
    if (q) {
      const l = lower(c);
      if (!l.code.includes(q) && !l.statement.includes(q)) continue;
    }
    if (options.length < limit) options.push(c);
    else more++;
  }
  return { options, more };
}

const countCache = new WeakMap<Framework['competencies'], number>();

/** How many competencies the record holds, memoised per version. */
export function competencyCount(competencies: Framework['competencies']): number {
  let n = countCache.get(competencies);
  if (n === undefined) {
    n = Object.keys(competencies).length;
    countCache.set(competencies, n);
  }
  return n;
}

type Link = PrerequisiteLink;
type LinkIndex = { incoming: Map<string, Link[]>; outgoing: Map<string, Link[]> };
const NO_LINKS: readonly Link[] = [];
const linkIndexCache = new WeakMap<Framework['prerequisites'], LinkIndex>();
// The links Map the last index was built or brought up to date for: the next version is compared
// with it, and when it differs only by links appended, removed or edited in place (one link edit,
// an undo, a paste), that index is brought up to date instead of rebuilt.
let last: { links: Framework['prerequisites']; index: LinkIndex } | null = null;

/**
 * The prerequisite links into (`incoming`, its prerequisites) and out of (`outgoing`, what it unlocks)
 * a competency, in document order. The index is kept per version of the links Map (immer replaces
 * the Map on a link edit and keeps it otherwise), so edits that do not touch links and selection
 * changes cost a lookup; a link edit updates the last index in one walk over the links, and only a
 * change of order or of a link's ends (reconnecting) rebuilds it.
 */
export function linksOf(prerequisites: Framework['prerequisites'], id: string): { incoming: readonly Link[]; outgoing: readonly Link[] } {
  let index = linkIndexCache.get(prerequisites);
  if (!index) {
    index = (last && updatedIndex(last.links, last.index, prerequisites)) || buildIndex(prerequisites);
    linkIndexCache.set(prerequisites, index);
    last = { links: prerequisites, index };
  }
  return { incoming: index.incoming.get(id) ?? NO_LINKS, outgoing: index.outgoing.get(id) ?? NO_LINKS };
}

function buildIndex(links: Framework['prerequisites']): LinkIndex {
  const index: LinkIndex = { incoming: new Map(), outgoing: new Map() };
  for (const l of links.values()) {
    add(index.incoming, l.to, l);
    add(index.outgoing, l.from, l);
  }
  return index;
}

function add(lists: Map<string, Link[]>, id: string, l: Link): void {
  const list = lists.get(id);
  if (list) list.push(l);
  else lists.set(id, [l]);
}

/**
 * `index` (of `prev`) brought up to date for `next`, or null when the difference is more than links
 * appended at the end, removed, or edited in place with the same ends. The lists it changes are
 * copied (a list handed out before stays as it was); the index then belongs to `next` only.
 */
function updatedIndex(prev: Framework['prerequisites'], index: LinkIndex, next: Framework['prerequisites']): LinkIndex | null {
  const removed: Link[] = [];
  const replaced: Link[] = [];
  const appended: Link[] = [];
  const old = prev.entries();
  let o = old.next();
  for (const [k, l] of next) {
    if (!o.done && o.value[0] !== k) {
      // links gone from this version are skipped over; anything else out of step means a new order
      while (!o.done && o.value[0] !== k && !next.has(o.value[0])) {
        removed.push(o.value[1]);
        o = old.next();
      }
      if (!o.done && o.value[0] !== k) return null; // moved, or added before the end
    }
    if (o.done) {
      if (prev.has(k)) return null;
      appended.push(l);
      continue;
    }
    const was = o.value[1];
    if (was !== l) {
      if (was.from !== l.from || was.to !== l.to) return null;
      replaced.push(l);
    }
    o = old.next();
  }
  for (; !o.done; o = old.next()) removed.push(o.value[1]);
  linkIndexCache.delete(prev); // its lists are changed in place or handed on: built anew if asked again
  const copied = new Set<Link[]>();
  const own = (lists: Map<string, Link[]>, id: string): Link[] => {
    const list = lists.get(id);
    if (list && copied.has(list)) return list;
    const mine = list ? list.slice() : [];
    copied.add(mine);
    lists.set(id, mine);
    return mine;
  };
  const remove = (lists: Map<string, Link[]>, id: string, l: Link) => {
    const list = own(lists, id);
    const i = list.findIndex((x) => x.id === l.id);
    if (i >= 0) list.splice(i, 1);
    if (!list.length) lists.delete(id);
  };
  const replace = (lists: Map<string, Link[]>, id: string, l: Link) => {
    const list = own(lists, id);
    const i = list.findIndex((x) => x.id === l.id);
    if (i >= 0) list[i] = l;
  };
  for (const l of removed) {
    remove(index.incoming, l.to, l);
    remove(index.outgoing, l.from, l);
  }
  for (const l of replaced) {
    replace(index.incoming, l.to, l);
    replace(index.outgoing, l.from, l);
  }
  for (const l of appended) {
    own(index.incoming, l.to).push(l);
    own(index.outgoing, l.from).push(l);
  }
  return index;
}
