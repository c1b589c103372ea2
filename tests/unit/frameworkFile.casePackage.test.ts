import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import { readFrameworkAny } from '../../src-core/formats/readAny';

describe('opening a CASE package as a framework file', () => {
  it('says it is a CASE package and how to import it, instead of "no format property"', () => {
    for (const pkg of [{ CFDocument: { identifier: 'x', title: 'T' }, CFItems: [] }, { CFPackage: { CFDocument: { identifier: 'x' } } }]) {
      const r = loadFrameworkText(JSON.stringify(pkg));
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('not-framework');
      expect(r.error.message).toContain('This is a CASE package');
      expect(r.error.message).toContain('Import');
    }
  });

  it('keeps the plain message for other JSON without a format', () => {
    const r = loadFrameworkText('{"title": "x"}');
    expect(!r.ok && r.error.message).toContain('no "format" property');
  });
});

describe('opening a CSV as a framework file', () => {
  it('says it is a CSV and where CSVs are imported, instead of "Not valid JSON at line 1, column 1"', () => {
    const csv = readFileSync(join(import.meta.dirname, '../fixtures/standards/state-math-sample.csv'), 'utf8');
    for (const text of [csv, '\uFEFFlearner;competency;phase\nAna;A.1;Proficient\n', 'code\tstatement\nA.1\tAdd\n']) {
      const r = loadFrameworkText(text);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('not-framework');
      expect(r.error.message).toContain('This looks like a CSV file');
      expect(r.error.message).toContain('Import ▸ Standards CSV or Competencies CSV');
    }
  });

  it('a workbook or UTF-16 file is named, with how to save a CSV, by Open… and by the CLI\'s reader alike', () => {
    for (const read of [loadFrameworkText, readFrameworkAny]) {
      const xlsx = read('PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml');
      expect(!xlsx.ok && xlsx.error.message).toMatch(/^This file is an Excel or OpenDocument workbook/);
      const utf16 = read('\ufffd\ufffdc\u0000o\u0000d\u0000e\u0000,\u0000');
      expect(!utf16.ok && utf16.error.message).toMatch(/^This file is saved as UTF-16/);
    }
  });

  it('broken JSON is still located by line and column', () => {
    for (const text of ['{"format": ', '[1, 2', 'not json at all']) {
      const r = loadFrameworkText(text);
      expect(!r.ok && r.error.message).toMatch(/^Not valid JSON at line 1, column \d+/);
    }
  });
});
