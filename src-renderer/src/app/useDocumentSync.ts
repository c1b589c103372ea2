import { useEffect, useRef } from 'react';
import { serializeFramework } from '../../../src-core/format/frameworkFile';
import type { HostApi } from '../../../src-core/host/contract';
import type { EditorStore } from '../store/editorStore';
import { useEditor } from '../store/useEditor';
import { runAppCommand } from './appCommands';
import { confirmDiscard, journalId, loadText } from './documents';
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
  // so never inside an edit's frame: each tick only asks for the next idle moment of the main thread
  // (journalSchedule), and edits in between cost one write of the latest state.
  const journalled = useRef<number | null>(null);
  useEffect(() => {
    // a write that fails is shown in the banner once per document, until a write succeeds again
    const failures = journalFailureReports(
      (message) => store.setSession({ banner: { text: message } }),
      (message) => store.setSession((s) => (s.banner?.text === message ? { banner: null } : {})),
    );
    const pending = () => {
      const s = store.getSnapshot();
      return s.dirty ? journalled.current !== s.doc.revision : journalled.current !== null;
    };
    const write = () => {
      const s = store.getSnapshot();
      if (!s.dirty) {
        if (journalled.current !== null) void host.clearJournal({ id: journalId });
        journalled.current = null;
        return;
      }
      if (journalled.current === s.doc.revision) return;
      journalled.current = s.doc.revision;
      const docKey = `${s.doc.framework.id}|${s.doc.docToken ?? s.doc.name}`;
      void host
        .writeJournal({ id: journalId, name: s.doc.name, title: s.doc.framework.title, docToken: s.doc.docToken, text: serializeFramework(s.doc.framework) })
        .then((r) => (r.ok ? failures.succeeded() : failures.failed(docKey, r.error.message)));
    };
    const schedule = journalSchedule({ periodMs: Math.max(1, autosaveSeconds) * 1000, pending, write });
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
  }, [store, host, autosaveSeconds]);

  useEffect(() => {
    const offs = [
      host.on('menu:command', ({ command }) => runAppCommand(command, store, host)),
      host.on('file:openRequested', (doc) => {
        if (confirmDiscard(store)) loadText(store, doc.text, doc.name, doc.docToken);
      }),
      host.on('file:changedOnDisk', async ({ docToken, name: changed }) => {
        const s = store.getSnapshot();
        if (s.doc.docToken !== docToken) return;
        const ask = s.dirty
          ? `${changed} was changed by another program. Reload it and lose your unsaved changes? (Cancel keeps your version.)`
          : `${changed} was changed by another program. Reload it?`;
        if (!window.confirm(ask)) return;
        const r = await host.openRecent({ docToken });
        if (!r.ok) return store.setSession({ banner: { text: r.error.message } });
        loadText(store, r.value.text, r.value.name, r.value.docToken);
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [store, host]);
}
