import { describe, expect, it } from 'vitest';
import { readCasePackage } from '../../src-core/case/read';

// A package may carry items (and associations) of several documents: each says which by its CFDocumentURI.
// The reader dropped every CFDocumentURI with the report line "it names the package's own document …
// nothing lost", also when it named another document: the report said the opposite of what happened
// (the items are read into this package's framework and the link to their own document is gone).

const T = '2024-05-01T10:00:00Z';
const DOC = 'd4000000-0000-4000-8000-000000000000';
const OTHER = 'd4000000-0000-4000-8000-0000000000ff';
const DOC_URI = `https://case.example.org/uri/${DOC}`;
const id = (n: number) => `d4000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const item = (n: number, docUri?: unknown) => ({
  identifier: id(n),
  uri: `https://case.example.org/uri/${id(n)}`,
  fullStatement: `S${n}`,
  lastChangeDateTime: T,
  ...(docUri !== undefined ? { CFDocumentURI: docUri } : {}),
});
const link = (identifier: string, title: string) => ({ title, identifier, uri: `https://case.example.org/uri/${identifier}` });

function read(items: unknown[], associations: unknown[] = []) {
  const r = readCasePackage({
    CFDocument: { identifier: DOC, uri: DOC_URI, creator: 'State', title: 'State Math', lastChangeDateTime: T },
    CFItems: items,
    CFAssociations: associations,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('CFDocumentURI inside a package', () => {
  it('naming the package\'s own document (by identifier in any case, or by uri) is left out, nothing lost', () => {
    const r = read([item(1, link(DOC.toUpperCase(), 'State Math')), item(2, DOC_URI), item(3, { title: 'State Math', uri: DOC_URI })]);
    const own = r.report.accepted.find((e) => e.message.includes("names the package's own document"));
    expect(own).toMatchObject({ count: 3, path: '/CFItems/0/CFDocumentURI' });
    expect(r.report.ignored).toEqual([]);
  });

  it('naming another document is reported as such (which document, how many, where), not as "nothing lost"', () => {
    const assoc = {
      identifier: id(100),
      uri: 'https://case.example.org/a',
      associationType: 'isRelatedTo',
      originNodeURI: link(id(1), 'S1'),
      destinationNodeURI: link(id(3), 'S3'),
      lastChangeDateTime: T,
      CFDocumentURI: `https://case.example.org/uri/${OTHER}`,
    };
    const r = read([item(1, link(DOC, 'State Math')), item(2, link(OTHER, 'District Math')), item(3, link(OTHER, 'District Math'))], [assoc]);
    expect(r.pkg.CFItems).toHaveLength(3); // still read into this package
    const own = r.report.accepted.find((e) => e.message.includes("names the package's own document"));
    expect(own).toMatchObject({ count: 1, path: '/CFItems/0/CFDocumentURI' });
    const items = r.report.ignored.find((e) => e.path === '/CFItems/1/CFDocumentURI');
    expect(items?.count).toBe(2);
    expect(items?.message).toContain('names another document');
    expect(items?.message).toContain('District Math');
    expect(items?.message).toContain(OTHER);
    const assocs = r.report.ignored.find((e) => e.path === '/CFAssociations/0/CFDocumentURI');
    expect(assocs?.message).toContain(`https://case.example.org/uri/${OTHER}`);
  });
});
