import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../src-core/checks';
import { createFramework } from '../../src-core/model/defaults';
import type { StandardId, StandardsSetId } from '../../src-core/model/ids';
import type { Standard, StandardsSet } from '../../src-core/model/types';
import { groupRows } from '../../src-renderer/src/panels/coverage/coverageModel';

// An ELA spreadsheet (OpenSALT export): every grade has a "Reading Standards for Informational Text"
// without a code, and the rows come in the file's order, not the tree's. Coverage by standards domain
// must tell those groups apart and list them in the order of the standards tree.
function ela(): StandardsSet {
  const items: Record<string, Standard> = {};
  let seq = 0;
  const add = (id: string, statement: string, parentId: string | null, code = '') => {
    const itemType = code ? 'Standard' : parentId ? 'Strand' : 'Grade Level';
    items[id] = { id: id as StandardId, uri: '', code, statement, itemType, parentId: parentId as StandardId | null, sequence: seq++, educationLevels: [] };
  };
  // file order: grade 2's leaves before grade 1's
  add('g1', 'Grade 1', null);
  add('g2', 'Grade 2', null);
  add('g2ri', 'Reading Standards for Informational Text', 'g2');
  add('g2ri1', 'Ask and answer who, what, where…', 'g2ri', 'RI.2.1');
  add('g1ri', 'Reading Standards for Informational Text', 'g1');
  add('g1ri1', 'Ask and answer questions about key details', 'g1ri', 'RI.1.1');
  add('g1w', 'Writing Standards', 'g1');
  add('g1w1', 'Write opinion pieces', 'g1w', 'W.1.1');
  return { id: 'ela' as StandardsSetId, title: 'ELA', source: '', version: '', caseDocumentId: '', caseDocumentUri: '', items };
}

describe('coverage by standards domain', () => {
  it('names groups with the same title by their parent too, and lists them in tree order', () => {
    const set = ela();
    const fw = createFramework({ standardsSets: { [set.id]: set } });
    const sc = computeCoverage(fw)!.sets[0]!;
    const rows = groupRows(set, sc.byGroup);
    expect(rows.map((r) => r.label)).toEqual(['Grade 1 › Reading Standards for Informational Text', 'Writing Standards', 'Grade 2 › Reading Standards for Informational Text']);
    expect(rows.map((r) => r.standards)).toEqual([1, 1, 1]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);
  });

  it('leaves unique labels as they are', () => {
    const set = ela();
    delete set.items['g2ri'];
    delete set.items['g2ri1'];
    delete set.items['g2'];
    const fw = createFramework({ standardsSets: { [set.id]: set } });
    const rows = groupRows(set, computeCoverage(fw)!.sets[0]!.byGroup);
    expect(rows.map((r) => r.label)).toEqual(['Reading Standards for Informational Text', 'Writing Standards']);
  });
});
