import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCasePackage } from '../../../src-core/case/read';
import { caseToStandardsSet } from '../../../src-core/case/toStandards';
import { casePackagesDir, haveCasePackages, SKIP_MESSAGE } from './caseSchemas';

const DOC = 'd0000000-0000-4000-8000-000000000000';
const id = (n: number) => `d0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const item = (n: number, extra: Record<string, unknown> = {}) => ({ identifier: id(n), uri: `https://x.org/${n}`, fullStatement: `S${n}`, lastChangeDateTime: '2020-01-01T00:00:00Z', ...extra });
let k = 100;
const childOf = (c: string, p: string, seq?: number | string) => ({
  identifier: id(++k),
  associationType: 'isChildOf',
  uri: 'https://x.org/a',
  originNodeURI: { title: '', identifier: c, uri: 'https://x.org/c' },
  destinationNodeURI: { title: '', identifier: p, uri: 'https://x.org/p' },
  lastChangeDateTime: '2020-01-01T00:00:00Z',
  ...(seq !== undefined ? { sequenceNumber: seq } : {}),
});

function pkgOf(value: unknown) {
  const r = readCasePackage(value);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.pkg;
}

describe('caseToStandardsSet', () => {
  const doc = { identifier: DOC, uri: 'https://x.org/doc', creator: 'State', title: 'State Math', version: '2024', lastChangeDateTime: '2020-01-01T00:00:00Z' };

  it('builds the tree from isChildOf with and without a link to the document, siblings by sequenceNumber', () => {
    const pkg = pkgOf({
      CFDocument: doc,
      CFItems: [
        item(1, { humanCodingScheme: '3', CFItemType: 'Grade' }),
        item(2, { humanCodingScheme: '4', CFItemType: 'Grade' }), // no isChildOf at all (OpenCASE style)
        item(3, { humanCodingScheme: '3.NF.2', educationLevel: ['3'], CFItemTypeURI: { title: 'Standard', identifier: id(900), uri: 'https://x.org/t' } }),
        item(4, { humanCodingScheme: '3.NF.1', educationLevel: ['K', '03', 'Grade 3'] }),
      ],
      CFAssociations: [childOf(id(1), DOC, 1), childOf(id(3), id(1), '2'), childOf(id(4), id(1), 1)],
    });
    const set = caseToStandardsSet(pkg, { source: 'state.json' });
    expect(set.id).toBe(DOC);
    expect(set.title).toBe('State Math');
    expect(set.source).toBe('state.json');
    expect(set.version).toBe('2024');
    expect(set.caseDocumentId).toBe(DOC);
    expect(set.caseDocumentUri).toBe('https://x.org/doc');
    // Tree order: grade 3, its children by sequence (3.NF.1 then 3.NF.2), then grade 4.
    expect(Object.values(set.items).map((s) => s.code)).toEqual(['3', '3.NF.1', '3.NF.2', '4']);
    const s3 = set.items[id(3)]!;
    expect(s3).toMatchObject({ parentId: id(1), sequence: 2, itemType: 'Standard', statement: 'S3', uri: 'https://x.org/3', educationLevels: ['03'] });
    expect(set.items[id(4)]!.educationLevels).toEqual(['KG', '03']);
    expect(set.items[id(1)]!).toMatchObject({ parentId: null, itemType: 'Grade' });
    expect(set.items[id(2)]!.parentId).toBeNull();
  });

  it('names a set whose package has no title after the file it came from, and says so (it was titled “”)', () => {
    const { title: _title, ...untitled } = doc;
    const pkg = pkgOf({ CFDocument: untitled, CFItems: [item(1)], CFAssociations: [] });
    const notes: string[] = [];
    expect(caseToStandardsSet(pkg, { source: 'C:\\Downloads\\state-math.json', notes }).title).toBe('state-math');
    expect(notes).toContain('the package\'s document has no title; the standards set is named “state-math”');
    expect(caseToStandardsSet(pkgOf({ CFDocument: { ...doc, title: '  ' }, CFItems: [item(1)], CFAssociations: [] })).title).toBe('Untitled standards set');
    expect(caseToStandardsSet(pkgOf({ CFDocument: doc, CFItems: [item(1)], CFAssociations: [] }), { source: 'x.json' }).title).toBe('State Math');
  });

  it('keeps identifiers that are not UUIDs, including __proto__, as own keys', () => {
    const pkg = pkgOf({
      CFDocument: doc,
      CFItems: [item(1), { ...item(2), identifier: '__proto__' }, { ...item(3), identifier: 'urn:state:3.NF.1' }],
      CFAssociations: [childOf('__proto__', id(1))],
    });
    const set = caseToStandardsSet(pkg);
    expect(Object.keys(set.items)).toEqual([id(1), '__proto__', 'urn:state:3.NF.1']);
    expect(Object.prototype.hasOwnProperty.call(set.items, '__proto__')).toBe(true);
    expect(set.items['__proto__']!.parentId).toBe(id(1));
    expect(JSON.parse(JSON.stringify(set)).items.__proto__.statement).toBe('S2');
  });
});

describe.skipIf(!haveCasePackages)(`caseToStandardsSet on the real packages (${SKIP_MESSAGE})`, () => {
  const files = haveCasePackages ? readdirSync(casePackagesDir).filter((f) => f.endsWith('.json')) : [];
  it.each(files)('%s: every item becomes a standard in a tree without loops', (file) => {
    const value = JSON.parse(readFileSync(join(casePackagesDir, file), 'utf8'));
    const r = readCasePackage(value);
    if (!r.ok) throw new Error(r.error.message);
    const set = caseToStandardsSet(r.value.pkg, { source: file });
    const items = Object.values(set.items);
    expect(items.length).toBe(new Set(value.CFItems.map((i: { identifier: string }) => i.identifier.toLowerCase())).size);
    for (const s of items) {
      const seen = new Set<string>();
      for (let p = s.parentId; p !== null; p = set.items[p]!.parentId) {
        expect(seen.has(p)).toBe(false);
        seen.add(p);
      }
    }
    expect(set.title).toBe(value.CFDocument.title);
  });

  it('reads the Smarter Balanced math specification: every item, a sound tree', () => {
    const value = JSON.parse(readFileSync(join(casePackagesDir, 'sbac_math-content-specification_v1p0.json'), 'utf8'));
    const r = readCasePackage(value);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const set = caseToStandardsSet(r.value.pkg);
    const items = Object.values(set.items);
    expect(items).toHaveLength(585);
    expect(new Set(items.map((s) => s.id))).toEqual(new Set(value.CFItems.map((i: { identifier: string }) => i.identifier)));
    for (const s of items) if (s.parentId !== null) expect(set.items[s.parentId]).toBeDefined();
    const grades = items.filter((s) => s.itemType === 'Grade');
    expect(grades.length).toBe(7);
    expect(items.some((s) => s.educationLevels.length > 0)).toBe(true);
  });
});
