import { describe, expect, it } from 'vitest';
import { addCompetency, deleteCompetencies, moveCompetencies, updateCompetency } from '../../src-core/commands/competencies';
import { linkPrerequisite } from '../../src-core/commands/links';
import { createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId, type LinkId } from '../../src-core/model/ids';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

function setup() {
  const store = createEditorStore({ framework: createFramework({ title: 'Fractions' }) });
  const ids = ['3.NF.A.1', '3.NF.A.2', '3.NF.A.3'].map((code) => {
    const id = newId<CompetencyId>();
    expect(store.run(addCompetency({ id, code, statement: `Statement ${code}` })).ok).toBe(true);
    return id;
  });
  return { store, ids: ids as [CompetencyId, CompetencyId, CompetencyId] };
}
const fw = (s: ReturnType<typeof setup>['store']) => s.getSnapshot().doc.framework;
const link = (from: CompetencyId, to: CompetencyId) => linkPrerequisite({ id: newId<LinkId>(), from, to });

describe('editor store: commands and history', () => {
  it('records each command as one labelled undo step and undoes/redoes it', () => {
    const { store, ids } = setup();
    expect(store.run(link(ids[0], ids[1])).ok).toBe(true);
    expect(store.getSnapshot().undoLabel).toBe('link 3.NF.A.1 → 3.NF.A.2');
    expect([...fw(store).prerequisites.keys()]).toHaveLength(1);

    expect(store.undo()).toBe('link 3.NF.A.1 → 3.NF.A.2');
    expect([...fw(store).prerequisites.keys()]).toHaveLength(0);
    expect(store.getSnapshot().redoLabel).toBe('link 3.NF.A.1 → 3.NF.A.2');

    expect(store.redo()).toBe('link 3.NF.A.1 → 3.NF.A.2');
    expect([...fw(store).prerequisites.keys()]).toHaveLength(1);
  });

  it('keeps unlimited history: every step can be undone back to the empty framework', () => {
    const store = createEditorStore({ framework: createFramework() });
    const start = store.getSnapshot().doc.framework;
    for (let i = 0; i < 300; i++) store.run(addCompetency({ id: newId<CompetencyId>(), code: `C${i}` }));
    expect(store.getSnapshot().undoDepth).toBe(300);
    while (store.undo());
    expect(fw(store).competencies).toEqual(start.competencies);
    expect(fw(store).lastChangeDateTime).toBe(start.lastChangeDateTime);
  });

  it('drops redo when a new command follows an undo', () => {
    const { store, ids } = setup();
    store.run(link(ids[0], ids[1]));
    store.undo();
    expect(store.getSnapshot().redoDepth).toBe(1);
    store.run(updateCompetency(ids[2], { statement: 'Changed' }));
    expect(store.getSnapshot().redoDepth).toBe(0);
    expect(store.redo()).toBeNull();
    expect([...fw(store).prerequisites.keys()]).toHaveLength(0);
  });

  it('a refused command changes nothing: same document, same history, redo kept', () => {
    const { store, ids } = setup();
    store.run(link(ids[0], ids[1]));
    store.run(link(ids[1], ids[2]));
    store.run(updateCompetency(ids[2], { notes: 'x' }));
    store.undo();
    const before = store.getSnapshot();
    const out = store.run(link(ids[2], ids[0]));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.message).toContain('3.NF.A.3 → 3.NF.A.1 → 3.NF.A.2 → 3.NF.A.3');
    const after = store.getSnapshot();
    expect(after).toBe(before); // not even a new snapshot
    expect(after.redoDepth).toBe(1);
  });

  it('a command that changes nothing adds no undo step', () => {
    const { store, ids } = setup();
    const depth = store.getSnapshot().undoDepth;
    const c = fw(store).competencies[ids[0]]!;
    store.run(moveCompetencies({ [ids[0]]: { ...c.position } }));
    expect(store.getSnapshot().undoDepth).toBe(depth);
  });

  it('a drag is one undo step: many positions moved by one command', () => {
    const { store, ids } = setup();
    store.setSession({ dragPositions: { [ids[0]]: { x: 5, y: 5 } } }); // the gesture: session only
    expect(fw(store).competencies[ids[0]]!.position).toEqual({ x: 0, y: 0 });
    store.setSession({ dragPositions: null });
    store.run(moveCompetencies({ [ids[0]]: { x: 100, y: 40 }, [ids[1]]: { x: 300, y: 40 } }));
    store.undo();
    expect(fw(store).competencies[ids[0]]!.position).toEqual({ x: 0, y: 0 });
    expect(fw(store).competencies[ids[1]]!.position).toEqual({ x: 0, y: 0 });
  });
});

describe('editor store: session state', () => {
  it('selection is not undoable and does not clear redo', () => {
    const { store, ids } = setup();
    store.run(link(ids[0], ids[1]));
    store.undo();
    store.setSession({ selection: { competencies: [ids[0]], links: [] } });
    store.setSession({ focus: { id: ids[0], depth: 2 }, search: { open: true, query: 'NF' } });
    expect(store.getSnapshot().redoDepth).toBe(1);
    expect(store.redo()).toBe('link 3.NF.A.1 → 3.NF.A.2');
    expect(store.getSnapshot().session.selection.competencies).toEqual([ids[0]]);
  });

  it('deleted ids leave the selection; undo brings back the selection the step was made with', () => {
    const { store, ids } = setup();
    store.setSession({ selection: { competencies: [ids[0], ids[1]], links: [] }, focus: { id: ids[0], depth: 1 } });
    store.run(deleteCompetencies([ids[0]]));
    expect(store.getSnapshot().session.selection.competencies).toEqual([ids[1]]);
    expect(store.getSnapshot().session.focus).toBeNull();
    store.undo();
    expect(fw(store).competencies[ids[0]]).toBeDefined();
    expect(store.getSnapshot().session.selection.competencies).toEqual([ids[0], ids[1]]);
  });

  it('notifies subscribers with a new snapshot on every change', () => {
    const { store, ids } = setup();
    let calls = 0;
    const off = store.subscribe(() => calls++);
    const s0 = store.getSnapshot();
    store.setSession({ panel: 'framework' });
    store.run(updateCompetency(ids[0], { statement: 'x' }));
    store.undo();
    off();
    store.redo();
    expect(calls).toBe(3);
    expect(store.getSnapshot()).not.toBe(s0);
  });
});

describe('editor store: dirty tracking', () => {
  it('is clean after load and save, dirty after an edit, clean again when undone to the saved state', () => {
    const { store, ids } = setup();
    expect(store.getSnapshot().dirty).toBe(true);
    store.markSaved({ name: 'fractions.json', docToken: null });
    expect(store.getSnapshot().dirty).toBe(false);
    expect(store.getSnapshot().doc.name).toBe('fractions.json');

    store.run(updateCompetency(ids[0], { statement: 'Edited' }));
    expect(store.getSnapshot().dirty).toBe(true);
    store.undo();
    expect(store.getSnapshot().dirty).toBe(false);
    store.redo();
    expect(store.getSnapshot().dirty).toBe(true);
    store.setSession({ selection: { competencies: [ids[1]], links: [] } });
    expect(store.getSnapshot().dirty).toBe(true);
  });

  it('an edit undone, then a different edit, stays dirty', () => {
    const { store, ids } = setup();
    store.run(updateCompetency(ids[0], { statement: 'A' }));
    store.markSaved({ name: 'f.json', docToken: null });
    store.undo();
    expect(store.getSnapshot().dirty).toBe(true);
    store.run(updateCompetency(ids[0], { statement: 'B' }));
    expect(store.getSnapshot().dirty).toBe(true);
  });

  it('loading a document clears history; a restored document can start dirty', () => {
    const { store } = setup();
    store.load({ framework: createFramework({ title: 'Other' }), name: 'other.json', docToken: null });
    expect(store.getSnapshot()).toMatchObject({ dirty: false, undoDepth: 0, redoDepth: 0 });
    store.load({ framework: createFramework(), name: 'Recovered', docToken: null }, { dirty: true });
    expect(store.getSnapshot().dirty).toBe(true);
  });
});

describe('batch', () => {
  it('runs several commands as one undo step, or refuses them all', async () => {
    const { batch } = await import('../../src-renderer/src/store/batch');
    const { store, ids } = setup();
    const before = fw(store);
    const r = store.run(batch('edit 2', [updateCompetency(ids[0], { notes: 'a' }), updateCompetency(ids[1], { notes: 'b' })]));
    expect(r.ok).toBe(true);
    expect(store.getSnapshot().undoLabel).toBe('edit 2');
    store.undo();
    expect(fw(store).competencies).toEqual(before.competencies);

    const refused = store.run(batch('half', [updateCompetency(ids[0], { notes: 'x' }), link(ids[0], ids[0])]));
    expect(refused.ok).toBe(false);
    expect(fw(store).competencies[ids[0]]!.notes).toBe('');
  });
});
