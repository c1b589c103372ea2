import { describe, expect, it } from 'vitest';
import { readCompetencyCsv } from '../../src-core/csv/competencyCsv';
import { importCsvAsFramework } from '../../src-core/csv/importCsv';

/**
 * In the app a file is read as UTF-8 by the browser: a sheet Excel saved as "CSV (Comma delimited)"
 * (Windows code page) arrives with "�" where its accented letters, curly quotes and dashes were. The
 * import report must say so, on the rows concerned, instead of importing the damage silently.
 */
const sheet = 'Code,Statement\r\nFR.1,Partition a whole\r\nFR.2,Explain why \ufffdone fourth\ufffd is a fraction\r\nFR.3,Compare fractions\r\n';

describe('a CSV holding "�" (read as UTF-8 though it was not)', () => {
  it('the competency spreadsheet reader warns on the row, with the column and the text around', () => {
    const r = readCompetencyCsv(sheet);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rowErrors).toContainEqual({
      row: 3,
      severity: 'warning',
      message: expect.stringMatching(/^column 2 \(“Explain why �one fourth� is a fr”\) holds "�".*"CSV UTF-8 \(comma delimited\)"/),
    });
    expect(Object.keys(r.value.framework.competencies)).toHaveLength(3);
  });

  it('the standards list reader too; after three rows the rest are counted in one line', () => {
    const rows = Array.from({ length: 6 }, (_, i) => `S.${i + 1},Standard n\ufffd ${i + 1}`);
    const r = importCsvAsFramework(`code,statement\r\n${rows.join('\r\n')}\r\n`, { kind: 'standards', source: 'list.csv' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const warnings = r.value.rowErrors.filter((e) => e.message.includes('"�"'));
    expect(warnings.map((w) => w.row)).toEqual([2, 3, 4, 4]);
    expect(warnings[3]!.message).toBe('… and 3 more row(s) hold "�" too');
  });

  it('a clean sheet has no such warning', () => {
    const r = readCompetencyCsv(sheet.replace(/\ufffd/g, '"'));
    expect(r.ok && r.value.rowErrors.filter((e) => e.message.includes('�'))).toEqual([]);
  });
});
