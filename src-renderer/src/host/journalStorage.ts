import type { DocToken, RecoveryEntry } from '../../../src-core/host/contract';

/** A recovery-journal record as stored in localStorage (browser host). */
export interface JournalRecord {
  name: string;
  title: string;
  savedAt: string;
  docToken: DocToken | null;
  text: string;
}

const JOURNAL = 'progressions.journal.';
const ALIVE = 'progressions.alive.';
/** A page that has not said "alive" for this long is gone (closed tab, crash, reload). */
export const ALIVE_MS = 15_000;

/** The subset of `Storage` the journal needs (localStorage in the browser, a Map in tests). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** Reads and writes the browser recovery journal: one record per page (tab) id. */
export function journalStorage(storage: KeyValueStorage, now: () => number = Date.now) {
  function keys(prefix: string): string[] {
    const out: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k?.startsWith(prefix)) out.push(k.slice(prefix.length));
    }
    return out;
  }
  function read(id: string): JournalRecord | null {
    try {
      const raw = storage.getItem(JOURNAL + id);
      if (!raw) return null;
      const r = JSON.parse(raw) as JournalRecord;
      return typeof r.text === 'string' && typeof r.name === 'string' ? r : null;
    } catch {
      return null;
    }
  }
  return {
    write(id: string, rec: JournalRecord): void {
      storage.setItem(JOURNAL + id, JSON.stringify(rec));
    },
    read,
    clear(id: string): void {
      storage.removeItem(JOURNAL + id);
    },
    heartbeat(id: string): void {
      storage.setItem(ALIVE + id, String(now()));
    },
    goodbye(id: string): void {
      storage.removeItem(ALIVE + id);
    },
    /** Journal entries of pages that are no longer alive (never the caller's own page). */
    orphans(selfId: string): RecoveryEntry[] {
      const out: RecoveryEntry[] = [];
      for (const id of keys(JOURNAL)) {
        if (id === selfId) continue;
        const alive = Number(storage.getItem(ALIVE + id) ?? 0);
        if (now() - alive < ALIVE_MS) continue;
        const r = read(id);
        if (!r) continue;
        out.push({ id, name: r.name, title: r.title, savedAt: r.savedAt, docToken: r.docToken, bytes: r.text.length });
      }
      return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    },
  };
}
