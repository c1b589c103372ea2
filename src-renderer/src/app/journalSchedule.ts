/** What an idle callback is told: how long the main thread is expected to stay idle, and whether the timeout ran it. */
export interface IdleTime {
  timeRemaining(): number;
  didTimeout: boolean;
}

/** Runs `fn` at the next idle moment of the main thread, at the latest after `timeoutMs`; returns a cancel function. */
export type WhenIdle = (fn: (idle?: IdleTime) => void, timeoutMs: number) => () => void;

/**
 * `requestIdleCallback` (with its timeout, so a steady stream of edits cannot put the write off for
 * ever), or a plain timer where the browser lacks it.
 */
export const whenIdle: WhenIdle = (fn, timeoutMs) => {
  const w = globalThis as {
    requestIdleCallback?: (cb: (d: IdleTime) => void, o: { timeout: number }) => number;
    cancelIdleCallback?: (h: number) => void;
  };
  if (typeof w.requestIdleCallback === 'function' && typeof w.cancelIdleCallback === 'function') {
    const h = w.requestIdleCallback(fn, { timeout: timeoutMs });
    return () => w.cancelIdleCallback!(h);
  }
  const h = setTimeout(() => fn(), 0);
  return () => clearTimeout(h);
};

/**
 * One journal write under way, done a slice at a time (serialising a 10,000-competency document is
 * ~150 ms of work: in one task it would freeze a drag or typing that starts meanwhile).
 */
export interface JournalWrite {
  /** Does the next part of the work, until `enough()` says the slice is over; true once the write is done (or given up). */
  step(enough: () => boolean): boolean;
  /** Does all of the rest at once (the page is being hidden or going away). */
  finish(): void;
  /** Gives the write up: nothing of it reaches the journal. */
  cancel(): void;
}

/** A running journal schedule (see {@link journalSchedule}). */
export interface JournalSchedule {
  /**
   * Writes the latest state now, to the end, if anything is unwritten (the page is hidden or going
   * away): a write under way, maybe of an older state, is dropped.
   */
  flush(): void;
  /** Stops the schedule (no more writes; a write under way is dropped). */
  stop(): void;
}

/** Longest slice of a write (ms): well under the 50 ms of a long task, and a frame's worth of input delay at most. */
export const JOURNAL_SLICE_MS = 8;
/** A write's next slice waits at most this long for an idle moment (ms): a page that is never idle still finishes soon. */
export const JOURNAL_SLICE_TIMEOUT_MS = 100;

/**
 * When the recovery journal is written. Every `periodMs` (the autosave interval), if `pending()` says
 * the document changed since the last write, a write is begun at the next idle moment of the main
 * thread — at the latest `periodMs` later — and done in slices of at most {@link JOURNAL_SLICE_MS}
 * (or what is left of the idle period, if less), each at the next idle moment after the one before
 * (at the latest {@link JOURNAL_SLICE_TIMEOUT_MS} later). Serialising a large document therefore never
 * blocks the page for long, and any number of edits in between cost one write of the latest state
 * (the state when the write began: later edits are left for the next write).
 *
 * An edit is journalled within two autosave intervals plus the time a write's slices take (at
 * 10,000 competencies about 20 slices: a fraction of a second while the page is idle, about two
 * seconds when it never is), and at once on {@link JournalSchedule.flush}.
 *
 * `begin` decides what to write (and to clear) and is called only when `pending()` is true; it returns
 * the write to do in slices, or null when there was nothing to do in slices (e.g. only a clear).
 */
export function journalSchedule(opts: {
  periodMs: number;
  pending: () => boolean;
  begin: () => JournalWrite | null;
  whenIdle?: WhenIdle;
  /** The clock slices are timed by (ms). */
  now?: () => number;
}): JournalSchedule {
  const { periodMs, pending, begin } = opts;
  const idle = opts.whenIdle ?? whenIdle;
  const now = opts.now ?? (() => performance.now());
  let cancelIdle: (() => void) | null = null;
  let current: JournalWrite | null = null;
  let stopped = false;
  const slice = (t?: IdleTime) => {
    cancelIdle = null;
    if (stopped) return;
    if (!current) {
      if (!pending()) return;
      current = begin();
      if (!current) return;
    }
    // what is left of the idle period, but never more than a slice (input may come at any moment); a
    // slice run by its timeout (no idle time at all) still does a slice's worth, or it would never end
    const budget = t && !t.didTimeout ? Math.min(JOURNAL_SLICE_MS, Math.max(1, t.timeRemaining())) : JOURNAL_SLICE_MS;
    const start = now();
    let done: boolean;
    try {
      done = current.step(() => now() - start >= budget);
    } catch (e) {
      // a write that failed is dropped, not left under way for ever: the next tick begins anew
      current.cancel();
      current = null;
      throw e;
    }
    if (done) current = null;
    else cancelIdle = idle(slice, JOURNAL_SLICE_TIMEOUT_MS);
  };
  const tick = () => {
    if (cancelIdle || current || !pending()) return; // a write is under way or waiting for an idle moment, or nothing changed
    cancelIdle = idle(slice, periodMs);
  };
  const drop = () => {
    cancelIdle?.();
    cancelIdle = null;
    current?.cancel();
    current = null;
  };
  const timer = setInterval(tick, periodMs);
  return {
    flush() {
      if (stopped) return;
      drop();
      if (pending()) begin()?.finish();
    },
    stop() {
      stopped = true;
      clearInterval(timer);
      drop();
    },
  };
}
