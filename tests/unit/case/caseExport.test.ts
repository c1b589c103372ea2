import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBaseUri, exportCase, writeCasePackage, type CaseExportOptions } from '../../../src-core/case/export';
import type { CasePackage, CFAssociation } from '../../../src-core/case/types';
import type { Framework } from '../../../src-core/model/types';
import { caseSchemaErrors, haveCaseSchemas, repoRoot, SKIP_MESSAGE } from './caseSchemas';
import { sampleFramework } from './sampleFramework';

const C1 = '33333333-3333-4333-8333-000000000001';
const C2 = '33333333-3333-4333-8333-000000000002';
const C3 = '33333333-3333-4333-8333-000000000003';

function streamed(opts: CaseExportOptions, fw = sampleFramework(), chunkChars?: number): { text: string; chunks: number } {
  let text = '';
  let chunks = 0;
  writeCasePackage(
    fw,
    opts,
    (c) => {
      text += c;
      chunks++;
    },
    chunkChars,
  );
  return { text, chunks };
}

/** Visits every key/value of the CASE objects (not inside our own `extensions`). */
function walk(v: unknown, visit: (key: string, value: unknown) => void, key = ''): void {
  visit(key, v);
  if (key === 'extensions') return;
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, visit, String(i)));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, visit, k);
}

const byType = (pkg: CasePackage, type: string) => (pkg.CFAssociations ?? []).filter((a) => a.associationType === type);
const ends = (a: CFAssociation) => [a.originNodeURI.identifier, a.destinationNodeURI.identifier];

describe('exportCase (1.1)', () => {
  const pkg = exportCase(sampleFramework(), { version: '1.1', includeComments: true });

  it('maps the framework to the CFDocument', () => {
    const d = pkg.CFDocument;
    expect(d).toMatchObject({
      identifier: '55555555-5555-4555-8555-000000000001',
      uri: 'urn:progressions/CFDocuments/55555555-5555-4555-8555-000000000001',
      caseVersion: '1.1',
      frameworkType: 'Competency',
      creator: 'Example District', // creator empty → publisher
      title: 'Grade 3–5 Fractions',
      publisher: 'Example District',
      subject: ['Mathematics'],
      language: 'en',
      version: '1.2.0',
      adoptionStatus: 'Draft', // in-review
    });
    expect(d.lastChangeDateTime).toBe('2026-01-31T12:00:00+01:00');
    expect(d.licenseURI?.title).toBe('CC BY 4.0');
    expect(pkg.CFDefinitions?.CFLicenses?.[0]).toMatchObject({ licenseText: 'CC BY 4.0', identifier: d.licenseURI?.identifier });
  });

  it('writes domains and competencies as typed CFItems with isChildOf and sibling sequence numbers', () => {
    const items = pkg.CFItems!;
    const c1 = items.find((i) => i.identifier === C1)!;
    expect(c1).toMatchObject({
      fullStatement: 'Understand a fraction 1/b as one part of a whole partitioned into b equal parts.',
      alternativeLabel: 'I can explain what 1/b means with a drawing.',
      CFItemType: 'Competency',
      humanCodingScheme: 'NF.1',
      notes: 'Start with fraction strips.',
      educationLevel: ['03'],
    });
    expect(c1.CFItemTypeURI?.identifier).toBe(pkg.CFDefinitions!.CFItemTypes!.find((t) => t.title === 'Competency')!.identifier);
    const c3 = items.find((i) => i.identifier === C3)!;
    expect(c3).not.toHaveProperty('humanCodingScheme'); // empty code omitted
    const childOf = byType(pkg, 'isChildOf');
    const parentOf = (id: string) => childOf.find((a) => a.originNodeURI.identifier === id)!;
    expect(parentOf(C1).destinationNodeURI.identifier).toBe('22222222-2222-4222-8222-000000000002');
    expect([parentOf(C1).sequenceNumber, parentOf(C2).sequenceNumber]).toEqual([1, 2]);
    expect(parentOf(C3).destinationNodeURI.identifier).toBe(pkg.CFDocument.identifier);
    expect(parentOf('22222222-2222-4222-8222-000000000002').destinationNodeURI.identifier).toBe('22222222-2222-4222-8222-000000000001');
  });

  it('writes prerequisites as precedes (prerequisite = origin) in a Learning progression grouping', () => {
    const precedes = byType(pkg, 'precedes');
    expect(precedes.map(ends)).toEqual([
      [C1, C2],
      [C2, C3],
    ]);
    expect(precedes[0]!.identifier).toBe('77777777-7777-4777-8777-000000000001');
    expect(precedes[0]!.notes).toBe('Unit fractions first.');
    expect(precedes[1]).not.toHaveProperty('notes');
    const g = pkg.CFDefinitions!.CFAssociationGroupings!.find((x) => x.identifier === precedes[0]!.CFAssociationGroupingURI!.identifier);
    expect(g?.title).toBe('Learning progression');
  });

  it('writes alignments as exactMatchOf / isRelatedTo to the standard, grouped per standards set', () => {
    const exact = byType(pkg, 'exactMatchOf');
    const related = byType(pkg, 'isRelatedTo');
    expect(exact.map(ends)).toEqual([[C1, 'std-3-nf-a-1']]);
    expect(exact[0]!.destinationNodeURI).toEqual({ title: '3.NF.A.1', identifier: 'std-3-nf-a-1', uri: 'https://example.org/uri/3.NF.A.1', targetType: 'CASE' });
    expect(related.map((a) => a.extensions?.progressions)).toEqual([{ kind: 'partial' }, { kind: 'related' }]);
    // A standard without a uri gets a urn:uuid one.
    expect(related[0]!.destinationNodeURI.uri).toBe('urn:uuid:e8b6f1a8-0000-4000-8000-000000000002');
    expect(exact[0]!.CFAssociationGroupingURI).toMatchObject({ identifier: '44444444-4444-4444-8444-000000000001', title: 'CCSS Math Grade 3' });
  });

  it('writes the mastery phases as one rubric per competency, and indicators as items in their phase level', () => {
    expect(pkg.CFRubrics).toHaveLength(3);
    const r1 = pkg.CFRubrics!.find((r) => r.CFRubricCriteria![0]!.CFItemURI!.identifier === C1)!;
    const levels = r1.CFRubricCriteria![0]!.CFRubricCriterionLevels!;
    expect(levels.map((l) => [l.position, l.score, l.quality])).toEqual([
      [1, 1, 'Beginning'],
      [2, 2, 'Developing'],
      [3, 3, 'Proficient'],
      [4, 4, 'Advanced'],
    ]);
    expect(levels[2]!.description).toBe('Partitions shapes into equal parts and names the unit fraction.');
    expect(levels[0]).not.toHaveProperty('description');
    expect(r1.CFRubricCriteria![0]!.rubricId).toBe(r1.identifier);
    expect(levels[0]!.rubricCriterionId).toBe(r1.CFRubricCriteria![0]!.identifier);
    const ind = pkg.CFItems!.find((i) => i.identifier === '66666666-6666-4666-8666-000000000002')!;
    expect(ind).toMatchObject({ CFItemType: 'Performance Indicator', fullStatement: 'Places 1/3 on a number line.' });
    const partOf = byType(pkg, 'isPartOf').find((a) => a.originNodeURI.identifier === ind.identifier)!;
    expect(partOf.destinationNodeURI.identifier).toBe(levels[2]!.identifier);
    const indParent = byType(pkg, 'isChildOf').find((a) => a.originNodeURI.identifier === ind.identifier)!;
    expect(indParent.destinationNodeURI.identifier).toBe(C1);
    expect(indParent.sequenceNumber).toBe(2);
  });

  it('never writes null, and omits empty optional fields', () => {
    walk(pkg, (k, v) => {
      expect(v, k).not.toBeNull();
      if (k !== 'fullStatement' && k !== 'title' && k !== 'description' && k !== 'text' && k !== 'source') {
        expect(v === '' || (Array.isArray(v) && v.length === 0 && k !== 'indicators'), `empty ${k}`).toBe(false);
      }
    });
  });

  it('keeps comments only when asked', () => {
    expect(pkg.extensions?.progressions).toHaveProperty('comments');
    expect(exportCase(sampleFramework(), { version: '1.1' }).extensions?.progressions).not.toHaveProperty('comments');
  });

  it('uses the configured base URI for every uri', () => {
    const p = exportCase(sampleFramework(), { version: '1.1', baseUri: 'https://case.example.org/ims/case/v1p1/' });
    expect(p.CFItems![0]!.uri).toMatch(/^https:\/\/case\.example\.org\/ims\/case\/v1p1\/CFItems\/[0-9a-f-]{36}$/);
    expect(p.CFRubrics![0]!.uri).toMatch(/^https:\/\/case\.example\.org\/ims\/case\/v1p1\/CFRubrics\//);
  });

  it('refuses a base URI that is not an absolute URI', () => {
    expect(checkBaseUri('https://case.example.org/ims/case/v1p1')).toBeUndefined();
    expect(checkBaseUri('case.example.org')).toMatch(/not an absolute URI/);
    expect(checkBaseUri('http://bad host/')).toMatch(/not an absolute URI/);
    expect(checkBaseUri('https://x.org/case?id=1')).toMatch(/query or fragment/);
    expect(() => exportCase(sampleFramework(), { version: '1.1', baseUri: 'nope' })).toThrow(/checkBaseUri/);
  });
});

describe('exportCase (1.0)', () => {
  const pkg = exportCase(sampleFramework(), { version: '1.0', includeComments: true });
  it('writes nothing 1.0 forbids', () => {
    expect(pkg.CFDocument).not.toHaveProperty('caseVersion');
    expect(pkg.CFDocument).not.toHaveProperty('frameworkType');
    const keys = new Set<string>();
    walk(pkg, (k) => keys.add(k));
    expect(keys.has('extensions')).toBe(false);
    expect(keys.has('targetType')).toBe(false);
    for (const a of pkg.CFAssociations!) expect(a).not.toHaveProperty('notes');
    expect(pkg).not.toHaveProperty('extensions');
  });
});

describe('determinism and streaming', () => {
  it('exports the same framework to the same bytes, twice', () => {
    const a = streamed({ version: '1.1' }).text;
    const b = streamed({ version: '1.1' }).text;
    expect(a).toBe(b);
  });
  it('streams exactly the text of the package object, in many chunks', () => {
    for (const version of ['1.1', '1.0'] as const) {
      const expected = JSON.stringify(exportCase(sampleFramework(), { version, includeComments: true }), null, 2) + '\n';
      // Tiny chunks: every piece (a member, a batch of array elements) goes to the sink on its own.
      const { text, chunks } = streamed({ version, includeComments: true }, sampleFramework(), 1);
      expect(text).toBe(expected);
      expect(chunks).toBeGreaterThan(10);
      expect(streamed({ version, includeComments: true }).text).toBe(expected);
    }
  });
  it('property: any text in a framework is written as JSON.stringify writes it (quotes, controls, lone surrogates, non-ASCII)', () => {
    const odd = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('"quoted" \\ back', 'tab\tnew\nline\u0001', 'lone \ud800 high', 'lone \udc00 low', 'pair 😀', '\u2028\u2029', 'x'.repeat(98) + '😀'),
    );
    fc.assert(
      fc.property(odd, odd, odd, odd, odd, fc.constantFrom('1.1', '1.0') as fc.Arbitrary<'1.1' | '1.0'>, (statement, code, indicator, descriptor, label, version) => {
        const fw = sampleFramework();
        const c = fw.competencies[C1 as never]!;
        c.statement = statement;
        c.code = code;
        c.iCan = label;
        c.notes = descriptor;
        c.evidenceTypes = [label as never];
        const phase = Object.values(c.phases).find((p) => p!.indicators.length > 0)!;
        phase.descriptor = descriptor;
        phase.indicators[0]!.text = indicator;
        fw.phases[0]!.label = label;
        fw.domains[0]!.title = label;
        const { text } = streamed({ version }, fw);
        expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
        const pkg = JSON.parse(text) as CasePackage;
        const item = pkg.CFItems!.find((i) => i.identifier === C1)!;
        expect(item.fullStatement).toBe(statement);
        expect(item.humanCodingScheme ?? '').toBe(code);
        expect(pkg.CFItems!.some((i) => i.fullStatement === indicator)).toBe(true);
        expect(pkg.CFRubrics!.some((r) => r.CFRubricCriteria![0]!.CFRubricCriterionLevels!.some((l) => l.description === (descriptor || undefined)))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
  it('streams an empty framework as a valid package', () => {
    const fw = { ...sampleFramework(), license: '', domains: [], competencies: {}, prerequisites: new Map(), alignments: new Map(), standardsSets: {}, comments: {} };
    const { text } = streamed({ version: '1.1' }, fw);
    const pkg = JSON.parse(text);
    expect(Object.keys(pkg)).toEqual(['CFDocument']);
  });
});

describe('golden files', () => {
  for (const version of ['1.1', '1.0'] as const) {
    it(`CASE ${version} export of the sample framework matches tests/fixtures/case/sample.case-${version}.json`, () => {
      const file = join(repoRoot, 'tests/fixtures/case', `sample.case-${version}.json`);
      const baseUri = `https://case.example.org/ims/case/${version === '1.1' ? 'v1p1' : 'v1p0'}`;
      const text = streamed({ version, includeComments: true, baseUri }).text;
      // Regenerate after a deliberate mapping change: UPDATE_GOLDEN=1 npx vitest run tests/unit/case
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, text);
      expect(existsSync(file), `${file} is missing (UPDATE_GOLDEN=1 writes it)`).toBe(true);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }
});

describe.skipIf(!haveCaseSchemas)(`official CASE schemas (${SKIP_MESSAGE})`, () => {
  it('the 1.1 export is valid against the official 1.1 JSON Schema (ajv 2019)', () => {
    expect(caseSchemaErrors('1.1', exportCase(sampleFramework(), { version: '1.1', includeComments: true }))).toEqual([]);
  });
  it('the 1.0 export is valid against the definitions of the official 1.0 Swagger file', () => {
    expect(caseSchemaErrors('1.0', exportCase(sampleFramework(), { version: '1.0', includeComments: true }))).toEqual([]);
  });
  it('stays valid when the framework timestamp is out of range (schema pattern only)', () => {
    const fw = { ...sampleFramework(), lastChangeDateTime: '2026-02-30T12:00:00Z' };
    const pkg = exportCase(fw, { version: '1.1' });
    expect(caseSchemaErrors('1.1', pkg)).toEqual([]);
    expect(caseSchemaErrors('1.0', exportCase(fw, { version: '1.0' }))).toEqual([]);
  });
  it('keeps kept associations schema-valid whatever their type or sequence number', () => {
    const fw = sampleFramework();
    const C1 = '33333333-3333-4333-8333-000000000001';
    fw.caseAssociations = {
      'aaaaaaaa-aaaa-4aaa-8aaa-000000000001': { id: 'aaaaaaaa-aaaa-4aaa-8aaa-000000000001', associationType: 'is cited by', origin: { identifier: C1 }, destination: { identifier: 'x', uri: 'not a uri', title: 'X' }, sequenceNumber: 2 ** 40 },
      'aaaaaaaa-aaaa-4aaa-8aaa-000000000002': { id: 'aaaaaaaa-aaaa-4aaa-8aaa-000000000002', associationType: 'isTranslationOf', origin: { identifier: C1 }, destination: { identifier: 'y', uri: 'urn:y', title: 'Y' } },
    } as Framework['caseAssociations'];
    const p11 = exportCase(fw, { version: '1.1' });
    expect(p11.CFAssociations!.slice(-2).map((a) => a.associationType)).toEqual(['ext:is_cited_by', 'isTranslationOf']);
    expect(caseSchemaErrors('1.1', p11)).toEqual([]);
    const p10 = exportCase(fw, { version: '1.0' });
    expect(p10.CFAssociations!.slice(-2).map((a) => a.associationType)).toEqual(['isRelatedTo', 'isRelatedTo']);
    expect(caseSchemaErrors('1.0', p10)).toEqual([]);
  });
  it('the validators do catch a forbidden field (the check can fail)', () => {
    const bad = exportCase(sampleFramework(), { version: '1.1' }) as unknown as { CFItems: Record<string, unknown>[] };
    bad.CFItems[0]!.CFDocumentURI = { title: 't', identifier: '55555555-5555-4555-8555-000000000001', uri: 'u' };
    expect(caseSchemaErrors('1.1', bad).join('\n')).toMatch(/additional properties/);
    const pkg10 = exportCase(sampleFramework(), { version: '1.1' });
    expect(caseSchemaErrors('1.0', pkg10).length).toBeGreaterThan(0); // 1.1 fields are not 1.0
  });
});
