import { describe, expect, it } from 'vitest';
import { exportCase } from '../../src-core/case/export';
import { importCaseFramework } from '../../src-core/case/import';
import type { CasePackage } from '../../src-core/case/types';
import type { DomainId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';

// A foreign package's item nested under a competency (Smarter Balanced: 278 standards under their targets)
// keeps its isChildOf as a CASE association, written back unchanged, and that kept link replaced the
// item's own parent link in the export. So after the user moved the competency to another domain, the
// export still put it under its old parent, and after the parent competency was deleted the export gave it
// no parent at all (an orphan in every CASE tool). The kept link now stands only while it still says where
// the item is.

const T = '2024-05-01T10:00:00Z';
const DOC = 'e5000000-0000-4000-8000-000000000000';
const id = (n: number) => `e5000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [D, P, Q, C] = [id(1), id(2), id(3), id(4)];
const E = 'e5000000-0000-4000-8000-0000000000ee' as DomainId;
const link = (identifier: string) => ({ title: '', identifier, uri: `https://case.example.org/uri/${identifier}` });
const assoc = (n: number, type: string, o: string, d: string, seq?: number) => ({
  identifier: id(100 + n),
  uri: `https://case.example.org/uri/${id(100 + n)}`,
  associationType: type,
  originNodeURI: link(o),
  destinationNodeURI: link(d),
  lastChangeDateTime: T,
  ...(seq !== undefined ? { sequenceNumber: seq } : {}),
});
const item = (identifier: string, code: string) => ({ identifier, uri: `https://case.example.org/uri/${identifier}`, fullStatement: code, humanCodingScheme: code, lastChangeDateTime: T });

/** D (a grouping) holds targets P and Q (P precedes Q, so both are competencies); standard C sits under target P. */
function imported(): Framework {
  const r = importCaseFramework({
    CFDocument: { identifier: DOC, uri: `https://case.example.org/uri/${DOC}`, creator: 'SBAC', title: 'Math', lastChangeDateTime: T },
    CFItems: [item(D, 'M.G3'), item(P, 'M.G3.TA'), item(Q, 'M.G3.TB'), item(C, 'M.G3.TA.3.OA.1')],
    CFAssociations: [assoc(1, 'isChildOf', D, DOC, 1), assoc(2, 'isChildOf', P, D, 1), assoc(3, 'isChildOf', Q, D, 2), assoc(4, 'isChildOf', C, P, 1), assoc(5, 'precedes', P, Q)],
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.framework;
}

const parentsOf = (pkg: CasePackage, child: string) =>
  pkg.CFAssociations!.filter((a) => a.associationType === 'isChildOf' && a.originNodeURI.identifier === child).map((a) => a.destinationNodeURI.identifier);

describe('a kept isChildOf under a competency', () => {
  it('is written back unchanged while the item stays where it was (nothing else written for it)', () => {
    const fw = imported();
    expect(fw.competencies[C as never]!.domainId).toBe(D);
    const notes: string[] = [];
    const out = exportCase(fw, { version: '1.1', notes });
    expect(parentsOf(out, C)).toEqual([P]);
    expect(out.CFAssociations!.find((a) => a.originNodeURI.identifier === C)!.identifier).toBe(id(104));
    expect(notes).toEqual([]);
  });

  it('gives way when the user moved the competency to another domain: the export puts it there', () => {
    const fw = imported();
    fw.domains.push({ id: E, code: 'M.G4', title: 'Grade 4', description: '', color: '#2f6fdf', parentId: null });
    fw.competencies[C as never]!.domainId = E;
    const notes: string[] = [];
    const out = exportCase(fw, { version: '1.1', notes });
    expect(parentsOf(out, C)).toEqual([E]);
    expect(notes.join('\n')).toMatch(/1 kept isChildOf association\(s\) no longer say where their item is/);
    // and it reads back where the user put it
    const back = importCaseFramework(JSON.parse(JSON.stringify(out)));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.framework.competencies[C as never]!.domainId).toBe(E);
  });

  it('gives way when the parent competency was deleted: the item is not left without a parent', () => {
    const fw = imported();
    delete fw.competencies[P as never];
    fw.prerequisites.clear();
    const out = exportCase(fw, { version: '1.0' });
    expect(parentsOf(out, C)).toEqual([D]);
  });
});

// An item with two parents (CASE allows it: a standard listed under two clusters) keeps its first parent for
// the tree and its second isChildOf as a kept association. That kept link replaced the item's own parent link
// in the export, so a re-export listed the item under its second parent only, and read back, it had moved.
describe('a second parent (kept isChildOf to a domain)', () => {
  const [D1, D2, X] = [id(11), id(12), id(13)];
  function twoParents(): Framework {
    const r = importCaseFramework({
      CFDocument: { identifier: DOC, uri: `https://case.example.org/uri/${DOC}`, creator: 'State', title: 'Math', lastChangeDateTime: T },
      CFItems: [item(D1, 'OA'), item(D2, 'NBT'), item(X, '3.X.1'), item(C, '3.OA.1'), item(P, '3.NBT.1')],
      CFAssociations: [
        assoc(1, 'isChildOf', D1, DOC, 1),
        assoc(2, 'isChildOf', D2, DOC, 2),
        assoc(3, 'isChildOf', C, D1, 1),
        assoc(4, 'isChildOf', P, D2, 1),
        assoc(5, 'isChildOf', C, D2, 2), // C is also listed under NBT
        assoc(6, 'isChildOf', X, D2, 3),
      ],
    });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.framework;
  }

  it('is written as well as the item\'s own parent link, and a round trip changes nothing', () => {
    const fw = twoParents();
    expect(fw.competencies[C as never]!.domainId).toBe(D1);
    const notes: string[] = [];
    const out = exportCase(fw, { version: '1.1', notes });
    expect(parentsOf(out, C).sort()).toEqual([D1, D2].sort());
    expect(notes).toEqual([]);
    const back = importCaseFramework(JSON.parse(JSON.stringify(out)));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.framework.competencies[C as never]!.domainId).toBe(D1);
    expect(JSON.stringify(exportCase(back.value.framework, { version: '1.1' }))).toBe(JSON.stringify(out));
  });
});

describe('a second parent the user has since made the first', () => {
  it('is not written twice', () => {
    const [D1, D2, X] = [id(11), id(12), id(13)];
    const r = importCaseFramework({
      CFDocument: { identifier: DOC, uri: `https://case.example.org/uri/${DOC}`, creator: 'State', title: 'Math', lastChangeDateTime: T },
      CFItems: [item(D1, 'OA'), item(D2, 'NBT'), item(C, '3.OA.1'), item(X, '3.NBT.1')],
      CFAssociations: [assoc(1, 'isChildOf', D1, DOC, 1), assoc(2, 'isChildOf', D2, DOC, 2), assoc(3, 'isChildOf', C, D1, 1), assoc(4, 'isChildOf', X, D2, 1), assoc(5, 'isChildOf', C, D2, 2)],
    });
    if (!r.ok) throw new Error(r.error.message);
    const fw = r.value.framework;
    fw.competencies[C as never]!.domainId = D2 as DomainId;
    expect(parentsOf(exportCase(fw, { version: '1.1' }), C)).toEqual([D2]);
  });
});
