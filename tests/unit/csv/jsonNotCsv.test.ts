import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCompetencyCsv } from '../../../src-core/csv/competencyCsv';
import { sniffStandardsCsv } from '../../../src-core/csv/standardsCsv';

const fixture = (path: string) => readFileSync(join(import.meta.dirname, '../../fixtures', path), 'utf8');

describe('a JSON file picked in a CSV import', () => {
  const readers = [
    ['standards CSV', (t: string) => sniffStandardsCsv(t)],
    ['competencies CSV', (t: string) => readCompetencyCsv(t)],
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
  }

  it('a real CSV is still read', () => {
    const r = sniffStandardsCsv(fixture('standards/state-math-sample.csv'));
    expect(r.ok).toBe(true);
    expect(readCompetencyCsv('code,statement\nA.1,Adds fractions\n').ok).toBe(true);
  });
});
