import { describe, expect, it } from 'vitest';
import { importProgressCsv, readSpreadsheetDate } from '../../../src-core/progress/csv';
import { makeFramework } from './helpers';

const fw = makeFramework([{ code: 'M.NF.1' }, { code: 'M.NF.2', after: ['M.NF.1'] }]);
const csv = (...dates: string[]) => ['learner,competency,phase,date', ...dates.map((d, i) => `s${i},M.NF.1,Proficient,${d}`)].join('\n');

describe('dates a spreadsheet wrote another way (teachers export from Excel, Sheets or their SIS)', () => {
  it('reads the one date a cell can mean, or both when month and day could swap', () => {
    expect(readSpreadsheetDate('2026-09-15 00:00:00')).toEqual({ iso: '2026-09-15' });
    expect(readSpreadsheetDate('2026-09-15T10:30')).toEqual({ iso: '2026-09-15' });
    expect(readSpreadsheetDate('2026/9/15')).toEqual({ iso: '2026-09-15' });
    expect(readSpreadsheetDate('22.09.2026')).toEqual({ iso: '2026-09-22' });
    expect(readSpreadsheetDate('9/15/2026')).toEqual({ iso: '2026-09-15', order: 'month-first' });
    expect(readSpreadsheetDate('15/09/2026')).toEqual({ iso: '2026-09-15', order: 'day-first' });
    expect(readSpreadsheetDate('9/15/26')).toEqual({ iso: '2026-09-15', order: 'month-first' });
    expect(readSpreadsheetDate('10/2/2026')).toEqual({ monthFirst: '2026-10-02', dayFirst: '2026-02-10' });
    expect(readSpreadsheetDate('3/3/2026')).toEqual({ iso: '2026-03-03' });
    expect(readSpreadsheetDate('26-09-15')).toBeNull();
    expect(readSpreadsheetDate('13/13/2026')).toBeNull();
    expect(readSpreadsheetDate('Sept 15')).toBeNull();
  });

  it('still refuses them without the option (the CLI contract), each with the date it may mean', () => {
    const r = importProgressCsv(csv('9/15/2026', '2026-09-15 00:00:00', '10/2/2026'), fw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.details.map((d) => d.message)).toEqual([
      `row 2, column "date": "9/15/2026" is not written YYYY-MM-DD (did you mean 2026-09-15?); a spreadsheet may have changed the date format — set the column's format to text or yyyy-mm-dd and save again`,
      `row 3, column "date": "2026-09-15 00:00:00" is not written YYYY-MM-DD (did you mean 2026-09-15?); a spreadsheet may have changed the date format — set the column's format to text or yyyy-mm-dd and save again`,
      `row 4, column "date": "10/2/2026" is not written YYYY-MM-DD (2026-10-02 if it is month/day/year, 2026-02-10 if it is day/month/year); a spreadsheet may have changed the date format — set the column's format to text or yyyy-mm-dd and save again`,
    ]);
  });

  it('offers to read them when one order fits every date, and then imports them as YYYY-MM-DD with a note', () => {
    const us = importProgressCsv(csv('9/15/2026', '10/2/2026', '2026-10-03'), fw);
    expect(!us.ok && us.error.readDates).toEqual({ order: 'month-first', count: 2, example: { written: '9/15/2026', read: '2026-09-15' } });
    const read = importProgressCsv(csv('9/15/2026', '10/2/2026', '2026-10-03'), fw, { dateOrder: 'month-first' });
    expect(read.ok && read.value.progress.records.map((r) => r.date)).toEqual(['2026-09-15', '2026-10-02', '2026-10-03']);
    expect(read.ok && read.value.notes).toEqual(['read 2 dates written another way as YYYY-MM-DD (e.g. "9/15/2026" as 2026-09-15)']);

    const eu = importProgressCsv(csv('01/10/2026', '15/09/2026'), fw);
    expect(!eu.ok && eu.error.readDates).toEqual({ order: 'day-first', count: 2, example: { written: '01/10/2026', read: '2026-10-01' } });
    const euRead = importProgressCsv(csv('01/10/2026', '15/09/2026'), fw, { dateOrder: 'day-first' });
    expect(euRead.ok && euRead.value.progress.records.map((r) => r.date)).toEqual(['2026-10-01', '2026-09-15']);
  });

  it('offers nothing when the dates disagree, cannot tell month from day, or another problem is in the file', () => {
    const mixed = importProgressCsv(csv('9/15/2026', '15/09/2026'), fw);
    expect(!mixed.ok && mixed.error.readDates).toBeUndefined();
    const unsure = importProgressCsv(csv('10/2/2026', '3/4/2026'), fw);
    expect(!unsure.ok && unsure.error.readDates).toBeUndefined();
    const other = importProgressCsv(`${csv('9/15/2026')}\ns9,NOPE,Proficient,2026-01-01`, fw);
    expect(!other.ok && other.error.readDates).toBeUndefined();
    // with the option, a date that needs the other order is still refused
    const wrongOrder = importProgressCsv(csv('15/09/2026'), fw, { dateOrder: 'month-first' });
    expect(!wrongOrder.ok && wrongOrder.error.details[0]!.message).toMatch(/"15\/09\/2026" is not written YYYY-MM-DD \(did you mean 2026-09-15\?\)/);
  });
});

describe('a class list Excel saved in the Windows code page (read as UTF-8 by the app)', () => {
  it('imports, with a note naming the row and the mangled name, and how to save the sheet', () => {
    const bytes = Buffer.from('learner,name,competency,phase,date\njose,Jos\xe9 Pe\xf1a,M.NF.1,Proficient,2026-09-15\n', 'latin1');
    const r = importProgressCsv(new TextDecoder('utf-8').decode(bytes), fw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.notes).toHaveLength(1);
    expect(r.value.notes[0]).toMatch(/^row 2: column 2 \(“Jos� Pe�a”\) holds "�", what a file not saved as UTF-8 shows/);
    expect(r.value.notes[0]).toContain('save the sheet as "CSV UTF-8 (comma delimited)"');
  });
});

describe('gradebook headers teachers export', () => {
  it('reads "Student Number, Learning Target, Mastery Level, Date Assessed, Comments" as the progress columns', () => {
    const r = importProgressCsv('Student Number,Student Name,Learning Target,Mastery Level,Date Assessed,Comments\n1042,Ana P.,M.NF.1,Proficient,2026-09-15,exit ticket\n', fw);
    expect(r.ok && r.value.progress.records).toEqual([expect.objectContaining({ learnerId: '1042', date: '2026-09-15', evidence: 'exit ticket' })]);
    expect(r.ok && r.value.progress.learners).toEqual([{ id: '1042', name: 'Ana P.' }]);
    expect(r.ok && r.value.notes).toEqual([]);
  });
});
