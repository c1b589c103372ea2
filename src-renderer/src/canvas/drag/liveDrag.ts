import { getBezierPath, Position as Side, type Edge, type InternalNode, type useStoreApi } from '@xyflow/react';
import type { Framework, Position } from '../../../../src-core/model/types';
import type { LaneOrientation } from '../../store/session';
import type { FlowNode, LaneNodeData } from '../flowModel';
import { collapseViewCached, foldedCards } from '../collapse/applyCollapse';
import { laneDrag, type LaneRect } from '../lanes/laneGeometry';

type FlowStore = ReturnType<typeof useStoreApi<FlowNode, Edge>>;
type Internal = InternalNode<FlowNode>;

/**
 * A node drag in progress, kept out of React (perf, issue 9: a move costs O(moved nodes + their
 * links + lanes), nothing proportional to the map). Each pointer move
 * - patches React Flow's internal nodes of the dragged competencies and of the lanes whose extent
 *   changes (so auto-pan, visibility and anything React Flow renders meanwhile see the gesture), and
 * - writes the new positions straight into the DOM: the nodes' transforms, the paths of their links,
 *   the lanes' boxes, and tells the lane labels (`subscribeDragLanes`).
 * React Flow's store is not notified, so none of its per-node and per-edge selectors run and React
 * renders nothing. The document gets one `moveCompetencies` on drop; before that commit `finish`
 * puts the DOM and React Flow's internals back as React last rendered them and lets React Flow
 * render once, so the commit's re-render is the only truth.
 */
export interface LiveDrag {
  /** The positions so far (competency id → top-left), in flow coordinates. */
  readonly positions: Record<string, Position>;
  /** Applies React Flow's position changes for this move. */
  move(changes: { id: string; position: Position }[]): void;
  /** Restores React Flow's internal nodes and the DOM, and has React Flow render them again. */
  finish(): Record<string, Position>;
}

let dragLanes: LaneRect[] | null = null;
const laneListeners = new Set<() => void>();
function setDragLanes(l: LaneRect[] | null): void {
  dragLanes = l;
  for (const f of laneListeners) f();
}
/** The lanes of the drag in progress (null when there is none), for the lane labels. */
export const getDragLanes = (): LaneRect[] | null => dragLanes;
export function subscribeDragLanes(f: () => void): () => void {
  laneListeners.add(f);
  return () => laneListeners.delete(f);
}

function laneChanged(d: LaneNodeData, r: LaneRect): boolean {
  return d.x !== r.x || d.y !== r.y || d.width !== r.width || d.height !== r.height || d.room?.[0] !== r.room?.[0] || d.room?.[1] !== r.room?.[1];
}

/** Where a link leaves / enters a node (React Flow's `getHandlePosition` for our handles). */
function handlePoint(n: Internal, type: 'source' | 'target', handleId: string | null | undefined): { x: number; y: number; side: Side } | null {
  const list = n.internals.handleBounds?.[type] ?? null;
  const h = list ? (handleId ? list.find((x) => x.id === handleId) : list[0]) : undefined;
  if (!h) return null;
  const x = h.x + n.internals.positionAbsolute.x;
  const y = h.y + n.internals.positionAbsolute.y;
  const side = h.position ?? (type === 'source' ? Side.Bottom : Side.Top);
  switch (side) {
    case Side.Top:
      return { x: x + h.width / 2, y, side };
    case Side.Right:
      return { x: x + h.width, y: y + h.height / 2, side };
    case Side.Bottom:
      return { x: x + h.width / 2, y: y + h.height, side };
    default:
      return { x, y: y + h.height / 2, side };
  }
}

const attr = (id: string) => `[data-id="${id.replace(/["\\]/g, '\\$&')}"]`;

/** Starts a drag gesture on React Flow's store; `fw`/`orientation`/`collapsedDomains` are the document and lanes it starts from. */
export function startLiveDrag(store: FlowStore, fw: Framework, orientation: LaneOrientation, collapsedDomains: readonly string[] = []): LiveDrag {
  const originals = new Map<string, Internal>();
  const positions: Record<string, Position> = {};
  let lanes: ReturnType<typeof laneDrag> | null = null;
  /** DOM writes, with the value each property had before the gesture (to put back). */
  const written = new Map<Element, Map<string, string | null>>();
  const elements = new Map<string, Element | null>();

  const patch = (lookup: Map<string, Internal>, id: string, next: (n: Internal) => Internal): void => {
    const cur = lookup.get(id);
    if (!cur) return;
    // a node React Flow adopted afresh mid-gesture (a re-render of the canvas) is its new original
    const o = originals.get(id);
    if (!o || o.internals.userNode !== cur.internals.userNode) originals.set(id, cur);
    lookup.set(id, next(cur));
  };
  const find = (root: Element, key: string, selector: string): Element | null => {
    let el = elements.get(key);
    if (!el || !el.isConnected) {
      el = root.querySelector(selector);
      elements.set(key, el);
    }
    return el;
  };
  const write = (el: Element, name: string, value: string, style: boolean): void => {
    let props = written.get(el);
    if (!props) written.set(el, (props = new Map()));
    const key = style ? `style:${name}` : name;
    const h = el as HTMLElement;
    if (!props.has(key)) props.set(key, style ? h.style.getPropertyValue(name) : el.getAttribute(name));
    if (style) h.style.setProperty(name, value);
    else el.setAttribute(name, value);
  };

  return {
    positions,
    move(changes) {
      const { nodeLookup, edgeLookup, connectionLookup, domNode, transform } = store.getState();
      let newMovers = false;
      const moved: string[] = [];
      for (const ch of changes) {
        const c = fw.competencies[ch.id];
        if (!c) continue;
        if (!(ch.id in positions)) newMovers = true;
        const p = { x: Math.round(ch.position.x), y: Math.round(ch.position.y) };
        const was = positions[ch.id];
        if (was && was.x === p.x && was.y === p.y) continue;
        positions[ch.id] = p;
        moved.push(ch.id);
        patch(nodeLookup, ch.id, (n) => ({ ...n, position: p, internals: { ...n.internals, positionAbsolute: p } }));
      }
      if (!moved.length) return;
      if (newMovers || !lanes) lanes = laneDrag(fw, orientation, Object.keys(positions), collapsedDomains, collapsedDomains.length ? foldedCards(collapseViewCached(fw, collapsedDomains)) : []);
      const laneRects = lanes.at(positions);
      const changedLanes: LaneRect[] = [];
      for (const r of laneRects) {
        const id = `lane:${r.domainId}`;
        const cur = nodeLookup.get(id);
        if (!cur || cur.type !== 'lane' || !laneChanged(cur.data as LaneNodeData, r)) continue;
        changedLanes.push(r);
        const p = { x: r.x, y: r.y };
        const size = { width: r.width, height: r.height };
        patch(nodeLookup, id, (n) => ({ ...n, data: { ...(n.data as LaneNodeData), ...r }, position: p, ...size, measured: size, internals: { ...n.internals, positionAbsolute: p } }));
      }
      if (changedLanes.length) setDragLanes(laneRects);
      const root = domNode?.querySelector('.react-flow__viewport');
      if (!root) return;
      const links = new Set<string>();
      for (const id of moved) {
        const el = find(root, id, `.react-flow__node${attr(id)}`);
        const p = positions[id]!;
        if (el) write(el, 'transform', `translate(${p.x}px,${p.y}px)`, true);
        for (const c of connectionLookup.get(id)?.values() ?? []) links.add(c.edgeId);
      }
      for (const eid of links) {
        const e = edgeLookup.get(eid);
        if (!e || (e.type && e.type !== 'default')) continue;
        const a = nodeLookup.get(e.source);
        const b = nodeLookup.get(e.target);
        const s = a && handlePoint(a, 'source', e.sourceHandle);
        const t = b && handlePoint(b, 'target', e.targetHandle);
        if (!s || !t) continue;
        const g = find(root, `edge:${eid}`, `.react-flow__edge${attr(eid)}`);
        if (!g) continue;
        const [d] = getBezierPath({ sourceX: s.x, sourceY: s.y, sourcePosition: s.side, targetX: t.x, targetY: t.y, targetPosition: t.side, curvature: (e as { pathOptions?: { curvature?: number } }).pathOptions?.curvature });
        for (const path of g.querySelectorAll('path.react-flow__edge-path, path.react-flow__edge-interaction')) write(path, 'd', d, false);
      }
      // the box around a multi-selection follows its nodes (React Flow draws it from the selected
      // nodes' bounds; a selection drag moves every selected node)
      const box = domNode?.querySelector('.react-flow__nodesselection');
      if (box) {
        let x = Infinity;
        let y = Infinity;
        for (const id in positions) {
          const p = nodeLookup.get(id)?.internals.positionAbsolute;
          if (p) {
            x = Math.min(x, p.x);
            y = Math.min(y, p.y);
          }
        }
        const [tx, ty, z] = transform;
        if (Number.isFinite(x)) write(box, 'transform', `translate(${tx}px,${ty}px) scale(${z}) translate(${x}px,${y}px)`, true);
      }
      for (const r of changedLanes) {
        const el = find(root, `lane:${r.domainId}`, `.react-flow__node${attr(`lane:${r.domainId}`)}`);
        if (!el) continue;
        write(el, 'transform', `translate(${r.x}px,${r.y}px)`, true);
        write(el, 'width', `${r.width}px`, true);
        write(el, 'height', `${r.height}px`, true);
      }
    },
    finish() {
      for (const [el, props] of written) {
        for (const [key, value] of props) {
          if (key.startsWith('style:')) {
            const name = key.slice(6);
            if (value) (el as HTMLElement).style.setProperty(name, value);
            else (el as HTMLElement).style.removeProperty(name);
          } else if (value === null) el.removeAttribute(key);
          else el.setAttribute(key, value);
        }
      }
      written.clear();
      elements.clear();
      const { nodeLookup } = store.getState();
      for (const [id, n] of originals) if (nodeLookup.get(id)?.internals.userNode === n.internals.userNode) nodeLookup.set(id, n);
      originals.clear();
      if (dragLanes) setDragLanes(null);
      // React Flow renders what it has (what React last rendered, unless it re-rendered mid-gesture)
      store.setState({});
      return positions;
    },
  };
}
