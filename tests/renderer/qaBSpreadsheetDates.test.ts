import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import { loadProgressFromText } from '../../src-renderer/src/features/learners/actions';
import { createLearnersStore, initialLearnersState } from '../../src-renderer/src/features/learners/learnersStore';

const root = join(import.meta.dirname, '../..');
const loaded = loadFrameworkText(readFileSync(join(root, 'tests/fixtures/progress/fractions-mini.json'), 'utf8'));
if (!loaded.ok) throw new Error(loaded.error.message);
const fw = loaded.value.framework;
const code = Object.values(fw.competencies)[0]!.code;

describe('a teacher imports a class export whose dates Excel wrote month/day/year', () => {
  const text = `\ufeffStudent ID,Student Name,Competency Code,Proficiency,Date,Evidence,\r\nmaya,Maya R.,${code},Proficient,9/15/2026,strips,\r\nleo,Leo K.,${code},Developing,10/2/2026,,\r\n,,,,,,\r\n`;

  it('is refused at first, with a button that reads the dates and imports the class', () => {
    const store = createLearnersStore(initialLearnersState(new Date('2026-11-01T00:00:00Z')));
    expect(loadProgressFromText(fw, text, 'gradebook.csv', store)).toBe(false);
    const m = store.getSnapshot().message!;
    expect(m.kind).toBe('error');
    expect(m.text).toBe('gradebook.csv: nothing was imported yet — 2 dates are not written YYYY-MM-DD, e.g. "9/15/2026".');
    expect(m.problems!.map((p) => p.text)[0]).toContain('(did you mean 2026-09-15?)');
    expect(m.action!.label).toBe('Read dates like "9/15/2026" as 2026-09-15 and import');
    expect(store.getSnapshot().progress).toBeNull();

    m.action!.run();
    const s = store.getSnapshot();
    expect(s.progress!.records.map((r) => [r.learnerId, r.date])).toEqual([
      ['maya', '2026-09-15'],
      ['leo', '2026-10-02'],
    ]);
    expect(s.progress!.learners.map((l) => l.name)).toEqual(['Maya R.', 'Leo K.']);
    expect(s.message).toEqual({
      kind: 'info',
      text: 'Imported 2 records for 2 learners from gradebook.csv.',
      details: ['read 2 dates written another way as YYYY-MM-DD (e.g. "9/15/2026" as 2026-09-15)'],
      action: expect.objectContaining({ label: 'Undo', laterLabel: 'Take back this import' }),
    });
    // the wrong spreadsheet after all: the message's Undo takes the import back
    s.message!.action!.run();
    expect(store.getSnapshot().progress).toBeNull();
    expect(store.getSnapshot().message!.text).toBe('Took back the import of gradebook.csv: no progress is open.');
  });

  it('offers no button when the dates cannot all be read one way (the teacher must say which)', () => {
    const store = createLearnersStore(initialLearnersState(new Date('2026-11-01T00:00:00Z')));
    const mixed = `learner,competency,phase,date\nmaya,${code},Proficient,9/15/2026\nleo,${code},Proficient,15/09/2026\n`;
    expect(loadProgressFromText(fw, mixed, 'mixed.csv', store)).toBe(false);
    expect(store.getSnapshot().message!.action).toBeUndefined();
    expect(store.getSnapshot().message!.text).toBe('mixed.csv: nothing was imported — 2 problems in its rows. Fix them in the spreadsheet and import again.');
  });
});

describe('a mistyped year', () => {
  it('imports, with a note that a record is dated after today and would hide later progress', () => {
    const store = createLearnersStore(initialLearnersState(new Date('2026-11-01T00:00:00Z')));
    const text = `learner,name,competency,phase,date\nmaya,Maya R.,${code},Beginning,2062-09-15\nmaya,Maya R.,${code},Proficient,2026-10-15\n`;
    expect(loadProgressFromText(fw, text, 'typo.csv', store, { today: '2026-11-26' })).toBe(true);
    expect(store.getSnapshot().message!.details).toEqual([
      `a record is dated after today (e.g. Maya R., ${code} on 2062-09-15); the latest date counts, so a mistyped year hides what is recorded later — check it`,
    ]);
    const clean = createLearnersStore(initialLearnersState(new Date('2026-11-01T00:00:00Z')));
    expect(loadProgressFromText(fw, text.split('\n').filter((l) => !l.includes('2062')).join('\n'), 'ok.csv', clean, { today: '2026-11-26' })).toBe(true);
    expect(clean.getSnapshot().message!.details).toEqual([]);
  });
});

describe('progress of another framework', () => {
  it('says no row names a competency of this framework, and to open the other framework first', () => {
    const store = createLearnersStore(initialLearnersState(new Date('2026-11-01T00:00:00Z')));
    const science = 'learner,competency,phase,date\nmaya,SI.1,Proficient,2026-09-15\nmaya,SI.2,Proficient,2026-09-16\nleo,SI.1,Beginning,2026-09-16\n';
    expect(loadProgressFromText(fw, science, 'science.csv', store)).toBe(false);
    expect(store.getSnapshot().message!.text).toBe(
      `science.csv: nothing was imported — none of its 3 rows names a competency of “${fw.title}”. Is it progress for another framework? Open that framework first, then import it.`,
    );
    // one typo among good rows is just a row problem
    const typo = `learner,competency,phase,date\nmaya,${code},Proficient,2026-09-15\nmaya,SI.2,Proficient,2026-09-16\n`;
    expect(loadProgressFromText(fw, typo, 'typo.csv', store)).toBe(false);
    expect(store.getSnapshot().message!.text).toBe('typo.csv: nothing was imported — a row has a problem. Fix it in the spreadsheet and import again.');
  });
});

describe('a gradebook that writes phases as 1–4', () => {
  it('is refused at first with the scale spelled out, and one button reads the numbers as its levels', () => {
    const store = createLearnersStore(initialLearnersState(new Date('2026-11-01T00:00:00Z')));
    const text = `learner,competency,phase,date\nmaya,${code},3,2026-09-15\nleo,${code},1,2026-09-16\n`;
    expect(loadProgressFromText(fw, text, 'grades.csv', store)).toBe(false);
    const m = store.getSnapshot().message!;
    const scale = fw.phases.map((p, i) => `${i + 1} ${p.label}`).join(', ');
    expect(m.text).toBe(`grades.csv: nothing was imported yet — 2 phases are written as numbers, e.g. "3". This framework's scale is ${scale}.`);
    expect(m.problems![0]!.text).toContain(`if the numbers count its levels from 1, "3" is ${fw.phases[2]!.label}`);
    expect(m.action!.label).toBe(`Read the numbers as the scale's levels ("3" = ${fw.phases[2]!.label}) and import`);
    m.action!.run();
    const s = store.getSnapshot();
    expect(s.progress!.records.map((r) => r.phaseId)).toEqual([fw.phases[2]!.id, fw.phases[0]!.id]);
    expect(s.message!.details).toEqual([`read 2 phases written as numbers as the levels of the scale counted from 1 (e.g. "3" as ${fw.phases[2]!.label})`]);
  });

  it('offers nothing for a number past the top of the scale', () => {
    const store = createLearnersStore(initialLearnersState(new Date('2026-11-01T00:00:00Z')));
    expect(loadProgressFromText(fw, `learner,competency,phase,date\nmaya,${code},${fw.phases.length + 1},2026-09-15\n`, 'grades.csv', store)).toBe(false);
    expect(store.getSnapshot().message!.action).toBeUndefined();
  });
});

describe('a US gradebook with both: M/D/YYYY dates and phases 1–4', () => {
  it('offers one button that reads both', () => {
    const store = createLearnersStore(initialLearnersState(new Date('2026-11-01T00:00:00Z')));
    const text = `learner,competency,phase,date\nmaya,${code},3,9/15/2026\nleo,${code},Developing,9/16/2026\nana,${code},4,2026-09-17\n`;
    expect(loadProgressFromText(fw, text, 'grades.csv', store)).toBe(false);
    const m = store.getSnapshot().message!;
    expect(m.action!.label).toBe(`Read dates like "9/15/2026" as 2026-09-15 and the numbers as the scale's levels ("3" = ${fw.phases[2]!.label}), and import`);
    m.action!.run();
    expect(store.getSnapshot().progress!.records.map((r) => [r.date, fw.phases.findIndex((p) => p.id === r.phaseId) + 1])).toEqual([
      ['2026-09-15', 3],
      ['2026-09-16', 2],
      ['2026-09-17', 4],
    ]);
  });
});
