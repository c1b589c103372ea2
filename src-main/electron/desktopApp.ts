import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, net, screen, session, shell, type Rectangle } from 'electron';
import { basename, extname, join } from 'node:path';
import { PDF_PRINT_OPTIONS } from '../../src-core/export/printable';
import { HOST_EVENTS, type HostEvent, type HostEvents, type MenuCommand, type UndoState } from '../../src-core/host/contract';
import { fail, ok } from '../../src-core/result';
import { fetchCasePackage } from '../services/caseFetch';
import { DocumentService, safeFileName } from '../services/documents';
import { canonicalPath } from '../services/fileIdentity';
import { nodeFileSystem, nodeWatchFolder, type FileSystem, type WatchFolder } from '../services/files';
import { FileWatcher } from '../services/fileWatcher';
import { PathTokens } from '../services/pathTokens';
import { RecentFiles } from '../services/recentFiles';
import { RecoveryJournal } from '../services/recoveryJournal';
import { readHostSettings, readWindowBounds, updateHostSettings, type SettingsStore, type WindowBounds } from '../services/settings';
import { documentsFromArgv, isDocumentPath } from './argv';
import { askLeaveUnsavedProgress, askUnsaved, electronDialogs } from './dialogs';
import { onPreloadMessage, PRELOAD_CHANNELS, registerHostHandlers, type CallContext, type HostHandlers, type SenderCheck } from './ipc';
import { buildMenuTemplate, readUndoState, type Platform } from './menu';
import { hardenSession, hardenWebContents, isSafeExternalUrl, isTrustedFrame, secureWebPreferences, type AppLocation } from './security';

export const HELP_URL = 'https://github.com/progressions-app/progressions#readme';

export interface DesktopOptions {
  location: AppLocation;
  preloadPath: string;
  /** The app's data folder (settings, recovery journal). */
  userDataDir: string;
  settings: SettingsStore;
  isDev: boolean;
  iconPath?: string;
  platform?: Platform;
  fs?: FileSystem;
  watchFolder?: WatchFolder;
}

interface WindowState {
  win: BrowserWindow;
  owner: number;
  /** Close without asking (the user already answered, or the renderer saved first). */
  forceClose: boolean;
  /** The user chose "Don't save": drop the recovery copy on close. */
  discard: boolean;
  /** The close dialog is showing. */
  asking: boolean;
  /** "Save" was chosen while quitting: the quit goes on only once the page has saved and closed the window. */
  quitAfterSave: boolean;
  /** Events the page subscribed to; others wait in `queue` until it does. */
  listening: Set<HostEvent>;
  queue: { event: HostEvent; payload: unknown }[];
  loads: number;
  /** Times the page crashed recently. */
  crashes: number[];
  /** What the page said Undo / Redo would do (the Edit menu shows the focused window's). */
  undo?: UndoState;
}

const TITLE = 'Progressions';
const MAX_TITLE = 300;

/**
 * The desktop app: windows (one per document), the host API handlers, the native menu, the close
 * and quit guards, and opening files from the command line, the OS and drops.
 */
export class DesktopApp {
  readonly docs: DocumentService;
  readonly settings: SettingsStore;
  readonly windows = new Map<number, WindowState>();
  readonly #o: DesktopOptions;
  readonly #platform: Platform;
  #quitting = false;
  #ready = false;
  /** Files the OS asked us to open before the app was ready (macOS `open-file`). */
  readonly #pendingPaths: string[] = [];
  #lastFocused: number | undefined;
  /** Open Recent's paths as last read (rebuilding the menu for Undo / Redo does not read them again). */
  #recentPaths: string[] = [];
  /** The Undo / Redo the menu was last built with. */
  #menuUndo: UndoState | undefined;
  /** Work started from events (opening files); `idle()` waits for it. */
  readonly #work = new Set<Promise<unknown>>();
  /** Files to open are handed out one batch at a time, in the order they came (`openPaths`). */
  #opening: Promise<void> = Promise.resolve();

  constructor(options: DesktopOptions) {
    this.#o = options;
    this.#platform = options.platform ?? (process.platform as Platform);
    this.settings = options.settings;
    const fs = options.fs ?? nodeFileSystem();
    const recent = new RecentFiles(
      { get: () => this.settings.get('recentFiles'), set: (list) => this.settings.set('recentFiles', list) },
      (p) => fs.stat(p).then((s) => s.isFile(), () => false),
      undefined,
      undefined,
      (p) => app.addRecentDocument(p),
      (p) => canonicalPath(fs, p),
    );
    this.docs = new DocumentService({
      fs,
      dialogs: electronDialogs((owner) => this.windows.get(owner)?.win),
      tokens: new PathTokens(),
      recent,
      journal: new RecoveryJournal({ fs, folder: join(options.userDataDir, 'recovery') }),
      watcher: new FileWatcher(fs, options.watchFolder ?? nodeWatchFolder),
      notify: (owner, event, payload) => this.send(owner, event, payload),
      focus: (owner) => this.windows.get(owner)?.win.focus(),
    });
  }

  #track(p: Promise<unknown>): void {
    const q = p.catch((e: unknown) => console.error(e)).finally(() => this.#work.delete(q));
    this.#work.add(q);
  }

  /** Resolves when everything started by app, menu and drop events has finished. */
  async idle(): Promise<void> {
    while (this.#work.size) await Promise.all([...this.#work]);
  }

  // ── IPC ───────────────────────────────────────────────────────────────────

  /** Accepts only our windows' own top frame showing our page. */
  readonly senderCheck: SenderCheck = (event) => {
    const owner = event.sender?.id;
    if (typeof owner !== 'number' || !this.windows.has(owner)) return undefined;
    return isTrustedFrame(event.senderFrame, this.#o.location) ? { owner } : undefined;
  };

  /** One handler per channel of the contract; every request is checked before use. */
  handlers(): HostHandlers {
    const docs = this.docs;
    const afterFileChange = <T>(r: T): T => (void this.refreshMenu(), r);
    return {
      'file:open': async ({ owner }) => afterFileChange(await docs.chooseAndOpen(owner)),
      'file:openRecent': async ({ owner }, req) => afterFileChange(await docs.openRecent(owner, req)),
      'file:listRecent': ({ owner }) => docs.listRecent(owner),
      'file:save': async ({ owner }, req) => afterFileChange(await docs.save(owner, req)),
      'file:saveAs': async ({ owner }, req) => afterFileChange(await docs.saveAs(owner, req)),
      'export:save': ({ owner }, req) => docs.saveExport(owner, req),
      'import:pick': ({ owner }, req) => docs.pickImport(owner, req),
      // Electron's net.fetch: the system proxy and certificate store apply, as in the user's browser.
      'import:fetchCase': (_ctx, req) => fetchCasePackage(req, { fetch: ((url: string, init?: RequestInit) => net.fetch(url, init)) as typeof fetch }),
      'settings:get': () => readHostSettings(this.settings),
      'settings:set': (_ctx, req) => {
        const { settings } = updateHostSettings(this.settings, req);
        nativeTheme.themeSource = settings.theme;
        return settings;
      },
      'recovery:list': ({ owner }) => docs.listRecovery(owner),
      'recovery:restore': async ({ owner }, req) => afterFileChange(await docs.restoreRecovery(owner, req)),
      'recovery:discard': ({ owner }, req) => docs.discardRecovery(owner, req),
      'journal:write': ({ owner }, req) => docs.writeJournal(owner, req),
      'journal:clear': ({ owner }, req) => docs.clearJournal(owner, req),
      'app:printPdf': (ctx, req) => this.printPdf(ctx, req),
      'shell:openExternal': async (_ctx, req) => {
        const url = (req as { url?: unknown } | null)?.url;
        if (!isSafeExternalUrl(url)) return fail('bad-url', 'Only web links (http or https) can be opened.');
        await shell.openExternal(url);
        return ok(undefined);
      },
      'window:setTitle': ({ owner }, req) => {
        const title = (req as { title?: unknown } | null)?.title;
        const st = this.windows.get(owner);
        if (st && typeof title === 'string') st.win.setTitle(title.replace(/[\u0000-\u001f]/g, ' ').slice(0, MAX_TITLE) || TITLE);
      },
      'window:setDirty': ({ owner }, req) => {
        const dirty = (req as { dirty?: unknown } | null)?.dirty;
        if (typeof dirty !== 'boolean') return;
        docs.setDirty(owner, dirty);
        const st = this.windows.get(owner);
        if (st && this.#platform === 'darwin') st.win.setDocumentEdited(dirty);
      },
      'window:setDocument': async ({ owner }, req) => {
        await docs.shows(owner, req);
        await this.refreshMenu();
      },
      'window:openHandled': async ({ owner }, req) => {
        docs.handled(owner, req);
        await this.refreshMenu();
      },
      'window:setUndoState': ({ owner }, req) => {
        const st = this.windows.get(owner);
        const undo = readUndoState(req);
        if (!st || !undo) return;
        st.undo = undo;
        if (this.focusedOwner() === owner) this.#updateUndoMenu();
      },
      'window:close': ({ owner }) => {
        const st = this.windows.get(owner);
        if (!st) return;
        // saved after "Save" in the quit's close dialog: the quit goes on with the next window
        if (st.quitAfterSave) this.#quitting = true;
        st.quitAfterSave = false;
        st.forceClose = true;
        st.win.close();
      },
    };
  }

  async printPdf({ owner }: CallContext, req: unknown) {
    const st = this.windows.get(owner);
    if (!st) return fail('no-window', 'The window is gone.');
    const suggested = (req as { suggestedName?: unknown } | null)?.suggestedName;
    let name = safeFileName(typeof suggested === 'string' ? suggested : 'Progressions');
    if (extname(name).toLowerCase() !== '.pdf') name = `${name.replace(/\.(json|progressions)$/i, '')}.pdf`;
    let data: Uint8Array;
    try {
      data = await st.win.webContents.printToPDF({ ...PDF_PRINT_OPTIONS });
    } catch (e) {
      return fail('print-failed', `The PDF could not be made: ${(e as Error).message}`);
    }
    return this.docs.writeWithDialog(owner, name, data, [{ name: 'PDF', extensions: ['pdf'] }], 'Export PDF');
  }

  /** Pushes an event to a window's page (queued until the page listens for it). */
  send<E extends HostEvent>(owner: number, event: E, payload: HostEvents[E]): void {
    const st = this.windows.get(owner);
    if (!st) return;
    if (st.listening.has(event)) st.win.webContents.send(event, payload);
    else st.queue.push({ event, payload });
  }

  #onListening(owner: number, event: unknown): void {
    const st = this.windows.get(owner);
    if (!st || !(HOST_EVENTS as readonly unknown[]).includes(event)) return;
    const e = event as HostEvent;
    st.listening.add(e);
    const due = st.queue.filter((q) => q.event === e);
    st.queue = st.queue.filter((q) => q.event !== e);
    for (const q of due) st.win.webContents.send(q.event, q.payload);
  }

  // ── windows ───────────────────────────────────────────────────────────────

  #initialBounds(): Partial<Rectangle> & { maximized?: boolean } {
    const saved = readWindowBounds(this.settings);
    const base = { width: 1400, height: 900 };
    if (!saved) return base;
    const visible =
      saved.x === undefined ||
      saved.y === undefined ||
      screen.getAllDisplays().some((d) => {
        const a = d.workArea;
        return saved.x! < a.x + a.width - 50 && saved.x! + saved.width > a.x + 50 && saved.y! >= a.y - 10 && saved.y! < a.y + a.height - 50;
      });
    const b: Partial<Rectangle> & { maximized?: boolean } = { width: saved.width, height: saved.height, maximized: saved.maximized };
    if (visible && saved.x !== undefined && saved.y !== undefined) {
      // Later windows cascade from the saved place.
      const offset = 28 * this.windows.size;
      b.x = saved.x + offset;
      b.y = saved.y + offset;
    }
    return b;
  }

  /** A new, empty document window (the page shows its start screen until told otherwise). */
  createWindow(): BrowserWindow {
    const bounds = this.#initialBounds();
    const win = new BrowserWindow({
      ...bounds,
      minWidth: 720,
      minHeight: 480,
      title: TITLE,
      show: false,
      icon: this.#o.iconPath,
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1f24' : '#ffffff',
      webPreferences: secureWebPreferences(this.#o.preloadPath),
    });
    const owner = win.webContents.id;
    const st: WindowState = { win, owner, forceClose: false, discard: false, asking: false, quitAfterSave: false, listening: new Set(), queue: [], loads: 0, crashes: [] };
    this.windows.set(owner, st);
    this.docs.attach(owner);
    this.#lastFocused = owner;

    hardenWebContents(win.webContents, this.#o.location, (url) => void shell.openExternal(url));
    win.on('page-title-updated', (e) => e.preventDefault());
    win.once('ready-to-show', () => {
      if (bounds.maximized) win.maximize();
      win.show();
    });
    win.on('focus', () => {
      this.#lastFocused = owner;
      this.#updateUndoMenu();
    });
    win.on('close', (e) => this.#onClose(st, e));
    win.on('closed', () => this.#track(this.#onClosed(st)));
    // The page holds something the document's guard does not know of (unsaved learner progress) and
    // asked to stay: ask the user; leaving means letting the unload go on (preventDefault here).
    win.webContents.on('will-prevent-unload', (e) => {
      if (askLeaveUnsavedProgress(win)) e.preventDefault();
      else this.#quitting = false;
    });
    win.webContents.on('did-start-navigation', (_e, _url, isInPlace, isMainFrame) => {
      // A reload (or a new page after a crash): the old page's subscriptions and claims are gone.
      if (!isMainFrame || isInPlace) return;
      if (st.loads++ > 0) {
        st.listening.clear();
        this.docs.releaseRenderer(owner);
      }
    });
    win.webContents.on('render-process-gone', (_e, details) => {
      if (details.reason === 'clean-exit' || win.isDestroyed()) return;
      this.docs.releaseRenderer(owner);
      st.listening.clear();
      // Reloading offers the unsaved work back from the recovery journal; a page that keeps crashing
      // is not reloaded forever.
      const now = Date.now();
      st.crashes = st.crashes.filter((t) => now - t < 60_000);
      st.crashes.push(now);
      if (st.crashes.length <= 3) win.webContents.reload();
      else void dialog.showMessageBox(win, { type: 'error', message: 'This window keeps failing.', detail: 'Your unsaved changes are kept in the recovery journal; they are offered when you open a new window (File › New).' });
    });

    if (this.#o.location.devServerUrl) void win.loadURL(this.#o.location.devServerUrl);
    else void win.loadURL(this.#o.location.indexUrl);
    return win;
  }

  #saveBounds(win: BrowserWindow): void {
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    const b = win.getNormalBounds();
    const bounds: WindowBounds = { x: b.x, y: b.y, width: Math.max(200, b.width), height: Math.max(150, b.height), maximized: win.isMaximized() };
    this.settings.set('windowBounds', bounds);
  }

  #onClose(st: WindowState, e: { preventDefault(): void }): void {
    this.#saveBounds(st.win);
    if (st.forceClose) return;
    const info = this.docs.info(st.owner);
    if (!info?.dirty) return;
    e.preventDefault();
    if (st.asking) return;
    st.asking = true;
    this.#track(askUnsaved(st.win, info.name).then((choice) => {
      st.asking = false;
      if (choice === 'cancel') {
        this.#quitting = false;
        return;
      }
      if (choice === 'discard') {
        st.discard = true;
        st.forceClose = true;
        st.win.close();
        return;
      }
      // Save: the page saves, then calls `closeWindow()`; a failed or cancelled save keeps the window open
      // and ends the quit (closing some other window later must not quit the app).
      st.quitAfterSave = this.#quitting;
      this.#quitting = false;
      this.send(st.owner, 'menu:command', { command: 'app:saveAndClose' });
    }));
  }

  async #onClosed(st: WindowState): Promise<void> {
    this.windows.delete(st.owner);
    if (this.#lastFocused === st.owner) this.#lastFocused = undefined;
    this.#updateUndoMenu();
    await this.docs.detach(st.owner, { discardJournal: st.discard });
    // Quitting goes on window by window: each dirty one asks in turn.
    if (this.#quitting) app.quit();
  }

  /** The window menu commands go to: the focused one, else the last focused. */
  focusedOwner(): number | undefined {
    const f = BrowserWindow.getFocusedWindow();
    if (f && this.windows.has(f.webContents.id)) return f.webContents.id;
    return this.#lastFocused !== undefined && this.windows.has(this.#lastFocused) ? this.#lastFocused : undefined;
  }

  // ── opening documents ─────────────────────────────────────────────────────

  /**
   * Opens documents that came from main's side (menu, command line, OS, drops): a file already
   * open is focused; otherwise the first goes into `preferred` if that window is blank (shows nothing,
   * unchanged, and waits for no other file), and every other file into a new window of its own.
   *
   * Batches run one after another in the order they came (two files from the OS arrive as two events):
   * a batch starts once the one before has handed its files out, so a window taken by one is seen as
   * taken by the next and two files never race for the same blank window.
   */
  openPaths(paths: readonly string[], preferred?: number): Promise<void> {
    const run = this.#opening.then(() => this.#openPathsNow(paths, preferred));
    this.#opening = run.catch(() => undefined);
    return run;
  }

  async #openPathsNow(paths: readonly string[], preferred?: number): Promise<void> {
    for (const path of paths) {
      const open = await this.docs.findOwner(path);
      if (open !== undefined) {
        this.windows.get(open)?.win.focus();
        continue;
      }
      const reuse = preferred !== undefined && this.windows.has(preferred) && this.docs.isBlank(preferred);
      const owner = reuse ? preferred! : this.createWindow().webContents.id;
      const r = await this.docs.openPath(owner, path);
      if (r.ok) {
        this.send(owner, 'file:openRequested', r.value);
      } else {
        // A window made just for this file goes away again (unless it would be the only one).
        const made = this.windows.get(owner);
        if (!reuse && made && this.windows.size > 1) {
          made.forceClose = true;
          made.win.close();
        }
        const parent = preferred !== undefined ? this.windows.get(preferred)?.win : this.windows.get(owner)?.win;
        if (parent && !parent.isDestroyed()) void dialog.showMessageBox(parent, { type: 'error', message: `Cannot open "${basename(path)}"`, detail: r.error.message });
        else dialog.showErrorBox(`Cannot open "${basename(path)}"`, r.error.message);
      }
      // a blank window takes one file only; one that could not be read left it blank for the next
      if (reuse && r.ok) preferred = undefined;
    }
    await this.refreshMenu();
  }

  /** File › Open… from the menu. */
  async openWithDialog(): Promise<void> {
    const owner = this.focusedOwner();
    const path = await this.docs.chooseDocument(owner ?? -1);
    if (path) await this.openPaths([path], owner);
  }

  // ── menu ──────────────────────────────────────────────────────────────────

  sendCommand(command: MenuCommand): void {
    const owner = this.focusedOwner();
    if (owner !== undefined) this.send(owner, 'menu:command', { command });
  }

  /** Rebuilds the native menu (Open Recent changes as files are opened and saved). */
  async refreshMenu(): Promise<void> {
    this.#recentPaths = await this.docs.recentPaths();
    this.#buildMenu();
  }

  /** The focused window's Undo / Redo changed (or another window has the focus): the menu follows. */
  #updateUndoMenu(): void {
    if (!this.#ready) return;
    const owner = this.focusedOwner();
    const undo = owner === undefined ? undefined : this.windows.get(owner)?.undo;
    if (undo?.undo === this.#menuUndo?.undo && undo?.redo === this.#menuUndo?.redo) return;
    // A menu item's label cannot be changed once built: the menu is built again (from the cached recent list).
    this.#buildMenu();
  }

  #buildMenu(): void {
    const owner = this.focusedOwner();
    const undo = owner === undefined ? undefined : this.windows.get(owner)?.undo;
    this.#menuUndo = undo;
    const template = buildMenuTemplate({
      platform: this.#platform,
      appName: TITLE,
      isDev: this.#o.isDev,
      recent: this.#recentPaths.map((p) => ({ label: basename(p), path: p })),
      undo,
      command: (c) => this.sendCommand(c),
      newWindow: () => {
        const win = this.createWindow();
        this.send(win.webContents.id, 'menu:command', { command: 'file:new' });
      },
      open: () => this.#track(this.openWithDialog()),
      openRecent: (p) => this.#track(this.openPaths([p], this.focusedOwner())),
      clearRecent: () => {
        this.settings.set('recentFiles', []);
        app.clearRecentDocuments();
        void this.refreshMenu();
      },
      closeWindow: () => {
        const owner = this.focusedOwner();
        if (owner !== undefined) this.windows.get(owner)?.win.close();
      },
      openHelp: () => void shell.openExternal(HELP_URL),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  // ── app lifecycle ─────────────────────────────────────────────────────────

  /** Registers IPC and app events. Call once, before the app is ready. */
  install(): void {
    registerHostHandlers(ipcMain, this.handlers(), this.senderCheck);
    onPreloadMessage(ipcMain, PRELOAD_CHANNELS.listening, this.senderCheck, ({ owner }, event) => this.#onListening(owner, event));
    onPreloadMessage(ipcMain, PRELOAD_CHANNELS.dropped, this.senderCheck, ({ owner }, paths) => {
      if (!Array.isArray(paths) || paths.length > 20) return;
      const files = paths.filter((p): p is string => typeof p === 'string' && isDocumentPath(p));
      this.#track(this.openPaths(files, owner));
    });
    // Every web contents (including any we did not create) is locked down.
    app.on('web-contents-created', (_e, contents) => hardenWebContents(contents, this.#o.location, (url) => void shell.openExternal(url)));
    app.on('open-file', (e, path) => {
      e.preventDefault();
      if (this.#ready) this.#track(this.openPaths([path], this.focusedOwner()));
      else this.#pendingPaths.push(path);
    });
    app.on('second-instance', (_e, argv, cwd) => {
      const paths = documentsFromArgv(argv, cwd, app.isPackaged);
      if (paths.length) this.#track(this.openPaths(paths, this.focusedOwner()));
      else this.#focusAny();
    });
    app.on('before-quit', () => {
      this.#quitting = true;
    });
    app.on('window-all-closed', () => {
      if (this.#platform !== 'darwin' || this.#quitting) app.quit();
    });
    app.on('activate', () => {
      if (this.#ready && this.windows.size === 0) this.createWindow();
    });
  }

  #focusAny(): void {
    const owner = this.focusedOwner() ?? [...this.windows.keys()][0];
    const win = owner !== undefined ? this.windows.get(owner)?.win : undefined;
    if (!win) return void this.createWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  }

  /** After `app.whenReady()`: session hardening, the menu, and the first window(s). */
  async start(argv: readonly string[], cwd: string): Promise<void> {
    hardenSession(session.defaultSession);
    app.setAboutPanelOptions({ applicationName: TITLE, website: HELP_URL, iconPath: this.#o.iconPath });
    nativeTheme.themeSource = this.settings.get('theme');
    this.#ready = true;
    await this.refreshMenu();
    const paths = [...this.#pendingPaths.splice(0), ...documentsFromArgv(argv, cwd, app.isPackaged)];
    const first = this.createWindow();
    if (paths.length) await this.openPaths(paths, first.webContents.id);
  }
}
