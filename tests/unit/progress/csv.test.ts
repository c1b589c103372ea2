import { describe, expect, it } from 'vitest';
import { columnLetters, importProgressCsv, progressToCsv } from '../../../src-core/progress/csv';
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
    expect(r.ok && r.value.notes).toEqual(['ignored column F "Teacher"']);
    expect(r.ok && r.value.progress.records[0]!.evidence).toBe('');
  });

  it('reports every bad row by its spreadsheet row, column header and cell, in words, and imports nothing', () => {
    const text = [
      'Student ID,competency,phase,date,evidence',
      's1,M.NF.1,Proficient,2026-01-10,ok',
      's1,M.NF.9,Proficient,2026-01-10,',
      's1,M.NF.1,Profficient,2026-01-10,',
      's1,M.NF.1,Proficient,2026-02-30,',
      ',M.NF.1,Proficient,2026-01-10,',
      's1,M.NF.1,Proficient,10/01/2026,',
      's1,,,,',
    ].join('\n');
    const r = importProgressCsv(text, fw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('row 3, column "competency": no competency in this framework has the code or id "M.NF.9" (and 7 more problems)');
    expect(r.error.path).toBe('B3');
    expect(r.error.total).toBe(8);
    expect(r.error.details.map((d) => [d.path, d.message])).toEqual([
      ['B3', 'row 3, column "competency": no competency in this framework has the code or id "M.NF.9"'],
      ['C4', 'row 4, column "phase": "Profficient" is not a mastery phase of this framework (the scale is Beginning, Developing, Proficient, Advanced)'],
      ['D5', 'row 5, column "date": "2026-02-30" is not a real date: February 2026 has no day 30'],
      ['A6', `row 6, column "Student ID" is empty: write the learner's id`],
      ['D7', `row 7, column "date": "10/01/2026" is not written YYYY-MM-DD (2026-10-01 if it is month/day/year, 2026-01-10 if it is day/month/year); a spreadsheet may have changed the date format — set the column's format to text or yyyy-mm-dd and save again`],
      ['B8', `row 8, column "competency" is empty: write the competency's code or id`],
      ['C8', 'row 8, column "phase" is empty: write a mastery phase (Beginning, Developing, Proficient, Advanced)'],
      ['D8', 'row 8, column "date" is empty: write the date of the demonstration as YYYY-MM-DD'],
    ]);
    expect(r.error.details.map((d) => [d.row, d.columnName])).toEqual([
      [3, 'competency'],
      [4, 'phase'],
      [5, 'date'],
      [6, 'Student ID'],
      [7, 'date'],
      [8, 'competency'],
      [8, 'phase'],
      [8, 'date'],
    ]);
  });

  it('says a month that does not exist, and reads a European day.month.year date as a suggestion', () => {
    const month = importProgressCsv('learner,competency,phase,date\ns1,M.NF.1,Proficient,2026-13-01\n', fw);
    expect(!month.ok && month.error.message).toBe('row 2, column "date": "2026-13-01" is not a real date: there is no month 13 (dates are written YYYY-MM-DD)');
    const dotted = importProgressCsv('learner,competency,phase,date\ns1,M.NF.1,Proficient,9.1.2026\n', fw);
    expect(!dotted.ok && dotted.error.message).toMatch(/^row 2, column "date": "9\.1\.2026" is not written YYYY-MM-DD \(did you mean 2026-01-09\?\)/);
  });

  it('counts every problem but lists at most 1000', () => {
    const rows = Array.from({ length: 1200 }, () => 's1,NOPE,Proficient,2026-01-10');
    const r = importProgressCsv(['learner,competency,phase,date', ...rows].join('\n'), fw);
    expect(!r.ok && [r.error.details.length, r.error.total]).toEqual([1000, 1200]);
    expect(!r.ok && r.error.details[999]!.path).toBe('B1001');
  });

  it('reports malformed rows by row: too many cells (naming the stray cell), too few (naming the missing columns), an unclosed quote', () => {
    const many = importProgressCsv('learner,competency,phase,date,evidence\ns1,M.NF.1,Proficient,2026-01-10,a,b\n', fw);
    expect(!many.ok && many.error.message).toBe('row 2: 6 cells but the header has 5 columns; cell F2 "b" is past the last column (put a cell that contains a comma in double quotes)');
    expect(!many.ok && many.error.path).toBe('row 2');
    const few = importProgressCsv('learner,competency,phase,date,evidence\ns1,M.NF.1\n', fw);
    expect(!few.ok && few.error.message).toBe('row 2: only 2 cells, so it has no "phase", "date" (the header has 5 columns)');
    const quote = importProgressCsv('learner,competency,phase,date,evidence\ns1,M.NF.1,Proficient,2026-01-10,"never closed\n', fw);
    expect(!quote.ok && quote.error.message).toMatch(/^row 2: a quoted cell is not closed/);
    expect(!quote.ok && quote.error.message).toContain('in cell E2 (column 5)');
  });

  it('says which columns the header lacks and what it has', () => {
    const r = importProgressCsv('student,code,date\ns1,M.NF.1,2026-01-01\n', fw);
    expect(!r.ok && r.error.code).toBe('missing-column');
    expect(!r.ok && r.error.message).toBe(
      'the header (row 1) has no "phase" column: a progress CSV needs learner, competency, phase and date (evidence and name are optional); it has "student", "code", "date"',
    );
    expect(!r.ok && r.error.path).toBe('row 1');
  });

  it('says that an empty file is empty, and notes that a header without rows has no rows', () => {
    const e = importProgressCsv('\n\n', fw);
    expect(!e.ok && e.error.code).toBe('empty');
    expect(!e.ok && e.error.message).toMatch(/^The file is empty: a progress CSV starts with a header row learner,competency,phase,date,evidence/);
    const bom = importProgressCsv('\ufeff', fw);
    expect(!bom.ok && bom.error.code).toBe('empty');
    // a header alone is a class with nothing recorded yet: no progress, said in a note
    const headerOnly = importProgressCsv('learner,competency,phase,date\r\n', fw);
    expect(headerOnly.ok && headerOnly.value.progress.records).toEqual([]);
    expect(headerOnly.ok && headerOnly.value.notes).toEqual(['the file has a header (row 1) but no rows of progress below it']);
  });

  it('says what a file that is not CSV at all is: a workbook, UTF-16 text, binary data, or text without a header', () => {
    const xlsx = importProgressCsv('PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml', fw);
    expect(!xlsx.ok && [xlsx.error.code, xlsx.error.message]).toEqual([
      'not-csv',
      'This file is an Excel or OpenDocument workbook, not a CSV: open it in the spreadsheet and save it as "CSV UTF-8 (comma delimited)", then import that file.',
    ]);
    // UTF-16 LE with its byte order mark, as a UTF-8 reader decodes it.
    const utf16 = importProgressCsv('\ufffd\ufffdl\u0000e\u0000a\u0000r\u0000n\u0000e\u0000r\u0000', fw);
    expect(!utf16.ok && utf16.error.message).toMatch(/^This file is saved as UTF-16 \("Unicode text"\), not as a CSV in UTF-8/);
    const binary = importProgressCsv('\u0000\u0001\u0002\ufffd\ufffd\u0000\u0007', fw);
    expect(!binary.ok && binary.error.message).toMatch(/^This file is not text \(it holds binary data\)/);
    const prose = importProgressCsv('Dear parents,\nplease find attached\n', fw);
    expect(!prose.ok && prose.error.message).toBe(
      'row 1 should be the header naming the columns learner, competency, phase and date (evidence and name are optional), but it has "Dear parents"',
    );
    // A data row where the header should be: named as such, cells shown.
    const noHeader = importProgressCsv('s1;M.NF.1;Proficient;2026-01-10\n', fw);
    expect(!noHeader.ok && noHeader.error.message).toBe(
      'row 1 should be the header naming the columns learner, competency, phase and date (evidence and name are optional), but it has "s1", "M.NF.1", "Proficient", "2026-01-10" (cells separated by semicolon)',
    );
  });

  it('reads a semicolon-separated file from European Excel, with its BOM and its sep=; line, numbering rows as the spreadsheet does', () => {
    const text = '\ufeffsep=;\r\nLearner;Competency;Phase;Date;Evidence\r\ns1;M.NF.1;Proficient;2026-01-10;"fractions; strips"\r\ns1;M.NF.2;Proficient;10.01.2026;\r\n';
    const r = importProgressCsv(text, fw);
    expect(!r.ok && r.error.details.map((d) => d.path)).toEqual(['D3']);
    const fixed = importProgressCsv(text.replace('10.01.2026', '2026-01-11'), fw);
    expect(fixed.ok && fixed.value.progress.records.map((x) => x.evidence)).toEqual(['fractions; strips', '']);
    const many = importProgressCsv('learner;competency;phase;date\ns1;M.NF.1;Proficient;2026-01-10;x\n', fw);
    expect(!many.ok && many.error.message).toMatch(/put a cell that contains a semicolon in double quotes/);
  });

  it('reads a row that repeats an earlier one exactly once, and says so', () => {
    const one = importProgressCsv('learner,competency,phase,date\ns1,M.NF.1,Proficient,2026-01-10\ns1,M.NF.1,Proficient,2026-01-10\ns1,M.NF.1,Advanced,2026-01-10\n', fw);
    expect(one.ok && one.value.progress.records.length).toBe(2);
    expect(one.ok && one.value.notes).toEqual(['row 3 repeats row 2 exactly; read once']);
    const rows = ['learner,competency,phase,date', 's1,M.NF.1,Proficient,2026-01-10', ...Array.from({ length: 12 }, () => 's1,M.NF.1,Proficient,2026-01-10')];
    const many = importProgressCsv(rows.join('\n'), fw);
    expect(many.ok && many.value.notes).toEqual([
      '12 rows repeat an earlier row exactly and were read once: rows 3 (= 2), 4 (= 2), 5 (= 2), 6 (= 2), 7 (= 2), 8 (= 2), 9 (= 2), 10 (= 2), 11 (= 2), 12 (= 2), …',
    ]);
  });

  it('uses the first of two columns for the same thing and says so', () => {
    const r = importProgressCsv('learner,competency,phase,date,Student ID\ns1,M.NF.1,Proficient,2026-01-10,x9\n', fw);
    expect(r.ok && r.value.progress.learners).toEqual([{ id: 's1', name: 's1' }]);
    expect(r.ok && r.value.notes).toEqual(['column E "Student ID" is a second learner column; column A "learner" is used']);
  });

  it('refuses an ambiguous competency code', () => {
    const dup = makeFramework([{ code: 'X' }, { code: 'X' }]);
    const r = importProgressCsv('learner,competency,phase,date\ns1,X,Proficient,2026-01-01\n', dup);
    expect(!r.ok && r.error.message).toBe(`row 2, column "competency": the code "X" is shared by 2 competencies; write the competency's id instead`);
  });

  it('names columns past Z with two letters', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
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
