import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JOURNAL_SLICE_MS, JOURNAL_SLICE_TIMEOUT_MS, journalSchedule, type JournalWrite, type WhenIdle } from '../../src-renderer/src/app/journalSchedule';

const PERIOD = 5000;

/**
 * A document being edited and the journal it is written to; the main thread is idle when `busy` is
 * false (an idle callback then runs 1 ms after it was asked for), else only its timeout runs it.
 */
function page(opts: { units?: number; idleMs?: number } = {}) {
  const units = opts.units ?? 1; // how many units of work (1 ms of the clock each) a write takes
  const doc = { revision: 0, journalled: -1 };
  const writes: number[] = [];
  /** Units of work done by each slice, and writes begun / cancelled. */
  const slices: number[] = [];
  const log = { begun: 0, cancelled: 0, finished: 0 };
  const thread = { busy: false };
  let clock = 0;
  const whenIdle: WhenIdle = (fn, timeoutMs) => {
    const asked = Date.now();
    const h = setInterval(() => {
      const idle = !thread.busy;
      if (idle || Date.now() - asked >= timeoutMs) {
        clearInterval(h);
        fn({ timeRemaining: () => (idle ? (opts.idleMs ?? 50) : 0), didTimeout: !idle });
      }
    }, 1);
    return () => clearInterval(h);
  };
  const begin = (): JournalWrite => {
    log.begun++;
    const revision = doc.revision; // the state the write began with
    let done = 0;
    const land = () => {
      writes.push(revision);
      doc.journalled = revision;
    };
    return {
      step(enough) {
        let n = 0;
        while (done < units) {
          done++;
          n++;
          clock++;
          if (done < units && enough()) break;
        }
        slices.push(n);
        if (done < units) return false;
        land();
        return true;
      },
      finish() {
        log.finished++;
        land();
      },
      cancel() {
        log.cancelled++;
      },
    };
  };
  const schedule = journalSchedule({ periodMs: PERIOD, pending: () => doc.journalled !== doc.revision, begin, whenIdle, now: () => clock });
  const edit = () => void doc.revision++;
  return { doc, writes, slices, log, thread, schedule, edit };
}

describe('recovery journal schedule', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('writes the latest state once per autosave interval, however many edits came in between', () => {
    const p = page();
    for (let i = 0; i < 40; i++) {
      p.edit();
      vi.advanceTimersByTime(100); // an edit every 100 ms for 4 s
    }
    expect(p.writes).toEqual([]);
    vi.advanceTimersByTime(1000 + 2);
    expect(p.writes).toEqual([40]);
    vi.advanceTimersByTime(3 * PERIOD); // nothing new: nothing written
    expect(p.writes).toEqual([40]);
    p.schedule.stop();
  });

  it('waits for an idle moment, but under a steady stream of edits still writes within two intervals of an edit', () => {
    const p = page();
    p.thread.busy = true; // dragging: never idle
    p.edit();
    vi.advanceTimersByTime(PERIOD + 10);
    expect(p.writes, 'the write waits for the thread').toEqual([]);
    p.edit();
    vi.advanceTimersByTime(PERIOD);
    expect(p.writes, 'the latest edit, at the idle timeout').toEqual([2]);
    p.thread.busy = false;
    p.edit();
    vi.advanceTimersByTime(PERIOD + 2);
    expect(p.writes).toEqual([2, 3]);
    p.schedule.stop();
  });

  it('writes at once on flush (page hidden or going away), and not a second time for the same state', () => {
    const p = page();
    p.thread.busy = true;
    p.edit();
    vi.advanceTimersByTime(PERIOD + 10); // a write is waiting for an idle moment
    p.edit();
    p.schedule.flush();
    expect(p.writes).toEqual([2]);
    p.thread.busy = false;
    vi.advanceTimersByTime(3 * PERIOD);
    expect(p.writes, 'the waiting write was dropped; nothing new since').toEqual([2]);
    p.schedule.flush();
    expect(p.writes).toEqual([2]);
    p.schedule.stop();
  });

  it('writes nothing once stopped (the document closed or the interval changed)', () => {
    const p = page();
    p.edit();
    vi.advanceTimersByTime(PERIOD + 10); // waiting... (idle after 1 ms: written)
    p.edit();
    p.schedule.stop();
    vi.advanceTimersByTime(5 * PERIOD);
    expect(p.writes).toEqual([1]);
  });

  it('does a long write in short slices between idle moments, the state it began with, and leaves later edits for the next write', () => {
    const p = page({ units: 40, idleMs: 50 });
    p.edit();
    vi.advanceTimersByTime(PERIOD + 1); // the write begins
    expect(p.slices).toEqual([JOURNAL_SLICE_MS]);
    expect(p.writes).toEqual([]);
    p.edit(); // an edit while the write is under way
    vi.advanceTimersByTime(20);
    expect(p.writes).toEqual([1]);
    expect(p.slices.reduce((a, b) => a + b)).toBe(40);
    expect(Math.max(...p.slices)).toBeLessThanOrEqual(JOURNAL_SLICE_MS);
    expect(p.log.begun).toBe(1);
    vi.advanceTimersByTime(PERIOD);
    expect(p.writes, 'the edit made meanwhile, at the next tick').toEqual([1, 2]);
    p.schedule.stop();
  });

  it('a slice never outlasts what is left of the idle period', () => {
    const p = page({ units: 12, idleMs: 3 });
    p.edit();
    vi.advanceTimersByTime(PERIOD + 20);
    expect(p.slices).toEqual([3, 3, 3, 3]);
    expect(p.writes).toEqual([1]);
    p.schedule.stop();
  });

  it('on a page that is never idle, each slice still comes within its short timeout: the write ends soon', () => {
    const p = page({ units: 10 * JOURNAL_SLICE_MS });
    p.thread.busy = true;
    p.edit();
    vi.advanceTimersByTime(2 * PERIOD); // the first slice at the idle timeout
    expect(p.slices).toHaveLength(1);
    vi.advanceTimersByTime(9 * JOURNAL_SLICE_TIMEOUT_MS + 20);
    expect(p.slices).toEqual(Array(10).fill(JOURNAL_SLICE_MS));
    expect(p.writes).toEqual([1]);
    p.schedule.stop();
  });

  it('a flush during a write drops it and writes the latest state to the end at once', () => {
    const p = page({ units: 40 });
    p.thread.busy = true;
    p.edit();
    vi.advanceTimersByTime(2 * PERIOD + 2); // one slice done
    expect(p.slices).toHaveLength(1);
    p.edit();
    p.schedule.flush();
    expect(p.log).toEqual({ begun: 2, cancelled: 1, finished: 1 });
    expect(p.writes).toEqual([2]);
    p.thread.busy = false;
    vi.advanceTimersByTime(3 * PERIOD);
    expect(p.writes, 'the dropped write never lands').toEqual([2]);
    p.schedule.stop();
  });

  it('stopping drops a write under way: nothing of it lands', () => {
    const p = page({ units: 40 });
    p.thread.busy = true;
    p.edit();
    vi.advanceTimersByTime(2 * PERIOD + 2);
    p.schedule.stop();
    p.thread.busy = false;
    vi.advanceTimersByTime(5 * PERIOD);
    expect(p.writes).toEqual([]);
    expect(p.log.cancelled).toBe(1);
  });

  it('a write that throws is dropped, and the next interval begins a new one', () => {
    const errors: unknown[] = [];
    let failing = true;
    const doc = { revision: 1, journalled: 0 };
    const whenIdle: WhenIdle = (fn) => {
      const h = setTimeout(() => {
        try {
          fn();
        } catch (e) {
          errors.push(e);
        }
      }, 1);
      return () => clearTimeout(h);
    };
    const schedule = journalSchedule({
      periodMs: PERIOD,
      pending: () => doc.journalled !== doc.revision,
      begin: () => ({
        step: () => {
          if (failing) throw new Error('bug');
          doc.journalled = doc.revision;
          return true;
        },
        finish: () => undefined,
        cancel: () => undefined,
      }),
      whenIdle,
    });
    vi.advanceTimersByTime(PERIOD + 2);
    expect(errors).toHaveLength(1);
    failing = false;
    vi.advanceTimersByTime(PERIOD + 2);
    expect(doc.journalled).toBe(1);
    schedule.stop();
  });
});
