import { useEffect, useRef } from 'react';
import { serializeFramework } from '../../../src-core/format/frameworkFile';
import type { HostApi } from '../../../src-core/host/contract';
import type { EditorStore } from '../store/editorStore';
import { useEditor } from '../store/useEditor';
import { runAppCommand } from './appCommands';
import { confirmDiscard, journalId, loadText } from './documents';

/** Keeps the host in step with the document: title + dirty mark, recovery journal, host events. */
export function useDocumentSync(store: EditorStore, host: HostApi, autosaveSeconds: number): void {
  const name = useEditor((s) => s.doc.name);
  const dirty = useEditor((s) => s.dirty);

  useEffect(() => {
    void host.setTitle({ title: `${dirty ? '• ' : ''}${name} — Progressions` });
    void host.setDirty({ dirty });
  }, [host, name, dirty]);

  // Unsaved changes go to the recovery journal every few seconds.
  const journalled = useRef<number | null>(null);
  useEffect(() => {
    const write = () => {
      const s = store.getSnapshot();
      if (!s.dirty) {
        if (journalled.current !== null) void host.clearJournal({ id: journalId });
        journalled.current = null;
        return;
      }
      if (journalled.current === s.doc.revision) return;
      journalled.current = s.doc.revision;
      void host
        .writeJournal({ id: journalId, name: s.doc.name, title: s.doc.framework.title, docToken: s.doc.docToken, text: serializeFramework(s.doc.framework) })
        .then((r) => {
          if (!r.ok) store.notify('error', r.error.message);
        });
    };
    const t = setInterval(write, Math.max(1, autosaveSeconds) * 1000);
    // Leaving the page (tab closed, reload): journal the latest edits right away.
    window.addEventListener('pagehide', write);
    return () => {
      clearInterval(t);
      window.removeEventListener('pagehide', write);
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
        if (!r.ok) return store.setSession({ banner: r.error.message });
        loadText(store, r.value.text, r.value.name, r.value.docToken);
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [store, host]);
}
