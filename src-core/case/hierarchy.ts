import type { CasePackage, CFAssociation, CFItem } from './types';

/**
 * The tree of a CASE package, built from `isChildOf` associations (origin = child). Items linked to
 * the CFDocument, to nothing, or to a node outside the package are roots (OpenCASE omits the link to
 * the document; OpenSALT and Smarter Balanced write it). Siblings are ordered by `sequenceNumber`,
 * then by the items' order in the package. An item with several parents keeps the first; `isChildOf`
 * cycles are cut (never followed forever) and reported.
 */
export interface CaseHierarchy {
  /** Item identifier → parent item identifier (null for roots). */
  parentOf: Map<string, string | null>;
  /** The `isChildOf` association behind each kept parent link (absent for roots without one). */
  parentLink: Map<string, CFAssociation>;
  /** Parent identifier (null = the document / roots) → children in sibling order. */
  childrenOf: Map<string | null, string[]>;
  /** Every item identifier in depth-first pre-order (the reading order of the tree). */
  order: string[];
  /** `isChildOf` associations not used for the tree (second parents, links that closed a cycle). */
  unused: Set<CFAssociation>;
  /** Findings worth telling the user. */
  notes: string[];
  /** Item identifier → item. */
  items: Map<string, CFItem>;
}

export function buildHierarchy(pkg: CasePackage): CaseHierarchy {
  const items = new Map<string, CFItem>();
  for (const it of pkg.CFItems ?? []) if (!items.has(it.identifier)) items.set(it.identifier, it);
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

  // Lists fill in package order, so a stable sort by sequence number alone orders ties by that order;
  // the keys are looked up once per item, and lists already in order (our exports) are not sorted.
  const childrenOf = new Map<string | null, string[]>();
  const keysOf = new Map<string | null, number[]>();
  for (const id of items.keys()) {
    const p = parentOf.get(id) ?? null;
    let list = childrenOf.get(p);
    let keys = keysOf.get(p);
    if (!list || !keys) {
      childrenOf.set(p, (list = []));
      keysOf.set(p, (keys = []));
    }
    list.push(id);
    keys.push(seq.get(id) ?? Number.POSITIVE_INFINITY);
  }
  for (const [p, list] of childrenOf) {
    const keys = keysOf.get(p)!;
    let sorted = true;
    for (let i = 1; i < keys.length && sorted; i++) if (keys[i - 1]! > keys[i]!) sorted = false;
    if (sorted) continue;
    const at = list.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
    const ordered = at.map((i) => list[i]!);
    for (let i = 0; i < ordered.length; i++) list[i] = ordered[i]!;
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

/** The item type of an item: its `CFItemType`, else the title of its `CFItemTypeURI` or definition. */
export function itemTypeOf(item: CFItem, pkg: CasePackage): string {
  if (item.CFItemType) return item.CFItemType;
  const link = item.CFItemTypeURI;
  if (!link) return '';
  if (link.title) return link.title;
  const def = pkg.CFDefinitions?.CFItemTypes?.find((t) => t.identifier === link.identifier);
  return def?.title ?? '';
}
