import type { DocToken, RecoveryEntry } from '../../../src-core/host/contract';
import { idbDone, idbOpener, idbRequest } from './idb';
import { webLocks, type PageLocks } from './journalLocks';

/** A recovery-journal record of the browser host: the unsaved text of one page's document. */
export interface JournalRecord {
  name: string;
  title: string;
  savedAt: string;
  docToken: DocToken | null;
  text: string;
}

/** What the recovery offer lists about a record, without its (possibly many-megabyte) text. */
export type JournalSummary = Omit<RecoveryEntry, 'id'> & { id: string };

/**
 * Where the journal's records live: IndexedDB in the browser (its quota is a share of the disk, so a
 * district's 2,500-competency map fits), a Map in tests. One record per page (tab) id.
 */
export interface JournalStore {
  /** `urgent`: the page is going away — everything is handed over at once (nothing waits for a later task). */
  put(id: string, rec: JournalRecord, opts?: { urgent?: boolean }): Promise<void>;
  get(id: string): Promise<JournalRecord | null>;
  delete(id: string): Promise<void>;
  /** Every record, without its text. */
  list(): Promise<JournalSummary[]>;
}

/** Why a journal write failed, in the words the user reads. */
export type JournalFailure = 'full' | 'unavailable';

/** A journal write that reached neither IndexedDB nor localStorage. */
export class JournalWriteError extends Error {
  constructor(
    readonly reason: JournalFailure,
    /** The browser's own errors (for the console). */
    readonly causes: unknown[],
  ) {
    super(journalFailureMessage(reason));
    this.name = 'JournalWriteError';
  }
}

/** The plain-language message for a failed journal write: what happened and what to do. */
export function journalFailureMessage(reason: JournalFailure): string {
  const why =
    reason === 'full' ? "the browser's storage is full" : 'this browser window does not let the page store data, as in some private modes';
  return `Unsaved changes could not be kept for crash recovery (${why}). Save the file to keep your work.`;
}

/** Records of older builds, and the fallback where IndexedDB is missing: `progressions.journal.<page id>`. */
const LEGACY = 'progressions.journal.';
const ALIVE = 'progressions.alive.';
/** Marks a page that holds its journal lock: whether it is alive is then told by the lock alone. */
const LOCKED = 'progressions.locked.';
/** A page that has not said "alive" for this long is gone (closed tab, crash, reload) — where there are no Web Locks. */
export const ALIVE_MS = 15_000;
/**
 * How much longer a hidden page's heartbeat counts: browsers throttle a background tab's timers (Chrome to
 * once a minute after five minutes hidden), so its heartbeats come late. Where there are no Web Locks.
 */
export const HIDDEN_GRACE_MS = 120_000;

/** The Web Lock a page holds for its life, named after its journal id. */
export function journalLockName(id: string): string {
  return `progressions.page.${id}`;
}

/** How a journal tells which pages are still open; defaults are the page's own. */
export interface LivenessOptions {
  /** Web Locks; not given: the page's `navigator.locks` where the browser has it; null: heartbeats only. */
  locks?: PageLocks | null;
  /** Whether the page is hidden now (a background tab). */
  hidden?: () => boolean;
}

function pageHidden(): boolean {
  try {
    return (globalThis as { document?: { visibilityState?: string } }).document?.visibilityState === 'hidden';
  } catch {
    return false;
  }
}

/** The subset of `Storage` the journal needs (localStorage in the browser, a Map in tests). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

function isQuota(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

function isRecord(r: unknown): r is JournalRecord {
  const x = r as JournalRecord | null;
  return typeof x === 'object' && x !== null && typeof x.text === 'string' && typeof x.name === 'string' && typeof x.savedAt === 'string';
}

function summary(id: string, r: JournalRecord): JournalSummary {
  return { id, name: r.name, title: typeof r.title === 'string' ? r.title : '', savedAt: r.savedAt, docToken: r.docToken ?? null, bytes: r.text.length };
}

/**
 * Reads and writes the browser recovery journal: one record per page (tab) id, in `store`
 * (IndexedDB). Records an older build left in localStorage are read too and removed once restored or
 * cleared; when `store` cannot take a write (IndexedDB unavailable) a document small enough still goes to
 * localStorage. Operations run one after another in call order (a clear after a write wins), except an
 * urgent write at page close (see `write`).
 *
 * Only the entries of pages that are gone are offered for recovery. A page says it is alive with
 * `heartbeat`: it holds a Web Lock named after its id for the rest of its life (released by the browser
 * when the page goes away, even by a crash; a throttled background tab keeps it), and notes in `local`
 * (localStorage: tiny, synchronous) when it last said so. The lock decides where the browser has Web
 * Locks; the note, for pages without them (older browsers, pages not served over https) and for tabs of
 * an older build.
 */
export function journalStorage(store: JournalStore, local: KeyValueStorage, now: () => number = Date.now, liveness: LivenessOptions = {}) {
  const locks = liveness.locks === undefined ? webLocks() : liveness.locks;
  const hidden = liveness.hidden ?? pageHidden;
  /** Pages of this window (said alive here): their lock was asked for once (held, being granted, or refused). */
  const mine = new Set<string>();
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `op` after every operation asked for before it; `now`: at once, with later ones still after it. */
  function serial<T>(op: () => Promise<T>, now = false): Promise<T> {
    const next = now ? op() : queue.then(op, op);
    queue = Promise.allSettled([queue, next]);
    return next;
  }
  // Writes and clears of a page, numbered as asked for: one that starts after a newer one started has been
  // superseded (an urgent write at page close overtakes the queue) and does nothing.
  let asked = 0;
  const newestStarted = new Map<string, number>();
  /** True (and noted) when the change numbered `seq` of page `id` is still the newest one started. */
  function start(id: string, seq: number): boolean {
    if (seq < (newestStarted.get(id) ?? 0)) return false;
    newestStarted.set(id, seq);
    return true;
  }
  const superseded = (id: string, seq: number): boolean => seq < (newestStarted.get(id) ?? 0);
  /** The page ids of keys in `local` starting with `prefix`. */
  function idsOf(prefix: string): string[] {
    const out: string[] = [];
    try {
      for (let i = 0; i < local.length; i++) {
        const k = local.key(i);
        if (k?.startsWith(prefix)) out.push(k.slice(prefix.length));
      }
    } catch {
      // storage blocked: nothing to read
    }
    return out;
  }
  const legacyIds = () => idsOf(LEGACY);
  function readLegacy(id: string): JournalRecord | null {
    try {
      const raw = local.getItem(LEGACY + id);
      if (!raw) return null;
      const r: unknown = JSON.parse(raw);
      return isRecord(r) ? r : null;
    } catch {
      return null;
    }
  }
  function dropLegacy(id: string): void {
    try {
      local.removeItem(LEGACY + id);
    } catch {
      // nothing to drop
    }
  }
  function readLocal(key: string): string | null {
    try {
      return local.getItem(key);
    } catch {
      return null; // storage blocked: unknown
    }
  }
  function dropLocal(key: string): void {
    try {
      local.removeItem(key);
    } catch {
      // nothing to drop
    }
  }
  /** Whether page `id` is still open: its lock, where it holds one; else its heartbeat note. */
  function alive(id: string, held: ReadonlySet<string> | null): boolean {
    if (held?.has(journalLockName(id))) return true;
    // a page that held its lock and no longer does is gone, however fresh its last heartbeat
    if (held && readLocal(LOCKED + id) !== null) return false;
    return now() - Number(readLocal(ALIVE + id) ?? 0) < ALIVE_MS;
  }
  async function readStored(id: string): Promise<JournalRecord | null> {
    try {
      const r = await store.get(id);
      return isRecord(r) ? r : null;
    } catch {
      return null;
    }
  }
  /** The newer of two records of one page (the fallback may hold a newer one than IndexedDB). */
  const newer = <T extends { savedAt: string }>(a: T | null, b: T | null): T | null => (!a ? b : !b ? a : b.savedAt > a.savedAt ? b : a);

  return {
    /**
     * Journals the page's document; throws {@link JournalWriteError} when it could be kept nowhere.
     * `urgent` (the page is going away): starts at once instead of after a write still running, which
     * would never get its turn once the page is gone; IndexedDB still commits the earlier one first if it
     * has handed everything over (one still handing over the pieces of a long text is given up), and
     * writes or clears asked for before it and not started yet are dropped as superseded.
     */
    write(id: string, rec: JournalRecord, opts: { urgent?: boolean } = {}): Promise<void> {
      const seq = ++asked;
      return serial(async () => {
        if (!start(id, seq)) return;
        try {
          await store.put(id, rec, opts);
          if (!superseded(id, seq)) dropLegacy(id);
          return;
        } catch (e) {
          // a newer change of this page has started meanwhile: this record is stale, nothing to fall back to
          if (superseded(id, seq)) return;
          const causes: unknown[] = [e];
          try {
            local.setItem(LEGACY + id, JSON.stringify(rec));
            await store.delete(id).catch(() => undefined);
            return;
          } catch (e2) {
            causes.push(e2);
          }
          // IndexedDB full → the disk share is used up; IndexedDB refused → the fallback was too small for it
          throw new JournalWriteError(isQuota(e) ? 'full' : 'unavailable', causes);
        }
      }, opts.urgent === true);
    },
    /**
     * The journalled document of page `id` (IndexedDB or an older build's localStorage), or null. Reading
     * another page's entry (to restore it) first takes that page's lock for this page's life, where there
     * are Web Locks: null if it is held — the page is open after all, or another tab is restoring the same
     * entry (two tabs never both restore it), and no other tab offers it from then on.
     */
    read(id: string): Promise<JournalRecord | null> {
      return serial(async () => {
        if (locks && !mine.has(id) && !(await locks.claim(journalLockName(id)).catch(() => true))) return null;
        return newer(await readStored(id), readLegacy(id));
      });
    },
    /** Forgets page `id`'s journal, wherever it is kept (and, for a page that is gone, its liveness notes). */
    clear(id: string): Promise<void> {
      const seq = ++asked;
      return serial(async () => {
        if (!start(id, seq)) return;
        dropLegacy(id);
        if (!mine.has(id)) {
          dropLocal(ALIVE + id);
          dropLocal(LOCKED + id);
        }
        await store.delete(id).catch(() => undefined);
      });
    },
    /**
     * Page `id` (this window's) is alive: holds its Web Lock from the first call on, for the page's life, and
     * notes the time for pages without Web Locks — while hidden, a time ahead by {@link HIDDEN_GRACE_MS}, as
     * the browser may delay the next call that long. Call it every few seconds.
     */
    heartbeat(id: string): void {
      if (!mine.has(id)) {
        mine.add(id);
        locks?.hold(journalLockName(id)).then(
          () => {
            try {
              local.setItem(LOCKED + id, '1');
            } catch {
              // a full localStorage: others still see the lock, and the heartbeat after it is gone
            }
          },
          () => undefined, // refused (e.g. an opaque origin): the heartbeat tells
        );
      }
      try {
        local.setItem(ALIVE + id, String(now() + (hidden() ? HIDDEN_GRACE_MS : 0)));
      } catch {
        // a full localStorage: the page looks gone to others after ALIVE_MS (its journal is offered, not lost)
      }
    },
    /**
     * Page `id` is going away: its notes go (its lock goes with the page itself; while the page may yet come
     * back from the back/forward cache, the lock still says it is alive).
     */
    goodbye(id: string): void {
      dropLocal(ALIVE + id);
      dropLocal(LOCKED + id);
    },
    /** Journal entries of pages that are no longer alive (never the caller's own page), newest first. */
    orphans(selfId: string): Promise<RecoveryEntry[]> {
      return serial(async () => {
        const byId = new Map<string, JournalSummary>();
        for (const s of await store.list().catch(() => [] as JournalSummary[])) byId.set(s.id, s);
        for (const id of legacyIds()) {
          const r = readLegacy(id);
          if (r) byId.set(id, newer(byId.get(id) ?? null, summary(id, r))!);
        }
        byId.delete(selfId);
        // notes of pages with nothing journalled (left by a crash): dropped once those pages are gone
        const noted = new Set([...idsOf(ALIVE), ...idsOf(LOCKED)].filter((id) => !byId.has(id) && id !== selfId && !mine.has(id)));
        // one look at the held locks for all pages; none to look at, or the browser refuses: heartbeats tell
        const held = locks && (byId.size || noted.size) ? await locks.held().catch(() => null) : null;
        const out: RecoveryEntry[] = [];
        for (const [id, s] of byId) {
          if (alive(id, held)) continue;
          out.push({ id, name: s.name, title: s.title, savedAt: s.savedAt, docToken: s.docToken, bytes: s.bytes });
        }
        for (const id of noted) {
          if (alive(id, held)) continue;
          dropLocal(ALIVE + id);
          dropLocal(LOCKED + id);
        }
        return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
      });
    },
  };
}

/** An in-memory {@link JournalStore} (unit tests). */
export function memoryJournalStore(): JournalStore & { records: Map<string, JournalRecord> } {
  const records = new Map<string, JournalRecord>();
  return {
    records,
    async put(id, rec) {
      records.set(id, structuredClone(rec));
    },
    async get(id) {
      return records.get(id) ?? null;
    },
    async delete(id) {
      records.delete(id);
    },
    async list() {
      return [...records].map(([id, r]) => summary(id, r));
    },
  };
}

const DB = 'progressions-journal';
const META = 'meta';
const TEXT = 'text';
/**
 * A text longer than this is kept in pieces of this many characters: IndexedDB copies what it is handed
 * at once, in the page's main thread (a 29 MB text — a 10,000-competency map — took ~70 ms in one piece).
 */
export const JOURNAL_PIECE_CHARS = 1 << 20;

/** The key of piece `i` of page `id`'s text (zero-padded: keys sort as strings). */
const pieceKey = (id: string, i: number) => `${id}\u0000${String(i).padStart(6, '0')}`;
/** Every piece key of page `id`. */
const piecesOf = (id: string) => IDBKeyRange.bound(`${id}\u0000`, `${id}\u0001`, false, true);

/**
 * The journal in IndexedDB (database `progressions-journal`): a record's summary and its text in two
 * object stores written in one transaction, so the recovery offer lists entries without reading texts.
 * A long text is kept in pieces (`{ pieces: n }` under the page id, the pieces under the id, a NUL and
 * a six-digit number),
 * each handed to IndexedDB in a task of its own within the same transaction (a page going away hands
 * them all over at once, and gives up a write still handing over its pieces): a record is replaced
 * whole or not at all.
 * A database that cannot be opened (failed, blocked, unanswered) is tried again on the next call.
 */
export function indexedDbJournalStore(idb: IDBFactory | undefined = globalThis.indexedDB): JournalStore {
  const open = idbOpener(idb, DB, [META, TEXT]);
  /** A write still handing over its pieces (its transaction stays open until the last is in). */
  let handing: IDBTransaction | null = null;
  return {
    async put(id, rec, opts = {}) {
      const d = await open();
      // The page is going away: a write still handing over pieces is given up (this newer one replaces it),
      // or this one would wait behind a transaction whose next pieces are never handed over.
      if (opts.urgent && handing) {
        try {
          handing.abort();
        } catch {
          // finished meanwhile
        }
        handing = null;
      }
      const tx = d.transaction([META, TEXT], 'readwrite');
      const finished = idbDone(tx);
      const { text, ...meta } = rec;
      const texts = tx.objectStore(TEXT);
      tx.objectStore(META).put({ ...meta, bytes: text.length }, id);
      texts.delete(piecesOf(id));
      // commit now: a write made while the page goes away (pagehide) should not wait for the event loop
      const commit = () => (tx as IDBTransaction & { commit?: () => void }).commit?.();
      const n = Math.ceil(text.length / JOURNAL_PIECE_CHARS);
      if (n <= 1) {
        texts.put(text, id);
        commit();
      } else {
        // one request in flight at a time: the marker, then each piece once the one before is in (a task of
        // its own; the transaction stays open meanwhile), so a failing commit reports its own error
        let i = -1;
        const next = (): void => {
          try {
            const r = i < 0 ? texts.put({ pieces: n }, id) : texts.put(text.slice(i * JOURNAL_PIECE_CHARS, (i + 1) * JOURNAL_PIECE_CHARS), pieceKey(id, i));
            if (++i === n) return commit();
            if (opts.urgent) next();
            else r.onsuccess = next;
          } catch {
            // the transaction is over (aborted): `finished` says why
          }
        };
        if (!opts.urgent) handing = tx;
        next();
      }
      try {
        await finished;
      } finally {
        if (handing === tx) handing = null;
      }
    },
    async get(id) {
      const d = await open();
      const tx = d.transaction([META, TEXT]);
      const texts = tx.objectStore(TEXT);
      const [meta, stored, pieces] = await Promise.all([idbRequest(tx.objectStore(META).get(id)), idbRequest(texts.get(id)), idbRequest(texts.getAll(piecesOf(id)))]);
      const n = (stored as { pieces?: unknown } | undefined)?.pieces;
      // a text in pieces: all of them, or nothing (never a part of a document)
      const text = typeof stored === 'string' ? stored : typeof n === 'number' && pieces.length === n && pieces.every((p) => typeof p === 'string') ? pieces.join('') : null;
      if (!meta || text === null) return null;
      const m = meta as Omit<JournalRecord, 'text'>;
      return { name: m.name, title: m.title, savedAt: m.savedAt, docToken: m.docToken ?? null, text };
    },
    async delete(id) {
      const d = await open();
      const tx = d.transaction([META, TEXT], 'readwrite');
      const finished = idbDone(tx);
      tx.objectStore(META).delete(id);
      tx.objectStore(TEXT).delete(id);
      tx.objectStore(TEXT).delete(piecesOf(id));
      (tx as IDBTransaction & { commit?: () => void }).commit?.();
      await finished;
    },
    async list() {
      const d = await open();
      const store = d.transaction(META).objectStore(META);
      const [keys, values] = await Promise.all([idbRequest(store.getAllKeys()), idbRequest(store.getAll())]);
      const out: JournalSummary[] = [];
      keys.forEach((k, i) => {
        const m = values[i] as Partial<JournalSummary> | undefined;
        if (typeof k !== 'string' || !m || typeof m.name !== 'string' || typeof m.savedAt !== 'string') return;
        out.push({ id: k, name: m.name, title: typeof m.title === 'string' ? m.title : '', savedAt: m.savedAt, docToken: m.docToken ?? null, bytes: typeof m.bytes === 'number' ? m.bytes : 0 });
      });
      return out;
    },
  };
}
