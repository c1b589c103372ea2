import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworkText, schemaCheckFramework, serializeFramework } from '../../src-core/format/frameworkFile';
import { describeProblem, type LoadProblem } from '../../src-core/format/schemaErrors';
import { locateInFrameworkFile, shorten } from '../../src-core/format/schemaLocation';
import { createCompetency, createFramework } from '../../src-core/model/defaults';
import type { Framework } from '../../src-core/model/types';

const root = join(import.meta.dirname, '../..');
const fixture = (name: string) => readFileSync(join(root, 'tests/fixtures/invalid', name), 'utf8');

/** The load failure of a framework file given as an object (after `edit` changed it). */
function failure(fw: Framework, edit: (file: any) => void): LoadProblem {
  const file = JSON.parse(serializeFramework(fw));
  edit(file);
  const r = loadFrameworkText(JSON.stringify(file));
  if (r.ok) throw new Error('expected the file to be refused');
  return r.error;
}

const lines = (e: LoadProblem) => (e.details ?? []).map((d) => describeProblem(d));

/** A framework with the default scale (Beginning … Advanced) and competency A.1 with two Proficient indicators. */
function sample() {
  const fw = createFramework({ title: 'Sample' });
  const proficient = fw.phases.find((p) => p.label === 'Proficient')!;
  const a = createCompetency({ code: 'A.1', statement: 'Add fractions with like denominators' });
  a.phases[proficient.id] = {
    descriptor: 'Adds them.',
    indicators: [
      { id: '11111111-1111-4111-8111-111111111111' as never, text: 'Adds 1/4 and 2/4.' },
      { id: '11111111-1111-4111-8111-111111111112' as never, text: 'Explains why.' },
    ],
  };
  const b = createCompetency({ code: '', statement: 'Compare two fractions with the same numerator or the same denominator by reasoning about their size' });
  fw.competencies[a.id] = a;
  fw.competencies[b.id] = b;
  return { fw, a, b, proficient };
}

describe('schema problems say where they are in words, with the exact JSON pointer', () => {
  it('an indicator: the competency by code and statement, the phase by label, the indicator counted from 1', () => {
    const { fw, a, proficient } = sample();
    const e = failure(fw, (f) => (f.framework.competencies[a.id].phases[proficient.id].indicators[1].text = 42));
    expect(e.code).toBe('schema');
    const pointer = `/framework/competencies/${a.id}/phases/${proficient.id}/indicators/1/text`;
    expect(lines(e)).toEqual([`competency “A.1” (“Add fractions with like denominators”) — phase Proficient, indicator 2: text must be a string (${pointer})`]);
    expect(e.path).toBe(pointer);
    expect(e.message).toBe(`The file does not match the framework format: ${lines(e)[0]}.`);
  });

  it('a competency without a code is named by its statement, cut at a word with an ellipsis', () => {
    const { fw, b } = sample();
    const e = failure(fw, (f) => (f.framework.competencies[b.id].pinned = 'yes'));
    expect(lines(e)).toEqual([`competency “Compare two fractions with the same…”: pinned must be true or false (/framework/competencies/${b.id}/pinned)`]);
  });

  it('a competency with neither code nor statement is named by the start of its id', () => {
    const { fw, b } = sample();
    const e = failure(fw, (f) => {
      f.framework.competencies[b.id].statement = '  ';
      f.framework.competencies[b.id].position.x = 'left';
    });
    expect(lines(e)).toEqual([`competency “${b.id.slice(0, 8)}…”: position x must be a number (/framework/competencies/${b.id}/position/x)`]);
  });

  it('a prerequisite link by its two ends, saying when an end names no competency', () => {
    const { fw, a, b } = sample();
    const e = failure(fw, (f) => {
      f.framework.prerequisites['22222222-2222-4222-8222-222222222221'] = { id: '22222222-2222-4222-8222-222222222221', from: a.id, to: b.id, note: 7 };
      f.framework.prerequisites['22222222-2222-4222-8222-222222222222'] = { id: '22222222-2222-4222-8222-222222222222', from: 'NF.9', to: a.id, note: '' };
    });
    expect(lines(e)).toEqual([
      'prerequisite link “A.1” → “Compare two fractions with…”: note must be a string (/framework/prerequisites/22222222-2222-4222-8222-222222222221/note)',
      'prerequisite link “NF.9” (no such competency) → “A.1”: from must be a UUID (8-4-4-4-12 hex digits) (/framework/prerequisites/22222222-2222-4222-8222-222222222222/from)',
    ]);
  });

  it('an alignment by competency and standard code; a standard by its set and code', () => {
    const e = loadFrameworkText(fixture('schema-problems.json'));
    if (e.ok) throw new Error('expected the fixture to be refused');
    expect(lines(e.error)).toEqual([
      'domain “NF” (“Fractions”): color must be a colour like #1f77b4 (/framework/domains/0/color)',
      'competency “NF.1” (“Name a unit fraction 1/b as one of b…”): estimated hours must be a number or null (/framework/competencies/c0000000-0000-4000-8000-000000000001/estimatedHours)',
      'competency “NF.1” (“Name a unit fraction 1/b as one of b…”) — phase Proficient, indicator 1: text must be a string (/framework/competencies/c0000000-0000-4000-8000-000000000001/phases/a0000000-0000-4000-8000-000000000003/indicators/0/text)',
      'competency “Place a fraction a/b on a number line.”: code must be a string (/framework/competencies/c0000000-0000-4000-8000-000000000002/code)',
      'prerequisite link “NF.1” → “Place a fraction a/b on a…”: note must be a string (/framework/prerequisites/b0000000-0000-4000-8000-000000000001/note)',
      'standards set “A tiny standards set” — standard “3.NF.A.1” (“Understand a fraction 1/b as the…”): sequence must be a number (/framework/standardsSets/50000000-0000-4000-8000-000000000001/items/3.NF.A.1/sequence)',
      'alignment of “NF.1” to standard “3.NF.A.1”: kind must be one of "exact", "partial", "related" (/framework/alignments/70000000-0000-4000-8000-000000000001/kind)',
    ]);
    expect(e.error.message).toBe(`The file does not match the framework format (7 problems). The first: ${lines(e.error)[0]}.`);
  });

  it('the alternatives of a nullable value are one problem, not one per branch', () => {
    const { fw, a } = sample();
    const e = failure(fw, (f) => {
      f.framework.competencies[a.id].domainId = 'Fractions';
      f.framework.competencies[a.id].estimatedHours = -2;
    });
    expect((e.details ?? []).map((d) => `${d.field} ${d.message}`)).toEqual(['domain must be a UUID (8-4-4-4-12 hex digits) or null', 'estimated hours must be a number ≥ 0 or null']);
  });

  it('missing and unexpected properties name the record they belong to', () => {
    const { fw, a } = sample();
    const e = failure(fw, (f) => {
      delete f.framework.competencies[a.id].iCan;
      f.framework.competencies[a.id].position.z = 3;
      f.framework.phases[1].colour = 'red';
    });
    expect(lines(e)).toEqual([
      'mastery phase “Developing”: unexpected property "colour" (/framework/phases/1/colour)',
      `competency “A.1” (“Add fractions with like denominators”): missing required property "iCan" (/framework/competencies/${a.id})`,
      `competency “A.1” (“Add fractions with like denominators”) — position: unexpected property "z" (/framework/competencies/${a.id}/position/z)`,
    ]);
  });

  it('record keys that are not ids, phases not in the scale, records that are not objects', () => {
    const { fw, a } = sample();
    const e = failure(fw, (f) => {
      f.framework.competencies['NF 3'] = 12;
      f.framework.competencies[a.id].phases['proficient'] = { descriptor: '', indicators: [{ id: 'x', text: 'y' }] };
    });
    expect(lines(e)).toEqual([
      'the framework “Sample” — competencies: key "NF 3" must be a UUID (8-4-4-4-12 hex digits) (/framework/competencies/NF 3)',
      `competency “A.1” (“Add fractions with like denominators”) — phases: key "proficient" must be a UUID (8-4-4-4-12 hex digits) (/framework/competencies/${a.id}/phases/proficient)`,
      `competency “A.1” (“Add fractions with like denominators”) — phase “proficient” (not in the mastery scale), indicator 1: id must be a UUID (8-4-4-4-12 hex digits) (/framework/competencies/${a.id}/phases/proficient/indicators/0/id)`,
      'competency “NF 3”: must be an object (/framework/competencies/NF 3)',
    ]);
  });

  it('domains and phases without a name are counted from 1; the framework by its title', () => {
    const { fw } = sample();
    const e = failure(fw, (f) => {
      f.framework.domains = [{ id: '33333333-3333-4333-8333-333333333333', code: '', title: '', description: '', color: '#123456', parentId: 5 }];
      f.framework.phases[2].label = '';
      f.framework.phases[2].threshold = 'yes';
      f.framework.subjects = ['Math', 3];
    });
    expect(lines(e)).toEqual([
      'the framework “Sample”: subjects item 2 must be a string (/framework/subjects/1)',
      'mastery phase 3: threshold must be true or false (/framework/phases/2/threshold)',
      'domain 1: parent must be a string or null (/framework/domains/0/parentId)',
    ]);
  });

  it('escaped pointer tokens (a standard id with a slash) are read back to find the record', () => {
    const fw = JSON.parse(readFileSync(join(root, 'tests/fixtures/frameworks/v1-minimal.json'), 'utf8'));
    const set = fw.framework.standardsSets['50000000-0000-4000-8000-000000000001'];
    set.items['CCSS/3.NF~1'] = { ...set.items['3.NF.A.1'], id: 'CCSS/3.NF~1', code: '3.NF.A.1 (copy)', uri: 9 };
    const r = loadFrameworkText(JSON.stringify(fw));
    if (r.ok) throw new Error('expected a refusal');
    expect(lines(r.error)).toEqual([
      'standards set “A tiny standards set” — standard “3.NF.A.1 (copy)” (“Understand a fraction 1/b as the…”): URI must be a string (/framework/standardsSets/50000000-0000-4000-8000-000000000001/items/CCSS~13.NF~01/uri)',
    ]);
  });

  it('the schema check before an export describes its problems the same way', () => {
    const { fw, a } = sample();
    (fw.competencies[a.id] as any).notes = null;
    const problems = schemaCheckFramework(fw);
    expect(problems.map((p) => describeProblem(p))).toEqual([
      `competency “A.1” (“Add fractions with like denominators”): notes must be a string (/framework/competencies/${a.id}/notes)`,
    ]);
    expect(describeProblem(problems[0]!, { pointer: false })).toBe('competency “A.1” (“Add fractions with like denominators”): notes must be a string');
  });

  it('every problem of a file with many is kept', () => {
    const r = loadFrameworkText(fixture('schema-problems-many.json'));
    expect(!r.ok && r.error.details!.length).toBe(60);
    expect(!r.ok && r.error.details!.map((d) => d.where)).toContain('competency “M.60” (“Competency number 60 of the many”)');
  });
});

describe('locateInFrameworkFile', () => {
  it('never reaches the prototype: a key such as __proto__ or constructor is just a key', () => {
    const file = { framework: { competencies: {}, title: 'T' } };
    expect(locateInFrameworkFile(file, '/framework/competencies/__proto__/code')).toEqual({ where: 'competency “__proto__”', field: 'code', recordId: '__proto__' });
    expect(locateInFrameworkFile(file, '/framework/constructor')).toEqual({ where: 'the framework “T”', field: 'constructor' });
  });
  it('names the record a pointer is in by its id: its key, or a domain’s or phase’s own id (none when it has no string id)', () => {
    const file = {
      framework: {
        phases: [{ id: 'p1', label: 'Proficient' }, { label: 'Nameless' }],
        domains: [{ id: 'd1', code: 'NF' }, { id: 5 }],
        standardsSets: { s1: { title: 'Set', items: { 'a/b': { code: 'A' } } } },
        competencies: { c1: {} },
      },
    };
    expect(locateInFrameworkFile(file, '/framework/phases/0/label').recordId).toBe('p1');
    expect(locateInFrameworkFile(file, '/framework/phases/1/label').recordId).toBeUndefined();
    expect(locateInFrameworkFile(file, '/framework/domains/0/color').recordId).toBe('d1');
    expect(locateInFrameworkFile(file, '/framework/domains/1').recordId).toBeUndefined();
    expect(locateInFrameworkFile(file, '/framework/standardsSets/s1/title').recordId).toBe('s1');
    expect(locateInFrameworkFile(file, '/framework/standardsSets/s1/items/a~1b/code').recordId).toBe('a/b');
    expect(locateInFrameworkFile(file, '/framework/competencies/c1/phases/x/indicators/0').recordId).toBe('c1');
    expect(locateInFrameworkFile(file, '/framework/prerequisites/l1/from').recordId).toBe('l1');
    expect(locateInFrameworkFile(file, '/framework/alignments/a1').recordId).toBe('a1');
    expect(locateInFrameworkFile(file, '/framework/title').recordId).toBeUndefined();
    expect(locateInFrameworkFile(file, '/framework/competencies').recordId).toBeUndefined();
    expect(locateInFrameworkFile(file, '/formatVersion').recordId).toBeUndefined();
  });
  it('outside the framework: the file itself', () => {
    expect(locateInFrameworkFile(null, '/formatVersion')).toEqual({ where: 'the file', field: 'format version' });
    expect(locateInFrameworkFile('x', '')).toEqual({ where: 'the file' });
  });
  it('review comments by author and text, kept CASE associations by type', () => {
    const file = {
      framework: {
        comments: { k1: { author: 'Ana', text: 'Split this competency in two, it mixes skills', target: 3 } },
        caseAssociations: { '44444444-4444-4444-8444-444444444444': { associationType: 'isRelatedTo' } },
      },
    };
    expect(locateInFrameworkFile(file, '/framework/comments/k1/target')).toEqual({ where: 'review comment by Ana (“Split this competency in two, it mixes…”)', field: 'target', recordId: 'k1' });
    expect(locateInFrameworkFile(file, '/framework/caseAssociations/44444444-4444-4444-8444-444444444444/origin/identifier')).toEqual({
      where: 'kept CASE association “isRelatedTo” 44444444…',
      field: 'origin identifier',
      recordId: '44444444-4444-4444-8444-444444444444',
    });
  });
});

describe('shorten', () => {
  it('keeps short texts, cuts long ones at a word with an ellipsis, never splits a character', () => {
    expect(shorten('Add fractions')).toBe('Add fractions');
    expect(shorten('Compare two fractions with the same numerator or the same denominator')).toBe('Compare two fractions with the same…');
    expect(shorten('x'.repeat(60))).toBe(`${'x'.repeat(40)}…`);
    expect(shorten('🧮'.repeat(60), 10)).toBe(`${'🧮'.repeat(10)}…`);
    expect(shorten('🧮'.repeat(10), 10)).toBe('🧮'.repeat(10));
  });
});
