import { frameworkFileChunks } from '../../../src-core/format/chunkedSerialize';
import { serializeFramework } from '../../../src-core/format/frameworkFile';
import type { HostApi } from '../../../src-core/host/contract';
import type { DocumentState, EditorStore } from '../store/editorStore';
import type { JournalWrite } from './journalSchedule';

/**
 * What goes to the recovery journal of the open document, and when it is up to date: the glue between
 * the editor store, the host's journal and {@link journalSchedule} (`pending`, `begin`).
 *
 * The journal holds the text a save would write, byte for byte (`frameworkFileChunks`, pretty): readers
 * need nothing new, and the desktop host quietly drops an entry whose file already holds exactly its
 * text (a crash between a save and its clean-up). Compact JSON would be ~35% less text and work, but
 * would lose that.
 *
 * A write journals the document as it was when the write began — the store's state is immutable, so
 * that snapshot holds still while its text is written in slices — and notes that revision as journalled
 * once it hands the text to the host: edits made meanwhile stay pending for the next write. A write
 * whose document was saved, reverted to its saved state, or replaced by another document before its
 * text was done hands nothing over (the host runs journal operations in call order, so a late write
 * would bring back a journal the save cleared).
 */
export function documentJournal(
  store: EditorStore,
  host: Pick<HostApi, 'writeJournal' | 'clearJournal'>,
  journalId: string,
  /** Each write's outcome, with the document's key (for the failure banner). */
  written: (docKey: string, r: Awaited<ReturnType<HostApi['writeJournal']>>) => void = () => undefined,
) {
  /** The revision the journal holds (handed to the host), or null when it holds nothing of this page. */
  let journalled: number | null = null;

  /** The text of `doc` goes to the journal, unless the document was saved or replaced since. */
  function commit(doc: DocumentState, text: string): void {
    const cur = store.getSnapshot();
    if (!cur.dirty || cur.doc.savedRevision !== doc.savedRevision || cur.doc.name !== doc.name || cur.doc.docToken !== doc.docToken) return;
    journalled = doc.revision;
    const docKey = `${doc.framework.id}|${doc.docToken ?? doc.name}`;
    void host
      .writeJournal({ id: journalId, name: doc.name, title: doc.framework.title, docToken: doc.docToken, text })
      .then((r) => written(docKey, r));
  }

  return {
    /** Whether the journal lags behind the document (unsaved changes not journalled, or a journal left after a save). */
    pending(): boolean {
      const s = store.getSnapshot();
      return s.dirty ? journalled !== s.doc.revision : journalled !== null;
    },
    /**
     * Begins a write of the current state (a clear when nothing is unsaved, done at once): null when
     * there is nothing to write in slices.
     */
    begin(): JournalWrite | null {
      const s = store.getSnapshot();
      if (!s.dirty) {
        if (journalled !== null) void host.clearJournal({ id: journalId });
        journalled = null;
        return null;
      }
      if (journalled === s.doc.revision) return null;
      const doc = s.doc;
      const chunks = frameworkFileChunks(doc.framework);
      const parts: string[] = [];
      let over = false;
      let written = false;
      return {
        step(enough) {
          if (over) return true;
          if (!written) {
            for (;;) {
              const r = chunks.next();
              if (r.done) break;
              parts.push(r.value);
              if (enough()) return false;
            }
            written = true;
            return false; // joining the text (~20 ms at 10,000 competencies) and handing it over: a slice of their own
          }
          over = true;
          commit(doc, parts.join(''));
          return true;
        },
        finish() {
          if (over) return;
          over = true;
          // nothing done yet: one JSON.stringify is quicker than the walk
          if (parts.length === 0) return commit(doc, serializeFramework(doc.framework));
          for (let r = chunks.next(); !r.done; r = chunks.next()) parts.push(r.value);
          commit(doc, parts.join(''));
        },
        cancel() {
          over = true;
          parts.length = 0;
          chunks.return();
        },
      };
    },
  };
}
