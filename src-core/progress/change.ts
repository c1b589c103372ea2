import type { Learner, Progress, ProgressRecord } from './types';

/*
 * What a step of the undo history did to the progress, kept instead of the progress before and after it: a class
 * of 200 learners with 100,000 records kept a copy of the records list per step (~1 MB per phase recorded).
 */

/** A change of one list: at `at`, `removed` gave way to `inserted`. */
export interface Splice<T> {
  at: number;
  removed: readonly T[];
  inserted: readonly T[];
}

/** The one splice that turns `a` into `b` (what lies between their common head and tail), or null when they are the same. */
export function spliceOf<T>(a: readonly T[], b: readonly T[]): Splice<T> | null {
  if (a === b) return null;
  const n = Math.min(a.length, b.length);
  let head = 0;
  while (head < n && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < n - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { at: head, removed: a.slice(head, a.length - tail), inserted: b.slice(head, b.length - tail) };
}

/** `list` with `s` made (or, backwards, taken back): a new list sharing every item. */
export function spliced<T>(list: readonly T[], s: Splice<T> | null, backwards: boolean): T[] {
  if (!s) return list as T[];
  const [out, into] = backwards ? [s.inserted, s.removed] : [s.removed, s.inserted];
  const next = list.slice(0, s.at);
  for (const x of into) next.push(x);
  for (let i = s.at + out.length; i < list.length; i++) next.push(list[i]!);
  return next;
}

/** The progress without its lists: its framework's id and title. */
export type ProgressHead = Omit<Progress, 'learners' | 'records'>;

/**
 * What a step did to the progress: the progress before and after when it was replaced (an import, the first
 * learner added), else only what changed in its lists — a record appended, a learner added, a record taken back.
 */
export type ProgressChange =
  | { kind: 'replace'; before: Progress | null; after: Progress | null }
  | { kind: 'splice'; head: { before: ProgressHead; after: ProgressHead }; learners: Splice<Learner> | null; records: Splice<ProgressRecord> | null };

function headOf(p: Progress): ProgressHead {
  const { learners: _l, records: _r, ...head } = p;
  return head;
}

/** Spliced lists when they are a small part of the whole; the two progress objects otherwise (they are kept either way). */
export function changeOf(before: Progress | null, after: Progress | null): ProgressChange {
  if (!before || !after) return { kind: 'replace', before, after };
  const learners = spliceOf(before.learners, after.learners);
  const records = spliceOf(before.records, after.records);
  const moved = (s: Splice<unknown> | null) => (s ? s.removed.length + s.inserted.length : 0);
  if (moved(records) + moved(learners) > (before.records.length + before.learners.length) / 2) return { kind: 'replace', before, after };
  return { kind: 'splice', head: { before: headOf(before), after: headOf(after) }, learners, records };
}

/**
 * The progress after `change` is made (`backwards`: taken back) on `now`, the state it left (or was made on).
 * `now` must be that state: a splice is made at its place in the lists, whatever they hold.
 */
export function applyChange(now: Progress | null, change: ProgressChange, backwards: boolean): Progress | null {
  if (change.kind === 'replace') return backwards ? change.before : change.after;
  if (!now) return null; // not reached when `now` is the state the change was made on or left
  return { ...now, ...(backwards ? change.head.before : change.head.after), learners: spliced(now.learners, change.learners, backwards), records: spliced(now.records, change.records, backwards) };
}

/** `change` the other way round: what takes it back. */
export function reversedChange(change: ProgressChange): ProgressChange {
  if (change.kind === 'replace') return { kind: 'replace', before: change.after, after: change.before };
  const back = <T>(s: Splice<T> | null): Splice<T> | null => s && { at: s.at, removed: s.inserted, inserted: s.removed };
  return { kind: 'splice', head: { before: change.head.after, after: change.head.before }, learners: back(change.learners), records: back(change.records) };
}
