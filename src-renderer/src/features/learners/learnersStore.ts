import { useSyncExternalStore } from 'react';
import type { Framework } from '../../../../src-core/model/types';
import { diffFrameworksFrom, type FrameworkDiff } from '../../../../src-core/progress/diff';
import type { Progress } from '../../../../src-core/progress/types';
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
  action?: { label: string; run: () => void };
  /** How the file was read when it was not UTF-8 (Windows-1252: check the accented names). */
  notice?: string;
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
/** Progress as it was opened or last saved: the panel's "not saved" is false only for these. */
const cleanProgress = new WeakSet<Progress>();

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

/** Records that `progress` is what a file holds now (opened or saved): undoing back to it leaves nothing unsaved. */
export function markProgressClean(progress: Progress | null): void {
  if (progress) cleanProgress.add(progress);
}

/** What a progress step changes, besides the progress: whose progress is shown and where it came from. */
type ProgressView = Pick<LearnersState, 'progress' | 'sourceName' | 'learnerId'>;

/**
 * Changes the progress as one undoable step named `label` (e.g. `record FR.3.4 at Proficient for Maya`):
 * sets `next` (and `extra`: a message…), and puts the step in line with the map's (`linkProgressHistory`).
 * Undo puts back the progress, the learner shown and the source as they were; `messages` say so in the panel.
 * A step whose progress was changed another way since is not undone (the history says so). `dirty` follows
 * the progress: false when it is one a file holds (`markProgressClean`).
 */
export function changeProgress(
  store: LearnersStore,
  label: string,
  next: Partial<ProgressView> & { progress: Progress | null },
  extra: Partial<LearnersState> = {},
  messages: { undone?: string; redone?: string } = {},
): AsideStep {
  const s = store.getSnapshot();
  const before: ProgressView = { progress: s.progress, sourceName: s.sourceName, learnerId: s.learnerId };
  const after: ProgressView = { ...before, ...next };
  const dirty = (p: Progress | null) => !!p && !cleanProgress.has(p);
  const to = (view: ProgressView, text: string | undefined) => store.set({ ...view, dirty: dirty(view.progress), message: text ? { kind: 'info', text } : null });
  const step: AsideStep = {
    owner: 'progress',
    label,
    undo: () => {
      if (store.getSnapshot().progress !== after.progress) return false;
      to(before, messages.undone);
      return true;
    },
    redo: () => {
      if (store.getSnapshot().progress !== before.progress) return false;
      to(after, messages.redone);
      return true;
    },
  };
  store.set({ ...extra, ...after, dirty: dirty(after.progress) });
  histories.get(store)?.recordAside(step);
  return step;
}

/** The learners state, re-rendering on change. */
export function useLearners(store: LearnersStore = learnersStore): LearnersState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
