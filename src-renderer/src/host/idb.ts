/**
 * The IndexedDB plumbing the browser host's stores share (recovery journal, Open Recent): promises
 * for requests and transactions, and a database opener that never leaves its callers waiting.
 */

/** The result of one request. */
export function idbRequest<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Settles when `tx` has committed; rejects with the failed request's error, or the abort's. */
export function idbDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    // a failed request's error event reaches the transaction before it aborts: tx.error is still null then
    tx.onerror = (e) => reject((e.target as IDBRequest | null)?.error ?? tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted', 'AbortError'));
  });
}

/** How long opening a database may take before its callers give up (and try again next time). */
export const IDB_OPEN_TIMEOUT_MS = 5000;

/**
 * Opens database `name` (version 1, creating `stores` on first use) once and shares it. A failed,
 * blocked or unanswered open (some browsers leave the request hanging: given up after
 * {@link IDB_OPEN_TIMEOUT_MS}) rejects, and the next call tries again; a newer build's tab upgrading the
 * database closes it here, to be reopened on the next call.
 */
export function idbOpener(idb: IDBFactory | undefined, name: string, stores: readonly string[]): () => Promise<IDBDatabase> {
  let db: Promise<IDBDatabase> | null = null;
  return () => {
    if (!idb) return Promise.reject(new DOMException('IndexedDB is not available', 'InvalidStateError'));
    db ??= new Promise<IDBDatabase>((resolve, reject) => {
      let r: IDBOpenDBRequest;
      let gaveUp = false;
      try {
        r = idb.open(name, 1);
      } catch (e) {
        return reject(e);
      }
      const timer = setTimeout(() => {
        gaveUp = true;
        reject(new DOMException(`The database ${name} did not open`, 'TimeoutError'));
      }, IDB_OPEN_TIMEOUT_MS);
      r.onupgradeneeded = () => {
        for (const s of stores) r.result.createObjectStore(s);
      };
      r.onsuccess = () => {
        clearTimeout(timer);
        const d = r.result;
        if (gaveUp) return d.close();
        d.onversionchange = () => {
          d.close();
          db = null;
        };
        d.onclose = () => {
          db = null;
        };
        resolve(d);
      };
      r.onerror = () => {
        clearTimeout(timer);
        reject(r.error);
      };
      r.onblocked = () => {
        clearTimeout(timer);
        gaveUp = true;
        reject(new DOMException(`The database ${name} is blocked by another tab`, 'InvalidStateError'));
      };
    });
    db.catch(() => {
      db = null;
    });
    return db;
  };
}
