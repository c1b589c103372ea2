import { useEffect, useMemo } from 'react';
import type { HostApi } from '../../../src-core/host/contract';
import type { EditorStore } from '../store/editorStore';
import { useEditor } from '../store/useEditor';
import { fieldHasOwnUndo, runAppCommand } from './appCommands';
import { fileChangedOnDisk, journalId, openRequested } from './documents';
import { documentJournal } from './documentJournal';
import { reportToHost } from './hostReports';
import { journalFailureReports } from './journalFailures';
import { journalSchedule } from './journalSchedule';

/** Keeps the host in step with the document: title + dirty mark, recovery journal, host events. */
export function useDocumentSync(store: EditorStore, host: HostApi, autosaveSeconds: number): void {
  const name = useEditor((s) => s.doc.name);
  const dirty = useEditor((s) => s.dirty);

  useEffect(() => {
    void host.setTitle({ title: `${dirty ? '• ' : ''}${name} — Progressions` });
    void host.setDirty({ dirty });
  }, [host, name, dirty]);

  // Unsaved changes go to the recovery journal every few seconds — serialising the whole document,
  // so never inside an edit's frame: each tick only asks for the next idle moment of the main thread,
  // and the text is written in short slices between frames (journalSchedule); edits in between cost one
  // write of the latest state (documentJournal).
  // (what the journal holds outlives a change of the interval)
  const journal = useMemo(() => {
    // a write that fails is shown in the banner once per document, until a write succeeds again
    const failures = journalFailureReports(
      (message) => store.setSession({ banner: { text: message } }),
      (message) => store.setSession((s) => (s.banner?.text === message ? { banner: null } : {})),
    );
    return documentJournal(store, host, journalId, (docKey, r) => (r.ok ? failures.succeeded() : failures.failed(docKey, r.error.message)));
  }, [store, host]);
  useEffect(() => {
    const schedule = journalSchedule({ periodMs: Math.max(1, autosaveSeconds) * 1000, pending: journal.pending, begin: journal.begin });
    // Leaving the page (tab closed, reload) or hiding it (another tab, the laptop closed: a hidden page
    // may be discarded without a pagehide): journal the latest edits right away.
    const flush = () => schedule.flush();
    const hidden = () => {
      if (document.visibilityState === 'hidden') schedule.flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      schedule.stop();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [journal, autosaveSeconds]);

  // The host follows the document shown (the desktop watches its file) and labels its Edit menu's Undo / Redo.
  useEffect(() => {
    // the Edit menu's Undo / Redo are the field's own exactly when Ctrl+Z there is (`fieldHasOwnUndo`)
    const reports = reportToHost(store, host, () => fieldHasOwnUndo(document.activeElement));
    // focusout comes before the next element has the focus, and the typing is noted by the keyboard's own
    // `input` listener: check once it has settled
    let settle: ReturnType<typeof setTimeout> | undefined;
    const focusMoved = () => {
      clearTimeout(settle);
      settle = setTimeout(reports.refresh, 0);
    };
    document.addEventListener('focusin', focusMoved);
    document.addEventListener('focusout', focusMoved);
    // the first keystroke in a field makes Undo the field's (the report is sent only when it changes)
    document.addEventListener('input', focusMoved);
    return () => {
      clearTimeout(settle);
      document.removeEventListener('focusin', focusMoved);
      document.removeEventListener('focusout', focusMoved);
      document.removeEventListener('input', focusMoved);
      reports.stop();
    };
  }, [store, host]);

  useEffect(() => {
    const offs = [
      host.on('menu:command', ({ command }) => runAppCommand(command, store, host)),
      host.on('file:openRequested', (doc) => void openRequested(store, host, doc)),
      host.on('file:openFailed', ({ name, message }) => store.setSession({ banner: { text: cannotOpen(name, message) } })),
      host.on('file:changedOnDisk', (ev) => void fileChangedOnDisk(store, host, ev)),
    ];
    return () => offs.forEach((off) => off());
  }, [store, host]);
}

/** The banner for a file that could not be read to open it; the host's message often starts with the file's name. */
export function cannotOpen(name: string, message: string): string {
  const named = `${name}: `;
  return message.startsWith(named) ? `Cannot open ${name}: ${message.slice(named.length)}` : `Cannot open ${name}. ${message}`;
}
