import { describe, expect, it } from 'vitest';
import type { StandardId, StandardsSetId } from '../../../src-core/model/ids';
import type { Standard, StandardsSet } from '../../../src-core/model/types';
import { codeScore, filterStandards, gradesOf, treeOrder } from '../../../src-renderer/src/panels/standards/standardsModel';
import { highlightCss } from '../../../src-renderer/src/panels/problems/highlight';

function std(id: string, parentId: string | null, sequence: number, code: string, statement: string, levels: string[] = []): Standard {
  return { id: id as StandardId, uri: '', code, statement, itemType: '', parentId: parentId as StandardId | null, sequence, educationLevels: levels };
}
function set(items: Standard[]): StandardsSet {
  return { id: 's' as StandardsSetId, title: 'T', source: '', version: '', caseDocumentId: '', caseDocumentUri: '', items: Object.fromEntries(items.map((s) => [s.id, s])) };
}

const SET = set([
  std('b', 'root', 2, '3.NF.A.2', 'Fraction on the number line', ['03']),
  std('root', null, 1, '3.NF', 'Fractions', ['03', '04']),
  std('a', 'root', 1, '3.NF.A.1', 'Unit fraction 1/b', ['03']),
  std('x', null, 2, '4.NF', 'Grade 4 fractions', ['04']),
  // a parent loop: unreachable from the top, still listed
  std('p', 'q', 1, 'P', 'loop 1'),
  std('q', 'p', 1, 'Q', 'loop 2'),
]);

describe('standards browser model', () => {
  it('lists a set in tree order, siblings by sequence number, and keeps items caught in a parent loop', () => {
    expect(treeOrder(SET).map((e) => `${e.depth}:${e.s.code}`)).toEqual(['0:3.NF', '1:3.NF.A.1', '1:3.NF.A.2', '0:4.NF', '0:P', '0:Q']);
  });

  it('finds by code suffix before statement words, and filters by grade', () => {
    const order = treeOrder(SET);
    expect(filterStandards(order, '', '')).toBeNull();
    expect(filterStandards(order, 'NF.A.2', '')!.map((s) => s.code)).toEqual(['3.NF.A.2']);
    expect(filterStandards(order, 'number line', '')!.map((s) => s.code)).toEqual(['3.NF.A.2']);
    expect(filterStandards(order, '', '04')!.map((s) => s.code)).toEqual(['3.NF', '4.NF']);
    expect(filterStandards(order, 'fractions', '04')!.map((s) => s.code)).toEqual(['3.NF', '4.NF']);
    expect(codeScore('m.g3.c1nf.tf.3.nf.a.3', '3.nf.a.3')).toBeGreaterThan(codeScore('m.g3.c1nf.tf.3.nf.a.3a', '3.nf.a.3'));
  });

  it('offers the grades a set uses, in grade order', () => {
    expect(gradesOf(SET).map((g) => g.code)).toEqual(['03', '04']);
  });
});

describe('problem highlight', () => {
  it('outlines the nodes and links of a cycle by their React Flow ids, quoting ids safely', () => {
    const css = highlightCss(['c1', 'we"ird'], ['l1']);
    expect(css).toContain('.react-flow__node[data-id="c1"] .cnode');
    expect(css).toContain('.react-flow__node[data-id="we\\"ird"] .cnode');
    expect(css).toContain('.react-flow__edge[data-id="l1"] .react-flow__edge-path');
    expect(highlightCss([], [])).toBe('');
  });
});
