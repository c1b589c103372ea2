import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { updateCompetency } from '../../src-core/commands/competencies';
import { serializeProgress } from '../../src-core/progress/progressFile';
import { prng } from '../../bench/generate';
import type { Progress, ProgressRecord } from '../../src-core/progress/types';
import type { CompetencyId, PhaseId } from '../../src-core/model/ids';
import { loadProgressFromText, recordPhase, saveProgress, startProgress } from '../../src-renderer/src/features/learners/actions';
import { createMemoryHost } from '../../src-renderer/src/host/memoryHost';
import { makeFramework } from '../unit/progress/helpers';
import { learnersWindow } from './helpers/learnersFixture';

function classOf(learners: number, perLearner: number, fw: ReturnType<typeof makeFramework>): Progress {
  const comps = Object.values(fw.competencies);
  const records: ProgressRecord[] = [];
  for (let l = 0; l < learners; l++)
    for (let r = 0; r < perLearner; r++)
      records.push({ learnerId: `s${l}`, competencyId: comps[(l + r) % comps.length]!.id, phaseId: fw.phases[r % fw.phases.length]!.id, date: '2026-09-01', evidence: `e${l}.${r}` });
  return { frameworkId: fw.id, frameworkTitle: fw.title, learners: Array.from({ length: learners }, (_, l) => ({ id: `s${l}`, name: `Student ${l}` })), records };
}

function teacher(learners = 1, perLearner = 1) {
  const w = learnersWindow();
  const { fw, store, id, proficient } = w;
  expect(loadProgressFromText(fw, serializeProgress(classOf(learners, perLearner, fw)), 'class.json', store)).toBe(true);
  const record = (learnerId: string, code: string, evidence = '') => recordPhase({ learnerId, competencyId: id(code), phaseId: proficient.id, date: '2026-10-20', evidence }, store, fw);
  return { ...w, record };
}

describe("the Learners message's Undo after later steps", () => {
  it('takes this record back as a step of its own; the map edit stays, and the history goes back through both without a failure', () => {
    const { editor, store, id, record, notice, labels } = teacher();
    record('s0', 'FR.2', 'wrong');
    const made = store.getSnapshot().message!;
    expect(made.action!.label).toBe('Undo');
    editor.run(updateCompetency(id('FR.3'), { statement: 'Compares fractions' }));
    // later steps: the button now says what it does
    expect(editor.isLatest(made.action!.step!())).toBe(false);
    expect(made.action!.laterLabel).toBe('Take back this record');

    made.action!.run();
    expect(store.getSnapshot().progress!.records.map((r) => r.evidence)).toEqual(['e0.0']);
    expect(editor.getSnapshot().doc.framework.competencies[id('FR.3')]!.statement).toBe('Compares fractions');
    expect(labels()).toEqual(['take back FR.2 at Proficient for Student 0', null]);
    expect(store.getSnapshot().message!.text).toBe('Took back FR.2 at Proficient for Student 0 (2026-10-20). Undo puts it back.');
    // the progress is the file's again: nothing unsaved, nothing to ask on closing
    expect(store.getSnapshot().dirty).toBe(false);

    // Ctrl+Z: the record is back; then the map edit; then the record's own step — no notice, nothing skipped
    expect(editor.undo()).toBe('take back FR.2 at Proficient for Student 0');
    expect(store.getSnapshot().message!.text).toBe('Put back FR.2 at Proficient for Student 0 (2026-10-20).');
    expect(store.getSnapshot().progress!.records.map((r) => r.evidence)).toEqual(['e0.0', 'wrong']);
    expect(editor.undo()).toBe('edit statement of FR.3');
    expect(editor.undo()).toBe('record FR.2 at Proficient for Student 0');
    expect(store.getSnapshot().progress!.records.map((r) => r.evidence)).toEqual(['e0.0']);
    expect(labels()).toEqual(['open progress class.json', 'record FR.2 at Proficient for Student 0']);
    // and forward again to the take-back
    expect(editor.redo()).toBe('record FR.2 at Proficient for Student 0');
    expect(editor.redo()).toBe('edit statement of FR.3');
    expect(editor.redo()).toBe('take back FR.2 at Proficient for Student 0');
    expect(store.getSnapshot().progress!.records.map((r) => r.evidence)).toEqual(['e0.0']);
    expect(notice()).toBeUndefined();
  });

  it('is Ctrl+Z again once the later steps are undone, and after Redo the message offers Undo again', () => {
    const { editor, store, id, record, labels } = teacher();
    record('s0', 'FR.2', 'x');
    editor.run(updateCompetency(id('FR.3'), { statement: 'S' }));
    editor.undo(); // the map edit: the record is the last step again
    const action = store.getSnapshot().message!.action!;
    expect(editor.isLatest(action.step!())).toBe(true);
    action.run();
    expect(labels()).toEqual(['open progress class.json', 'record FR.2 at Proficient for Student 0']);
    editor.redo();
    const again = store.getSnapshot().message!;
    expect(again.text).toBe('Recorded FR.2 at Proficient for Student 0 (2026-10-20).');
    again.action!.run();
    expect(store.getSnapshot().progress!.records).toHaveLength(1);
    expect(labels()[1]).toBe('record FR.2 at Proficient for Student 0');
    // the map edit the first undo put on the redo line is still there, after the record
    editor.redo();
    expect(editor.redo()).toBe('edit statement of FR.3');
  });

  it('takes back the whole record step, as Undo would: a learner it added goes too, and the learner shown comes back', () => {
    const { editor, store, id, record } = teacher(2, 1);
    store.set({ learnerId: 's1' });
    record('newcomer', 'FR.1');
    expect(store.getSnapshot().progress!.learners.map((l) => l.id)).toEqual(['s0', 's1', 'newcomer']);
    const action = store.getSnapshot().message!.action!;
    editor.run(updateCompetency(id('FR.3'), { statement: 'S' }));
    store.set({ learnerId: 's0' });
    action.run();
    expect(store.getSnapshot().progress!.learners.map((l) => l.id)).toEqual(['s0', 's1']);
    expect(store.getSnapshot().progress!.records).toHaveLength(2);
    expect(store.getSnapshot().learnerId).toBe('s1');
    expect(store.getSnapshot().dirty).toBe(false);
    editor.undo();
    expect(store.getSnapshot().progress!.learners.map((l) => l.id)).toEqual(['s0', 's1', 'newcomer']);
    expect(store.getSnapshot().dirty).toBe(true);
  });

  it('a record taken back already is not taken back twice, and nothing else is', () => {
    const { editor, store, id, record, labels } = teacher();
    record('s0', 'FR.2', 'x');
    const action = store.getSnapshot().message!.action!;
    editor.run(updateCompetency(id('FR.3'), { statement: 'S' }));
    action.run();
    const taken = store.getSnapshot().progress;
    action.run(); // the old message's button, pressed again
    expect(store.getSnapshot().progress).toBe(taken);
    expect(store.getSnapshot().message!.text).toBe('FR.2 at Proficient for Student 0 (2026-10-20) is not recorded now: nothing was taken back.');
    expect(labels()[0]).toBe('take back FR.2 at Proficient for Student 0');
  });

  it('undoing a learner added by hand says so', () => {
    const { editor, store } = teacher();
    startProgress(editor.getSnapshot().doc.framework, 'Noah', store);
    editor.undo();
    expect(store.getSnapshot().message!.text).toBe('Took back adding Noah.');
  });
});

const g = globalThis as { window?: unknown };
afterEach(() => delete g.window);

/** The page's host, its Save progress… writing the file. */
function withHost(): void {
  g.window = { host: { ...createMemoryHost(), saveExport: async (req: { suggestedName: string }) => ({ ok: true, value: { name: req.suggestedName } }) } };
}

describe('progress saved, then undone and redone', () => {
  it('is "not saved" exactly while it differs from what was saved, through undo and redo', async () => {
    withHost();
    const { fw, editor, store, record } = teacher(3, 4);
    record('s1', 'FR.1');
    record('s2', 'FR.2');
    await saveProgress(fw, 'json', store);
    expect(store.getSnapshot().message!.text).toBe('Saved the progress as Test-framework-progress.json.');
    expect(store.getSnapshot().dirty).toBe(false);
    editor.undo();
    expect(store.getSnapshot().dirty).toBe(true);
    editor.redo();
    expect(store.getSnapshot().dirty).toBe(false);
    editor.undo();
    editor.undo();
    editor.undo(); // back to before the file was opened: nothing open
    expect(store.getSnapshot().progress).toBeNull();
    editor.redo();
    expect(store.getSnapshot().dirty).toBe(false); // the file as opened
    editor.redo();
    expect(store.getSnapshot().dirty).toBe(true);
  });
});

/** A garbage collection (Node's flag, turned on for this test file only). */
function collect(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('progress steps share the records list', () => {
  it('keep what changed, not a copy of the progress: each state left behind can be collected', async () => {
    const gc = collect();
    const { editor, store, record } = teacher(30, 40);
    const left: WeakRef<Progress>[] = [];
    for (let i = 0; i < 20; i++) {
      left.push(new WeakRef(store.getSnapshot().progress!));
      record(`s${i % 30}`, 'FR.3', `n${i}`);
    }
    const first = left.shift(); // the progress as opened: the open step keeps it (Undo goes back to it)
    await new Promise((r) => setTimeout(r, 0));
    gc();
    expect(first!.deref()).toBeDefined();
    expect(left.filter((w) => w.deref()).length).toBe(0);
    // and every step still goes back exactly
    for (let i = 0; i < 20; i++) editor.undo();
    expect(store.getSnapshot().progress!.records).toHaveLength(1200);
    expect(store.getSnapshot().progress).toEqual(first!.deref());
    expect(store.getSnapshot().progress!.records.every((r, i) => r === first!.deref()!.records[i])).toBe(true);
    for (let i = 0; i < 20; i++) editor.redo();
    expect(store.getSnapshot().progress!.records.slice(-20).map((r) => r.evidence)).toEqual(Array.from({ length: 20 }, (_, i) => `n${i}`));
  });
});

/** What a step did, as the model replays it on plain copies. */
type Op =
  | { kind: 'record'; rec: ProgressRecord }
  | { kind: 'learner'; id: string }
  | { kind: 'import'; progress: Progress; name: string }
  /** `back`: the record's step taken back whole (the progress as after that step of the history); else the record alone. */
  | { kind: 'takeBack'; evidence: string; back?: number }
  | { kind: 'map'; statement: string };

/** The progress and the map's statement after `done`, replayed from nothing on plain copies. */
function replay(done: readonly { id: number; op: Op }[]): { progress: Progress | null; statement: string } {
  let progress: Progress | null = null;
  let statement = 'Statement of FR.3';
  const after = new Map<number, Progress | null>([[0, null]]);
  for (const { id, op } of done) {
    if (op.kind === 'import') progress = structuredClone(op.progress);
    else if (op.kind === 'map') statement = op.statement;
    else if (op.kind === 'learner') progress = { ...progress!, learners: [...progress!.learners, { id: op.id, name: op.id }] };
    else if (op.kind === 'record') {
      const p: Progress = progress!;
      const learners = p.learners.some((l) => l.id === op.rec.learnerId) ? p.learners : [...p.learners, { id: op.rec.learnerId, name: op.rec.learnerId }];
      progress = { ...p, learners, records: [...p.records, op.rec] };
    } else if (op.back !== undefined) progress = after.get(op.back)!; // the whole record step taken back
    else {
      const i = progress!.records.findLastIndex((r) => r.evidence === op.evidence);
      progress = { ...progress!, records: progress!.records.filter((_, j) => j !== i) };
    }
    after.set(id, progress);
  }
  return { progress, statement };
}

describe('undo and redo of progress steps are exact (random sequences against a replay)', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`seed ${seed}`, async () => {
      withHost();
      const rnd = prng(seed);
      const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
      const { fw, editor, store, id: idOf } = learnersWindow();
      const fr3 = idOf('FR.3');
      // the model: the steps done, each with the id of the progress state it left (a map edit: the one before
      // it; a take-back of the last progress step: the one before that step); the ids of states a file holds
      type Done = { id: number; op: Op; state: number };
      let done: Done[] = [];
      let undone: Done[] = [];
      const clean = new Set<number>();
      let seq = 0;
      const state = () => done.at(-1)?.state ?? 0;
      const push = (op: Op, same?: number) => {
        const id = ++seq;
        done.push({ id, op, state: op.kind === 'map' ? state() : (same ?? id) });
        undone = [];
        return id;
      };
      let evidence = 0;
      for (let n = 0; n < 160; n++) {
        const p = store.getSnapshot().progress;
        const r = rnd();
        const message = store.getSnapshot().message;
        if (r < 0.08 || (!p && r < 0.3)) {
          const size = pick([1, 2, 20, 60]);
          const progress = classOf(size % 7 || 1, Math.ceil(size / 3), fw);
          for (const rec of progress.records) rec.evidence = `i${++evidence}`;
          const name = `class${n}.json`;
          expect(loadProgressFromText(fw, serializeProgress(progress), name, store)).toBe(true);
          clean.add(push({ kind: 'import', progress, name }));
        } else if (p && r < 0.4) {
          const rec = { learnerId: pick([...p.learners.map((l) => l.id), 'newcomer']), competencyId: pick(Object.keys(fw.competencies)) as CompetencyId, phaseId: pick(fw.phases).id as PhaseId, date: '2026-10-20', evidence: `r${++evidence}` };
          recordPhase(rec, store, fw);
          push({ kind: 'record', rec });
        } else if (p && r < 0.45) {
          const id = `L${++evidence}`;
          startProgress(fw, id, store);
          push({ kind: 'learner', id });
        } else if (r < 0.55) {
          const statement = `S${++evidence}`;
          editor.run(updateCompetency(fr3, { statement }));
          push({ kind: 'map', statement });
        } else if (r < 0.66 && message?.text.startsWith('Recorded ') && message.action) {
          // the message's own Undo: Ctrl+Z while its record is the last step, else a take-back of its own
          if (rnd() < 0.5) {
            const statement = `S${++evidence}`; // a step on the map first, half the time
            editor.run(updateCompetency(fr3, { statement }));
            push({ kind: 'map', statement });
          }
          const latest = editor.isLatest(message.action.step!());
          const at = done.findLastIndex((d) => d.op.kind === 'record');
          const ev = done[at]!;
          message.action.run();
          if (latest) undone.push(done.pop()!);
          else if (ev.op.kind === 'record') {
            const whole = state() === ev.id;
            push({ kind: 'takeBack', evidence: ev.op.rec.evidence, back: whole ? (done[at - 1]?.id ?? 0) : undefined }, whole ? (done[at - 1]?.state ?? 0) : undefined);
          }
        } else if (r < 0.68 && p) {
          await saveProgress(fw, 'json', store);
          clean.add(state());
        } else if (r < 0.86) {
          if (editor.undo() !== null) undone.push(done.pop()!);
          else expect(done).toHaveLength(0);
        } else {
          if (editor.redo() !== null) done.push(undone.pop()!);
          else expect(undone).toHaveLength(0);
        }
        const want = replay(done);
        const got = store.getSnapshot();
        expect(got.progress, `step ${n}`).toEqual(want.progress);
        expect(editor.getSnapshot().doc.framework.competencies[fr3]!.statement).toBe(want.statement);
        expect(got.dirty, `dirty at step ${n}`).toBe(!!want.progress && !clean.has(state()));
        expect(editor.getSnapshot().undoDepth).toBe(done.length);
        expect(editor.getSnapshot().redoDepth).toBe(undone.length);
        expect(editor.getSnapshot().session.notice).toBeNull();
      }
    });
  }
});
