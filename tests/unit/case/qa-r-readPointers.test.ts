import { describe, expect, it } from 'vitest';
import { readCasePackage } from '../../../src-core/case/read';
import { childOf, DOC, id, item } from './caseBuilders';

// The import report points at the package's own association: with a duplicate association left out before it,
// "first at /CFAssociations/N" named the association after the right one (the index in the list kept, not in
// the package) (qa-r).

describe('import report pointers (qa-r)', () => {
  it('the first association with an end outside the package is named by its place in the package, after a duplicate left out', () => {
    const external = { ...childOf(3, id(2), 'e0000000-0000-4000-8000-000000000001'), associationType: 'exactMatchOf' as const };
    const pkg = {
      CFDocument: { identifier: DOC, uri: 'https://x.org/doc', title: 'T', creator: 'c', lastChangeDateTime: '2020-01-01T00:00:00Z' },
      CFItems: [item(1), item(2)],
      CFAssociations: [childOf(1, id(1), DOC), childOf(1, id(1), DOC), childOf(2, id(2), DOC), external],
    };
    const r = readCasePackage(pkg);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.report.read.associations).toBe(3);
    expect(r.value.report.ignored.map((e) => e.path)).toEqual(['/CFAssociations/1']);
    const ext = r.value.report.accepted.find((e) => e.message.startsWith('association ends outside the package'));
    expect(ext?.path).toBe('/CFAssociations/3');
  });

  it('what the report says it accepted counts only what it read, not the duplicates it left out', () => {
    const docUri = { title: 'T', identifier: DOC, uri: 'https://x.org/doc' };
    const pkg = {
      CFDocument: { identifier: DOC, uri: 'https://x.org/doc', title: 'T', creator: 'c', lastChangeDateTime: '2020-01-01T00:00:00Z' },
      CFItems: [item(1), item(2), item(2)].map((x) => ({ ...x, CFDocumentURI: docUri })),
      CFAssociations: [childOf(1, id(1), DOC), childOf(1, id(1), DOC), childOf(2, id(2), DOC)].map((a) => ({ ...a, CFDocumentURI: docUri })),
    };
    const r = readCasePackage(pkg);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.report.read).toMatchObject({ items: 2, associations: 2 });
    const counts = r.value.report.accepted.filter((e) => e.message.startsWith('CFDocumentURI')).map((e) => [e.path, e.count]);
    expect(counts).toEqual([
      ['/CFItems/0/CFDocumentURI', 2],
      ['/CFAssociations/0/CFDocumentURI', 2],
    ]);
    expect(r.value.report.ignored.map((e) => e.path)).toEqual(['/CFItems/2', '/CFAssociations/1']);
  });
});
