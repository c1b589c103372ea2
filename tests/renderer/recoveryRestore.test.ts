import { afterEach, describe, expect, it, vi } from 'vitest';
import { addCompetency } from '../../src-core/commands';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import type { DocToken, HostApi } from '../../src-core/host/contract';
import { createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId } from '../../src-core/model/ids';
import { restoreRecovered } from '../../src-renderer/src/app/documents';
import { createBrowserHost } from '../../src-renderer/src/host/browserHost';
import { memoryJournalStore, type JournalStore, type KeyValueStorage } from '../../src-renderer/src/host/journalStorage';
import { createMemoryHost } from '../../src-renderer/src/host/memoryHost';
import type { RecentHandle } from '../../src-renderer/src/host/recentHandles';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';
import { memoryStorage } from './helpers/journalFixtures';

afterEach(() => vi.unstubAllGlobals());

const doc = (title: string) => serializeFramework(createFramework({ title }));

describe('restoring several unsaved documents after a crash', () => {
  it('restoring a second one into the window asks before the first restored one is replaced (its copy would be dropped)', async () => {
    const host = createMemoryHost();
    host.journal.set('a', { name: 'A.json', title: 'A', docToken: null, text: doc('Restored A'), savedAt: '2026-01-01T00:00:00Z' });
    host.journal.set('b', { name: 'B.json', title: 'B', docToken: null, text: doc('Restored B'), savedAt: '2026-01-01T00:00:00Z' });
    const store = createEditorStore({ framework: createFramework({ title: 'Start' }) });
    const asked: string[] = [];
    const no = () => (asked.push(store.getSnapshot().doc.name), false);
    expect(await restoreRecovered(store, host, 'a', no)).toBe('restored');
    expect(asked).toEqual([]); // nothing unsaved yet: no question
    expect(store.getSnapshot()).toMatchObject({ dirty: true, doc: { framework: { title: 'Restored A' } } });
    expect(await restoreRecovered(store, host, 'b', no)).toBe('kept');
    expect(asked).toEqual(['A.json']);
    expect(store.getSnapshot().doc.framework.title).toBe('Restored A');
    expect(host.journal.has('b')).toBe(true); // still there, to restore in another window
  });

  it('unsaved edits made before choosing Restore are asked about too', async () => {
    const host = createMemoryHost();
    host.journal.set('a', { name: 'A.json', title: 'A', docToken: null, text: doc('Restored A'), savedAt: '2026-01-01T00:00:00Z' });
    const store = createEditorStore({ framework: createFramework({ title: 'Start' }) });
    store.run(addCompetency({ id: newId<CompetencyId>(), code: 'X' }));
    expect(await restoreRecovered(store, host, 'a', () => false)).toBe('kept');
    expect(store.getSnapshot().doc.framework.title).toBe('Start');
    expect(await restoreRecovered(store, host, 'a', () => true)).toBe('restored');
    expect(store.getSnapshot().doc.framework.title).toBe('Restored A');
  });
});

/** A tab of the browser build over shared storage; `die()` is the tab closing or crashing. */
function tab(local: KeyValueStorage, store: JournalStore, id: string, recent: RecentHandle[] = []): HostApi & { die(): void } {
  vi.stubGlobal('navigator', { platform: 'Linux x86_64', userAgent: 'test' });
  const listeners = new Map<string, (e?: unknown) => void>();
  const win = {
    localStorage: local,
    crypto: { randomUUID: () => id },
    setInterval: () => 0,
    clearInterval: () => undefined,
    addEventListener: (type: string, l: (e?: unknown) => void) => void listeners.set(type, l),
    document: { title: '' },
    showOpenFilePicker: async () => [],
  } as unknown as Window;
  const host = createBrowserHost(win, { journal: store, recent: { load: async () => recent, save: async () => undefined } });
  return Object.assign(host, { die: () => listeners.get('pagehide')?.() });
}

describe('browser build: a restored document stays recoverable', () => {
  it('a tab that crashes right after restoring (before its first autosave) still leaves the work to recover', async () => {
    const local = memoryStorage();
    const store = memoryJournalStore();
    const first = tab(local, store, 'first');
    await first.writeJournal({ id: 'x', name: 'district.json', title: 'District map', docToken: null, text: doc('Unsaved district map') });
    first.die();
    const second = tab(local, store, 'second');
    const r = await second.restoreRecovery({ id: 'first' });
    expect(r.ok).toBe(true);
    second.die(); // crash before it journalled anything itself
    const third = tab(local, store, 'third');
    const offered = await third.listRecovery();
    expect(offered.map((e) => e.title)).toEqual(['District map']);
    const again = await third.restoreRecovery({ id: offered[0]!.id });
    expect(again.ok && again.value.text).toContain('Unsaved district map');
  });

  it('a restored copy of a file changed after the copy was kept asks before saving over it', async () => {
    let text = doc('On disk');
    let lastModified = Date.now() - 60_000;
    const handle = {
      kind: 'file',
      name: 'plan.json',
      getFile: async () => ({ name: 'plan.json', size: text.length, lastModified, text: async () => text, arrayBuffer: async () => new TextEncoder().encode(text).buffer }) as unknown as File,
      createWritable: async () => ({ write: async (t: string) => void (text = t), close: async () => void (lastModified = Date.now()) }),
      isSameEntry: async (o: unknown) => o === handle,
    } as unknown as FileSystemFileHandle;
    const token = 'browser:1:plan' as DocToken;
    const recent: RecentHandle[] = [{ name: 'plan.json', docToken: token, openedAt: '2026-01-01T00:00:00Z', handle }];
    const local = memoryStorage();
    const store = memoryJournalStore();
    const first = tab(local, store, 'first', recent);
    await first.writeJournal({ id: 'x', name: 'plan.json', title: 'Plan', docToken: token, text: doc('Mine, unsaved') });
    first.die();
    // after the crash a colleague saves the file
    text = doc('Colleague’s version');
    lastModified = Date.now() + 60_000;
    const next = tab(local, store, 'next', recent);
    const r = await next.restoreRecovery({ id: 'first' });
    expect(r.ok && r.value.docToken).toBe(token);
    expect(await next.saveFile({ docToken: token, text: doc('Mine, unsaved') })).toMatchObject({ ok: false, error: { code: 'changed-on-disk' } });
    expect(text).toContain('Colleague’s version');
  });

  it('a restored copy of a file nobody touched since saves without a question', async () => {
    let text = doc('On disk');
    const lastModified = Date.now() - 60_000;
    const handle = {
      kind: 'file',
      name: 'plan.json',
      getFile: async () => ({ name: 'plan.json', size: text.length, lastModified, text: async () => text, arrayBuffer: async () => new TextEncoder().encode(text).buffer }) as unknown as File,
      createWritable: async () => ({ write: async (t: string) => void (text = t), close: async () => undefined }),
      isSameEntry: async (o: unknown) => o === handle,
    } as unknown as FileSystemFileHandle;
    const token = 'browser:1:plan' as DocToken;
    const recent: RecentHandle[] = [{ name: 'plan.json', docToken: token, openedAt: '2026-01-01T00:00:00Z', handle }];
    const local = memoryStorage();
    const store = memoryJournalStore();
    const first = tab(local, store, 'first', recent);
    await first.writeJournal({ id: 'x', name: 'plan.json', title: 'Plan', docToken: token, text: doc('Mine, unsaved') });
    first.die();
    const next = tab(local, store, 'next', recent);
    expect((await next.restoreRecovery({ id: 'first' })).ok).toBe(true);
    expect((await next.saveFile({ docToken: token, text: doc('Mine, unsaved') })).ok).toBe(true);
  });
});

describe('the recovery offer’s line about each copy', () => {
  it('a damaged copy shows no "Invalid Date" and no made-up size', async () => {
    const { entryFacts } = await import('../../src-renderer/src/app/RecoveryOffer');
    expect(entryFacts({ name: 'Damaged recovery copy', savedAt: '', bytes: 0 })).toBe('Damaged recovery copy');
    expect(entryFacts({ name: 'plan.json', savedAt: '2026-11-26T14:02:00Z', bytes: 2_400_000 })).toMatch(/^plan\.json · .+ · 2344 KB$/);
  });
});

describe('browser build: a restored copy whose file the reloaded page has no permission for yet', () => {
  it('asks the browser for access first, then still checks the file before saving over it', async () => {
    let text = doc('On disk');
    let lastModified = Date.now() - 60_000;
    let permission: PermissionState = 'prompt';
    const handle = {
      kind: 'file',
      name: 'plan.json',
      queryPermission: async () => permission,
      requestPermission: async () => (permission = 'granted'),
      getFile: async () => {
        if (permission !== 'granted') throw new DOMException('no access', 'NotAllowedError');
        return { name: 'plan.json', size: text.length, lastModified, text: async () => text, arrayBuffer: async () => new TextEncoder().encode(text).buffer } as unknown as File;
      },
      createWritable: async () => ({ write: async (t: string) => void (text = t), close: async () => void (lastModified = Date.now()) }),
      isSameEntry: async (o: unknown) => o === handle,
    } as unknown as FileSystemFileHandle;
    const token = 'browser:1:plan' as DocToken;
    const recent: RecentHandle[] = [{ name: 'plan.json', docToken: token, openedAt: '2026-01-01T00:00:00Z', handle }];
    const local = memoryStorage();
    const store = memoryJournalStore();
    const first = tab(local, store, 'first', recent);
    await first.writeJournal({ id: 'x', name: 'plan.json', title: 'Plan', docToken: token, text: doc('Mine, unsaved') });
    first.die();
    text = doc('Colleague’s version');
    lastModified = Date.now() + 60_000;
    const next = tab(local, store, 'next', recent);
    expect((await next.restoreRecovery({ id: 'first' })).ok).toBe(true);
    expect(await next.saveFile({ docToken: token, text: doc('Mine, unsaved') })).toMatchObject({ ok: false, error: { code: 'changed-on-disk' } });
    expect(text).toContain('Colleague’s version');
  });
});
