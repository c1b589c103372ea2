import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHierarchy } from '../../../src-core/case/hierarchy';
import type { CasePackage, CFAssociation, CFItem } from '../../../src-core/case/types';

const DOC = 'd0000000-0000-4000-8000-000000000000';
const id = (n: number) => `d0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const item = (n: number): CFItem => ({ identifier: id(n), uri: `https://x.org/${n}`, fullStatement: `S${n}`, lastChangeDateTime: '2020-01-01T00:00:00Z' });
const childOf = (k: number, child: string, parent: string, seq: number | undefined): CFAssociation => ({
  identifier: id(10_000 + k),
  associationType: 'isChildOf',
  uri: 'https://x.org/a',
  originNodeURI: { title: '', identifier: child, uri: '' },
  destinationNodeURI: { title: '', identifier: parent, uri: '' },
  lastChangeDateTime: '2020-01-01T00:00:00Z',
  ...(seq !== undefined ? { sequenceNumber: seq } : {}),
});

/** Siblings by sequenceNumber (none = last), ties in package order — the rule, written plainly. */
function expectedChildren(pkg: CasePackage, parentOf: ReadonlyMap<string, string | null>): Map<string | null, string[]> {
  const items = pkg.CFItems!;
  const firstIndex = new Map<string, number>();
  items.forEach((it, i) => firstIndex.has(it.identifier) || firstIndex.set(it.identifier, i));
  const seq = new Map<string, number>();
  for (const a of pkg.CFAssociations!) {
    const c = a.originNodeURI.identifier;
    if (a.sequenceNumber !== undefined && !seq.has(c)) seq.set(c, a.sequenceNumber);
  }
  const out = new Map<string | null, string[]>();
  for (const idv of firstIndex.keys()) {
    const p = parentOf.get(idv) ?? null;
    out.set(p, [...(out.get(p) ?? []), idv]);
  }
  for (const list of out.values()) {
    list.sort((a, b) => {
      const sa = seq.get(a) ?? Infinity;
      const sb = seq.get(b) ?? Infinity;
      return sa === sb ? firstIndex.get(a)! - firstIndex.get(b)! : sa - sb;
    });
  }
  return out;
}

describe('buildHierarchy sibling order', () => {
  it('orders siblings by sequenceNumber, then package order, for any tree', () => {
    const tree = fc
      .integer({ min: 1, max: 25 })
      .chain((n) =>
        fc.record({
          n: fc.constant(n),
          // parent of item i: the document or an earlier item (a tree), with an optional sequence number
          links: fc.array(fc.tuple(fc.nat(n), fc.option(fc.integer({ min: -2, max: 4 }), { nil: undefined })), { minLength: n, maxLength: n }),
          shuffle: fc.array(fc.nat(), { minLength: n, maxLength: n }),
        }),
      );
    fc.assert(
      fc.property(tree, ({ n, links, shuffle }) => {
        const ids = Array.from({ length: n }, (_, i) => i + 1);
        // package order differs from tree order
        const order = ids.map((v, i) => [shuffle[i]!, v] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, v]) => v);
        const assocs = links.map(([p, seq], i) => childOf(i, id(i + 1), p <= i && p > 0 ? id(p) : DOC, seq));
        const pkg: CasePackage = {
          CFDocument: { identifier: DOC, uri: '', creator: '', title: 'T', lastChangeDateTime: '2020-01-01T00:00:00Z' },
          CFItems: order.map(item),
          CFAssociations: assocs,
        };
        const h = buildHierarchy(pkg);
        const want = expectedChildren(pkg, h.parentOf);
        expect(new Map([...h.childrenOf].filter(([, l]) => l.length > 0))).toEqual(want);
        // depth-first pre-order over those lists
        const pre: string[] = [];
        const visit = (p: string | null) => (want.get(p) ?? []).forEach((c) => (pre.push(c), visit(c)));
        visit(null);
        expect(h.order).toEqual(pre);
      }),
      { numRuns: 500 },
    );
  });
});
