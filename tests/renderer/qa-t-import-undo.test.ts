import { describe, expect, it } from 'vitest';
import { updateCompetency } from '../../src-core/commands/competencies';
import { encodingNotice } from '../../src-core/format/decodeText';
import { serializeProgress } from '../../src-core/progress/progressFile';
import { loadProgressFromText, recordPhase, replaceProgressQuestion, startProgress } from '../../src-renderer/src/features/learners/actions';
import { learnersWindow } from './helpers/learnersFixture';

// A teacher imports a class spreadsheet, then sees it was the wrong one (last term's, another class's).

function teacher() {
  const w = learnersWindow();
  const { store, proficient } = w;
  const csv = (who: string[]) => `learner,competency,phase,date\n${who.map((w) => `${w},FR.1,${proficient.label},2026-10-01`).join('\n')}\n`;
  const learners = () => store.getSnapshot().progress?.learners.map((l) => l.id) ?? null;
  return { ...w, csv, learners };
}

describe("the import message's Undo", () => {
  it('is Ctrl+Z while the import is the last step: the progress open before is back, and Redo imports it again', () => {
    const { fw, store, csv, labels, learners } = teacher();
    expect(loadProgressFromText(fw, csv(['maya', 'leo']), 'period-2.csv', store)).toBe(true);
    expect(loadProgressFromText(fw, csv(['ari']), 'period-3.csv', store)).toBe(true);
    const m = store.getSnapshot().message!;
    expect(m.text).toBe('Imported 1 record for 1 learner from period-3.csv.');
    expect(m.action!.label).toBe('Undo');
    expect(m.action!.blocked!()).toBeNull();
    m.action!.run();
    expect(learners()).toEqual(['maya', 'leo']);
    expect(store.getSnapshot().sourceName).toBe('period-2.csv');
    expect(store.getSnapshot().message!.text).toBe('Took back the import of period-3.csv: the progress from period-2.csv is back.');
    expect(store.getSnapshot().dirty).toBe(false);
    // exactly Ctrl+Z: the import is on the Redo line
    expect(labels()).toEqual(['import progress period-2.csv', 'import progress period-3.csv']);
  });

  it('after a step on the map, takes the import alone back as a step of its own, and says so first', () => {
    const { fw, editor, store, id, csv, labels, notice, learners } = teacher();
    loadProgressFromText(fw, csv(['maya']), 'right.csv', store);
    loadProgressFromText(fw, csv(['x1', 'x2']), 'wrong.csv', store);
    const m = store.getSnapshot().message!;
    editor.run(updateCompetency(id('FR.3'), { statement: 'Compares fractions' }));
    expect(editor.isLatest(m.action!.step!())).toBe(false);
    expect(m.action!.laterLabel).toBe('Take back this import');
    expect(m.action!.laterHint).toContain('takes back only the import');
    expect(m.action!.blocked!()).toBeNull();

    m.action!.run();
    expect(learners()).toEqual(['maya']);
    expect(store.getSnapshot().sourceName).toBe('right.csv');
    expect(store.getSnapshot().dirty).toBe(false);
    expect(editor.getSnapshot().doc.framework.competencies[id('FR.3')]!.statement).toBe('Compares fractions');
    expect(store.getSnapshot().message!.text).toBe('Took back the import of wrong.csv: the progress from right.csv is back. Undo puts it back.');
    expect(labels()).toEqual(['take back the import of wrong.csv', null]);

    // Ctrl+Z through all of it, then forward again, without a failure notice
    expect(editor.undo()).toBe('take back the import of wrong.csv');
    expect(learners()).toEqual(['x1', 'x2']);
    expect(store.getSnapshot().message!.text).toBe('Put back the import of wrong.csv.');
    expect(editor.undo()).toBe('edit statement of FR.3');
    expect(editor.undo()).toBe('import progress wrong.csv');
    expect(learners()).toEqual(['maya']);
    expect(editor.redo()).toBe('import progress wrong.csv');
    expect(editor.redo()).toBe('edit statement of FR.3');
    expect(editor.redo()).toBe('take back the import of wrong.csv');
    expect(learners()).toEqual(['maya']);
    expect(notice()).toBeUndefined();
  });

  it('once the progress was changed since the import, is disabled with the reason, and pressing it changes nothing', () => {
    const { fw, editor, store, id, proficient, csv, labels, learners } = teacher();
    loadProgressFromText(fw, csv(['maya']), 'class.csv', store);
    const m = store.getSnapshot().message!;
    recordPhase({ learnerId: 'maya', competencyId: id('FR.2'), phaseId: proficient.id, date: '2026-10-20', evidence: '' }, store, fw);
    expect(m.action!.blocked!()).toMatch(/^The progress was changed since this import .*undo those changes first \(Ctrl\+Z\), then the import\.$/);
    const before = store.getSnapshot().progress;
    m.action!.run();
    expect(store.getSnapshot().progress).toBe(before);
    expect(labels()[0]).toBe('record FR.2 at Proficient for maya');
    expect(store.getSnapshot().message!.text).toBe('The progress was changed since the import of class.csv: nothing was taken back. Undo those changes first (Ctrl+Z).');
    // undone back to the import, it works again
    editor.undo();
    expect(m.action!.blocked!()).toBeNull();
    m.action!.run();
    expect(learners()).toBeNull();
  });

  it('is offered for a progress file opened too', () => {
    const { fw, store, csv, labels } = teacher();
    loadProgressFromText(fw, csv(['maya']), 'class.csv', store);
    const file = serializeProgress(store.getSnapshot().progress!);
    loadProgressFromText(fw, file, 'class.progress.json', store);
    const m = store.getSnapshot().message!;
    expect(m.action!.label).toBe('Undo');
    m.action!.run();
    expect(labels()).toEqual(['import progress class.csv', 'open progress class.progress.json']);
    expect(store.getSnapshot().message!.text).toBe('Closed the progress opened from class.progress.json: the progress from class.csv is back.');
  });
});

describe('Redo of an import', () => {
  it('shows what the import said, the Windows-1252 notice included', () => {
    const { fw, editor, store, csv } = teacher();
    expect(loadProgressFromText(fw, csv(['zoë']), 'excel.csv', store, { encoding: 'windows-1252' })).toBe(true);
    const said = store.getSnapshot().message!;
    expect(said.notice).toBe(encodingNotice('windows-1252'));
    editor.undo();
    expect(store.getSnapshot().message!.notice).toBeUndefined();
    editor.redo();
    const again = store.getSnapshot().message!;
    expect(again.text).toBe(said.text);
    expect(again.notice).toBe(encodingNotice('windows-1252'));
    expect(again.action!.label).toBe('Undo');
  });

  it('a refused file still says how it was read', () => {
    const { fw, store } = teacher();
    expect(loadProgressFromText(fw, 'learner,competency,phase,date\nzoë,NOPE,Proficient,2026-10-01\n', 'excel.csv', store, { encoding: 'windows-1252' })).toBe(false);
    expect(store.getSnapshot().message!.notice).toBe(encodingNotice('windows-1252'));
  });
});

describe('the "Replace progress?" question', () => {
  it('says Undo brings the unsaved progress back until the window is closed or reloaded — and it does', () => {
    const { fw, editor, store, csv, learners } = teacher();
    startProgress(fw, 'maya', store);
    const q = replaceProgressQuestion(store)!;
    expect(q).not.toContain('will be lost');
    expect(q).toContain('Undo (Ctrl+Z) brings it back until this window is closed or reloaded');
    expect(q).toContain('Cancel, then Save progress…');
    loadProgressFromText(fw, csv(['leo']), 'class.csv', store);
    expect(learners()).toEqual(['leo']);
    editor.undo();
    expect(learners()).toEqual(['maya']);
    expect(store.getSnapshot().dirty).toBe(true);
  });
});
