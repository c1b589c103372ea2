import { useSyncExternalStore } from 'react';
import type { Framework } from '../../../../src-core/model/types';
import { diffFrameworksFrom, type FrameworkDiff } from '../../../../src-core/progress/diff';
import { applyChange, changeOf, reversedChange, type ProgressChange } from '../../../../src-core/progress/change';
import type { Progress, ProgressRecord } from '../../../../src-core/progress/types';
import type { AsideStep, EditorStore } from '../../store/editorStore';
import type { BannerProblem } from '../../store/session';
import { localTodayIso } from '../../../../src-core/progress/dates';

/** The sections of the Learners panel. */
export type LearnersTab = 'learner' | 'class' | 'path' | 'pacing' | 'review' | 'compare';

/** A message shown at the top of the panel (import errors list every bad row). */
export interface LearnersMessage {
  kind: 'error' | 'info';
  text: string;
  details?: string[];
  /** The problems behind an error when there are several (a file that breaks the schema), listed as the open-error banner lists them. */
  problems?: BannerProblem[];
  /** A way out the message offers (e.g. read the dates a spreadsheet wrote another way): a button. */
  action?: {
    label: string;
    run: () => void;
    /**
     * The step of the history the button undoes: while it is not the last step (the user did something since),
     * the button reads `laterLabel` and `laterHint` says what it does then.
     */
    step?: () => AsideStep;
    laterLabel?: string;
    laterHint?: string;
    /**
     * Why the button cannot do what it says now, or null when it can (asked on each render): the button is then
     * disabled and the reason shown — e.g. an import the progress was changed after cannot be taken back exactly.
     */
    blocked?: () => string | null;
  };
  /** How the file was read when it was not UTF-8 (Windows-1252: check the accented names). */
  notice?: string;
  /**
   * The record this message says was taken back (Undo of a recorded phase): the Record form, showing that learner
   * and competency, fills in its phase, date and evidence again — to record it right without typing it again.
   */
  tookBack?: ProgressRecord;
}

/** Another version of the framework, loaded to compare with the open one. */
export interface Comparison {
  name: string;
  /** The other (older) version. */
  framework: Framework;
  /** The differences from `framework` to `against`, the open framework as it was when the comparison was loaded. */
  diff: FrameworkDiff;
  against: Framework;
}

const lastDiff = new WeakMap<Comparison, { fw: Framework; diff: FrameworkDiff }>();

/**
 * The differences between the other version and the open framework as it is now: the comparison's own
 * `diff` until the framework is edited, then taken again (once per edit, remembered) — the lists, the
 * canvas colours and the change log follow edits and undo instead of showing the framework as it was.
 */
export function comparisonDiff(c: Comparison, fw: Framework): FrameworkDiff {
  if (fw === c.against) return c.diff;
  const last = lastDiff.get(c);
  if (last && last.fw === fw) return last.diff;
  // from the last diff: only the competencies, links… the edits since touched are compared again
  const diff = diffFrameworksFrom(last?.diff ?? c.diff, c.framework, fw);
  lastDiff.set(c, { fw, diff });
  return diff;
}

/**
 * Learner-side state of one window. Progress is private data kept apart from the framework
 * document: it is never part of the framework's undo history and never saved into the framework.
 */
export interface LearnersState {
  progress: Progress | null;
  /** Where the progress came from (file name), for the panel header. */
  sourceName: string | null;
  /** Progress changed since it was imported or saved. */
  dirty: boolean;
  /** The learner shown; null = the whole class. */
  learnerId: string | null;
  /** Colour the canvas by the learner's phases (mastered / ready / blocked). */
  overlay: boolean;
  /** Number the canvas nodes in the suggested sequence. */
  showPath: boolean;
  /** Colour the canvas by the comparison (added / changed). */
  showDiff: boolean;
  tab: LearnersTab;
  pacing: { hoursPerWeek: number; startDate: string; targetDate: string };
  compare: Comparison | null;
  studentViewOpen: boolean;
  message: LearnersMessage | null;
  /** Today where the user is (when the window opened), YYYY-MM-DD: progress dated after it is flagged as a likely typo. */
  today: string;
}

export function initialLearnersState(now: Date = new Date()): LearnersState {
  return {
    progress: null,
    sourceName: null,
    dirty: false,
    learnerId: null,
    overlay: true,
    showPath: false,
    showDiff: true,
    tab: 'learner',
    pacing: { hoursPerWeek: 3, startDate: localTodayIso(now), targetDate: '' },
    compare: null,
    studentViewOpen: false,
    message: null,
    today: localTodayIso(now),
  };
}

export interface LearnersStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): LearnersState;
  set(patch: Partial<LearnersState> | ((s: LearnersState) => Partial<LearnersState>)): void;
}

/** A small external store (same pattern as the editor store), outside React. */
export function createLearnersStore(init: LearnersState = initialLearnersState()): LearnersStore {
  let state = init;
  const listeners = new Set<() => void>();
  return {
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    getSnapshot: () => state,
    set(patch) {
      const p = typeof patch === 'function' ? patch(state) : patch;
      state = { ...state, ...p };
      for (const l of [...listeners]) l();
    },
  };
}

/** The window's learners store (one per renderer window, like the editor). */
export const learnersStore = createLearnersStore();

/**
 * Keeps the comparison with the document it was made for: when the window opens another framework (New,
 * Open, a drop, an import as a new framework — another framework id), the comparison is closed, with a
 * note in the panel, instead of colouring the new map as all added and listing it as changed. Opening
 * another version of the same framework (same id) keeps it: it then compares with that version. Progress
 * stays (the panel says when it was recorded for another framework). Returns the unsubscribe.
 */
export function followDocument(editor: { subscribe(l: () => void): () => void; getSnapshot(): { doc: { framework: Framework } } }, store: LearnersStore = learnersStore): () => void {
  let id = editor.getSnapshot().doc.framework.id;
  return editor.subscribe(() => {
    const next = editor.getSnapshot().doc.framework.id;
    if (next === id) return;
    id = next;
    const c = store.getSnapshot().compare;
    if (!c) return;
    store.set({
      compare: null,
      message: { kind: 'info', text: `The comparison with ${c.name} was closed: another framework is open. Compare again to see what changed in it.` },
    });
  });
}

/** The editor store's history, where progress steps take their place in line with the map's steps. */
export type ProgressHistory = Pick<EditorStore, 'recordAside' | 'forgetAside' | 'isLatest' | 'undo'>;

const histories = new WeakMap<LearnersStore, ProgressHistory>();

/**
 * Puts the progress of `store` in line with the editor's Undo / Redo (Ctrl+Z, the toolbar, the Edit menu): a
 * phase recorded by mistake is undone by Ctrl+Z, not the last map edit. Progress itself stays out of the
 * framework, its file and its revisions (see `AsideStep`). Returns the unlink.
 */
export function linkProgressHistory(history: ProgressHistory, store: LearnersStore = learnersStore): () => void {
  histories.set(store, history);
  return () => {
    if (histories.get(store) === history) histories.delete(store);
  };
}

/** The history `store` is linked to, if any. */
export function progressHistoryOf(store: LearnersStore): ProgressHistory | undefined {
  return histories.get(store);
}

/*
 * Revisions of the progress. Every state the history makes gets a number; a step remembers the numbers before
 * and after it, never the progress itself (a class of 200 learners with 100,000 records kept a copy of the
 * records list per step: ~1 MB per phase recorded). A step is undone only while the progress is the state it
 * made (Redo: the state it was made on); progress set any other way gets a number of its own, so such a step
 * then refuses, as before.
 */
let revisionCounter = 0;
/** The progress a store shows as the history last left it, and its revision. */
const tracked = new WeakMap<LearnersStore, { progress: Progress | null; revision: number }>();
/** The revision of each progress object the history made (what `markProgressClean` marks). */
const revisionOfObject = new WeakMap<Progress, number>();
/** Progress as it was opened or last saved: the panel's "not saved" is false only for these … */
const cleanProgress = new WeakSet<Progress>();
/** … and for the states with these revisions (an undo or redo back to a saved state makes a new object). */
const cleanRevisions = new Set<number>();

function track(store: LearnersStore, progress: Progress | null, revision: number): void {
  tracked.set(store, { progress, revision });
  if (!progress) return;
  revisionOfObject.set(progress, revision);
  if (cleanProgress.has(progress)) cleanRevisions.add(revision);
}

/** The revision of the progress `store` shows now (a new one for progress set outside the history). */
function revisionOf(store: LearnersStore): number {
  const progress = store.getSnapshot().progress;
  const t = tracked.get(store);
  if (t && t.progress === progress) return t.revision;
  const revision = ++revisionCounter;
  track(store, progress, revision);
  return revision;
}

/** Whether `progress`, at `revision`, differs from what a file holds. */
function unsaved(progress: Progress | null, revision: number): boolean {
  return !!progress && !cleanRevisions.has(revision);
}

/** Records that `progress` is what a file holds now (opened or saved): undoing back to it leaves nothing unsaved. */
export function markProgressClean(progress: Progress | null): void {
  if (!progress) return;
  cleanProgress.add(progress);
  const revision = revisionOfObject.get(progress);
  if (revision !== undefined) cleanRevisions.add(revision);
}

/** What a progress step changes, besides the progress: whose progress is shown and where it came from. */
type ProgressView = Pick<LearnersState, 'progress' | 'sourceName' | 'learnerId'>;
type Shown = Pick<LearnersState, 'sourceName' | 'learnerId'>;

/** What a progress step keeps: what it changed, the revisions of the progress before and after it, whose it showed. */
interface ProgressStepMade {
  change: ProgressChange;
  revisions: { before: number; after: number };
  shown: { before: Shown; after: Shown };
}
const stepsMade = new WeakMap<AsideStep, ProgressStepMade>();

type StepMessages = { undone?: string | LearnersMessage; redone?: string | LearnersMessage };

/**
 * Makes the step `made` describes, as it is now (the progress already at `made.revisions.after`): it is set with
 * `extra`, and put in line with the map's steps. Undo and Redo check the revision first (`changeProgress`).
 */
function commitStep(store: LearnersStore, label: string, made: ProgressStepMade, progress: Progress | null, extra: Partial<LearnersState>, messages: StepMessages): AsideStep {
  // a message of its own each time (the Record form fills in a record taken back on each Undo)
  const said = (m: string | LearnersMessage | null | undefined): LearnersMessage | null => (typeof m === 'string' ? { kind: 'info', text: m } : m ? { ...m } : null);
  const redone = 'redone' in messages ? messages.redone : extra.message;
  const { change, revisions, shown } = made;
  const go = (backwards: boolean): boolean => {
    if (revisionOf(store) !== (backwards ? revisions.after : revisions.before)) return false;
    const next = applyChange(store.getSnapshot().progress, change, backwards);
    const revision = backwards ? revisions.before : revisions.after;
    track(store, next, revision);
    store.set({ progress: next, ...(backwards ? shown.before : shown.after), dirty: unsaved(next, revision), message: said(backwards ? messages.undone : redone) });
    return true;
  };
  const step: AsideStep = { owner: 'progress', label, undo: () => go(true), redo: () => go(false) };
  stepsMade.set(step, made);
  track(store, progress, revisions.after);
  store.set({ ...extra, progress, ...shown.after, dirty: unsaved(progress, revisions.after) });
  histories.get(store)?.recordAside(step);
  return step;
}

/**
 * Changes the progress as one undoable step named `label` (e.g. `record FR.3.4 at Proficient for Maya`):
 * sets `next` (and `extra`: a message…), and puts the step in line with the map's (`linkProgressHistory`).
 * Undo puts back the progress, the learner shown and the source as they were; `messages` say so in the panel
 * (Redo shows `extra`'s message again unless `messages.redone` says otherwise). The step keeps what changed,
 * not the progress (`ProgressChange`). A step whose progress was changed another way since is not undone (the
 * history says so). `dirty` follows the progress: false when it is one a file holds (`markProgressClean`).
 */
export function changeProgress(
  store: LearnersStore,
  label: string,
  next: Partial<ProgressView> & { progress: Progress | null },
  extra: Partial<LearnersState> = {},
  messages: StepMessages = {},
): AsideStep {
  const s = store.getSnapshot();
  const made: ProgressStepMade = {
    change: changeOf(s.progress, next.progress),
    revisions: { before: revisionOf(store), after: ++revisionCounter },
    shown: { before: { sourceName: s.sourceName, learnerId: s.learnerId }, after: { sourceName: next.sourceName ?? s.sourceName, learnerId: next.learnerId === undefined ? s.learnerId : next.learnerId } },
  };
  return commitStep(store, label, made, next.progress, extra, messages);
}

/** Whether the progress of `store` is still as `step` (a progress step) left it: `takeBackProgressStep` can take it back. */
export function progressIsAsStepLeftIt(store: LearnersStore, step: AsideStep): boolean {
  const made = stepsMade.get(step);
  return !!made && revisionOf(store) === made.revisions.after;
}

/**
 * Takes `step` back as a step of its own named `label`, the steps made since it (on the map) left as they are:
 * the progress becomes again the very state before `step` — unsaved only if that was. Only while the progress is
 * as `step` left it; null otherwise, and nothing is changed. Undo of the new step puts back what `step` did (and
 * `step` itself, below in the history, stays undoable).
 */
export function takeBackProgressStep(store: LearnersStore, step: AsideStep, label: string, extra: Partial<LearnersState> = {}, messages: StepMessages = {}): AsideStep | null {
  const made = stepsMade.get(step);
  if (!made || !progressIsAsStepLeftIt(store, step)) return null;
  const s = store.getSnapshot();
  const back: ProgressStepMade = {
    change: reversedChange(made.change),
    revisions: { before: made.revisions.after, after: made.revisions.before },
    shown: { before: { sourceName: s.sourceName, learnerId: s.learnerId }, after: made.shown.before },
  };
  return commitStep(store, label, back, applyChange(s.progress, made.change, true), extra, messages);
}

/** The learners state, re-rendering on change. */
export function useLearners(store: LearnersStore = learnersStore): LearnersState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
