import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  codePrefixes,
  parseEducationLevels,
  readStandardsCsv,
  sniffStandardsCsv,
  suggestStandardsMapping,
  type StandardsCsvImport,
  type StandardsCsvMapping,
} from '../../../src-core/csv/standardsCsv';
import { schemaCheckFramework } from '../../../src-core/format/frameworkFile';
import { createFramework } from '../../../src-core/model/defaults';
import { isEducationLevel } from '../../../src-core/model/levels';
import type { Standard } from '../../../src-core/model/types';
import { sharedPackages } from './fixtures';

const SET_ID = '0f0e0d0c-0b0a-4909-8807-060504030201';
const opts = { title: 'Test set', source: 'test.csv', id: SET_ID };

function read(text: string, mapping?: StandardsCsvMapping): StandardsCsvImport {
  const r = readStandardsCsv(text, mapping, opts);
  if (!r.ok) throw new Error(`unexpected failure: ${r.error.message}`);
  return r.value;
}

function byCode(imp: StandardsCsvImport, code: string): Standard {
  const s = Object.values(imp.set.items).find((x) => x.code === code);
  if (!s) throw new Error(`no standard ${code}`);
  return s;
}

function parentCode(imp: StandardsCsvImport, code: string): string | null {
  const p = byCode(imp, code).parentId;
  return p === null ? null : imp.set.items[p]!.code;
}

function errorsOn(imp: StandardsCsvImport, row: number) {
  return imp.rowErrors.filter((e) => e.row === row);
}

describe('sniffStandardsCsv', () => {
  it('returns the headers, at most 20 preview rows and a suggested mapping', () => {
    const lines = ['Code,Standard,Parent,Grade'];
    for (let i = 1; i <= 30; i++) lines.push(`S.${i},Statement ${i},,3`);
    const r = sniffStandardsCsv(lines.join('\n'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.headers).toEqual(['Code', 'Standard', 'Parent', 'Grade']);
    expect(r.value.previewRows).toHaveLength(20);
    expect(r.value.previewRows[0]).toEqual(['S.1', 'Statement 1', '', '3']);
    expect(r.value.rowCount).toBe(30);
    expect(r.value.layout).toBe('generic');
    expect(r.value.suggestedMapping.columns).toMatchObject({ code: 0, statement: 1, parent: 2, educationLevels: 3 });
    expect(r.value.suggestedMapping.hierarchy).toBe('parent-column');
  });

  it('pads short preview rows to the header width', () => {
    const r = sniffStandardsCsv('a,b,c\n1\n');
    expect(r.ok && r.value.previewRows).toEqual([['1', '', '']]);
  });

  it('suggests code prefixes when there is a code but no parent column', () => {
    expect(suggestStandardsMapping(['Human Coding Scheme', 'Full statement']).hierarchy).toBe('code-prefix');
    expect(suggestStandardsMapping(['text']).hierarchy).toBe('none');
  });

  it('fails on an empty file', () => {
    const r = sniffStandardsCsv('\uFEFF\r\n  \r\n');
    expect(!r.ok && r.error.code).toBe('empty-csv');
  });
});

describe('readStandardsCsv: hierarchy', () => {
  it('finds parents by code prefix (3.NF.A is the parent of 3.NF.A.1, 3.NF.A.1 of 3.NF.A.1a)', () => {
    const imp = read(
      ['code,statement', '3.NF,Fractions', '3.NF.A,Develop understanding', '3.NF.A.1,Unit fractions', '3.NF.A.1a,Part a', '3.NF.A.2,Number line', '3.OA.1,Products'].join('\n'),
    );
    expect(imp.report.hierarchy).toBe('code-prefix');
    expect(parentCode(imp, '3.NF')).toBeNull();
    expect(parentCode(imp, '3.NF.A')).toBe('3.NF');
    expect(parentCode(imp, '3.NF.A.1')).toBe('3.NF.A');
    expect(parentCode(imp, '3.NF.A.1a')).toBe('3.NF.A.1');
    expect(parentCode(imp, '3.NF.A.2')).toBe('3.NF.A');
    // No "3.OA" and no "3" row: a top-level standard, not an error.
    expect(parentCode(imp, '3.OA.1')).toBeNull();
    expect(imp.rowErrors).toEqual([]);
    expect(byCode(imp, '3.NF.A.2').sequence).toBe(2);
  });

  it('lists the candidate parent codes longest first', () => {
    expect(codePrefixes('3.NF.A.1a')).toEqual(['3.NF.A.1', '3.NF.A', '3.NF', '3']);
    expect(codePrefixes('RL.K-2/1')).toEqual(['RL.K-2', 'RL.K', 'RL']);
    expect(codePrefixes('X')).toEqual([]);
  });

  it('finds parents through a parent-code column, by code or by identifier', () => {
    const imp = read(['id,code,statement,parent', 'g3,G3,Grade 3,', 'nf,3.NF,Fractions,G3', 'nf1,3.NF.1,Unit fractions,nf'].join('\n'));
    expect(parentCode(imp, '3.NF')).toBe('G3');
    expect(parentCode(imp, '3.NF.1')).toBe('3.NF');
    expect(imp.set.items['nf1']!.parentId).toBe('nf');
  });

  it('reports a parent that is not in the file on its row and keeps the standard at the top level', () => {
    const imp = read(['code,statement,parent', 'A,Alpha,', 'A.1,One,A', 'B.1,Orphan,B'].join('\n'));
    expect(errorsOn(imp, 4)).toEqual([
      { row: 4, severity: 'error', message: 'parent "B" is not in the file; the standard was placed at the top level' },
    ]);
    expect(parentCode(imp, 'B.1')).toBeNull();
    expect(imp.report.standards).toBe(3);
  });

  it('names a parent cycle and cuts it at its first row', () => {
    const imp = read(['code,statement,parent', 'A,Alpha,C', 'B,Beta,A', 'C,Gamma,B', 'D,Delta,C'].join('\n'));
    const e = errorsOn(imp, 2);
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toBe('parent cycle: A (row 2) → C (row 4) → B (row 3) → A (row 2); row 2 was placed at the top level');
    expect(parentCode(imp, 'A')).toBeNull();
    expect(parentCode(imp, 'B')).toBe('A');
    expect(parentCode(imp, 'C')).toBe('B');
    expect(parentCode(imp, 'D')).toBe('C');
  });

  it('refuses a standard that is its own parent', () => {
    const imp = read(['code,statement,parent', 'A,Alpha,A'].join('\n'));
    expect(errorsOn(imp, 2)[0]!.message).toMatch(/its own parent/);
    expect(parentCode(imp, 'A')).toBeNull();
  });

  it('builds the tree from outline numbers and orders siblings by their last number', () => {
    const imp = read(['outline,statement', '1,Reading', '1.2,Craft', '1.1,Key ideas', '1.1.1,Read closely', '2.5.1,Lost'].join('\n'), {
      columns: { identifier: null, code: null, statement: 1, parent: null, educationLevels: null, itemType: null, sequence: null, outline: 0 },
      hierarchy: 'outline',
    });
    const st = (text: string) => Object.values(imp.set.items).find((s) => s.statement === text)!;
    expect(st('Craft').parentId).toBe(st('Reading').id);
    expect(st('Read closely').parentId).toBe(st('Key ideas').id);
    expect(st('Craft').sequence).toBe(2);
    expect(st('Key ideas').sequence).toBe(1);
    expect(errorsOn(imp, 6)[0]!.message).toBe('parent 2.5 (from outline number 2.5.1) is not in the file; the standard was placed at the top level');
  });

  it('keeps a flat list with hierarchy "none"', () => {
    const imp = read('code,statement\nA,a\nA.1,b\n', {
      columns: { identifier: null, code: 0, statement: 1, parent: null, educationLevels: null, itemType: null, sequence: null, outline: null },
      hierarchy: 'none',
    });
    expect(Object.values(imp.set.items).every((s) => s.parentId === null)).toBe(true);
  });
});

describe('readStandardsCsv: spreadsheet quirks and row errors', () => {
  it('reads BOM, CRLF, quoted commas/quotes/newlines and empty rows with spreadsheet row numbers', () => {
    const text =
      '\uFEFFcode,statement,grade\r\n' +
      '"A.1","Read, and ""think""",3\r\n' +
      '\r\n' +
      'A.2,"Two\r\nlines",4\r\n' +
      ',,\r\n' +
      'A.3,,5\r\n';
    const imp = read(text);
    expect(byCode(imp, 'A.1').statement).toBe('Read, and "think"');
    expect(byCode(imp, 'A.2').statement).toBe('Two\r\nlines');
    expect(imp.report.emptyRows).toBe(2);
    // Row 6 in a spreadsheet (header 1, A.1 2, empty 3, A.2 4, empty 5, A.3 6) even though the
    // quoted line break makes it line 7 of the text.
    expect(imp.rowErrors).toEqual([{ row: 6, severity: 'warning', message: 'standard A.3 has no statement' }]);
  });

  it('reads semicolon-separated files (European spreadsheets)', () => {
    const imp = read('code;statement;grade\nA.1;Add, then subtract;K\n');
    expect(byCode(imp, 'A.1').statement).toBe('Add, then subtract');
    expect(byCode(imp, 'A.1').educationLevels).toEqual(['KG']);
  });

  it('normalises grade levels and reports unknown ones, keeping them', () => {
    const imp = read(['code,statement,grade levels', 'A,a,"K, 1, Grade 2"', 'B,b,3-5', 'C,c,09.10', 'D,d,Year Nine', 'E,e,PreK;12'].join('\n'));
    expect(byCode(imp, 'A').educationLevels).toEqual(['KG', '01', '02']);
    expect(byCode(imp, 'B').educationLevels).toEqual(['03', '04', '05']);
    expect(byCode(imp, 'C').educationLevels).toEqual(['09', '10']);
    expect(byCode(imp, 'D').educationLevels).toEqual(['Year Nine']);
    expect(byCode(imp, 'E').educationLevels).toEqual(['PK', '12']);
    expect(imp.rowErrors).toEqual([
      { row: 5, severity: 'warning', message: 'unknown grade level "Year Nine" (kept as written; expected KG, 01…12 or similar)' },
    ]);
  });

  it('parses level cells on their own', () => {
    expect(parseEducationLevels('K-2')).toEqual({ levels: ['KG', '01', '02'], unknown: [] });
    expect(parseEducationLevels('03 04')).toEqual({ levels: ['03', '04'], unknown: [] });
    expect(parseEducationLevels('')).toEqual({ levels: [], unknown: [] });
  });

  it('skips a row with a repeated identifier, warns on a repeated code', () => {
    const imp = read(['identifier,code,statement', 'x1,A,Alpha', 'x1,B,Beta', 'x2,A,Alpha again'].join('\n'));
    expect(errorsOn(imp, 3)).toEqual([{ row: 3, severity: 'error', message: 'identifier "x1" is already used on row 2; this row was skipped' }]);
    expect(errorsOn(imp, 4)).toEqual([{ row: 4, severity: 'warning', message: 'code A is also used on row 2; references to A mean row 2' }]);
    expect(Object.keys(imp.set.items)).toEqual(['x1', 'x2']);
    expect(imp.report.skippedRows).toBe(1);
  });

  it('skips a row with neither code nor statement but with other cells', () => {
    const imp = read('code,statement,grade\nA,Alpha,3\n,,4\n');
    expect(errorsOn(imp, 3)[0]).toMatchObject({ severity: 'error', message: 'the row has neither a code nor a statement; it was skipped' });
  });

  it('warns about cells beyond the header', () => {
    const imp = read('code,statement\nA,Alpha,extra\n');
    expect(errorsOn(imp, 2)[0]!.message).toBe('the row has 3 cells but the header has 2; the extra cells were ignored');
  });

  it('reports an unclosed quote on its row', () => {
    const imp = read('code,statement\nA,Alpha\nB,"Beta\n');
    expect(imp.rowErrors.some((e) => e.row === 3 && e.severity === 'error' && /not closed/.test(e.message))).toBe(true);
  });

  it('reports a non-numeric order and falls back to the row order', () => {
    const imp = read('code,statement,sequence number\nA,a,2\nB,b,c.\nC,c,soon\n');
    expect(byCode(imp, 'A').sequence).toBe(2);
    expect(byCode(imp, 'B').sequence).toBe(3);
    expect(byCode(imp, 'C').sequence).toBe(3);
    expect(errorsOn(imp, 4)[0]!.message).toBe('order "soon" is not a number; the row order is used instead');
  });

  it('keeps an identifier such as "__proto__" as a plain key', () => {
    const imp = read('identifier,code,statement\n__proto__,A,Alpha\nconstructor,B,Beta\n');
    expect(Object.keys(imp.set.items)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(imp.set.items)).toBe(Object.prototype);
    expect(imp.set.items['__proto__']!.code).toBe('A');
  });

  it('gives the same ids when the same file is read twice into the same set id', () => {
    const text = 'code,statement\nA,Alpha\nA.1,One\n,No code\n';
    expect(Object.keys(read(text).set.items)).toEqual(Object.keys(read(text).set.items));
  });

  it('fails closed when nothing can be read', () => {
    expect(readStandardsCsv('', undefined, opts)).toMatchObject({ ok: false, error: { code: 'empty-csv' } });
    expect(readStandardsCsv('foo,bar\n1,2\n', undefined, opts)).toMatchObject({ ok: false, error: { code: 'no-mapping' } });
    expect(readStandardsCsv('code,statement\n,\n', undefined, opts)).toMatchObject({ ok: false, error: { code: 'no-standards' } });
    expect(
      readStandardsCsv('code,statement\nA,a\n', { columns: { identifier: null, code: 0, statement: 7, parent: null, educationLevels: null, itemType: null, sequence: null, outline: null }, hierarchy: 'none' }, opts),
    ).toMatchObject({ ok: false, error: { code: 'bad-mapping' } });
    expect(
      readStandardsCsv('code,statement\nA,a\n', { columns: { identifier: null, code: 0, statement: 1, parent: null, educationLevels: null, itemType: null, sequence: null, outline: null }, hierarchy: 'parent-column' }, opts),
    ).toMatchObject({ ok: false, error: { code: 'bad-mapping' } });
  });

  it('produces a set the framework schema accepts', () => {
    const imp = read('code,statement,parent,grade\nA,Alpha,,K\nA.1,One,A,1\n');
    const fw = createFramework();
    fw.standardsSets[imp.set.id] = imp.set;
    expect(schemaCheckFramework(fw)).toEqual([]);
  });
});

describe.skipIf(!existsSync(sharedPackages))('readStandardsCsv on the real OpenSALT CSVs (../shared; skipped when absent)', () => {
  it('reads the OpenSALT import template without a mapping', () => {
    const text = readFileSync(join(sharedPackages, 'opensalt_sample_case_import-template.csv'), 'utf8');
    const sniff = sniffStandardsCsv(text);
    expect(sniff.ok && sniff.value.layout).toBe('opensalt');
    const imp = read(text);
    expect(imp.report.layout).toBe('opensalt');
    expect(imp.rowErrors).toEqual([]);
    expect(imp.report.standards).toBe(10);
    expect(Object.keys(imp.set.items)).toContain('Math.Fractions.Cluster1.Standard1a');
    expect(parentCode(imp, 'M.F')).toBe('M');
    expect(parentCode(imp, 'M.F.1-2.S1a')).toBe('M.F.1-2.S1');
    expect(parentCode(imp, 'M.F.C2')).toBe('M.F');
    expect(byCode(imp, 'M.F.C2').sequence).toBe(2);
    expect(byCode(imp, 'M.F').statement).toBe('Fractions are rational numbers - this standard group explores those concepts');
  });

  it('reads the 1,189-row OpenSALT CCSS ELA export: tree from smartLevel, grade levels, item types', () => {
    const text = readFileSync(join(sharedPackages, 'opensalt_ccss-ela-items_export.csv'), 'utf8');
    const imp = read(text);
    expect(imp.report.layout).toBe('opensalt');
    expect(imp.report.hierarchy).toBe('outline');
    expect(imp.report.standards).toBe(1189);
    expect(imp.report.topLevel).toBe(12);
    expect(imp.rowErrors.filter((e) => e.severity === 'error')).toEqual([]);
    // The file really has CCRA.L.6 twice (two identifiers): kept both, warned once.
    expect(imp.rowErrors).toEqual([{ row: 594, severity: 'warning', message: 'code CCRA.L.6 is also used on row 593; references to CCRA.L.6 mean row 593' }]);
    const items = Object.values(imp.set.items);
    expect(items.every((s) => s.parentId === null || imp.set.items[s.parentId] !== undefined)).toBe(true);
    expect(items.every((s) => s.educationLevels.every(isEducationLevel))).toBe(true);
    const rl = byCode(imp, 'RL.K.1');
    expect(rl.itemType).toBe('Standard');
    expect(rl.educationLevels).toEqual(['KG']);
    expect(imp.set.items[rl.parentId!]!.statement).toBe('Key Ideas and Details');
    expect(imp.set.items['7fbbd2fa-885d-11e7-a99d-449ef607a326']!.code).toBe('L.1.4');
    const fw = createFramework();
    fw.standardsSets[imp.set.id] = imp.set;
    expect(schemaCheckFramework(fw)).toEqual([]);
  });
});
