import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { memorySettingsStore } from '../../src-main/services/settings';
import { FakeBrowserWindow, resetFake, state } from './electronFake';
import { manualWatch, sampleFramework, tempDir } from './helpers';

vi.mock('electron', async () => (await import('./electronFake')).electronModule());

const { DesktopApp } = await import('../../src-main/electron/desktopApp');
const electron = await import('electron');

const INDEX = 'file:///opt/Progressions/resources/app.asar/out/renderer/index.html';
const ourFrame = { url: INDEX, parent: null };

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  resetFake();
  vi.mocked(electron.app.quit).mockClear();
});
afterEach(() => cleanup());

function makeApp() {
  const desktop = new DesktopApp({
    location: { indexUrl: INDEX },
    preloadPath: '/opt/Progressions/out/preload/preload.cjs',
    userDataDir: join(dir, 'userData'),
    settings: memorySettingsStore(),
    isDev: false,
    platform: 'linux',
    watchFolder: manualWatch(),
  });
  desktop.install();
  return desktop;
}

function invoke(win: FakeBrowserWindow, channel: string, request?: unknown) {
  return state.handlers.get(channel)!({ sender: win.webContents, senderFrame: ourFrame }, request) as Promise<unknown>;
}

async function dirtyWindow(desktop: InstanceType<typeof DesktopApp>) {
  const win = desktop.createWindow() as unknown as FakeBrowserWindow;
  state.listeners.get('host:listening')!({ sender: win.webContents, senderFrame: ourFrame }, 'menu:command');
  await invoke(win, 'window:setDirty', { dirty: true });
  await invoke(win, 'journal:write', { id: `w${win.webContents.id}`, name: 'Untitled', title: 'T', docToken: null, text: serializeFramework(sampleFramework('T')) });
  return win;
}

describe('quitting with unsaved changes, and the save fails or is cancelled', () => {
  it('the quit stops there: closing another window later does not quit the app', async () => {
    const desktop = makeApp();
    const dirty = await dirtyWindow(desktop);
    const clean = desktop.createWindow() as unknown as FakeBrowserWindow;
    state.appEvents.get('before-quit')!({});
    state.messageBox.push(0); // Save
    dirty.close();
    await desktop.idle();
    expect(dirty.webContents.send).toHaveBeenCalledWith('menu:command', { command: 'app:saveAndClose' });
    // the page's save failed (disk full) or its Save As was cancelled: it does not close the window
    expect(dirty.destroyed).toBe(false);
    clean.close();
    await desktop.idle();
    expect(clean.destroyed).toBe(true);
    expect(electron.app.quit).not.toHaveBeenCalled();
  });

  it('when the page saved and closed, quitting goes on', async () => {
    const desktop = makeApp();
    const dirty = await dirtyWindow(desktop);
    desktop.createWindow();
    state.appEvents.get('before-quit')!({});
    state.messageBox.push(0);
    dirty.close();
    await desktop.idle();
    await invoke(dirty, 'window:close');
    await desktop.idle();
    expect(dirty.destroyed).toBe(true);
    expect(electron.app.quit).toHaveBeenCalled();
  });
});
