import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src-core/csv/papa';
import { classSummaryCsv } from '../../../src-core/progress/csvExports';
import { importProgressCsv, progressToCsv } from '../../../src-core/progress/csv';
import { codes, idOf, makeFramework, phaseId } from './helpers';

/**
 * A teacher exports progress, opens it in Excel to add a few rows, saves it as CSV and imports it back.
 * Excel turns a cell that reads as a number into one: student number 007 becomes 7 (another learner), the
 * code 1.10 becomes 1.1 (another competency, whose records they then were). A leading ' marks the cell as
 * text: Excel and Sheets save it without the mark, LibreOffice keeps it in the cell.
 */
function spreadsheetCell(v: string, hidePrefix: boolean): string {
  if (v.startsWith("'")) return hidePrefix ? v.slice(1) : v;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v)) return String(Number(v));
  return v;
}

function openAndSave(csv: string, hidePrefix: boolean): string {
  const rows = parseCsv(csv).rows.map((r, i) => (i === 0 ? r : r.map((c) => spreadsheetCell(c, hidePrefix))));
  return `\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
}

const fw = makeFramework([{ code: '1.1' }, { code: '1.10', after: ['1.1'] }, { code: '2' }]);

describe('progress CSV through a spreadsheet: number-like learner ids and codes', () => {
  const source = [
    'learner,name,competency,phase,date,evidence',
    '007,Maya,1.10,Proficient,2026-01-10,exit ticket',
    '7,Sam,1.1,Developing,2026-01-11,',
    '007,Maya,2,Beginning,2026-01-12,',
  ].join('\n');
  const first = importProgressCsv(source, fw);
  if (!first.ok) throw new Error(first.error.message);
  const progress = first.value.progress;

  it('marks them as text in the export', () => {
    const rows = parseCsv(progressToCsv(progress, fw)).rows;
    expect(rows.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ["'007", "'1.10"],
      ["'7", "'1.1"],
      ["'007", "'2"],
    ]);
  });

  for (const hidePrefix of [true, false]) {
    it(`reads the file back with the same learners and competencies after a spreadsheet saved it (${hidePrefix ? 'Excel, Sheets' : 'LibreOffice'})`, () => {
      const saved = openAndSave(progressToCsv(progress, fw), hidePrefix);
      const again = importProgressCsv(saved, fw);
      if (!again.ok) throw new Error(again.error.message);
      expect(again.value.progress.learners).toEqual(progress.learners);
      expect(again.value.progress.records).toEqual(progress.records);
      expect(codes(fw, again.value.progress.records.map((r) => r.competencyId))).toEqual(['1.10', '1.1', '2']);
      expect(again.value.progress.records[0]!.phaseId).toBe(phaseId(fw, 'Proficient'));
    });
  }

  it('still reads a teacher\'s own file whose ids were never marked', () => {
    const r = importProgressCsv('learner,competency,phase,date\n007,1.10,Proficient,2026-01-10\n', fw);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.progress.learners.map((l) => l.id)).toEqual(['007']);
    expect(r.value.progress.records[0]!.competencyId).toBe(idOf(fw, '1.10'));
  });

  it('marks number-like codes in the class summary as well', () => {
    const rows = parseCsv(classSummaryCsv(fw, progress)).rows;
    expect(rows.slice(1).map((r) => r[0])).toEqual(["'1.1", "'1.10", "'2"]);
  });
});
