import { describe, expect, it } from 'vitest';
import { normalizeDateTime, readCasePackage } from '../../../src-core/case/read';
import { formatCaseReport, type CaseImportReport } from '../../../src-core/case/report';
import { caseToStandardsSet } from '../../../src-core/case/toStandards';
import { caseToFramework } from '../../../src-core/case/toFramework';

const DOC = 'a0000000-0000-4000-8000-000000000000';
const I1 = 'a0000000-0000-4000-8000-000000000001';
const I2 = 'a0000000-0000-4000-8000-000000000002';
const I3 = 'a0000000-0000-4000-8000-000000000003';

function doc(extra: Record<string, unknown> = {}) {
  return { identifier: DOC, uri: `https://x.org/CFDocuments/${DOC}`, creator: 'C', title: 'Doc', lastChangeDateTime: '2020-01-01T00:00:00Z', ...extra };
}
function item(id: string, extra: Record<string, unknown> = {}) {
  return { identifier: id, uri: `https://x.org/CFItems/${id}`, fullStatement: `Item ${id.slice(-1)}`, lastChangeDateTime: '2020-01-01T00:00:00Z', ...extra };
}
let n = 0;
function assoc(type: string, from: string, to: string, extra: Record<string, unknown> = {}) {
  const id = `b0000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  return {
    identifier: id,
    associationType: type,
    uri: `https://x.org/CFAssociations/${id}`,
    originNodeURI: { title: 'o', identifier: from, uri: `https://x.org/CFItems/${from}` },
    destinationNodeURI: { title: 'd', identifier: to, uri: `https://x.org/CFItems/${to}` },
    lastChangeDateTime: '2020-01-01T00:00:00Z',
    ...extra,
  };
}

function expectFail(value: unknown, code: string, path: string) {
  const r = readCasePackage(value);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.error.code).toBe(code);
    expect(r.error.path).toBe(path);
    expect(r.error.message.length).toBeLessThan(400);
  }
  return r;
}

function readOk(value: unknown) {
  const r = readCasePackage(value);
  if (!r.ok) throw new Error(`expected to read: ${r.error.message}`);
  return r.value;
}

const messages = (r: CaseImportReport, list: 'accepted' | 'ignored') => r[list].map((e) => e.message).join('\n');

describe('readCasePackage fails closed on what it cannot understand', () => {
  it('refuses a value that is not an object', () => {
    expectFail([1, 2], 'not-case', '');
    expectFail('text', 'not-case', '');
  });
  it('refuses a package without a document, naming /CFDocument', () => {
    const r = expectFail({ CFItems: [item(I1)] }, 'no-document', '/CFDocument');
    expect(!r.ok && r.error.message).toMatch(/no CFDocument/);
  });
  it('refuses a document of the wrong type', () => {
    expectFail({ CFDocument: [doc()] }, 'wrong-type', '/CFDocument');
  });
  it('refuses a package without items', () => {
    expectFail({ CFDocument: doc() }, 'no-items', '/CFItems');
    expectFail({ CFDocument: doc(), CFItems: [] }, 'no-items', '/CFItems');
  });
  it('refuses CFItems that is not a list, and an item that is not an object', () => {
    expectFail({ CFDocument: doc(), CFItems: { a: item(I1) } }, 'wrong-type', '/CFItems');
    expectFail({ CFDocument: doc(), CFItems: [item(I1), 'oops'] }, 'wrong-type', '/CFItems/1');
  });
  it('refuses items without an identifier or with a non-text identifier', () => {
    expectFail({ CFDocument: doc(), CFItems: [item(I1), { fullStatement: 'x' }] }, 'no-identifier', '/CFItems/1/identifier');
    expectFail({ CFDocument: doc(), CFItems: [{ ...item(I1), identifier: 42 }] }, 'wrong-type', '/CFItems/0/identifier');
    expectFail({ CFDocument: doc({ identifier: {} }), CFItems: [item(I1)] }, 'wrong-type', '/CFDocument/identifier');
  });
  it('refuses a statement that is an object', () => {
    expectFail({ CFDocument: doc(), CFItems: [item(I1, { fullStatement: { en: 'x' } })] }, 'wrong-type', '/CFItems/0/fullStatement');
  });
  it('refuses associations without a type or without ends', () => {
    const a = assoc('isChildOf', I1, DOC) as Record<string, unknown>;
    expectFail({ CFDocument: doc(), CFItems: [item(I1)], CFAssociations: [{ ...a, associationType: 7 }] }, 'wrong-type', '/CFAssociations/0/associationType');
    const { destinationNodeURI: _, ...noEnd } = a;
    expectFail({ CFDocument: doc(), CFItems: [item(I1)], CFAssociations: [noEnd] }, 'no-end', '/CFAssociations/0/destinationNodeURI');
    expectFail({ CFDocument: doc(), CFItems: [item(I1)], CFAssociations: {} }, 'wrong-type', '/CFAssociations');
  });
  it('gives the pointer inside a {"CFPackage": …} wrapper', () => {
    expectFail({ CFPackage: { CFDocument: doc(), CFItems: [7] } }, 'wrong-type', '/CFPackage/CFItems/0');
  });
});

describe('readCasePackage accepts what real exporters write, and reports it', () => {
  it('accepts the deviations of CASE-NOTES §9 and normalises them', () => {
    const value = {
      CFPackage: {
        CFDocument: { ...doc({ lastChangeDateTime: '2017-05-25T18:05:33', description: null }), CFPackageURI: 'https://x.org/CFPackages/a' },
        CFItems: [
          { ...item(I1.toUpperCase()), CFDocumentURI: { title: 'Doc', identifier: DOC, uri: 'u' }, educationalLevel: '06', lastChangeDateTime: '2017-08-23 23:48:01' },
          { sourcedId: I2, uri: 'u2', fullStatement: 'Second', lastChangeDateTime: '2020-01-01T00:00:00+0000', educationLevel: ['K', '1'], notes: null },
        ],
        CFAssociations: [assoc('isChildOf', I1, DOC, { sequenceNumber: '2' }), assoc('isChildOf', I2, DOC, { sequenceNumber: 1 })],
        CFDefinitions: [],
      },
    };
    const { pkg, report, version } = readOk(value);
    expect(version).toBe('1.0');
    expect(pkg.CFDocument.lastChangeDateTime).toBe('2017-05-25T18:05:33Z');
    expect(pkg.CFDocument).not.toHaveProperty('CFPackageURI');
    expect(pkg.CFDocument).not.toHaveProperty('description');
    const [a, b] = pkg.CFItems!;
    expect(a!.identifier).toBe(I1); // lower-cased
    expect(a!.educationLevel).toEqual(['06']);
    expect(a!.lastChangeDateTime).toBe('2017-08-23T23:48:01Z');
    expect(a).not.toHaveProperty('CFDocumentURI');
    expect(b!.identifier).toBe(I2);
    expect(b!.lastChangeDateTime).toBe('2020-01-01T00:00:00+00:00');
    expect(b).not.toHaveProperty('notes');
    expect(pkg.CFAssociations![0]!.sequenceNumber).toBe(2);
    expect(pkg.CFDefinitions).toBeUndefined();
    const acc = messages(report, 'accepted');
    for (const m of [/CFPackage/, /without a time zone/, /CFDocumentURI/, /CFPackageURI/, /educationalLevel/, /sourcedId/, /sequenceNumber given as text/, /null description/, /CFDefinitions given as an empty list/]) {
      expect(acc).toMatch(m);
    }
    expect(report.read).toEqual({ items: 2, associations: 2, rubrics: 0, definitions: 0 });
    // Accepted means accepted: no line under it says "ignored" (the summary counted 0 kinds ignored).
    expect(report.accepted.find((e) => e.message.startsWith('CFDocumentURI'))!.message).toBe("CFDocumentURI inside a package (it names the package's own document) left out; nothing lost");
    expect(report.accepted.filter((e) => /\bignored\b/.test(e.message)).map((e) => e.message)).toEqual([]);
    // Reported once per kind of finding, with a count and the first pointer.
    const tz = report.accepted.find((e) => /time zone/.test(e.message))!;
    expect(tz.count).toBe(2);
    expect(tz.path).toBe('/CFPackage/CFDocument/lastChangeDateTime');
  });

  it('reports duplicate identifiers and keeps the first object', () => {
    const { pkg, report } = readOk({ CFDocument: doc(), CFItems: [item(I1, { fullStatement: 'first' }), item(I1, { fullStatement: 'second' })] });
    expect(pkg.CFItems!.map((i) => i.fullStatement)).toEqual(['first']);
    const dup = report.ignored.find((e) => /duplicate identifier/.test(e.message))!;
    expect(dup.path).toBe('/CFItems/1');
    expect(dup.message).toContain('/CFItems/0');
  });

  it('keeps associations whose ends are outside the package as external references', () => {
    const ext = 'urn:fdc:example.org:std:3.NF.1';
    const { pkg, report } = readOk({
      CFDocument: doc(),
      CFItems: [item(I1)],
      CFAssociations: [assoc('exactMatchOf', I1, ext), assoc('precedes', 'c0000000-0000-4000-8000-000000000009', I1)],
    });
    expect(pkg.CFAssociations).toHaveLength(2);
    expect(pkg.CFAssociations![0]!.destinationNodeURI.identifier).toBe(ext);
    expect(report.accepted.find((e) => /external references/.test(e.message))?.count).toBe(2);
  });

  it('ignores unknown properties, with the reason, and keys like __proto__ do no harm', () => {
    const text = `{"CFDocument": ${JSON.stringify(doc())}, "CFItems": [{"identifier": "${I1}", "uri": "u", "fullStatement": "x", "lastChangeDateTime": "2020-01-01T00:00:00Z", "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}], "__proto__": {"polluted": true}}`;
    const { pkg, report } = readOk(JSON.parse(text));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(pkg.CFItems![0])).toBe(Object.prototype);
    expect(messages(report, 'ignored')).toMatch(/unknown property "__proto__" on items/);
    expect(messages(report, 'ignored')).toMatch(/unknown property "constructor" on items/);
    expect(messages(report, 'ignored')).toMatch(/unknown property "__proto__" on the package/);
  });

  it('reads huge strings and keeps report messages short', () => {
    const huge = 'x'.repeat(5_000_000);
    const { pkg, report } = readOk({ CFDocument: doc(), CFItems: [item(I1, { fullStatement: huge, [huge.slice(0, 100_000)]: 1 })] });
    expect(pkg.CFItems![0]!.fullStatement).toHaveLength(5_000_000);
    for (const line of formatCaseReport(report)) expect(line.length).toBeLessThan(400);
  });

  it('reads deeply nested values in fields it ignores without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(50_000) + ']'.repeat(50_000));
    const { pkg, report } = readOk({ CFDocument: doc(), CFItems: [item(I1, { notes: deep, whatever: deep })], CFAssociations: [] });
    expect(pkg.CFItems![0]!.notes).toBeUndefined();
    expect(messages(report, 'ignored')).toMatch(/notes on items is an array/);
    expect(caseToFramework(pkg).framework.competencies[I1]).toBeDefined();
  });

  it('ignores optional fields of the wrong type instead of failing', () => {
    const { pkg, report } = readOk({
      CFDocument: doc({ subject: 'Math', version: 3 }),
      CFItems: [item(I1, { humanCodingScheme: ['A'], educationLevel: [3, { x: 1 }], CFItemTypeURI: 'Standard' })],
      CFAssociations: [assoc('isChildOf', I1, DOC, { sequenceNumber: 'first' })],
    });
    expect(pkg.CFDocument.subject).toEqual(['Math']);
    expect(pkg.CFDocument.version).toBe('3');
    const it0 = pkg.CFItems![0]!;
    expect(it0.humanCodingScheme).toBeUndefined();
    expect(it0.educationLevel).toEqual(['3']);
    expect(it0.CFItemTypeURI).toBeUndefined();
    expect(pkg.CFAssociations![0]!.sequenceNumber).toBeUndefined();
    const ign = messages(report, 'ignored');
    expect(ign).toMatch(/humanCodingScheme on items is an array/);
    expect(ign).toMatch(/sequenceNumber "first" is not a number/);
  });

  it('keeps unknown association types as ext: types (a 1.1 package)', () => {
    const { pkg, version, report } = readOk({ CFDocument: doc(), CFItems: [item(I1), item(I2)], CFAssociations: [assoc('prerequisite of', I1, I2), assoc('ISCHILDOF', I2, I1)] });
    expect(pkg.CFAssociations!.map((a) => a.associationType)).toEqual(['ext:prerequisite_of', 'isChildOf']);
    expect(version).toBe('1.1');
    expect(messages(report, 'accepted')).toMatch(/unknown association type "prerequisite of" kept as ext:prerequisite_of/);
  });
});

describe('CASE version detection', () => {
  const base = () => ({ CFDocument: doc(), CFItems: [item(I1)], CFAssociations: [assoc('isChildOf', I1, DOC)] });
  it('is 1.0 without 1.1 fields', () => expect(readOk(base()).version).toBe('1.0'));
  it('is 1.1 with caseVersion "1.1"', () => expect(readOk({ ...base(), CFDocument: doc({ caseVersion: '1.1' }) }).version).toBe('1.1'));
  it('is 1.1 with any 1.1-only field', () => {
    expect(readOk({ ...base(), CFDocument: doc({ frameworkType: 'Competency' }) }).version).toBe('1.1');
    expect(readOk({ ...base(), CFAssociations: [assoc('isChildOf', I1, DOC, { notes: 'n' })] }).version).toBe('1.1');
    expect(readOk({ ...base(), CFItems: [item(I1, { subject: ['Math'] })] }).version).toBe('1.1');
    expect(readOk({ ...base(), CFAssociations: [assoc('isTranslationOf', I1, DOC)] }).version).toBe('1.1');
  });
});

describe('normalizeDateTime', () => {
  it('adds seconds and a zone, keeps offsets', () => {
    expect(normalizeDateTime('2017-05-25T18:05:33')?.value).toBe('2017-05-25T18:05:33Z');
    expect(normalizeDateTime('2017-05-25T18:05')?.value).toBe('2017-05-25T18:05:00Z');
    expect(normalizeDateTime('2017-05-25T18:05:33.25-0500')?.value).toBe('2017-05-25T18:05:33.25-05:00');
    expect(normalizeDateTime('2017-05-25')?.value).toBe('2017-05-25T00:00:00Z');
    expect(normalizeDateTime('last Tuesday')).toBeUndefined();
    expect(normalizeDateTime('2021-02-29T00:00:00Z')).toBeUndefined();
    expect(normalizeDateTime('2020-02-29T23:59:59+14:00')?.value).toBe('2020-02-29T23:59:59+14:00');
    expect(normalizeDateTime('2020-13-01T00:00:00Z')).toBeUndefined();
    expect(normalizeDateTime('2020-01-01T24:00:00Z')).toBeUndefined();
  });
});

describe('isChildOf hierarchy', () => {
  it('does not hang on cycles: cuts one link and says so', () => {
    const notes: string[] = [];
    const { pkg } = readOk({
      CFDocument: doc(),
      CFItems: [item(I1), item(I2), item(I3)],
      CFAssociations: [assoc('isChildOf', I1, I2), assoc('isChildOf', I2, I3), assoc('isChildOf', I3, I1)],
    });
    const set = caseToStandardsSet(pkg, { notes });
    expect(Object.keys(set.items)).toHaveLength(3);
    const roots = Object.values(set.items).filter((s) => s.parentId === null);
    expect(roots).toHaveLength(1);
    expect(notes.join('\n')).toMatch(/isChildOf cycle .* cut/);
    const { framework } = caseToFramework(pkg);
    expect(Object.keys(framework.competencies).length + framework.domains.length).toBe(3);
  });
  it('treats an item that is its own parent as a top-level item', () => {
    const { pkg } = readOk({ CFDocument: doc(), CFItems: [item(I1)], CFAssociations: [assoc('isChildOf', I1, I1)] });
    expect(caseToStandardsSet(pkg).items[I1]!.parentId).toBeNull();
  });
});
