import type { Learner, Progress, ProgressRecord } from './types';

/*
 * What a step of the undo history did to the progress, kept instead of the progress before and after it: a class
 * of 200 learners with 100,000 records kept a copy of the records list per step (~1 MB per phase recorded).
 *
 * Why a splice of each list, not immer patches as the map's history keeps (`produceWithPatches` / `applyPatches`):
 * measured at 200 learners × 500 records (`.qa/v/immer.ts`, esbuild bundle, Node 20 `--expose-gc`, heap after two
 * collections; box loaded, load 9–14, so times within 2× are noise), per step —
 * - a phase recorded (append): splice 1–3 KB, Undo 0.6–1.6 ms, Redo 0.8–1.8 ms; patches 3.4 KB (2 patches) but
 *   making the step 29 ms, Undo 81 ms, Redo 79 ms (immer walks and freezes the 100,000 records; without
 *   auto-freeze 27 / 19 / 4.9 ms);
 * - "Take back this record" (a record out of the middle): splice under 2 KB, 1–5 ms; patches one per shifted index,
 *   95,829 per step, 8.4 MB per step and 1.4–2.0 s to make, undo or redo (0.36 s to make with immer's array-method
 *   plugin, same patches);
 * - a learner added: splice ~0 KB and 0.02 ms; patches 0.4 KB, 0.6 ms;
 * - an import: both keep the two progress objects (16 MB for a 100,000-record class); immer adds ~1 s walking the
 *   new progress (1,088 ms against 128 ms, the class's own making included) and 50 ms per Undo (freezing).
 * And `applyPatches` puts back copies of the records (`deepClonePatchValue`), not the records: a record redone
 * would no longer be found by "Take back this record" (it looks for the very record), and immer freezes the
 * progress. So patches are neither as small nor as fast; the splice stays.
 *
 * Undo and Redo make each list in one copy (`spliced`), never by changing a list in place: the list left is
 * shared — by the panel's caches and React's last render of the state left, by a step that kept a whole progress
 * (an import) and, when a step changed only the learners, by the state before it.
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

/** At most this many items are passed to `toSpliced` as arguments (more could overflow the stack). */
const SPREAD_AT_MOST = 1024;

/**
 * `list` with `s` made (or, backwards, taken back): a new list sharing every item, made in one copy at its new
 * length (`toSpliced`) — a copy then pushes grew the list once more (Redo of a record at 100,000 records: two
 * copies). A new list, never `list` changed in place: the state left may still be shown, cached or kept by a step.
 */
export function spliced<T>(list: readonly T[], s: Splice<T> | null, backwards: boolean): T[] {
  if (!s) return list as T[];
  const [out, into] = backwards ? [s.inserted, s.removed] : [s.removed, s.inserted];
  if (into.length <= SPREAD_AT_MOST) return list.toSpliced(s.at, out.length, ...into);
  return list.slice(0, s.at).concat(into, list.slice(s.at + out.length));
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
