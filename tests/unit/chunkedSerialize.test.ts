import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateFramework } from '../../bench/generate';
import { frameworkFileChunks, frameworkFileText } from '../../src-core/format/chunkedSerialize';
import { loadFrameworkText, serializeFramework, toFrameworkFile } from '../../src-core/format/frameworkFile';
import { createFramework } from '../../src-core/model/defaults';
import type { AlignmentId, CompetencyId, FrameworkId, LinkId, StandardId, StandardsSetId } from '../../src-core/model/ids';
import type { Alignment, Framework, PrerequisiteLink } from '../../src-core/model/types';
import { messyFramework } from './helpers/messyFramework';

const joined = (fw: Framework, opts: Parameters<typeof frameworkFileChunks>[1]) => [...frameworkFileChunks(fw, opts)].join('');

/** What a reader gets back: every record's keys in order, and the values. */
function loaded(text: string): Framework {
  const r = loadFrameworkText(text);
  if (!r.ok) throw new Error(`did not load: ${r.error.message}`);
  return r.value.framework;
}
function expectSameFramework(a: Framework, b: Framework): void {
  expect(a).toEqual(b);
  expect(Object.keys(a)).toEqual(Object.keys(b));
  expect(Object.keys(a.competencies)).toEqual(Object.keys(b.competencies));
  expect([...a.prerequisites.keys()]).toEqual([...b.prerequisites.keys()]);
  expect([...a.alignments.keys()]).toEqual([...b.alignments.keys()]);
  for (const id of Object.keys(a.standardsSets)) expect(Object.keys(a.standardsSets[id]!.items)).toEqual(Object.keys(b.standardsSets[id]!.items));
}

const link = (id: string, from = 'a', to = 'b', note = ''): PrerequisiteLink => ({ id: id as LinkId, from: from as CompetencyId, to: to as CompetencyId, note });

/** A framework with the awkward corners: `__proto__` and array-index keys, unicode, empty records, Maps. */
function awkwardFramework(): Framework {
  const fw = generateFramework({ competencies: 120, seed: 3, layout: false });
  const c = Object.values(fw.competencies)[0]!;
  // a key "__proto__" is an own entry (as JSON.parse makes it), in a record and in a Map
  Object.defineProperty(fw.competencies, '__proto__', { value: { ...c, statement: 'proto 🌱 \u2028 "quoted" \\ é\u0000 \ud800' }, enumerable: true, writable: true, configurable: true });
  fw.prerequisites.set('__proto__', link('__proto__', 'x', 'y', 'ünïcødé\n\t'));
  // array-index keys: a JSON object of the Map lists them first, ascending
  fw.prerequisites.set('10', link('10'));
  fw.prerequisites.set('2', link('2'));
  fw.prerequisites.set('02', link('02'));
  fw.alignments.set('0', { id: '0' as AlignmentId, competencyId: c.id, setId: 's' as StandardsSetId, standardId: 't' as StandardId, kind: 'exact' } as Alignment);
  fw.comments = {};
  fw.title = 'Fractions — 分数 — كسور';
  fw.caseAssociations = {};
  return fw;
}

describe('the framework file text in chunks', () => {
  it('pretty chunks join to exactly the saved text, whatever the chunk size', () => {
    const fw = generateFramework({ competencies: 300, seed: 11, layout: false });
    const text = serializeFramework(fw);
    for (const chunkChars of [1, 100, 4096, 1 << 20]) expect(joined(fw, { chunkChars })).toBe(text);
    expect(frameworkFileText(fw)).toBe(text);
  });

  it('hands the text out in many bounded pieces, not one', () => {
    const fw = generateFramework({ competencies: 1000, seed: 5, layout: false });
    const chunks = [...frameworkFileChunks(fw, { pretty: false, chunkChars: 8 * 1024 })];
    const total = chunks.join('').length;
    expect(chunks.length).toBeGreaterThan(total / (16 * 1024));
    // a chunk is the threshold plus at most one record entry (a competency is a few kB)
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(8 * 1024 + 8 * 1024);
  });

  it('compact text is the same JSON value with no whitespace, and loads back to the same framework', () => {
    const fw = generateFramework({ competencies: 400, seed: 9, layout: false });
    const compact = frameworkFileText(fw, { pretty: false });
    expect(compact).toBe(JSON.stringify(toFrameworkFile(fw)) + '\n');
    expect(compact.length).toBeLessThan(serializeFramework(fw).length * 0.8);
    expectSameFramework(loaded(compact), loaded(serializeFramework(fw)));
    expectSameFramework(loaded(compact), fw);
  });

  it('keeps __proto__ and array-index keys, unicode and empty records as the saved file has them', () => {
    const fw = awkwardFramework();
    const text = serializeFramework(fw);
    expect(joined(fw, { chunkChars: 64 })).toBe(text);
    const compact = joined(fw, { pretty: false, chunkChars: 64 });
    expect(compact).toBe(JSON.stringify(toFrameworkFile(fw)) + '\n');
    // (such keys are no UUIDs, so the schema refuses the file: read it as JSON, as the loader does first)
    const back = JSON.parse(compact) as { framework: { competencies: object; prerequisites: Record<string, PrerequisiteLink> } };
    expect(Object.keys(back.framework.competencies)).toContain('__proto__');
    expect(Object.getPrototypeOf(back.framework.competencies)).toBe(Object.prototype);
    expect(Object.keys(back.framework.prerequisites).slice(0, 2)).toEqual(['2', '10']);
    expect(Object.getOwnPropertyDescriptor(back.framework.prerequisites, '__proto__')?.value.note).toBe('ünïcødé\n\t');
    expect(back).toEqual(JSON.parse(text));
  });

  it('unicode in every text field loads back unchanged from the compact text', () => {
    const fw = generateFramework({ competencies: 80, seed: 21, layout: false });
    const odd = ['分数 🌱', 'كسور', '\u2028\u2029', '"q" \\ /', 'tab\tnl\n', '\ud83c', 'é\u0301'];
    Object.values(fw.competencies).forEach((c, i) => {
      c.statement = odd[i % odd.length]!;
      c.notes = odd[(i + 3) % odd.length]!;
    });
    for (const l of fw.prerequisites.values()) l.note = odd[l.id.charCodeAt(0) % odd.length]!;
    fw.title = 'Fractions — 分数 — كسور';
    const compact = frameworkFileText(fw, { pretty: false });
    expectSameFramework(loaded(compact), fw);
    expectSameFramework(loaded(compact), loaded(serializeFramework(fw)));
  });

  it('a framework with every kind of problem (the checks’ messy maps) comes out as saved', () => {
    const fw = messyFramework(250, 4);
    expect(joined(fw, { chunkChars: 512 })).toBe(serializeFramework(fw));
    expect(joined(fw, { pretty: false, chunkChars: 512 })).toBe(JSON.stringify(toFrameworkFile(fw)) + '\n');
  });

  it('an empty framework and one without optional records', () => {
    const fw = createFramework({ id: '00000000-0000-4000-8000-000000000001' as FrameworkId, title: '' });
    expect(frameworkFileText(fw)).toBe(serializeFramework(fw));
    expect(frameworkFileText(fw, { pretty: false })).toBe(JSON.stringify(toFrameworkFile(fw)) + '\n');
  });

  it('property: generated frameworks, any seed and size, any chunk size — the saved text (pretty) and its JSON (compact)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 150 }), fc.integer({ min: 1, max: 20_000 }), (seed, n, chunkChars) => {
        const fw = generateFramework({ competencies: n, seed, layout: false, allPhases: seed % 2 === 0 });
        expect(joined(fw, { chunkChars })).toBe(serializeFramework(fw));
        expect(joined(fw, { pretty: false, chunkChars })).toBe(JSON.stringify(toFrameworkFile(fw)) + '\n');
      }),
      { numRuns: 25 },
    );
  });

  it('property: any JSON-like values in the document (deep, wide, holes, undefined, odd keys) are written as JSON.stringify writes them', () => {
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('__proto__', 'constructor', 'toJSON', '0', '7', '10', '01', '4294967295', '-1', ''));
    const leaf = fc.oneof(fc.string({ maxLength: 6 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.string({ unit: 'binary', maxLength: 3 }));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ maxDepth: 4, depthIdentifier: 'v', withCrossShrink: true }, leaf, tie('array'), tie('object'), tie('wide')),
      array: fc.array(tie('value'), { maxLength: 6 }),
      object: fc.array(fc.tuple(key, tie('value')), { maxLength: 6 }).map(toObject),
      // wide enough to be walked entry by entry
      wide: fc.array(fc.tuple(key, fc.oneof(leaf, fc.array(leaf, { maxLength: 4 }), fc.array(fc.tuple(key, leaf), { maxLength: 4 }).map(toObject))), { minLength: 60, maxLength: 90 }).map((kv) => (kv.length % 2 ? toObject(kv) : withHole(kv.map(([, v]) => v)))),
    }));
    fc.assert(
      fc.property(value, fc.array(fc.tuple(key, fc.oneof(leaf, fc.constant(link('l')))), { maxLength: 80 }), fc.integer({ min: 1, max: 3000 }), (extra, mapEntries, chunkChars) => {
        const fw = { ...createFramework({ id: '00000000-0000-4000-8000-000000000003' as FrameworkId, title: 'x' }), extra } as Framework;
        for (const [k, v] of mapEntries) (fw.prerequisites as Map<string, unknown>).set(k, v);
        expect(joined(fw, { chunkChars })).toBe(JSON.stringify(toFrameworkFile(fw), null, 2) + '\n');
        expect(joined(fw, { pretty: false, chunkChars })).toBe(JSON.stringify(toFrameworkFile(fw)) + '\n');
      }),
      { numRuns: 150 },
    );
  });
});

/** An object of entries, each an own property (a `__proto__` key stays a key, as JSON.parse makes it). */
function toObject(entries: [string, unknown][]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

/** An array with a hole (JSON writes `null` for it). */
function withHole(a: unknown[]): unknown[] {
  delete a[a.length >> 1];
  return a;
}
