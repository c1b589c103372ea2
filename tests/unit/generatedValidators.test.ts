import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptFrameworkV1, validateFrameworkV1 } from '../../src-core/generated/frameworkV1Validator.js';
import { acceptProgressV1, validateProgressV1 } from '../../src-core/generated/progressV1Validator.js';
// @ts-expect-error plain ESM build script without types
import { generateValidators } from '../../scripts/validatorCodegen.mjs';

const root = join(import.meta.dirname, '../..');

describe('precompiled schema validators', () => {
  it('are up to date with schemas/ (run `npm run gen` when this fails)', () => {
    const files = generateValidators(root) as { file: string; code: string }[];
    expect(files.length).toBeGreaterThan(0);
    for (const { file, code } of files) {
      expect(readFileSync(join(root, file), 'utf8'), file).toBe(code);
    }
  });

  it('contain no eval and no runtime require, so they run under a strict CSP', () => {
    for (const { file, code } of generateValidators(root) as { file: string; code: string }[]) {
      expect(code, file).not.toMatch(/\bnew Function\b|\beval\(|require\(/);
    }
  });
});

// The generated validator answers valid data with a fast yes/no acceptor and runs ajv (allErrors)
// only when that says no. These compare both with ajv compiled here from the schema, on real files
// and on thousands of mutated ones: same verdict, same errors.
const reference = (schemaFile: string) => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
  return ajv.compile(JSON.parse(readFileSync(join(root, schemaFile), 'utf8')));
};
const ajvFramework = reference('schemas/framework.v1.schema.json');
const ajvProgress = reference('schemas/progress.v1.schema.json');

const U = (n: number) => `00000000-0000-4000-8000-0009${String(n).padStart(8, '0')}`;
/** A small framework file using every definition of the schema (comments, CASE associations, indicators …). */
function richFramework(): Record<string, unknown> {
  const file = JSON.parse(readFileSync(join(root, 'tests/fixtures/exports-small.framework.json'), 'utf8'));
  const fw = file.framework;
  fw.domains[1].parentId = fw.domains[0].id;
  const first = Object.values(fw.competencies)[0] as Record<string, unknown>;
  first.estimatedHours = null;
  const set = Object.values(fw.standardsSets)[0] as { items: Record<string, Record<string, unknown>> };
  Object.values(set.items)[0]!.assessable = true;
  fw.comments[U(1)] = { id: U(1), target: { kind: 'competency', id: first.id }, author: 'Ana', text: 'Check', createdAt: '2026-01-02T03:04:05.6+01:00', resolved: false };
  fw.comments[U(2)] = { id: U(2), target: { kind: 'framework' }, author: '', text: '', createdAt: '2026-01-02T03:04Z', resolved: true };
  fw.caseAssociations = {
    [U(3)]: {
      id: U(3),
      associationType: 'isRelatedTo',
      origin: { identifier: 'a', uri: 'https://x/a', title: 'A' },
      destination: { identifier: 'b' },
      sequenceNumber: 2,
      grouping: { identifier: U(4), uri: '', title: 'G' },
    },
  };
  return file;
}
const progressFile = () => JSON.parse(readFileSync(join(root, 'tests/fixtures/progress/progress-v1.json'), 'utf8'));

type Json = unknown;
type Path = (string | number)[];
function pathsOf(v: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) pathsOf((v as Record<string, Json>)[k], [...at, k], out);
  return out;
}
function get(doc: Json, path: Path): Json {
  let v = doc;
  for (const k of path) v = (v as Record<string | number, Json>)?.[k];
  return v;
}

const uuid = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
/** Values that sit on the edges of the schema's keywords. */
const POOL: Json[] = [
  null, undefined, true, false, 0, -1, -0.5, 1.5, 3, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, '', ' ', '\u00a0', '\n',
  '\u3000x', 'x', 'KG', 'exact', 'other', 'draft', 'framework', 'progressions.framework', 'progressions.progress',
  uuid, uuid.toUpperCase(), uuid + '\n', uuid.slice(1), uuid.replace('a', 'g'), uuid.replace(/-/g, '_'), `${uuid.slice(0, 35)}٣`,
  '#a1B2c3', '#a1B2c', '#a1B2cg', '2026-01-31T12:00:00Z', '2026-01-31T12:00', '2026-01-31', '2026-1-31', [], [''], ['KG'], [1], {},
  { x: 1, y: 2 }, { id: uuid, text: 't' }, { descriptor: '', indicators: [] }, { kind: 'link' },
];

type Mutation = { at: number; kind: 'set' | 'delete' | 'add' | 'rename' | 'copy'; value: number; from: number };
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom<Mutation['kind']>('set', 'delete', 'add', 'rename', 'copy'),
  value: fc.nat(),
  from: fc.nat(),
});
/** Applies mutations to a clone of `base`: replace, delete, add or rename a property, or copy another node over one. */
function mutate(base: Json, ms: Mutation[]): Json {
  const doc = structuredClone(base);
  for (const m of ms) {
    const paths = pathsOf(doc).filter((p) => p.length > 0);
    const path = paths[m.at % paths.length]!;
    const parent = get(doc, path.slice(0, -1)) as Record<string | number, Json>;
    const key = path[path.length - 1]!;
    const value = POOL[m.value % POOL.length];
    const target = get(doc, path);
    switch (m.kind) {
      case 'set':
        parent[key] = structuredClone(value);
        break;
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        break;
      case 'add':
        if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
          (target as Record<string, Json>)[typeof value === 'string' ? value || 'extra' : uuid] = structuredClone(value ?? 1);
        } else if (Array.isArray(target)) target.push(structuredClone(value));
        break;
      case 'rename':
        if (!Array.isArray(parent) && typeof value === 'string') {
          const v = parent[key];
          delete parent[key];
          parent[value] = v;
        }
        break;
      case 'copy':
        parent[key] = structuredClone(get(doc, paths[m.from % paths.length]!));
        break;
    }
  }
  return doc;
}

describe('the fast acceptor in the generated validators', () => {
  const cases = [
    { name: 'framework', base: richFramework, ajv: ajvFramework, generated: validateFrameworkV1, accept: acceptFrameworkV1 },
    { name: 'progress', base: progressFile, ajv: ajvProgress, generated: validateProgressV1, accept: acceptProgressV1 },
  ];

  it.each(cases)('accepts the unmutated $name file without running ajv', ({ base, ajv, accept, generated }) => {
    const doc = base();
    expect(ajv(doc), JSON.stringify(ajv.errors)).toBe(true);
    expect(accept(doc)).toBe(true);
    expect(generated(doc)).toBe(true);
    expect(generated.errors).toBeNull();
  });

  it.each(cases)('gives ajv’s verdict and errors on mutated $name files', ({ base, ajv, accept, generated }) => {
    const doc0 = base();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        const doc = mutate(doc0, ms);
        const valid = ajv(doc);
        expect(accept(doc)).toBe(valid);
        expect(generated(doc)).toBe(valid);
        expect(generated.errors).toEqual(valid ? null : ajv.errors);
      }),
      { numRuns: 3000 },
    );
  });

  it('hands over the records it enumerated, in Object.keys order, and answers the same with or without lists', () => {
    const doc0 = richFramework();
    type Lists = NonNullable<Parameters<typeof acceptFrameworkV1>[1]>;
    const plainLists: Lists = {};
    expect(acceptFrameworkV1(doc0, plainLists)).toBe(true);
    const records = ['competencies', 'prerequisites', 'alignments'] as const;
    for (const r of records) {
      const rec = (doc0 as { framework: Record<string, Record<string, unknown>> }).framework[r]!;
      expect(Object.keys(rec).length, r).toBeGreaterThan(0);
      expect(plainLists[r]!.keys).toEqual(Object.keys(rec));
      plainLists[r]!.values.forEach((v, i) => expect(v).toBe(rec[plainLists[r]!.keys[i]!]));
    }
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        const doc = mutate(doc0, ms);
        const lists: Lists = {};
        const valid = acceptFrameworkV1(doc);
        expect(acceptFrameworkV1(doc, lists)).toBe(valid);
        if (!valid) return;
        const fw = (doc as { framework: Record<string, Record<string, unknown>> }).framework;
        for (const r of records) {
          expect(lists[r]!.keys).toEqual(Object.keys(fw[r]!));
          expect(lists[r]!.values).toEqual(Object.values(fw[r]!));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('checks each record key even where the objects before had a valid key at the same position (the key memo)', () => {
    // Record keys repeat from one object to the next (every competency's phases are keyed by the same phase
    // ids); the acceptor checks a key once per position while it stays the same string. Any other key at
    // that position, or at a position past the memo's eight, is checked again.
    const doc = richFramework() as { framework: { competencies: Record<string, { phases: Record<string, unknown> }> } };
    const comps = Object.values(doc.framework.competencies);
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [U(100 + i), { descriptor: '', indicators: [] }]));
    const bad = [uuid.slice(1), uuid.toUpperCase().replace('A', 'G'), `${uuid.slice(0, 35)}٣`, 'x', ''];
    for (const position of [0, 3, 7, 8, 11]) {
      for (const key of bad) {
        for (const c of comps) c.phases = { ...many };
        expect(ajvFramework(doc), 'valid before').toBe(true);
        expect(acceptFrameworkV1(doc), 'valid before').toBe(true);
        const last = comps[comps.length - 1]!;
        const entries = Object.entries(last.phases);
        entries[position] = [key, entries[position]![1]];
        last.phases = Object.fromEntries(entries);
        expect(ajvFramework(doc), `${position} ${key}`).toBe(false);
        expect(acceptFrameworkV1(doc), `${position} ${JSON.stringify(key)}`).toBe(false);
        expect(validateFrameworkV1(doc)).toBe(false);
        expect(validateFrameworkV1.errors).toEqual(ajvFramework.errors);
      }
    }
  });

  it('checks uuids and non-blank strings exactly like the schema’s patterns', () => {
    const doc = richFramework() as { framework: Record<string, unknown> };
    const chars = fc.constantFrom(...'0189aAfFgG-- \t\n\u00a0\u2028\u3000\ufeff\u180e\u0663\ud800x'.split(''));
    const nearUuid = fc.tuple(fc.uuid(), fc.nat(40), chars).map(([u, i, c]) => u.slice(0, i) + c + u.slice(i + 1));
    const text = fc.oneof(fc.uuid(), nearUuid, fc.string({ unit: chars, maxLength: 40 }), fc.string({ maxLength: 40 }));
    fc.assert(
      fc.property(text, (s) => {
        doc.framework.id = s; // uuid pattern
        doc.framework.educationLevels = [s]; // "\S" pattern
        expect(acceptFrameworkV1(doc)).toBe(ajvFramework(doc));
      }),
      { numRuns: 5000 },
    );
  });
});
