import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import { describeProblem } from '../../src-core/format/schemaErrors';
import { locateInFrameworkFile } from '../../src-core/format/schemaLocation';

const root = join(import.meta.dirname, '../..');
const valid = ['tests/fixtures/frameworks/v1-minimal.json', 'tests/fixtures/frameworks/cycle.json', 'resources/examples/student-science-inquiry.json'].map((f) =>
  readFileSync(join(root, f), 'utf8'),
);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every place in a JSON value (the root excluded), as key paths. */
function places(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(v)) v.forEach((x, i) => (out.push([...at, i]), places(x, [...at, i], out)));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) out.push([...at, k]), places(v[k]!, [...at, k], out);
  return out;
}

function get(v: Json, path: (string | number)[]): Json {
  let cur: any = v;
  for (const k of path) cur = cur[k];
  return cur;
}

/** Sets an own property (a `__proto__` key stays a key, as JSON.parse makes it). */
function put(o: any, key: string | number, value: Json) {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Values a hand edit, a script or a damaged file puts where something else belongs. */
const junk: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(null, '', '   ', 'x', -1, 1.5, true, [], {}, '00000000-0000-4000-8000-00000000000g', 'a'.repeat(500)),
);
const keys = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'a/b', 'm~n', 'indicators', 'phases', 'code', '0'));

const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'delete', 'add', 'replace-key'),
  value: junk,
  key: keys,
});

/** A valid file with a few random mutations (replace a value, delete or add a property, rename a record key). */
const mutatedFile = fc.record({ base: fc.constantFrom(...valid), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) }).map(({ base, mutations }) => {
  const file = JSON.parse(base) as Json;
  for (const m of mutations) {
    const all = places(file);
    if (all.length === 0) break;
    const path = all[m.at % all.length]!;
    const parent = get(file, path.slice(0, -1)) as any;
    const last = path[path.length - 1]!;
    if (m.kind === 'replace') put(parent, last, m.value);
    else if (m.kind === 'delete') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
    else if (m.kind === 'add' && parent && typeof parent === 'object' && !Array.isArray(parent)) put(parent, m.key, m.value);
    else if (m.kind === 'replace-key' && !Array.isArray(parent)) {
      const v = parent[last];
      delete parent[last];
      put(parent, m.key, v);
    }
  }
  return JSON.stringify(file);
});

describe('schema problems of damaged files (property)', () => {
  it('never throw, and every problem says where it is in words and ends with its exact JSON pointer', () => {
    fc.assert(
      fc.property(mutatedFile, (text) => {
        const r = loadFrameworkText(text);
        if (r.ok) return;
        expect(typeof r.error.message).toBe('string');
        expect(r.error.message.length).toBeGreaterThan(0);
        if (r.error.code !== 'schema') return;
        const details = r.error.details ?? [];
        expect(details.length).toBeGreaterThan(0);
        const file = JSON.parse(text);
        for (const d of details) {
          expect(d.path).toMatch(/^\//);
          expect(d.where).toBeTruthy();
          const line = describeProblem(d);
          expect(line.endsWith(` (${d.path})`)).toBe(true);
          expect(line).not.toMatch(/undefined|\[object Object\]|NaN/);
          // A problem inside a competency that still has a code names it by that code.
          const m = /^\/framework\/competencies\/([^/]+)\//.exec(d.path!);
          const key = m?.[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
          const comps = file?.framework?.competencies;
          const c = key !== undefined && comps && Object.prototype.hasOwnProperty.call(comps, key) ? comps[key] : undefined;
          const code = typeof c?.code === 'string' ? c.code.replace(/\s+/g, ' ').trim() : '';
          if (code && code.length <= 24 && !d.message.startsWith('key ')) expect(d.where!.startsWith(`competency “${code}”`)).toBe(true);
        }
        expect(r.error.message).toContain(describeProblem(details[0]!));
      }),
      { numRuns: 300 },
    );
  });

  it('locating any pointer in any value never throws', () => {
    const token = fc.oneof(
      fc.constantFrom('framework', 'competencies', 'prerequisites', 'alignments', 'domains', 'phases', 'standardsSets', 'items', 'comments', 'caseAssociations', 'indicators', '0', '1', '__proto__', 'constructor', 'toString', ''),
      fc.string({ maxLength: 4 }),
    );
    const pointer = fc.array(token, { maxLength: 7 }).map((ts) => ts.map((t) => '/' + t.replace(/~/g, '~0').replace(/\//g, '~1')).join(''));
    const anything = fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withSparseArray: true, maxDepth: 3 });
    // Also values shaped like a framework file down to the records, with anything below.
    const record = fc.dictionary(token, fc.oneof(anything, fc.dictionary(token, anything), fc.array(anything, { maxLength: 3 })));
    const shaped = fc.dictionary(token, fc.oneof(record, fc.array(record, { maxLength: 3 }), anything)).map((framework) => ({ format: 'progressions.framework', framework }));
    fc.assert(
      fc.property(fc.oneof(anything, shaped), pointer, (value, p) => {
        const loc = locateInFrameworkFile(value, p);
        expect(typeof loc.where).toBe('string');
        expect(loc.where.length).toBeGreaterThan(0);
        expect(loc.field === undefined || typeof loc.field === 'string').toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
