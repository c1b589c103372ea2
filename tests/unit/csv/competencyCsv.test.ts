import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeCell, readCompetencyCsv, unescapeCell, writeCompetencyCsv, type CompetencyCsvImport } from '../../../src-core/csv/competencyCsv';
import { parseCsv } from '../../../src-core/csv/papa';
import { schemaCheckFramework } from '../../../src-core/format/frameworkFile';
import { EDUCATION_LEVELS } from '../../../src-core/model/levels';
import {
  EVIDENCE_TYPES,
  type Alignment,
  type Competency,
  type Domain,
  type Framework,
  type MasteryPhase,
  type PrerequisiteLink,
  type StandardsSet,
} from '../../../src-core/model/types';
import { expectGolden, smallFramework } from './fixtures';

function readOk(text: string, options: Parameters<typeof readCompetencyCsv>[1] = {}): CompetencyCsvImport {
  const r = readCompetencyCsv(text, options);
  if (!r.ok) throw new Error(`unexpected failure: ${r.error.message}`);
  return r.value;
}

const byCode = (fw: Framework, code: string) => Object.values(fw.competencies).find((c) => c.code === code)!;
const linkPairs = (fw: Framework) =>
  [...fw.prerequisites.values()]
    .map((l) => `${fw.competencies[l.from]!.code}>${fw.competencies[l.to]!.code}`)
    .sort();
const alignmentTriples = (fw: Framework) =>
  [...fw.alignments.values()]
    .map((a) => `${fw.competencies[a.competencyId]!.code}>${fw.standardsSets[a.setId]!.items[a.standardId]!.code}:${a.kind}`)
    .sort();

describe('writeCompetencyCsv', () => {
  it('matches the golden file for the small fixture framework', () => {
    expectGolden('competencies.csv', writeCompetencyCsv(smallFramework()));
  });

  it('starts with a UTF-8 BOM, quotes every field and ends records with CRLF', () => {
    const text = writeCompetencyCsv(smallFramework());
    expect(text.startsWith('\uFEFF"Code","Statement","I can","Domain code","Domain","Education levels","Estimated hours","Evidence types","Prerequisites","Alignments","Threshold descriptor","Notes","Phase: Beginning","Indicators: Beginning",')).toBe(true);
    expect(text).toContain('"Phase: Proficient (mastery threshold)"');
    expect(text.endsWith('"\r\n')).toBe(true);
    const table = parseCsv(text);
    expect(table.rows).toHaveLength(6);
    // Every record boundary is CRLF and every cell is quoted: the header + 5 rows, 21 cells each.
    for (const r of table.rows) expect(r).toHaveLength(21);
    expect(text.match(/"\r\n"/g)).toHaveLength(5);
  });

  it('writes prerequisites and alignments by code, the kind when it is not exact', () => {
    const rows = parseCsv(writeCompetencyCsv(smallFramework())).rows;
    const row = rows.find((r) => r[0] === '3.NF.3a')!;
    expect(row[8]).toBe('3.NF.1; 3.NF.2');
    expect(row[9]).toBe('3.NF.A.3 (partial)');
    expect(row[10]).toBe('Shows equivalence with models & number lines.\nUses both.');
  });

  it('makes formula-looking cells inert in spreadsheets and reads them back exactly', () => {
    for (const s of ['=SUM(A1:A3)', '+1', '-2 apples', '@here', "'=already", "''+x", 'plain', "'quoted", '']) {
      expect(unescapeCell(escapeCell(s))).toBe(s);
    }
    expect(escapeCell('=1+1')).toBe("'=1+1");
    expect(escapeCell("it's")).toBe("it's");
    const fw = smallFramework();
    byCode(fw, '3.NF.1').statement = '=HYPERLINK("http://evil.example","click")';
    const text = writeCompetencyCsv(fw);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(byCode(readOk(text).framework, '3.NF.1').statement).toBe('=HYPERLINK("http://evil.example","click")');
  });
});

describe('readCompetencyCsv', () => {
  it('reads its own export back into the same framework when given it as the base', () => {
    const fw = smallFramework();
    const imp = readOk(writeCompetencyCsv(fw), { base: fw });
    expect(imp.rowErrors).toEqual([]);
    expect(imp.framework).toEqual({ ...fw, comments: {} });
  });

  it('reads its own export into a new framework: texts, domains, phases, links and alignment codes', () => {
    const fw = smallFramework();
    const imp = readOk(writeCompetencyCsv(fw), { title: 'From a spreadsheet' });
    const out = imp.framework;
    expect(imp.rowErrors).toEqual([]);
    expect(out.title).toBe('From a spreadsheet');
    expect(Object.keys(out.competencies).sort()).toEqual(Object.keys(fw.competencies).sort());
    for (const c of Object.values(fw.competencies)) {
      const d = out.competencies[c.id]!;
      expect([d.code, d.statement, d.iCan, d.educationLevels, d.estimatedHours, d.evidenceTypes, d.notes]).toEqual([
        c.code,
        c.statement,
        c.iCan,
        c.educationLevels,
        c.estimatedHours,
        c.evidenceTypes,
        c.notes,
      ]);
    }
    expect(out.phases.map((p) => [p.label, p.threshold])).toEqual(fw.phases.map((p) => [p.label, p.threshold]));
    expect(out.domains.map((d) => [d.code, d.title])).toEqual([
      ['NF', 'Number & Operations—Fractions'],
      ['NF.EQ', 'Equivalence'],
      ['MD', 'Measurement & Data'],
    ]);
    expect(linkPairs(out)).toEqual(linkPairs(fw));
    expect(alignmentTriples(out)).toEqual(alignmentTriples(fw));
    // Without the base, the aligned standards are kept as codes in a set of their own.
    expect(Object.values(out.standardsSets).map((s) => s.title)).toEqual(['Standards referenced in the CSV']);
    expect(imp.notes.join('\n')).toMatch(/2 aligned standard code\(s\) were not in any standards set/);
    const p = out.phases.find((x) => x.label === 'Proficient')!;
    expect(byCode(out, '3.NF.1').phases[p.id]!.indicators.map((i) => i.text)).toEqual([
      'Draws 1/4 of a rectangle and says why the parts must be equal.',
      'Writes the fraction for a shaded part.',
    ]);
    expect(schemaCheckFramework(out)).toEqual([]);
  });

  it('reads a hand-made spreadsheet with a few columns in another order, separated by semicolons', () => {
    const text = 'Statement;Code;Prerequisites;Grade;Evidence\nAdd within 10;A.1;;K;Test\nAdd within 20;A.2;A.1;1;"Performance task, portfolio"\n';
    const out = readOk(text).framework;
    expect(byCode(out, 'A.2').statement).toBe('Add within 20');
    expect(byCode(out, 'A.2').educationLevels).toEqual(['01']);
    expect(byCode(out, 'A.2').evidenceTypes).toEqual(['performance-task', 'portfolio']);
    expect(linkPairs(out)).toEqual(['A.1>A.2']);
    expect(schemaCheckFramework(out)).toEqual([]);
  });

  it('reports every row problem with its spreadsheet row number', () => {
    const text = [
      'Code,Statement,Prerequisites,Estimated hours,Evidence types,Education levels,ID',
      'A,Alpha,,2,test,3,00000000-0000-4000-8000-0000000000a1', // row 2: fine
      'B,Beta,"A; Z",lots,"test; telepathy",3,00000000-0000-4000-8000-0000000000a1', // row 3
      'C,"Gamma, with a',
      'line break",C,-1,,Year 3,not-a-uuid', // row 4 (two text lines)
      ',,A,,,,', // row 5
      'A,Alpha again,,,,,', // row 6
      '', // row 7 (empty)
    ].join('\r\n');
    const imp = readOk(text);
    expect(imp.rowErrors).toEqual([
      { row: 3, severity: 'error', message: 'ID 00000000-0000-4000-8000-0000000000a1 is also used on an earlier row; this competency got a new id' },
      { row: 3, severity: 'error', message: 'estimated hours "lots" is not a number of hours (0 or more); left empty' },
      { row: 3, severity: 'warning', message: 'unknown evidence type "telepathy" was left out (known: test, product, demonstration, performance-task, portfolio, observation, other)' },
      { row: 3, severity: 'error', message: 'prerequisite Z is not a competency in the file; the link was left out' },
      { row: 4, severity: 'warning', message: 'ID "not-a-uuid" is not a UUID; a new id was given' },
      { row: 4, severity: 'warning', message: 'unknown education level "Year 3" (kept as written)' },
      { row: 4, severity: 'error', message: 'estimated hours "-1" is not a number of hours (0 or more); left empty' },
      { row: 4, severity: 'error', message: 'C cannot be its own prerequisite; the link was left out' },
      { row: 5, severity: 'error', message: 'the row has neither a code nor a statement; it was skipped' },
      { row: 6, severity: 'warning', message: 'code A is also used on row 2; prerequisites naming A mean row 2' },
    ]);
    const out = imp.framework;
    expect(Object.keys(out.competencies)).toHaveLength(4);
    expect(byCode(out, 'C').statement).toBe('Gamma, with a\r\nline break');
    expect(linkPairs(out)).toEqual(['A>B']);
  });

  it('fails closed on an empty file or one without a Statement or Code column', () => {
    expect(readCompetencyCsv('\uFEFF')).toMatchObject({ ok: false, error: { code: 'empty-csv' } });
    expect(readCompetencyCsv('name,grade\nx,3\n')).toMatchObject({ ok: false, error: { code: 'no-columns', path: 'row 1' } });
  });

  it('uses the Threshold descriptor column when the threshold phase column is empty or absent', () => {
    const fw = smallFramework();
    const t = fw.phases.find((p) => p.threshold)!;
    const text = 'Code,Statement,Threshold descriptor\nX.1,Something,Does it alone\n';
    const out = readOk(text, { base: fw }).framework;
    expect(byCode(out, 'X.1').phases[t.id]!.descriptor).toBe('Does it alone');
  });

  it('keeps the base domain when a competency moves and creates domains it does not know', () => {
    const fw = smallFramework();
    const text = writeCompetencyCsv(fw).replace('"MD","Measurement & Data"', '"GEO","Geometry"');
    const out = readOk(text, { base: fw }).framework;
    expect(out.domains.map((d) => d.code)).toEqual(['NF', 'NF.EQ', 'MD', 'GEO']);
    expect(out.domains.find((d) => d.code === 'NF.EQ')!.parentId).toBe(fw.domains[0]!.id);
    expect(byCode(out, '3.MD.1').domainId).toBe(out.domains[3]!.id);
  });
});

// ---------------------------------------------------------------------------------------------
// Round trip, property-based: any framework → CSV → back (with the framework as base) is the same
// framework, for texts with commas, quotes, line breaks, formula signs and any Unicode.

const tricky = fc.constantFrom(',', '"', '\n', '\r\n', ';', "'", '=', '+', '-', '@', ' ', '\t', 'é', '漢', '😀', '\u200b', '<', '&');
const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.array(fc.oneof(tricky, fc.string({ maxLength: 4 })), { maxLength: 8 }).map((xs) => xs.join('')),
);
const lineText = text.map((s) => s.replace(/[\r\n]+/g, ' ')).filter((s) => s.trim() !== '');
const uuid = fc.uuid({ version: 4 });

const arbFramework: fc.Arbitrary<Framework> = fc
  .record({
    phaseLabels: fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z ,'&-]{0,10}[A-Za-z]$/), {
      minLength: 1,
      maxLength: 5,
      selector: (s) => s.toLowerCase(),
    }),
    thresholdPick: fc.nat(),
    domainCodes: fc.uniqueArray(fc.stringMatching(/^[A-Z]{1,3}$/), { maxLength: 4 }),
    domainTitles: fc.array(lineText, { minLength: 4, maxLength: 4 }),
    codes: fc.uniqueArray(fc.stringMatching(/^[A-Z]{1,2}\.[0-9]{1,3}[a-z]?$/), { maxLength: 10 }),
    ids: fc.uniqueArray(uuid, { minLength: 40, maxLength: 40 }),
    stdCodes: fc.uniqueArray(fc.stringMatching(/^[0-9]\.[A-Z]{2}\.[0-9]$/), { maxLength: 5 }),
  })
  .chain((s) => {
    const nComp = s.codes.length;
    const compArb = fc.record({
      statement: text,
      iCan: text,
      notes: text,
      domain: fc.nat(),
      hasDomain: fc.boolean(),
      levels: fc.uniqueArray(fc.constantFrom(...EDUCATION_LEVELS.map((l) => l.code)), { maxLength: 3 }),
      hours: fc.option(fc.oneof(fc.nat(200), fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true })), { nil: null }),
      evidence: fc.uniqueArray(fc.constantFrom(...EVIDENCE_TYPES), { maxLength: 3 }),
      phases: fc.array(fc.option(fc.record({ descriptor: text, indicators: fc.array(lineText, { maxLength: 3 }) }), { nil: undefined }), {
        minLength: s.phaseLabels.length,
        maxLength: s.phaseLabels.length,
      }),
      x: fc.integer({ min: -5000, max: 5000 }),
      pinned: fc.boolean(),
    });
    return fc.record({
      s: fc.constant(s),
      comps: fc.array(compArb, { minLength: nComp, maxLength: nComp }),
      links: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 }),
      aligns: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('exact', 'partial', 'related' as const)), { maxLength: 8 }),
    });
  })
  .map(({ s, comps, links, aligns }) => {
    let next = 0;
    const id = <T extends string>() => s.ids[next++]! as T;
    const tIndex = s.thresholdPick % (s.phaseLabels.length + 1); // == length: no threshold
    const phases: MasteryPhase[] = s.phaseLabels.map((label, i) => ({ id: id(), label, description: `about ${label}`, threshold: i === tIndex }));
    const domains: Domain[] = s.domainCodes.map((code, i) => ({ id: id(), code, title: s.domainTitles[i]!, description: '', color: '#123456', parentId: null }));
    const competencies: Record<string, Competency> = {};
    const list: Competency[] = [];
    s.codes.forEach((code, i) => {
      const g = comps[i]!;
      const cid = id<Competency['id']>();
      const ph: Competency['phases'] = {};
      g.phases.forEach((p, k) => {
        if (!p || (p.descriptor.trim() === '' && p.indicators.length === 0)) return;
        ph[phases[k]!.id] = { descriptor: p.descriptor, indicators: p.indicators.map((t, j) => ({ id: `${cid.slice(0, 24)}${String(k).padStart(6, '0')}${String(j).padStart(6, '0')}` as never, text: t })) };
      });
      const c: Competency = {
        id: cid,
        code,
        statement: g.statement,
        iCan: g.iCan,
        domainId: g.hasDomain && domains.length > 0 ? domains[g.domain % domains.length]!.id : null,
        educationLevels: g.levels,
        estimatedHours: g.hours,
        evidenceTypes: g.evidence,
        notes: g.notes,
        phases: ph,
        position: { x: g.x, y: 0 },
        pinned: g.pinned,
      };
      competencies[cid] = c;
      list.push(c);
    });
    const prerequisites = new Map<string, PrerequisiteLink>();
    const seen = new Set<string>();
    if (list.length > 1) {
      for (const [a, b] of links) {
        const from = list[a % list.length]!;
        const to = list[b % list.length]!;
        if (from === to || seen.has(`${from.id}${to.id}`) || next >= s.ids.length) continue;
        seen.add(`${from.id}${to.id}`);
        const lid = id<PrerequisiteLink['id']>();
        prerequisites.set(lid, { id: lid, from: from.id, to: to.id, note: '' });
      }
    }
    const setId = '99999999-9999-4999-8999-999999999999' as StandardsSet['id'];
    const set: StandardsSet = { id: setId, title: 'Set', source: '', version: '', caseDocumentId: '', caseDocumentUri: '', items: {} };
    s.stdCodes.forEach((code, i) => {
      set.items[`std-${i}`] = { id: `std-${i}` as never, uri: '', code, statement: code, itemType: 'Standard', parentId: null, sequence: i + 1, educationLevels: [] };
    });
    const alignments = new Map<string, Alignment>();
    if (list.length > 0 && s.stdCodes.length > 0) {
      for (const [a, b, kind] of aligns) {
        const c = list[a % list.length]!;
        const std = `std-${b % s.stdCodes.length}`;
        if (seen.has(`${c.id}${std}`) || next >= s.ids.length) continue;
        seen.add(`${c.id}${std}`);
        const aid = id<Alignment['id']>();
        alignments.set(aid, { id: aid, competencyId: c.id, setId, standardId: std as never, kind });
      }
    }
    const fw: Framework = {
      id: '88888888-8888-4888-8888-888888888888' as Framework['id'],
      title: 'Property',
      description: '',
      subjects: [],
      educationLevels: [],
      creator: '',
      publisher: '',
      version: '1',
      status: 'draft',
      license: '',
      language: 'en',
      lastChangeDateTime: '2025-01-01T00:00:00Z',
      phases,
      domains,
      competencies,
      prerequisites,
      standardsSets: { [setId]: set },
      alignments,
      comments: {},
    };
    return fw;
  });

describe('readCompetencyCsv: prerequisites going round in a circle', () => {
  it('the report names the first cycle with its rows, and how many more there are', () => {
    const r = readOk('Code,Statement,Prerequisites\nA.1,Count to ten,A.3\nA.2,Add within ten,A.1\nA.3,Subtract within ten,A.2\nB.1,Name shapes,B.2\nB.2,Sort shapes,B.1\nC.1,Alone,\n');
    const note = r.notes.find((n) => n.includes('go round in a circle'));
    expect(note).toBe(
      'The prerequisites go round in a circle: A.1 (row 2) → A.2 (row 3) → A.3 (row 4) → A.1 (row 2) and 1 more. No student could start these; fix the Prerequisites column of one of these rows (validation names every cycle: the Problems panel, progressions validate).',
    );
    // still read: the sheet's links are all there for the user to fix on the map
    expect(r.framework.prerequisites.size).toBe(5);
  });

  it('a sheet without a cycle says nothing about cycles; a competency without a code is named by its statement', () => {
    expect(readOk('Code,Statement,Prerequisites\nA.1,Count,\nA.2,Add,A.1\n').notes.join(' ')).not.toMatch(/circle/);
    const r = readOk(
      'ID,Code,Statement,Prerequisites\n11111111-1111-4111-8111-111111111111,,Count to ten,22222222-2222-4222-8222-222222222222\n22222222-2222-4222-8222-222222222222,,Add within ten,11111111-1111-4111-8111-111111111111\n',
    );
    expect(r.notes.find((n) => n.includes('circle'))).toMatch(/: Count to ten \(row 2\) → Add within ten \(row 3\) → Count to ten \(row 2\)\. /);
  });
});

describe('competency CSV round trip (property)', () => {
  it('framework → CSV → framework (with the original as base) changes nothing', () => {
    fc.assert(
      fc.property(arbFramework, (fw) => {
        const imp = readOk(writeCompetencyCsv(fw), { base: fw });
        expect(imp.rowErrors.filter((e) => e.severity === 'error')).toEqual([]);
        const out = imp.framework;
        expect(out.phases).toEqual(fw.phases);
        expect(out.domains).toEqual(fw.domains);
        for (const c of Object.values(fw.competencies)) expect(out.competencies[c.id]).toEqual(c);
        expect(out).toEqual(fw);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 150) },
    );
  });

  it('framework → CSV → new framework keeps codes, texts, links and alignments', () => {
    fc.assert(
      fc.property(arbFramework, (fw) => {
        const out = readOk(writeCompetencyCsv(fw)).framework;
        expect(Object.keys(out.competencies).sort()).toEqual(Object.keys(fw.competencies).sort());
        for (const c of Object.values(fw.competencies)) {
          const d = out.competencies[c.id]!;
          expect({ ...d, phases: undefined, domainId: undefined, position: undefined, pinned: undefined }).toEqual({
            ...c,
            phases: undefined,
            domainId: undefined,
            position: undefined,
            pinned: undefined,
          });
          const dom = fw.domains.find((x) => x.id === c.domainId);
          expect(out.domains.find((x) => x.id === d.domainId)?.code).toBe(dom?.code);
          const texts = (x: Framework, comp: Competency) =>
            x.phases.map((p) => [p.label, comp.phases[p.id]?.descriptor ?? null, comp.phases[p.id]?.indicators.map((i) => i.text) ?? []]);
          expect(texts(out, d)).toEqual(texts(fw, c));
        }
        expect(linkPairs(out)).toEqual(linkPairs(fw));
        expect(alignmentTriples(out)).toEqual(alignmentTriples(fw));
        expect(schemaCheckFramework(out)).toEqual([]);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 100) },
    );
  });
});
