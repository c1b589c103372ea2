import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCompetencyCsv } from '../../../src-core/csv/competencyCsv';

// OpenSALT's standards spreadsheets picked in Import ▸ Competencies CSV read as a flat list of competencies,
// their hierarchy (smartLevel / Is Child Of) only named among "Columns not imported": the report now says
// the tree is lost and where the file keeps it (qa-r).

const packages = join(import.meta.dirname, '../../../../shared/reference/case/packages');
const NOTE = /^The sheet's hierarchy \((smartLevel|Is Child Of), as in OpenSALT's standards spreadsheets\) is not read: .* import the file as a standards set \(Import ▸ Standards CSV\)/;

describe('a standards spreadsheet read as competencies (qa-r)', () => {
  it('OpenSALT\'s import template: the report says its hierarchy is not read, and where to import it', () => {
    const csv = ['"Identifier","fullStatement","Human Coding Scheme","sequenceNumber","Is Child Of"', '"Math","Everything about math","M","1",""', '"Math.F","Fractions","M.F","1","M"', ''].join('\n');
    const r = readCompetencyCsv(csv);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.notes.some((n) => NOTE.test(n))).toBe(true);
  });

  it('a competency sheet says nothing of the kind', () => {
    const r = readCompetencyCsv('code,statement,prerequisites\nA.1,Add,\nA.2,Subtract,A.1\n');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.notes.some((n) => n.includes('hierarchy'))).toBe(false);
  });

  it.skipIf(!existsSync(packages))('OpenSALT\'s item export (../shared/reference/case/packages; skipped where absent)', () => {
    const r = readCompetencyCsv(readFileSync(join(packages, 'opensalt_ccss-ela-items_export.csv'), 'utf8'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.notes.filter((n) => NOTE.test(n))).toHaveLength(1);
  });
});
