import type { RecentDocument } from '../../../src-core/host/contract';
import { idbOpener, idbRequest } from './idb';

/** A recent document of the browser build: the File System Access handle it reopens through. */
export interface RecentHandle extends RecentDocument {
  handle: FileSystemFileHandle;
}

/** Where the browser build keeps Open Recent between page loads. */
export interface RecentPersistence {
  load(): Promise<RecentHandle[]>;
  save(entries: readonly RecentHandle[]): Promise<void>;
}

const DB = 'progressions';
const STORE = 'recent';
const KEY = 'entries';

/**
 * Open Recent in IndexedDB: file handles are structured-cloneable there (not in localStorage), so a
 * reloaded page can reopen the same file — after the browser asks the user again for permission.
 * Any IndexedDB failure (private mode, blocked storage) degrades to "no recent files", never an error.
 */
export function indexedDbRecent(idb: IDBFactory | undefined = globalThis.indexedDB): RecentPersistence {
  const open = idbOpener(idb, DB, [STORE]);
  return {
    async load() {
      try {
        const d = await open();
        const v: unknown = await idbRequest(d.transaction(STORE).objectStore(STORE).get(KEY));
        return Array.isArray(v) ? v.filter(isRecentHandle) : [];
      } catch {
        return [];
      }
    },
    async save(entries) {
      try {
        const d = await open();
        await idbRequest(d.transaction(STORE, 'readwrite').objectStore(STORE).put([...entries], KEY));
      } catch {
        // Open Recent is a convenience: losing it is not worth an error message.
      }
    },
  };
}

function isRecentHandle(x: unknown): x is RecentHandle {
  const r = x as RecentHandle;
  return typeof r === 'object' && r !== null && typeof r.name === 'string' && typeof r.docToken === 'string' && typeof r.openedAt === 'string' && typeof r.handle === 'object' && r.handle !== null;
}

/** The newest-first recent list after opening or saving `entry` (one entry per file, at most `max`). */
export async function withRecent(list: readonly RecentHandle[], entry: RecentHandle, max = 10): Promise<RecentHandle[]> {
  const out: RecentHandle[] = [entry];
  for (const r of list) {
    if (out.length >= max) break;
    if (r.docToken === entry.docToken) continue;
    // A handle reopened after a reload is a new object: compare by the file it points to.
    if (await sameFile(r.handle, entry.handle)) continue;
    out.push(r);
  }
  return out;
}

async function sameFile(a: FileSystemFileHandle, b: FileSystemFileHandle): Promise<boolean> {
  if (a === b) return true;
  try {
    return typeof a.isSameEntry === 'function' ? await a.isSameEntry(b) : false;
  } catch {
    return false;
  }
}

/** Asks for read/write access again when the browser dropped it (after a reload); false if refused. */
export async function ensurePermission(handle: FileSystemFileHandle): Promise<boolean> {
  const h = handle as FileSystemFileHandle & {
    queryPermission?: (d: { mode: 'readwrite' }) => Promise<PermissionState>;
    requestPermission?: (d: { mode: 'readwrite' }) => Promise<PermissionState>;
  };
  if (!h.queryPermission) return true;
  if ((await h.queryPermission({ mode: 'readwrite' })) === 'granted') return true;
  return (await h.requestPermission?.({ mode: 'readwrite' })) === 'granted';
}
