import { Position as Side, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { Framework } from '../../../../src-core/model/types';
import { collapseView, type CollapseView } from '../../../../src-core/view/collapse';
import { ARROW, type FlowNode, type LaneNodeData } from '../flowModel';
import { NODE_H, NODE_W } from '../geometry';
import { foldLanes, type FoldedCard } from '../lanes/foldedLanes';
import { collapsedCardFits, type CardFit, type Rect } from './cardFit';

/** Size of a collapsed domain node (a little wider than a competency: it carries a title). */
export const COLLAPSED_W = 280;
export const COLLAPSED_H = NODE_H;
/**
 * Height of the card when zoomed far out (CSS `.collapsed-domain[data-far]`): a shorter card, its count
 * and Expand on one row, centred where the full card would be, so a short lane still fits it wide.
 */
export const COLLAPSED_FAR_H = 72;
/** How far below the full card's top the far (short) card's top is (CSS `top: 20px`). */
export const COLLAPSED_FAR_TOP = (COLLAPSED_H - COLLAPSED_FAR_H) / 2;
const SIZES = { competency: { width: NODE_W, height: NODE_H }, group: { width: COLLAPSED_W, height: COLLAPSED_H } };

/** What a collapsed domain node renders (plain data only); the `CardFit` says how big it may be drawn zoomed out. */
export type CollapsedDomainNodeData = CardFit & {
  domainId: string;
  title: string;
  code: string;
  color: string;
  /** = `color`, under the name the canvas minimap reads for every node. */
  domainColor: string;
  competencies: number;
  /** Domains nested in it (collapsed with it). */
  nestedDomains: number;
  /** Links between its own competencies (not drawn while collapsed). */
  internalLinks: number;
  problems: number;
  problemSeverity: 'error' | 'warning' | null;
  direction: 'LR' | 'TB';
};
export type CollapsedDomainNode = Node<CollapsedDomainNodeData, 'collapsedDomain'>;

let cached: { competencies: object; prerequisites: object; domains: object; collapsed: readonly string[]; view: CollapseView } | null = null;

/**
 * `collapseView` remembered for the last (competencies, prerequisites, domains, collapsed) by identity
 * (the store never mutates them): the flow model and the overview share one pass over the map.
 */
export function collapseViewCached(fw: Pick<Framework, 'competencies' | 'prerequisites' | 'domains'>, collapsed: readonly string[]): CollapseView {
  const c = cached;
  if (c && c.competencies === fw.competencies && c.prerequisites === fw.prerequisites && c.domains === fw.domains && c.collapsed === collapsed) return c.view;
  const view = collapseView(fw, collapsed, SIZES);
  cached = { competencies: fw.competencies, prerequisites: fw.prerequisites, domains: fw.domains, collapsed, view };
  return view;
}

const foldedCardsCache = new WeakMap<CollapseView, FoldedCard[]>();
/** The collapsed domains' cards as the lanes fold around them (lanes/foldedLanes.ts); one list per view. */
export function foldedCards(view: CollapseView): FoldedCard[] {
  let cards = foldedCardsCache.get(view);
  if (!cards) foldedCardsCache.set(view, (cards = view.groups.map((g) => ({ domainIds: g.domainIds, x: g.position.x, y: g.position.y, width: COLLAPSED_W, height: COLLAPSED_H }))));
  return cards;
}

/** As the competency nodes' (flowModel): `.chandle` is 11 px, centred on the card's 1.5 px border. */
const HANDLE = 11;
const INSET = 1.5;
const HANDLES: Record<'LR' | 'TB', NodeHandle[]> = {
  LR: [
    { type: 'target', position: Side.Left, x: INSET - HANDLE / 2, y: COLLAPSED_H / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
    { type: 'source', position: Side.Right, x: COLLAPSED_W - INSET - HANDLE / 2, y: COLLAPSED_H / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
  ],
  TB: [
    { type: 'target', position: Side.Top, x: COLLAPSED_W / 2 - HANDLE / 2, y: INSET - HANDLE / 2, width: HANDLE, height: HANDLE },
    { type: 'source', position: Side.Bottom, x: COLLAPSED_W / 2 - HANDLE / 2, y: COLLAPSED_H - INSET - HANDLE / 2, width: HANDLE, height: HANDLE },
  ],
};

function sameData(a: CollapsedDomainNodeData, b: CollapsedDomainNodeData): boolean {
  for (const k of Object.keys(a) as (keyof CollapsedDomainNodeData)[]) if (a[k] !== b[k]) return false;
  return true;
}

/** The node of a collapsed domain; `prev` is kept when nothing it shows changed (React Flow skips it). */
function groupNode(
  g: CollapseView['groups'][number],
  d: Framework['domains'][number],
  problems: { count: number; severity: 'error' | 'warning' | null },
  direction: 'LR' | 'TB',
  fit: CardFit,
  prev: CollapsedDomainNode | undefined,
): CollapsedDomainNode {
  const n = g.competencyIds.length;
  const data: CollapsedDomainNodeData = {
    ...fit,
    domainId: g.domainId,
    title: d.title,
    code: d.code,
    color: d.color,
    domainColor: d.color,
    competencies: n,
    nestedDomains: g.domainIds.length - 1,
    internalLinks: g.internalLinks,
    problems: problems.count,
    problemSeverity: problems.severity,
    direction,
  };
  if (prev && prev.position.x === g.position.x && prev.position.y === g.position.y && sameData(prev.data, data)) return prev;
  return {
    id: g.id,
    type: 'collapsedDomain',
    position: g.position,
    data,
    width: COLLAPSED_W,
    height: COLLAPSED_H,
    measured: { width: COLLAPSED_W, height: COLLAPSED_H },
    handles: HANDLES[direction],
    selectable: false,
    draggable: false,
    connectable: false,
    deletable: false,
    ariaLabel: `Collapsed domain ${d.title}: ${n} competenc${n === 1 ? 'y' : 'ies'}`,
  };
}

function sameBox(a: LaneNodeData, b: LaneNodeData): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.room?.[0] === b.room?.[0] && a.room?.[1] === b.room?.[1];
}

/** The folded domains' lane data with each collapsed domain's lane shrunk to its card (nested ones left out). */
function foldedLaneData(nodes: readonly FlowNode[], folded: ReadonlySet<string>, view: CollapseView, direction: 'LR' | 'TB'): Map<string, LaneNodeData> {
  const lanes: LaneNodeData[] = [];
  for (const n of nodes) if (n.type === 'lane' && folded.has(n.data.domainId)) lanes.push(n.data);
  return new Map(foldLanes(lanes, foldedCards(view), direction === 'TB' ? 'vertical' : 'horizontal').map((l) => [l.domainId, l]));
}

function aggregatedEdges(view: CollapseView): Edge[] {
  return view.aggregated.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    label: String(e.count),
    labelBgPadding: [6, 3] as [number, number],
    labelBgBorderRadius: 8,
    markerEnd: ARROW,
    className: 'edge-aggregated',
    style: { strokeWidth: Math.min(6, 1.5 + Math.log2(e.count)) },
    selectable: false,
    focusable: false,
    deletable: false,
    reconnectable: false,
    ariaLabel: `${e.count} prerequisite link${e.count === 1 ? '' : 's'}`,
    data: { count: e.count },
  }));
}

/** Where a collapsed domain's card may grow: the box around the lanes of the domains it stands for (none without lanes). */
function roomOf(domainIds: readonly string[], lanes: ReadonlyMap<string, Rect>): Rect | null {
  let room: Rect | null = null;
  for (const id of domainIds) {
    const r = lanes.get(id);
    if (!r) continue;
    room = room ? { x0: Math.min(room.x0, r.x0), y0: Math.min(room.y0, r.y0), x1: Math.max(room.x1, r.x1), y1: Math.max(room.y1, r.y1) } : { ...r };
  }
  return room;
}

const foldedCache = new WeakMap<CollapseView, Set<string>>();
/** Every domain drawn collapsed (the collapsed ones and the domains nested in them). */
function foldedDomains(view: CollapseView): Set<string> {
  let set = foldedCache.get(view);
  if (!set) foldedCache.set(view, (set = new Set(view.groups.flatMap((g) => g.domainIds))));
  return set;
}

/**
 * Applies the collapsed domains to the flow model's nodes and edges: the competencies of a collapsed
 * domain leave React Flow (less to render), one node per collapsed domain joins, links crossing its
 * border become aggregated edges with a count, links inside it go. With nothing collapsed the input
 * is returned as it is (expanding restores the very same nodes and edges). A collapsed domain's lane shrinks
 * to its node (lanes/foldedLanes.ts: no tall empty band where its competencies were), hatched, so the node sits
 * in its lane and the lane header keeps its Expand button; the lanes of domains nested in it go with them.
 */
export function createCollapseApplier() {
  let groupCache = new Map<string, CollapsedDomainNode>();
  let laneCache = new Map<string, { src: FlowNode; node: FlowNode }>();
  let edges: { src: Edge[]; view: CollapseView; out: Edge[] } | null = null;
  let last: { src: { nodes: FlowNode[]; edges: Edge[] }; view: CollapseView; direction: string; domains: object; out: { nodes: FlowNode[]; edges: Edge[] } } | null = null;

  return function apply(
    out: { nodes: FlowNode[]; edges: Edge[] },
    fw: Pick<Framework, 'competencies' | 'prerequisites' | 'domains'>,
    collapsed: readonly string[] | undefined,
    direction: 'LR' | 'TB',
  ): { nodes: FlowNode[]; edges: Edge[] } {
    if (!collapsed || collapsed.length === 0) return out;
    const view = collapseViewCached(fw, collapsed);
    if (view.groups.length === 0) return out;
    if (last && last.src === out && last.view === view && last.direction === direction && last.domains === fw.domains) return last.out;
    const hidden = view.hiddenBy;
    // One pass: hidden competencies leave, their problem badges add up on their domain's node.
    const problems = new Map<string, { count: number; severity: 'error' | 'warning' | null }>();
    const nodes: FlowNode[] = [];
    const folded = foldedDomains(view);
    const nextLanes = new Map<string, { src: FlowNode; node: FlowNode }>();
    /**
     * the lanes of the folded domains as they were, before shrinking: where their cards may grow zoomed far out
     * (the space their competencies left, which no other domain's lane takes), so a card stays readable there
     */
    const laneRects = new Map<string, Rect>();
    /** the folded domains' lanes shrunk to their cards (absent: a nested domain's, which goes) */
    let shrunk: Map<string, LaneNodeData> | null = null;
    for (const n of out.nodes) {
      const g = hidden.get(n.id);
      if (g === undefined) {
        if (n.type === 'lane' && folded.has(n.data.domainId)) {
          laneRects.set(n.data.domainId, { x0: n.position.x, y0: n.position.y, x1: n.position.x + n.data.width, y1: n.position.y + n.data.height });
          shrunk ??= foldedLaneData(out.nodes, folded, view, direction);
          const r = shrunk.get(n.data.domainId);
          if (!r) continue;
          // a collapsed domain's lane: around its card, marked as folded (hatched)
          const prev = laneCache.get(n.id);
          const node =
            prev && prev.src === n && sameBox(prev.node.data as LaneNodeData, r)
              ? prev.node
              : { ...n, className: 'lane-collapsed', position: { x: r.x, y: r.y }, width: r.width, height: r.height, measured: { width: r.width, height: r.height }, data: r };
          nextLanes.set(n.id, { src: n, node });
          nodes.push(node);
        } else nodes.push(n);
        continue;
      }
      if (n.type !== 'competency' || !n.data.problems) continue;
      const p = problems.get(g) ?? { count: 0, severity: null };
      p.count += n.data.problems;
      if (n.data.problemSeverity === 'error' || !p.severity) p.severity = n.data.problemSeverity;
      problems.set(g, p);
    }
    const domains = new Map(fw.domains.map((d) => [d.id as string, d]));
    const nextCache = new Map<string, CollapsedDomainNode>();
    // only a card zoomed far out grows: its room is worked out for its short (far) box
    const fits = collapsedCardFits(
      view.groups.map((g) => ({ position: { x: g.position.x, y: g.position.y + COLLAPSED_FAR_TOP }, room: roomOf(g.domainIds, laneRects) })),
      COLLAPSED_W,
      COLLAPSED_FAR_H,
    );
    for (let i = 0; i < view.groups.length; i++) {
      const g = view.groups[i]!;
      const node = groupNode(g, domains.get(g.domainId)!, problems.get(g.id) ?? { count: 0, severity: null }, direction, fits[i]!, groupCache.get(g.id));
      nextCache.set(g.id, node);
      nodes.push(node);
    }
    groupCache = nextCache;
    laneCache = nextLanes;
    let edgeList: Edge[];
    if (edges && edges.src === out.edges && edges.view === view) edgeList = edges.out;
    else {
      edgeList = out.edges.filter((e) => !hidden.has(e.source) && !hidden.has(e.target));
      for (const e of aggregatedEdges(view)) edgeList.push(e);
      edges = { src: out.edges, view, out: edgeList };
    }
    const result = { nodes, edges: edgeList };
    last = { src: out, view, direction, domains: fw.domains, out: result };
    return result;
  };
}
