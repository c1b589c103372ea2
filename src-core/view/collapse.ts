import type { CompetencyId, DomainId, LinkId } from '../model/ids';
import type { Framework, Position } from '../model/types';

/**
 * Collapsing a domain: a view of the map in which every competency of a collapsed domain (and of the
 * domains nested in it, by `parentId`) is stood for by one node, and the prerequisite links that cross
 * its border are drawn as one aggregated edge per (source node, target node) pair with a count.
 *
 * A view state only: nothing here changes the framework, and collapsing with an empty set gives back
 * exactly the competencies and links of the document.
 */

/** Canvas node id of a collapsed domain (never a competency id: competency ids are UUIDs). */
export function collapsedNodeId(domainId: string): string {
  return `domain:${domainId}`;
}

/** Id of the aggregated edge from `source` to `target` (node ids). */
export function aggregatedEdgeId(source: string, target: string): string {
  return `agg:${source}>${target}`;
}

/** One collapsed domain as drawn: a single node standing for all its competencies. */
export interface CollapsedGroup {
  /** Node id, `collapsedNodeId(domainId)`. */
  id: string;
  /** The collapsed domain (the outermost collapsed one when nested domains are collapsed too). */
  domainId: DomainId;
  /** This domain and every domain nested in it (the domains whose competencies the node stands for). */
  domainIds: DomainId[];
  /** The competencies the node stands for, in document order; never empty. */
  competencyIds: CompetencyId[];
  /** Links between two of its competencies: not drawn while collapsed. */
  internalLinks: number;
  /** Top-left of the node: its box is centred on the box of its competencies (where its lane is). */
  position: Position;
}

/** Prerequisite links between two drawn nodes, at least one of them a collapsed domain, drawn as one edge. */
export interface AggregatedEdge {
  /** `aggregatedEdgeId(source, target)`. */
  id: string;
  /** Node ids: a competency id or a collapsed domain's node id; never a hidden competency. */
  source: string;
  target: string;
  /** Number of links it stands for (= `linkIds.length`, ≥ 1). */
  count: number;
  linkIds: LinkId[];
}

/** What the canvas draws when some domains are collapsed. */
export interface CollapseView {
  /** Hidden competency id → id of the collapsed domain node that stands for it. */
  hiddenBy: ReadonlyMap<string, string>;
  /** One per collapsed domain that has competencies (nested collapsed domains are inside their parent's). */
  groups: CollapsedGroup[];
  /** Links with both ends visible: drawn as they are. */
  visibleLinks: LinkId[];
  /** Links with a hidden end and the other end on another node, in first-link order. */
  aggregated: AggregatedEdge[];
}

/** Sizes used to place a collapsed domain node (canvas units). */
export interface CollapseSizes {
  competency: { width: number; height: number };
  group: { width: number; height: number };
}

const DEFAULT_SIZES: CollapseSizes = { competency: { width: 240, height: 112 }, group: { width: 280, height: 112 } };

type Fw = Pick<Framework, 'competencies' | 'prerequisites' | 'domains'>;

/**
 * For each domain, the outermost collapsed domain it is in (itself or an ancestor), or nothing.
 * A `parentId` chain that loops or names a missing domain stops there (no throw: bad data stays viewable).
 */
export function collapsedRoots(domains: Fw['domains'], collapsed: Iterable<string>): Map<string, DomainId> {
  const set = new Set(collapsed);
  const out = new Map<string, DomainId>();
  if (set.size === 0) return out;
  const byId = new Map(domains.map((d) => [d.id as string, d]));
  for (const d of domains) {
    let root: DomainId | null = null;
    const seen = new Set<string>();
    for (let cur = byId.get(d.id); cur && !seen.has(cur.id); cur = cur.parentId ? byId.get(cur.parentId) : undefined) {
      seen.add(cur.id);
      if (set.has(cur.id)) root = cur.id;
    }
    if (root) out.set(d.id, root);
  }
  return out;
}

/** The domains drawn collapsed: each collapsed domain and every domain nested in one (`collapsedRoots`' keys); undefined when none is. */
export function collapsedSet(domains: Fw['domains'], collapsed: readonly string[]): ReadonlySet<string> | undefined {
  return collapsed.length ? new Set(collapsedRoots(domains, collapsed).keys()) : undefined;
}

/**
 * The view of `fw` with the domains in `collapsed` collapsed. Pure; O(competencies + links + domains · depth).
 * Invariants: every competency is either visible or in exactly one group; every link is exactly one of
 * visible, counted in exactly one aggregated edge, or internal to one group; no edge names a hidden competency.
 */
export function collapseView(fw: Fw, collapsed: Iterable<string>, sizes: CollapseSizes = DEFAULT_SIZES): CollapseView {
  const roots = collapsedRoots(fw.domains, collapsed);
  const hiddenBy = new Map<string, string>();
  const members = new Map<string, CompetencyId[]>();
  const boxes = new Map<string, { x0: number; y0: number; x1: number; y1: number }>();
  if (roots.size) {
    const { width: cw, height: ch } = sizes.competency;
    const nodeIds = new Map<string, string>();
    for (const c of Object.values(fw.competencies)) {
      const root = c.domainId ? roots.get(c.domainId) : undefined;
      if (!root) continue;
      let nodeId = nodeIds.get(root);
      if (nodeId === undefined) nodeIds.set(root, (nodeId = collapsedNodeId(root)));
      hiddenBy.set(c.id, nodeId);
      let list = members.get(root);
      if (!list) members.set(root, (list = []));
      list.push(c.id);
      const { x, y } = c.position;
      const b = boxes.get(root);
      if (b) {
        b.x0 = Math.min(b.x0, x);
        b.y0 = Math.min(b.y0, y);
        b.x1 = Math.max(b.x1, x + cw);
        b.y1 = Math.max(b.y1, y + ch);
      } else boxes.set(root, { x0: x, y0: y, x1: x + cw, y1: y + ch });
    }
  }
  const groups: CollapsedGroup[] = [];
  const groupIndex = new Map<string, CollapsedGroup>();
  for (const d of fw.domains) {
    const list = members.get(d.id);
    if (!list || groupIndex.has(collapsedNodeId(d.id))) continue;
    const b = boxes.get(d.id)!;
    const group: CollapsedGroup = {
      id: collapsedNodeId(d.id),
      domainId: d.id,
      domainIds: fw.domains.filter((x) => roots.get(x.id) === d.id).map((x) => x.id),
      competencyIds: list,
      internalLinks: 0,
      position: { x: Math.round((b.x0 + b.x1 - sizes.group.width) / 2), y: Math.round((b.y0 + b.y1 - sizes.group.height) / 2) },
    };
    groups.push(group);
    groupIndex.set(group.id, group);
  }
  const visibleLinks: LinkId[] = [];
  const aggregated: AggregatedEdge[] = [];
  // source → target → edge (no string key built per link: this runs on every edit while collapsed)
  const aggIndex = new Map<string, Map<string, AggregatedEdge>>();
  const noHidden = hiddenBy.size === 0;
  for (const l of fw.prerequisites.values()) {
    if (!fw.competencies[l.from] || !fw.competencies[l.to]) continue;
    const a = noHidden ? undefined : hiddenBy.get(l.from);
    const b = noHidden ? undefined : hiddenBy.get(l.to);
    if (a === undefined && b === undefined) {
      visibleLinks.push(l.id);
      continue;
    }
    const source = a ?? l.from;
    const target = b ?? l.to;
    if (source === target) {
      groupIndex.get(source)!.internalLinks++;
      continue;
    }
    let bySource = aggIndex.get(source);
    if (!bySource) aggIndex.set(source, (bySource = new Map()));
    const e = bySource.get(target);
    if (e) {
      e.count++;
      e.linkIds.push(l.id);
    } else {
      const edge: AggregatedEdge = { id: aggregatedEdgeId(source, target), source, target, count: 1, linkIds: [l.id] };
      bySource.set(target, edge);
      aggregated.push(edge);
    }
  }
  return { hiddenBy, groups, visibleLinks, aggregated };
}

/**
 * The nodes and edges the view draws, as plain ids: competencies and collapsed domain nodes, and
 * links (by link id) and aggregated edges (by their id, with counts). What the round-trip property
 * compares: with nothing collapsed it is exactly the document's competencies and links.
 */
export function visibleGraph(fw: Fw, collapsed: Iterable<string>): { nodes: string[]; edges: { id: string; source: string; target: string; count: number }[] } {
  const view = collapseView(fw, collapsed);
  const nodes = Object.keys(fw.competencies).filter((id) => !view.hiddenBy.has(id));
  for (const g of view.groups) nodes.push(g.id);
  const edges: { id: string; source: string; target: string; count: number }[] = view.visibleLinks.map((id) => {
    const l = fw.prerequisites.get(id)!;
    return { id, source: l.from, target: l.to, count: 1 };
  });
  for (const e of view.aggregated) edges.push({ id: e.id, source: e.source, target: e.target, count: e.count });
  return { nodes, edges };
}

/**
 * The collapsed domains left after revealing `competencyIds`: each domain that hides one of them (its
 * own domain or an ancestor, when collapsed) is expanded; other collapsed domains stay collapsed.
 * Returns `collapsed` itself when nothing had to change.
 */
export function revealCompetencies<T extends string>(fw: Pick<Framework, 'competencies' | 'domains'>, collapsed: readonly T[], competencyIds: Iterable<string>): readonly T[] {
  if (collapsed.length === 0) return collapsed;
  const set = new Set<string>(collapsed);
  const byId = new Map(fw.domains.map((d) => [d.id as string, d]));
  const drop = new Set<string>();
  for (const id of competencyIds) {
    const c = fw.competencies[id];
    const seen = new Set<string>();
    for (let d = c?.domainId ? byId.get(c.domainId) : undefined; d && !seen.has(d.id); d = d.parentId ? byId.get(d.parentId) : undefined) {
      seen.add(d.id);
      if (set.has(d.id)) drop.add(d.id);
    }
  }
  return drop.size ? collapsed.filter((id) => !drop.has(id)) : collapsed;
}

/** Whether a competency is hidden by a collapsed domain (its own or an ancestor). */
export function isHiddenByCollapse(fw: Pick<Framework, 'competencies' | 'domains'>, collapsed: readonly string[], competencyId: string): boolean {
  return revealCompetencies(fw, collapsed, [competencyId]) !== collapsed;
}

/** The domains "Collapse all" collapses: top-level ones (no parent, or a parent that does not exist). */
export function topLevelDomains(domains: Fw['domains']): DomainId[] {
  const ids = new Set<string>(domains.map((d) => d.id));
  return domains.filter((d) => !d.parentId || !ids.has(d.parentId)).map((d) => d.id);
}
