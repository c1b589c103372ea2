import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange, changeOf, reversedChange, type ProgressChange } from '../../../src-core/progress/change';
import type { CompetencyId, PhaseId } from '../../../src-core/model/ids';
import type { Progress, ProgressRecord } from '../../../src-core/progress/types';

// The undo history's progress steps keep only what they changed (`changeOf`); undo and redo make the progress
// again from the state they left (`applyChange`). Checked against a replay that keeps every state whole.

/** What a step does to the progress, as the app does it (a record, a learner, a take-back, an import) and a few more. */
type Op =
  | { kind: 'record'; learner: number; evidence: string }
  | { kind: 'learner'; id: string }
  | { kind: 'takeBack'; at: number }
  | { kind: 'import'; learners: number; records: number }
  | { kind: 'insert'; at: number; count: number }
  | { kind: 'replaceOne'; at: number }
  | { kind: 'again'; at: number }
  | { kind: 'title'; title: string }
  | { kind: 'nothing' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('record' as const), learner: fc.nat(12), evidence: fc.string({ maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('learner' as const), id: fc.string({ minLength: 1, maxLength: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('takeBack' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('import' as const), learners: fc.nat(6), records: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replaceOne' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('again' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('title' as const), title: fc.string({ maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'nothing' as const }) },
);

let made = 0;
const rec = (learnerId: string, evidence = `e${++made}`): ProgressRecord => ({ learnerId, competencyId: 'c1' as CompetencyId, phaseId: 'p1' as PhaseId, date: '2026-10-20', evidence });

function classOf(learners: number, records: number): Progress {
  const ls = Array.from({ length: learners }, (_, i) => ({ id: `s${i}`, name: `Student ${i}` }));
  return { frameworkId: 'fw', frameworkTitle: 'Fractions', learners: ls, records: Array.from({ length: records }, (_, i) => rec(`s${i % Math.max(1, learners)}`)) };
}

/** The state after `o` on `p`, made as the app makes it: new lists sharing the items, `p` untouched. */
function step(p: Progress | null, o: Op): Progress | null {
  if (o.kind === 'import') return classOf(o.learners, o.records);
  if (!p) return o.kind === 'learner' ? { frameworkId: 'fw', frameworkTitle: '', learners: [{ id: o.id, name: o.id }], records: [] } : null;
  const n = p.records.length;
  switch (o.kind) {
    case 'record': {
      const id = `s${o.learner}`;
      const learners = p.learners.some((l) => l.id === id) ? p.learners : [...p.learners, { id, name: id }];
      return { ...p, learners, records: [...p.records, rec(id, o.evidence)] };
    }
    case 'learner':
      return p.learners.some((l) => l.id === o.id) ? p : { ...p, learners: [...p.learners, { id: o.id, name: o.id }] };
    case 'takeBack':
      return n ? { ...p, records: p.records.filter((_, i) => i !== o.at % n) } : p;
    case 'insert': {
      const at = o.at % (n + 1);
      return { ...p, records: [...p.records.slice(0, at), ...Array.from({ length: o.count }, () => rec('s0')), ...p.records.slice(at)] };
    }
    case 'replaceOne':
      return n ? { ...p, records: p.records.map((r, i) => (i === o.at % n ? rec(r.learnerId) : r)) } : p;
    case 'again': // the same record object once more (head and tail can then match in more than one way)
      return n ? { ...p, records: [...p.records, p.records[o.at % n]!] } : p;
    case 'title':
      return { ...p, frameworkTitle: o.title };
    case 'nothing':
      return p;
  }
}

/** `got` equals `want`, and shares its very learners and records (nothing copied but the lists). */
function same(got: Progress | null, want: Progress | null): void {
  expect(got).toEqual(want);
  if (!got || !want) return;
  expect(got.records.every((r, i) => r === want.records[i])).toBe(true);
  expect(got.learners.every((l, i) => l === want.learners[i])).toBe(true);
}

const start = fc.option(fc.record({ learners: fc.nat(6), records: fc.nat(60) }), { nil: null });

describe('progress changes (what an undo step keeps)', () => {
  it('undo all then redo all, from the states they leave, give back every state of the replay', () => {
    fc.assert(
      fc.property(start, fc.array(op, { maxLength: 40 }), (init, ops) => {
        const states: (Progress | null)[] = [init && classOf(init.learners, init.records)];
        for (const o of ops) states.push(step(states.at(-1)!, o));
        const changes = states.slice(1).map((after, k) => changeOf(states[k]!, after));
        let now: Progress | null = states.at(-1)!;
        for (let k = changes.length - 1; k >= 0; k--) {
          now = applyChange(now, changes[k]!, true);
          same(now, states[k]!);
        }
        for (let k = 0; k < changes.length; k++) {
          now = applyChange(now, changes[k]!, false);
          same(now, states[k + 1]!);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('undo and redo in any order, and a step taken back as a step of its own, match the replay', () => {
    fc.assert(
      fc.property(start, fc.array(op, { minLength: 1, maxLength: 30 }), fc.array(fc.boolean(), { maxLength: 60 }), (init, ops, moves) => {
        const states: (Progress | null)[] = [init && classOf(init.learners, init.records)];
        for (const o of ops) states.push(step(states.at(-1)!, o));
        const changes = states.slice(1).map((after, k) => changeOf(states[k]!, after));
        let at = states.length - 1;
        let now: Progress | null = states[at]!;
        for (const undo of moves) {
          if (undo && at > 0) now = applyChange(now, changes[--at]!, true);
          else if (!undo && at < changes.length) now = applyChange(now, changes[at++]!, false);
          same(now, states[at]!);
          // the last step done, taken back as a new step (the message's "Take back this record"), and that undone
          if (at > 0) {
            const back: ProgressChange = reversedChange(changes[at - 1]!);
            const taken = applyChange(now, back, false);
            same(taken, states[at - 1]!);
            same(applyChange(taken, back, true), states[at]!);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps only what changed when that is a small part of the lists, and both states when not', () => {
    const p = classOf(200, 500);
    const record = changeOf(p, step(p, { kind: 'record', learner: 3, evidence: 'x' }));
    expect(record.kind).toBe('splice');
    if (record.kind === 'splice') {
      expect(record.records).toEqual({ at: 500, removed: [], inserted: [expect.objectContaining({ evidence: 'x' })] });
      expect(record.learners).toBeNull();
    }
    const takeBack = changeOf(p, step(p, { kind: 'takeBack', at: 250 }));
    expect(takeBack.kind === 'splice' && takeBack.records).toEqual({ at: 250, removed: [p.records[250]], inserted: [] });
    const learner = changeOf(p, step(p, { kind: 'learner', id: 'newcomer' }));
    expect(learner.kind === 'splice' && learner.learners).toEqual({ at: 200, removed: [], inserted: [{ id: 'newcomer', name: 'newcomer' }] });
    const imported = step(p, { kind: 'import', learners: 3, records: 9 });
    expect(changeOf(p, imported)).toEqual({ kind: 'replace', before: p, after: imported });
    expect(changeOf(null, p)).toEqual({ kind: 'replace', before: null, after: p });
    const none = changeOf(p, { ...p });
    expect(none.kind === 'splice' && [none.learners, none.records]).toEqual([null, null]);
    expect(applyChange(p, none, true)!.records).toBe(p.records); // nothing changed: the lists are shared
  });

  it('makes and takes back a splice of thousands of records (an import of a few classes into many)', () => {
    const p = classOf(40, 10_000);
    const at = 4_000;
    const many = { ...p, records: [...p.records.slice(0, at), ...classOf(3, 3_000).records, ...p.records.slice(at + 10)] };
    const change = changeOf(p, many);
    expect(change.kind === 'splice' && [change.records!.at, change.records!.removed.length, change.records!.inserted.length]).toEqual([at, 10, 3_000]);
    same(applyChange(p, change, false), many);
    same(applyChange(many, change, true), p);
    same(applyChange(p, reversedChange(reversedChange(change)), false), many);
  });
});
