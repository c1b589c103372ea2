import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src-core/csv/papa';
import { MOODLE_COLUMNS, moodleIdNumberKey, writeMoodleCsv } from '../../src-core/export/moodle';
import type { Framework } from '../../src-core/model/types';
import { smallFramework } from './csv/fixtures';

const PHP_NUMERIC = /^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\r\v\f]*$/;
/** PHP 8's `$a == $b` for two strings: numeric strings compare as numbers. */
const phpLooseEquals = (a: string, b: string) => (PHP_NUMERIC.test(a) && PHP_NUMERIC.test(b) ? Number(a) === Number(b) : a === b);

interface Node {
  idnumber: string;
  parentidnumber: string;
  related: string;
  children: Node[];
}

/**
 * What Moodle's `tool_lpimportcsv\framework_importer` does with the file, step by step: a flat list keyed
 * by ID number, the tree built by `add_children` (`$competency->parentidnumber == $parentidnumber`), each
 * competency created through `api::create_competency`, which refuses an ID number already taken in the
 * framework (compared by the database: MySQL's default collations ignore letter case and accents), and
 * the cross-references (`explode(',')`, `%2C` → `,`) looked up in the flat list.
 */
function moodleImport(csv: string): { parentOf: Map<string, string>; related: Set<string> } {
  const [header, ...rows] = parseCsv(csv).rows;
  expect(header).toEqual([...MOODLE_COLUMNS]);
  const flat = new Map<string, Node>();
  for (const r of rows) {
    if (r[12] !== '' && r[12] !== '0') continue; // the framework row
    flat.set(r[1]!, { idnumber: r[1]!, parentidnumber: r[0]!, related: r[10]!, children: [] });
  }
  const root: Node = { idnumber: '', parentidnumber: '', related: '', children: [] };
  const addChildren = (node: Node, parent: string, depth: number) => {
    if (depth > 50) throw new Error('the tree does not end');
    for (const c of flat.values()) {
      if (!phpLooseEquals(c.parentidnumber, parent)) continue;
      node.children.push(c);
      addChildren(c, c.idnumber, depth + 1);
    }
  };
  addChildren(root, '', 0);
  const taken = new Set<string>();
  const parentOf = new Map<string, string>();
  const create = (node: Node, parent: string) => {
    const key = node.idnumber.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (taken.has(key)) throw new Error(`idnumbertaken: ${node.idnumber}`);
    taken.add(key);
    parentOf.set(node.idnumber, parent);
    for (const c of node.children) create(c, node.idnumber);
  };
  for (const c of root.children) create(c, '');
  const related = new Set<string>();
  for (const c of flat.values()) {
    for (const raw of c.related === '' ? [] : c.related.split(',')) {
      const other = raw.replace(/%2C/g, ',');
      if (flat.has(other)) related.add(`${c.idnumber} ~ ${other}`);
    }
  }
  return { parentOf, related };
}

const byCode = (fw: Framework, code: string) => Object.values(fw.competencies).find((c) => c.code === code)!;

/** Each competency and domain: where Moodle should put it (by our ids), and its ID number in the file. */
function expectedTree(fw: Framework, csv: string) {
  const rows = parseCsv(csv).rows.slice(2);
  const idNumberOf = new Map<string, string>();
  for (const d of fw.domains) idNumberOf.set(d.id, rows.find((r) => r[2] === d.title)![1]!);
  for (const c of Object.values(fw.competencies)) idNumberOf.set(c.id, rows.find((r) => r[3]!.includes(c.statement.slice(0, 40)))![1]!);
  return { idNumberOf, rows };
}

describe('Moodle ID numbers that Moodle takes for the same one (qa-k)', () => {
  it('domains 1.1 and 1.10 (outline numbers) each keep their own competencies, created once', () => {
    const fw = smallFramework();
    fw.domains[0]!.code = '1.1'; // NF
    fw.domains[2]!.code = '1.10'; // MD
    fw.domains[1]!.code = '1.1.1'; // NF.EQ, under NF
    const csv = writeMoodleCsv(fw);
    const { parentOf } = moodleImport(csv); // threw "idnumbertaken" before: 1.10 took 1.1's children too
    const { idNumberOf } = expectedTree(fw, csv);
    expect(parentOf.size).toBe(fw.domains.length + Object.keys(fw.competencies).length);
    for (const c of Object.values(fw.competencies)) expect(parentOf.get(idNumberOf.get(c.id)!)).toBe(idNumberOf.get(c.domainId!));
    expect(parentOf.get(idNumberOf.get(fw.domains[1]!.id)!)).toBe('1.1');
    // The first keeps its code, the one Moodle would confuse with it gets its id.
    expect(idNumberOf.get(fw.domains[0]!.id)).toBe('1.1');
    expect(idNumberOf.get(fw.domains[2]!.id)).toBe(fw.domains[2]!.id);
  });

  it('a competency coded like a domain in numbers (3 and 03) does not take the domain’s competencies', () => {
    const fw = smallFramework();
    fw.domains[2]!.code = '3'; // MD
    byCode(fw, '3.NF.1').code = '03';
    const csv = writeMoodleCsv(fw);
    const { parentOf } = moodleImport(csv);
    const { idNumberOf } = expectedTree(fw, csv);
    for (const c of Object.values(fw.competencies)) expect(parentOf.get(idNumberOf.get(c.id)!)).toBe(idNumberOf.get(c.domainId!));
  });

  it('codes that differ only in letter case or accents do not stop the import on MySQL', () => {
    const fw = smallFramework();
    byCode(fw, '3.NF.1').code = 'NF.a';
    byCode(fw, '3.NF.2').code = 'NF.A';
    byCode(fw, '3.NF.3a').code = 'NF.é';
    byCode(fw, '3.NF.3d').code = 'NF.e';
    const csv = writeMoodleCsv(fw);
    const { parentOf, related } = moodleImport(csv);
    const { idNumberOf } = expectedTree(fw, csv);
    expect(parentOf.size).toBe(fw.domains.length + Object.keys(fw.competencies).length);
    // Every prerequisite is still a cross-reference between the right two competencies.
    for (const l of fw.prerequisites.values()) {
      expect(related).toContain(`${idNumberOf.get(l.to)} ~ ${idNumberOf.get(l.from)}`);
    }
  });

  it('a code holding %2C is not cut in two when Moodle reads the cross-references', () => {
    const fw = smallFramework();
    byCode(fw, '3.NF.1').code = 'NF%2C1';
    const csv = writeMoodleCsv(fw);
    const { related } = moodleImport(csv);
    const { idNumberOf } = expectedTree(fw, csv);
    for (const l of fw.prerequisites.values()) expect(related).toContain(`${idNumberOf.get(l.to)} ~ ${idNumberOf.get(l.from)}`);
  });

  it('keeps codes Moodle tells apart, and numbers it takes as equal share a key', () => {
    expect(writeMoodleCsv(smallFramework())).toContain('"3.NF.3a"');
    expect(moodleIdNumberKey('1.1')).toBe(moodleIdNumberKey('1.10'));
    expect(moodleIdNumberKey('3')).toBe(moodleIdNumberKey('03'));
    expect(moodleIdNumberKey('1e1')).toBe(moodleIdNumberKey('10'));
    expect(moodleIdNumberKey('1.1a')).not.toBe(moodleIdNumberKey('1.10a'));
    expect(moodleIdNumberKey('3.NF.1')).not.toBe(moodleIdNumberKey('3.NF.10'));
  });
});
