import { join } from 'node:path';
import { DesktopApp } from '../../src-main/electron/desktopApp';
import { memorySettingsStore } from '../../src-main/services/settings';
import { state, type FakeBrowserWindow } from './electronFake';
import { manualWatch } from './helpers';

/**
 * The desktop app over the fake `electron` module, as the main-process tests drive it. A test file using this
 * must `vi.mock('electron', …electronFake)` itself (vitest hoists the mock over this module's imports too).
 */
export const INDEX = 'file:///opt/Progressions/resources/app.asar/out/renderer/index.html';
/** The top frame of one of our windows showing our page: what IPC handlers accept. */
export const OUR_FRAME = { url: INDEX, parent: null };

/** A desktop app with its user data in `dir`, installed (IPC handlers registered). */
export function makeDesktopApp(dir: string, platform: 'linux' | 'darwin' | 'win32' = 'linux'): DesktopApp {
  const desktop = new DesktopApp({
    location: { indexUrl: INDEX },
    preloadPath: '/opt/Progressions/out/preload/preload.cjs',
    userDataDir: join(dir, 'userData'),
    settings: memorySettingsStore(),
    isDev: false,
    platform,
    watchFolder: manualWatch(),
  });
  desktop.install();
  return desktop;
}

/** Calls an IPC channel as the page of `win` does (from `frame`, our page's top frame unless said). */
export function invokeFrom(win: FakeBrowserWindow, channel: string, request?: unknown, frame: { url: string; parent: unknown } = OUR_FRAME): Promise<any> {
  return state.handlers.get(channel)!({ sender: win.webContents, senderFrame: frame }, request) as Promise<any>;
}
