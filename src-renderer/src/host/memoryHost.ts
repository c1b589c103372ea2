import type {
  DocToken,
  HostApi,
  HostEvent,
  HostEvents,
  HostSettings,
  OpenedDocument,
  PickedFile,
  RecentDocument,
  UndoState,
} from '../../../src-core/host/contract';
import { DEFAULT_SETTINGS, sanitizeSettings } from './settingsStorage';

/**
 * An in-memory host for tests: files live in a Map, dialogs answer from queues the test fills
 * (`nextOpen`, `nextSaveAsName`, `nextImport`; an empty queue means "cancelled").
 */
export interface MemoryHost extends HostApi {
  files: Map<DocToken, { name: string; text: string }>;
  nextOpen: OpenedDocument[];
  nextSaveAsName: string[];
  nextImport: PickedFile[];
  /** Packages `fetchCase` answers with, by the exact URL asked for; any other URL fails as offline. */
  caseServer: Map<string, PickedFile>;
  /** Exports as sent: `text` is base64 when `encoding` is `'base64'` (a PNG image). */
  exports: { name: string; text: string; mimeType: string; encoding?: 'base64' }[];
  journal: Map<string, { name: string; title: string; docToken: DocToken | null; text: string; savedAt: string }>;
  titles: string[];
  dirty: boolean;
  /** What the page said it shows (`setDocument`), and the Undo / Redo state it sent, in order. */
  shown: { docToken: DocToken | null; name: string }[];
  /** What the page said it did with files handed to it and not shown (`openHandled`), in order. */
  handled: { token: DocToken; outcome: 'imported' | 'refused' }[];
  undoStates: UndoState[];
  /** Makes the next file write fail (simulated disk full). */
  failNextWrite: boolean;
  emit<E extends HostEvent>(event: E, payload: HostEvents[E]): void;
}

export function createMemoryHost(): MemoryHost {
  let settings: HostSettings = { ...DEFAULT_SETTINGS };
  let counter = 0;
  const recent: RecentDocument[] = [];
  const listeners = new Map<HostEvent, Set<(p: never) => void>>();
  /** What this page last read or wrote per file: a save over a file changed since (a test edits `files`) is refused. */
  const known = new Map<DocToken, string>();
  const fail = () => ({ ok: false as const, error: { code: 'write-failed', message: 'The disk is full. The document is still unsaved.' } });
  const host: MemoryHost = {
    kind: 'memory',
    platform: 'linux',
    files: new Map(),
    nextOpen: [],
    nextSaveAsName: [],
    nextImport: [],
    caseServer: new Map(),
    exports: [],
    journal: new Map(),
    titles: [],
    dirty: false,
    shown: [],
    handled: [],
    undoStates: [],
    failNextWrite: false,
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) (l as (p: typeof payload) => void)(payload);
    },
    async openFile() {
      return { ok: true, value: host.nextOpen.shift() ?? null };
    },
    async openRecent({ docToken }) {
      const f = host.files.get(docToken);
      if (f) known.set(docToken, f.text);
      return f ? { ok: true, value: { ...f, docToken } } : { ok: false, error: { code: 'not-found', message: 'The file is gone.' } };
    },
    async listRecent() {
      return [...recent];
    },
    async saveFile({ docToken, text, overwrite }) {
      const f = host.files.get(docToken);
      if (!f) return { ok: false, error: { code: 'not-found', message: 'No such file.' } };
      if (!overwrite && known.has(docToken) && known.get(docToken) !== f.text) {
        return { ok: false, error: { code: 'changed-on-disk', message: `"${f.name}" was changed by another program since you opened or last saved it.` } };
      }
      if (host.failNextWrite) return (host.failNextWrite = false), fail();
      f.text = text;
      known.set(docToken, text);
      return { ok: true, value: { name: f.name, docToken } };
    },
    async saveFileAs({ text }) {
      const name = host.nextSaveAsName.shift();
      if (!name) return { ok: true, value: null };
      if (host.failNextWrite) return (host.failNextWrite = false), fail();
      const docToken = `mem:${++counter}` as DocToken;
      host.files.set(docToken, { name, text });
      known.set(docToken, text);
      recent.unshift({ name, docToken, openedAt: new Date().toISOString() });
      return { ok: true, value: { name, docToken } };
    },
    async saveExport({ suggestedName, content, chunks, encoding, mimeType }) {
      const text = chunks ? chunks.join('') : (content ?? '');
      if (encoding === 'base64' && (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text))) {
        return { ok: false, error: { code: 'bad-request', message: 'The export is not valid base64.' } };
      }
      host.exports.push({ name: suggestedName, text, mimeType, ...(encoding ? { encoding } : {}) });
      return { ok: true, value: { name: suggestedName } };
    },
    async pickImport() {
      return { ok: true, value: host.nextImport.shift() ?? null };
    },
    async fetchCase({ url }) {
      const r = host.caseServer.get(url);
      return r ? { ok: true, value: r } : { ok: false, error: { code: 'offline', message: `Could not reach ${url} — check the address or your internet connection.` } };
    },
    async getSettings() {
      return settings;
    },
    async setSettings(patch) {
      settings = sanitizeSettings({ ...settings, ...patch });
      return settings;
    },
    async listRecovery() {
      return [...host.journal].map(([id, j]) => ({ id, name: j.name, title: j.title, savedAt: j.savedAt, docToken: j.docToken, bytes: j.text.length }));
    },
    async restoreRecovery({ id }) {
      const j = host.journal.get(id);
      if (!j) return { ok: false, error: { code: 'not-found', message: 'Gone.' } };
      host.journal.delete(id);
      return { ok: true, value: { text: j.text, name: j.name, docToken: j.docToken, savedAt: j.savedAt } };
    },
    async discardRecovery({ id }) {
      host.journal.delete(id);
      return { ok: true, value: undefined };
    },
    async writeJournal({ id, name, title, docToken, text }) {
      host.journal.set(id, { name, title, docToken, text, savedAt: new Date().toISOString() });
      return { ok: true, value: undefined };
    },
    async clearJournal({ id }) {
      host.journal.delete(id);
      return { ok: true, value: undefined };
    },
    async printPdf({ suggestedName }) {
      return { ok: true, value: { name: suggestedName } };
    },
    async openExternal() {
      return { ok: true, value: undefined };
    },
    async setTitle({ title }) {
      host.titles.push(title);
    },
    async setDirty({ dirty }) {
      host.dirty = dirty;
    },
    async closeWindow() {},
    async setDocument(doc) {
      host.shown.push(doc);
    },
    async openHandled(report) {
      host.handled.push(report);
    },
    async setUndoState(state) {
      host.undoStates.push(state);
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (p: never) => void);
      return () => set.delete(listener as (p: never) => void);
    },
  };
  return host;
}
