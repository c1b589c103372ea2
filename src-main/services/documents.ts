import { createHash } from 'node:crypto';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import { decodeUtf16, readImportText, readUtf8Text, type DecodedText, type TextEncodingName } from '../../src-core/format/decodeText';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import type {
  DocToken,
  FileFilter,
  HostEvents,
  HostResult,
  OpenedDocument,
  PickedFile,
  RecentDocument,
  RecoveredDocument,
  RecoveryEntry,
  SavedDocument,
} from '../../src-core/host/contract';
import { MAX_FILE_BYTES } from '../../src-core/model/types';
import { fail, ok } from '../../src-core/result';
import { canonicalPath, isSameFile } from './fileIdentity';
import { describeFsError, type FileSystem } from './files';
import type { FileWatcher } from './fileWatcher';
import type { PathTokens } from './pathTokens';
import type { RecentFiles } from './recentFiles';
import { isJournalId, type RecoveryJournal } from './recoveryJournal';
import { hasFrameworkMark } from '../../src-core/format/sniff';

/** The extension Progressions gives the files it saves (registered with the OS by the installers). */
export const DOCUMENT_EXTENSION = 'progressions';

export const DOCUMENT_FILTERS: FileFilter[] = [
  { name: 'Progressions framework', extensions: [DOCUMENT_EXTENSION, 'json'] },
  { name: 'All files', extensions: ['*'] },
];

/** Native dialogs, as the services need them (Electron's `dialog` in the app, scripted fakes in tests). */
export interface Dialogs {
  /** A path, or undefined when the user canceled. */
  chooseOpenFile(owner: number, options: { title: string; filters: FileFilter[] }): Promise<string | undefined>;
  chooseSaveFile(owner: number, options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | undefined>;
}

/** Pushes an event to one window's renderer. */
export type Notify = <E extends keyof HostEvents>(owner: number, event: E, payload: HostEvents[E]) => void;

/** The file as this window last read or wrote it: its size on disk and a hash of its text. */
export interface FileStamp {
  size: number;
  hash: string;
}

const hashText = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A file handed to the page that the page has not (yet) said it shows: it may still refuse it. */
interface Offered {
  path: string;
  /** The file as read when it was handed over (the save check's record, once the page shows it). */
  stamp: FileStamp | null;
}

/** Files offered to a page and not taken are forgotten after this many newer ones. */
const MAX_OFFERED = 8;

interface Session {
  owner: number;
  /**
   * The file of the document the window shows (its canonical path): the one the page said it shows
   * (`window:setDocument`), or last saved there. A file handed over to open is not the window's until
   * the page shows it: a file the page refuses (not loadable, the user kept their changes) is not watched,
   * not listed as recent, and not "already open" here.
   */
  path: string | null;
  docToken: DocToken | null;
  /** Files handed to the page by token, until it shows one of them. */
  offered: Map<string, Offered>;
  /**
   * Files handed to the page that it may import but never save to (`source` tokens, e.g. a CASE package),
   * by token: listed as recent once the page says it imported one (`handled`).
   */
  sources: Map<string, string>;
  /**
   * Handovers the page has not answered yet: not shown, imported or refused. (A report of a document
   * without a file does not answer one: the page may have sent it before the file reached it, as at
   * start.) The window is not blank while there is one: a second file would replace the first.
   */
  unanswered: Set<string>;
  /**
   * Each file's contents as this window last read or wrote them, by path: a save first checks the file
   * still holds them (else someone else changed it, and the user is asked). By path, not only for
   * `path`: a file opened that the page then refused leaves the page showing the one before.
   */
  known: Map<string, FileStamp | null>;
  name: string;
  dirty: boolean;
  /** Journal entries this window wrote (their ids are chosen by the renderer). */
  journalIds: Set<string>;
  /** Entries restored into this window: dropped once the window keeps its own recovery copy. */
  restoredIds: Set<string>;
  /** The window's last recovery-copy write succeeded (a failed save may say its changes are kept there). */
  journalOk: boolean;
}

export interface DocumentServiceOptions {
  fs: FileSystem;
  dialogs: Dialogs;
  tokens: PathTokens;
  recent: RecentFiles;
  journal: RecoveryJournal;
  watcher?: FileWatcher;
  notify?: Notify;
  /** Brings a window to the front (a file the user opens is already open there). */
  focus?: (owner: number) => void;
  /** Size limit for opening, importing, saving and exporting (bytes; default 200 MB). */
  maxBytes?: number;
  now?: () => number;
}

const MAX_NAME = 255;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const bad = (message: string) => fail('bad-request', message);

/**
 * Documents and their files, one session per window (`owner` is the window's web-contents id):
 * open with a clear message for every bad file, save atomically keeping `<name>.bak`, Save As and
 * exports through a dialog, imports with a size limit, recent files, the recovery journal, and
 * external changes to the open file.
 *
 * Paths never come from the renderer. They come from dialogs, or from main itself (command line,
 * the OS, drops), and the renderer gets an opaque {@link DocToken} for each, which only that window
 * can use. Every request arrives as `unknown` and is checked here.
 */
export class DocumentService {
  readonly #o: DocumentServiceOptions & { maxBytes: number };
  readonly #sessions = new Map<number, Session>();

  constructor(options: DocumentServiceOptions) {
    this.#o = { maxBytes: MAX_FILE_BYTES, ...options };
  }

  // ── sessions ──────────────────────────────────────────────────────────────

  /** Starts a session for a new window. */
  attach(owner: number): void {
    if (!this.#sessions.has(owner)) {
      this.#sessions.set(owner, {
        owner,
        path: null,
        docToken: null,
        offered: new Map(),
        sources: new Map(),
        unanswered: new Set(),
        known: new Map(),
        name: 'Untitled',
        dirty: false,
        journalIds: new Set(),
        restoredIds: new Set(),
        journalOk: false,
      });
    }
  }

  #session(owner: number): Session {
    this.attach(owner);
    return this.#sessions.get(owner)!;
  }

  /** What the title bar and the close guard need to know about a window's document. */
  info(owner: number): { name: string; path: string | null; dirty: boolean } | undefined {
    const s = this.#sessions.get(owner);
    return s && { name: s.name, path: s.path, dirty: s.dirty };
  }

  /** The window showing the file at the canonical path `path`, if any. */
  ownerOf(path: string): number | undefined {
    for (const s of this.#sessions.values()) if (s.path === path) return s.owner;
    return undefined;
  }

  /**
   * The window showing the file at `path`, however it is spelled (a link to it, `a/../x.json`, another
   * case on a case-insensitive disk): opening it again focuses that window, and no other window saves it.
   */
  async findOwner(path: string): Promise<number | undefined> {
    const real = await this.#canonical(path);
    const exact = this.ownerOf(real);
    if (exact !== undefined) return exact;
    for (const s of this.#sessions.values()) if (s.path !== null && (await isSameFile(this.#o.fs, s.path, real))) return s.owner;
    return undefined;
  }

  #canonical(path: string): Promise<string> {
    return canonicalPath(this.#o.fs, path);
  }

  /**
   * A window that shows no file and has no unsaved changes: a file opened from the menu can go there.
   * Not while a file handed to its page is unanswered (a second file would replace the first); once the
   * page refused it (and still shows nothing, unchanged) it is blank again, as a fresh window.
   */
  isBlank(owner: number): boolean {
    const s = this.#sessions.get(owner);
    return !!s && s.path === null && !s.dirty && s.unanswered.size === 0;
  }

  setDirty(owner: number, dirty: unknown): void {
    if (typeof dirty === 'boolean') this.#session(owner).dirty = dirty;
  }

  /**
   * The window is gone. Its tokens and watch end. Its recovery copies are removed when the user
   * closed it without unsaved changes or chose "Don't save"; after a crash (`discardJournal: false`)
   * they stay and are offered on the next start.
   */
  async detach(owner: number, options: { discardJournal: boolean }): Promise<void> {
    this.#o.tokens.revokeOwner(owner);
    const s = this.#sessions.get(owner);
    if (!s) return;
    this.#sessions.delete(owner);
    if (s.path && this.ownerOf(s.path) === undefined) this.#o.watcher?.unwatch(s.path);
    if (options.discardJournal || !s.dirty) {
      for (const id of [...s.journalIds, ...s.restoredIds]) await this.#o.journal.discard(id);
    }
  }

  /**
   * The window's page went away but the window stays (a renderer crash, a reload): its recovery
   * copies are no longer claimed, so the reloaded page is offered them; its tokens end.
   */
  releaseRenderer(owner: number): void {
    this.#o.tokens.revokeOwner(owner);
    const s = this.#sessions.get(owner);
    if (!s) return;
    s.journalIds.clear();
    s.restoredIds.clear();
    s.journalOk = false;
    s.dirty = false;
    s.docToken = null;
    s.offered.clear();
    s.sources.clear();
    s.unanswered.clear();
    s.known.clear();
    if (s.path && this.ownerOf(s.path) === owner) {
      const path = s.path;
      s.path = null;
      s.name = 'Untitled';
      if (this.ownerOf(path) === undefined) this.#o.watcher?.unwatch(path);
    }
  }

  // ── open ──────────────────────────────────────────────────────────────────

  /**
   * A file picked for import, read in its encoding (src-core's `readImportText`): a CSV Excel saved in the
   * Windows code page is read as Windows-1252 and says so (`encoding`); a JSON file that is not UTF-8 is
   * refused with where.
   */
  async #readImport(path: string): Promise<HostResult<PickedFile>> {
    const name = basename(path);
    const r = await this.#readFile(path, 'import', (bytes) => readImportText(bytes, name));
    return r.ok ? ok({ name, text: r.value.text, encoding: r.value.encoding }) : r;
  }

  /** The text of the file at `path` as an open reads it (UTF-16 as `decodeUtf16` finds it), for comparing stamps. */
  async #textOnDisk(path: string): Promise<string> {
    if (!this.#o.fs.readBytes) return this.#o.fs.readText(path);
    const bytes = await this.#o.fs.readBytes(path);
    return decodeUtf16(bytes)?.text ?? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  }

  /**
   * Reads `path` (checked: a file, not empty, within the size limit). A document to open must be UTF-8, or
   * UTF-16 with its byte order mark, and is refused with where it is not (as the command line does).
   * `decode` reads an import instead.
   */
  async #readFile(
    path: string,
    verb: 'open' | 'import',
    decode?: (bytes: Uint8Array) => HostResult<DecodedText>,
  ): Promise<HostResult<{ text: string; stamp: FileStamp; encoding?: TextEncodingName }>> {
    const name = basename(path);
    const max = this.#o.maxBytes;
    try {
      const s = await this.#o.fs.stat(path);
      if (s.isDirectory()) return fail('is-directory', `Cannot ${verb} "${name}": it is a folder, not a file.`);
      if (s.size > max) return fail('too-large', `Cannot ${verb} "${name}": it is ${(s.size / 1024 / 1024).toFixed(1)} MB; the limit is ${Math.round(max / 1024 / 1024)} MB.`);
      if (s.size === 0) return fail('empty', `Cannot ${verb} "${name}": the file is empty.`);
      const bytes = this.#o.fs.readBytes ? await this.#o.fs.readBytes(path) : null;
      if (bytes && bytes.length > max) return fail('too-large', `Cannot ${verb} "${name}": it is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is ${Math.round(max / 1024 / 1024)} MB.`);
      if (decode) {
        const d = decode(bytes ?? new TextEncoder().encode(await this.#o.fs.readText(path)));
        return d.ok ? ok({ text: d.value.text, encoding: d.value.encoding, stamp: { size: s.size, hash: hashText(d.value.text) } }) : d;
      }
      let text: string;
      const utf16 = bytes && decodeUtf16(bytes);
      if (!bytes) text = await this.#o.fs.readText(path);
      // UTF-16 by its byte order mark (Windows PowerShell 5's `>`, Notepad's "Unicode"), or without one where its
      // zero bytes leave no doubt, is read as such, as the command line and the browser do; the stamps read the
      // file again the same way (#textOnDisk)
      else if (utf16) text = utf16.text;
      else {
        const strict = readUtf8Text(bytes, `"${name}"`);
        if (!strict.ok) return fail('not-utf8', `Cannot ${verb} ${strict.error.message}`);
        text = strict.value;
      }
      return ok({ text, stamp: { size: s.size, hash: hashText(text) } });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return fail('not-found', `Cannot ${verb} "${name}": the file does not exist (it may have been moved or deleted).`);
      if (code === 'EACCES' || code === 'EPERM') return fail('not-readable', `Cannot ${verb} "${name}": you do not have permission to read it.`);
      return fail('not-readable', `Cannot ${verb} "${name}": ${describeFsError(e, 'read')}`);
    }
  }

  /**
   * Opens `path` in the window `owner` (the path comes from a dialog, the recent list, the command
   * line, the OS or a drop — never from the renderer). The renderer parses the text with
   * `loadFrameworkText`, which explains anything wrong inside the file.
   */
  async openPath(owner: number, given: string): Promise<HostResult<OpenedDocument>> {
    if (typeof given !== 'string' || !isAbsolute(given)) return fail('bad-path', 'Not a file path.');
    const path = await this.#canonical(given);
    const read = await this.#readFile(path, 'open');
    if (!read.ok) {
      if (read.error.code === 'not-found') {
        this.#o.recent.remove(given);
        this.#o.recent.remove(path);
      }
      return read;
    }
    const text = read.value.text;
    const s = this.#session(owner);
    // Nothing about the window changes here — not its file, nor its dirty mark: the page says what it
    // shows once it has loaded the file (`shows`). A file it refuses leaves its document, its unsaved
    // changes and the file it belongs to as they were.
    // Our files say what they are; anything else opened as a document gets no token to save back with.
    if (!hasFrameworkMark(text)) {
      // Not one of our files (a CASE package, a CSV …): the page may import it, but Save must never
      // write a framework over it, so there is no token to save back with — only one to say what it did
      // with it (`handled`): listed as recent once imported, nothing once refused.
      const sourceToken = this.#o.tokens.grant(owner, path, 'source') as DocToken;
      s.sources.set(sourceToken, path);
      this.#awaitAnswer(s, sourceToken);
      return ok({ text, name: basename(path), docToken: null, sourceToken });
    }
    const docToken = this.#o.tokens.grant(owner, path, 'document') as DocToken;
    this.#offer(s, docToken, { path, stamp: read.value.stamp });
    await this.#removeStaleTemps(path);
    return ok({ text, name: basename(path), docToken });
  }

  #offer(s: Session, docToken: DocToken, offered: Offered): void {
    this.#awaitAnswer(s, docToken);
    s.offered.set(docToken, offered);
    for (const old of s.offered.keys()) if (s.offered.size > MAX_OFFERED) s.offered.delete(old);
  }

  #awaitAnswer(s: Session, token: string): void {
    s.unanswered.add(token);
    for (const old of s.unanswered) if (s.unanswered.size > MAX_OFFERED) this.#forget(s, old);
  }

  /** A handover the page answered (or that is too old to wait for): its token is no use any more. */
  #forget(s: Session, token: string): void {
    s.unanswered.delete(token);
    s.offered.delete(token);
    if (s.sources.delete(token)) this.#o.tokens.revoke(token);
  }

  /**
   * `window:openHandled`: what the page did with a file handed to it that it does not show as that file.
   * `imported` (only for a `source`, e.g. a CASE package opened as a new framework): the file is listed as
   * recent — and is not the window's file: not watched, not saved to, not "open here". `refused`: nothing
   * of the window changes, but it no longer waits for that file (a window showing nothing is blank again).
   * Tokens this window was not handed, and anything else, are ignored.
   */
  handled(owner: number, request: unknown): void {
    if (!isObject(request) || typeof request.token !== 'string') return;
    if (request.outcome !== 'imported' && request.outcome !== 'refused') return;
    const s = this.#sessions.get(owner);
    if (!s || !s.unanswered.has(request.token)) return;
    const source = s.sources.get(request.token);
    this.#forget(s, request.token);
    if (request.outcome === 'imported' && source !== undefined) this.#o.recent.add(source);
  }

  /**
   * `window:setDocument`: the page now shows the document of `docToken` (a token this window was given),
   * or one without a file (`docToken: null`, with its display name). The file main watches, lists as
   * recent, checks before saving and counts as open in this window follows it. Anything else is ignored.
   */
  async shows(owner: number, request: unknown): Promise<void> {
    if (!isObject(request)) return;
    const s = this.#sessions.get(owner);
    if (!s) return;
    if (request.docToken === null) {
      if (s.path && this.ownerOf(s.path) === owner) {
        const old = s.path;
        s.path = null;
        if (this.ownerOf(old) === undefined) this.#o.watcher?.unwatch(old);
      }
      s.path = null;
      s.docToken = null;
      s.name = typeof request.name === 'string' ? displayName(request.name) : 'Untitled';
      return;
    }
    const granted = this.#o.tokens.resolve(owner, request.docToken, 'document');
    if (!granted) return;
    // it shows a file: whatever else was handed to it is answered (it is not blank)
    for (const token of s.sources.keys()) this.#forget(s, token);
    s.unanswered.clear();
    const docToken = request.docToken as DocToken;
    const offered = s.offered.get(docToken);
    s.offered.delete(docToken);
    const path = offered?.path ?? (await this.#canonical(granted));
    if (offered) s.known.set(path, offered.stamp);
    await this.#setFile(s, path, docToken);
  }

  /**
   * A save cut off by a crash or power loss leaves its temp file (`.<name>.<hex>.tmp`) beside the
   * document; the document itself is intact. Such leftovers older than a minute are removed when
   * the document is opened again. Best effort: a failure here never stops the open.
   */
  async #removeStaleTemps(path: string): Promise<void> {
    const name = basename(path);
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp('^\\.' + escaped + '\\.[0-9a-f]{12}\\.tmp$');
    const now = (this.#o.now ?? Date.now)();
    try {
      for (const entry of await this.#o.fs.readdir(dirname(path))) {
        if (!pattern.test(entry)) continue;
        const full = join(dirname(path), entry);
        const st = await this.#o.fs.stat(full);
        if (st.isFile() && now - st.mtimeMs > 60_000) await this.#o.fs.unlink(full);
      }
    } catch {
      // leave it
    }
  }

  async #setFile(s: Session, path: string, docToken: DocToken): Promise<void> {
    if (s.path && s.path !== path && this.ownerOf(s.path) === s.owner) {
      const old = s.path;
      s.path = null;
      if (this.ownerOf(old) === undefined) this.#o.watcher?.unwatch(old);
    }
    const changed = s.path !== path;
    s.path = path;
    s.docToken = docToken;
    s.name = basename(path);
    this.#o.recent.add(path);
    if (changed) await this.#watch(path);
  }

  /** `file:open`: the open dialog. `null` when canceled. */
  async chooseAndOpen(owner: number): Promise<HostResult<OpenedDocument | null>> {
    const path = await this.chooseDocument(owner);
    if (!path) return ok(null);
    const other = await this.findOwner(path);
    if (other !== undefined && other !== owner) {
      // One window per document: show the window that has it instead of opening it twice.
      this.#o.focus?.(other);
      return ok(null);
    }
    return this.openPath(owner, path);
  }

  /** The open dialog alone (File › Open… in main picks the window afterwards). */
  chooseDocument(owner: number): Promise<string | undefined> {
    return this.#o.dialogs.chooseOpenFile(owner, { title: 'Open framework', filters: DOCUMENT_FILTERS });
  }

  /** `file:openRecent`: reopens a document by a token this window holds (also used to reload). */
  async openRecent(owner: number, request: unknown): Promise<HostResult<OpenedDocument>> {
    if (!isObject(request)) return bad('Expected { docToken }.');
    // an Open Recent entry, or the window's own document (Reload)
    const path = this.#o.tokens.resolve(owner, request.docToken, 'recent') ?? this.#o.tokens.resolve(owner, request.docToken, 'document');
    if (!path) return fail('not-found', 'That document is no longer available; open it again with File › Open….');
    const other = await this.findOwner(path);
    if (other !== undefined && other !== owner) {
      this.#o.focus?.(other);
      return fail('open-elsewhere', `"${basename(path)}" is already open in another window.`);
    }
    return this.openPath(owner, path);
  }

  /**
   * `file:listRecent`: names and tokens (never paths), newest first; missing files are pruned. A token only
   * opens its entry (`recent`): saving needs the `document` token the open grants to a framework file, so a
   * page cannot write over a recent file it has not opened — a CASE package above all, which opens as an import.
   */
  async listRecent(owner: number): Promise<RecentDocument[]> {
    const entries = await this.#o.recent.list();
    return entries.map((e) => ({ name: basename(e.path), docToken: this.#o.tokens.grant(owner, e.path, 'recent') as DocToken, openedAt: e.openedAt }));
  }

  /** Recent paths for main's own File › Open Recent menu. */
  async recentPaths(): Promise<string[]> {
    return (await this.#o.recent.list()).map((e) => e.path);
  }

  // ── save ──────────────────────────────────────────────────────────────────

  /** The text to save must be a framework file the app can open again. */
  #checkText(text: unknown): HostResult<string> {
    if (typeof text !== 'string') return bad('Expected the document text.');
    if (text.length > this.#o.maxBytes) return fail('too-large', 'The framework is larger than the file size limit and was not saved.');
    const loaded = loadFrameworkText(text);
    if (!loaded.ok) {
      return { ok: false, error: { ...loaded.error, code: 'invalid-document', message: `The framework was not saved because it does not match the file format: ${loaded.error.message}` } };
    }
    return ok(text);
  }

  /**
   * A file someone made read-only (a published version, a colleague's lock) is not replaced: on Linux
   * and macOS the atomic rename would replace it regardless of its permissions.
   */
  async #readOnly(path: string): Promise<boolean> {
    const st = await this.#o.fs.stat(path).catch(() => undefined);
    return !!st?.isFile() && typeof st.mode === 'number' && (st.mode & 0o222) === 0;
  }

  /** `docToken`: the token the page saved with (a Save keeps it); else this window's for `path`, or a new one. */
  async #write(s: Session, path: string, text: string, docToken?: DocToken): Promise<HostResult<SavedDocument>> {
    const name = basename(path);
    if (await this.#readOnly(path)) {
      return fail('read-only', `"${name}" is read-only, so it was not replaced. Your changes are still open; use Save As… to save them under another name (or make the file writable first).`);
    }
    const w = this.#o.watcher;
    w?.beginOwnWrite(path);
    try {
      await this.#o.fs.writeAtomic(path, text, { backup: true });
    } catch (e) {
      await w?.endOwnWrite(path);
      const kept = s.journalOk ? ', and kept in the recovery copy' : '';
      // a folder that is gone holds no file to leave unchanged
      const unchanged = (e as NodeJS.ErrnoException).code === 'ENOENT' ? '' : ' The file on disk is unchanged.';
      return fail(
        'write-failed',
        `"${name}" was not saved: ${describeFsError(e, 'save')}${unchanged} Your changes are still open${kept}. Try again, or use Save As… to save somewhere else.`,
      );
    }
    const token = docToken ?? (s.path === path && s.docToken ? s.docToken : (this.#o.tokens.grant(s.owner, path, 'document') as DocToken));
    await this.#setFile(s, path, token);
    s.known.set(path, { size: Buffer.byteLength(text, 'utf8'), hash: hashText(text) });
    await w?.endOwnWrite(path);
    s.dirty = false;
    // A recovery copy restored into this window is saved now (the page clears only its own copy).
    for (const id of s.restoredIds) await this.#o.journal.discard(id);
    s.restoredIds.clear();
    return ok({ name, docToken: token });
  }

  /**
   * Whether the file at `path` still holds what the window last read or wrote there: null when it
   * does (or there is nothing to compare with), else why not, as the failure to answer the save with.
   */
  async #changedOnDisk(s: Session, path: string): Promise<HostResult<never> | null> {
    const known = s.known.get(path);
    if (!known) return null;
    const name = basename(path);
    const what = 'It was not saved, so nothing of that is lost: replace the file with your version, or use Save As… to keep both.';
    let now: FileStamp | null;
    try {
      const st = await this.#o.fs.stat(path);
      // A different size is a different file; the same size is compared by content (times can lie:
      // a copy or a checkout may keep an old time, a coarse clock may not tick).
      now = st.size !== known.size ? null : { size: st.size, hash: hashText(await this.#textOnDisk(path)) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        return fail('removed-on-disk', `"${name}" was moved or deleted by another program since you opened it. ${what}`);
      }
      return null; // unreadable now: the write itself will say why, if it fails
    }
    if (now && now.hash === known.hash) return null;
    return fail('changed-on-disk', `"${name}" was changed by another program since you opened or last saved it (a colleague, a sync client, git). ${what}`);
  }

  /**
   * `file:save`: writes the text back to the document's file (atomic, keeping `<name>.bak`). A file
   * changed, moved or deleted by someone else since the window read or wrote it is left alone
   * (`changed-on-disk`, `removed-on-disk`) unless the request says `overwrite: true` (the user chose to).
   */
  async save(owner: number, request: unknown): Promise<HostResult<SavedDocument>> {
    if (!isObject(request)) return bad('Expected { docToken, text, overwrite? }.');
    if (request.overwrite !== undefined && typeof request.overwrite !== 'boolean') return bad('`overwrite` must be true or false when given.');
    const granted = this.#o.tokens.resolve(owner, request.docToken, 'document');
    if (!granted) return fail('not-found', 'This document has no file to save back to; use Save As….');
    const text = this.#checkText(request.text);
    if (!text.ok) return text;
    const path = await this.#canonical(granted);
    const other = await this.findOwner(path);
    if (other !== undefined && other !== owner) return fail('open-elsewhere', `"${basename(path)}" is open in another window; save it there.`);
    const s = this.#session(owner);
    if (request.overwrite !== true) {
      const conflict = await this.#changedOnDisk(s, path);
      if (conflict) return conflict;
    }
    return this.#write(s, path, text.value, request.docToken as DocToken);
  }

  /** `file:saveAs`: the user picks where; the window's document then belongs to that file. */
  async saveAs(owner: number, request: unknown): Promise<HostResult<SavedDocument | null>> {
    if (!isObject(request)) return bad('Expected { suggestedName, text }.');
    const text = this.#checkText(request.text);
    if (!text.ok) return text;
    const s = this.#session(owner);
    const suggested = typeof request.suggestedName === 'string' ? safeFileName(request.suggestedName) : 'Untitled';
    const defaultName = extname(suggested) ? suggested : `${suggested}.${DOCUMENT_EXTENSION}`;
    const chosen = await this.#o.dialogs.chooseSaveFile(owner, { title: 'Save framework as', defaultName, filters: DOCUMENT_FILTERS });
    if (!chosen) return ok(null);
    let path = await this.#canonical(extname(chosen) ? chosen : `${chosen}.${DOCUMENT_EXTENSION}`);
    const other = await this.findOwner(path);
    if (other !== undefined && other !== owner) return fail('open-elsewhere', `"${basename(path)}" is open in another window; close it there first.`);
    if (s.path !== null && s.docToken && (await isSameFile(this.#o.fs, path, s.path))) {
      // onto its own file (however spelled), this is a Save: the dialog asked only whether to replace a
      // file that exists
      path = s.path;
      const conflict = await this.#changedOnDisk(s, path);
      if (conflict) return conflict;
    }
    return this.#write(s, path, text.value);
  }

  // ── import / export ───────────────────────────────────────────────────────

  /** `import:pick`: the user picks a file (CASE JSON, CSV …); its text goes to the renderer's importer. */
  async pickImport(owner: number, request: unknown): Promise<HostResult<PickedFile | null>> {
    if (!isObject(request) || !Array.isArray(request.accept) || !request.accept.every((x) => typeof x === 'string' && /^[A-Za-z0-9]{1,16}$/.test(x))) {
      return bad('Expected { accept: ["json", "csv", …] }.');
    }
    const accept = request.accept as string[];
    const title = typeof request.title === 'string' && request.title.length <= 200 ? request.title : 'Import';
    const filters: FileFilter[] = accept.length ? [{ name: accept.map((x) => x.toUpperCase()).join(', '), extensions: accept }] : [];
    const path = await this.#o.dialogs.chooseOpenFile(owner, { title, filters: [...filters, { name: 'All files', extensions: ['*'] }] });
    if (!path) return ok(null);
    return this.#readImport(path);
  }

  /** `export:save`: the renderer made the content; the user picks where it goes. */
  async saveExport(owner: number, request: unknown): Promise<HostResult<{ name: string } | null>> {
    if (!isObject(request) || typeof request.suggestedName !== 'string') return bad('Expected { suggestedName, content | chunks, mimeType }.');
    const { content, chunks } = request;
    let data: string;
    if (typeof content === 'string' && chunks === undefined) data = content;
    else if (content === undefined && Array.isArray(chunks) && chunks.every((c) => typeof c === 'string')) {
      let total = 0;
      for (const c of chunks as string[]) total += c.length;
      // base64 text is 4/3 the size of the bytes it carries
      const limit = request.encoding === 'base64' ? Math.ceil(this.#o.maxBytes / 3) * 4 : this.#o.maxBytes;
      if (total > limit) return fail('too-large', 'The export is larger than the file size limit.');
      data = (chunks as string[]).join('');
    } else return bad('Expected either `content` (text) or `chunks` (a list of texts).');
    if (request.encoding !== undefined && request.encoding !== 'base64') return bad('`encoding` must be "base64" when given.');
    let bytes: string | Uint8Array = data;
    if (request.encoding === 'base64') {
      // Checked before decoding: Buffer.from silently skips characters that are not base64.
      if (data.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) return bad('The export is not valid base64.');
      const size = (data.length / 4) * 3 - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0);
      if (size > this.#o.maxBytes) return fail('too-large', 'The export is larger than the file size limit.');
      bytes = new Uint8Array(Buffer.from(data, 'base64'));
    } else if (data.length > this.#o.maxBytes) return fail('too-large', 'The export is larger than the file size limit.');
    const filters = parseFilters(request.filters);
    if (!filters) return bad('`filters` must be a list of { name, extensions }.');
    return this.writeWithDialog(owner, safeFileName(request.suggestedName), bytes, filters, 'Export');
  }

  /** Asks where to write `data` (an export, a PDF) and writes it atomically. `null` when canceled. */
  async writeWithDialog(owner: number, defaultName: string, data: string | Uint8Array, filters: FileFilter[], title: string): Promise<HostResult<{ name: string } | null>> {
    const chosen = await this.#o.dialogs.chooseSaveFile(owner, { title, defaultName, filters });
    if (!chosen) return ok(null);
    const path = await this.#canonical(chosen);
    if ((await this.findOwner(path)) !== undefined) return fail('open-elsewhere', `"${basename(path)}" is an open document; choose another name.`);
    if (await this.#readOnly(path)) return fail('read-only', `"${basename(path)}" is read-only, so it was not replaced; choose another name.`);
    try {
      await this.#o.fs.writeAtomic(path, data);
      return ok({ name: basename(path) });
    } catch (e) {
      return fail('write-failed', `"${basename(path)}" was not written: ${describeFsError(e, 'save')}`);
    }
  }

  // ── recovery journal ──────────────────────────────────────────────────────

  #claimedByOther(owner: number, id: string): boolean {
    for (const s of this.#sessions.values()) if (s.owner !== owner && (s.journalIds.has(id) || s.restoredIds.has(id))) return true;
    return false;
  }

  #isLive(id: string): boolean {
    for (const s of this.#sessions.values()) if (s.journalIds.has(id) || s.restoredIds.has(id)) return true;
    return false;
  }

  /** `journal:write`: autosave of the window's unsaved text. */
  async writeJournal(owner: number, request: unknown): Promise<HostResult<void>> {
    if (!isObject(request) || !isJournalId(request.id) || typeof request.text !== 'string') return bad('Expected { id, name, title, docToken, text }.');
    const id = request.id;
    if (this.#claimedByOther(owner, id)) return fail('in-use', 'That recovery copy belongs to another window.');
    const s = this.#session(owner);
    const filePath = request.docToken === null || request.docToken === undefined ? null : (this.#o.tokens.resolve(owner, request.docToken, 'document') ?? null);
    s.journalIds.add(id);
    const r = await this.#o.journal.write(id, {
      name: typeof request.name === 'string' ? request.name.slice(0, MAX_NAME) : s.name,
      title: typeof request.title === 'string' ? request.title.slice(0, 500) : '',
      filePath,
      // the file as this window knows it: a restore after a crash asks before saving over a later change
      fileStamp: filePath ? (s.known.get(filePath) ?? null) : null,
      text: request.text,
    });
    s.journalOk = r.ok;
    if (!r.ok) return r;
    // A restored copy is no longer needed once the window keeps its own.
    for (const old of s.restoredIds) if (old !== id) await this.#o.journal.discard(old);
    s.restoredIds.clear();
    return ok(undefined);
  }

  /** `journal:clear`: the window saved or discarded its changes. */
  async clearJournal(owner: number, request: unknown): Promise<HostResult<void>> {
    if (!isObject(request) || !isJournalId(request.id)) return bad('Expected { id }.');
    const s = this.#session(owner);
    if (this.#claimedByOther(owner, request.id)) return fail('in-use', 'That recovery copy belongs to another window.');
    // Nothing written under this id by this window: nothing to clear (and a crash's leftovers with
    // that name are only removed by recovery:discard, after the user decided).
    if (!s.journalIds.has(request.id) && !s.restoredIds.has(request.id)) return ok(undefined);
    s.journalIds.delete(request.id);
    s.restoredIds.delete(request.id);
    s.journalOk = false;
    return this.#o.journal.discard(request.id);
  }

  /** `recovery:list`: unsaved documents left by a crash or a closed window (never those of open windows). */
  async listRecovery(owner: number): Promise<RecoveryEntry[]> {
    const entries = await this.#o.journal.list((id) => this.#isLive(id));
    return Promise.all(
      entries.map(async (e) => {
        const exists = !!e.filePath && (await this.#exists(e.filePath));
        return {
          id: e.id,
          name: e.name,
          title: e.title,
          savedAt: e.savedAt,
          bytes: e.bytes,
          docToken: exists ? (this.#o.tokens.grant(owner, e.filePath!, 'document') as DocToken) : null,
          fileChanged: exists && (await this.#changedSince(e.filePath!, e.fileStamp ?? null, e.savedAt)),
        };
      }),
    );
  }

  /**
   * Whether the file changed after a recovery copy was kept: it no longer matches the copy's record of
   * it, or (a copy of an older version, without one) it was modified after the copy's time.
   */
  async #changedSince(path: string, stamp: FileStamp | null, savedAt: string): Promise<boolean> {
    try {
      const st = await this.#o.fs.stat(path);
      if (!stamp) return !(st.mtimeMs <= Date.parse(savedAt));
      return st.size !== stamp.size || hashText(await this.#textOnDisk(path)) !== stamp.hash;
    } catch {
      return false;
    }
  }

  /**
   * For a recovery copy of an older version (which kept no record of its file): the file as it is now,
   * if it was last modified before the copy was kept; else a stamp no file matches, so that saving the
   * copy over that later change asks first.
   */
  async #stampBefore(path: string, savedAt: string): Promise<FileStamp | null> {
    try {
      const st = await this.#o.fs.stat(path);
      const kept = Date.parse(savedAt);
      if (!Number.isFinite(kept) || st.mtimeMs > kept) return { size: -1, hash: '' };
      return { size: st.size, hash: hashText(await this.#textOnDisk(path)) };
    } catch {
      return null;
    }
  }

  async #exists(path: string): Promise<boolean> {
    return this.#o.fs.stat(path).then((s) => s.isFile(), () => false);
  }

  /**
   * `recovery:restore`: the journalled text comes back into the window (with a token for its file
   * when that still exists). The entry is kept until the window writes its own recovery copy, saves
   * or closes cleanly, so a crash right after restoring loses nothing.
   */
  async restoreRecovery(owner: number, request: unknown): Promise<HostResult<RecoveredDocument>> {
    if (!isObject(request) || !isJournalId(request.id)) return bad('Expected { id }.');
    const id = request.id;
    if (this.#isLive(id)) return fail('in-use', 'That document is open in a window.');
    const r = await this.#o.journal.read(id);
    if (!r.ok) return r;
    const s = this.#session(owner);
    s.restoredIds.add(id);
    let docToken: DocToken | null = null;
    const filePath = r.value.filePath === null ? null : await this.#canonical(r.value.filePath);
    // A file open in another window stays that window's: the copy comes back without it (Save asks where).
    const other = filePath === null ? undefined : await this.findOwner(filePath);
    const elsewhere = other !== undefined && other !== owner;
    if (filePath && !elsewhere && (await this.#exists(filePath))) {
      docToken = this.#o.tokens.grant(owner, filePath, 'document') as DocToken;
      // the window's file once the page shows the copy (`shows`), as for a file opened
      this.#offer(s, docToken, { path: filePath, stamp: r.value.fileStamp ?? (await this.#stampBefore(filePath, r.value.savedAt)) });
    }
    s.dirty = true;
    return ok({ text: r.value.text, name: docToken && filePath ? basename(filePath) : r.value.name, docToken, savedAt: r.value.savedAt });
  }

  /** `recovery:discard`: the user does not want an entry back. Entries of open windows are refused. */
  async discardRecovery(_owner: number, request: unknown): Promise<HostResult<void>> {
    if (!isObject(request) || !isJournalId(request.id)) return bad('Expected { id }.');
    if (this.#isLive(request.id)) return fail('in-use', 'That document is open in a window.');
    const r = await this.#o.journal.read(request.id);
    if (!r.ok && r.error.code === 'not-found') return fail('not-found', 'There is no such recovery copy.');
    return this.#o.journal.discard(request.id);
  }

  // ── external changes ──────────────────────────────────────────────────────

  async #watch(path: string): Promise<void> {
    await this.#o.watcher?.watch(path, (change) => this.#externalChange(path, change));
  }

  /** Someone else changed the open file (the window offers reload / keep mine) or removed it (it says so). */
  #externalChange(path: string, change: 'changed' | 'removed'): void {
    const owner = this.ownerOf(path);
    if (owner === undefined) return;
    const s = this.#session(owner);
    if (s.docToken) this.#o.notify?.(owner, 'file:changedOnDisk', { docToken: s.docToken, name: s.name, change });
  }
}

/** A display name from the page: one line, bounded. */
function displayName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, MAX_NAME) || 'Untitled';
}

function parseFilters(v: unknown): FileFilter[] | undefined {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > 20) return undefined;
  const out: FileFilter[] = [];
  for (const f of v) {
    if (!isObject(f) || typeof f.name !== 'string' || f.name.length > 100 || !Array.isArray(f.extensions)) return undefined;
    if (!f.extensions.every((x) => typeof x === 'string' && /^(\*|[A-Za-z0-9]{1,16})$/.test(x))) return undefined;
    out.push({ name: f.name, extensions: f.extensions as string[] });
  }
  return out;
}

/** A file name from a title or suggestion: no folders, no characters Windows refuses, not hidden. */
export function safeFileName(name: string): string {
  const s = name
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return s.replace(/^[.\s]+/, '') || 'Untitled';
}
