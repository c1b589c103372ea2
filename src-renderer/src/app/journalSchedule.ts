/** Runs `fn` at the next idle moment of the main thread, at the latest after `timeoutMs`; returns a cancel function. */
export type WhenIdle = (fn: () => void, timeoutMs: number) => () => void;

/**
 * `requestIdleCallback` (with its timeout, so a steady stream of edits cannot put the write off for
 * ever), or a plain timer where the browser lacks it.
 */
export const whenIdle: WhenIdle = (fn, timeoutMs) => {
  const w = globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number; cancelIdleCallback?: (h: number) => void };
  if (typeof w.requestIdleCallback === 'function' && typeof w.cancelIdleCallback === 'function') {
    const h = w.requestIdleCallback(fn, { timeout: timeoutMs });
    return () => w.cancelIdleCallback!(h);
  }
  const h = setTimeout(fn, 0);
  return () => clearTimeout(h);
};

/** A running journal schedule (see {@link journalSchedule}). */
export interface JournalSchedule {
  /** Writes now if anything is unwritten (the page is hidden or going away), dropping a pending idle write. */
  flush(): void;
  /** Stops the schedule (no more writes). */
  stop(): void;
}

/**
 * When the recovery journal is written. Every `periodMs` (the autosave interval), if `pending()` says
 * the document changed since the last write, one write is asked for at the next idle moment of the
 * main thread — at the latest `periodMs` later — so serialising a large document never runs inside
 * an edit's frame unless the page is never idle, and any number of edits in between cost one write
 * of the latest state. An edit is therefore journalled within two autosave intervals, and at once
 * on {@link JournalSchedule.flush}. `write` decides what to write (and to clear) and is called only
 * when `pending()` is true.
 */
export function journalSchedule(opts: { periodMs: number; pending: () => boolean; write: () => void; whenIdle?: WhenIdle }): JournalSchedule {
  const { periodMs, pending, write } = opts;
  const idle = opts.whenIdle ?? whenIdle;
  let cancelIdle: (() => void) | null = null;
  let stopped = false;
  const run = () => {
    cancelIdle = null;
    if (!stopped && pending()) write();
  };
  const tick = () => {
    if (cancelIdle || !pending()) return; // a write is already waiting for an idle moment, or nothing changed
    cancelIdle = idle(run, periodMs);
  };
  const timer = setInterval(tick, periodMs);
  return {
    flush() {
      cancelIdle?.();
      run();
    },
    stop() {
      stopped = true;
      clearInterval(timer);
      cancelIdle?.();
      cancelIdle = null;
    },
  };
}
