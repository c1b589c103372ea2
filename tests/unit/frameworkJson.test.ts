import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFrameworkText, serializeFramework } from '../../src-core/format/frameworkFile';
import { frameworkFromJson, frameworkToJson, mapOfRecord, recordOfMap } from '../../src-core/model/frameworkJson';
import { createFramework } from '../../src-core/model/defaults';
import type { CompetencyId, FrameworkId, LinkId } from '../../src-core/model/ids';
import type { Alignment, PrerequisiteLink } from '../../src-core/model/types';

const link = (id: string, from = 'a', to = 'b'): PrerequisiteLink => ({ id: id as LinkId, from: from as CompetencyId, to: to as CompetencyId, note: '' });

describe('links and alignments: Maps in memory, JSON objects in a file', () => {
  it('keeps the order a file lists its entries in, both ways', () => {
    const rec = { z: link('z'), a: link('a'), m: link('m') };
    const map = mapOfRecord(rec);
    expect([...map.keys()]).toEqual(['z', 'a', 'm']);
    expect(Object.keys(recordOfMap(map))).toEqual(['z', 'a', 'm']);
  });

  it('builds the Map from an enumeration already taken (the loader’s lists) without reading the record again', () => {
    const values = [link('x'), link('y')];
    const map = mapOfRecord({} as Record<string, PrerequisiteLink>, { keys: ['x', 'y'], values });
    expect([...map.values()]).toEqual(values);
  });

  it('a key "__proto__" stays an entry — never the prototype of the written object', () => {
    const rec = JSON.parse('{"__proto__": {"id": "__proto__", "from": "a", "to": "b", "note": ""}, "k": {"id": "k", "from": "a", "to": "b", "note": ""}}') as Record<string, PrerequisiteLink>;
    const map = mapOfRecord(rec);
    expect([...map.keys()]).toEqual(['__proto__', 'k']);
    const back = recordOfMap(map);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__', 'k']);
    expect(JSON.parse(JSON.stringify(back))).toEqual(rec);
  });

  it('a saved file holds JSON objects, and loads back into the same Maps (order kept)', () => {
    const u = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const [l1, l2, a1, c1, c2, c3] = [u(11), u(12), u(21), u(31), u(32), u(33)];
    const fw = createFramework({ id: u(1) as FrameworkId, title: 'T' });
    fw.prerequisites.set(l2, link(l2, c1, c2));
    fw.prerequisites.set(l1, link(l1, c2, c3));
    const al = { id: a1, competencyId: c1, setId: u(41), standardId: u(42), kind: 'exact' } as Alignment;
    fw.alignments.set(a1, al);
    const text = serializeFramework(fw);
    const json = JSON.parse(text) as { framework: { prerequisites: unknown; alignments: unknown } };
    expect(json.framework.prerequisites).toEqual({ [l2]: link(l2, c1, c2), [l1]: link(l1, c2, c3) });
    expect(Object.keys(json.framework.prerequisites as object)).toEqual([l2, l1]);
    expect(json.framework.alignments).toEqual({ [a1]: al });
    expect(frameworkToJson(fw).prerequisites).toEqual(json.framework.prerequisites);
    // The loader gives Maps; the schema check is on the file form.
    const back = loadFrameworkText(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.framework.prerequisites).toBeInstanceOf(Map);
    expect([...back.value.framework.prerequisites.keys()]).toEqual([l2, l1]);
    expect(back.value.framework.alignments.get(a1)).toEqual(al);
  });

  it('property: file form → memory → file form is the identity (keys, order, values)', () => {
    const key = fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', '10', '2', 'toString'));
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 12 }), (keys) => {
        const rec: Record<string, PrerequisiteLink> = {};
        for (const k of keys) Object.defineProperty(rec, k, { value: link(k), enumerable: true, writable: true, configurable: true });
        const fw = frameworkFromJson({ ...frameworkToJson(createFramework({ id: '00000000-0000-4000-8000-000000000002' as FrameworkId, title: 'P' })), prerequisites: rec });
        expect([...fw.prerequisites.keys()]).toEqual(Object.keys(rec));
        const out = frameworkToJson(fw).prerequisites;
        expect(Object.keys(out)).toEqual(Object.keys(rec));
        for (const k of keys) expect(Object.getOwnPropertyDescriptor(out, k)?.value).toBe(rec[k]);
      }),
    );
  });
});
