import type {
  DocToken,
  FileFilter,
  HostApi,
  HostEvent,
  HostEvents,
  HostSettings,
  OpenedDocument,
  RecentDocument,
} from '../../../src-core/host/contract';
import { readImportText, readUtf8Text, type TextEncodingName } from '../../../src-core/format/decodeText';
import { MAX_FILE_BYTES } from '../../../src-core/model/types';
import type { Problem } from '../../../src-core/result';
import { fetchCaseSameOrigin } from './fetchCaseSameOrigin';
import { indexedDbJournalStore, journalFailureMessage, journalStorage, JournalWriteError, type JournalStore } from './journalStorage';
import { ensurePermission, indexedDbRecent, withRecent, type RecentHandle, type RecentPersistence } from './recentHandles';
import { sanitizeSettings } from './settingsStorage';

/** The page's IndexedDB, or undefined where the browser hides or refuses it (some private modes). */
function indexedDbOf(win: Window): IDBFactory | undefined {
  try {
    return win.indexedDB ?? undefined;
  } catch {
    return undefined;
  }
}

/** Minimal typings of the File System Access API (Chromium); absent elsewhere. */
interface PickerType {
  description: string;
  accept: Record<string, string[]>;
}
interface FsWindow {
  showOpenFilePicker?: (o: { types?: PickerType[]; multiple?: boolean }) => Promise<FileSystemFileHandle[]>;
  showSaveFilePicker?: (o: { suggestedName?: string; types?: PickerType[] }) => Promise<FileSystemFileHandle>;
}

const SETTINGS_KEY = 'progressions.settings';
/** Set to "off" in localStorage to force file input + download (used by e2e tests, and for users who prefer it). */
export const FS_ACCESS_KEY = 'progressions.fsAccess';

const FRAMEWORK_TYPES: PickerType[] = [{ description: 'Progressions framework', accept: { 'application/json': ['.json'] } }];

function problem(code: string, message: string): { ok: false; error: Problem } {
  return { ok: false, error: { code, message } };
}
function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}
function platform(): HostApi['platform'] {
  const p = `${navigator.platform} ${navigator.userAgent}`;
  if (/Mac|iPhone|iPad/i.test(p)) return 'mac';
  if (/Win/i.test(p)) return 'windows';
  return 'linux';
}

/** Lets the user pick one file with a hidden <input type=file>; null when cancelled. */
function pickWithInput(accept: string[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    input.setAttribute('data-testid', 'host-file-input');
    const done = (f: File | null) => {
      input.remove();
      resolve(f);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

/** Offers text as a download (the fallback for "save" without the File System Access API). */
/** The bytes of base64 text (a PNG export arrives as base64 so every host channel carries only text). */
export function base64Bytes(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

function download(name: string, parts: BlobPart[], mimeType: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function typesFor(filters: FileFilter[] | undefined, mimeType: string): PickerType[] | undefined {
  return filters?.map((f) => ({ description: f.name, accept: { [mimeType]: f.extensions.map((e) => `.${e}`) } }));
}

/**
 * The host of the browser build: File System Access API where the browser has it (open, save back,
 * save as), else file input + download; settings in localStorage; the recovery journal in IndexedDB
 * (a district's big map does not fit localStorage's ~5 MB), its "page alive" heartbeats in localStorage —
 * the journal of a page that went away (closed tab, crash, reload) is offered for restore on the next start.
 */
export function createBrowserHost(win: Window = window, opts: { recent?: RecentPersistence; journal?: JournalStore } = {}): HostApi {
  const fsw = win as unknown as FsWindow;
  const storage = win.localStorage;
  const useFs = () => storage.getItem(FS_ACCESS_KEY) !== 'off' && typeof fsw.showOpenFilePicker === 'function';
  const handles = new Map<string, FileSystemFileHandle>();
  /**
   * Each file as this page last read or wrote it (time and size): a save first checks the file is still
   * so, else another program (or tab) changed it and the user is asked before it is replaced.
   */
  const known = new Map<string, { lastModified: number; size: number | null }>();
  const stampOf = (f: File) => ({ lastModified: f.lastModified, size: f.size });
  /** Notes the file as it is after our own write (best effort: no note means no check next time). */
  async function noteWritten(docToken: string, handle: FileSystemFileHandle): Promise<void> {
    try {
      known.set(docToken, stampOf(await handle.getFile()));
    } catch {
      known.delete(docToken);
    }
  }
  // Open Recent survives reloads where file handles can be kept (File System Access API + IndexedDB);
  // without the API there is nothing to reopen, so the list stays empty and the UI hides it.
  const persistence = opts.recent ?? indexedDbRecent(win.indexedDB);
  let recent: RecentHandle[] = [];
  const ready: Promise<void> = useFs()
    ? persistence.load().then((list) => {
        recent = list;
        for (const r of list) handles.set(r.docToken, r.handle);
      })
    : Promise.resolve();
  const journal = journalStorage(opts.journal ?? indexedDbJournalStore(indexedDbOf(win)), storage);
  const pageId = (win.crypto?.randomUUID?.() ?? String(Math.random()).slice(2)) as string;
  const listeners = new Map<HostEvent, Set<(p: never) => void>>();
  let dirty = false;
  /** Settings localStorage could not take (full, refused): they hold for this page. */
  let unstoredSettings: HostSettings | null = null;

  journal.heartbeat(pageId);
  let beat = win.setInterval(() => journal.heartbeat(pageId), 5_000);
  // The page is going away (registered before the app's own pagehide handler, which journals the
  // document): a journal write now must not wait its turn behind one still running.
  let leaving = false;
  win.addEventListener('pagehide', () => {
    leaving = true;
    win.clearInterval(beat);
    journal.goodbye(pageId);
  });
  win.addEventListener('pageshow', (e) => {
    leaving = false;
    // Back from the back/forward cache: pagehide stopped the heartbeat and said goodbye, so say hello again
    // (where there are no Web Locks, the heartbeat alone keeps another tab from offering this page's work).
    if (e.persisted) {
      win.clearInterval(beat);
      journal.heartbeat(pageId);
      beat = win.setInterval(() => journal.heartbeat(pageId), 5_000);
    }
  });
  win.addEventListener('beforeunload', (e) => {
    if (dirty) e.preventDefault();
  });
  // Back in the tab: another program (a colleague's sync, another tab) may have changed or removed a file
  // this page read or wrote. The page is told once per change (reload / keep mine); Save still asks.
  const reported = new Map<string, number>();
  let looking = false;
  async function lookForChanges(): Promise<void> {
    if (looking) return;
    looking = true;
    try {
      for (const [token, was] of known) {
        const handle = handles.get(token);
        if (!handle || was.size === null) continue;
        let seen: number;
        let change: 'changed' | 'removed';
        try {
          const f = await handle.getFile();
          if (f.lastModified === was.lastModified && f.size === was.size) {
            reported.delete(token);
            continue;
          }
          seen = f.lastModified;
          change = 'changed';
        } catch (e) {
          if (!(e instanceof DOMException && e.name === 'NotFoundError')) continue; // no permission now: nothing to tell
          seen = -1;
          change = 'removed';
        }
        if (reported.get(token) === seen) continue;
        reported.set(token, seen);
        emit('file:changedOnDisk', { docToken: token as DocToken, name: handle.name, change });
      }
    } finally {
      looking = false;
    }
  }
  win.addEventListener('focus', () => void lookForChanges());

  /** Restored entries of gone pages that could not be moved to this page's own: removed once this page keeps its own copy. */
  const restored = new Set<string>();
  async function dropRestored(): Promise<void> {
    for (const id of [...restored]) {
      restored.delete(id);
      await journal.clear(id);
    }
  }

  function emit<E extends HostEvent>(event: E, payload: HostEvents[E]): void {
    for (const l of listeners.get(event) ?? []) (l as (p: HostEvents[E]) => void)(payload);
  }
  function remember(handle: FileSystemFileHandle): DocToken {
    for (const [t, h] of handles) if (h === handle) return t as DocToken;
    const token = `browser:${handles.size + 1}:${Math.random().toString(36).slice(2)}` as DocToken;
    handles.set(token, handle);
    return token;
  }
  /**
   * Changes to the list, one after another: the list is read (`listRecent`) only after those asked for
   * before — the page asks for it as soon as it shows a document, while that document is being added.
   * Keeping the list is best effort: a failure to store it never fails the open or save that changed it.
   */
  let recentWrites: Promise<void> = Promise.resolve();
  function changeRecent(change: () => Promise<void>): Promise<void> {
    recentWrites = recentWrites.then(async () => {
      await ready;
      await change();
    }).catch(() => undefined);
    return recentWrites;
  }
  function addRecent(name: string, docToken: DocToken): Promise<void> {
    return changeRecent(async () => {
      const handle = handles.get(docToken);
      if (!handle) return;
      recent = await withRecent(recent, { name, docToken, openedAt: new Date().toISOString(), handle });
      await persistence.save(recent);
    });
  }
  /**
   * Files read for the page to open (Open…, Open Recent) and not yet shown: listed as recent only once
   * the page shows one (`setDocument`) or imported it (a CASE package, `openHandled`), as the desktop
   * does — a file the page refused (broken inside) does not join the list.
   */
  const handedOver = new Map<DocToken, string>();
  function dropRecent(docToken: DocToken): Promise<void> {
    return changeRecent(async () => {
      recent = recent.filter((r) => r.docToken !== docToken);
      handles.delete(docToken);
      await persistence.save(recent);
    });
  }
  /**
   * Reads a file's bytes (within the size limit). A document to open must be UTF-8 (JSON is), and is
   * refused with where it is not, as the desktop and the command line do; a file picked for import is read
   * in its encoding, a CSV in the Windows code page as Windows-1252, which `encoding` tells the page.
   */
  async function readFile(file: File, as: 'open' | 'import' = 'open'): Promise<{ ok: true; text: string; encoding: TextEncodingName } | { ok: false; error: Problem }> {
    if (file.size > MAX_FILE_BYTES) return problem('too-large', `${file.name} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; Progressions does not open files that large.`);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      return problem('unreadable', `${file.name} could not be read: ${(e as Error).message}`);
    }
    if (as === 'import') {
      const r = readImportText(bytes, file.name);
      return r.ok ? { ok: true, text: r.value.text, encoding: r.value.encoding } : r;
    }
    const r = readUtf8Text(bytes, file.name);
    return r.ok ? { ok: true, text: r.value, encoding: 'utf-8' } : r;
  }

  // Files dropped onto the page open like File ▸ Open.
  win.addEventListener('dragover', (e) => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  });
  win.addEventListener('drop', (e) => {
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    void readFile(file).then((r) => {
      if (r.ok) emit('file:openRequested', { text: r.text, name: file.name, docToken: null });
      // too large, unreadable or not UTF-8: the page says why in its banner
      else emit('file:openFailed', { name: file.name, message: r.error.message });
    });
  });

  const host: HostApi = {
    kind: 'browser',
    platform: platform(),
    async openFile() {
      if (useFs()) {
        try {
          const [handle] = await fsw.showOpenFilePicker!({ types: FRAMEWORK_TYPES });
          if (!handle) return { ok: true, value: null };
          const file = await handle.getFile();
          const r = await readFile(file);
          if (!r.ok) return r;
          const docToken = remember(handle);
          known.set(docToken, stampOf(file));
          handedOver.set(docToken, handle.name);
          return { ok: true, value: { text: r.text, name: handle.name, docToken } };
        } catch (e) {
          if (isAbort(e)) return { ok: true, value: null };
          return problem('unreadable', `The file could not be opened: ${(e as Error).message}`);
        }
      }
      const file = await pickWithInput(['json']);
      if (!file) return { ok: true, value: null };
      const r = await readFile(file);
      return r.ok ? { ok: true, value: { text: r.text, name: file.name, docToken: null } } : r;
    },
    async openRecent({ docToken }) {
      await ready;
      const handle = handles.get(docToken);
      if (!handle) return problem('not-found', 'That document is no longer available; open it again.');
      let file: File;
      try {
        if (!(await ensurePermission(handle))) return problem('permission', `The browser was not allowed to open ${handle.name}; open it again with Open….`);
        file = await handle.getFile();
      } catch (e) {
        if (e instanceof DOMException && e.name === 'NotFoundError') {
          await dropRecent(docToken);
          return problem('not-found', `${handle.name} is no longer there (moved or deleted); it was removed from Open Recent.`);
        }
        return problem('unreadable', `${handle.name} could not be opened: ${(e as Error).message}`);
      }
      const r = await readFile(file);
      if (!r.ok) return r;
      known.set(docToken, stampOf(file));
      handedOver.set(docToken, handle.name);
      return { ok: true, value: { text: r.text, name: handle.name, docToken } satisfies OpenedDocument };
    },
    async listRecent() {
      if (!useFs()) return [];
      await ready;
      await recentWrites;
      return recent.map(({ name, docToken, openedAt }): RecentDocument => ({ name, docToken, openedAt }));
    },
    async saveFile({ docToken, text, overwrite }) {
      const handle = handles.get(docToken);
      if (!handle) return problem('not-found', 'This document has no file to save back to; use Save As.');
      const was = known.get(docToken);
      if (overwrite !== true && was) {
        const what = 'It was not saved, so nothing of that is lost: replace the file with your version, or use Save As… to keep both.';
        try {
          // a page reloaded since the file was picked must ask for access again before it can look at it
          await ensurePermission(handle).catch(() => false);
          const now = await handle.getFile();
          // size null: a restored recovery copy, whose file this page never read — changed if modified after the copy was kept
          const changed = was.size === null ? now.lastModified > was.lastModified : now.lastModified !== was.lastModified || now.size !== was.size;
          if (changed) {
            return problem('changed-on-disk', `"${handle.name}" was changed by another program since you opened or last saved it (a colleague, a sync client, another tab). ${what}`);
          }
        } catch (e) {
          if (e instanceof DOMException && e.name === 'NotFoundError') {
            return problem('removed-on-disk', `"${handle.name}" was moved or deleted by another program since you opened it. ${what}`);
          }
          // not readable now: the write below says why if it fails too
        }
      }
      try {
        const w = await handle.createWritable();
        await w.write(text);
        await w.close();
        await noteWritten(docToken, handle);
        await addRecent(handle.name, docToken);
        return { ok: true, value: { name: handle.name, docToken } };
      } catch (e) {
        return problem('write-failed', `Saving ${handle.name} failed: ${(e as Error).message}. The document is still unsaved.`);
      }
    },
    async saveFileAs({ suggestedName, text }) {
      if (useFs() && fsw.showSaveFilePicker) {
        try {
          const handle = await fsw.showSaveFilePicker({ suggestedName, types: FRAMEWORK_TYPES });
          const w = await handle.createWritable();
          await w.write(text);
          await w.close();
          const docToken = remember(handle);
          await noteWritten(docToken, handle);
          await addRecent(handle.name, docToken);
          return { ok: true, value: { name: handle.name, docToken } };
        } catch (e) {
          if (isAbort(e)) return { ok: true, value: null };
          return problem('write-failed', `Saving failed: ${(e as Error).message}. The document is still unsaved.`);
        }
      }
      download(suggestedName, [text], 'application/json');
      return { ok: true, value: { name: suggestedName, docToken: null } };
    },
    async saveExport({ suggestedName, content, chunks, encoding, mimeType, filters }) {
      const text = chunks ?? [content ?? ''];
      let parts: BlobPart[] = text;
      if (encoding === 'base64') {
        try {
          parts = [base64Bytes(text.join(''))];
        } catch {
          return problem('bad-request', 'The export is not valid base64.');
        }
      }
      if (useFs() && fsw.showSaveFilePicker) {
        try {
          const handle = await fsw.showSaveFilePicker({ suggestedName, types: typesFor(filters, mimeType) });
          const w = await handle.createWritable();
          await w.write(new Blob(parts, { type: mimeType }));
          await w.close();
          return { ok: true, value: { name: handle.name } };
        } catch (e) {
          if (isAbort(e)) return { ok: true, value: null };
          return problem('write-failed', `Exporting failed: ${(e as Error).message}`);
        }
      }
      download(suggestedName, parts, mimeType);
      return { ok: true, value: { name: suggestedName, downloaded: true } };
    },
    async pickImport({ accept }) {
      const file = await pickWithInput(accept);
      if (!file) return { ok: true, value: null };
      const r = await readFile(file, 'import');
      return r.ok ? { ok: true, value: { text: r.text, name: file.name, encoding: r.encoding } } : r;
    },
    fetchCase: ({ url }) => fetchCaseSameOrigin(url, win),
    async getSettings() {
      if (unstoredSettings) return unstoredSettings;
      try {
        return sanitizeSettings(JSON.parse(storage.getItem(SETTINGS_KEY) ?? '{}'));
      } catch {
        return sanitizeSettings({});
      }
    },
    async setSettings(patch) {
      const next: HostSettings = sanitizeSettings({ ...(await host.getSettings()), ...patch });
      try {
        storage.setItem(SETTINGS_KEY, JSON.stringify(next));
        unstoredSettings = null;
      } catch {
        // localStorage full or refused: the settings hold for this page (kept on a later change with room)
        unstoredSettings = next;
      }
      return next;
    },
    async listRecovery() {
      return journal.orphans(pageId);
    },
    async restoreRecovery({ id }) {
      await ready;
      const r = await journal.read(id);
      if (!r) return problem('not-found', 'That recovered document is no longer there: another tab restored or discarded it.');
      // The copy becomes this page's own before the gone page's is removed: a crash right after restoring
      // (before this page's first autosave) still leaves it to recover. Kept nowhere: the old one stays until then.
      try {
        await journal.write(pageId, r);
        await journal.clear(id);
      } catch {
        restored.add(id);
      }
      const docToken = r.docToken && handles.has(r.docToken) ? r.docToken : null;
      if (docToken) known.set(docToken, { lastModified: Date.parse(r.savedAt) || 0, size: null });
      return { ok: true, value: { text: r.text, name: r.name, docToken, savedAt: r.savedAt } };
    },
    async discardRecovery({ id }) {
      await journal.clear(id);
      return { ok: true, value: undefined };
    },
    async writeJournal({ name, title, docToken, text }) {
      try {
        await journal.write(pageId, { name, title, docToken, text, savedAt: new Date().toISOString() }, { urgent: leaving });
        await dropRestored();
        return { ok: true, value: undefined };
      } catch (e) {
        // the browser's own words stay in the console; the user reads what happened and what to do
        console.warn('Recovery journal write failed:', ...(e instanceof JournalWriteError ? e.causes : [e]));
        return problem('journal-failed', e instanceof JournalWriteError ? e.message : journalFailureMessage('unavailable'));
      }
    },
    async clearJournal() {
      await journal.clear(pageId);
      await dropRestored();
      return { ok: true, value: undefined };
    },
    async printPdf({ suggestedName }) {
      win.print();
      return { ok: true, value: { name: suggestedName } };
    },
    async openExternal({ url }) {
      let u: URL;
      try {
        u = new URL(url);
      } catch {
        return problem('bad-url', `Not a web address: ${url}`);
      }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return problem('bad-url', 'Only http and https links can be opened.');
      win.open(u.href, '_blank', 'noopener,noreferrer');
      return { ok: true, value: undefined };
    },
    async setTitle({ title }) {
      win.document.title = title;
    },
    async setDirty(req) {
      dirty = req.dirty;
    },
    async closeWindow() {
      win.close();
    },
    // A tab has no file to watch and no native menu to label: what it shows only decides Open Recent.
    async setDocument({ docToken }) {
      const name = docToken === null ? undefined : handedOver.get(docToken);
      if (name === undefined || docToken === null) return;
      handedOver.delete(docToken);
      await addRecent(name, docToken);
    },
    // A CASE package the page imported is listed (reopening it imports it again); a refused file is not.
    async openHandled({ token, outcome }) {
      const name = handedOver.get(token);
      if (name === undefined) return;
      handedOver.delete(token);
      if (outcome === 'imported') await addRecent(name, token);
    },
    async setUndoState() {},
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (p: never) => void);
      return () => set.delete(listener as (p: never) => void);
    },
  };
  return host;
}
