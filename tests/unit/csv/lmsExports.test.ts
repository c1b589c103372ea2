import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src-core/csv/papa';
import { writeCanvasCsv } from '../../../src-core/export/canvas';
import { MOODLE_COLUMNS, moodleScaleConfiguration, writeMoodleCsv } from '../../../src-core/export/moodle';
import type { Framework } from '../../../src-core/model/types';
import { expectGolden, smallFramework } from './fixtures';

const byCode = (fw: Framework, code: string) => Object.values(fw.competencies).find((c) => c.code === code)!;

describe('writeMoodleCsv', () => {
  it('matches the golden file for the small fixture framework', () => {
    expectGolden('moodle.csv', writeMoodleCsv(smallFramework()));
  });

  it("has Moodle's 14 columns in order and a framework row with the scale from the mastery phases", () => {
    const rows = parseCsv(writeMoodleCsv(smallFramework())).rows;
    expect(rows[0]).toEqual([...MOODLE_COLUMNS]);
    expect(rows.every((r) => r.length === 14)).toBe(true);
    const fwRow = rows[1]!;
    expect(fwRow[12]).toBe('1');
    expect(rows.slice(2).every((r) => r[12] === '0')).toBe(true);
    expect(fwRow[1]).toBe('00000000-0000-4000-8000-000800000001');
    expect(fwRow[2]).toBe('Grade 3 Fractions & Time');
    expect(fwRow[5]).toBe('Beginning,Developing,Proficient,Advanced');
    expect(JSON.parse(fwRow[6]!)).toEqual([
      { scaleid: '0' },
      { id: 3, scaledefault: 1, proficient: 1 },
      { id: 4, scaledefault: 0, proficient: 1 },
    ]);
    expect(fwRow[13]).toBe('domain,domain,competency');
  });

  it('puts domains above their competencies, parents always defined, ID numbers unique', () => {
    const rows = parseCsv(writeMoodleCsv(smallFramework())).rows.slice(2);
    const ids = rows.map((r) => r[1]);
    expect(new Set(ids).size).toBe(ids.length);
    rows.forEach((r, i) => {
      if (r[0] !== '') expect(ids.slice(0, i)).toContain(r[0]);
    });
    const row = (id: string) => rows.find((r) => r[1] === id)!;
    expect(row('NF.EQ')[0]).toBe('NF');
    expect(row('3.NF.3a')[0]).toBe('NF.EQ');
    expect(row('3.MD.1')[0]).toBe('MD');
  });

  it('flattens prerequisites into cross-references and keeps the direction in the description', () => {
    const rows = parseCsv(writeMoodleCsv(smallFramework())).rows;
    const row = rows.find((r) => r[1] === '3.NF.3a')!;
    expect(row[10]).toBe('3.NF.1,3.NF.2');
    expect(row[3]).toContain('<p><strong>Master first:</strong> 3.NF.1, 3.NF.2</p>');
    expect(row[4]).toBe('1');
  });

  it('escapes commas in cross-referenced ID numbers as %2C and falls back to ids for unusable codes', () => {
    const fw = smallFramework();
    byCode(fw, '3.NF.1').code = 'NF,1';
    byCode(fw, '3.NF.2').code = '<b>2</b>';
    byCode(fw, '3.NF.3d').code = '3.NF.3a'; // a repeated code
    const rows = parseCsv(writeMoodleCsv(fw)).rows;
    const c2 = byCode(fw, '<b>2</b>');
    expect(rows.find((r) => r[1] === c2.id)).toBeDefined();
    expect(rows.find((r) => r[1] === c2.id)![10]).toBe('NF%2C1');
    const dup = Object.values(fw.competencies).filter((c) => c.code === '3.NF.3a');
    const idNumbers = dup.map((c) => rows.find((r) => r[3]!.startsWith(`<p>${c.statement.replace(/</g, '&lt;').replace(/>/g, '&gt;')}`))![1]);
    expect(new Set(idNumbers).size).toBe(2);
  });

  it('keeps short names within 100 characters and protects < > from Moodle stripping tags', () => {
    const fw = smallFramework();
    byCode(fw, '3.NF.1').statement = 'word '.repeat(40);
    const rows = parseCsv(writeMoodleCsv(fw)).rows;
    expect(rows.find((r) => r[1] === '3.NF.1')![2]!.length).toBeLessThanOrEqual(100);
    expect(rows.find((r) => r[1] === '3.NF.1')![2]!.endsWith('…')).toBe(true);
    expect(rows.find((r) => r[1] === '3.NF.3d')![2]).toBe('Compare two fractions with the same numerator or the same denominator, using ＜, = and ＞.');
    expect(rows.find((r) => r[1] === '3.NF.3d')![3]).toContain('using &lt;, = and &gt;.');
  });

  it('takes the top phase as default and proficient when the scale has no threshold (Moodle needs both)', () => {
    expect(moodleScaleConfiguration({ phases: smallFramework().phases.map((p) => ({ ...p, threshold: false })) })).toBe(
      '[{"scaleid":"0"},{"id":4,"scaledefault":1,"proficient":1}]',
    );
  });
});

/** Canvas's own header check (lib/outcomes/csv_importer.rb): these names only, ratings last. */
const CANVAS_REQUIRED = ['title', 'vendor_guid', 'object_type'];
const CANVAS_OPTIONAL = [
  'canvas_id',
  'course_id',
  'description',
  'friendly_description',
  'display_name',
  'parent_guids',
  'calculation_method',
  'calculation_int',
  'mastery_points',
  'workflow_state',
];

describe('writeCanvasCsv', () => {
  it('matches the golden file for the small fixture framework', () => {
    expectGolden('canvas.csv', writeCanvasCsv(smallFramework()));
  });

  it("passes Canvas's header rules: known fields only, ratings last with empty headers after it", () => {
    const rows = parseCsv(writeCanvasCsv(smallFramework())).rows;
    const header = rows[0]!;
    const r = header.indexOf('ratings');
    expect(r).toBeGreaterThan(0);
    expect(header.slice(r + 1).every((h) => h === '')).toBe(true);
    const fields = header.slice(0, r);
    for (const f of CANVAS_REQUIRED) expect(fields).toContain(f);
    for (const f of fields) expect([...CANVAS_REQUIRED, ...CANVAS_OPTIONAL]).toContain(f);
    expect(rows.every((row) => row.length === header.length)).toBe(true);
  });

  it('makes groups for the framework and its domains, outcomes for competencies, parents on earlier rows', () => {
    const rows = parseCsv(writeCanvasCsv(smallFramework())).rows;
    const h = rows[0]!;
    const col = (name: string) => h.indexOf(name);
    const data = rows.slice(1);
    expect(data.map((r) => r[col('object_type')])).toEqual(['group', 'group', 'group', 'group', 'outcome', 'outcome', 'outcome', 'outcome', 'outcome']);
    const seenGroups: string[] = [];
    for (const r of data) {
      expect(r[col('vendor_guid')]).not.toMatch(/\s/);
      for (const p of r[col('parent_guids')]!.split(' ').filter(Boolean)) expect(seenGroups).toContain(p);
      if (r[col('object_type')] === 'group') seenGroups.push(r[col('vendor_guid')]!);
    }
    const outcome = data.find((r) => r[col('display_name')] === '3.NF.3a')!;
    expect(outcome[col('vendor_guid')]).toBe('00000000-0000-4000-8000-000300000003');
    expect(outcome[col('parent_guids')]).toBe('00000000-0000-4000-8000-000200000002');
    expect(outcome[col('friendly_description')]).toBe('I can show that two fractions are equal, like 1/2 = 2/4.');
    expect(outcome[col('calculation_method')]).toBe('decaying_average');
    expect(outcome[col('calculation_int')]).toBe('65');
  });

  it('turns the phases into ratings, highest first, with mastery points at the threshold phase', () => {
    const rows = parseCsv(writeCanvasCsv(smallFramework())).rows;
    const h = rows[0]!;
    const r = h.indexOf('ratings');
    const outcome = rows.find((x) => x[h.indexOf('object_type')] === 'outcome')!;
    expect(outcome.slice(r)).toEqual(['4', 'Advanced', '3', 'Proficient', '2', 'Developing', '1', 'Beginning']);
    expect(outcome[h.indexOf('mastery_points')]).toBe('3');
    const points = outcome.slice(r).filter((_, i) => i % 2 === 0).map(Number);
    expect([...points].sort((a, b) => b - a)).toEqual(points);
  });

  it('leaves the rating cells of groups unquoted and empty, so Canvas reads them as absent', () => {
    const text = writeCanvasCsv(smallFramework());
    const groupLines = text.split('\r\n').filter((l) => l.includes(',group,'));
    expect(groupLines).toHaveLength(4);
    for (const l of groupLines) {
      expect(l).not.toContain('""');
      expect(l.endsWith(',,,,,,,,')).toBe(true);
    }
  });

  it('honours the calculation method and can leave out friendly_description', () => {
    const rows = parseCsv(writeCanvasCsv(smallFramework(), { calculationMethod: 'n_mastery', calculationInt: 9, friendlyDescription: false })).rows;
    const h = rows[0]!;
    expect(h).not.toContain('friendly_description');
    const outcome = rows.find((x) => x[h.indexOf('object_type')] === 'outcome')!;
    expect(outcome[h.indexOf('calculation_method')]).toBe('n_mastery');
    expect(outcome[h.indexOf('calculation_int')]).toBe('5');
    const latest = parseCsv(writeCanvasCsv(smallFramework(), { calculationMethod: 'latest' })).rows;
    expect(latest.find((x) => x[1] === 'outcome')![latest[0]!.indexOf('calculation_int')]).toBe('');
  });

  it('writes the same bytes twice (deterministic)', () => {
    expect(writeCanvasCsv(smallFramework())).toBe(writeCanvasCsv(smallFramework()));
    expect(writeMoodleCsv(smallFramework())).toBe(writeMoodleCsv(smallFramework()));
  });
});

describe('LMS exports of a framework with a domain cycle (exported with --force)', () => {
  it('never names a parent that comes later, so Moodle and Canvas do not drop anything', () => {
    const fw = smallFramework();
    fw.domains[0]!.parentId = fw.domains[1]!.id; // NF ↔ NF.EQ
    const moodle = parseCsv(writeMoodleCsv(fw)).rows.slice(2);
    moodle.forEach((r, i) => {
      if (r[0] !== '') expect(moodle.slice(0, i).map((x) => x[1])).toContain(r[0]);
    });
    expect(moodle).toHaveLength(3 + 5);
    const canvas = parseCsv(writeCanvasCsv(fw)).rows;
    const h = canvas[0]!;
    const seen: string[] = [];
    for (const r of canvas.slice(1)) {
      for (const p of r[h.indexOf('parent_guids')]!.split(' ').filter(Boolean)) expect(seen).toContain(p);
      seen.push(r[h.indexOf('vendor_guid')]!);
    }
  });
});
