import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostApi } from '../../src-core/host/contract';
import { createBrowserHost } from '../../src-renderer/src/host/browserHost';
import { memoryJournalStore } from '../../src-renderer/src/host/journalStorage';
import { fsAccessPage } from './helpers/fsAccessPage';
import { memoryStorage } from './helpers/journalFixtures';

/** A file on the user's disk as the File System Access API shows it; `edit` is another program writing it. */
function diskFile(name: string, initial: string) {
  let text = initial;
  let lastModified = 1_000;
  let exists = true;
  const notFound = () => new DOMException('A requested file or directory could not be found.', 'NotFoundError');
  const handle = {
    kind: 'file',
    name,
    async getFile() {
      if (!exists) throw notFound();
      return { name, size: text.length, lastModified, text: async () => text, arrayBuffer: async () => new TextEncoder().encode(text).buffer } as unknown as File;
    },
    async createWritable() {
      let buf = '';
      return {
        write: async (t: string | Blob) => void (buf += typeof t === 'string' ? t : await t.text()),
        close: async () => {
          text = buf;
          exists = true;
          lastModified += 1_000;
        },
      };
    },
    isSameEntry: async (o: unknown) => o === handle,
  } as unknown as FileSystemFileHandle;
  return {
    handle,
    text: () => text,
    edit(t: string, keepTime = false) {
      text = t;
      if (!keepTime) lastModified += 500;
    },
    remove: () => void (exists = false),
  };
}

describe('browser build: saving over a file changed elsewhere (File System Access API)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('a file another program changed since it was opened is not overwritten without asking', async () => {
    const f = diskFile('plan.json', 'opened');
    const host = fsAccessPage(f.handle);
    const opened = await host.openFile();
    const token = opened.ok && opened.value!.docToken!;
    if (!token) throw new Error('no token');
    f.edit('a colleague’s version');
    const r = await host.saveFile({ docToken: token, text: 'mine' });
    expect(!r.ok && r.error.code).toBe('changed-on-disk');
    expect(!r.ok && r.error.message).toMatch(/plan\.json.*changed by another program/);
    expect(f.text()).toBe('a colleague’s version');
    // the user chose to replace it
    expect((await host.saveFile({ docToken: token, text: 'mine', overwrite: true })).ok).toBe(true);
    expect(f.text()).toBe('mine');
    // our own save is the new baseline: saving again does not ask
    expect((await host.saveFile({ docToken: token, text: 'mine, again' })).ok).toBe(true);
  });

  it('a file deleted (or moved) since is reported as such, and saved there again only when the user says so', async () => {
    const f = diskFile('plan.json', 'opened');
    const host = fsAccessPage(f.handle);
    const opened = await host.openFile();
    const token = opened.ok && opened.value!.docToken!;
    if (!token) throw new Error('no token');
    f.remove();
    const r = await host.saveFile({ docToken: token, text: 'mine' });
    expect(!r.ok && r.error.code).toBe('removed-on-disk');
    expect((await host.saveFile({ docToken: token, text: 'mine', overwrite: true })).ok).toBe(true);
    expect(f.text()).toBe('mine');
  });

  it('a file saved with Save As is the baseline too', async () => {
    const f = diskFile('new.json', '');
    const host = fsAccessPage(f.handle);
    const saved = await host.saveFileAs({ suggestedName: 'new.json', text: 'first' });
    const token = saved.ok && saved.value!.docToken!;
    if (!token) throw new Error('no token');
    f.edit('changed in another tab');
    expect(await host.saveFile({ docToken: token, text: 'second' })).toMatchObject({ ok: false, error: { code: 'changed-on-disk' } });
  });
});

describe('browser build: the open file changed elsewhere is noticed when the user comes back to the tab', () => {
  afterEach(() => vi.unstubAllGlobals());

  function focusablePage(pick: FileSystemFileHandle) {
    vi.stubGlobal('navigator', { platform: 'Linux x86_64', userAgent: 'test' });
    const listeners = new Map<string, (e?: unknown) => void>();
    const win = {
      localStorage: memoryStorage(),
      crypto: { randomUUID: () => 'page' },
      setInterval: () => 0,
      clearInterval: () => undefined,
      addEventListener: (type: string, l: (e?: unknown) => void) => void listeners.set(type, l),
      document: { title: '', visibilityState: 'visible' },
      showOpenFilePicker: async () => [pick],
    } as unknown as Window;
    const host = createBrowserHost(win, { journal: memoryJournalStore(), recent: { load: async () => [], save: async () => undefined } });
    return { host, focus: () => listeners.get('focus')?.() };
  }

  it('reports a change once (reload / keep mine), and a removed file as removed; the save still asks', async () => {
    const f = diskFile('plan.json', 'opened');
    const { host, focus } = focusablePage(f.handle);
    const opened = await host.openFile();
    const token = opened.ok && opened.value!.docToken!;
    if (!token) throw new Error('no token');
    const events: unknown[] = [];
    host.on('file:changedOnDisk', (e) => events.push(e));
    focus();
    await vi.waitFor(() => expect(events).toEqual([]));
    f.edit('a colleague’s version');
    focus();
    await vi.waitFor(() => expect(events).toEqual([{ docToken: token, name: 'plan.json', change: 'changed' }]));
    focus();
    await new Promise((r) => setTimeout(r, 0));
    expect(events).toHaveLength(1); // not again for the same change
    expect(await host.saveFile({ docToken: token, text: 'mine' })).toMatchObject({ ok: false, error: { code: 'changed-on-disk' } });
    f.remove();
    focus();
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(events[1]).toEqual({ docToken: token, name: 'plan.json', change: 'removed' });
  });
});

describe('browser build: a full localStorage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('changing a setting (theme, lanes) does not fail: it applies for this page and is kept when there is room again', async () => {
    vi.stubGlobal('navigator', { platform: 'Linux x86_64', userAgent: 'test' });
    const local = memoryStorage(2_000);
    local.setItem('filler', 'x'.repeat(1_900));
    const win = {
      localStorage: local,
      crypto: { randomUUID: () => 'p' },
      setInterval: () => 0,
      clearInterval: () => undefined,
      addEventListener: () => undefined,
      document: { title: '' },
    } as unknown as Window;
    const host = createBrowserHost(win, { journal: memoryJournalStore(), recent: { load: async () => [], save: async () => undefined } });
    const next = await host.setSettings({ theme: 'dark' });
    expect(next.theme).toBe('dark');
    expect((await host.getSettings()).theme).toBe('dark');
  });
});
