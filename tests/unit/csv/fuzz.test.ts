import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCompetencyCsv } from '../../../src-core/csv/competencyCsv';
import { parseCsv } from '../../../src-core/csv/papa';
import { readStandardsCsv } from '../../../src-core/csv/standardsCsv';

/** CSV-ish text: cells from a small alphabet rich in delimiters, quotes and line breaks. */
const csvish = fc
  .array(fc.constantFrom('code', 'statement', 'parent', 'Prerequisites', 'A', 'A.1', 'B', '"', '""', ',', ';', '\n', '\r\n', '\r', ' ', 'x', '3', 'K', '__proto__', '\uFEFF', 'é'), {
    maxLength: 60,
  })
  .map((xs) => xs.join(''));

describe('CSV readers never throw on malformed input', () => {
  it('readStandardsCsv returns a result, with row numbers inside the file', () => {
    fc.assert(
      fc.property(fc.oneof(csvish, fc.string()), (text) => {
        const r = readStandardsCsv(text, undefined, { title: 't', source: 's', id: '0f0e0d0c-0b0a-4909-8807-060504030201' });
        if (!r.ok) {
          expect(r.error.message.length).toBeGreaterThan(0);
          return;
        }
        // A row number is the file's row, counted over rows left out too (an empty last row holding only an
        // unclosed quote is reported where it is): at most the parsed rows or the text's lines, whichever is more.
        const rows = Math.max(parseCsv(text).rows.length, text.split(/\r\n|\r|\n/).length);
        for (const e of r.value.rowErrors) {
          expect(e.row).toBeGreaterThanOrEqual(1);
          expect(e.row).toBeLessThanOrEqual(Math.max(rows, 1));
        }
        for (const s of Object.values(r.value.set.items)) {
          if (s.parentId !== null) expect(r.value.set.items[s.parentId]).toBeDefined();
        }
      }),
      { numRuns: 400, examples: [['code\ncode\r\n"']] },
    );
  });

  it('readCompetencyCsv returns a result whose links point at competencies it read', () => {
    fc.assert(
      fc.property(fc.oneof(csvish, fc.string()), (text) => {
        const r = readCompetencyCsv(text);
        if (!r.ok) return;
        const fw = r.value.framework;
        for (const l of fw.prerequisites.values()) {
          expect(fw.competencies[l.from]).toBeDefined();
          expect(fw.competencies[l.to]).toBeDefined();
          expect(l.from).not.toBe(l.to);
        }
      }),
      { numRuns: 400 },
    );
  });
});
