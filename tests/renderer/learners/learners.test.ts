import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworkText, serializeFramework } from '../../../src-core/format/frameworkFile';
import { learnerStatus } from '../../../src-core/progress/mastery';
import { loadComparisonFromText, loadProgressFromText, recordPhase, startProgress } from '../../../src-renderer/src/features/learners/actions';
import { createLearnersStore, initialLearnersState } from '../../../src-renderer/src/features/learners/learnersStore';
import { overlayCss, overlayInputOf } from '../../../src-renderer/src/features/learners/overlay';
import { phaseColors } from '../../../src-renderer/src/features/learners/phaseColors';

const root = join(import.meta.dirname, '../../..');
const loaded = loadFrameworkText(readFileSync(join(root, 'tests/fixtures/progress/fractions-mini.json'), 'utf8'));
if (!loaded.ok) throw new Error(loaded.error.message);
const fw = loaded.value.framework;
const csv = readFileSync(join(root, 'tests/fixtures/progress/fractions-mini.csv'), 'utf8');
const id = (code: string) => Object.values(fw.competencies).find((c) => c.code === code)!.id;
const sel = (code: string) => `.react-flow__node[data-id="${id(code)}"]`;

function storeWithProgress() {
  const store = createLearnersStore(initialLearnersState(new Date('2026-02-01T00:00:00Z')));
  expect(loadProgressFromText(fw, csv, 'class.csv', store)).toBe(true);
  return store;
}

describe('learners store actions', () => {
  it('imports a progress CSV, selects the first learner and says what it read', () => {
    const s = storeWithProgress().getSnapshot();
    expect(s.progress!.learners.map((l) => l.id)).toEqual(['ana', 'ben', 'cai']);
    expect(s.learnerId).toBe('ana');
    expect(s.message).toEqual({ kind: 'info', text: 'Imported 6 records for 3 learners from class.csv.', details: [], action: expect.objectContaining({ label: 'Undo' }) });
  });

  it('counts one record and one learner in the singular, from a CSV and from a progress file', () => {
    const store = createLearnersStore(initialLearnersState(new Date('2026-02-01T00:00:00Z')));
    expect(loadProgressFromText(fw, 'learner,competency,phase,date\nana,G.1,Proficient,2026-01-12\n', 'ana.csv', store)).toBe(true);
    expect(store.getSnapshot().message!.text).toBe('Imported 1 record for 1 learner from ana.csv.');
    const file = readFileSync(join(root, 'tests/fixtures/progress/progress-v1.json'), 'utf8').replace(/,\s*\{ "learnerId": "ana", "competencyId": "[^"]+8", [^}]+\},\s*\{ "learnerId": "ben"[^}]+\}/, '').replace(/,\s*\{ "id": "ben"[^}]+\}/, '');
    expect(loadProgressFromText(fw, file, 'ana.progress.json', store)).toBe(true);
    expect(store.getSnapshot().message!.text).toBe('Opened 1 record for 1 learner from ana.progress.json.');
  });

  it('refuses a CSV with bad rows, keeps the previous progress and lists every bad row', () => {
    const store = storeWithProgress();
    const before = store.getSnapshot().progress;
    const bad = 'learner,competency,phase,date,evidence\nana,NF.9,Proficient,2026-01-01,\nana,NF.1,Great,2026-01-01,\n';
    expect(loadProgressFromText(fw, bad, 'bad.csv', store)).toBe(false);
    const s = store.getSnapshot();
    expect(s.progress).toBe(before);
    expect(s.message!.kind).toBe('error');
    expect(s.message!.text).toBe('bad.csv: nothing was imported — 2 problems in its rows. Fix them in the spreadsheet and import again.');
    // Every problem where it is in words (row, column header) and what is wrong, its cell apart.
    expect(s.message!.problems).toEqual([
      { text: 'row 2, column "competency": no competency in this framework has the code or id "NF.9"', path: 'B2' },
      { text: 'row 3, column "phase": "Great" is not a mastery phase of this framework (the scale is Beginning, Developing, Proficient, Advanced)', path: 'C3' },
    ]);
  });

  it('refuses a CSV with a header and no rows, keeping the progress already open', () => {
    const store = storeWithProgress();
    const before = store.getSnapshot().progress;
    expect(loadProgressFromText(fw, 'learner,competency,phase,date,evidence\n', 'empty.csv', store)).toBe(false);
    expect(store.getSnapshot().progress).toBe(before);
    expect(store.getSnapshot().message).toEqual({ kind: 'error', text: 'empty.csv has a header but no rows of progress below it: nothing was imported.' });
  });

  it('says in one line what is wrong with a CSV as a whole (no header, a workbook), without a list', () => {
    const store = createLearnersStore();
    expect(loadProgressFromText(fw, 'student,score\nana,3\n', 'marks.csv', store)).toBe(false);
    expect(store.getSnapshot().message).toEqual({
      kind: 'error',
      text: 'marks.csv: the header (row 1) has no "competency", "phase", "date" columns: a progress CSV needs learner, competency, phase and date (evidence and name are optional); it has "student", "score"',
    });
    expect(loadProgressFromText(fw, 'PK\u0003\u0004rest', 'class.xlsx', store)).toBe(false);
    expect(store.getSnapshot().message!.text).toMatch(/^class\.xlsx: This file is an Excel or OpenDocument workbook, not a CSV/);
    expect(store.getSnapshot().message!.problems).toBeUndefined();
  });

  it('lists a single bad row too, and says when more problems were found than listed', () => {
    const store = createLearnersStore();
    expect(loadProgressFromText(fw, 'learner,competency,phase,date\nana,NF.1,Proficient,2026-02-30\n', 'one.csv', store)).toBe(false);
    expect(store.getSnapshot().message).toEqual({
      kind: 'error',
      text: 'one.csv: nothing was imported — a row has a problem. Fix it in the spreadsheet and import again.',
      problems: [{ text: 'row 2, column "date": "2026-02-30" is not a real date: February 2026 has no day 30', path: 'D2' }],
    });
    const rows = Array.from({ length: 1005 }, () => 'ana,NF.1,Proficient,never');
    expect(loadProgressFromText(fw, ['learner,competency,phase,date', ...rows].join('\n'), 'big.csv', store)).toBe(false);
    const m = store.getSnapshot().message!;
    expect(m.text).toBe('big.csv: nothing was imported — 1,005 problems in its rows. Fix them in the spreadsheet and import again.');
    expect(m.problems!.length).toBe(1001);
    expect(m.problems![1000]).toEqual({ text: '… and 5 more problems after these (not listed)' });
  });

  it('lists every problem of a progress file (JSON) that breaks its format', () => {
    const store = createLearnersStore();
    const bad = JSON.stringify({ format: 'progressions.progress', formatVersion: 1, frameworkId: 'x', learners: [{ id: 'a', name: 'A' }], records: [{ learnerId: 'a', competencyId: 'c', phaseId: 'p', date: '2026-02-30', evidence: '' }, { learnerId: 'b', competencyId: 'c', phaseId: 'p', date: '2026-01-01', evidence: '' }] });
    expect(loadProgressFromText(fw, bad, 'p.json', store)).toBe(false);
    const m = store.getSnapshot().message!;
    expect(m.text).toBe('p.json: it does not match the progress file format (2 problems).');
    expect(m.problems).toEqual([
      { text: 'record 1 (learner "a", 2026-02-30): date "2026-02-30" is not a real calendar date', path: '/records/0/date' },
      { text: `record 2 (learner "b", 2026-01-01): learner "b" is not one of the file's learners`, path: '/records/1/learnerId' },
    ]);
  });

  it('records a phase typed in for a learner, which changes what is ready next', () => {
    const store = storeWithProgress();
    const threshold = fw.phases.find((p) => p.threshold)!.id;
    recordPhase({ learnerId: 'ana', competencyId: id('NF.2'), phaseId: threshold, date: '2026-02-01', evidence: 'number line' }, store);
    const s = store.getSnapshot();
    expect(s.dirty).toBe(true);
    expect(learnerStatus(fw, s.progress!, 'ana').ready).toEqual([id('NF.3')]);
  });

  it('starts progress by hand with a new learner', () => {
    const store = createLearnersStore();
    startProgress(fw, '  dee ', store);
    const s = store.getSnapshot();
    expect(s.progress).toMatchObject({ frameworkId: fw.id, learners: [{ id: 'dee', name: 'dee' }], records: [] });
    expect(s.learnerId).toBe('dee');
  });

  it('compares with another version of the framework (the other file is the older one)', () => {
    const store = createLearnersStore();
    const older = structuredClone(fw);
    delete older.competencies[id('NF.4')];
    for (const [k, l] of [...older.prerequisites.entries()]) if (l.to === id('NF.4')) older.prerequisites.delete(k);
    older.competencies[id('NF.1')]!.statement = 'Old wording';
    const text = serializeFramework(older);
    expect(loadComparisonFromText(fw, text, 'v0.json', store)).toBe(true);
    const c = store.getSnapshot().compare!;
    expect(c.diff.competencies.added).toEqual([id('NF.4')]);
    expect(c.diff.competencies.changed).toEqual([{ id: id('NF.1'), fields: ['statement'] }]);
    expect(loadComparisonFromText(fw, '{"nope": 1}', 'x.json', store)).toBe(false);
    expect(store.getSnapshot().message!.kind).toBe('error');
  });
});

describe('canvas overlay style sheet', () => {
  it('colours nodes by the learner’s phase, outlines ready next, fades blocked, ticks mastered', () => {
    const store = storeWithProgress();
    const input = overlayInputOf(fw, store.getSnapshot())!;
    const css = overlayCss(input);
    const developing = fw.phases.find((p) => p.label === 'Developing')!.id;
    expect(css).toContain(`${sel('NF.2')} .cnode { background: ${phaseColors(fw.phases).get(developing)!.fill} !important; --text: #1f2328; --text-2: #343a40; --muted: #4a5058; --border: #c7ccd1; outline: 3px dashed`);
    expect(css).toContain(`${sel('NF.3')} .cnode:not(.is-dimmed) { opacity: 0.55`);
    expect(css).toContain(`${sel('G.1')} .cnode { background: #d3f9d8 !important; --text: #1f2328; --text-2: #343a40; --muted: #4a5058; --border: #c7ccd1; outline: 3px solid #2b8a3e`);
    expect(css).toContain(`${sel('G.1')}::after { content: "✓"`);
    expect(css).not.toContain('::before');
  });

  it('numbers the suggested path when asked', () => {
    const store = storeWithProgress();
    store.set({ showPath: true, overlay: false });
    const css = overlayCss(overlayInputOf(fw, store.getSnapshot())!);
    expect(css).toContain(`${sel('NF.2')}::before { content: "1"`);
    expect(css).toContain(`${sel('NF.4')}::before { content: "3"`);
    expect(css).not.toContain(sel('G.1'));
  });

  it('shows nothing without progress, path or comparison', () => {
    expect(overlayInputOf(fw, initialLearnersState())).toBeNull();
  });

  it('gives the threshold phase green and phases below it warm colours', () => {
    const c = phaseColors(fw.phases);
    expect(c.get(fw.phases[2]!.id)!.fill).toBe('#d3f9d8');
    expect(c.get(fw.phases[0]!.id)!.fill).not.toBe(c.get(fw.phases[1]!.id)!.fill);
  });
});
