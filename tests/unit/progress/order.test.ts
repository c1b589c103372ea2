import { describe, expect, it } from 'vitest';
import { compareCodes, competencyOrder } from '../../../src-core/progress/order';
import { codes, makeFramework } from './helpers';

describe('display order', () => {
  it('sorts codes with digit runs by value and letters case-insensitively', () => {
    expect(['M.NF.10', 'M.NF.2', 'm.nf.1', 'M.NF.2a'].sort(compareCodes)).toEqual(['m.nf.1', 'M.NF.2', 'M.NF.2a', 'M.NF.10']);
  });
  it('orders by domain, then grade level, then code; competencies without a domain last', () => {
    const fw = makeFramework([
      { code: 'X.1' },
      { code: 'B.10', domain: 'B', levels: ['03'] },
      { code: 'B.9', domain: 'B', levels: ['04'] },
      { code: 'B.2', domain: 'B', levels: ['03'] },
      { code: 'A.1', domain: 'A' },
    ]);
    // Domains in the order they were created by the helper: B first, then A.
    expect(codes(fw, competencyOrder(fw))).toEqual(['B.2', 'B.10', 'B.9', 'A.1', 'X.1']);
  });
});
