import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import type { HostApi } from '../../src-core/host/contract';
import { memorySettingsStore } from '../../src-main/services/settings';
import { FakeBrowserWindow, resetFake, state } from './electronFake';
import { manualWatch, sampleFramework, tempDir, writeDoc } from './helpers';

// One fake electron for both sides: the preload's ipcRenderer talks to main's ipcMain handlers as
// the page of the window `page.win` would, so window.host is exercised end to end.
const page = vi.hoisted(() => ({
  win: undefined as undefined | { webContents: { id: number } },
  url: 'file:///opt/Progressions/out/renderer/index.html',
  listeners: new Map<string, (e: unknown, payload: unknown) => void>(),
  exposed: undefined as unknown,
}));

vi.mock('electron', async () => {
  const base = (await import('./electronFake')).electronModule();
  const event = () => ({ sender: page.win!.webContents, senderFrame: { url: page.url, parent: null } });
  const { state: s } = await import('./electronFake');
  const ipcRenderer = {
    invoke: async (channel: string, request: unknown) => s.handlers.get(channel)!(event(), request),
    send: (channel: string, payload: unknown) => s.listeners.get(channel)!(event(), payload),
    on: (channel: string, l: (e: unknown, payload: unknown) => void) => void page.listeners.set(channel, l),
    removeListener: (channel: string) => void page.listeners.delete(channel),
  };
  const mod = { ...base, ipcRenderer, contextBridge: { exposeInMainWorld: (_k: string, api: unknown) => void (page.exposed = api) }, webUtils: {} };
  return { ...mod, default: mod };
});

const { DesktopApp } = await import('../../src-main/electron/desktopApp');

let dir: string;
let cleanup: () => void;
let host: HostApi;
let desktop: InstanceType<typeof DesktopApp>;

beforeAll(async () => {
  (globalThis as { window?: unknown }).window = { addEventListener: () => undefined };
  await import('../../src-main/electron/preload');
  host = page.exposed as HostApi;
});
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  resetFake();
  desktop = new DesktopApp({
    location: { indexUrl: page.url },
    preloadPath: '/p.cjs',
    userDataDir: join(dir, 'userData'),
    settings: memorySettingsStore(),
    isDev: false,
    platform: 'linux',
    watchFolder: manualWatch(),
  });
  desktop.install();
  page.win = desktop.createWindow() as unknown as FakeBrowserWindow;
  page.listeners.clear();
});
afterEach(() => cleanup());

describe('window.host end to end (preload → main → services → back)', () => {
  it('open, edit, autosave, save, recent, settings', async () => {
    const p = join(dir, 'plan.progressions');
    await writeDoc(p, sampleFramework('Plan'));
    state.openDialog.push(p);
    const opened = await host.openFile();
    expect(opened.ok && opened.value?.name).toBe('plan.progressions');
    const docToken = opened.ok ? opened.value!.docToken! : null!;
    await host.setDocument({ docToken, name: 'plan.progressions' });
    const text = serializeFramework(sampleFramework('Plan, edited'));
    await host.setDirty({ dirty: true });
    expect(await host.writeJournal({ id: 'page-1', name: 'plan.progressions', title: 'Plan, edited', docToken, text })).toEqual({ ok: true, value: undefined });
    expect(await host.saveFile({ docToken, text })).toEqual({ ok: true, value: { name: 'plan.progressions', docToken } });
    expect(readFileSync(p, 'utf8')).toBe(text);
    expect(await host.clearJournal({ id: 'page-1' })).toEqual({ ok: true, value: undefined });
    const recent = await host.listRecent();
    expect(recent.map((r) => r.name)).toEqual(['plan.progressions']);
    expect((await host.setSettings({ theme: 'dark' })).theme).toBe('dark');
    expect((await host.getSettings()).theme).toBe('dark');
  });

  it('a CSV Excel saved as "CSV (Comma delimited)" reaches the page read as Windows-1252, and says so', async () => {
    const p = join(dir, 'class.csv');
    // "zoe,Zoë Núñez" in the Windows code page: ë, ú and ñ are the single bytes EB, FA and F1
    writeFileSync(p, Buffer.from([...Buffer.from('learner,name\r\nzoe,Zo'), 0xeb, ...Buffer.from(' N'), 0xfa, 0xf1, ...Buffer.from('ez\r\n')]));
    state.openDialog.push(p);
    expect(await host.pickImport({ accept: ['csv'] })).toEqual({ ok: true, value: { name: 'class.csv', text: 'learner,name\r\nzoe,Zoë Núñez\r\n', encoding: 'windows-1252' } });
  });

  it('events from main reach the page’s listener once it subscribes', async () => {
    const seen: unknown[] = [];
    desktop.send(page.win!.webContents.id, 'menu:command', { command: 'file:save' });
    host.on('menu:command', (p) => seen.push(p));
    // The fake web contents records the send; deliver it like Electron would.
    const [[channel, payload]] = (page.win as unknown as FakeBrowserWindow).webContents.send.mock.calls as [[string, unknown]];
    page.listeners.get(channel)!({}, payload);
    expect(seen).toEqual([{ command: 'file:save' }]);
  });

  it('a page showing something else than our index.html gets nothing', async () => {
    page.url = 'https://evil.example/';
    try {
      await expect(host.getSettings()).rejects.toThrow(/did not come from the Progressions window/);
    } finally {
      page.url = 'file:///opt/Progressions/out/renderer/index.html';
    }
  });
});
