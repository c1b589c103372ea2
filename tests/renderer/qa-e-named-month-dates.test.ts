import { describe, expect, it } from 'vitest';
import { importProgressCsv, readSpreadsheetDate } from '../../src-core/progress/csv';
import { makeFramework } from '../unit/progress/helpers';

// Dates as teachers' spreadsheets show them: Excel's "15-Sep-26" (d-mmm-yy), "Sep 15, 2026", "15 September
// 2026", and "2026-9-5" typed without the zeros. They were refused with no reading offered ("is not written
// YYYY-MM-DD" and nothing more); a month by its name, or the year first, reads one way only.
describe('spreadsheet dates with the month by name, or the year first without zeros', () => {
  it('are read the one way they can be', () => {
    expect(readSpreadsheetDate('15-Sep-26')).toEqual({ iso: '2026-09-15' });
    expect(readSpreadsheetDate('5-Oct-2026')).toEqual({ iso: '2026-10-05' });
    expect(readSpreadsheetDate('15 September 2026')).toEqual({ iso: '2026-09-15' });
    expect(readSpreadsheetDate('Sep 15, 2026')).toEqual({ iso: '2026-09-15' });
    expect(readSpreadsheetDate('Sept. 3rd, 2026')).toEqual({ iso: '2026-09-03' });
    expect(readSpreadsheetDate('march 2 2027')).toEqual({ iso: '2027-03-02' });
    expect(readSpreadsheetDate('2026-9-5')).toEqual({ iso: '2026-09-05' });
    expect(readSpreadsheetDate('2026.9.5')).toEqual({ iso: '2026-09-05' });
    // no such day, or not a month: nothing to offer
    expect(readSpreadsheetDate('31-Sep-26')).toBeNull();
    expect(readSpreadsheetDate('15-Foo-26')).toBeNull();
    expect(readSpreadsheetDate('2026-13-5')).toBeNull();
    expect(readSpreadsheetDate('2026-9/5')).toBeNull();
  });

  it('are offered to the teacher as one reading, and then imported', () => {
    const fw = makeFramework([{ code: 'M.NF.1' }, { code: 'M.NF.2', after: ['M.NF.1'] }]);
    const text = 'learner,competency,phase,date\nmaya,M.NF.1,Proficient,15-Sep-26\nleo,M.NF.1,Developing,Sep 16 2026\nari,M.NF.2,Beginning,2026-9-5\n';
    const refused = importProgressCsv(text, fw);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.details.map((d) => d.message)).toEqual([
      expect.stringContaining('"15-Sep-26" is not written YYYY-MM-DD (did you mean 2026-09-15?)'),
      expect.stringContaining('"Sep 16 2026" is not written YYYY-MM-DD (did you mean 2026-09-16?)'),
      expect.stringContaining('"2026-9-5" is not written YYYY-MM-DD (did you mean 2026-09-05?)'),
    ]);
    expect(refused.error.readDates).toEqual({ order: 'month-first', count: 3, example: { written: '15-Sep-26', read: '2026-09-15' } });
    const read = importProgressCsv(text, fw, { dateOrder: refused.error.readDates!.order });
    expect(read.ok && read.value.progress.records.map((r) => r.date)).toEqual(['2026-09-15', '2026-09-16', '2026-09-05']);
  });
});
