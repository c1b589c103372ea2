import { Position as Side, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { Competency, Domain, Framework, Position, PrerequisiteLink } from '../../../src-core/model/types';
import { formatLevels } from '../../../src-core/model/levels';
import { sameList } from '../../../src-core/model/lists';
import type { LaneOrientation, SessionState } from '../store/session';
import type { CollapsedDomainNode } from './collapse/applyCollapse';
import { focusSet } from './focus/focusSet';
import { NODE_H, NODE_W } from './geometry';
import { extendLaneExtents, insideLaneExtents, laneExtents, lanesOf, type LaneExtents, type LaneRect } from './lanes/laneGeometry';

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

/**
 * The arrowhead every link ends with, drawn once by the canvas (`ArrowMarker`): sized in flow units,
 * since React Flow's default (`strokeWidth` units) scales it with the path's stroke, so a selected link
 * or a highlighted cycle link (3.5 px) drew a 63 px arrowhead. 29 = the former 18 × the links' 1.6 px
 * stroke, so ordinary links look as before. Colour: React Flow's default marker colour.
 */
export const ARROW_MARKER = { id: 'progressions-arrow', width: 29, height: 29, markerUnits: 'userSpaceOnUse', color: '#b1b1b7' } as const;
/**
 * Links' `markerEnd`: the id of `ARROW_MARKER`. A string, so React Flow's `createMarkerIds` skips every
 * link (an object marker costs a sorted key string per link and per edges array: 13–18 ms per link
 * edit at 20,000 links, perf issue 9).
 */
export const ARROW = ARROW_MARKER.id;

/**
 * Handle bounds as the DOM has them (styles: `.chandle` is 11 px, border-box, centred on the node's
 * 1 px border): predeclared so connecting works before any measuring, and exact so that a node
 * React Flow adopts afresh (after an edit, undo or drop) keeps its links' end points where the
 * measured ones were (they jumped by 1.5 px).
 */
const HANDLE = 11;
const INSET = 1;
/** Handle bounds are known up front (fixed node size), so connecting works before any measuring. */
const HANDLES: Record<'LR' | 'TB', NodeHandle[]> = {
  LR: [
    { type: 'target', position: Side.Left, x: INSET - HANDLE / 2, y: NODE_H / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
    { type: 'source', position: Side.Right, x: NODE_W - INSET - HANDLE / 2, y: NODE_H / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
  ],
  TB: [
    { type: 'target', position: Side.Top, x: NODE_W / 2 - HANDLE / 2, y: INSET - HANDLE / 2, width: HANDLE, height: HANDLE },
    { type: 'source', position: Side.Bottom, x: NODE_W / 2 - HANDLE / 2, y: NODE_H - INSET - HANDLE / 2, width: HANDLE, height: HANDLE },
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
function laneFlowNodes(lanes: readonly LaneRect[], orientation: LaneOrientation): FlowNode[] {
  const nodes: FlowNode[] = [];
  for (const lane of lanes) {
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

/** What a competency's node was built from; the node is rebuilt only when one of these changes. */
type NodeEntry = {
  c: Competency;
  phases: Framework['phases'];
  d: Domain | undefined;
  pos: Position;
  selected: boolean;
  dimmed: boolean;
  prob: { count: number; severity: 'error' | 'warning' } | undefined;
  align: number;
  node: CompetencyNode;
};
/** A link's edge (`null` while an end is missing) and what it was built from; `pass`: the last `edgesFor` that saw it. */
type EdgeEntry = { l: PrerequisiteLink; dim: boolean; sel: boolean; edge: Edge | null; pass: number };

/** Ids in exactly one of `a` and `b`. */
function symmetricDifference(a: readonly string[], b: readonly string[]): string[] {
  const inA = new Set(a);
  const inB = new Set(b);
  return [...a.filter((x) => !inB.has(x)), ...b.filter((x) => !inA.has(x))];
}

/**
 * Derives React Flow nodes and edges from the document and session state. React Flow never owns
 * the document. The work is proportional to what changed (perf, issue 9): an edit compares the
 * competency records by identity (immer shares unchanged ones) and rebuilds only the nodes whose
 * inputs changed; a selection or problem change touches only the competencies concerned; the edge
 * array is handed on unchanged unless a link, the link selection, the focus or an endpoint's
 * existence changed (React Flow rebuilds its connection lookup for every new edge array). Unchanged
 * competencies keep their node object, so React Flow and the memoised node component skip them.
 * The result always equals a fresh derivation (property-tested).
 */
export function createFlowDeriver() {
  const entries = new Map<string, NodeEntry>();
  const edgeCache = new Map<string, EdgeEntry>();
  let edgePass = 0;
  /** Links per competency id (for "did a competency that a link names appear or go?"). */
  const endpoints = new Map<string, number>();
  let alignCache: { alignments: object; counts: Map<string, number> } | null = null;
  let focusCache: { fw: object; prereq: object; id: string; depth: number; set: Set<string> } | null = null;
  let laneCache: { competencies: object; domains: object; orientation: LaneOrientation; drag: object | null; ext: LaneExtents; nodes: FlowNode[] } | null = null;
  /**
   * Lane nodes, recomputed only when positions, domains or the orientation change (`geometry`:
   * 'same' = no competency moved, changed domain, came or went; 'grown' = competencies were added
   * (`grown`) or moved (`moves`, old positions) within their domain, which extend the known extents
   * without a pass over the map unless a moved one defined an edge of them); an unchanged lane
   * keeps its node.
   */
  const lanesFor = (
    fw: Framework,
    orientation: LaneOrientation,
    drag: Record<string, Position> | null,
    geometry: 'same' | 'grown' | 'other',
    grown: readonly string[] = [],
    moves: readonly { from: Position; domainId: string | null }[] = [],
  ): FlowNode[] => {
    const c = laneCache;
    const sameView = c !== null && c.domains === fw.domains && c.orientation === orientation && c.drag === drag;
    if (sameView && (c.competencies === fw.competencies || geometry === 'same')) {
      c.competencies = fw.competencies;
      return c.nodes;
    }
    const ext =
      sameView && geometry === 'grown' && moves.every((m) => insideLaneExtents(c.ext, orientation, m.from, m.domainId))
        ? extendLaneExtents(
            c.ext,
            orientation,
            grown.map((id) => ({ position: drag?.[id] ?? fw.competencies[id]!.position, domainId: fw.competencies[id]!.domainId })),
          )
        : laneExtents(fw, orientation, drag);
    const prev = new Map((c?.nodes ?? []).map((n) => [n.id, n]));
    const nodes = laneFlowNodes(lanesOf(fw.domains, orientation, ext), orientation).map((n) => {
      const old = prev.get(n.id);
      return old && sameLane(old, n) ? old : n;
    });
    laneCache = { competencies: fw.competencies, domains: fw.domains, orientation, drag, ext, nodes };
    return nodes;
  };
  let last: { input: FlowInput; out: { nodes: FlowNode[]; edges: Edge[] }; index: Map<string, number>; lanes: number; count: number; focus: Set<string> | null } | null = null;

  /** The node of competency `c` with these inputs: the cached one when nothing it shows changed. */
  function nodeFor(fw: Framework, c: Competency, d: Domain | undefined, pos: Position, selected: boolean, dimmed: boolean, prob: NodeEntry['prob'], align: number, direction: 'LR' | 'TB'): CompetencyNode {
    const hit = entries.get(c.id);
    if (
      hit &&
      hit.c === c &&
      hit.phases === fw.phases &&
      hit.d === d &&
      hit.pos === pos &&
      hit.selected === selected &&
      hit.dimmed === dimmed &&
      hit.prob?.count === prob?.count &&
      hit.prob?.severity === prob?.severity &&
      hit.align === align &&
      hit.node.data.direction === direction
    ) {
      return hit.node;
    }
    // a position-only change (a drop) keeps the data object, so the node component skips its render
    const sameData = hit && hit.c.code === c.code && hit.c.statement === c.statement && hit.c.educationLevels === c.educationLevels && hit.c.phases === c.phases && hit.c.pinned === c.pinned && hit.phases === fw.phases && hit.d === d && hit.dimmed === dimmed && hit.prob?.count === prob?.count && hit.prob?.severity === prob?.severity && hit.align === align && hit.node.data.direction === direction;
    let data: CompetencyNodeData;
    if (sameData) data = hit.node.data;
    else {
      const { described, indicators } = describedCount(c, fw);
      data = {
        code: c.code,
        statement: c.statement,
        levels: formatLevels(c.educationLevels),
        domainTitle: d?.title ?? '',
        domainColor: d?.color ?? null,
        described,
        phaseCount: fw.phases.length,
        indicators,
        alignments: align,
        problems: prob?.count ?? 0,
        problemSeverity: prob?.severity ?? null,
        pinned: c.pinned,
        dimmed,
        direction,
      };
    }
    const node: CompetencyNode = {
      id: c.id,
      type: 'competency',
      position: pos,
      data,
      selected,
      width: NODE_W,
      height: NODE_H,
      measured: { width: NODE_W, height: NODE_H },
      handles: HANDLES[direction],
      ariaLabel: `${c.code || 'Untitled'}: ${c.statement}`,
    };
    entries.set(c.id, { c, phases: fw.phases, d, pos, selected, dimmed, prob, align, node });
    return node;
  }

  /** `endpoints` counts of link `l`'s two ends, by `d` (+1 when a link appears, −1 when it goes). */
  function countEnds(l: PrerequisiteLink, d: 1 | -1): void {
    for (const id of [l.from, l.to]) {
      const k = (endpoints.get(id) ?? 0) + d;
      if (k) endpoints.set(id, k);
      else endpoints.delete(id);
    }
  }

  /**
   * What the edge cache was last brought up to date with, in the prerequisites' own order: `linkKeys`
   * (their ids) and `linkEntries` (their cache entries, aligned), for the links Map `edgePrereq`
   * and the focus `edgeFocus`. A link edit then walks the ids in step with the new Map's and rebuilds
   * only the entries of the links that changed (see `edgesAfterLinkEdit`).
   */
  let linkKeys: string[] = [];
  let linkEntries: EdgeEntry[] = [];
  let edgePrereq: Framework['prerequisites'] | null = null;
  let edgeFocus: Set<string> | null = null;

  /** Brings entry `hit` (or a new one) up to date with link `l`; the link-end counts follow a changed link. */
  function entryFor(fw: Framework, hit: EdgeEntry | undefined, l: PrerequisiteLink, focus: Set<string> | null, selectedLinks: ReadonlySet<string>, pass: number): EdgeEntry {
    if (hit?.l !== l) {
      if (hit) countEnds(hit.l, -1);
      countEnds(l, 1);
    }
    if (!fw.competencies[l.from] || !fw.competencies[l.to]) {
      if (hit) Object.assign(hit, { l, edge: null, pass });
      else edgeCache.set(l.id, (hit = { l, dim: false, sel: false, edge: null, pass }));
      return hit;
    }
    const dim = focus ? !(focus.has(l.from) && focus.has(l.to)) : false;
    const sel = selectedLinks.has(l.id);
    if (hit && hit.l === l && hit.edge && hit.dim === dim && hit.sel === sel) {
      hit.pass = pass;
      return hit;
    }
    const edge: Edge = {
      id: l.id,
      type: 'prerequisite',
      source: l.from,
      target: l.to,
      selected: sel,
      markerEnd: ARROW,
      className: dim ? 'edge-dimmed' : l.note ? 'edge-noted' : undefined,
      ariaLabel: 'Prerequisite link',
      reconnectable: true,
    };
    if (hit) Object.assign(hit, { l, dim, sel, edge, pass });
    else edgeCache.set(l.id, (hit = { l, dim, sel, edge, pass }));
    return hit;
  }

  /** The edges of `entries` (aligned with the prerequisites), in order. */
  function edgesOf(entries: readonly EdgeEntry[]): Edge[] {
    const edges: Edge[] = [];
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!.edge;
      if (e) edges.push(e);
    }
    return edges;
  }

  /**
   * The edge array. The cache and the link-end counts are updated in place (a link edit on a map of
   * 20,000 links touches one entry instead of rebuilding two maps of every link); unchanged links keep
   * their edge object, so React Flow's edge components skip them.
   */
  function edgesFor(fw: Framework, focus: Set<string> | null, selectedLinks: ReadonlySet<string>): Edge[] {
    const pass = ++edgePass;
    const prereq = fw.prerequisites;
    const keys: string[] = new Array(prereq.size);
    const entries: EdgeEntry[] = new Array(prereq.size);
    let seen = 0;
    let i = 0;
    for (const [k, l] of prereq) {
      const hit = edgeCache.get(l.id);
      if (!hit || hit.pass !== pass) seen++;
      keys[i] = k;
      entries[i++] = entryFor(fw, hit, l, focus, selectedLinks, pass);
    }
    if (seen !== edgeCache.size) {
      // links that went (a removal, an undone add): drop their entries and their ends
      for (const [id, e] of edgeCache) {
        if (e.pass === pass) continue;
        countEnds(e.l, -1);
        edgeCache.delete(id);
      }
    }
    linkKeys = keys;
    linkEntries = entries;
    edgePrereq = prereq;
    edgeFocus = focus;
    return edgesOf(entries);
  }

  /**
   * The edge array after links were added, removed or changed and / or the link selection changed
   * (`flipped`: links selected or unselected), with the same focus and no competency a link names
   * come or gone since the last edge array: the new prerequisites' ids are walked in step with the
   * previous ones (immer keeps the order of the links it leaves, appends added ones), comparing link
   * objects by identity, so only the changed links' entries are rebuilt (no map lookup per link). Null
   * when the order changed otherwise; `edgesFor` then goes over every link.
   */
  function edgesAfterLinkEdit(fw: Framework, focus: Set<string> | null, selectedLinks: ReadonlySet<string>, flipped: Iterable<string>): Edge[] | null {
    if (edgePrereq === null || edgeFocus !== focus) return null;
    const pass = ++edgePass;
    const before = edgePrereq;
    const prereq = fw.prerequisites;
    if (prereq !== before) {
      const keys = [...prereq.keys()];
      const entries: EdgeEntry[] = new Array(keys.length);
      const old = linkKeys;
      let j = 0;
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        if (old[j] !== k) {
          // links that went (they leave no gap in the new order)
          for (; j < old.length && !prereq.has(old[j]!); j++) {
            const e = linkEntries[j]!;
            countEnds(e.l, -1);
            edgeCache.delete(e.l.id);
          }
        }
        if (old[j] === k) {
          const e = linkEntries[j++]!;
          const l = prereq.get(k)!;
          entries[i] = e.l === l ? e : entryFor(fw, e, l, focus, selectedLinks, pass);
        } else if (!before.has(k) && !edgeCache.has(k)) {
          entries[i] = entryFor(fw, undefined, prereq.get(k)!, focus, selectedLinks, pass); // a new link
        } else return null; // reordered
      }
      for (; j < old.length; j++) {
        if (prereq.has(old[j]!)) return null;
        const e = linkEntries[j]!;
        countEnds(e.l, -1);
        edgeCache.delete(e.l.id);
      }
      linkKeys = keys;
      linkEntries = entries;
      edgePrereq = prereq;
    }
    for (const id of flipped) {
      const e = edgeCache.get(id);
      if (e) entryFor(fw, e, e.l, focus, selectedLinks, pass);
    }
    return edgesOf(linkEntries);
  }

  return function derive(input: FlowInput): { nodes: FlowNode[]; edges: Edge[] } {
    const { framework: fw, session, problems } = input;
    const prev = last;
    if (
      prev &&
      prev.input.framework === fw &&
      prev.input.session.selection === session.selection &&
      prev.input.session.focus === session.focus &&
      prev.input.session.laneOrientation === session.laneOrientation &&
      prev.input.session.dragPositions === session.dragPositions &&
      prev.input.problems === problems
    ) {
      return prev.out;
    }
    const pfw = prev?.input.framework;
    if (!alignCache || alignCache.alignments !== fw.alignments) {
      const counts = new Map<string, number>();
      for (const a of fw.alignments.values()) counts.set(a.competencyId, (counts.get(a.competencyId) ?? 0) + 1);
      alignCache = { alignments: fw.alignments, counts };
    }
    const alignCounts = alignCache.counts;
    let focus: Set<string> | null = null;
    if (session.focus) {
      const f = session.focus;
      if (!focusCache || focusCache.prereq !== fw.prerequisites || focusCache.fw !== fw.competencies || focusCache.id !== f.id || focusCache.depth !== f.depth) {
        focusCache = { fw: fw.competencies, prereq: fw.prerequisites, id: f.id, depth: f.depth, set: focusSet(fw, f.id, f.depth) };
      }
      focus = focusCache.set;
    }
    const direction = session.laneOrientation === 'vertical' ? 'TB' : 'LR';
    const drag = session.dragPositions;
    const selected = new Set<string>(session.selection.competencies);
    const selectedLinks = new Set<string>(session.selection.links);

    // Incremental path: the same view (focus, lanes, phases, domains) and a known set of changed ids.
    const incremental =
      prev !== null &&
      pfw !== undefined &&
      prev.focus === focus &&
      prev.input.session.laneOrientation === session.laneOrientation &&
      pfw.phases === fw.phases &&
      pfw.domains === fw.domains;
    if (incremental) {
      const dirty = new Set<string>();
      const added: string[] = [];
      let removed = false;
      let domainChanged = false;
      const moves: { from: Position; domainId: string | null }[] = [];
      /** added or moved: what the lanes must take in */
      const grown: string[] = [];
      if (pfw.competencies !== fw.competencies) {
        let kept = 0;
        for (const id in fw.competencies) {
          const c = fw.competencies[id]!;
          const old = pfw.competencies[id];
          if (old === c) {
            kept++;
            continue;
          }
          dirty.add(id);
          if (old) {
            kept++;
            if (old.domainId !== c.domainId) domainChanged = true;
            else if (old.position !== c.position && !drag?.[id]) {
              moves.push({ from: old.position, domainId: c.domainId });
              grown.push(id);
            }
          } else {
            added.push(id);
            grown.push(id);
          }
        }
        if (kept !== prev.count) removed = true;
      }
      if (prev.input.session.selection !== session.selection) {
        for (const id of prev.input.session.selection.competencies) if (!selected.has(id)) dirty.add(id);
        for (const id of session.selection.competencies) dirty.add(id);
      }
      if (prev.input.problems !== problems) {
        for (const [id, p] of prev.input.problems) if (problems.get(id) !== p) dirty.add(id);
        for (const [id, p] of problems) if (prev.input.problems.get(id) !== p) dirty.add(id);
      }
      if (prev.input.session.dragPositions !== drag) {
        for (const id in prev.input.session.dragPositions ?? {}) dirty.add(id);
        for (const id in drag ?? {}) dirty.add(id);
      }
      if (pfw.alignments !== fw.alignments) {
        for (const a of pfw.alignments.values()) dirty.add(a.competencyId);
        for (const a of fw.alignments.values()) dirty.add(a.competencyId);
      }

      const geometry = domainChanged || removed ? 'other' : grown.length ? 'grown' : 'same';
      const lanes = lanesFor(fw, session.laneOrientation, drag, geometry, grown, moves);
      let nodes: FlowNode[];
      let index = prev.index;
      if (removed) {
        // rebuild the order (rare: a delete or an undone add)
        nodes = lanes.slice();
        index = new Map();
        for (const id in fw.competencies) {
          index.set(id, nodes.length);
          nodes.push(prev.out.nodes[prev.index.get(id) ?? -1] ?? (null as never));
        }
        for (const id of entries.keys()) if (!fw.competencies[id]) entries.delete(id);
      } else {
        if (lanes.length === prev.lanes) {
          nodes = prev.out.nodes.slice();
          for (let i = 0; i < lanes.length; i++) nodes[i] = lanes[i]!;
        } else {
          nodes = lanes.concat(prev.out.nodes.slice(prev.lanes));
          index = new Map();
          for (let i = lanes.length; i < nodes.length; i++) index.set(nodes[i]!.id, i);
        }
        if (added.length) {
          // the index belongs to this deriver and the previous result is never derived from again
          for (const id of added) {
            index.set(id, nodes.length);
            nodes.push(null as never);
          }
        }
      }
      for (const id of dirty) {
        const c = fw.competencies[id];
        const i = index.get(id);
        if (!c || i === undefined) continue;
        const pos = drag?.[id] ?? c.position;
        nodes[i] = nodeFor(fw, c, c.domainId ? fw.domains.find((d) => d.id === c.domainId) : undefined, pos, selected.has(id), focus ? !focus.has(id) : false, problems.get(id), alignCounts.get(id) ?? 0, direction);
      }
      // edges: only when a link, the link selection or a link's endpoint existence changed
      let edges = prev.out.edges;
      const selectionChanged = !sameList(prev.input.session.selection.links, session.selection.links);
      const endsChanged = added.some((id) => endpoints.has(id)) || (removed && [...endpoints.keys()].some((id) => !fw.competencies[id] !== !pfw.competencies[id]));
      if (endsChanged) edges = edgesFor(fw, focus, selectedLinks);
      else if (pfw.prerequisites !== fw.prerequisites || selectionChanged) {
        const flipped = selectionChanged ? symmetricDifference(prev.input.session.selection.links, session.selection.links) : [];
        edges = edgesAfterLinkEdit(fw, focus, selectedLinks, flipped) ?? edgesFor(fw, focus, selectedLinks);
      }
      // an edit that changed no node (a link edit) hands on the previous node array: a new array of the
      // same nodes would still make React Flow adopt every node again (10,000 at a time)
      if (nodes.length === prev.out.nodes.length && nodes.every((n, i) => n === prev.out.nodes[i])) nodes = prev.out.nodes;
      const out = nodes === prev.out.nodes && edges === prev.out.edges ? prev.out : { nodes, edges };
      last = { input, out, index, lanes: lanes.length, count: index.size, focus };
      return out;
    }

    // Full derivation (first call, focus, lanes, phases or domains changed): cached nodes are reused.
    const domains = new Map<string, Domain>(fw.domains.map((d) => [d.id, d]));
    const nodes: FlowNode[] = lanesFor(fw, session.laneOrientation, drag, 'other').slice();
    const laneCount = nodes.length;
    const index = new Map<string, number>();
    for (const c of Object.values(fw.competencies)) {
      index.set(c.id, nodes.length);
      const pos: Position = drag?.[c.id] ?? c.position;
      nodes.push(nodeFor(fw, c, c.domainId ? domains.get(c.domainId) : undefined, pos, selected.has(c.id), focus ? !focus.has(c.id) : false, problems.get(c.id), alignCounts.get(c.id) ?? 0, direction));
    }
    for (const id of entries.keys()) if (!fw.competencies[id]) entries.delete(id);
    const edges = edgesFor(fw, focus, selectedLinks);
    const out = { nodes, edges };
    last = { input, out, index, lanes: laneCount, count: index.size, focus };
    return out;
  };
}
