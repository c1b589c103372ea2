import fc from 'fast-check';
import { freeze, produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { createCompetency } from '../../../src-core/model/defaults';
import type { Framework } from '../../../src-core/model/types';
import { competencyOrder, competencyRanks } from '../../../src-core/progress/order';
import { codes, idOf, makeFramework } from './helpers';

// The learner views and the comparison ask for the display order after every edit. An edit that changes no
// sort key (id, code, domain, grade levels) keeps the last order — the same arrays — instead of sorting
// thousands of codes again; any other edit sorts again. Either way the order is what a fresh sort gives.

const base = (): Framework =>
  freeze(
    makeFramework([
      { code: 'A.10', domain: 'A', levels: ['04'] },
      { code: 'A.2', domain: 'A', levels: ['03'] },
      { code: 'B.1', domain: 'B', levels: ['03'] },
      { code: 'B.3', domain: 'B' },
      { code: 'X.1' },
      { code: 'A.9', domain: 'A', levels: ['03'] },
    ]),
    true,
  );

/** The order a fresh sort gives: a copy of the document (new domains too), so nothing kept is reused. */
const fresh = (fw: Framework) => competencyOrder(structuredClone(fw));

type Edit =
  | { kind: 'statement' | 'code' | 'domain' | 'levels' | 'levels-in-place-copy' | 'delete'; at: number; value: number }
  | { kind: 'add'; at: number; value: number };

const edit = fc.record({
  kind: fc.constantFrom('statement', 'code', 'domain', 'levels', 'levels-in-place-copy', 'delete', 'add') as fc.Arbitrary<Edit['kind']>,
  at: fc.nat(20),
  value: fc.nat(12),
}) as fc.Arbitrary<Edit>;

function apply(fw: Framework, e: Edit): Framework {
  return produce(fw, (d) => {
    const ids = Object.keys(d.competencies);
    if (ids.length === 0) return;
    const c = d.competencies[ids[e.at % ids.length]! as keyof typeof d.competencies]!;
    switch (e.kind) {
      case 'statement':
        c.statement = `Statement ${e.value}`;
        break;
      case 'code':
        c.code = ['A.1', 'A.10', 'a.2', 'B.1', 'X', '', 'A.9'][e.value % 7]!;
        break;
      case 'domain':
        c.domainId = e.value % 3 === 0 ? null : d.domains[e.value % d.domains.length]!.id;
        break;
      case 'levels':
        c.educationLevels = [['03'], ['04'], [], ['KG', '05']][e.value % 4]!;
        break;
      case 'levels-in-place-copy':
        // a new array with the same grade levels: no sort key changed
        c.educationLevels = [...c.educationLevels];
        break;
      case 'delete':
        delete d.competencies[c.id];
        break;
      case 'add': {
        const n = createCompetency({ code: `N.${e.value}`, statement: 'new', domainId: d.domains[e.value % d.domains.length]!.id, educationLevels: [] });
        d.competencies[n.id] = n;
        break;
      }
    }
  });
}

describe('display order after edits', () => {
  it('an edit of words keeps the same order and ranks (the same arrays)', () => {
    const fw = base();
    const order = competencyOrder(fw);
    const ranks = competencyRanks(fw);
    const next = produce(fw, (d) => {
      d.competencies[idOf(fw, 'B.1')]!.statement = 'Reworded';
    });
    expect(competencyOrder(next)).toBe(order);
    expect(competencyRanks(next)).toBe(ranks);
  });

  it('a changed code, domain or grade level sorts again', () => {
    const fw = base();
    expect(codes(fw, competencyOrder(fw))).toEqual(['A.2', 'A.9', 'A.10', 'B.1', 'B.3', 'X.1']);
    const recoded = produce(fw, (d) => {
      d.competencies[idOf(fw, 'A.10')]!.code = 'A.1';
    });
    expect(codes(recoded, competencyOrder(recoded))).toEqual(['A.2', 'A.9', 'A.1', 'B.1', 'B.3', 'X.1']);
    const regraded = produce(fw, (d) => {
      d.competencies[idOf(fw, 'A.10')]!.educationLevels = ['02'];
    });
    expect(codes(regraded, competencyOrder(regraded))).toEqual(['A.10', 'A.2', 'A.9', 'B.1', 'B.3', 'X.1']);
  });

  it('a document edited in place (not frozen) is sorted by what it holds now, not by the order kept', () => {
    const fw = makeFramework([{ code: 'A.1' }, { code: 'A.2' }]);
    expect(codes(fw, competencyOrder(fw))).toEqual(['A.1', 'A.2']);
    fw.competencies[idOf(fw, 'A.1')]!.code = 'A.3';
    const copy = { ...fw, competencies: { ...fw.competencies } };
    expect(codes(copy, competencyOrder(copy))).toEqual(['A.2', 'A.3']);
  });

  it('whatever the edits, the order equals a fresh sort', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        let fw = base();
        competencyOrder(fw);
        for (const e of edits) {
          const prev = fw;
          fw = apply(fw, e);
          const expected = fresh(fw);
          competencyOrder(prev); // the last order used is the previous document's, as in the editor
          expect(competencyOrder(fw)).toEqual(expected);
          expect([...competencyRanks(fw)]).toEqual(expected.map((id, i) => [id, i]));
        }
      }),
      { numRuns: 300 },
    );
  });
});
