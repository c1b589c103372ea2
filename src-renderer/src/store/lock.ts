import type { Patch } from 'immer';
import type { Framework, FrameworkStatus } from '../../../src-core/model/types';

/**
 * Review lock (issue 8): an adopted or deprecated framework is locked against accidental edits.
 *
 * The rule lives in the editor store (one place), not in the components:
 * - While locked, a step (a command, or an undo/redo step) is refused unless every change it makes is to
 *   a top-level field in {@link LOCK_EXEMPT_FIELDS}: the review `status` (so the workflow can move on —
 *   "New draft", which also moves the `version` on — and an accidental "Adopted" can be undone), review `comments` (reviewers comment on an
 *   adopted framework) and the `lastChangeDateTime` stamp every edit carries.
 * - Unlocking is session state: never saved, never undone, cleared when another document is loaded
 *   and whenever a step moves the status (back) to adopted or deprecated.
 * - Undo/redo while locked: history is kept; stepping back over the status change that locked the
 *   framework is allowed (it unlocks by making it a draft again), stepping over content edits is
 *   refused with the same notice until the user unlocks.
 */
export const LOCKED_STATUSES: readonly FrameworkStatus[] = ['adopted', 'deprecated'];

/** Top-level framework fields a locked framework still lets change. */
export const LOCK_EXEMPT_FIELDS: ReadonlySet<string> = new Set(['status', 'comments', 'lastChangeDateTime']);

/** True when a framework with this status is locked (unless the user unlocked it for this session). */
export function isLockedStatus(status: FrameworkStatus): boolean {
  return LOCKED_STATUSES.includes(status);
}

/** The notice shown when a locked framework refuses an edit. */
export function lockMessage(status: FrameworkStatus): string {
  return `This framework is ${status} and locked. Unlock to edit.`;
}

/**
 * True when the patches change only fields a locked framework allows to change — and, in the step that
 * takes it out of a locked status (starting a new draft), its `version` too.
 */
export function onlyLockExemptChanges(patches: readonly Patch[]): boolean {
  const leavesLock = patches.some((p) => p.path.length === 1 && p.path[0] === 'status' && p.op === 'replace' && !isLockedStatus(p.value as FrameworkStatus));
  return patches.every((p) => p.path.length > 0 && (LOCK_EXEMPT_FIELDS.has(String(p.path[0])) || (leavesLock && p.path.length === 1 && p.path[0] === 'version')));
}

/** True when a step moved the framework into a locked status (which locks it again after an unlock). */
export function enteredLockedStatus(before: Framework, after: Framework): boolean {
  return before.status !== after.status && isLockedStatus(after.status);
}
