import type { DocToken, HostApi, UndoState } from '../../../src-core/host/contract';
import type { EditorStore } from '../store/editorStore';

/**
 * Keeps the host told what the window shows, each when it changes (not on every edit):
 * - the document: its token and name. The desktop watches that file, and only that one: a file handed
 *   over to open and refused here (broken inside, or the user kept their changes) is not this window's.
 * - what Undo and Redo would do, for the native Edit menu: the history's labels; while they act on a text
 *   field's own typing (`editingText`) they are plain, enabled Undo / Redo (`''`).
 *
 * `refresh` re-checks (call it when the focus moves, and on typing); `stop` ends it.
 */
export function reportToHost(
  store: Pick<EditorStore, 'getSnapshot' | 'subscribe'>,
  host: Pick<HostApi, 'setDocument' | 'setUndoState'>,
  editingText: () => boolean = () => false,
): { refresh: () => void; stop: () => void } {
  let doc: { docToken: DocToken | null; name: string } | undefined;
  let undo: UndoState | undefined;
  const update = () => {
    const s = store.getSnapshot();
    if (!doc || doc.docToken !== s.doc.docToken || doc.name !== s.doc.name) {
      doc = { docToken: s.doc.docToken, name: s.doc.name };
      host.setDocument(doc).catch(() => undefined);
    }
    const next: UndoState = editingText() ? { undo: '', redo: '' } : { undo: s.undoLabel, redo: s.redoLabel };
    if (!undo || undo.undo !== next.undo || undo.redo !== next.redo) {
      undo = next;
      host.setUndoState(next).catch(() => undefined);
    }
  };
  update();
  const stop = store.subscribe(update);
  return { refresh: update, stop };
}
