import { freeze } from 'immer';
import type { Framework } from '../../../src-core/model/types';

type IdleDeadline = { timeRemaining(): number };
export type IdleScheduler = (run: (deadline: IdleDeadline) => void) => void;

/** `requestIdleCallback` where there is one (the renderer), otherwise nothing is scheduled. */
export const browserIdle: IdleScheduler | null =
  typeof globalThis.requestIdleCallback === 'function' ? (run) => void globalThis.requestIdleCallback(run, { timeout: 2000 }) : null;

/**
 * Deep-freezes an opened framework in idle slices, record by record (perf). Immer freezes every
 * state it produces, but a freshly loaded document is not frozen, so the first edit after opening
 * froze the whole map in its own frame (~50 ms at 2,500 competencies: the first drag's drop), and
 * the validator only reuses its per-record work for frozen records. `current()` says which
 * document is open: the work stops once another one is (an edit produces a frozen document anyway).
 */
export function freezeWhenIdle(fw: Framework, current: () => Framework, idle: IdleScheduler | null = browserIdle): void {
  if (!idle || Object.isFrozen(fw)) return;
  const groups = Object.values(fw).filter((v): v is object => typeof v === 'object' && v !== null);
  const items: unknown[] = [];
  // the links and alignments are Maps: Object.values would see none of their records
  for (const g of groups) {
    if (Array.isArray(g)) items.push(...g);
    else if (g instanceof Map) for (const v of g.values()) items.push(v);
    else items.push(...Object.values(g));
  }
  let i = 0;
  const step = (deadline: IdleDeadline) => {
    if (current() !== fw) return;
    // leaves first: freeze() stops at an object that is frozen already; at least one batch per call
    // (a callback run for its timeout has no time remaining, and a busy page may never be idle)
    // small slices that stay well inside the idle period: a task over 50 ms would be a long task
    do {
      const end = Math.min(items.length, i + 100);
      for (; i < end; i++) freeze(items[i], true);
    } while (i < items.length && deadline.timeRemaining() > 10);
    if (i < items.length) idle(step);
    else freeze(fw, true);
  };
  idle(step);
}
