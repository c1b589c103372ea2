import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCompetencyCsv } from '../../../src-core/csv/competencyCsv';
import { detectCsvKind, importCsvAsFramework, looksLikeCsv } from '../../../src-core/csv/importCsv';
import { schemaCheckFramework } from '../../../src-core/format/frameworkFile';
import { sharedPackages, smallFramework } from './fixtures';

describe('importCsvAsFramework', () => {
  it('recognises the competency spreadsheet and reads it as competencies', () => {
    const text = writeCompetencyCsv(smallFramework());
    expect(detectCsvKind(text)).toBe('competencies');
    const r = importCsvAsFramework(text, { source: '/tmp/grade3.csv' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.kind).toBe('competencies');
    expect(r.value.framework.title).toBe('grade3');
    expect(Object.keys(r.value.framework.competencies)).toHaveLength(5);
    expect(schemaCheckFramework(r.value.framework)).toEqual([]);
  });

  it('reads any other CSV as a standards set in a new framework', () => {
    const r = importCsvAsFramework('Code,Statement,Grade\n3.NF,Fractions,3\n3.NF.1,Unit fractions,3\n', { source: 'ccss.csv', title: 'CCSS' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.kind).toBe('standards');
    const sets = Object.values(r.value.framework.standardsSets);
    expect(sets.map((s) => [s.title, s.source, Object.keys(s.items).length])).toEqual([['CCSS', 'ccss.csv', 2]]);
    expect(Object.keys(r.value.framework.competencies)).toHaveLength(0);
    expect(schemaCheckFramework(r.value.framework)).toEqual([]);
  });

  it('says what columns it needs when it recognises none', () => {
    const r = importCsvAsFramework('name,age\nx,3\n');
    expect(!r.ok && r.error.code).toBe('no-mapping');
    expect(!r.ok && r.error.message).toMatch(/"Statement" or "Code" column/);
  });

  it.skipIf(!existsSync(sharedPackages))('reads the OpenSALT template as standards (../shared; skipped when absent)', () => {
    const text = readFileSync(join(sharedPackages, 'opensalt_sample_case_import-template.csv'), 'utf8');
    const r = importCsvAsFramework(text, { source: 'opensalt_sample_case_import-template.csv' });
    expect(r.ok && r.value.kind).toBe('standards');
    expect(r.ok && Object.values(r.value.framework.standardsSets)[0]!.title).toBe('opensalt_sample_case_import-template');
  });
});

describe('looksLikeCsv', () => {
  it('tells CSV from JSON by content', () => {
    expect(looksLikeCsv('\uFEFFCode,Statement\r\nA,b\r\n')).toBe(true);
    expect(looksLikeCsv('code;statement\n')).toBe(true);
    expect(looksLikeCsv('  {"format":"progressions.framework"}')).toBe(false);
    expect(looksLikeCsv('[1,2]')).toBe(false);
    expect(looksLikeCsv('just one word\n')).toBe(false);
    expect(looksLikeCsv('')).toBe(false);
  });
});
