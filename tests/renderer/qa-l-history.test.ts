import { describe, expect, it } from 'vitest';
import { addCompetency, updateCompetency } from '../../src-core/commands/competencies';
import type { LinkId } from '../../src-core/model/ids';
import { createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId } from '../../src-core/model/ids';
import { copySelection, deleteSelection, duplicateSelection, pasteText } from '../../src-renderer/src/canvas/actions';
import { loadProgressFromText, recordPhase, startProgress } from '../../src-renderer/src/features/learners/actions';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';
import { makeFramework } from '../unit/progress/helpers';
import { learnersWindow } from './helpers/learnersFixture';

/** The example's shape: a map with three competencies, a class's progress open beside it, one history for both. */
function teacher() {
  const { fw, editor, store: learners, id, proficient } = learnersWindow();
  loadProgressFromText(fw, `learner_id,learner_name,competency,phase,date,evidence\nmaya,Maya R.,FR.1,${proficient.label},2026-10-01,quiz\n`, 'class.csv', learners);
  expect(learners.getSnapshot().progress?.records).toHaveLength(1);
  return { fw, editor, learners, id, proficient };
}

describe('Ctrl+Z after recording progress (one history for the map and the progress)', () => {
  it('undoes the recorded phase, not the last map edit, and redo records it again', () => {
    const { fw, editor, learners, id, proficient } = teacher();
    expect(editor.run(updateCompetency(id('FR.3'), { statement: 'Compares fractions' })).ok).toBe(true);
    recordPhase({ learnerId: 'maya', competencyId: id('FR.2'), phaseId: proficient.id, date: '2026-10-20', evidence: 'exit ticket' }, learners, fw);
    expect(learners.getSnapshot().progress!.records).toHaveLength(2);
    expect(editor.getSnapshot().undoLabel).toBe(`record FR.2 at ${proficient.label} for Maya R.`);

    expect(editor.undo()).toBe(`record FR.2 at ${proficient.label} for Maya R.`);
    expect(learners.getSnapshot().progress!.records).toHaveLength(1);
    expect(learners.getSnapshot().message?.text).toBe(`Took back FR.2 at ${proficient.label} for Maya R. (2026-10-20).`);
    // the map edit is still there, and is what Undo would do next
    expect(editor.getSnapshot().doc.framework.competencies[id('FR.3')]!.statement).toBe('Compares fractions');
    expect(editor.getSnapshot().undoLabel).toBe('edit statement of FR.3');
    expect(editor.getSnapshot().redoLabel).toBe(`record FR.2 at ${proficient.label} for Maya R.`);

    expect(editor.redo()).toBe(`record FR.2 at ${proficient.label} for Maya R.`);
    expect(learners.getSnapshot().progress!.records.map((r) => r.evidence)).toEqual(['quiz', 'exit ticket']);

    // back past the record: then the map edit (the progress as it was), then the import (no progress at all)
    editor.undo();
    expect(editor.undo()).toBe('edit statement of FR.3');
    expect(learners.getSnapshot().progress!.records).toHaveLength(1);
    expect(editor.undo()).toBe('import progress class.csv');
    expect(learners.getSnapshot().progress).toBeNull();
    expect(learners.getSnapshot().message?.text).toBe('Took back the import of class.csv: no progress is open.');
  });

  it('undoing an import over other progress says which progress is back', () => {
    const { fw, editor, learners, proficient } = teacher();
    loadProgressFromText(fw, `learner_id,learner_name,competency,phase,date,evidence\nleo,Leo,FR.1,${proficient.label},2026-10-02,quiz\n`, 'other.csv', learners);
    expect(learners.getSnapshot().sourceName).toBe('other.csv');
    editor.undo();
    expect(learners.getSnapshot().sourceName).toBe('class.csv');
    expect(learners.getSnapshot().progress!.learners.map((l) => l.id)).toEqual(['maya']);
    expect(learners.getSnapshot().message?.text).toBe('Took back the import of other.csv: the progress from class.csv is back.');
  });

  it('progress never enters the framework: its steps change neither the document, nor its revision, nor dirty', () => {
    const { fw, editor, learners, id, proficient } = teacher();
    editor.markSaved({ name: 'fractions.json', docToken: null });
    const before = editor.getSnapshot().doc;
    recordPhase({ learnerId: 'maya', competencyId: id('FR.2'), phaseId: proficient.id, date: '2026-10-20', evidence: '' }, learners, fw);
    editor.undo();
    editor.redo();
    expect(editor.getSnapshot().doc.framework).toBe(before.framework);
    expect(editor.getSnapshot().doc.revision).toBe(before.revision);
    expect(editor.getSnapshot().dirty).toBe(false);
    expect(JSON.stringify(editor.getSnapshot().doc.framework)).not.toContain('maya');
  });

  it('the progress is "not saved" again only while it differs from what was opened', () => {
    const { fw, editor, learners, id, proficient } = teacher();
    expect(learners.getSnapshot().dirty).toBe(false);
    recordPhase({ learnerId: 'maya', competencyId: id('FR.2'), phaseId: proficient.id, date: '2026-10-20', evidence: '' }, learners, fw);
    expect(learners.getSnapshot().dirty).toBe(true);
    editor.undo();
    expect(learners.getSnapshot().dirty).toBe(false);
    editor.redo();
    expect(learners.getSnapshot().dirty).toBe(true);
  });

  it('a new learner added by hand is one step too; a map edit after an undo drops the progress redo', () => {
    const { editor, learners } = teacher();
    startProgress(editor.getSnapshot().doc.framework, 'Noah', learners);
    expect(editor.getSnapshot().undoLabel).toBe('add learner Noah');
    expect(editor.undo()).toBe('add learner Noah');
    expect(learners.getSnapshot().progress!.learners.map((l) => l.id)).toEqual(['maya']);
    expect(learners.getSnapshot().learnerId).toBe('maya');
    editor.run(addCompetency({ id: newId<CompetencyId>(), code: 'FR.4' }));
    expect(editor.getSnapshot().redoLabel).toBeNull();
  });

  it("the notice's Undo is Ctrl+Z while the record is the last step (Redo brings it back)", () => {
    const { fw, editor, learners, id, proficient } = teacher();
    recordPhase({ learnerId: 'maya', competencyId: id('FR.3'), phaseId: proficient.id, date: '2026-10-20', evidence: '' }, learners, fw);
    learners.getSnapshot().message!.action!.run();
    expect(learners.getSnapshot().progress!.records).toHaveLength(1);
    expect(editor.getSnapshot().redoLabel).toBe(`record FR.3 at ${proficient.label} for Maya R.`);
    editor.redo();
    expect(learners.getSnapshot().progress!.records).toHaveLength(2);
  });

  it('opening another framework keeps the progress steps undoable (the progress stays open)', () => {
    const { fw, editor, learners, id, proficient } = teacher();
    recordPhase({ learnerId: 'maya', competencyId: id('FR.2'), phaseId: proficient.id, date: '2026-10-20', evidence: '' }, learners, fw);
    editor.load({ framework: createFramework({ title: 'Other' }), name: 'other.json', docToken: null });
    expect(editor.getSnapshot().undoLabel).toBe(`record FR.2 at ${proficient.label} for Maya R.`);
    editor.undo();
    expect(learners.getSnapshot().progress!.records).toHaveLength(1);
  });

  it('a step whose progress was changed another way is not undone, and nothing else is either', () => {
    const { fw, editor, learners, id, proficient } = teacher();
    editor.run(updateCompetency(id('FR.3'), { statement: 'Kept' }));
    recordPhase({ learnerId: 'maya', competencyId: id('FR.2'), phaseId: proficient.id, date: '2026-10-20', evidence: '' }, learners, fw);
    const p = learners.getSnapshot().progress!;
    learners.set({ progress: { ...p, records: [] } }); // changed outside the history
    expect(editor.undo()).toBeNull();
    expect(editor.getSnapshot().session.notice?.message).toContain('Could not undo');
    expect(editor.getSnapshot().doc.framework.competencies[id('FR.3')]!.statement).toBe('Kept');
    expect(editor.getSnapshot().undoLabel).toBe('edit statement of FR.3');
  });
});

describe('undo and redo bring back the selection of the cards the step concerned', () => {
  function map() {
    const store = createEditorStore({ framework: makeFramework([{ code: 'A' }, { code: 'B' }, { code: 'C' }]) });
    const id = (code: string) => Object.values(store.getSnapshot().doc.framework.competencies).find((c) => c.code === code)!.id;
    const select = (...codes: string[]) => store.setSession({ selection: { competencies: codes.map(id), links: [] } });
    const selected = () => store.getSnapshot().session.selection.competencies.map((s) => store.getSnapshot().doc.framework.competencies[s]?.code);
    return { store, id, select, selected };
  }

  it('paste: undo selects the cards selected before the paste; redo the pasted ones', () => {
    const { store, select, selected } = map();
    select('A', 'B');
    const clip = copySelection(store)!;
    select('C');
    expect(pasteText(store, clip)).toBe(true);
    expect(selected()).toEqual(['A (copy)', 'B (copy)']);
    store.undo();
    expect(selected()).toEqual(['C']);
    store.redo();
    expect(selected()).toEqual(['A (copy)', 'B (copy)']);
  });

  it('duplicate: undo selects the originals, redo the copies', () => {
    const { store, select, selected } = map();
    select('B');
    duplicateSelection(store);
    expect(selected()).toEqual(['B (copy)']);
    store.undo();
    expect(selected()).toEqual(['B']);
    store.redo();
    expect(selected()).toEqual(['B (copy)']);
  });

  it('delete and cut: undo selects the cards that came back; redo leaves nothing deleted selected', () => {
    const { store, select, selected } = map();
    select('A', 'C');
    deleteSelection(store);
    expect(selected()).toEqual([]);
    store.undo();
    expect(selected()).toEqual(['A', 'C']);
    store.redo();
    expect(selected()).toEqual([]);
  });

  it('add competency: undo selects the card it was added beside, redo the new card', () => {
    const { store, id, select, selected } = map();
    select('B');
    const nid = newId<CompetencyId>();
    store.run(addCompetency({ id: nid, code: 'D' }));
    store.setSession({ selection: { competencies: [nid], links: [] } });
    store.undo();
    expect(selected()).toEqual(['B']);
    store.setSession({ selection: { competencies: [id('A')], links: [] } });
    store.redo();
    expect(selected()).toEqual(['D']);
  });

  it('a step made with nothing selected leaves the selection as it is', () => {
    const { store, id, select, selected } = map();
    store.run(updateCompetency(id('A'), { notes: 'n' }));
    select('C');
    store.undo();
    expect(selected()).toEqual(['C']);
  });
});

// Deleting a card with a link between two others selected read "Undo: delete 2 items": what went, by name.
describe('the undo label of a delete of cards and links together', () => {
  it('names the card and counts the links', () => {
    const store = createEditorStore({ framework: makeFramework([{ code: 'A' }, { code: 'B' }, { code: 'C', after: ['B'] }]) });
    const fw = () => store.getSnapshot().doc.framework;
    const id = (code: string) => Object.values(fw().competencies).find((c) => c.code === code)!.id;
    const link = [...fw().prerequisites.keys()][0] as LinkId;
    store.setSession({ selection: { competencies: [id('A')], links: [link] } });
    deleteSelection(store);
    expect(store.getSnapshot().undoLabel).toBe('delete A and 1 link');
    expect(fw().prerequisites.size).toBe(0);
    store.undo();
    expect(store.getSnapshot().session.selection).toEqual({ competencies: [id('A')], links: [link] });
  });
});
