import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostApi } from '../../src-core/host/contract';
import { journalFailureReports } from '../../src-renderer/src/app/journalFailures';
import { createBrowserHost } from '../../src-renderer/src/host/browserHost';
import { IDB_OPEN_TIMEOUT_MS } from '../../src-renderer/src/host/idb';
import {
  indexedDbJournalStore,
  JOURNAL_PIECE_CHARS,
  journalStorage,
  type JournalRecord,
  type JournalStore,
  type KeyValueStorage,
} from '../../src-renderer/src/host/journalStorage';
import { memoryStorage, rec, BIG, LOCAL_QUOTA } from './helpers/journalFixtures';

// the browser's global, as the store finds it in a page
(globalThis as { IDBKeyRange?: unknown }).IDBKeyRange ??= IDBKeyRange;

/** Every page here is long gone (no heartbeat, no Web Locks): whatever is journalled is offered. */
const LATER = () => 1e12;

/** A journal over IndexedDB `idb` (one browser profile: the pages of a site share it). */
function journalOver(idb: IDBFactory, local: KeyValueStorage = memoryStorage(), store: JournalStore = indexedDbJournalStore(idb)) {
  return journalStorage(store, local, LATER, { locks: null });
}

/**
 * Makes every journal transaction that writes a text fail at commit the way a browser whose disk share is
 * used up does: the requests succeed, then the transaction aborts with a QuotaExceededError.
 */
function diskFull(): () => void {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    const req = put.apply(this, args);
    if (this.name === 'text') {
      const tx = this.transaction as IDBTransaction & { _abort(name: string): void };
      req.addEventListener('success', () => tx._abort('QuotaExceededError'));
    }
    return req;
  };
  return () => {
    IDBObjectStore.prototype.put = put;
  };
}

describe('IndexedDB journal store (fake-indexeddb)', () => {
  it('writes, reads, lists without the text, and removes; the next page of the site sees the same records', async () => {
    const idb = new IDBFactory();
    const store = indexedDbJournalStore(idb);
    await store.put('p1', rec({ name: 'a.json', title: 'A', text: 'text of a' }));
    await store.put('p2', rec({ name: 'b.json', title: 'B', text: BIG, docToken: 'browser:1:x' as JournalRecord['docToken'] }));
    await store.put('p1', rec({ name: 'a.json', title: 'A', text: 'a, edited', savedAt: '2026-01-02T00:00:00Z' }));
    expect(await store.get('p1')).toEqual({ name: 'a.json', title: 'A', savedAt: '2026-01-02T00:00:00Z', docToken: null, text: 'a, edited' });
    expect(await store.get('nobody')).toBeNull();

    // a page opened later (its own connection) lists what is there, sizes included, without reading texts
    const next = indexedDbJournalStore(idb);
    const listed = await next.list();
    expect(listed.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'p1', name: 'a.json', title: 'A', savedAt: '2026-01-02T00:00:00Z', docToken: null, bytes: 9 },
      { id: 'p2', name: 'b.json', title: 'B', savedAt: '2026-01-01T00:00:00Z', docToken: 'browser:1:x', bytes: BIG.length },
    ]);
    expect(listed.every((s) => !('text' in s))).toBe(true);
    expect((await next.get('p2'))?.text).toHaveLength(BIG.length);

    await next.delete('p2');
    expect(await store.get('p2')).toBeNull();
    expect((await store.list()).map((s) => s.id)).toEqual(['p1']);
  });

  it('the journal keeps a district-sized map, offers it after the page went away, and forgets it once restored', async () => {
    const idb = new IDBFactory();
    const local = memoryStorage(LOCAL_QUOTA);
    const first = journalOver(idb, local);
    await first.write('first', rec({ name: 'district.json', text: BIG }));
    expect([...local.map.keys()].filter((k) => k.startsWith('progressions.journal.'))).toEqual([]); // not in localStorage

    const next = journalOver(idb, local);
    expect((await next.orphans('next')).map((e) => [e.id, e.name, e.bytes])).toEqual([['first', 'district.json', BIG.length]]);
    expect((await next.read('first'))?.text).toHaveLength(BIG.length);
    await next.clear('first');
    expect(await next.orphans('next')).toEqual([]);
    expect(await indexedDbJournalStore(idb).list()).toEqual([]);
  });

  it('queued writes are superseded: a clear asked for after a write wins, and only the newest record is kept', async () => {
    const idb = new IDBFactory();
    const puts: string[] = [];
    const inner = indexedDbJournalStore(idb);
    const store: JournalStore = { ...inner, put: (id, r) => (puts.push(r.text), inner.put(id, r)) };
    const j = journalOver(idb, memoryStorage(), store);
    await Promise.all([j.write('p', rec({ text: 'one' })), j.write('p', rec({ text: 'two' })), j.clear('p')]);
    expect(await j.read('p')).toBeNull();
    await Promise.all([j.write('p', rec({ text: 'three' })), j.write('p', rec({ text: 'four' }))]);
    expect((await j.read('p'))?.text).toBe('four');
    expect(puts).toEqual(['one', 'two', 'three', 'four']);
  });

  it('the write at page close starts at once, ahead of a write still running; what was queued before it is dropped', async () => {
    const idb = new IDBFactory();
    const inner = indexedDbJournalStore(idb);
    let release!: () => void;
    const heldBack = new Promise<void>((r) => (release = r));
    const puts: string[] = [];
    // the first write is committed by IndexedDB, but its answer comes late (a big map still being written)
    const store: JournalStore = {
      ...inner,
      async put(id, r) {
        puts.push(r.text);
        const applied = inner.put(id, r);
        if (puts.length === 1) await heldBack;
        return applied;
      },
    };
    const j = journalOver(idb, memoryStorage(), store);
    const running = j.write('p', rec({ text: 'autosave', savedAt: '2026-01-01T00:00:01Z' }));
    await vi.waitFor(() => expect(puts).toEqual(['autosave']));
    const queued = j.write('p', rec({ text: 'queued', savedAt: '2026-01-01T00:00:02Z' }));
    const queuedClear = j.clear('p');
    await j.write('p', rec({ text: 'at close', savedAt: '2026-01-01T00:00:03Z' }), { urgent: true });
    // done while the first write has not answered; the next page finds the latest edits
    expect((await indexedDbJournalStore(idb).get('p'))?.text).toBe('at close');
    release();
    await Promise.all([running, queued, queuedClear]);
    expect(puts).toEqual(['autosave', 'at close']);
    expect((await journalOver(idb).read('p'))?.text).toBe('at close');
  });

  it('migrates what an older build kept in localStorage: offered beside IndexedDB records, removed once restored or written anew', async () => {
    const idb = new IDBFactory();
    const local = memoryStorage();
    local.setItem('progressions.journal.old', JSON.stringify(rec({ name: 'old.json', savedAt: '2025-12-01T00:00:00Z' })));
    local.setItem('progressions.journal.mine', JSON.stringify(rec({ name: 'mine.json', text: 'older text', savedAt: '2025-11-01T00:00:00Z' })));
    local.setItem('progressions.journal.broken', '{"name":');
    const j = journalOver(idb, local);
    await j.write('new', rec({ name: 'new.json', savedAt: '2026-01-01T00:00:00Z' }));
    expect((await j.orphans('me')).map((e) => e.name)).toEqual(['new.json', 'old.json', 'mine.json']);

    // the page `mine` (reloaded into this build with its id) journals again: its older record goes
    await j.write('mine', rec({ name: 'mine.json', text: 'newer text', savedAt: '2026-01-02T00:00:00Z' }));
    expect(local.getItem('progressions.journal.mine')).toBeNull();
    expect((await j.read('mine'))?.text).toBe('newer text');

    // restored (read, then cleared): gone from localStorage
    expect((await j.read('old'))?.name).toBe('old.json');
    await j.clear('old');
    expect(local.getItem('progressions.journal.old')).toBeNull();
    expect((await j.orphans('me')).map((e) => e.name)).toEqual(['mine.json', 'new.json']);
  });

  it('a database that never opens is given up after 5 s; the journal keeps a small document in localStorage, and IndexedDB is tried again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const real = new IDBFactory();
      let opens = 0;
      // the first open request is never answered (a browser leaves it hanging); later ones are
      const flaky = { open: (name: string, v?: number) => (++opens === 1 ? ({} as IDBOpenDBRequest) : real.open(name, v)) } as unknown as IDBFactory;
      const local = memoryStorage(LOCAL_QUOTA);
      const j = journalOver(flaky, local);
      const first = j.write('p', rec({ text: 'kept meanwhile' }));
      await vi.advanceTimersByTimeAsync(IDB_OPEN_TIMEOUT_MS - 1);
      expect(local.getItem('progressions.journal.p')).toBeNull(); // still waiting
      await vi.advanceTimersByTimeAsync(1);
      await first;
      expect(JSON.parse(local.getItem('progressions.journal.p') ?? '{}').text).toBe('kept meanwhile');

      await j.write('p', rec({ text: 'in IndexedDB', savedAt: '2026-01-02T00:00:00Z' }));
      expect(opens).toBe(2);
      expect(local.getItem('progressions.journal.p')).toBeNull();
      expect((await indexedDbJournalStore(real).get('p'))?.text).toBe('in IndexedDB');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a database answering after the timeout is closed, not kept half-open', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const req = {} as { onsuccess?: () => void; result?: unknown };
      const late = { close: vi.fn() };
      const store = indexedDbJournalStore({ open: () => req } as unknown as IDBFactory);
      const put = store.put('p', rec()).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(IDB_OPEN_TIMEOUT_MS);
      expect(await put).toMatchObject({ name: 'TimeoutError' });
      req.result = late;
      req.onsuccess?.();
      expect(late.close).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a database a newer build upgraded cannot be used: the journal falls back to localStorage for a small document', async () => {
    const idb = new IDBFactory();
    const local = memoryStorage(LOCAL_QUOTA);
    const j = journalOver(idb, local);
    await j.write('p', rec({ text: 'before' }));
    // a newer build's tab opens the database at version 2: this page's connection closes itself
    await new Promise<void>((resolve, reject) => {
      const r = idb.open('progressions-journal', 2);
      r.onsuccess = () => (r.result.close(), resolve());
      r.onerror = () => reject(r.error);
      r.onblocked = () => reject(new Error('blocked: the old connection did not close'));
    });
    await j.write('p', rec({ text: 'after', savedAt: '2026-01-02T00:00:00Z' }));
    expect(JSON.parse(local.getItem('progressions.journal.p') ?? '{}').text).toBe('after');
    expect((await j.read('p'))?.text).toBe('after');
  });
});

/** What the store's `text` object store holds: its keys. */
async function textKeys(idb: IDBFactory): Promise<string[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = idb.open('progressions-journal', 1);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const keys = await new Promise<IDBValidKey[]>((resolve) => {
    const r = db.transaction('text').objectStore('text').getAllKeys();
    r.onsuccess = () => resolve(r.result);
  });
  db.close();
  return keys.map(String);
}

/** A long text with multi-unit characters everywhere, pieces' edges included. */
const longText = (pieces: number) => {
  const unit = '{"s":"分数 🌱 \\u2028 é"},';
  return unit.repeat(Math.ceil((pieces * JOURNAL_PIECE_CHARS) / unit.length)).slice(0, Math.floor(pieces * JOURNAL_PIECE_CHARS));
};

describe('a long text in IndexedDB, in pieces (fake-indexeddb)', () => {
  afterEach(() => void vi.restoreAllMocks());

  it('comes back exactly; a shorter text replacing it and a delete leave no piece behind', async () => {
    const idb = new IDBFactory();
    const store = indexedDbJournalStore(idb);
    const long = longText(3.5);
    await store.put('p', rec({ text: long }));
    await store.put('q', rec({ text: 'small' }));
    expect((await store.get('p'))?.text === long).toBe(true);
    expect((await textKeys(idb)).filter((k) => k.startsWith('p'))).toHaveLength(1 + 4);
    expect((await store.list()).find((e) => e.id === 'p')?.bytes).toBe(long.length);

    const shorter = longText(1.5);
    await store.put('p', rec({ text: shorter }));
    expect((await store.get('p'))?.text === shorter).toBe(true);
    expect((await textKeys(idb)).filter((k) => k.startsWith('p'))).toHaveLength(1 + 2);
    await store.put('p', rec({ text: 'tiny' }));
    expect((await store.get('p'))?.text).toBe('tiny');
    expect(await textKeys(idb)).toEqual(['p', 'q']);

    await store.put('p', rec({ text: long }));
    await store.delete('p');
    expect(await store.get('p')).toBeNull();
    expect(await textKeys(idb)).toEqual(['q']);
    expect((await store.get('q'))?.text).toBe('small');
  });

  it('hands IndexedDB one piece at a time (each copied in a task of its own), all at once when the page is going away', async () => {
    const put = IDBObjectStore.prototype.put;
    let inFlight = 0;
    let most = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const req = put.apply(this, args);
      if (this.name === 'text') {
        most = Math.max(most, ++inFlight);
        req.addEventListener('success', () => inFlight--);
      }
      return req;
    });
    const store = indexedDbJournalStore(new IDBFactory());
    await store.put('p', rec({ text: longText(4) }));
    expect(most).toBe(1);
    most = 0;
    await store.put('p', rec({ text: longText(4) }), { urgent: true });
    expect(most).toBe(1 + 4);
  });

  it('a write that fails part-way (the disk fills up) leaves the record written before whole', async () => {
    const idb = new IDBFactory();
    const store = indexedDbJournalStore(idb);
    const before = longText(2.5);
    await store.put('p', rec({ text: before }));
    const put = IDBObjectStore.prototype.put;
    let n = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const req = put.apply(this, args);
      if (this.name === 'text' && ++n === 3) {
        const tx = this.transaction as IDBTransaction & { _abort(name: string): void };
        req.addEventListener('success', () => tx._abort('QuotaExceededError'));
      }
      return req;
    });
    await expect(store.put('p', rec({ text: longText(5) }))).rejects.toMatchObject({ name: 'QuotaExceededError' });
    vi.restoreAllMocks();
    expect((await store.get('p'))?.text === before).toBe(true);
    expect((await textKeys(idb)).filter((k) => k.startsWith('p'))).toHaveLength(1 + 3);
  });

  it('the write at page close gives up a long write still handing over its pieces, and lands without waiting for it', async () => {
    const idb = new IDBFactory();
    const j = journalOver(idb);
    await j.write('p', rec({ text: 'older', savedAt: '2026-01-01T00:00:00Z' }));
    const put = IDBObjectStore.prototype.put;
    const pieces: string[] = [];
    let atClose: Promise<void> | null = null;
    let closedAt = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'text' && typeof args[0] === 'string') pieces.push(args[0] as string);
      // the tab is closed while the autosave hands over its first piece ('older' was the first text put)
      if (pieces.length === 2 && !atClose) {
        closedAt = pieces.length;
        atClose = j.write('p', rec({ text: 'at close', savedAt: '2026-01-01T00:00:02Z' }), { urgent: true });
      }
      return put.apply(this, args);
    });
    const autosave = j.write('p', rec({ text: longText(6), savedAt: '2026-01-01T00:00:01Z' }));
    await expect(autosave, 'superseded: no failure to report').resolves.toBeUndefined();
    await atClose;
    expect(pieces.slice(closedAt).filter((p) => p !== 'at close'), 'no piece of the given-up write after the close').toEqual([]);
    expect((await indexedDbJournalStore(idb).get('p'))?.text).toBe('at close');
    expect(await textKeys(idb)).toEqual(['p']);
  });

  it('a text whose pieces are not all there is never read as a document', async () => {
    const idb = new IDBFactory();
    const store = indexedDbJournalStore(idb);
    await store.put('p', rec({ text: longText(2.5) }));
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = idb.open('progressions-journal', 1);
      r.onsuccess = () => resolve(r.result);
    });
    await new Promise<void>((resolve) => {
      const tx = db.transaction('text', 'readwrite');
      tx.objectStore('text').delete('p\u0000000001');
      tx.oncomplete = () => resolve();
    });
    db.close();
    expect(await store.get('p')).toBeNull();
  });
});

describe('a full disk, from IndexedDB to the banner (fake-indexeddb)', () => {
  let restore: (() => void) | null = null;
  afterEach(() => {
    restore?.();
    restore = null;
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('the store reports the commit’s QuotaExceededError and keeps the record written before', async () => {
    const store = indexedDbJournalStore(new IDBFactory());
    await store.put('p', rec({ text: 'fitted' }));
    restore = diskFull();
    await expect(store.put('p', rec({ text: BIG }))).rejects.toMatchObject({ name: 'QuotaExceededError' });
    restore();
    expect((await store.get('p'))?.text).toBe('fitted');
  });

  it('too big for localStorage too: the write fails as “storage is full”, and the banner shows once per document until a write succeeds', async () => {
    const idb = new IDBFactory();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubGlobal('navigator', { platform: 'Linux x86_64', userAgent: 'test' });
    const win = {
      localStorage: memoryStorage(LOCAL_QUOTA),
      crypto: { randomUUID: () => 'page' },
      setInterval: () => 0,
      clearInterval: () => undefined,
      addEventListener: () => undefined,
      document: { title: '' },
    } as unknown as Window;
    const host: HostApi = createBrowserHost(win, { journal: indexedDbJournalStore(idb), recent: { load: async () => [], save: async () => undefined } });
    // the app's glue (useDocumentSync): each autosave's result goes to the failure reports
    const shown: string[] = [];
    const hidden: string[] = [];
    const reports = journalFailureReports(
      (m) => shown.push(m),
      (m) => hidden.push(m),
    );
    const autosave = async (text: string) => {
      const r = await host.writeJournal({ id: 'x', name: 'district.json', title: 'District map', docToken: null, text });
      if (r.ok) reports.succeeded();
      else reports.failed('district|district.json', r.error.message);
      return r;
    };

    restore = diskFull();
    const r = await autosave(BIG);
    expect(r).toEqual({
      ok: false,
      error: { code: 'journal-failed', message: "Unsaved changes could not be kept for crash recovery (the browser's storage is full). Save the file to keep your work." },
    });
    expect(warn.mock.calls[0]?.slice(1).map((e) => (e as DOMException).name)).toContain('QuotaExceededError');
    await autosave(BIG + 'more edits');
    expect(shown).toHaveLength(1);

    restore(); // the user freed some space
    expect((await autosave(BIG)).ok).toBe(true);
    expect(hidden).toEqual(shown);
    expect(await indexedDbJournalStore(idb).list()).toMatchObject([{ id: 'page', bytes: BIG.length }]);
  });

  it('a failed write of a small document is not a failure: it is kept in localStorage and offered back', async () => {
    const idb = new IDBFactory();
    const local = memoryStorage(LOCAL_QUOTA);
    restore = diskFull();
    const j = journalOver(idb, local);
    await j.write('p', rec({ text: 'small' }));
    restore();
    expect(await indexedDbJournalStore(idb).list()).toEqual([]);
    expect((await journalOver(idb, local).orphans('me')).map((e) => e.id)).toEqual(['p']);
    expect((await journalOver(idb, local).read('p'))?.text).toBe('small');
  });
});
