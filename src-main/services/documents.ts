import { basename, dirname, extname, isAbsolute } from 'node:path';
import { loadFrameworkValue, serializeFramework, toFrameworkFile, type LoadProblem } from '../../src-core/format/frameworkFile';
import { readFrameworkAny, type InputFormat } from '../../src-core/formats/readAny';
import { MAX_FILE_BYTES, type Framework } from '../../src-core/model/types';
import { fail, ok, type Problem, type Result } from '../../src-core/result';
import { describeFsError, type FileSystem } from './files';
import type { ExternalChange, FileWatcher } from './fileWatcher';
import type { PathTokens } from './pathTokens';
import type { RecentFiles } from './recentFiles';
import { RecoveryJournal, type RecoveryEntry } from './recoveryJournal';

/** The extension Progressions gives the files it saves (registered with the OS by the installers). */
export const DOCUMENT_EXTENSION = 'progressions';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export const DOCUMENT_FILTERS: FileFilter[] = [
  { name: 'Progressions framework', extensions: [DOCUMENT_EXTENSION, 'json'] },
  { name: 'All files', extensions: ['*'] },
];

/** Native dialogs, as the services need them (Electron's `dialog` in the app, scripted fakes in tests). */
export interface Dialogs {
  chooseOpenFile(owner: number, options: { title: string; filters: FileFilter[] }): Promise<string | undefined>;
  chooseSaveFile(owner: number, options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | undefined>;
  /** "Save changes to X before closing?" */
  askUnsaved(owner: number, documentName: string): Promise<'save' | 'discard' | 'cancel'>;
  /** "X changed on disk." `dirty`: the window has unsaved changes of its own. */
  askExternalChange(owner: number, documentName: string, change: ExternalChange, dirty: boolean): Promise<'reload' | 'keep'>;
}

/** A document as handed to a window. */
export interface OpenedDocument {
  /** The file name shown in the title bar ("Untitled" for a new or imported document). */
  name: string;
  /** True when Save writes to a file without asking (false: Save acts as Save As…). */
  hasFile: boolean;
  /** The format the file was in; anything but `progressions` opens as an untitled import. */
  format: InputFormat;
  /** What the reader converted or upgraded (an import report); empty for our own current files. */
  notes: string[];
  framework: Framework;
}

/** Expected failures of a file action; `canceled` when the user closed the dialog. */
export type FileResult<T> = Result<T, LoadProblem> | { ok: false; canceled: true; error: Problem };

const canceled = (): { ok: false; canceled: true; error: Problem } => ({ ok: false, canceled: true, error: { code: 'canceled', message: 'Canceled.' } });

interface Session {
  owner: number;
  /** The recovery journal entry of this window's document. */
  journalId: string;
  path: string | null;
  name: string;
  dirty: boolean;
  /** The document main opened for this window before its renderer asked for it. */
  pending: (OpenedDocument & { restoredFrom?: string }) | null;
}

export interface DocumentServiceOptions {
  fs: FileSystem;
  dialogs: Dialogs;
  tokens: PathTokens;
  recent: RecentFiles;
  journal: RecoveryJournal;
  watcher?: FileWatcher;
  /** Tells a window's renderer about something main did (a reload after an external change). */
  notify?: (owner: number, event: DocumentEvent) => void;
  maxBytes?: number;
  newJournalId?: () => string;
}

/** Events main pushes to a window about its document. */
export type DocumentEvent =
  | { type: 'document-reloaded'; document: OpenedDocument }
  | { type: 'external-change-kept'; change: ExternalChange };

/**
 * Documents and their files, one session per window: open (with a clear message for every bad
 * input), save atomically with a `.bak` of the previous version, Save As through a dialog, autosave
 * to the recovery journal, recent files, imports and exports through dialogs, reacting to external
 * changes. Paths never come from the renderer: they come from dialogs, or from main (command line,
 * OS, recent list, drops) and are checked here on open.
 */
export class DocumentService {
  readonly #o: Required<Omit<DocumentServiceOptions, 'watcher' | 'notify'>> & Pick<DocumentServiceOptions, 'watcher' | 'notify'>;
  readonly #sessions = new Map<number, Session>();

  constructor(options: DocumentServiceOptions) {
    this.#o = { maxBytes: MAX_FILE_BYTES, newJournalId: RecoveryJournal.newId, ...options };
  }

  // ── sessions ──────────────────────────────────────────────────────────────

  /** Starts an untitled session for a new window. */
  attach(owner: number): void {
    if (!this.#sessions.has(owner)) this.#sessions.set(owner, { owner, journalId: this.#o.newJournalId(), path: null, name: 'Untitled', dirty: false, pending: null });
  }

  #session(owner: number): Session {
    this.attach(owner);
    return this.#sessions.get(owner)!;
  }

  /** The window's document as the title bar and close guard see it. */
  info(owner: number): { name: string; path: string | null; dirty: boolean } | undefined {
    const s = this.#sessions.get(owner);
    return s && { name: s.name, path: s.path, dirty: s.dirty };
  }

  /** The window showing `path`, if any (so opening it again focuses that window). */
  ownerOf(path: string): number | undefined {
    for (const s of this.#sessions.values()) if (s.path === path) return s.owner;
    return undefined;
  }

  /** True for a window that shows nothing yet (untitled, unchanged): a file can open in it. */
  isBlank(owner: number): boolean {
    const s = this.#sessions.get(owner);
    return !!s && s.path === null && !s.dirty && s.pending === null;
  }

  setDirty(owner: number, dirty: boolean): void {
    this.#session(owner).dirty = dirty;
  }

  /** The window is gone: forget its tokens and watch; drop its journal entry when nothing is unsaved. */
  async detach(owner: number, options: { discardJournal: boolean }): Promise<void> {
    const s = this.#sessions.get(owner);
    if (!s) return;
    this.#sessions.delete(owner);
    this.#o.tokens.revokeOwner(owner);
    if (s.path && this.ownerOf(s.path) === undefined) this.#o.watcher?.unwatch(s.path);
    if (options.discardJournal || !s.dirty) await this.#o.journal.discard(s.journalId);
  }

  /** What a newly created window should show first (and forgets it): set by open/restore in main. */
  takePending(owner: number): (OpenedDocument & { restoredFrom?: string }) | null {
    const s = this.#session(owner);
    const p = s.pending;
    s.pending = null;
    return p;
  }

  // ── open ──────────────────────────────────────────────────────────────────

  /** Reads and checks a document file without touching any session. */
  async read(path: string): Promise<Result<Omit<OpenedDocument, 'hasFile'>, LoadProblem>> {
    const name = basename(path);
    if (typeof path !== 'string' || !isAbsolute(path)) return fail('bad-path', 'Not a file path.');
    const text = await this.#readText(path, this.#o.maxBytes);
    if (!text.ok) return text;
    const r = readFrameworkAny(text.value);
    if (!r.ok) {
      const e = r.error;
      return { ok: false, error: { ...e, message: `Cannot open "${name}": ${e.message}` } };
    }
    return ok({ name, format: r.value.format, notes: r.value.notes, framework: r.value.framework });
  }

  async #readText(path: string, maxBytes: number): Promise<Result<string>> {
    const name = basename(path);
    try {
      const s = await this.#o.fs.stat(path);
      if (s.isDirectory()) return fail('is-directory', `Cannot open "${name}": it is a folder, not a file.`);
      if (s.size > maxBytes) {
        return fail('too-large', `Cannot open "${name}": it is ${(s.size / 1024 / 1024).toFixed(0)} MB; the limit is ${Math.round(maxBytes / 1024 / 1024)} MB.`);
      }
      if (s.size === 0) return fail('empty', `Cannot open "${name}": the file is empty.`);
      return ok(await this.#o.fs.readText(path));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return fail('not-found', `Cannot open "${name}": the file does not exist (it may have been moved or deleted).`);
      if (code === 'EACCES' || code === 'EPERM') return fail('not-readable', `Cannot open "${name}": you do not have permission to read it.`);
      return fail('not-readable', `Cannot open "${name}": ${describeFsError(e, 'read')}`);
    }
  }

  /**
   * Opens `path` in the window `owner`. Our own files keep their path (Save writes back); other
   * formats (CASE) open as an untitled document, so Save never overwrites the source package.
   */
  async openPath(owner: number, path: string): Promise<Result<OpenedDocument, LoadProblem>> {
    const r = await this.read(path);
    if (!r.ok) {
      if (r.error.code === 'not-found') this.#o.recent.remove(path);
      return r;
    }
    const s = this.#session(owner);
    const own = r.value.format === 'progressions';
    if (s.path && s.path !== path) this.#stopWatching(s);
    s.path = own ? path : null;
    s.name = own ? r.value.name : `${stripExtension(r.value.name)} (imported)`;
    s.dirty = !own;
    this.#o.recent.add(path);
    if (own) await this.#watch(s);
    const doc: OpenedDocument = { ...r.value, name: s.name, hasFile: own };
    return ok(doc);
  }

  /** Opens `path` for a window whose renderer will ask for it with `takePending`. */
  async openPathPending(owner: number, path: string): Promise<Result<OpenedDocument, LoadProblem>> {
    const r = await this.openPath(owner, path);
    if (r.ok) this.#session(owner).pending = r.value;
    return r;
  }

  /** File › Open…: the user picks a file. Returns its path (main then picks the window). */
  async chooseDocument(owner: number): Promise<FileResult<string>> {
    const path = await this.#o.dialogs.chooseOpenFile(owner, { title: 'Open framework', filters: DOCUMENT_FILTERS });
    return path ? ok(path) : canceled();
  }

  // ── save ──────────────────────────────────────────────────────────────────

  #check(framework: unknown): Result<string, LoadProblem> {
    if (typeof framework !== 'object' || framework === null || Array.isArray(framework)) return fail('bad-document', 'There is no framework to save.');
    const loaded = loadFrameworkValue(toFrameworkFile(framework as Framework));
    if (!loaded.ok) {
      return { ok: false, error: { ...loaded.error, code: 'invalid-document', message: `The framework was not saved because it does not match the file format: ${loaded.error.message}` } };
    }
    const text = serializeFramework(loaded.value.framework);
    if (text.length > this.#o.maxBytes) return fail('too-large', 'The framework is too large to save.');
    return ok(text);
  }

  async #writeDocument(s: Session, path: string, text: string): Promise<Result<{ name: string; savedAt: string }>> {
    const name = basename(path);
    const watcher = this.#o.watcher;
    watcher?.beginOwnWrite(path);
    try {
      await this.#o.fs.writeAtomic(path, text, { backup: true });
    } catch (e) {
      await watcher?.endOwnWrite(path);
      // The session stays dirty and its journal entry stays: nothing is lost.
      return fail(
        'save-failed',
        `"${name}" was not saved: ${describeFsError(e, 'save')} The file on disk is unchanged and your changes are still open (and kept in the recovery copy). Try again, or use Save As… to save somewhere else.`,
      );
    }
    const wasPath = s.path;
    s.path = path;
    s.name = name;
    s.dirty = false;
    if (wasPath !== path) {
      if (wasPath) this.#stopWatching({ ...s, path: wasPath });
      await this.#watch(s);
    }
    await watcher?.endOwnWrite(path);
    this.#o.recent.add(path);
    await this.#o.journal.discard(s.journalId);
    return ok({ name, savedAt: new Date().toISOString() });
  }

  /** File › Save: writes to the window's file, or asks for one (Save As) when it has none. */
  async save(owner: number, framework: unknown): Promise<FileResult<{ name: string; savedAt: string }>> {
    const s = this.#session(owner);
    if (!s.path) return this.saveAs(owner, framework);
    const text = this.#check(framework);
    if (!text.ok) return text;
    return this.#writeDocument(s, s.path, text.value);
  }

  /** File › Save As…: the user picks where; the window's document then belongs to that file. */
  async saveAs(owner: number, framework: unknown): Promise<FileResult<{ name: string; savedAt: string }>> {
    const s = this.#session(owner);
    const text = this.#check(framework);
    if (!text.ok) return text;
    const title = (framework as Framework).title;
    const defaultName = s.path ? basename(s.path) : `${safeFileName(title || 'Untitled')}.${DOCUMENT_EXTENSION}`;
    const chosen = await this.#o.dialogs.chooseSaveFile(owner, { title: 'Save framework as', defaultName: s.path ? s.path : defaultName, filters: DOCUMENT_FILTERS });
    if (!chosen) return canceled();
    const path = extname(chosen) ? chosen : `${chosen}.${DOCUMENT_EXTENSION}`;
    const other = this.ownerOf(path);
    if (other !== undefined && other !== owner) return fail('open-elsewhere', `"${basename(path)}" is open in another window; close it there first.`);
    return this.#writeDocument(s, path, text.value);
  }

  // ── recovery ──────────────────────────────────────────────────────────────

  /** Autosave: the unsaved state of the window's document goes to the recovery journal. */
  async autosave(owner: number, framework: unknown): Promise<Result<{ updatedAt: string }>> {
    const s = this.#session(owner);
    return this.#o.journal.write(s.journalId, { documentName: s.name, filePath: s.path, framework });
  }

  listRecovery(): Promise<RecoveryEntry[]> {
    return this.#o.journal.list();
  }

  /**
   * Restores a journal entry into the window: the document comes back with its unsaved edits (dirty)
   * and, if it had a file that still exists, Save writes to that file again.
   */
  async restore(owner: number, entryId: unknown): Promise<Result<OpenedDocument & { updatedAt: string }>> {
    const r = await this.#o.journal.restore(entryId);
    if (!r.ok) return r;
    const s = this.#session(owner);
    const old = s.journalId;
    if (old !== r.value.id) await this.#o.journal.discard(old);
    if (s.path) this.#stopWatching(s);
    s.journalId = r.value.id;
    s.dirty = true;
    s.path = null;
    s.name = r.value.documentName;
    const filePath = r.value.filePath;
    if (filePath && (await this.#o.fs.stat(filePath).then((st) => st.isFile(), () => false))) {
      s.path = filePath;
      s.name = basename(filePath);
      await this.#watch(s);
    }
    return ok({ name: s.name, hasFile: s.path !== null, format: 'progressions', notes: [], framework: r.value.framework, updatedAt: r.value.updatedAt });
  }

  /** Drops a journal entry the user chose not to restore. Entries of open windows are refused. */
  async discardRecovery(entryId: unknown): Promise<Result<void>> {
    if (typeof entryId !== 'string') return fail('bad-id', 'Not a recovery entry id.');
    for (const s of this.#sessions.values()) if (s.journalId === entryId) return fail('in-use', 'That document is open in a window.');
    const known = (await this.#o.journal.list()).some((e) => e.id === entryId);
    if (!known) return fail('not-found', 'There is no such recovery copy.');
    return this.#o.journal.discard(entryId);
  }

  // ── recent files ──────────────────────────────────────────────────────────

  /** The recent list for a window's menu or start page: names and folders, each with a token to open it. */
  async recentFor(owner: number): Promise<{ token: string; name: string; folder: string }[]> {
    const paths = await this.#o.recent.list();
    return paths.map((p) => ({ token: this.#o.tokens.grant(owner, p, 'document'), name: basename(p), folder: dirname(p) }));
  }

  /** The path behind a recent-file token the window holds. */
  resolveDocumentToken(owner: number, token: unknown): string | undefined {
    return this.#o.tokens.resolve(owner, token, 'document');
  }

  // ── import / export ───────────────────────────────────────────────────────

  /** Import: the user picks a file (CASE JSON, CSV …); its text goes to the renderer's importer. */
  async pickImport(owner: number, kind: 'case' | 'csv' | 'any'): Promise<FileResult<{ name: string; text: string }>> {
    const filters: FileFilter[] =
      kind === 'csv'
        ? [{ name: 'CSV', extensions: ['csv', 'txt'] }]
        : kind === 'case'
          ? [{ name: 'CASE package (JSON)', extensions: ['json'] }]
          : [{ name: 'Frameworks and standards', extensions: ['json', 'csv', DOCUMENT_EXTENSION] }];
    const path = await this.#o.dialogs.chooseOpenFile(owner, { title: kind === 'csv' ? 'Import CSV' : 'Import CASE package', filters: [...filters, { name: 'All files', extensions: ['*'] }] });
    if (!path) return canceled();
    const text = await this.#readText(path, this.#o.maxBytes);
    if (!text.ok) return { ok: false, error: { ...text.error, message: text.error.message.replace(/^Cannot open/, 'Cannot import') } };
    return ok({ name: basename(path), text: text.value });
  }

  /** Export: the renderer made the file's content; the user picks where it goes. */
  async writeExport(owner: number, request: { defaultName: string; filters: FileFilter[]; content: string | Uint8Array }): Promise<FileResult<{ name: string }>> {
    const path = await this.#o.dialogs.chooseSaveFile(owner, { title: 'Export', defaultName: request.defaultName, filters: request.filters });
    if (!path) return canceled();
    try {
      await this.#o.fs.writeAtomic(path, request.content as string);
      return ok({ name: basename(path) });
    } catch (e) {
      return fail('export-failed', `"${basename(path)}" was not written: ${describeFsError(e, 'save')}`);
    }
  }

  // ── external changes ──────────────────────────────────────────────────────

  async #watch(s: Session): Promise<void> {
    const w = this.#o.watcher;
    if (!w || !s.path) return;
    const path = s.path;
    await w.watch(path, (change) => void this.#externalChange(path, change));
  }

  #stopWatching(s: Session): void {
    if (s.path) this.#o.watcher?.unwatch(s.path);
  }

  /** Someone else changed or removed the open file: ask Reload / Keep mine. */
  async #externalChange(path: string, change: ExternalChange): Promise<void> {
    const owner = this.ownerOf(path);
    if (owner === undefined) return;
    const s = this.#session(owner);
    const choice = change === 'removed' ? 'keep' : await this.#o.dialogs.askExternalChange(owner, s.name, change, s.dirty);
    if (this.#sessions.get(owner) !== s || s.path !== path) return;
    if (choice === 'reload') {
      const r = await this.read(path);
      if (r.ok && r.value.format === 'progressions') {
        s.dirty = false;
        await this.#o.journal.discard(s.journalId);
        this.#o.notify?.(owner, { type: 'document-reloaded', document: { ...r.value, hasFile: true } });
        return;
      }
    }
    // Keep mine: the window's version now differs from the file, so it counts as unsaved.
    s.dirty = true;
    this.#o.notify?.(owner, { type: 'external-change-kept', change });
  }
}

function stripExtension(name: string): string {
  return name.replace(/(\.progressions)?(\.json|\.csv)?$/i, '') || name;
}

/** A file name from a framework title: no path separators or characters Windows refuses. */
export function safeFileName(title: string): string {
  const s = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
  return s.replace(/^\.+/, '') || 'Untitled';
}
