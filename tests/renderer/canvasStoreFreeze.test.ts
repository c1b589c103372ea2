import { describe, expect, it } from 'vitest';
import { linkPrerequisite, moveCompetencies, reconnectPrerequisite, unlinkPrerequisites, updatePrerequisiteNote } from '../../src-core/commands';
import { createCompetency, createDomain, createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId, type LinkId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';
import { freezeWhenIdle } from '../../src-renderer/src/store/freezeIdle';

function bigFramework(n: number): Framework {
  const fw = createFramework({ domains: [createDomain({ title: 'Number' }, 0)] });
  for (let i = 0; i < n; i++) {
    const c = createCompetency({ position: { x: i * 10, y: 0 } });
    fw.competencies[c.id] = c;
  }
  return fw;
}

/** An idle scheduler the test drives: each slice has `budget` ms, measured by a fake clock of 0.01 ms per call. */
function fakeIdle() {
  const queue: ((d: { timeRemaining(): number }) => void)[] = [];
  return {
    idle: (run: (d: { timeRemaining(): number }) => void) => void queue.push(run),
    runSlice(budget: number) {
      const run = queue.shift();
      let left = budget;
      run?.({ timeRemaining: () => (left -= 0.01) });
      return queue.length;
    },
  };
}

describe('an opened document is frozen in idle time', () => {
  it('freezes every record over several idle slices, then the document', () => {
    const fw = bigFramework(600);
    const sched = fakeIdle();
    freezeWhenIdle(fw, () => fw, sched.idle);
    let slices = 0;
    while (sched.runSlice(0) > 0) slices++; // one batch per slice, even without idle time
    expect(slices).toBeGreaterThan(1); // the work was split
    expect(Object.isFrozen(fw)).toBe(true);
    for (const c of Object.values(fw.competencies)) {
      expect(Object.isFrozen(c)).toBe(true);
      expect(Object.isFrozen(c.position)).toBe(true);
    }
  });

  it('freezes the links and alignments (Maps) in the slices too, not all in the last one', () => {
    const fw = bigFramework(600);
    const ids = Object.keys(fw.competencies);
    for (let i = 1; i < ids.length; i++) {
      const id = newId<LinkId>();
      fw.prerequisites.set(id, { id, from: ids[i - 1]! as never, to: ids[i]! as never, note: '' });
    }
    const sched = fakeIdle();
    freezeWhenIdle(fw, () => fw, sched.idle);
    const frozenLinks = () => [...fw.prerequisites.values()].filter((l) => Object.isFrozen(l)).length;
    let most = 0;
    let before = 0;
    let left = 1;
    while (left > 0) {
      left = sched.runSlice(0);
      const now = frozenLinks();
      most = Math.max(most, now - before);
      before = now;
    }
    expect(frozenLinks()).toBe(599);
    expect(Object.isFrozen(fw.prerequisites)).toBe(true);
    expect(most).toBeLessThanOrEqual(100); // one batch per slice: no slice froze every link
  });

  it('a fully frozen document (its link Map too) takes link edits, undo and redo', () => {
    const fw = bigFramework(4);
    const [a, b, c, d] = Object.keys(fw.competencies) as CompetencyId[];
    const sched = fakeIdle();
    const store = createEditorStore({ framework: fw });
    freezeWhenIdle(fw, () => store.getSnapshot().doc.framework, sched.idle);
    while (sched.runSlice(1000) > 0);
    expect(Object.isFrozen(fw.prerequisites)).toBe(true);
    const links = () => [...store.getSnapshot().doc.framework.prerequisites.values()].map((l) => `${l.from}>${l.to}:${l.note}`);
    const ab = 'l-ab' as LinkId;
    for (const cmd of [
      linkPrerequisite({ id: ab, from: a!, to: b! }),
      linkPrerequisite({ id: 'l-bc' as LinkId, from: b!, to: c! }),
      updatePrerequisiteNote(ab, 'first'),
      reconnectPrerequisite(ab, a!, d!),
      unlinkPrerequisites(['l-bc' as LinkId]),
    ]) {
      expect(store.run(cmd).ok).toBe(true);
    }
    expect(links()).toEqual([`${a}>${d}:first`]);
    expect(fw.prerequisites.size).toBe(0); // the opened document is untouched
    while (store.undo());
    expect(links()).toEqual([]);
    while (store.redo());
    expect(links()).toEqual([`${a}>${d}:first`]);
    store.undo();
    expect(links()).toEqual([`${a}>${d}:first`, `${b}>${c}:`]);
  });

  it('stops once another document is open, and edits keep working on a half-frozen document', () => {
    const fw = bigFramework(600);
    const store = createEditorStore({ framework: fw });
    const sched = fakeIdle();
    freezeWhenIdle(fw, () => store.getSnapshot().doc.framework, sched.idle);
    sched.runSlice(0); // part of it
    const id = Object.keys(fw.competencies)[599]!;
    expect(store.run(moveCompetencies({ [id]: { x: 5, y: 6 } })).ok).toBe(true);
    expect(store.getSnapshot().doc.framework.competencies[id]!.position).toEqual({ x: 5, y: 6 });
    sched.runSlice(1000);
    expect(sched.runSlice(1000)).toBe(0); // nothing more scheduled for the old document
    expect(Object.isFrozen(fw)).toBe(false);
  });
});
