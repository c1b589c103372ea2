/**
 * Whether the page that owns a recovery-journal entry is still open, told by the Web Locks API: each page
 * holds an exclusive lock named after its journal id for as long as it lives; the browser releases it when
 * the page goes away (tab closed, reload, navigation, crash — the lock manager lives outside the page).
 * Unlike a heartbeat, a held lock does not go stale when the browser throttles a background tab's timers.
 */

/** The part of the Web Locks API (`navigator.locks`) used here; a fake in unit tests. */
export interface LockManagerLike {
  request(name: string, options: { mode: 'exclusive'; ifAvailable?: boolean }, callback: (lock: unknown) => Promise<unknown>): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

/** What the journal asks of locks: hold one for the page's life, and see which are held. */
export interface PageLocks {
  /** Holds lock `name` until the page goes away; resolves once it is held, rejects if the browser refuses it. */
  hold(name: string): Promise<void>;
  /** Like `hold` if lock `name` is free now (true); false at once if anyone holds it. */
  claim(name: string): Promise<boolean>;
  /** The names of the locks held now by any page (or worker) of this site. */
  held(): Promise<ReadonlySet<string>>;
}

/** The page's Web Locks API, or undefined where there is none (older browsers, pages not served over https). */
function navigatorLocks(): LockManagerLike | undefined {
  try {
    return (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  } catch {
    return undefined;
  }
}

/**
 * {@link PageLocks} over the Web Locks API `locks` (the page's own by default); undefined where the API is
 * missing, so the journal falls back to heartbeats.
 */
export function webLocks(locks: LockManagerLike | undefined = navigatorLocks()): PageLocks | undefined {
  if (!locks || typeof locks.request !== 'function' || typeof locks.query !== 'function') return undefined;
  return {
    hold(name) {
      return new Promise<void>((resolve, reject) => {
        try {
          // the callback's promise never settles: the lock is released only when the page goes away
          locks
            .request(name, { mode: 'exclusive' }, () => {
              resolve();
              return new Promise<never>(() => undefined);
            })
            .catch(reject);
        } catch (e) {
          reject(e);
        }
      });
    },
    claim(name) {
      return new Promise<boolean>((resolve, reject) => {
        try {
          locks
            .request(name, { mode: 'exclusive', ifAvailable: true }, (lock) => {
              resolve(lock !== null);
              return lock === null ? Promise.resolve() : new Promise<never>(() => undefined);
            })
            .catch(reject);
        } catch (e) {
          reject(e);
        }
      });
    },
    async held() {
      const { held = [] } = await locks.query();
      return new Set(held.map((l) => l.name).filter((n): n is string => typeof n === 'string'));
    },
  };
}
