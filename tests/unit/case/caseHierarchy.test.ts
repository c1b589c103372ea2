import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHierarchy, type CaseHierarchy } from '../../../src-core/case/hierarchy';
import type { CasePackage, CFAssociation, CFItem } from '../../../src-core/case/types';
import { childOf as caseChildOf, DOC, id, item as caseItem } from './caseBuilders';

// an item here has no code: the hierarchy is by associations alone
const item = (n: number): CFItem => caseItem(n);
const childOf = (k: number, child: string, parent: string, seq: number | undefined): CFAssociation => caseChildOf(k, child, parent, seq);

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

/** The tree builder as it was before it kept one record per item (Maps per property): the reference. */
function referenceHierarchy(pkg: CasePackage): CaseHierarchy {
  const items = new Map<string, CFItem>();
  const index = new Map<string, number>();
  (pkg.CFItems ?? []).forEach((it, i) => {
    if (!items.has(it.identifier)) {
      items.set(it.identifier, it);
      index.set(it.identifier, i);
    }
  });
  const docId = pkg.CFDocument.identifier;
  const parentOf = new Map<string, string | null>();
  const parentLink = new Map<string, CFAssociation>();
  const seq = new Map<string, number>();
  const unused = new Set<CFAssociation>();
  const notes: string[] = [];
  let outside = 0;
  let multi = 0;
  for (const a of pkg.CFAssociations ?? []) {
    if (a.associationType !== 'isChildOf') continue;
    const child = a.originNodeURI.identifier;
    if (!items.has(child)) continue; // a foreign child: nothing to place in this tree
    if (parentLink.has(child)) {
      unused.add(a);
      multi++;
      continue;
    }
    const parent = a.destinationNodeURI.identifier;
    parentLink.set(child, a);
    if (a.sequenceNumber !== undefined) seq.set(child, a.sequenceNumber);
    if (parent === docId) parentOf.set(child, null);
    else if (items.has(parent) && parent !== child) parentOf.set(child, parent);
    else {
      parentOf.set(child, null);
      if (parent === child) {
        unused.add(a);
        notes.push(`item ${child} is marked as its own parent; read as a top-level item`);
      } else outside++;
    }
  }
  if (outside > 0) notes.push(`${outside} item(s) have a parent outside the package; read as top-level items`);
  if (multi > 0) notes.push(`${multi} second isChildOf link(s) (an item with several parents) kept aside; the first parent is used for the tree`);

  // Cut cycles: walk up from each item; a walk that meets its own path closes a cycle.
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
  for (const start of items.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let cur: string | null | undefined = start;
    while (cur != null && !state.has(cur)) {
      state.set(cur, 1);
      path.push(cur);
      cur = parentOf.get(cur) ?? null;
    }
    if (cur != null && state.get(cur) === 1) {
      const cycle = path.slice(path.indexOf(cur));
      const last = cycle[cycle.length - 1]!;
      parentOf.set(last, null);
      const link = parentLink.get(last);
      if (link) unused.add(link);
      parentLink.delete(last);
      notes.push(`isChildOf cycle ${[...cycle, cur].join(' → ')} cut: ${last} read as a top-level item`);
    }
    for (const p of path) state.set(p, 2);
  }

  const childrenOf = new Map<string | null, string[]>();
  for (const id of items.keys()) {
    const p = parentOf.get(id) ?? null;
    let list = childrenOf.get(p);
    if (!list) childrenOf.set(p, (list = []));
    list.push(id);
  }
  const key = (id: string) => seq.get(id) ?? Number.POSITIVE_INFINITY;
  for (const list of childrenOf.values()) {
    list.sort((a, b) => key(a) - key(b) || index.get(a)! - index.get(b)!);
  }
  const order: string[] = [];
  const stack: string[] = [...(childrenOf.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const id = stack.pop()!;
    order.push(id);
    const kids = childrenOf.get(id);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return { parentOf, parentLink, childrenOf, order, unused, notes, items };
}

describe('buildHierarchy on any isChildOf graph (cycles, self links, second parents, outside parents)', () => {
  it('builds the same tree, notes and kept-aside links as the reference', () => {
    const graph = fc.integer({ min: 1, max: 20 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        links: fc.array(
          fc.tuple(fc.integer({ min: 1, max: n }), fc.integer({ min: -2, max: n }), fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined })),
          { maxLength: 2 * n },
        ),
        duplicate: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(graph, ({ n, links, duplicate }) => {
        const items = Array.from({ length: n }, (_, i) => item(i + 1));
        if (duplicate) items.push(item(1)); // a repeated identifier keeps the first
        // parent -2: outside the package, -1 / 0: the document, else an item (itself included)
        const assocs = links.map(([c, p, seq], k) => childOf(k, id(c), p === -2 ? id(99_999) : p <= 0 ? DOC : id(p), seq));
        const pkg: CasePackage = {
          CFDocument: { identifier: DOC, uri: '', creator: '', title: 'T', lastChangeDateTime: '2020-01-01T00:00:00Z' },
          CFItems: items,
          CFAssociations: assocs,
        };
        const got = buildHierarchy(pkg);
        const want = referenceHierarchy(pkg);
        const parents = (h: CaseHierarchy) => [...h.items.keys()].map((k) => [k, h.parentOf.get(k) ?? null]);
        expect(parents(got)).toEqual(parents(want));
        expect(got.parentLink).toEqual(want.parentLink);
        expect(got.childrenOf).toEqual(want.childrenOf);
        expect(got.order).toEqual(want.order);
        expect(got.unused).toEqual(want.unused);
        expect(got.notes).toEqual(want.notes);
        expect(got.items).toEqual(want.items);
      }),
      { numRuns: 1000 },
    );
  });
});
