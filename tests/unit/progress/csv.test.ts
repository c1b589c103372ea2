import { describe, expect, it } from 'vitest';
import { importProgressCsv, progressToCsv } from '../../../src-core/progress/csv';
import { codes, idOf, makeFramework, phaseId } from './helpers';

const fw = makeFramework([{ code: 'M.NF.1' }, { code: 'M.NF.2', after: ['M.NF.1'] }]);

describe('importProgressCsv', () => {
  it('reads learners, competencies by code or id and phases by label in any case', () => {
    const text = [
      'learner,competency,phase,date,evidence',
      's1,M.NF.1,proficient,2026-01-10,exit ticket',
      `s1,${idOf(fw, 'M.NF.2')},DEVELOPING,2026-01-12,"fraction strips, drawing"`,
      's2,m.nf.1,Beginning,2026-01-11,',
      '',
    ].join('\n');
    const r = importProgressCsv(text, fw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { progress } = r.value;
    expect(progress.frameworkId).toBe(fw.id);
    expect(progress.learners).toEqual([{ id: 's1', name: 's1' }, { id: 's2', name: 's2' }]);
    expect(progress.records.map((x) => [x.learnerId, fw.competencies[x.competencyId]!.code, x.phaseId, x.date, x.evidence])).toEqual([
      ['s1', 'M.NF.1', phaseId(fw, 'Proficient'), '2026-01-10', 'exit ticket'],
      ['s1', 'M.NF.2', phaseId(fw, 'Developing'), '2026-01-12', 'fraction strips, drawing'],
      ['s2', 'M.NF.1', phaseId(fw, 'Beginning'), '2026-01-11', ''],
    ]);
    expect(r.value.rows).toBe(3);
  });

  it('accepts columns in another order, a BOM, semicolons, a name column, and notes extra columns', () => {
    const text = '\ufeffDate;Phase;Competency;Learner;Name;Teacher\n2026-01-10;Proficient;M.NF.1;s9;Ana;Mr X\n';
    const r = importProgressCsv(text, fw);
    expect(r.ok && r.value.progress.learners).toEqual([{ id: 's9', name: 'Ana' }]);
    expect(r.ok && r.value.notes).toEqual(['ignored column "Teacher"']);
    expect(r.ok && r.value.progress.records[0]!.evidence).toBe('');
  });

  it('reports every bad row by its spreadsheet row number and imports nothing', () => {
    const text = [
      'learner,competency,phase,date,evidence',
      's1,M.NF.1,Proficient,2026-01-10,ok',
      's1,M.NF.9,Proficient,2026-01-10,',
      's1,M.NF.1,Profficient,2026-01-10,',
      's1,M.NF.1,Proficient,2026-02-30,',
      ',M.NF.1,Proficient,2026-01-10,',
      's1,M.NF.1,Proficient,10/01/2026,',
    ].join('\n');
    const r = importProgressCsv(text, fw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('row 3: unknown competency "M.NF.9" (no competency has this code or id) (and 4 more problems)');
    expect(r.error.path).toBe('row 3');
    expect(r.error.details!.map((d) => d.message)).toEqual([
      'row 3: unknown competency "M.NF.9" (no competency has this code or id)',
      'row 4: unknown phase "Profficient" (the scale is Beginning, Developing, Proficient, Advanced)',
      'row 5: date "2026-02-30" is not a calendar date written YYYY-MM-DD',
      'row 6: learner is empty',
      'row 7: date "10/01/2026" is not a calendar date written YYYY-MM-DD',
    ]);
  });

  it('reports malformed rows: too many fields, too few, an unclosed quote', () => {
    const many = importProgressCsv('learner,competency,phase,date,evidence\ns1,M.NF.1,Proficient,2026-01-10,a,b\n', fw);
    expect(!many.ok && many.error.message).toMatch(/^row 2: 6 fields but the header has 5/);
    const few = importProgressCsv('learner,competency,phase,date,evidence\ns1,M.NF.1\n', fw);
    expect(!few.ok && few.error.message).toMatch(/^row 2: 2 fields but the header has 5/);
    const quote = importProgressCsv('learner,competency,phase,date,evidence\ns1,M.NF.1,Proficient,2026-01-10,"never closed\n', fw);
    expect(!quote.ok && quote.error.message).toMatch(/^row 2: a quoted cell is not closed/);
  });

  it('says which columns the header lacks, and that an empty file is empty', () => {
    const r = importProgressCsv('student,code,date\ns1,M.NF.1,2026-01-01\n', fw);
    expect(!r.ok && r.error.message).toMatch(/^row 1: the header has no "phase" column/);
    expect(!r.ok && r.error.code).toBe('missing-column');
    const e = importProgressCsv('\n\n', fw);
    expect(!e.ok && e.error.code).toBe('empty');
  });

  it('refuses an ambiguous competency code', () => {
    const dup = makeFramework([{ code: 'X' }, { code: 'X' }]);
    const r = importProgressCsv('learner,competency,phase,date\ns1,X,Proficient,2026-01-01\n', dup);
    expect(!r.ok && r.error.message).toMatch(/row 2: competency code "X" is ambiguous/);
  });

  it('round-trips through progressToCsv', () => {
    const text = 'learner,competency,phase,date,evidence\ns1,M.NF.1,Proficient,2026-01-10,"said ""half"""\ns2,M.NF.2,Advanced,2026-01-11,\n';
    const r = importProgressCsv(text, fw);
    if (!r.ok) throw new Error(r.error.message);
    const again = importProgressCsv(progressToCsv(r.value.progress, fw), fw);
    expect(again.ok && again.value.progress).toEqual(r.value.progress);
    expect(codes(fw, r.value.progress.records.map((x) => x.competencyId))).toEqual(['M.NF.1', 'M.NF.2']);
    expect(r.value.progress.records[0]!.evidence).toBe('said "half"');
  });

  it('writes evidence that looks like a formula as text, and reads it back unchanged', () => {
    const text = 'learner,competency,phase,date,evidence\n"-s1",M.NF.1,Proficient,2026-01-10,"=HYPERLINK(""x"")"\n';
    const r = importProgressCsv(text, fw);
    if (!r.ok) throw new Error(r.error.message);
    const out = progressToCsv(r.value.progress, fw);
    expect(out).toContain(`'-s1,'-s1,M.NF.1,Proficient,2026-01-10,"'=HYPERLINK(""x"")"`);
    const again = importProgressCsv(out, fw);
    expect(again.ok && again.value.progress.records[0]).toMatchObject({ learnerId: '-s1', evidence: '=HYPERLINK("x")' });
  });
});
