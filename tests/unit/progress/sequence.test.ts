import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCompetency, createDomain, createFramework } from '../../../src-core/model/defaults';
import type { CompetencyId, LinkId } from '../../../src-core/model/ids';
import { learnerStatus } from '../../../src-core/progress/mastery';
import { suggestedSequence } from '../../../src-core/progress/sequence';
import { codes, idOf, makeFramework } from './helpers';

describe('suggestedSequence', () => {
  const fw = makeFramework([
    { code: 'N1', domain: 'N' },
    { code: 'N2', domain: 'N', after: ['N1'] },
    { code: 'N3', domain: 'N', after: ['N2'] },
    { code: 'G1', domain: 'G' },
    { code: 'G2', domain: 'G', after: ['G1'] },
    { code: 'G3', domain: 'G', after: ['G2', 'N3'] },
  ]);

  it('starts with the ready-next competencies, then keeps each domain together', () => {
    expect(codes(fw, suggestedSequence(fw).order)).toEqual(['N1', 'G1', 'G2', 'N2', 'N3', 'G3']);
  });

  it('leaves mastered competencies out and puts what they unlock first', () => {
    const seq = suggestedSequence(fw, new Set([idOf(fw, 'N1'), idOf(fw, 'N2')]));
    expect(codes(fw, seq.order)).toEqual(['N3', 'G1', 'G2', 'G3']);
  });

  it('reports what a prerequisite cycle holds back instead of hanging', () => {
    const cyc = makeFramework([
      { code: 'A' },
      { code: 'X', after: ['A', 'Y'] },
      { code: 'Y', after: ['X'] },
      { code: 'Z', after: ['Y'] },
      { code: 'B', after: ['A'] },
    ]);
    const seq = suggestedSequence(cyc);
    expect(codes(cyc, seq.order)).toEqual(['A', 'B']);
    expect(codes(cyc, seq.unreachable)).toEqual(['X', 'Y', 'Z']);
  });

  it('is empty for an empty framework', () => {
    expect(suggestedSequence(createFramework())).toEqual({ order: [], unreachable: [] });
  });
});

/** A random DAG: edges only go from a lower to a higher position of a random permutation. */
const dagArb = fc
  .integer({ min: 1, max: 30 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      perm: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3 }),
      domains: fc.array(fc.nat(3), { minLength: n, maxLength: n }),
      mastered: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    }),
  );

describe('suggestedSequence on random prerequisite graphs', () => {
  it('places every prerequisite before its dependent, every competency once, ready-next first', () => {
    fc.assert(
      fc.property(dagArb, ({ n, perm, edges, domains, mastered }) => {
        const fw = createFramework();
        const ds = [0, 1, 2, 3].map((i) => createDomain({ code: `D${i}` }, i));
        fw.domains = ds;
        const ids: CompetencyId[] = [];
        for (let i = 0; i < n; i++) {
          const c = createCompetency({ code: `C${i}`, domainId: ds[domains[i]!]!.id });
          fw.competencies[c.id] = c;
          ids.push(c.id);
        }
        edges.forEach(([a, b], k) => {
          if (perm[a] === perm[b]) return;
          const [x, y] = perm[a]! < perm[b]! ? [a, b] : [b, a];
          const id = `link-${k}` as LinkId;
          fw.prerequisites.set(id, { id, from: ids[x]!, to: ids[y]!, note: '' });
        });
        // A mastered set that is closed under prerequisites is what real learners have, but the
        // sequence must hold for any set: mastered competencies simply count as done.
        const done = new Set(ids.filter((_, i) => mastered[i]));
        const seq = suggestedSequence(fw, done);
        expect(seq.unreachable).toEqual([]);
        expect(new Set(seq.order)).toEqual(new Set(ids.filter((id) => !done.has(id))));
        expect(seq.order.length).toBe(n - done.size);
        const pos = new Map(seq.order.map((id, i) => [id, i]));
        for (const l of fw.prerequisites.values()) {
          if (done.has(l.from) || done.has(l.to)) continue;
          expect(pos.get(l.from)!).toBeLessThan(pos.get(l.to)!);
        }
        const masteredRecords = Object.fromEntries(
          [...done].map((id) => [id, { learnerId: 's', competencyId: id, phaseId: fw.phases[2]!.id, date: '2026-01-01', evidence: '' }]),
        );
        const ready = learnerStatus(fw, { records: Object.values(masteredRecords) }, 's').ready;
        expect(new Set(seq.order.slice(0, ready.length))).toEqual(new Set(ready));
      }),
      { numRuns: 200 },
    );
  });
});
