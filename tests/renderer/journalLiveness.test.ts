import { describe, expect, it } from 'vitest';
import { webLocks, type LockManagerLike } from '../../src-renderer/src/host/journalLocks';
import {
  ALIVE_MS,
  HIDDEN_GRACE_MS,
  journalLockName,
  journalStorage,
  memoryJournalStore,
  type JournalStore,
} from '../../src-renderer/src/host/journalStorage';
import { memoryStorage, rec } from './helpers/journalFixtures';

/**
 * The browser's lock manager for one site, as the Web Locks API behaves: an exclusive lock is granted to
 * one page at a time (others wait in line), and every lock of a page is released when the page goes away.
 */
function lockManager() {
  const holder = new Map<string, string>();
  const waiting: { name: string; page: string; grant: () => void }[] = [];
  function grantNext(): void {
    for (const w of [...waiting]) {
      if (holder.has(w.name)) continue;
      waiting.splice(waiting.indexOf(w), 1);
      holder.set(w.name, w.page);
      w.grant();
    }
  }
  return {
    /** The `navigator.locks` of page `page`. */
    of(page: string): LockManagerLike {
      return {
        request(name, options, callback) {
          if (options.ifAvailable && (holder.has(name) || waiting.some((w) => w.name === name))) return callback(null);
          return new Promise((resolve) => {
            waiting.push({ name, page, grant: () => resolve(callback({ name, mode: 'exclusive' })) });
            queueMicrotask(grantNext);
          });
        },
        async query() {
          return { held: [...holder].map(([name]) => ({ name, mode: 'exclusive' })), pending: waiting.map((w) => ({ name: w.name })) };
        },
      };
    },
    /** Page `page` goes away (closed, crashed, navigated): its locks are released. */
    close(page: string): void {
      for (const [name, p] of holder) if (p === page) holder.delete(name);
      for (const w of [...waiting]) if (w.page === page) waiting.splice(waiting.indexOf(w), 1);
      grantNext();
    },
    holder,
  };
}

/** Lets granted locks' callbacks and the journal's notes run. */
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

/** The pages of one site sharing its storage, its journal store, a clock and (unless `noLocks`) a lock manager. */
function site(opts: { noLocks?: boolean } = {}) {
  const local = memoryStorage();
  const store: JournalStore = memoryJournalStore();
  const locks = lockManager();
  const clock = { t: 1_000_000 };
  function page(id: string, p: { hidden?: () => boolean; locks?: LockManagerLike } = {}) {
    const j = journalStorage(store, local, () => clock.t, {
      locks: opts.noLocks ? null : webLocks(p.locks ?? locks.of(id)),
      hidden: p.hidden ?? (() => false),
    });
    j.heartbeat(id);
    return j;
  }
  const offeredTo = async (j: ReturnType<typeof page>, self: string) => (await j.orphans(self)).map((e) => e.id);
  return { local, store, locks, clock, page, offeredTo };
}

describe('recovery journal: whose work is offered (Web Locks, heartbeat where there are none)', () => {
  it('a background tab whose timers the browser throttles still holds its lock: its work is not offered to another tab', async () => {
    const s = site();
    const a = s.page('A');
    await a.write('A', rec({ name: 'a.json' }));
    await settle();
    expect(s.locks.holder.get(journalLockName('A'))).toBe('A');

    // A is hidden for ten minutes; its heartbeat timer fires rarely or never
    s.clock.t += 10 * 60_000;
    const b = s.page('B');
    await settle();
    expect(await s.offeredTo(b, 'B')).toEqual([]);

    // A is closed: the browser releases its lock, and its unsaved work is offered
    s.locks.close('A');
    expect(await s.offeredTo(b, 'B')).toEqual(['A']);
  });

  it('a tab that crashed is offered at once, though its last heartbeat is only a moment old', async () => {
    const s = site();
    const a = s.page('A');
    await a.write('A', rec());
    await settle();
    s.clock.t += 1000;
    a.heartbeat('A');
    s.locks.close('A'); // crash: no pagehide, no goodbye, the heartbeat note stays fresh
    const reopened = s.page('A2');
    expect(await s.offeredTo(reopened, 'A2')).toEqual(['A']);
  });

  it('two tabs with the same file each hold their own lock and do not offer each other’s work; the one left offers the closed one’s', async () => {
    const s = site();
    const a = s.page('A');
    const b = s.page('B');
    await a.write('A', rec({ name: 'same.json', text: 'edits in A' }));
    await b.write('B', rec({ name: 'same.json', text: 'edits in B' }));
    await settle();
    // neither waits for the other's lock: both are held
    expect([...s.locks.holder].sort()).toEqual([
      [journalLockName('A'), 'A'],
      [journalLockName('B'), 'B'],
    ]);
    s.clock.t += 10 * 60_000;
    expect(await s.offeredTo(a, 'A')).toEqual([]);
    expect(await s.offeredTo(b, 'B')).toEqual([]);

    s.locks.close('A');
    expect(await s.offeredTo(b, 'B')).toEqual(['A']);
    expect((await b.read('A'))?.text).toBe('edits in A');
    // B restores it (read, then clear): gone from the journal with A's notes; B's own work and notes stay
    await b.clear('A');
    expect(await s.offeredTo(s.page('C'), 'C')).toEqual([]);
    expect([...s.local.map.keys()].filter((k) => k.endsWith('.A'))).toEqual([]);
    expect((await b.read('B'))?.text).toBe('edits in B');
  });

  it('two tabs offered the same crashed tab’s work: only the first to restore it gets it, and it is offered no more', async () => {
    const s = site();
    const a = s.page('A');
    await a.write('A', rec({ text: 'edits in A' }));
    await settle();
    s.locks.close('A');
    const b = s.page('B');
    const c = s.page('C');
    expect(await s.offeredTo(b, 'B')).toEqual(['A']);
    expect(await s.offeredTo(c, 'C')).toEqual(['A']);
    // both click Restore (restore = read, then clear)
    const [inB, inC] = await Promise.all([b.read('A'), c.read('A')]);
    expect([inB?.text, inC?.text]).toEqual(['edits in A', undefined]);
    expect(await s.offeredTo(s.page('D'), 'D')).toEqual([]); // B has it, though not cleared yet
    await b.clear('A');
    expect(await s.offeredTo(c, 'C')).toEqual([]);
  });

  it('liveness notes do not pile up in localStorage: a closed tab takes its own, a crashed tab’s go once it is seen gone', async () => {
    const s = site();
    const notes = () => [...s.local.map.keys()].filter((k) => !k.startsWith('progressions.journal.')).sort();
    const closed = s.page('closed');
    s.page('crashed');
    const live = s.page('live');
    await settle();
    expect(notes()).toHaveLength(6); // a heartbeat and a lock note each
    closed.goodbye('closed');
    s.locks.close('closed');
    s.locks.close('crashed'); // nothing journalled, no goodbye
    expect(notes().filter((k) => k.endsWith('.closed'))).toEqual([]);
    expect(await s.offeredTo(live, 'live')).toEqual([]);
    expect(notes()).toEqual(['progressions.alive.live', 'progressions.locked.live']);
  });

  it('a tab of an older build (no lock, heartbeats only) is alive while its heartbeat is fresh', async () => {
    const s = site();
    const older = journalStorage(s.store, s.local, () => s.clock.t, { locks: null });
    older.heartbeat('old');
    await older.write('old', rec({ name: 'old.json' }));
    const b = s.page('B');
    expect(await s.offeredTo(b, 'B')).toEqual([]);
    s.clock.t += ALIVE_MS + 1;
    b.heartbeat('B');
    expect(await s.offeredTo(b, 'B')).toEqual(['old']);
  });

  it('while the lock is being granted, or where the browser refuses it or the list of locks, the heartbeat tells', async () => {
    const s = site();
    // refused: request and query fail (e.g. a page of an opaque origin)
    const refusing: LockManagerLike = {
      request: () => Promise.reject(new DOMException('Access denied', 'SecurityError')),
      query: () => Promise.reject(new DOMException('Access denied', 'SecurityError')),
    };
    const a = s.page('A', { locks: refusing });
    await a.write('A', rec());
    await settle();
    const b = s.page('B', { locks: refusing });
    expect(await s.offeredTo(b, 'B')).toEqual([]);
    s.clock.t += ALIVE_MS + 1;
    expect(await s.offeredTo(b, 'B')).toEqual(['A']);

    // not granted yet (the request waits behind a holder of the same name): the fresh heartbeat counts
    const s2 = site();
    const squatter = s2.locks.of('squatter');
    void squatter.request(journalLockName('C'), { mode: 'exclusive' }, () => new Promise(() => undefined));
    await settle();
    const c = s2.page('C');
    await c.write('C', rec());
    await settle();
    const d = s2.page('D');
    expect(await s2.offeredTo(d, 'D')).toEqual([]);
  });

  it('a page writing again after clearing its own entry keeps its notes (it is never offered while open)', async () => {
    const s = site({ noLocks: true });
    const a = s.page('A');
    await a.write('A', rec());
    await a.clear('A'); // saved
    await a.write('A', rec({ text: 'edited again' })); // edited again before its next heartbeat
    const b = s.page('B');
    expect(await s.offeredTo(b, 'B')).toEqual([]);
  });

  it('without Web Locks, a hidden tab’s heartbeat counts longer (its timers are throttled), then it is offered', async () => {
    const s = site({ noLocks: true });
    let hidden = false;
    const a = s.page('A', { hidden: () => hidden });
    await a.write('A', rec());
    hidden = true;
    a.heartbeat('A'); // the last heartbeat before the browser throttles A's timers
    const b = s.page('B');
    s.clock.t += 60_000; // a throttled timer fires about once a minute
    expect(await s.offeredTo(b, 'B')).toEqual([]);
    s.clock.t += HIDDEN_GRACE_MS; // no heartbeat for minutes: gone (or frozen)
    expect(await s.offeredTo(b, 'B')).toEqual(['A']);
  });

  it('a closed tab (pagehide) is offered at once where there are no Web Locks', async () => {
    const s = site({ noLocks: true });
    const a = s.page('A');
    await a.write('A', rec());
    a.goodbye('A');
    expect(await s.offeredTo(s.page('B'), 'B')).toEqual(['A']);
  });
});

describe('Web Locks adaptor', () => {
  it('is absent where the browser has no Web Locks, so the journal uses heartbeats', () => {
    expect(webLocks(undefined)).toBeUndefined();
    expect(webLocks({} as LockManagerLike)).toBeUndefined();
  });

  it('holds a lock until the page goes away and lists the held ones', async () => {
    const m = lockManager();
    const locks = webLocks(m.of('A'))!;
    await locks.hold('progressions.page.A');
    expect([...(await locks.held())]).toEqual(['progressions.page.A']);
    await settle();
    expect([...(await locks.held())]).toEqual(['progressions.page.A']); // still held: the callback never returns
    const other = webLocks(m.of('B'))!;
    expect(await other.claim('progressions.page.A')).toBe(false);
    m.close('A');
    expect(await other.claim('progressions.page.A')).toBe(true);
    expect([...(await locks.held())]).toEqual(['progressions.page.A']);
    m.close('B');
    expect([...(await locks.held())]).toEqual([]);
  });
});
