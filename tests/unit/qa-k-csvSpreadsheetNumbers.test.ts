import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { escapeCodeCell, readCompetencyCsv, unescapeCodeCell, writeCompetencyCsv } from '../../src-core/csv/competencyCsv';
import { parseCsv } from '../../src-core/csv/papa';
import type { Framework } from '../../src-core/model/types';
import { smallFramework } from './csv/fixtures';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * What a spreadsheet does to a cell when it opens a CSV file and saves it again, as Excel does: a number
 * loses its leading and trailing zeros (`1.10` → 1.1, `007` → 7), a day and month becomes a date
 * (`3-5` → 5-Mar, `Mar-1` → 1-Mar), hours and minutes a time (`1:2` → 1:02). A leading `'` marks text:
 * Excel and Sheets take it as the text marker and save the text without it (`hidePrefix`), LibreOffice
 * keeps it as a character of the cell.
 */
function spreadsheetCell(v: string, hidePrefix: boolean): string {
  if (v.startsWith("'")) return hidePrefix ? v.slice(1) : v;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v)) return String(Number(v));
  const dm = /^(\d{1,2})-(\d{1,2})$/.exec(v);
  if (dm && Number(dm[1]) >= 1 && Number(dm[1]) <= 12 && Number(dm[2]) <= 31) return `${Number(dm[2])}-${MONTHS[Number(dm[1]) - 1]}`; // month-day
  const md = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)-(\d{1,2})$/i.exec(v);
  if (md) return `${Number(md[2])}-${md[1]![0]!.toUpperCase()}${md[1]!.slice(1).toLowerCase()}`;
  const hm = /^(\d{1,2}):(\d{1,2})$/.exec(v);
  if (hm) return `${Number(hm[1])}:${hm[2]!.padStart(2, '0')}`;
  return v;
}

/** The competency sheet opened in a spreadsheet and saved again as CSV (BOM, CRLF, quotes where needed). */
function openAndSave(csv: string, hidePrefix: boolean): string {
  const rows = parseCsv(csv).rows.map((r, i) => (i === 0 ? r : r.map((c) => spreadsheetCell(c, hidePrefix))));
  return `\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
}

/** The small framework with codes a spreadsheet changes: numbers, a day-month, a month-day, a time. */
function numberCoded(): Framework {
  const fw = smallFramework();
  const codes = ['1.10', '1.1', '007', '3-5', 'Mar-1'];
  Object.values(fw.competencies).forEach((c, i) => (c.code = codes[i]!));
  fw.domains[0]!.code = '01';
  fw.domains[1]!.code = '1:2';
  return fw;
}

const links = (fw: Framework) => [...fw.prerequisites.values()].map((l) => `${fw.competencies[l.from]!.code} → ${fw.competencies[l.to]!.code}`).sort();

describe('the competency spreadsheet keeps number-like codes through a spreadsheet (qa-k)', () => {
  for (const hidePrefix of [true, false]) {
    it(`codes, domain codes and prerequisites survive opening and saving in a spreadsheet (${hidePrefix ? 'Excel, Sheets' : 'LibreOffice'})`, () => {
      const fw = numberCoded();
      const saved = openAndSave(writeCompetencyCsv(fw), hidePrefix);
      const r = readCompetencyCsv(saved, { base: fw });
      if (!r.ok) throw new Error(r.error.message);
      const back = r.value.framework;
      // Before: 1.10 came back as 1.1 (another competency's code), 007 as 7, 3-5 as 5-Mar …
      expect(Object.values(back.competencies).map((c) => c.code).sort()).toEqual(Object.values(fw.competencies).map((c) => c.code).sort());
      expect(back.domains.map((d) => d.code)).toEqual(fw.domains.map((d) => d.code));
      expect(links(back)).toEqual(links(fw));
      for (const c of Object.values(fw.competencies)) expect(back.competencies[c.id]?.domainId).toBe(c.domainId);
      expect(r.value.rowErrors).toEqual([]);
    });
  }

  it('leaves codes a spreadsheet keeps as text unmarked', () => {
    const csv = writeCompetencyCsv(smallFramework());
    expect(csv).toContain('"3.NF.1"');
    expect(csv).toContain('"NF.EQ"');
    for (const code of ['3.NF.1', 'NF', 'FR-UF', 'L.1.1a', '3.NF.1; 3.NF.2']) expect(escapeCodeCell(code)).toBe(code);
    for (const code of ['1.10', '007', '3-5', 'Mar-1', '1:2', '1e5', '2024-01-05', '50%', '-1']) expect(escapeCodeCell(code)).toBe(`'${code}`);
  });

  it('unescapeCodeCell undoes escapeCodeCell exactly, for any text', () => {
    const text = fc.oneof(
      fc.string(),
      fc.stringMatching(/^'{0,2}[+-]?[0-9.,:/ -]{0,6}(e[0-9])?%?$/),
      fc.constantFrom("'1.10", "''007", "'=A1", "'Mar-1", ' 1.10 ', "'"),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(unescapeCodeCell(escapeCodeCell(s))).toBe(s);
      }),
      { numRuns: 500 },
    );
  });
});
