import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { journalSchedule, type WhenIdle } from '../../src-renderer/src/app/journalSchedule';

const PERIOD = 5000;

/**
 * A document being edited and the journal it is written to; the main thread is idle when `busy` is
 * false (an idle callback then runs 1 ms after it was asked for), else only its timeout runs it.
 */
function page() {
  const doc = { revision: 0, journalled: -1 };
  const writes: number[] = [];
  const thread = { busy: false };
  const whenIdle: WhenIdle = (fn, timeoutMs) => {
    const asked = Date.now();
    const h = setInterval(() => {
      if (!thread.busy || Date.now() - asked >= timeoutMs) {
        clearInterval(h);
        fn();
      }
    }, 1);
    return () => clearInterval(h);
  };
  const schedule = journalSchedule({
    periodMs: PERIOD,
    pending: () => doc.journalled !== doc.revision,
    write: () => {
      writes.push(doc.revision);
      doc.journalled = doc.revision;
    },
    whenIdle,
  });
  const edit = () => void doc.revision++;
  return { doc, writes, thread, schedule, edit };
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
});
