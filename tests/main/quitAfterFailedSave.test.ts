import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { FakeBrowserWindow, resetFake, state } from './electronFake';
import { sampleFramework, tempDir } from './helpers';

vi.mock('electron', async () => (await import('./electronFake')).electronModule());

const { DesktopApp } = await import('../../src-main/electron/desktopApp');
const { makeDesktopApp, invokeFrom, OUR_FRAME } = await import('./desktopHarness');
const electron = await import('electron');

const ourFrame = OUR_FRAME;

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  resetFake();
  vi.mocked(electron.app.quit).mockClear();
});
afterEach(() => cleanup());

const makeApp = () => makeDesktopApp(dir);

const invoke = (win: FakeBrowserWindow, channel: string, request?: unknown): Promise<unknown> => invokeFrom(win, channel, request);

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
