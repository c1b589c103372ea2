import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A fake `electron` module for tests of the main-process wiring (the real binary cannot run here).
 * Use with `vi.mock('electron', async () => (await import('./electronFake')).electronModule())`.
 */

type Listener = (...args: any[]) => unknown;

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: ((d: { url: string }) => { action: string }) | undefined;
  send = vi.fn();
  reload = vi.fn();
  printToPDF = vi.fn(async () => new Uint8Array([37, 80, 68, 70]));
  isDestroyed = () => false;
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = h;
  }
  /** Emits like Electron: the first argument is an event whose preventDefault is recorded. */
  fire(name: string, ...args: unknown[]): { defaultPrevented: boolean } {
    const ev = { defaultPrevented: false, preventDefault() { ev.defaultPrevented = true; } };
    this.emit(name, ev, ...args);
    return ev;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static focused: FakeBrowserWindow | null = null;
  static getFocusedWindow() {
    return FakeBrowserWindow.focused;
  }
  readonly webContents = new FakeWebContents();
  title = '';
  destroyed = false;
  loadedUrl = '';
  documentEdited = false;
  constructor(readonly options: Record<string, any>) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  loadURL = vi.fn(async (url: string) => {
    this.loadedUrl = url;
  });
  loadFile = vi.fn(async () => undefined);
  setTitle(t: string) {
    this.title = t;
  }
  setDocumentEdited(v: boolean) {
    this.documentEdited = v;
  }
  show = vi.fn();
  focus = vi.fn(() => {
    FakeBrowserWindow.focused = this;
  });
  maximize = vi.fn();
  restore = vi.fn();
  isDestroyed = () => this.destroyed;
  isMinimized = () => false;
  isFullScreen = () => false;
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 10, y: 20, width: 1300, height: 850 });
  /** Like Electron: 'close' can be prevented; otherwise the window is destroyed and 'closed' follows. */
  close() {
    if (this.destroyed) return;
    const ev = { defaultPrevented: false, preventDefault() { ev.defaultPrevented = true; } };
    this.emit('close', ev);
    if (ev.defaultPrevented) return;
    this.destroyed = true;
    FakeBrowserWindow.all = FakeBrowserWindow.all.filter((w) => w !== this);
    if (FakeBrowserWindow.focused === this) FakeBrowserWindow.focused = null;
    this.emit('closed');
  }
}

export interface FakeState {
  handlers: Map<string, Listener>;
  listeners: Map<string, Listener>;
  appEvents: Map<string, Listener>;
  menu: { template: any[] } | null;
  openDialog: string[];
  saveDialog: string[];
  messageBox: number[];
  messageBoxes: { message: string; buttons?: string[] }[];
  permissionRequest?: (wc: unknown, permission: string, cb: (ok: boolean) => void) => void;
  permissionCheck?: (...a: unknown[]) => boolean;
  headers?: (details: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void;
}

export const state: FakeState = {
  handlers: new Map(),
  listeners: new Map(),
  appEvents: new Map(),
  menu: null,
  openDialog: [],
  saveDialog: [],
  messageBox: [],
  messageBoxes: [],
};

export const shellOpenExternal = vi.fn(async (_url: string) => undefined);
/** Electron's `net.fetch` (the CASE-server import); offline unless a test says otherwise. */
export const netFetch = vi.fn(async (_url: string, _init?: RequestInit): Promise<Response> => {
  throw new Error('net::ERR_INTERNET_DISCONNECTED');
});
export const appQuit = vi.fn();

export function resetFake(): void {
  FakeBrowserWindow.all = [];
  FakeBrowserWindow.focused = null;
  state.handlers.clear();
  state.listeners.clear();
  state.appEvents.clear();
  state.menu = null;
  state.openDialog = [];
  state.saveDialog = [];
  state.messageBox = [];
  state.messageBoxes = [];
  shellOpenExternal.mockClear();
  netFetch.mockClear();
  appQuit.mockClear();
}

export function electronModule() {
  const app = {
    on: (name: string, fn: Listener) => void state.appEvents.set(name, fn),
    quit: appQuit,
    isPackaged: false,
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
    setAboutPanelOptions: vi.fn(),
    setAppUserModelId: vi.fn(),
    getPath: () => '/tmp',
    getAppPath: () => '/app',
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
  };
  const mod = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (ch: string, fn: Listener) => void state.handlers.set(ch, fn),
      removeHandler: (ch: string) => void state.handlers.delete(ch),
      on: (ch: string, fn: Listener) => void state.listeners.set(ch, fn),
    },
    Menu: {
      buildFromTemplate: (template: any[]) => ({ template }),
      setApplicationMenu: (m: { template: any[] }) => void (state.menu = m),
    },
    dialog: {
      showOpenDialog: vi.fn(async () => {
        const p = state.openDialog.shift();
        return { canceled: !p, filePaths: p ? [p] : [] };
      }),
      showSaveDialog: vi.fn(async () => {
        const p = state.saveDialog.shift();
        return { canceled: !p, filePath: p ?? '' };
      }),
      showMessageBox: vi.fn(async (_w: unknown, o: { message: string; buttons?: string[] }) => {
        state.messageBoxes.push(o);
        return { response: state.messageBox.shift() ?? 0 };
      }),
      showMessageBoxSync: vi.fn((_w: unknown, o: { message: string; buttons?: string[] }) => {
        state.messageBoxes.push(o);
        return state.messageBox.shift() ?? 0;
      }),
      showErrorBox: vi.fn(),
    },
    shell: { openExternal: shellOpenExternal },
    net: { fetch: netFetch },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: FakeState['permissionRequest']) => void (state.permissionRequest = h),
        setPermissionCheckHandler: (h: FakeState['permissionCheck']) => void (state.permissionCheck = h),
        webRequest: { onHeadersReceived: (h: FakeState['headers']) => void (state.headers = h) },
      },
    },
    nativeTheme: { themeSource: 'system', shouldUseDarkColors: false },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  };
  return { ...mod, default: mod };
}
