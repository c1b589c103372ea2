import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCompetencyCsv } from '../../../src-core/csv/competencyCsv';
import { readStandardsCsv, sniffStandardsCsv } from '../../../src-core/csv/standardsCsv';
import { parseCsv } from '../../../src-core/csv/papa';

const fixture = (path: string) => readFileSync(join(import.meta.dirname, '../../fixtures', path), 'utf8');

describe('a file that is not a CSV (JSON, a workbook, UTF-16, binary), picked in a CSV import', () => {
  const readers = [
    ['standards CSV', (t: string) => sniffStandardsCsv(t)],
    ['competencies CSV', (t: string) => readCompetencyCsv(t)],
    ['standards CSV (read)', (t: string) => readStandardsCsv(t, undefined, { title: 'T', source: 't.csv' })],
  ] as const;

  for (const [what, read] of readers) {
    it(`${what}: a CASE package is refused and sent to the CASE package tab (not read as a one-column table headed "{")`, () => {
      const r = read(fixture('case/sample.case-1.1.json'));
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.message).toBe('This is a CASE package (JSON), not a CSV: import it from the CASE package tab.');
    });

    it(`${what}: a framework file is sent to Open…; other JSON and broken JSON are named as JSON`, () => {
      const fw = read(fixture('frameworks/v1-minimal.json'));
      expect(!fw.ok && fw.error.message).toContain('Progressions framework file (JSON), not a CSV: open it with Open…');
      const other = read('\uFEFF  [1, 2, 3]');
      expect(!other.ok && other.error.message).toContain('This is a JSON file, not a CSV');
      const broken = read('{"CFDocument": ');
      expect(!broken.ok && broken.error.message).toContain('starts like a JSON document');
    });

    it(`${what}: a workbook, UTF-16 text and binary data are named, with how to save a CSV (one check for every CSV reader)`, () => {
      const xlsx = read('PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml');
      expect(!xlsx.ok && xlsx.error.message).toMatch(/^This file is an Excel or OpenDocument workbook, not a CSV/);
      const utf16 = read('\ufffd\ufffdc\u0000o\u0000d\u0000e\u0000,\u0000');
      expect(!utf16.ok && utf16.error.message).toMatch(/^This file is saved as UTF-16/);
      const binary = read('\u0000\u0001\u0002\u0003garbage');
      expect(!binary.ok && binary.error.message).toMatch(/^This file is not text \(it holds binary data\)/);
    });
  }

  it('Excel\'s sep=; first line names the delimiter and is not a row (every CSV reader parses with parseCsv)', () => {
    const t = parseCsv('\uFEFFsep=;\r\ncode;statement\r\nA.1;Adds, then subtracts\r\n');
    expect(t.delimiter).toBe(';');
    expect(t.rows).toEqual([['code', 'statement'], ['A.1', 'Adds, then subtracts']]);
    const c = readCompetencyCsv('sep=;\ncode;statement\nA.1;Adds, then subtracts\n');
    expect(c.ok && Object.values(c.value.framework.competencies).map((x) => x.statement)).toEqual(['Adds, then subtracts']);
  });

  it('a real CSV is still read', () => {
    const r = sniffStandardsCsv(fixture('standards/state-math-sample.csv'));
    expect(r.ok).toBe(true);
    expect(readCompetencyCsv('code,statement\nA.1,Adds fractions\n').ok).toBe(true);
  });
});
