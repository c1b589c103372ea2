import type { CasePackage, CFAssociation, CFItem } from './types';

/**
 * The tree of a CASE package, built from `isChildOf` associations (origin = child). Items linked to
 * the CFDocument, to nothing, or to a node outside the package are roots (OpenCASE omits the link to
 * the document; OpenSALT and Smarter Balanced write it). Siblings are ordered by `sequenceNumber`, then
 * by `listEnumeration` read as a number (as OpenSALT, the reference CASE editor, shows them), then by the
 * items' order in the package — except that siblings the package lists by code as plain text (OpenSALT's
 * exports: L1.1, L1.10, L1.11 … L1.2) are put in natural code order (L1.1, L1.2 … L1.10). An item with several parents keeps the first; `isChildOf`
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

/** One item while the tree is built. */
interface TreeNode {
  id: string;
  item: CFItem;
  parent: string | null;
  /** The first `isChildOf` association of the item (the one kept for the tree). */
  link: CFAssociation | undefined;
  /** Its sequence number (none = after every numbered sibling). */
  seq: number;
  /** Its `listEnumeration` as a number (none or not a number = after every numbered sibling). */
  le: number;
  /** 0 = not walked yet, 1 = on the current walk, 2 = done. */
  state: 0 | 1 | 2;
  children: TreeNode[];
}

export function buildHierarchy(pkg: CasePackage): CaseHierarchy {
  // One record per item holds everything the build needs, so each identifier met costs one Map look-up.
  const nodes = new Map<string, TreeNode>();
  for (const it of pkg.CFItems ?? []) {
    if (!nodes.has(it.identifier)) {
      nodes.set(it.identifier, { id: it.identifier, item: it, parent: null, link: undefined, seq: Number.POSITIVE_INFINITY, le: listNumber(it.listEnumeration), state: 0, children: [] });
    }
  }
  const docId = pkg.CFDocument.identifier;
  const unused = new Set<CFAssociation>();
  const notes: string[] = [];
  let outside = 0;
  let multi = 0;
  for (const a of pkg.CFAssociations ?? []) {
    if (a.associationType !== 'isChildOf') continue;
    const child = a.originNodeURI.identifier;
    const node = nodes.get(child);
    if (!node) continue; // a foreign child: nothing to place in this tree
    if (node.link) {
      unused.add(a);
      multi++;
      continue;
    }
    const parent = a.destinationNodeURI.identifier;
    node.link = a;
    if (a.sequenceNumber !== undefined) node.seq = a.sequenceNumber;
    if (parent === docId) node.parent = null;
    else if (parent !== child && nodes.has(parent)) node.parent = parent;
    else {
      node.parent = null;
      if (parent === child) {
        unused.add(a);
        notes.push(`item ${child} is marked as its own parent; read as a top-level item`);
      } else outside++;
    }
  }
  if (outside > 0) notes.push(`${outside} item(s) have a parent outside the package; read as top-level items`);
  if (multi > 0) notes.push(`${multi} second isChildOf link(s) (an item with several parents) kept aside; the first parent is used for the tree`);

  // Cut cycles: walk up from each item; a walk that meets its own path closes a cycle.
  for (const first of nodes.values()) {
    if (first.state !== 0) continue;
    const path: TreeNode[] = [];
    let cur: TreeNode | undefined = first;
    while (cur !== undefined && cur.state === 0) {
      cur.state = 1;
      path.push(cur);
      cur = cur.parent === null ? undefined : nodes.get(cur.parent)!;
    }
    if (cur !== undefined && cur.state === 1) {
      const cycle = path.slice(path.indexOf(cur));
      const last = cycle[cycle.length - 1]!;
      last.parent = null;
      if (last.link) unused.add(last.link);
      last.link = undefined;
      notes.push(`isChildOf cycle ${[...cycle, cur].map((n) => n.id).join(' → ')} cut: ${last.id} read as a top-level item`);
    }
    for (const n of path) n.state = 2;
  }

  // Children fill in package order, so a stable sort orders full ties by that order; lists already
  // in order (our exports, numbered throughout) are not sorted.
  const roots: TreeNode[] = [];
  const items = new Map<string, CFItem>();
  const parentOf = new Map<string, string | null>();
  const parentLink = new Map<string, CFAssociation>();
  for (const n of nodes.values()) {
    (n.parent === null ? roots : nodes.get(n.parent)!.children).push(n);
    items.set(n.id, n.item);
    parentOf.set(n.id, n.parent);
    if (n.link) parentLink.set(n.id, n.link);
  }
  const bySeq = (list: TreeNode[]) => {
    const byCode = listedByCodeText(list);
    for (let i = 1; i < list.length; i++) {
      if (siblingOrder(list[i - 1]!, list[i]!, byCode) > 0) {
        const at = list.map((_, j) => j).sort((a, b) => siblingOrder(list[a]!, list[b]!, byCode) || a - b);
        const ordered = at.map((j) => list[j]!);
        for (let j = 0; j < ordered.length; j++) list[j] = ordered[j]!;
        return;
      }
    }
  };
  const childrenOf = new Map<string | null, string[]>();
  if (roots.length > 0) {
    bySeq(roots);
    childrenOf.set(null, roots.map((n) => n.id));
  }
  for (const n of nodes.values()) {
    if (n.children.length === 0) continue;
    bySeq(n.children);
    childrenOf.set(n.id, n.children.map((c) => c.id));
  }
  const order: string[] = [];
  const stack: TreeNode[] = [...roots].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    order.push(n.id);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return { parentOf, parentLink, childrenOf, order, unused, notes, items };
}

/** `listEnumeration` as a number, as OpenSALT reads it (absent, empty or not a number: +∞). */
function listNumber(le: string | undefined): number {
  if (le === undefined || le.trim() === '') return Number.POSITIVE_INFINITY;
  const n = Number(le);
  return Number.isFinite(n) ? n : Number.POSITIVE_INFINITY;
}

/** Natural order of coding schemes, the same on every machine (not the user's locale). */
const codeCollator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * True when siblings are listed (in package order) by their codes compared as plain text, every one with
 * a code: the order carries nothing but the codes (OpenSALT's exports list items so), and natural code
 * order (`L1.2` before `L1.10`) is what was meant. Any other listing is taken as deliberate.
 */
function listedByCodeText(list: readonly TreeNode[]): boolean {
  let prev = '';
  for (const n of list) {
    const c = n.item.humanCodingScheme ?? '';
    if (c === '' || c < prev) return false;
    prev = c;
  }
  return list.length > 1;
}

/**
 * Sibling order: sequence number, then list enumeration, then (when the package listed the siblings by
 * code as plain text) their codes in natural order; 0 for a tie (the caller keeps package order).
 */
function siblingOrder(a: TreeNode, b: TreeNode, byCode: boolean): number {
  if (a.seq !== b.seq) return a.seq < b.seq ? -1 : 1;
  if (a.le !== b.le) return a.le < b.le ? -1 : 1;
  return byCode ? codeCollator.compare(a.item.humanCodingScheme!, b.item.humanCodingScheme!) : 0;
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
