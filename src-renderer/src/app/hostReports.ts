import type { DocToken, HostApi } from '../../../src-core/host/contract';
import type { EditorStore } from '../store/editorStore';

/**
 * Keeps the host told which document the window shows (its token and name), when that changes (not on
 * every edit). The desktop watches that file, and only that one: a file handed over to open and refused
 * here (broken inside, or the user kept their changes) is not this window's.
 */
export function reportToHost(store: Pick<EditorStore, 'getSnapshot' | 'subscribe'>, host: Pick<HostApi, 'setDocument'>): { stop: () => void } {
  let doc: { docToken: DocToken | null; name: string } | undefined;
  const update = () => {
    const s = store.getSnapshot();
    if (!doc || doc.docToken !== s.doc.docToken || doc.name !== s.doc.name) {
      doc = { docToken: s.doc.docToken, name: s.doc.name };
      host.setDocument(doc).catch(() => undefined);
    }
  };
  update();
  return { stop: store.subscribe(update) };
}
