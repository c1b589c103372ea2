import type { Framework } from '../../../../src-core/model/types';

/**
 * Where the keyboard focus goes on the map after an edit made from the keyboard takes its card away
 * (Delete) or brings cards back (Undo / Redo): pure decisions over the Tab walk (`readingOrder` in
 * canvas/actions.ts), so a screen reader always has a card to read instead of the page.
 */

/** The Tab walk: the competencies in reading order and each one's place in it. */
export interface Walk {
  ids: readonly string[];
  rank: ReadonlyMap<string, number>;
}

/** Ids the walk leaves out (competencies inside a collapsed domain), or null. */
export type Hidden = { has(id: string): boolean } | null | undefined;

/**
 * The competency that takes the focus when `gone` leave the map: the next one of the walk after the place
 * of `anchor` (the card that had the focus; else the first of `gone` in the walk), or the previous one when
 * nothing comes after it; `undefined` when nothing is left to walk (the map itself takes the focus then).
 * Competencies in `gone` and hidden ones are skipped. `walk` is the walk from before the removal.
 */
export function focusAfterRemoval(walk: Walk, gone: ReadonlySet<string>, anchor?: string, hidden?: Hidden): string | undefined {
  const { ids, rank } = walk;
  let at = anchor === undefined ? undefined : rank.get(anchor);
  if (at === undefined) {
    for (const id of gone) {
      const r = rank.get(id);
      if (r !== undefined && (at === undefined || r < at)) at = r;
    }
  }
  const out = (id: string) => gone.has(id) || !!hidden?.has(id);
  if (at === undefined) return ids.find((id) => !out(id));
  for (let i = at + 1; i < ids.length; i++) if (!out(ids[i]!)) return ids[i];
  for (let i = at - 1; i >= 0; i--) if (!out(ids[i]!)) return ids[i];
  return undefined;
}

/** The competencies one step (an edit, an undo, a redo) brought, changed or took away. */
export interface StepTouches {
  /** Competencies that were not there before (an undone delete, a redone add). */
  added: string[];
  /** Competencies there before and after whose record or links changed (not in `added`). */
  changed: string[];
  /** Competencies there before and not after. */
  removed: string[];
}

type Graph = Pick<Framework, 'competencies' | 'prerequisites'>;

/**
 * What changed between two frameworks one step apart. Immer shares what a step left alone, so records are
 * compared by identity: an untouched map costs nothing; a link counts for both of its ends.
 */
export function stepTouches(before: Graph, after: Graph): StepTouches {
  const added: string[] = [];
  const removed: string[] = [];
  const changed = new Set<string>();
  if (before.competencies !== after.competencies) {
    for (const id in after.competencies) {
      const was = before.competencies[id];
      if (!was) added.push(id);
      else if (was !== after.competencies[id]) changed.add(id);
    }
    for (const id in before.competencies) if (!after.competencies[id]) removed.push(id);
  }
  if (before.prerequisites !== after.prerequisites) {
    const fresh = new Set(added);
    const touch = (id: string) => {
      if (after.competencies[id] && !fresh.has(id)) changed.add(id);
    };
    for (const [id, l] of after.prerequisites) {
      if (before.prerequisites.get(id) !== l) {
        touch(l.from);
        touch(l.to);
      }
    }
    for (const [id, l] of before.prerequisites) {
      if (!after.prerequisites.has(id)) {
        touch(l.from);
        touch(l.to);
      }
    }
  }
  return { added, changed: [...changed], removed };
}

/** Where the focus goes after a step: `focus` takes it, `select` is selected (focus first); `map`: no card is left. */
export type StepFocus = { kind: 'card'; focus: string; select: string[] } | { kind: 'map' } | null;

/**
 * Where the keyboard focus goes after an Undo or Redo on the map (null: it stays where it is):
 * - the step brought competencies back: onto them (all selected, the focus on `current` if it is one of them,
 *   else on the first in the walk);
 * - it took competencies away: if the focused one (`current`) is still there, it keeps the focus; else the next
 *   in the walk where it was, as after Delete (`focusAfterRemoval`), or the map when none is left;
 * - it changed competencies (an edit, a move, a link): `current` if it is one of them, else the first in the walk.
 * `walkBefore` / `walkAfter` are the walks of `before` and `after`.
 */
export function focusAfterStep(
  before: Graph,
  after: Graph,
  walks: { before: Walk; after: Walk },
  current: string | undefined,
  hidden?: Hidden,
): StepFocus {
  const t = stepTouches(before, after);
  const inWalk = (ids: readonly string[], walk: Walk) => [...ids].sort((a, b) => (walk.rank.get(a) ?? 0) - (walk.rank.get(b) ?? 0));
  if (t.added.length) {
    const sorted = inWalk(t.added, walks.after);
    const focus = current !== undefined && t.added.includes(current) ? current : sorted[0]!;
    return { kind: 'card', focus, select: [focus, ...sorted.filter((id) => id !== focus)] };
  }
  if (t.removed.length) {
    if (current !== undefined && after.competencies[current]) return { kind: 'card', focus: current, select: [current] };
    const gone = new Set(t.removed);
    const next = focusAfterRemoval(walks.before, gone, current !== undefined && gone.has(current) ? current : undefined, hidden);
    return next === undefined ? { kind: 'map' } : { kind: 'card', focus: next, select: [next] };
  }
  if (t.changed.length) {
    const focus = current !== undefined && t.changed.includes(current) ? current : inWalk(t.changed, walks.after)[0]!;
    return { kind: 'card', focus, select: [focus] };
  }
  return null;
}
