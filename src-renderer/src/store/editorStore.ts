import { applyPatches, type Patch } from 'immer';
import { applyCommand, type Command } from '../../../src-core/commands/command';
import type { DocToken } from '../../../src-core/host/contract';
import type { CompetencyId } from '../../../src-core/model/ids';
import type { Framework } from '../../../src-core/model/types';
import type { Problem } from '../../../src-core/result';
import { freezeWhenIdle } from './freezeIdle';
import { enteredLockedStatus, isLockedStatus, lockMessage, onlyLockExemptChanges } from './lock';
import { initialSession, type SessionState } from './session';

type Selection = SessionState['selection'];

/** One undoable step: what the user did, and how to redo / undo it. */
export interface HistoryEntry {
  label: string;
  patches: Patch[];
  inversePatches: Patch[];
  /** Document revisions before and after the step (dirty tracking survives undo/redo). */
  before: number;
  after: number;
  /**
   * The selection when the step was made (the cards it concerned: those pasted from, deleted, edited, nudged):
   * Undo brings it back, as Figma and draw.io do, instead of leaving nothing or the wrong card selected.
   */
  selection: Selection;
}

/**
 * A step taken beside the document — progress recorded in the Learners panel. It is never part of the
 * framework, its file or its revisions: the history only keeps its place in line, so Ctrl+Z undoes whichever
 * was done last, a recorded phase or a map edit (a teacher's wrong phase was never undone; a map edit was,
 * by surprise). `undo` / `redo` return false when the step can no longer be taken back (its data changed
 * another way): the history then drops it and says so, and undoes nothing else.
 */
export interface AsideStep {
  /** Whose step it is (e.g. `progress`): `forgetAside(owner)` drops them all when that data is replaced. */
  owner: string;
  /** What Undo / Redo say, e.g. `record FR.3.4 at Proficient for Maya`. */
  label: string;
  undo(): boolean;
  redo(): boolean;
}

type Entry = ({ kind: 'doc' } & HistoryEntry) | { kind: 'aside'; label: string; step: AsideStep };

/** The open document: the framework plus where it lives. */
export interface DocumentState {
  framework: Framework;
  /** Display name (file name or "Untitled framework"). */
  name: string;
  /** Host token to save back to the same file; null for a new or uploaded document. */
  docToken: DocToken | null;
  /** Changes with every edit, undo and redo; equals `savedRevision` when nothing is unsaved. */
  revision: number;
  savedRevision: number;
}

/** An immutable snapshot of the editor, as React reads it with `useSyncExternalStore`. */
export interface EditorSnapshot {
  doc: DocumentState;
  dirty: boolean;
  /** Label of the step Undo would revert (e.g. "link 3.NF.A.1 → 3.NF.A.2"), or null. */
  undoLabel: string | null;
  redoLabel: string | null;
  undoDepth: number;
  redoDepth: number;
  /**
   * The framework is adopted or deprecated and not unlocked: document edits are refused (see store/lock.ts).
   * Changing the status and review comments stay allowed.
   */
  locked: boolean;
  /** The status locks the framework (true also while the user has unlocked it, to offer "Lock again"). */
  lockable: boolean;
  session: SessionState;
}

export type RunResult = { ok: true; changed: boolean; label: string } | { ok: false; error: Problem };

export interface EditorStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): EditorSnapshot;
  /** Runs a command; on success records one undo step (if it changed anything) and drops redo. */
  run(cmd: Command): RunResult;
  /** Undoes the last step (a map edit, or a step recorded with `recordAside`); its label, or null. */
  undo(): string | null;
  redo(): string | null;
  /** Puts a step taken beside the document in line with the map's steps (drops redo, as an edit does). */
  recordAside(step: AsideStep): void;
  /** Drops every step of `owner` from the history (its data was replaced: they can no longer be undone). */
  forgetAside(owner: string): void;
  /** True when `step` is what Undo would undo now. */
  isLatest(step: AsideStep): boolean;
  /** Changes session state only (never undone, never clears redo). */
  setSession(patch: Partial<SessionState> | ((s: SessionState) => Partial<SessionState>)): void;
  /** Replaces the document (open / new / restore); its history is cleared (steps beside it, `recordAside`, stay). */
  load(doc: { framework: Framework; name: string; docToken: DocToken | null }, opts?: { dirty?: boolean }): void;
  /** Records a successful save: the current revision is clean, name/token may change. */
  markSaved(saved: { name: string; docToken: DocToken | null }, revision?: number): void;
  /**
   * The file no longer holds this document (another program changed or removed it, and the user kept
   * theirs): it becomes unsaved, history kept, so closing asks and a save writes it.
   */
  markUnsaved(): void;
  /** Shows a transient message. */
  notify(kind: 'error' | 'info', message: string): void;
  /** Unlocks an adopted/deprecated framework for editing (session only: not saved, not undoable). */
  unlock(): void;
  /** Locks it again (no-op for a draft or in-review framework). */
  lock(): void;
}

/**
 * The editor store: document + unlimited undo history + session state, outside React.
 * Edits go through src-core commands only (`applyCommand` → immer patches).
 */
export function createEditorStore(init: { framework: Framework; name?: string; docToken?: DocToken | null }, now: () => Date = () => new Date()): EditorStore {
  let revisionCounter = 0;
  let undoStack: Entry[] = [];
  let redoStack: Entry[] = [];
  let noticeSeq = 0;
  const listeners = new Set<() => void>();

  let doc: DocumentState = { framework: init.framework, name: init.name ?? 'Untitled framework', docToken: init.docToken ?? null, revision: 0, savedRevision: 0 };
  let session = initialSession();
  let snapshot = build();
  freezeWhenIdle(doc.framework, () => doc.framework);

  function build(): EditorSnapshot {
    const lockable = isLockedStatus(doc.framework.status);
    return {
      doc,
      dirty: doc.revision !== doc.savedRevision,
      undoLabel: undoStack.at(-1)?.label ?? null,
      redoLabel: redoStack.at(-1)?.label ?? null,
      undoDepth: undoStack.length,
      redoDepth: redoStack.length,
      locked: lockable && !session.editUnlocked,
      lockable,
      session,
    };
  }
  function emit(): void {
    snapshot = build();
    for (const l of [...listeners]) l();
  }
  /** Drops selected ids that no longer exist (after delete, undo of an add …), and a link started from one. */
  function pruneSelection(): void {
    const { competencies, links } = session.selection;
    const fw = doc.framework;
    const c = competencies.filter((id) => fw.competencies[id]);
    const l = links.filter((id) => fw.prerequisites.has(id));
    const focus = session.focus && fw.competencies[session.focus.id] ? session.focus : null;
    const linking = session.linking && fw.competencies[session.linking.from] ? session.linking : null;
    if (c.length !== competencies.length || l.length !== links.length || focus !== session.focus || linking !== session.linking) {
      session = { ...session, selection: { competencies: c, links: l }, focus, linking };
    }
  }

  /**
   * The selection after Undo: the one the step was made with, of what is still there; a step made with nothing
   * selected leaves the selection as it is.
   */
  function restoreSelection(sel: Selection): void {
    if (!sel.competencies.length && !sel.links.length) return;
    session = { ...session, selection: sel };
  }
  /** The selection after Redo: the competencies the step added (a paste, a duplicate, an add), else the one it was made with. */
  function redoSelection(e: HistoryEntry): void {
    const added = e.patches.filter((p) => p.op === 'add' && p.path.length === 2 && p.path[0] === 'competencies').map((p) => p.path[1] as CompetencyId);
    restoreSelection(added.length ? { competencies: added, links: [] } : e.selection);
  }
  /** An aside step that could not be taken back: dropped, and said; nothing else is undone. */
  function asideFailed(e: Extract<Entry, { kind: 'aside' }>, verb: 'undo' | 'redo'): null {
    undoStack = undoStack.filter((x) => x !== e);
    redoStack = redoStack.filter((x) => x !== e);
    session = { ...session, notice: { kind: 'error', message: `Could not ${verb} “${e.label}”: it was changed since another way. Nothing else was ${verb === 'undo' ? 'undone' : 'redone'}.`, seq: ++noticeSeq } };
    emit();
    return null;
  }

  /**
   * Undo (the last step back onto the redo stack) or Redo (the other way): the document's patches, or the aside
   * step's own undo / redo; the step's label, or null when there is none or it is refused.
   */
  function travel(dir: 'undo' | 'redo'): string | null {
    const from = dir === 'undo' ? undoStack : redoStack;
    const to = dir === 'undo' ? redoStack : undoStack;
    const e = from.at(-1);
    if (!e) return null;
    if (e.kind === 'aside') {
      if (!(dir === 'undo' ? e.step.undo() : e.step.redo())) return asideFailed(e, dir);
    } else {
      const patches = dir === 'undo' ? e.inversePatches : e.patches;
      if (lockRefusal(patches)) return null;
      setFramework(applyPatches(doc.framework, patches), dir === 'undo' ? e.before : e.after);
      if (dir === 'undo') restoreSelection(e.selection);
      else redoSelection(e);
      pruneSelection();
    }
    from.pop();
    to.push(e);
    emit();
    return e.label;
  }

  /** The refusal of a step a locked framework does not allow (null when it is allowed). */
  function lockRefusal(patches: Patch[]): Problem | null {
    if (!snapshot.locked || onlyLockExemptChanges(patches)) return null;
    const message = lockMessage(doc.framework.status);
    session = { ...session, notice: { kind: 'error', message, seq: ++noticeSeq } };
    emit();
    return { code: 'locked', message };
  }
  /** Moves to a new framework; moving (back) into adopted/deprecated locks again. */
  function setFramework(framework: Framework, revision: number): void {
    if (session.editUnlocked && enteredLockedStatus(doc.framework, framework)) session = { ...session, editUnlocked: false };
    doc = { ...doc, framework, revision };
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    run(cmd) {
      const out = applyCommand(doc.framework, cmd, now());
      if (!out.ok) return out;
      if (out.patches.length === 0) return { ok: true, changed: false, label: out.label };
      const locked = lockRefusal(out.patches);
      if (locked) return { ok: false, error: locked };
      const before = doc.revision;
      const after = ++revisionCounter;
      undoStack.push({ kind: 'doc', label: out.label, patches: out.patches, inversePatches: out.inversePatches, before, after, selection: session.selection });
      redoStack = [];
      setFramework(out.framework, after);
      pruneSelection();
      emit();
      return { ok: true, changed: true, label: out.label };
    },
    undo: () => travel('undo'),
    redo: () => travel('redo'),
    recordAside(step) {
      undoStack.push({ kind: 'aside', label: step.label, step });
      redoStack = [];
      emit();
    },
    forgetAside(owner) {
      const keep = (e: Entry) => e.kind !== 'aside' || e.step.owner !== owner;
      if (undoStack.every(keep) && redoStack.every(keep)) return;
      undoStack = undoStack.filter(keep);
      redoStack = redoStack.filter(keep);
      emit();
    },
    isLatest(step) {
      const e = undoStack.at(-1);
      return e?.kind === 'aside' && e.step === step;
    },
    setSession(patch) {
      const p = typeof patch === 'function' ? patch(session) : patch;
      session = { ...session, ...p };
      emit();
    },
    load(next, opts) {
      // the map's history goes with its document; steps beside it (progress, which stays open) stay undoable
      undoStack = undoStack.filter((e) => e.kind === 'aside');
      redoStack = redoStack.filter((e) => e.kind === 'aside');
      const revision = ++revisionCounter;
      doc = { framework: next.framework, name: next.name, docToken: next.docToken, revision, savedRevision: opts?.dirty ? -1 : revision };
      session = { ...initialSession(), laneOrientation: session.laneOrientation, panel: session.panel, theme: session.theme };
      emit();
      freezeWhenIdle(doc.framework, () => doc.framework);
    },
    markSaved(saved, revision) {
      doc = { ...doc, name: saved.name, docToken: saved.docToken, savedRevision: revision ?? doc.revision };
      emit();
    },
    markUnsaved() {
      if (doc.revision !== doc.savedRevision) return;
      doc = { ...doc, savedRevision: -1 };
      emit();
    },
    notify(kind, message) {
      session = { ...session, notice: { kind, message, seq: ++noticeSeq } };
      emit();
    },
    unlock() {
      if (!snapshot.locked) return;
      session = { ...session, editUnlocked: true, notice: { kind: 'info', message: 'Unlocked for editing in this session. The status stays as it is.', seq: ++noticeSeq } };
      emit();
    },
    lock() {
      if (!session.editUnlocked) return;
      session = { ...session, editUnlocked: false };
      emit();
    },
  };
}
