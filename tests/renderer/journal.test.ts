import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostApi } from '../../src-core/host/contract';
import { journalFailureReports } from '../../src-renderer/src/app/journalFailures';
import { createBrowserHost } from '../../src-renderer/src/host/browserHost';
import {
  ALIVE_MS,
  indexedDbJournalStore,
  journalStorage,
  JournalWriteError,
  memoryJournalStore,
  type JournalStore,
  type KeyValueStorage,
} from '../../src-renderer/src/host/journalStorage';
import { sanitizeSettings } from '../../src-renderer/src/host/settingsStorage';
import { memoryStorage, rec, BIG, LOCAL_QUOTA } from './helpers/journalFixtures';

/** A store whose writes fail with the DOMException `name` (QuotaExceededError: disk share used up; InvalidStateError: IndexedDB refused). */
function failingStore(name: string): JournalStore {
  const inner = memoryJournalStore();
  return { ...inner, put: async () => Promise.reject(new DOMException('The operation failed', name)) };
}

describe('browser recovery journal', () => {
  it('offers the unsaved document of a page that went away, not of live pages or its own', async () => {
    const local = memoryStorage();
    let t = 1_000_000;
    const j = journalStorage(memoryJournalStore(), local, () => t, { locks: null }); // heartbeats only (Web Locks: journalLiveness.test.ts)
    j.heartbeat('crashed');
    await j.write('crashed', rec());
    j.heartbeat('live');
    await j.write('live', rec({ name: 'other.json' }));
    j.heartbeat('me');
    await j.write('me', rec());

    expect(await j.orphans('me')).toEqual([]); // everyone is alive
    t += ALIVE_MS + 1;
    j.heartbeat('live');
    expect((await j.orphans('me')).map((e) => [e.id, e.name, e.bytes])).toEqual([['crashed', 'fractions.json', 7]]);
    expect((await j.read('crashed'))?.text).toBe('{"x":1}');
    await j.clear('crashed');
    expect(await j.orphans('me')).toEqual([]);
    expect(await j.read('crashed')).toBeNull();
  });

  it('keeps a document far larger than localStorage allows, and lists it newest first with its size', async () => {
    const local = memoryStorage(LOCAL_QUOTA);
    const store = memoryJournalStore();
    let t = 1_000_000;
    const j = journalStorage(store, local, () => t);
    await j.write('big', rec({ name: 'district.json', text: BIG, savedAt: '2026-01-02T00:00:00Z' }));
    await j.write('small', rec());
    t += ALIVE_MS + 1;
    expect((await j.orphans('me')).map((e) => [e.name, e.bytes])).toEqual([
      ['district.json', BIG.length],
      ['fractions.json', 7],
    ]);
    expect((await j.read('big'))?.text).toHaveLength(BIG.length);
    expect([...local.map.keys()].filter((k) => k.startsWith('progressions.journal.'))).toEqual([]); // nothing in localStorage
  });

  it('a clear right after a write wins (operations run in call order)', async () => {
    const j = journalStorage(memoryJournalStore(), memoryStorage(), () => 1e9);
    const w = j.write('p', rec());
    const c = j.clear('p');
    await Promise.all([w, c]);
    expect(await j.orphans('me')).toEqual([]);
  });

  it('a write at page close starts at once, not after a write still running; what was queued before it is dropped', async () => {
    // IndexedDB commits transactions in the order they were created, and tells later: puts apply in call
    // order here, and the first one's answer is held back (a write still running when the page goes away)
    const base = memoryJournalStore();
    let release!: () => void;
    const heldBack = new Promise<void>((r) => (release = r));
    let calls = 0;
    const puts: string[] = [];
    const store: JournalStore = {
      ...base,
      async put(id, r) {
        puts.push(r.text);
        const applied = base.put(id, r);
        if (++calls === 1) await heldBack;
        return applied;
      },
    };
    const j = journalStorage(store, memoryStorage(), () => 1e9);
    const running = j.write('p', rec({ text: 'autosave', savedAt: '2026-01-01T00:00:01Z' }));
    await Promise.resolve();
    const queued = j.write('p', rec({ text: 'queued', savedAt: '2026-01-01T00:00:02Z' }));
    const queuedClear = j.clear('p');
    const atClose = j.write('p', rec({ text: 'at close', savedAt: '2026-01-01T00:00:03Z' }), { urgent: true });
    await atClose; // done while the first write is still running
    expect(puts).toEqual(['autosave', 'at close']);
    release();
    await Promise.all([running, queued, queuedClear]);
    expect(puts).toEqual(['autosave', 'at close']); // the queued write and clear were superseded
    expect((await j.read('p'))?.text).toBe('at close');
    // after it, operations are in call order again
    await j.clear('p');
    expect(await j.read('p')).toBeNull();
  });

  it('picks up what an older build journalled in localStorage, and removes it once restored or cleared', async () => {
    const local = memoryStorage();
    local.setItem('progressions.journal.old1', JSON.stringify(rec({ name: 'old.json', savedAt: '2025-12-01T00:00:00Z' })));
    local.setItem('progressions.journal.old2', JSON.stringify(rec({ name: 'older.json', savedAt: '2025-11-01T00:00:00Z' })));
    local.setItem('progressions.journal.bad', '{not json');
    const j = journalStorage(memoryJournalStore(), local, () => 1e9);
    await j.write('new', rec({ name: 'new.json', savedAt: '2026-01-01T00:00:00Z' }));

    expect((await j.orphans('me')).map((e) => e.name)).toEqual(['new.json', 'old.json', 'older.json']);
    expect((await j.read('old1'))?.name).toBe('old.json');
    await j.clear('old1'); // restored (restore reads, then clears) …
    await j.clear('old2'); // … or discarded
    expect(local.getItem('progressions.journal.old1')).toBeNull();
    expect(local.getItem('progressions.journal.old2')).toBeNull();
    expect((await j.orphans('me')).map((e) => e.name)).toEqual(['new.json']);
  });

  it('a page journalling again replaces its own older-build record (the newer one is what is offered)', async () => {
    const local = memoryStorage();
    local.setItem('progressions.journal.p', JSON.stringify(rec({ text: 'old', savedAt: '2025-12-01T00:00:00Z' })));
    const j = journalStorage(memoryJournalStore(), local, () => 1e9);
    await j.write('p', rec({ text: 'new', savedAt: '2026-01-01T00:00:00Z' }));
    expect(local.getItem('progressions.journal.p')).toBeNull();
    expect((await j.read('p'))?.text).toBe('new');
    expect(await j.orphans('me')).toHaveLength(1);
  });

  it('where IndexedDB refuses, a small document still goes to localStorage and is offered back', async () => {
    const local = memoryStorage(LOCAL_QUOTA);
    const j = journalStorage(failingStore('InvalidStateError'), local, () => 1e9);
    await j.write('p', rec());
    expect((await j.orphans('me')).map((e) => e.name)).toEqual(['fractions.json']);
    expect((await j.read('p'))?.text).toBe('{"x":1}');
  });

  it('a write kept nowhere fails with a plain reason (storage full / storage refused), the browser errors kept aside', async () => {
    const full = journalStorage(failingStore('QuotaExceededError'), memoryStorage(LOCAL_QUOTA), () => 1e9);
    const e1 = await full.write('p', rec({ text: BIG })).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(JournalWriteError);
    expect((e1 as JournalWriteError).reason).toBe('full');
    expect((e1 as Error).message).toBe("Unsaved changes could not be kept for crash recovery (the browser's storage is full). Save the file to keep your work.");
    expect((e1 as JournalWriteError).causes.map((c) => (c as DOMException).name)).toEqual(['QuotaExceededError', 'QuotaExceededError']);

    const refused = journalStorage(failingStore('InvalidStateError'), memoryStorage(LOCAL_QUOTA), () => 1e9);
    const e2 = await refused.write('p', rec({ text: BIG })).catch((e: unknown) => e);
    expect((e2 as JournalWriteError).reason).toBe('unavailable');
    expect((e2 as Error).message).toMatch(/^Unsaved changes could not be kept for crash recovery \(.*private.*\)\. Save the file to keep your work\.$/);
    expect((e2 as Error).message).not.toMatch(/DOMException|setItem|quota/i);
  });

  it('a full store keeps the last record that fitted (older unsaved work is still offered)', async () => {
    const store = memoryJournalStore();
    const j = journalStorage(store, memoryStorage(LOCAL_QUOTA), () => 1e9);
    await j.write('p', rec({ text: 'first' }));
    store.put = async () => Promise.reject(new DOMException('full', 'QuotaExceededError'));
    await expect(j.write('p', rec({ text: BIG }))).rejects.toBeInstanceOf(JournalWriteError);
    expect((await j.read('p'))?.text).toBe('first');
  });
});

describe('IndexedDB journal store', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives up when the database never opens, and tries again on the next call', async () => {
    vi.useFakeTimers();
    let opens = 0;
    // an open request that is never answered (success, error and blocked never fire)
    const silent = { open: () => (opens++, {}) } as unknown as IDBFactory;
    const store = indexedDbJournalStore(silent);
    const first = store.put('p1', { name: 'a.json', title: 'A', savedAt: '2026-01-01T00:00:00Z', docToken: null, text: '{}' });
    const failed = expect(first).rejects.toMatchObject({ name: 'TimeoutError' });
    await vi.advanceTimersByTimeAsync(5000);
    await failed;
    const second = store.get('p1');
    const failedAgain = expect(second).rejects.toMatchObject({ name: 'TimeoutError' });
    await vi.advanceTimersByTimeAsync(5000);
    await failedAgain;
    expect(opens).toBe(2);
  });
});

describe('browser host journal', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A page of the browser build over shared `local` storage and journal `store`. */
  function page(local: KeyValueStorage, store: JournalStore, id: string): HostApi & { hide(): void; backFromCache(): void } {
    vi.stubGlobal('navigator', { platform: 'Linux x86_64', userAgent: 'test' });
    const listeners = new Map<string, (e?: unknown) => void>();
    const win = {
      localStorage: local,
      crypto: { randomUUID: () => id },
      setInterval: () => 0,
      clearInterval: () => undefined,
      addEventListener: (type: string, l: (e?: unknown) => void) => void listeners.set(type, l),
      document: { title: '' },
    } as unknown as Window;
    const host = createBrowserHost(win, { journal: store, recent: { load: async () => [], save: async () => undefined } });
    return Object.assign(host, {
      hide: () => listeners.get('pagehide')?.(),
      backFromCache: () => listeners.get('pageshow')?.({ persisted: true }),
    });
  }

  it('a page back from the back/forward cache is alive again: its unsaved work is not offered to another tab', async () => {
    const local = memoryStorage(LOCAL_QUOTA);
    const store = memoryJournalStore();
    const first = page(local, store, 'first');
    await first.writeJournal({ id: 'x', name: 'district.json', title: 'District map', docToken: null, text: '{}' });
    first.hide();
    first.backFromCache();
    const other = page(local, store, 'other');
    expect(await other.listRecovery()).toEqual([]);
    // and once it really goes, it is offered
    first.hide();
    expect((await other.listRecovery()).map((e) => e.id)).toEqual(['first']);
  });

  it('restoring work another tab restored first says so', async () => {
    const local = memoryStorage(LOCAL_QUOTA);
    const store = memoryJournalStore();
    const gone = page(local, store, 'gone');
    await gone.writeJournal({ id: 'x', name: 'a.json', title: 'A', docToken: null, text: '{}' });
    gone.hide();
    const a = page(local, store, 'a');
    const b = page(local, store, 'b');
    expect((await a.restoreRecovery({ id: 'gone' })).ok).toBe(true);
    const r = await b.restoreRecovery({ id: 'gone' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/another tab restored or discarded it/);
  });

  it('a closed tab’s big unsaved map is offered to the next page and restored once', async () => {
    const local = memoryStorage(LOCAL_QUOTA);
    const store = memoryJournalStore();
    const first = page(local, store, 'first');
    expect(await first.writeJournal({ id: 'x', name: 'district.json', title: 'District map', docToken: null, text: BIG })).toEqual({ ok: true, value: undefined });
    first.hide();

    const next = page(local, store, 'next');
    const [entry, ...rest] = await next.listRecovery();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ id: 'first', name: 'district.json', title: 'District map', bytes: BIG.length });
    const r = await next.restoreRecovery({ id: 'first' });
    expect(r.ok && r.value.text.length).toBe(BIG.length);
    expect(await next.listRecovery()).toEqual([]);
  });

  it('a failed write says what happened and what to do; the browser’s own words go to the console', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const host = page(memoryStorage(LOCAL_QUOTA), failingStore('QuotaExceededError'), 'p');
    const r = await host.writeJournal({ id: 'x', name: 'district.json', title: 'District map', docToken: null, text: BIG });
    expect(r).toEqual({
      ok: false,
      error: { code: 'journal-failed', message: "Unsaved changes could not be kept for crash recovery (the browser's storage is full). Save the file to keep your work." },
    });
    expect(String(warn.mock.calls[0]?.slice(1))).toMatch(/QuotaExceededError|operation failed/);
    warn.mockRestore();
  });
});

describe('journal failure reports', () => {
  it('shows a failure once per document until a write succeeds again, then takes it back', () => {
    const shown: string[] = [];
    const hidden: string[] = [];
    const reports = journalFailureReports(
      (m) => shown.push(m),
      (m) => hidden.push(m),
    );
    reports.failed('doc-a', 'full');
    reports.failed('doc-a', 'full'); // next autosave tick
    reports.failed('doc-a', 'full');
    expect(shown).toEqual(['full']);
    reports.failed('doc-b', 'full'); // another document
    expect(shown).toEqual(['full', 'full']);
    reports.succeeded();
    expect(hidden).toEqual(['full']);
    reports.succeeded();
    expect(hidden).toEqual(['full']);
    reports.failed('doc-b', 'full again');
    expect(shown).toEqual(['full', 'full', 'full again']);
  });
});

describe('settings', () => {
  it('resets corrupt values to defaults, keeps valid ones', () => {
    expect(sanitizeSettings({ theme: 'dark', autosaveSeconds: -3, laneOrientation: 'diagonal', showMinimap: false })).toMatchObject({
      theme: 'dark',
      autosaveSeconds: 5,
      laneOrientation: 'horizontal',
      showMinimap: false,
    });
    expect(sanitizeSettings('garbage').theme).toBe('system');
  });
});
