import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCase, writeCasePackage } from '../../../src-core/case/export';
import { importCaseFramework } from '../../../src-core/case/import';
import { readCasePackage } from '../../../src-core/case/read';
import { caseToFramework } from '../../../src-core/case/toFramework';
import type { CasePackage, CFAssociation } from '../../../src-core/case/types';
import { loadFrameworkText, schemaCheckFramework } from '../../../src-core/format/frameworkFile';
import { readFrameworkAny } from '../../../src-core/formats/readAny';
import { frameworkFromJson } from '../../../src-core/model/frameworkJson';
import { ALIGNMENT_KINDS, EVIDENCE_TYPES, FRAMEWORK_STATUSES, type Framework, type FrameworkJson } from '../../../src-core/model/types';
import { caseSchemaErrors, casePackagesDir, haveCasePackages, haveCaseSchemas, repoRoot, SKIP_MESSAGE } from './caseSchemas';
import { sampleFramework } from './sampleFramework';

/** ours → CASE 1.1 text → ours, through the same path the app and CLI use. */
function viaCase11(fw: Framework, includeComments = true): { back: Framework; text: string } {
  let text = '';
  writeCasePackage(fw, { version: '1.1', includeComments }, (c) => (text += c));
  const r = readFrameworkAny(text);
  if (!r.ok) throw new Error(`re-import failed: ${r.error.message}`);
  expect(r.value.format).toBe('case-1.1');
  return { back: r.value.framework, text };
}

const text = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', '', ' '));
const levels = fc.subarray(['KG', '01', '02', '03', '09', '12'], { maxLength: 3 });

/** Frameworks that pass the schema, with every part the mapping covers. */
const frameworkArb: fc.Arbitrary<Framework> = fc
  .record({
    ids: fc.uniqueArray(fc.uuid(), { minLength: 80, maxLength: 80, selector: (u) => u.toLowerCase() }),
    nPhases: fc.integer({ min: 1, max: 5 }),
    thresholdAt: fc.nat(),
    domains: fc.array(fc.record({ code: text, title: text, description: text, parent: fc.option(fc.nat(), { nil: undefined }) }), { maxLength: 4 }),
    comps: fc.array(
      fc.record({
        code: text,
        statement: text,
        iCan: text,
        domain: fc.option(fc.nat(), { nil: undefined }),
        levels,
        hours: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
        evidence: fc.subarray([...EVIDENCE_TYPES]),
        notes: text,
        phases: fc.array(fc.record({ at: fc.nat(), descriptor: text, indicators: fc.array(text, { maxLength: 3 }) }), { maxLength: 4 }),
        x: fc.integer({ min: -5000, max: 5000 }),
        y: fc.integer({ min: -5000, max: 5000 }),
        pinned: fc.boolean(),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    links: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), note: text }), { maxLength: 8 }),
    standards: fc.array(fc.oneof(fc.constant(''), fc.constantFrom('__proto__', 'toString'), fc.string({ minLength: 1, maxLength: 10 }).filter((s) => /\S/.test(s))), { maxLength: 4 }),
    kept: fc.array(
      fc.record({
        type: fc.constantFrom('isRelatedTo', 'exemplar', 'hasSkillLevel', 'isTranslationOf', 'ext:closelyRelated', 'replacedBy', 'isPeerOf'),
        from: fc.nat(),
        // External identifiers as an import leaves them: trimmed, non-empty.
        external: fc.option(fc.record({ id: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => /\S/.test(s) && s === s.trim()), uri: fc.constantFrom('urn:x:1', 'https://e.org/a b', ''), title: text }), { nil: undefined }),
        seq: fc.option(fc.integer({ min: -5, max: 1000 }), { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
    aligns: fc.array(fc.record({ comp: fc.nat(), std: fc.nat(), kind: fc.constantFrom(...ALIGNMENT_KINDS) }), { maxLength: 5 }),
    meta: fc.record({
      title: text,
      description: text,
      subjects: fc.array(text, { maxLength: 2 }),
      levels,
      creator: text,
      publisher: text,
      version: text,
      status: fc.constantFrom(...FRAMEWORK_STATUSES),
      license: text,
      language: fc.constantFrom('', 'en', 'es-MX'),
      time: fc.constantFrom('2026-01-31T12:00:00Z', '2026-01-31T12:00+02:00', '2025-12-01T08:30:15.250-05:00'),
    }),
    comment: fc.option(text, { nil: undefined }),
  })
  .map((g) => {
    let next = 0;
    const id = () => g.ids[next++]!;
    const fwId = id();
    const phases = Array.from({ length: g.nPhases }, (_, i) => ({ id: id(), label: `Phase ${i}`, description: `d${i}`, threshold: i === g.thresholdAt % g.nPhases }));
    const domains: Framework['domains'] = [];
    g.domains.forEach((d, i) => {
      domains.push({
        id: id(),
        code: d.code,
        title: d.title,
        description: d.description,
        color: ['#2f6fdf', '#D9480F'][i % 2]!,
        parentId: d.parent !== undefined && i > 0 ? domains[d.parent % i]!.id : null,
      } as Framework['domains'][number]);
    });
    const competencies: Record<string, unknown> = {};
    const compIds: string[] = [];
    for (const c of g.comps) {
      const cid = id();
      compIds.push(cid);
      const ph: Record<string, unknown> = {};
      for (const p of c.phases) {
        const phase = phases[p.at % phases.length]!;
        if (ph[phase.id]) continue;
        ph[phase.id] = { descriptor: p.descriptor, indicators: p.indicators.map((t) => ({ id: g.ids[next++] ?? crypto.randomUUID(), text: t })) };
      }
      competencies[cid] = {
        id: cid,
        code: c.code,
        statement: c.statement,
        iCan: c.iCan,
        domainId: c.domain !== undefined && domains.length > 0 ? domains[c.domain % domains.length]!.id : null,
        educationLevels: c.levels,
        estimatedHours: c.hours,
        evidenceTypes: c.evidence,
        notes: c.notes,
        phases: ph,
        position: { x: c.x, y: c.y },
        pinned: c.pinned,
      };
    }
    const prerequisites: Record<string, unknown> = {};
    for (const l of g.links) {
      const lid = crypto.randomUUID();
      prerequisites[lid] = { id: lid, from: compIds[l.a % compIds.length], to: compIds[l.b % compIds.length], note: l.note };
    }
    const standardsSets: Record<string, unknown> = {};
    const alignments: Record<string, unknown> = {};
    if (g.standards.length > 0) {
      const setId = crypto.randomUUID();
      const items: Record<string, unknown> = {};
      const stdIds = g.standards.map((s, i) => (s === '' ? crypto.randomUUID() : `std:${s}:${i}`));
      stdIds.forEach((sid, i) => {
        items[sid] = { id: sid, uri: i % 2 ? `https://x.org/${i}` : '', code: `S${i}`, statement: g.standards[i]!, itemType: 'Standard', parentId: i > 0 ? stdIds[0] : null, sequence: i + 1, educationLevels: [] };
      });
      standardsSets[setId] = { id: setId, title: 'Set', source: 'test', version: '', caseDocumentId: i0(g.standards), caseDocumentUri: '', items };
      for (const a of g.aligns) {
        const aid = crypto.randomUUID();
        alignments[aid] = { id: aid, competencyId: compIds[a.comp % compIds.length], setId, standardId: stdIds[a.std % stdIds.length], kind: a.kind };
      }
    }
    const caseAssociations: Record<string, unknown> = {};
    for (const k of g.kept) {
      const kid = crypto.randomUUID();
      const origin = { identifier: compIds[k.from % compIds.length] };
      const destination = k.external ? { identifier: k.external.id, uri: k.external.uri, title: k.external.title } : { identifier: compIds[(k.from + 1) % compIds.length] };
      caseAssociations[kid] = { id: kid, associationType: k.type, origin, destination, ...(k.seq !== undefined ? { sequenceNumber: k.seq } : {}) };
    }
    const comments: Record<string, unknown> = {};
    if (g.comment !== undefined) {
      const k = crypto.randomUUID();
      comments[k] = { id: k, target: { kind: 'framework' }, author: 'a', text: g.comment, createdAt: '2026-01-01T00:00:00Z', resolved: false };
    }
    const m = g.meta;
    const fw: unknown = {
      id: fwId,
      title: m.title,
      description: m.description,
      subjects: m.subjects,
      educationLevels: m.levels,
      creator: m.creator,
      publisher: m.publisher,
      version: m.version,
      status: m.status,
      license: m.license,
      language: m.language,
      lastChangeDateTime: m.time,
      phases,
      domains,
      competencies,
      prerequisites,
      standardsSets,
      alignments,
      comments,
      ...(g.kept.length ? { caseAssociations } : {}),
    };
    return frameworkFromJson(fw as FrameworkJson);
  });

function i0(standards: string[]): string {
  return standards.length % 2 ? 'c6496676-d7cb-11e8-824f-0242ac160002' : '';
}

describe('ours → CASE 1.1 → ours', () => {
  it('restores the sample framework exactly, and re-exports the same bytes', () => {
    const fw = sampleFramework();
    const { back, text } = viaCase11(fw);
    expect(back).toEqual(fw);
    expect(viaCase11(back).text).toBe(text);
  });

  it('property: every competency, link, phase descriptor, indicator and alignment survives', () => {
    fc.assert(
      fc.property(frameworkArb, (fw) => {
        expect(schemaCheckFramework(fw)).toEqual([]);
        const { back, text } = viaCase11(fw);
        expect(back).toEqual(fw);
        expect(viaCase11(back).text).toBe(text);
        if (haveCaseSchemas) {
          expect(caseSchemaErrors('1.1', JSON.parse(text))).toEqual([]);
          expect(caseSchemaErrors('1.0', exportCase(fw, { version: '1.0' }))).toEqual([]);
        }
      }),
      { numRuns: Number(process.env.CASE_RUNS ?? 60) },
    );
  });

  it('through CASE 1.0 keeps competencies, links, descriptors and indicators (1.0 cannot hold the rest)', () => {
    const fw = sampleFramework();
    const text10 = JSON.stringify(exportCase(fw, { version: '1.0' }));
    const detected = readFrameworkAny(text10);
    expect(detected.ok && detected.value.format).toBe('case-1.0');
    const r = importCaseFramework(JSON.parse(text10));
    if (!r.ok) throw new Error(r.error.message);
    const back = r.value.framework;
    expect(r.value.version).toBe('1.0');
    expect(Object.keys(back.competencies)).toEqual(Object.keys(fw.competencies));
    expect([...back.prerequisites.values()].map((l) => [l.from, l.to])).toEqual([...fw.prerequisites.values()].map((l) => [l.from, l.to]));
    const c1 = '33333333-3333-4333-8333-000000000001';
    const texts = (f: Framework) => Object.values(f.competencies[c1]!.phases).flatMap((p) => [p.descriptor, ...p.indicators.map((i) => i.text)]).filter(Boolean).sort();
    expect(texts(back)).toEqual(texts(fw));
    expect(back.phases.map((p) => p.label)).toEqual(fw.phases.map((p) => p.label));
    expect([...back.alignments.values()].map((a) => [a.competencyId, a.standardId])).toEqual([...fw.alignments.values()].map((a) => [a.competencyId, a.standardId]));
  });
});

const examplesDir = join(repoRoot, 'resources/examples');
const examples = existsSync(examplesDir) ? readdirSync(examplesDir).filter((f) => f.endsWith('.json')) : [];
describe.skipIf(examples.length === 0)('the bundled examples survive CASE 1.1', () => {
  it.each(examples)('%s', (file) => {
    const loaded = loadFrameworkText(readFileSync(join(examplesDir, file), 'utf8'));
    if (!loaded.ok) return; // examples.test.ts reports broken examples
    const fw = loaded.value.framework;
    const { back } = viaCase11(fw);
    expect(back).toEqual(fw);
  });
});

const key = (a: CFAssociation) => `${a.associationType} ${a.originNodeURI.identifier} → ${a.destinationNodeURI.identifier}`;
const packages = haveCasePackages ? readdirSync(casePackagesDir).filter((f) => f.endsWith('.json')) : [];
describe.skipIf(!haveCasePackages)(`real CASE packages → ours → CASE 1.1 (${SKIP_MESSAGE})`, () => {
  it.each(packages)('%s keeps every item identifier and every association, valid against the 1.1 schema', (file) => {
    const raw = JSON.parse(readFileSync(join(casePackagesDir, file), 'utf8'));
    const read = readCasePackage(raw);
    if (!read.ok) throw new Error(read.error.message);
    const original = read.value.pkg;
    const { framework } = caseToFramework(original);
    expect(schemaCheckFramework(framework)).toEqual([]);
    const out: CasePackage = exportCase(framework, { version: '1.1' });
    const ids = new Set(out.CFItems!.map((i) => i.identifier));
    for (const it of original.CFItems!) expect(ids.has(it.identifier), it.identifier).toBe(true);
    const keys = new Set(out.CFAssociations!.map(key));
    const lost = original.CFAssociations!.filter((a) => !keys.has(key(a))).map(key);
    expect(lost).toEqual([]);
    if (haveCaseSchemas) {
      expect(caseSchemaErrors('1.1', out)).toEqual([]);
      expect(caseSchemaErrors('1.0', exportCase(framework, { version: '1.0' }))).toEqual([]);
    }
    // And a second pass is stable: ours → 1.1 → ours gives the same framework.
    const again = importCaseFramework(JSON.parse(JSON.stringify(out)));
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.framework).toEqual(framework);
  });
});
