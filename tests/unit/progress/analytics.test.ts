import { describe, expect, it } from 'vitest';
import { bottlenecks, loadByGradeBand, longestChain } from '../../../src-core/progress/analytics';
import { codes, makeFramework } from './helpers';

describe('longestChain', () => {
  it('returns the longest path of prerequisites, first to last', () => {
    const fw = makeFramework([
      { code: 'A' },
      { code: 'B', after: ['A'] },
      { code: 'C', after: ['B'] },
      { code: 'D', after: ['A'] },
      { code: 'E', after: ['C', 'D'] },
      { code: 'F' },
    ]);
    expect(codes(fw, longestChain(fw))).toEqual(['A', 'B', 'C', 'E']);
  });
  it('is a single competency when there are no links, and empty for no competencies', () => {
    expect(longestChain(makeFramework([{ code: 'A' }, { code: 'B' }]))).toHaveLength(1);
    expect(longestChain(makeFramework([]))).toEqual([]);
  });
  it('counts a prerequisite cycle as one step instead of looping', () => {
    const fw = makeFramework([{ code: 'X', after: ['Y'] }, { code: 'Y', after: ['X'] }, { code: 'P' }, { code: 'Q', after: ['P'] }]);
    expect(codes(fw, longestChain(fw))).toEqual(['P', 'Q']);
    const through = makeFramework([{ code: 'A' }, { code: 'X', after: ['A', 'Y'] }, { code: 'Y', after: ['X'] }, { code: 'Z', after: ['Y'] }]);
    const chain = codes(through, longestChain(through));
    expect(chain[0]).toBe('A');
    expect(chain[chain.length - 1]).toBe('Z');
    expect(chain).toHaveLength(3);
  });
});

describe('bottlenecks', () => {
  it('ranks competencies by how many others they block transitively', () => {
    const fw = makeFramework([
      { code: 'A' },
      { code: 'B', after: ['A'] },
      { code: 'C', after: ['B'] },
      { code: 'D', after: ['B'] },
      { code: 'E' },
      { code: 'F', after: ['E'] },
    ]);
    const top = bottlenecks(fw);
    expect(top.map((b) => [fw.competencies[b.id]!.code, b.blocks, b.direct])).toEqual([
      ['A', 3, 1],
      ['B', 2, 2],
      ['E', 1, 1],
    ]);
    expect(bottlenecks(fw, 1)).toHaveLength(1);
  });
  it('counts each dependent once on a cycle, never the competency itself', () => {
    const fw = makeFramework([{ code: 'X', after: ['Y'] }, { code: 'Y', after: ['X'] }]);
    expect(bottlenecks(fw).map((b) => b.blocks)).toEqual([1, 1]);
  });
});

describe('loadByGradeBand', () => {
  it('sums estimated hours per grade band in learner order and counts missing estimates', () => {
    const fw = makeFramework([
      { code: 'A', levels: ['04'], hours: 3 },
      { code: 'B', levels: ['03'], hours: 2 },
      { code: 'C', levels: ['03'], hours: 4.5 },
      { code: 'D', levels: ['03'], hours: null },
      { code: 'E', levels: [], hours: 1 },
      { code: 'F', levels: ['03', '04', '05'], hours: 6 },
    ]);
    expect(loadByGradeBand(fw)).toEqual([
      { band: 'Gr 3', levels: ['03'], competencies: 3, hours: 6.5, unestimated: 1 },
      { band: 'Gr 3–5', levels: ['03', '04', '05'], competencies: 1, hours: 6, unestimated: 0 },
      { band: 'Gr 4', levels: ['04'], competencies: 1, hours: 3, unestimated: 0 },
      { band: 'No grade level', levels: [], competencies: 1, hours: 1, unestimated: 0 },
    ]);
  });
});
