/**
 * The host API: the only door between the renderer (React) and the outside world.
 *
 * Three implementations honour this one contract:
 * - Electron: main registers one `ipcMain.handle` per channel of {@link HostChannels} (arguments arrive as
 *   `unknown` and are checked, together with the sender frame); the preload builds each method of
 *   {@link HostApi} from {@link HOST_METHODS} and exposes `window.host` (the object ends in `satisfies HostApi`).
 * - Browser build: `src-renderer/src/host/browserHost.ts` (File System Access API or file input + download,
 *   localStorage for settings, IndexedDB for the recovery journal).
 * - Tests: an in-memory host.
 *
 * Rules of the contract:
 * - Payloads are plain JSON, one request object per call (or none), one result per call.
 * - Expected failures (disk full, file vanished, not a framework, …) are values: `{ ok: false, error }`.
 *   A cancelled dialog is not a failure: it is `{ ok: true, value: null }`.
 * - The renderer never sees or sends a file-system path. A document the user picked is named by an opaque
 *   {@link DocToken} that the host minted; the host maps it back to the real file. A display name (the file
 *   name, no folders) is shown to the user.
 *
 * Pure types plus two constant name lists, so `src-core` stays free of DOM, Node and Electron.
 */
import type { Problem, Result } from '../result';
import type { TextEncodingName } from '../format/decodeText';

/** Opaque handle for a document the user chose (minted by the host, meaningless to the renderer). */
export type DocToken = string & { readonly __docToken: true };

/** Result of every host call. A cancelled dialog is `{ ok: true, value: null }`. */
export type HostResult<T> = Result<T, Problem>;

/** A framework document read from somewhere the user chose. */
export interface OpenedDocument {
  /** The file's text, exactly as stored (the renderer parses it with `loadFrameworkText`). */
  text: string;
  /** Display name, e.g. `grade3-5-fractions.json` (never a path). */
  name: string;
  /** Token for saving back to the same file; null when the host cannot write back (e.g. an upload). */
  docToken: DocToken | null;
  /**
   * Names a file the host read for the page but gives no token to save back to (`docToken` is null): on the
   * desktop, a file that is not a Progressions framework file, such as a CASE package. The page answers with
   * it what it did (`window:openHandled`). Never a token to save with.
   */
  sourceToken?: DocToken;
}

/** Where an export went. */
export interface SavedExport {
  name: string;
  /**
   * Handed to the browser as a download (no save picker): it may be cancelled, blocked or put elsewhere,
   * and the page cannot tell whether it was kept — so it does not say "saved".
   */
  downloaded?: boolean;
}

/** Where a document was saved. */
export interface SavedDocument {
  name: string;
  docToken: DocToken | null;
}

/** An entry of File ▸ Open Recent. */
export interface RecentDocument {
  name: string;
  docToken: DocToken;
  /** ISO 8601 time it was last opened or saved. */
  openedAt: string;
}

/** A file picked for import (CASE JSON, CSV, …). */
export interface PickedFile {
  text: string;
  name: string;
  /**
   * How the host read the file's bytes (src-core/format/decodeText): a CSV that is not UTF-8 is read as
   * Windows-1252 (Excel's "CSV (Comma delimited)"), which the page says. Absent: UTF-8 (a fetched package).
   */
  encoding?: TextEncodingName;
}

/** A save-dialog file-type filter, e.g. `{ name: 'CASE package', extensions: ['json'] }`. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** User settings the renderer may read and change. Unknown or corrupt values are reset by the host. */
export interface HostSettings {
  theme: 'system' | 'light' | 'dark';
  /** Seconds between recovery-journal writes of unsaved changes. */
  autosaveSeconds: number;
  /** Base URI for CASE export identifiers' URIs. */
  exportBaseUri: string;
  /** Domain lanes on the canvas. */
  laneOrientation: 'horizontal' | 'vertical' | 'none';
  showMinimap: boolean;
}

/** One unsaved document found in the recovery journal (after a crash or a closed tab). */
export interface RecoveryEntry {
  /** Journal id (one per open document / window). */
  id: string;
  /** Display name of the document (or "Untitled framework"). */
  name: string;
  /** Framework title at the time of the journal write. */
  title: string;
  /** ISO 8601 time of the last journal write. */
  savedAt: string;
  /** The file it belongs to, when it had been saved before. */
  docToken: DocToken | null;
  /** Size of the journalled text in bytes (UTF-16 length is fine as an estimate). */
  bytes: number;
  /**
   * The file was changed after this copy was kept (saved from elsewhere, or by someone else): restoring
   * brings back the older unsaved version, and saving it asks first. Only where the host can tell (desktop).
   */
  fileChanged?: boolean;
}

/** A recovered document: its journalled text plus where it belongs. */
export interface RecoveredDocument extends OpenedDocument {
  /** Restored documents are dirty: the journal is newer than the file (if any). */
  savedAt: string;
}

/**
 * Every request/response channel: name → { request, response }. Requests are `void` or one plain object.
 * Main validates each request (`unknown` in, checked) and answers with the response type.
 */
export interface HostChannels {
  /** Shows an open dialog for framework files. */
  'file:open': { request: void; response: HostResult<OpenedDocument | null> };
  /** Reopens a recent document by token (fails with `not-found` if it vanished; the host prunes it). */
  'file:openRecent': { request: { docToken: DocToken }; response: HostResult<OpenedDocument> };
  /** The recent documents, newest first. */
  'file:listRecent': { request: void; response: RecentDocument[] };
  /**
   * Saves text back to the document's file (atomic on desktop; keeps a backup). When someone else changed,
   * moved or deleted the file since this page read or wrote it, nothing is written and the answer is the
   * failure `changed-on-disk` or `removed-on-disk`: the page asks the user, and sends `overwrite: true`
   * to replace the file anyway.
   */
  'file:save': { request: { docToken: DocToken; text: string; overwrite?: boolean }; response: HostResult<SavedDocument> };
  /** Shows a save dialog, then saves. `value: null` when cancelled. */
  'file:saveAs': { request: { suggestedName: string; text: string }; response: HostResult<SavedDocument | null> };
  /**
   * Saves an export (CASE, CSV, HTML, PNG …) where the user chooses. Large exports may arrive as `chunks`
   * (joined in order) instead of one `content` string. Binary files (a PNG image) travel as base64 text
   * with `encoding: 'base64'`; the host writes the decoded bytes (the size limit applies to the bytes).
   */
  'export:save': {
    request: { suggestedName: string; content?: string; chunks?: string[]; encoding?: 'base64'; mimeType: string; filters?: FileFilter[] };
    response: HostResult<SavedExport | null>;
  };
  /** Lets the user pick a file to import; `accept` lists extensions without dots (`['json', 'csv']`). */
  'import:pick': { request: { accept: string[]; title?: string }; response: HostResult<PickedFile | null> };
  /**
   * Downloads a CASE package from a CASE server: `…/ims/case/v1p0|v1p1/CFPackages/{id}` (a `CFDocuments/{id}`
   * address is turned into its package). Desktop: any http(s) server; browser build: same origin only.
   */
  'import:fetchCase': { request: { url: string }; response: HostResult<PickedFile> };
  'settings:get': { request: void; response: HostSettings };
  /** Merges a partial change; returns the settings now in effect. */
  'settings:set': { request: Partial<HostSettings>; response: HostSettings };
  /** Unsaved documents left by a crash or a closed window/tab (not the ones of live windows). */
  'recovery:list': { request: void; response: RecoveryEntry[] };
  /** Returns the journalled document and removes it from the journal. */
  'recovery:restore': { request: { id: string }; response: HostResult<RecoveredDocument> };
  'recovery:discard': { request: { id: string }; response: HostResult<void> };
  /** Writes the current unsaved text of this window's document to the recovery journal. */
  'journal:write': {
    request: { id: string; name: string; title: string; docToken: DocToken | null; text: string };
    response: HostResult<void>;
  };
  /** Clears this window's journal entry (after a save, or when the document is discarded). */
  'journal:clear': { request: { id: string }; response: HostResult<void> };
  /** Print / Export PDF of the current window (desktop: printToPDF + save dialog; browser: print dialog). */
  'app:printPdf': { request: { suggestedName: string }; response: HostResult<{ name: string } | null> };
  /** Opens an http(s) URL in the system browser; anything else is refused. */
  'shell:openExternal': { request: { url: string }; response: HostResult<void> };
  /** Window title (the renderer composes it: `name • Progressions`, with a dirty mark). */
  'window:setTitle': { request: { title: string }; response: void };
  /** Tells the host whether the document has unsaved changes (close/quit guard, macOS dot). */
  'window:setDirty': { request: { dirty: boolean }; response: void };
  /** Closes this window without asking again (after the renderer handled "save and close"). */
  'window:close': { request: void; response: void };
  /**
   * The document the page now shows: the token it was opened, restored or saved with, or `null` for one
   * without a file (new, imported, refused to save back to) with its display name. Sent whenever either
   * changes. The file the host watches, lists as recent and treats as open in this window follows it: a
   * file the page was handed and refused (broken inside, or the user kept their changes) is none of that.
   */
  'window:setDocument': { request: { docToken: DocToken | null; name: string }; response: void };
  /**
   * What the page did with a file it was handed to open (`file:openRequested`, or the answer to `file:open`,
   * `file:openRecent`, `recovery:restore`) when it does not show it as that file: `imported` (a CASE package
   * opened as a new framework without a file: the host lists the file as recent, and nothing more — no
   * watch, no save back to it) or `refused` (broken, not a framework, or the user kept their unsaved
   * changes: the window is as it was, and a window that shows nothing takes the next file again). `token` is
   * the handover's `sourceToken`, else its `docToken`. A file the page shows is reported by `window:setDocument`.
   */
  'window:openHandled': { request: { token: DocToken; outcome: 'imported' | 'refused' }; response: void };
  /**
   * What Undo and Redo would do, for the native Edit menu: the history labels ("move 3 competencies"),
   * `''` when they act on a text field being edited, `null` when there is nothing to undo / redo.
   */
  'window:setUndoState': { request: UndoState; response: void };
}

/** The Edit menu's Undo / Redo: a step's label, `''` for plain (enabled) Undo / Redo, `null` for disabled. */
export interface UndoState {
  undo: string | null;
  redo: string | null;
}

/** The channel names, for preload allow-lists and main's handler registration. */
export type HostChannel = keyof HostChannels;

/** Method name on `window.host` → channel. The preload builds each method from this map. */
export const HOST_METHODS = {
  openFile: 'file:open',
  openRecent: 'file:openRecent',
  listRecent: 'file:listRecent',
  saveFile: 'file:save',
  saveFileAs: 'file:saveAs',
  saveExport: 'export:save',
  pickImport: 'import:pick',
  fetchCase: 'import:fetchCase',
  getSettings: 'settings:get',
  setSettings: 'settings:set',
  listRecovery: 'recovery:list',
  restoreRecovery: 'recovery:restore',
  discardRecovery: 'recovery:discard',
  writeJournal: 'journal:write',
  clearJournal: 'journal:clear',
  printPdf: 'app:printPdf',
  openExternal: 'shell:openExternal',
  setTitle: 'window:setTitle',
  setDirty: 'window:setDirty',
  closeWindow: 'window:close',
  setDocument: 'window:setDocument',
  openHandled: 'window:openHandled',
  setUndoState: 'window:setUndoState',
} as const satisfies Record<string, HostChannel>;

export type HostMethodName = keyof typeof HOST_METHODS;

/** Commands the native menu (or the OS) sends to the renderer. Export/import carry a format id. */
export type MenuCommand =
  | 'file:new'
  | 'file:open'
  | 'file:save'
  | 'file:saveAs'
  | 'file:print'
  | 'file:close'
  | `import:${string}`
  | `export:${string}`
  | 'edit:undo'
  | 'edit:redo'
  | 'edit:cut'
  | 'edit:copy'
  | 'edit:paste'
  | 'edit:duplicate'
  | 'edit:delete'
  | 'edit:selectAll'
  | 'edit:find'
  | 'view:fitView'
  | 'view:zoomIn'
  | 'view:zoomOut'
  | 'view:autoLayout'
  | 'view:toggleLanes'
  | 'view:focusMode'
  | 'view:collapseAll'
  | 'view:expandAll'
  | 'view:toggleTheme'
  | 'help:shortcuts'
  /** The user chose "Save" in the close guard: save, then call `closeWindow()` on success. */
  | 'app:saveAndClose';

/** Events main pushes to the renderer: name → payload. */
export interface HostEvents {
  /** A menu item or accelerator was chosen. */
  'menu:command': { command: MenuCommand };
  /**
   * The open document's file changed on disk (another app, a sync client): offer reload / keep mine; or it
   * was moved or deleted (`change: 'removed'`): nothing to reload, say so.
   */
  'file:changedOnDisk': { docToken: DocToken; name: string; change: 'changed' | 'removed' };
  /** The OS or a drag-and-drop asks this window to open a document. */
  'file:openRequested': OpenedDocument;
  /**
   * A file dropped on the page could not be read to open it (too large, unreadable, not UTF-8): `message`
   * says why and where, for the page's banner. The browser build sends it; the desktop explains a file it
   * cannot read in its own message box, before any window takes it.
   */
  'file:openFailed': { name: string; message: string };
}

export type HostEvent = keyof HostEvents;

/** The event names, for the preload's allow-list. */
export const HOST_EVENTS = ['menu:command', 'file:changedOnDisk', 'file:openRequested', 'file:openFailed'] as const satisfies readonly HostEvent[];

type Method<C extends HostChannel> = HostChannels[C]['request'] extends void
  ? () => Promise<HostChannels[C]['response']>
  : (request: HostChannels[C]['request']) => Promise<HostChannels[C]['response']>;

/** What the renderer sees as `window.host`. */
export type HostApi = { readonly [M in HostMethodName]: Method<(typeof HOST_METHODS)[M]> } & {
  /** Which implementation this is; the renderer hides desktop-only items in the browser. */
  readonly kind: 'electron' | 'browser' | 'memory';
  /** The operating system (the browser host guesses from the user agent); `mac` shows ⌘ in shortcut hints. */
  readonly platform: 'mac' | 'windows' | 'linux';
  /** Subscribes to a host event; returns the unsubscribe function. */
  on<E extends HostEvent>(event: E, listener: (payload: HostEvents[E]) => void): () => void;
};
