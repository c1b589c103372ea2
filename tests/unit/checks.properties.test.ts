import fc from 'fast-check';
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { computeCoverage, validateFramework } from '../../src-core/checks';
import { hierarchyCycles, parentArrayCycles } from '../../src-core/graph';
import type { AlignmentId, CompetencyId, StandardId, StandardsSetId } from '../../src-core/model/ids';
import { FwBuilder } from './checksBuilder';

/** A random framework with one standards set (a random forest, some assessable flags) and random alignments. */
const scenario = fc.record({
  competencies: fc.integer({ min: 1, max: 8 }),
  parents: fc.array(fc.option(fc.nat(11), { nil: null }), { minLength: 1, maxLength: 12 }),
  assessable: fc.array(fc.constantFrom(undefined, true, false), { minLength: 12, maxLength: 12 }),
  useAssessable: fc.boolean(),
  alignments: fc.array(fc.tuple(fc.nat(9), fc.nat(13)), { maxLength: 20 }),
});

describe('coverage (property)', () => {
  it('equals a brute-force count of aligned countable standards', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const b = new FwBuilder();
        const codes = Array.from({ length: s.competencies }, (_, i) => `C${i}`);
        b.competencies(...codes);
        const n = s.parents.length;
        // Parents only point at earlier items, so the set is a forest (loops are the cycle check's business).
        const specs = s.parents.map((p, i) => (p !== null && p < i ? `${i}<${p}` : `${i}`));
        b.standards('S', specs);
        const set = b.fw.standardsSets[b.sid('S')]!;
        if (s.useAssessable) s.assessable.slice(0, n).forEach((a, i) => (set.items[b.std('S', String(i))]!.assessable = a));
        s.alignments.forEach(([c, std], k) => {
          // Indices past the lists make dangling alignments, which must not count.
          const cid = c < s.competencies ? b.id(`C${c}`) : ('ghost' as CompetencyId);
          const sid = std < n ? b.std('S', String(std)) : ('nowhere' as StandardId);
          b.fw.alignments.set(`a${k}`, { id: `a${k}` as AlignmentId, competencyId: cid, setId: b.sid('S') as StandardsSetId, standardId: sid, kind: 'exact' });
        });

        // Brute force
        const items = Object.values(set.items);
        const isParent = (id: string) => items.some((x) => x.parentId === id);
        const counts = (x: (typeof items)[number]) => (x.assessable === undefined ? !isParent(x.id) : x.assessable);
        const countable = items.filter(counts).map((x) => x.id);
        const alignedTo = (id: string) =>
          [...b.fw.alignments.values()].some((a) => a.standardId === id && b.fw.competencies[a.competencyId] !== undefined);
        const covered = countable.filter(alignedTo);
        const unaligned = Object.keys(b.fw.competencies).filter(
          (cid) => ![...b.fw.alignments.values()].some((a) => a.competencyId === cid && set.items[a.standardId]),
        );

        const cov = computeCoverage(b.fw)!;
        expect(cov.standards).toBe(countable.length);
        expect(cov.covered).toBe(covered.length);
        expect(new Set(cov.uncovered)).toEqual(new Set(countable.filter((id) => !covered.includes(id))));
        expect(cov.ratio).toBeCloseTo(countable.length === 0 ? 1 : covered.length / countable.length);
        expect(new Set(cov.unaligned)).toEqual(new Set(unaligned));
        const sc = cov.sets[0]!;
        expect(sc.byGroup.reduce((t, g) => t + g.standards, 0)).toBe(countable.length);
        expect(sc.byGroup.reduce((t, g) => t + g.covered, 0)).toBe(covered.length);
        // validateFramework reports the same numbers
        expect(validateFramework(b.fw).coverage).toEqual(cov);
        // an immutable document (the editor's) takes another path: alone, and after a validation kept its lists
        const frozen = freeze(structuredClone(b.fw), true);
        expect(computeCoverage(frozen)).toEqual(cov);
        expect(validateFramework(frozen).coverage).toEqual(cov);
        expect(computeCoverage(frozen)).toEqual(cov);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parentArrayCycles (property)', () => {
  it('finds the same loops as the generic hierarchy walk', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: 9 }), { minLength: 1, maxLength: 10 }), (raw) => {
        const parent = Int32Array.from(raw.map((p) => (p < raw.length ? p : -1)));
        const got = parentArrayCycles(parent).map((c) => [...c.slice(0, -1)].sort((a, b) => a - b).join(','));
        const ids = raw.map((_, i) => String(i));
        const want = hierarchyCycles(ids, (id) => (parent[Number(id)]! === -1 ? null : String(parent[Number(id)]))).map((c) =>
          c.slice(0, -1).map(Number).sort((a, b) => a - b).join(','),
        );
        expect(got.sort()).toEqual(want.sort());
        for (const c of parentArrayCycles(parent)) {
          expect(c[0]).toBe(c[c.length - 1]);
          for (let i = 0; i + 1 < c.length; i++) expect(parent[c[i]!]).toBe(c[i + 1]);
        }
      }),
    );
  });
});
