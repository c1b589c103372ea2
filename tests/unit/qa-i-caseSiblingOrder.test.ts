import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCase } from '../../src-core/case/export';
import { buildHierarchy } from '../../src-core/case/hierarchy';
import { readCasePackage } from '../../src-core/case/read';
import { caseToFramework } from '../../src-core/case/toFramework';
import { caseToStandardsSet } from '../../src-core/case/toStandards';
import type { CasePackage, CFAssociation, CFItem } from '../../src-core/case/types';
import { childOf, DOC, id, item } from './case/caseBuilders';
import { casePackagesDir, haveCasePackages, SKIP_MESSAGE } from './case/caseSchemas';

// Siblings of a CASE tree without sequence numbers: by listEnumeration (a number), as OpenSALT shows them, then
// package order — except siblings the package lists by code as plain text (OpenSALT's exports), which are put
// in natural code order. Before, package order alone: ACT's framework (exported by OpenSALT) read as
// L1.1, L1.10, L1.11 … L1.19, L1.2, L1.20 …, and a re-export numbered them that way for every consumer.

const pkgOf = (items: CFItem[], assocs: CFAssociation[]): CasePackage => ({
  CFDocument: { identifier: DOC, uri: '', creator: '', title: 'T', lastChangeDateTime: '2020-01-01T00:00:00Z' },
  CFItems: items,
  CFAssociations: assocs,
});

describe('CASE sibling order without sequence numbers (as OpenSALT shows it)', () => {
  const codesOf = (codes: (string | undefined)[]) => {
    const items = codes.map((c, i) => item(i + 1, c));
    const h = buildHierarchy(pkgOf(items, items.map((it, i) => childOf(i, it.identifier, DOC))));
    const byId = new Map(items.map((it) => [it.identifier, it.humanCodingScheme ?? '(none)']));
    return h.childrenOf.get(null)!.map((x) => byId.get(x));
  };

  it('siblings listed by code as plain text (as OpenSALT exports them) come in natural order: L1.2 before L1.10', () => {
    expect(codesOf(['L1.1', 'L1.10', 'L1.11', 'L1.2', 'L1.20', 'L1.3', 'l1.4'])).toEqual(['L1.1', 'L1.2', 'L1.3', 'l1.4', 'L1.10', 'L1.11', 'L1.20']);
  });

  it('any other listing is deliberate and kept: CCSS strands RL, RI, RF, W; a list where an item has no code', () => {
    expect(codesOf(['RL.K.1', 'RI.K.1', 'RF.K.1', 'W.K.1'])).toEqual(['RL.K.1', 'RI.K.1', 'RF.K.1', 'W.K.1']);
    expect(codesOf(['L1.1', 'L1.10', undefined, 'L1.2'])).toEqual(['L1.1', 'L1.10', '(none)', 'L1.2']);
  });

  it('listEnumeration (a number) comes before the code; sequenceNumber before both', () => {
    const items = [item(1, 'A', '3'), item(2, 'B', '1'), item(3, 'C'), item(4, 'D', '2'), item(5, 'E', 'x'), item(6, 'Z')];
    const assocs = [childOf(0, id(1), DOC), childOf(1, id(2), DOC), childOf(2, id(3), DOC), childOf(3, id(4), DOC), childOf(4, id(5), DOC), childOf(5, id(6), DOC, 1)];
    const h = buildHierarchy(pkgOf(items, assocs));
    const code = new Map(items.map((it) => [it.identifier, it.humanCodingScheme]));
    // Z is numbered; B, D, A by list enumeration; C and E (enumeration not a number) by code.
    expect(h.childrenOf.get(null)!.map((x) => code.get(x))).toEqual(['Z', 'B', 'D', 'A', 'C', 'E']);
  });

  it('property: siblings follow sequence number, list enumeration, then package order or (listed by code text) natural code order', () => {
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    const arb = fc.integer({ min: 1, max: 20 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        parents: fc.array(fc.nat(n), { minLength: n, maxLength: n }),
        seqs: fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), { minLength: n, maxLength: n }),
        codes: fc.array(fc.option(fc.constantFrom('A.1', 'A.2', 'A.10', 'a.2', 'B', '', 'A.1a'), { nil: undefined }), { minLength: n, maxLength: n }),
        les: fc.array(fc.option(fc.constantFrom('1', '2', '10', ' ', 'x', '2.5'), { nil: undefined }), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ n, parents, seqs, codes, les }) => {
        const items = Array.from({ length: n }, (_, i) => item(i + 1, codes[i], les[i]));
        const parentOfIdx = (i: number) => (parents[i]! > 0 && parents[i]! <= i ? parents[i]! - 1 : -1);
        const assocs = items.map((_, i) => childOf(i, id(i + 1), parentOfIdx(i) < 0 ? DOC : id(parentOfIdx(i) + 1), seqs[i]));
        const h = buildHierarchy(pkgOf(items, assocs));
        const num = (le: string | undefined) => (le === undefined || le.trim() === '' || !Number.isFinite(Number(le)) ? Infinity : Number(le));
        const key = (i: number) => ({ seq: seqs[i] ?? Infinity, le: num(les[i]), code: codes[i] ?? '', i });
        let byCode = false;
        const cmp = (a: ReturnType<typeof key>, b: ReturnType<typeof key>) => {
          if (a.seq !== b.seq) return a.seq - b.seq;
          if (a.le !== b.le) return a.le < b.le ? -1 : 1;
          if (byCode) {
            const c = collator.compare(a.code, b.code);
            if (c !== 0) return c;
          }
          return a.i - b.i;
        };
        for (let p = -1; p < n; p++) {
          const kids = items.map((_, i) => i).filter((i) => parentOfIdx(i) === p);
          if (kids.length === 0) continue;
          // listed (package order) by code as plain text, every one with a code
          byCode = kids.length > 1 && kids.every((k, j) => (codes[k] ?? '') !== '' && (j === 0 || codes[kids[j - 1]!]! <= codes[k]!));
          const want = kids.map(key).sort(cmp).map((k) => id(k.i + 1));
          expect(h.childrenOf.get(p < 0 ? null : id(p + 1))).toEqual(want);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe.skipIf(!haveCasePackages)(`real packages keep the order their editor shows (${SKIP_MESSAGE})`, () => {
  const load = (file: string) => {
    const r = readCasePackage(JSON.parse(readFileSync(join(casePackagesDir, file), 'utf8')));
    if (!r.ok) throw new Error(r.error.message);
    return r.value.pkg;
  };

  it('ACT (OpenSALT, no sequence numbers): L1.1 … L1.24 in order, in the framework and in the re-export', () => {
    const pkg = load('opensalt_act-holistic-framework-math-subset_v1p0.json');
    const { framework } = caseToFramework(pkg);
    const want = Array.from({ length: 24 }, (_, i) => `H.A.MATH.GM.PF.2DFP.L1.${i + 1}`);
    expect(Object.values(framework.competencies).map((c) => c.code)).toEqual(want);
    // A consumer reads the order from the isChildOf sequence numbers of the export.
    const out = exportCase(framework, { version: '1.1' });
    const code = new Map(out.CFItems!.map((i) => [i.identifier, i.humanCodingScheme]));
    const numbered = out
      .CFAssociations!.filter((a) => a.associationType === 'isChildOf' && code.get(a.originNodeURI.identifier)?.startsWith('H.A.MATH.GM.PF.2DFP.L1.'))
      .sort((a, b) => a.sequenceNumber! - b.sequenceNumber!)
      .map((a) => code.get(a.originNodeURI.identifier));
    expect(numbered).toEqual(want);
  });

  it('ACT as a standards set (to align to): the standards are in the same order', () => {
    const set = caseToStandardsSet(load('opensalt_act-holistic-framework-math-subset_v1p0.json'));
    const l1 = Object.values(set.items)
      .filter((s) => s.code.startsWith('H.A.MATH.GM.PF.2DFP.L1.'))
      .sort((a, b) => a.sequence - b.sequence)
      .map((s) => s.code);
    expect(l1).toEqual(Array.from({ length: 24 }, (_, i) => `H.A.MATH.GM.PF.2DFP.L1.${i + 1}`));
  });

  it('Smarter Balanced math: grades by listEnumeration (3 … HS), the unassigned items after them', () => {
    const { framework } = caseToFramework(load('sbac_math-content-specification_v1p0.json'));
    const top = framework.domains.filter((d) => d.parentId === null).map((d) => d.code || d.title);
    expect(top).toEqual(['M.G3', 'M.G4', 'M.G5', 'M.G6', 'M.G7', 'M.G8', 'M.GHS', 'Items not assigned to a target.']);
  });
});
