import { MarkerType, Position as Side, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { Competency, Domain, Framework, Position } from '../../../src-core/model/types';
import { formatLevels } from '../../../src-core/model/levels';
import type { LaneOrientation, SessionState } from '../store/session';
import type { CollapsedDomainNode } from './collapse/applyCollapse';
import { focusSet } from './focus/focusSet';
import { NODE_H, NODE_W } from './geometry';
import { laneGeometryCached, type LaneRect } from './lanes/laneGeometry';

/** What a competency node renders (plain data only: no callbacks). */
export type CompetencyNodeData = {
  code: string;
  statement: string;
  levels: string;
  domainTitle: string;
  domainColor: string | null;
  /** Phases with a descriptor or indicators / phases in the scale. */
  described: number;
  phaseCount: number;
  indicators: number;
  alignments: number;
  problems: number;
  problemSeverity: 'error' | 'warning' | null;
  pinned: boolean;
  dimmed: boolean;
  direction: 'LR' | 'TB';
};
export type CompetencyNode = Node<CompetencyNodeData, 'competency'>;
export type LaneNodeData = LaneRect & { orientation: LaneOrientation };
export type LaneNode = Node<LaneNodeData, 'lane'>;
export type FlowNode = CompetencyNode | LaneNode | CollapsedDomainNode;

const HANDLE = 12;
/** Handle bounds are known up front (fixed node size), so connecting works before any measuring. */
const HANDLES: Record<'LR' | 'TB', NodeHandle[]> = {
  LR: [
    { type: 'target', position: Side.Left, x: -HANDLE / 2, y: NODE_H / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
    { type: 'source', position: Side.Right, x: NODE_W - HANDLE / 2, y: NODE_H / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
  ],
  TB: [
    { type: 'target', position: Side.Top, x: NODE_W / 2 - HANDLE / 2, y: -HANDLE / 2, width: HANDLE, height: HANDLE },
    { type: 'source', position: Side.Bottom, x: NODE_W / 2 - HANDLE / 2, y: NODE_H - HANDLE / 2, width: HANDLE, height: HANDLE },
  ],
};

/** Problems per competency, from the validation (see diagnostics/useDiagnostics). */
export type ProblemCounts = ReadonlyMap<string, { count: number; severity: 'error' | 'warning' }>;

export interface FlowInput {
  framework: Framework;
  session: Pick<SessionState, 'selection' | 'focus' | 'laneOrientation' | 'dragPositions'>;
  problems: ProblemCounts;
}

function describedCount(c: Competency, fw: Framework): { described: number; indicators: number } {
  let described = 0;
  let indicators = 0;
  for (const p of fw.phases) {
    const pd = c.phases[p.id];
    if (!pd) continue;
    if (pd.descriptor.trim() || pd.indicators.length) described++;
    indicators += pd.indicators.length;
  }
  return { described, indicators };
}

/** Lane nodes (drawn behind the competencies), first in React Flow's node list. */
function laneFlowNodes(fw: Framework, orientation: LaneOrientation, drag: Record<string, Position> | null): FlowNode[] {
  const nodes: FlowNode[] = [];
  for (const lane of laneGeometryCached(fw, orientation, drag)) {
    nodes.push({
      id: `lane:${lane.domainId}`,
      type: 'lane',
      position: { x: lane.x, y: lane.y },
      data: { ...lane, orientation },
      width: lane.width,
      height: lane.height,
      measured: { width: lane.width, height: lane.height },
      selectable: false,
      draggable: false,
      connectable: false,
      focusable: false,
      zIndex: -1,
    });
  }
  return nodes;
}

function sameLane(a: FlowNode, b: FlowNode): boolean {
  const x = a.data as LaneNodeData;
  const y = b.data as LaneNodeData;
  return (
    x.x === y.x && x.y === y.y && x.width === y.width && x.height === y.height && x.title === y.title && x.code === y.code && x.color === y.color && x.orientation === y.orientation
  );
}

/**
 * Derives React Flow nodes and edges from the document and session state. React Flow never owns
 * the document; unchanged competencies keep their node object, so React Flow and the memoised
 * node component skip them.
 */
export function createFlowDeriver() {
  let nodeCache = new Map<string, { key: unknown[]; node: CompetencyNode }>();
  let edgeCache = new Map<string, { key: unknown[]; edge: Edge }>();
  let alignCache: { alignments: object; counts: Map<string, number> } | null = null;
  let focusCache: { fw: object; prereq: object; id: string; depth: number; set: Set<string> } | null = null;
  let laneCache: { competencies: object; domains: object; orientation: LaneOrientation; drag: object | null; nodes: FlowNode[] } | null = null;
  /** Lane nodes, recomputed only when positions, domains or the orientation change; an unchanged lane keeps its node. */
  const lanesFor = (fw: Framework, orientation: LaneOrientation, drag: Record<string, Position> | null): FlowNode[] => {
    const c = laneCache;
    if (c && c.competencies === fw.competencies && c.domains === fw.domains && c.orientation === orientation && c.drag === drag) return c.nodes;
    const prev = new Map((c?.nodes ?? []).map((n) => [n.id, n]));
    const nodes = laneFlowNodes(fw, orientation, drag).map((n) => {
      const old = prev.get(n.id);
      return old && sameLane(old, n) ? old : n;
    });
    laneCache = { competencies: fw.competencies, domains: fw.domains, orientation, drag, nodes };
    return nodes;
  };
  let last: { input: FlowInput; out: { nodes: FlowNode[]; edges: Edge[] }; index: Map<string, number>; lanes: number } | null = null;

  return function derive(input: FlowInput): { nodes: FlowNode[]; edges: Edge[] } {
    if (
      last &&
      last.input.framework === input.framework &&
      last.input.session.selection === input.session.selection &&
      last.input.session.focus === input.session.focus &&
      last.input.session.laneOrientation === input.session.laneOrientation &&
      last.input.session.dragPositions === input.session.dragPositions &&
      last.input.problems === input.problems
    ) {
      return last.out;
    }
    const { framework: fw, session, problems } = input;
    // A drag changes only `dragPositions`: replace the nodes it moves (this move's and the previous
    // move's) and the lanes, keep every other node and the edges — no per-competency work (perf).
    if (
      last &&
      last.input.framework === fw &&
      last.input.session.selection === session.selection &&
      last.input.session.focus === session.focus &&
      last.input.session.laneOrientation === session.laneOrientation &&
      last.input.problems === problems
    ) {
      const drag = session.dragPositions;
      const lanes = lanesFor(fw, session.laneOrientation, drag);
      if (lanes.length === last.lanes) {
        const nodes = last.out.nodes.slice();
        for (let i = 0; i < lanes.length; i++) nodes[i] = lanes[i]!;
        const moved = new Set([...Object.keys(drag ?? {}), ...Object.keys(last.input.session.dragPositions ?? {})]);
        for (const id of moved) {
          const i = last.index.get(id);
          const hit = nodeCache.get(id);
          const c = fw.competencies[id];
          if (i === undefined || !hit || !c) continue;
          const pos: Position = drag?.[id] ?? c.position;
          if (hit.node.position === pos) continue;
          const key = hit.key.slice();
          key[3] = pos;
          const node: CompetencyNode = { ...hit.node, position: pos };
          nodeCache.set(id, { key, node });
          nodes[i] = node;
        }
        const out = { nodes, edges: last.out.edges };
        last = { input, out, index: last.index, lanes: last.lanes };
        return out;
      }
    }
    if (!alignCache || alignCache.alignments !== fw.alignments) {
      const counts = new Map<string, number>();
      for (const a of Object.values(fw.alignments)) counts.set(a.competencyId, (counts.get(a.competencyId) ?? 0) + 1);
      alignCache = { alignments: fw.alignments, counts };
    }
    let focus: Set<string> | null = null;
    if (session.focus) {
      const f = session.focus;
      if (!focusCache || focusCache.prereq !== fw.prerequisites || focusCache.fw !== fw.competencies || focusCache.id !== f.id || focusCache.depth !== f.depth) {
        focusCache = { fw: fw.competencies, prereq: fw.prerequisites, id: f.id, depth: f.depth, set: focusSet(fw, f.id, f.depth) };
      }
      focus = focusCache.set;
    }
    const domains = new Map<string, Domain>(fw.domains.map((d) => [d.id, d]));
    const selected = new Set<string>(session.selection.competencies);
    const selectedLinks = new Set<string>(session.selection.links);
    const direction = session.laneOrientation === 'vertical' ? 'TB' : 'LR';
    const drag = session.dragPositions;

    const nodes: FlowNode[] = lanesFor(fw, session.laneOrientation, drag).slice();
    const laneCount = nodes.length;
    const nextNodeCache = new Map<string, { key: unknown[]; node: CompetencyNode }>();
    for (const c of Object.values(fw.competencies)) {
      const d = c.domainId ? domains.get(c.domainId) : undefined;
      const pos: Position = drag?.[c.id] ?? c.position;
      const prob = problems.get(c.id);
      const key = [c, d, fw.phases, pos, selected.has(c.id), focus ? !focus.has(c.id) : false, prob?.count, prob?.severity, alignCache.counts.get(c.id) ?? 0, direction];
      const hit = nodeCache.get(c.id);
      if (hit && hit.key.every((k, i) => k === key[i])) {
        nextNodeCache.set(c.id, hit);
        nodes.push(hit.node);
        continue;
      }
      const { described, indicators } = describedCount(c, fw);
      const node: CompetencyNode = {
        id: c.id,
        type: 'competency',
        position: pos,
        data: {
          code: c.code,
          statement: c.statement,
          levels: formatLevels(c.educationLevels),
          domainTitle: d?.title ?? '',
          domainColor: d?.color ?? null,
          described,
          phaseCount: fw.phases.length,
          indicators,
          alignments: alignCache.counts.get(c.id) ?? 0,
          problems: prob?.count ?? 0,
          problemSeverity: prob?.severity ?? null,
          pinned: c.pinned,
          dimmed: focus ? !focus.has(c.id) : false,
          direction,
        },
        selected: selected.has(c.id),
        width: NODE_W,
        height: NODE_H,
        measured: { width: NODE_W, height: NODE_H },
        handles: HANDLES[direction],
        ariaLabel: `${c.code || 'Untitled'}: ${c.statement}`,
      };
      nextNodeCache.set(c.id, { key, node });
      nodes.push(node);
    }
    nodeCache = nextNodeCache;

    // Edges depend on the document, the focus and the selected links only: while a drag moves nodes,
    // hand React Flow the same array, so it skips rebuilding its edge and connection lookups (perf).
    const sameEdges =
      last !== null && last.input.framework === fw && last.input.session.selection === session.selection && last.input.session.focus === session.focus;
    const edges: Edge[] = sameEdges ? last!.out.edges : [];
    const nextEdgeCache = sameEdges ? edgeCache : new Map<string, { key: unknown[]; edge: Edge }>();
    if (!sameEdges) for (const l of Object.values(fw.prerequisites)) {
      if (!fw.competencies[l.from] || !fw.competencies[l.to]) continue;
      const dim = focus ? !(focus.has(l.from) && focus.has(l.to)) : false;
      const sel = selectedLinks.has(l.id);
      const key = [l, dim, sel];
      const hit = edgeCache.get(l.id);
      if (hit && hit.key.every((k, i) => k === key[i])) {
        nextEdgeCache.set(l.id, hit);
        edges.push(hit.edge);
        continue;
      }
      const edge: Edge = {
        id: l.id,
        source: l.from,
        target: l.to,
        selected: sel,
        markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
        className: dim ? 'edge-dimmed' : l.note ? 'edge-noted' : undefined,
        ariaLabel: 'Prerequisite link',
        reconnectable: true,
      };
      nextEdgeCache.set(l.id, { key, edge });
      edges.push(edge);
    }
    edgeCache = nextEdgeCache;
    const out = { nodes, edges };
    const index = new Map<string, number>();
    for (let i = laneCount; i < nodes.length; i++) index.set(nodes[i]!.id, i);
    last = { input, out, index, lanes: laneCount };
    return out;
  };
}
