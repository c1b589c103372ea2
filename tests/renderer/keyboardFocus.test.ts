import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCompetency, deleteCompetencies, linkPrerequisite, moveCompetencies, updateCompetency } from '../../src-core/commands';
import { createCompetency, createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId, type LinkId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { readingOrder } from '../../src-renderer/src/canvas/actions';
import { focusAfterRemoval, focusAfterStep, stepTouches, type Walk } from '../../src-renderer/src/canvas/focus/keyboardFocus';
import { cancelLinking, finishLinking, startLinking } from '../../src-renderer/src/canvas/linkFromHere';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

/** A walk over ids a…: in that order. */
function walkOf(ids: string[]): Walk {
  return { ids, rank: new Map(ids.map((id, i) => [id, i])) };
}

/** A framework of competencies A1, A2, … in one row (the walk is their order), and a store over it. */
function row(n: number) {
  const fw = createFramework();
  const ids: CompetencyId[] = [];
  for (let i = 0; i < n; i++) {
    const c = createCompetency({ code: `A${i + 1}`, position: { x: i * 300, y: 0 } });
    fw.competencies[c.id] = c;
    ids.push(c.id);
  }
  return { store: createEditorStore({ framework: fw }), ids };
}

/** Where the focus goes after Undo (or Redo) in `store`, with `current` focused. */
function afterStep(store: ReturnType<typeof row>['store'], step: 'undo' | 'redo', current: string | undefined) {
  const before: Framework = store.getSnapshot().doc.framework;
  const walkBefore = readingOrder(before.competencies);
  store[step]();
  const after = store.getSnapshot().doc.framework;
  return focusAfterStep(before, after, { before: walkBefore, after: readingOrder(after.competencies) }, current);
}

describe('focus after Delete on the map (focusAfterRemoval)', () => {
  const walk = walkOf(['a', 'b', 'c', 'd', 'e']);
  it('goes to the next competency of the walk where the deleted one was', () => {
    expect(focusAfterRemoval(walk, new Set(['b']), 'b')).toBe('c');
  });
  it('to the previous one when the deleted one was the last', () => {
    expect(focusAfterRemoval(walk, new Set(['e']), 'e')).toBe('d');
    expect(focusAfterRemoval(walk, new Set(['d', 'e']), 'd')).toBe('c');
  });
  it('skips the other deleted ones and the ones in collapsed domains', () => {
    expect(focusAfterRemoval(walk, new Set(['b', 'c']), 'b')).toBe('d');
    expect(focusAfterRemoval(walk, new Set(['b']), 'b', new Set(['c', 'd']))).toBe('e');
    expect(focusAfterRemoval(walk, new Set(['d']), 'd', new Set(['e', 'c']))).toBe('b');
  });
  it('without a focused card, starts from the first deleted one in the walk', () => {
    expect(focusAfterRemoval(walk, new Set(['d', 'b']))).toBe('c');
  });
  it('finds none when nothing is left to walk (the map takes the focus)', () => {
    expect(focusAfterRemoval(walk, new Set(['a', 'b', 'c', 'd', 'e']), 'c')).toBeUndefined();
    expect(focusAfterRemoval(walk, new Set(['a', 'b']), 'a', new Set(['c', 'd', 'e']))).toBeUndefined();
  });
  it('is the nearest one left after the place, else the nearest before it, for any walk and deletion', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.nat({ max: 11 })), fc.array(fc.nat({ max: 11 })), fc.nat({ max: 11 }), (n, goneIdx, hiddenIdx, a) => {
        const ids = Array.from({ length: n }, (_, i) => `c${i}`);
        const gone = new Set(goneIdx.filter((i) => i < n).map((i) => ids[i]!));
        const anchor = ids[a % n]!;
        gone.add(anchor);
        const hidden = new Set(hiddenIdx.filter((i) => i < n).map((i) => ids[i]!));
        const left = ids.filter((id) => !gone.has(id) && !hidden.has(id));
        const at = ids.indexOf(anchor);
        const want = left.find((id) => ids.indexOf(id) > at) ?? left.filter((id) => ids.indexOf(id) < at).at(-1);
        expect(focusAfterRemoval(walkOf(ids), gone, anchor, hidden)).toBe(want);
      }),
    );
  });
});

describe('what a step touched (stepTouches)', () => {
  it('sees competencies added, changed and removed, and both ends of a changed link', () => {
    const { store, ids } = row(4);
    const fw0 = store.getSnapshot().doc.framework;
    store.run(linkPrerequisite({ id: newId<LinkId>(), from: ids[0]!, to: ids[2]! }));
    const fw1 = store.getSnapshot().doc.framework;
    expect(stepTouches(fw0, fw1)).toEqual({ added: [], changed: [ids[0], ids[2]], removed: [] });
    store.run(deleteCompetencies([ids[2]!]));
    const fw2 = store.getSnapshot().doc.framework;
    // the link went with it: its other end changed
    expect(stepTouches(fw1, fw2)).toEqual({ added: [], changed: [ids[0]], removed: [ids[2]] });
    expect(stepTouches(fw2, fw1)).toEqual({ added: [ids[2]], changed: [ids[0]], removed: [] });
    store.run(updateCompetency(ids[3]!, { statement: 'Counts to 100' }));
    expect(stepTouches(fw2, store.getSnapshot().doc.framework)).toEqual({ added: [], changed: [ids[3]], removed: [] });
    expect(stepTouches(fw2, fw2)).toEqual({ added: [], changed: [], removed: [] });
  });
});

describe('focus after Undo / Redo on the map (focusAfterStep)', () => {
  it('Undo of a Delete: the card it brought back; Redo: the next one, as after Delete', () => {
    const { store, ids } = row(4);
    store.run(deleteCompetencies([ids[1]!]));
    // the focus had moved on to A3 after the Delete
    expect(afterStep(store, 'undo', ids[2])).toEqual({ kind: 'card', focus: ids[1], select: [ids[1]] });
    expect(afterStep(store, 'redo', ids[1])).toEqual({ kind: 'card', focus: ids[2], select: [ids[2]] });
  });

  it('Undo of deleting several: all of them back and selected, the focus on the first in the walk', () => {
    const { store, ids } = row(5);
    store.run(deleteCompetencies([ids[3]!, ids[1]!]));
    expect(afterStep(store, 'undo', ids[2])).toEqual({ kind: 'card', focus: ids[1], select: [ids[1], ids[3]] });
  });

  it('Undo of deleting every competency brings the focus back; Redo leaves only the map', () => {
    const { store, ids } = row(2);
    store.run(deleteCompetencies(ids));
    expect(afterStep(store, 'undo', undefined)).toEqual({ kind: 'card', focus: ids[0], select: [ids[0], ids[1]] });
    expect(afterStep(store, 'redo', ids[0])).toEqual({ kind: 'map' });
  });

  it('Undo of N (the new card goes): the next card where it was, or the focus stays where the user moved it', () => {
    const { store, ids } = row(3);
    const fresh = newId<CompetencyId>();
    store.run(addCompetency({ id: fresh, code: 'NEW', position: { x: 450, y: 0 } }));
    expect(afterStep(store, 'undo', fresh)).toEqual({ kind: 'card', focus: ids[2], select: [ids[2]] });
    store.redo();
    expect(afterStep(store, 'undo', ids[0])).toEqual({ kind: 'card', focus: ids[0], select: [ids[0]] });
  });

  it('Undo of a link, an edit or a move: the touched card, the focused one if it is one of them', () => {
    const { store, ids } = row(4);
    store.run(linkPrerequisite({ id: newId<LinkId>(), from: ids[0]!, to: ids[2]! }));
    expect(afterStep(store, 'undo', ids[2])).toEqual({ kind: 'card', focus: ids[2], select: [ids[2]] });
    expect(afterStep(store, 'redo', ids[3])).toEqual({ kind: 'card', focus: ids[0], select: [ids[0]] });
    store.run(updateCompetency(ids[3]!, { statement: 'Counts to 100' }));
    expect(afterStep(store, 'undo', ids[0])).toEqual({ kind: 'card', focus: ids[3], select: [ids[3]] });
    store.run(moveCompetencies({ [ids[1]!]: { x: 310, y: 10 } }, 'nudge'));
    expect(afterStep(store, 'undo', undefined)).toEqual({ kind: 'card', focus: ids[1], select: [ids[1]] });
  });

  it('stays put after a step that touched no competency (the framework title)', () => {
    const { store, ids } = row(2);
    const before = store.getSnapshot().doc.framework;
    const after = { ...before, title: 'Number sense' };
    expect(focusAfterStep(before, after, { before: readingOrder(before.competencies), after: readingOrder(after.competencies) }, ids[0])).toBeNull();
  });
});

describe('link from here (K, then Enter on the competency that requires it)', () => {
  it('links prerequisite → dependent as one undo step and says so', () => {
    const { store, ids } = row(3);
    startLinking(store, ids[0]!);
    expect(store.getSnapshot().session.linking).toEqual({ from: ids[0] });
    expect(finishLinking(store, ids[2]!)).toBe(true);
    const links = [...store.getSnapshot().doc.framework.prerequisites.values()];
    expect(links.map((l) => [l.from, l.to])).toEqual([[ids[0], ids[2]]]);
    const s = store.getSnapshot();
    expect(s.session.linking).toBeNull();
    expect(s.session.selection.competencies).toEqual([ids[2]]);
    expect(s.session.notice?.message).toBe('Linked A1 → A3: A3 now requires A1. Undo with Ctrl+Z.');
    expect(s.undoDepth).toBe(1);
    store.undo();
    expect(store.getSnapshot().doc.framework.prerequisites.size).toBe(0);
  });

  it('refuses a cycle with the same words as everywhere else, and goes on linking', () => {
    const { store, ids } = row(3);
    store.run(linkPrerequisite({ id: newId<LinkId>(), from: ids[1]!, to: ids[0]! }));
    startLinking(store, ids[0]!);
    expect(finishLinking(store, ids[1]!)).toBe(false);
    const s = store.getSnapshot();
    expect(s.session.notice).toMatchObject({ kind: 'error', message: expect.stringMatching(/^This link would make a prerequisite cycle: A1 → A2 → A1\./) });
    expect(s.session.linking).toEqual({ from: ids[0] });
    expect(s.doc.framework.prerequisites.size).toBe(1);
    expect(finishLinking(store, ids[2]!)).toBe(true);
  });

  it('Enter on the start itself says to move first; Escape (cancel) makes no link', () => {
    const { store, ids } = row(2);
    startLinking(store, ids[0]!);
    expect(finishLinking(store, ids[0]!)).toBe(false);
    expect(store.getSnapshot().session.notice?.message).toMatch(/^This is A1 itself: move to the competency that requires it/);
    cancelLinking(store);
    expect(store.getSnapshot().session.linking).toBeNull();
    expect(store.getSnapshot().session.notice?.message).toBe('Linking cancelled: no link was made.');
    expect(store.getSnapshot().doc.framework.prerequisites.size).toBe(0);
  });

  it('stops when the start is deleted (or its add undone)', () => {
    const { store, ids } = row(2);
    startLinking(store, ids[0]!);
    store.run(deleteCompetencies([ids[0]!]));
    expect(store.getSnapshot().session.linking).toBeNull();
    store.undo();
    startLinking(store, ids[1]!);
    store.run(updateCompetency(ids[0]!, { statement: 'x' }));
    expect(store.getSnapshot().session.linking).toEqual({ from: ids[1] });
  });
});
