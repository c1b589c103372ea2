import type { Edge } from '@xyflow/react';
import type { FlowNode } from '../flowModel';
import { NODE_H, NODE_W } from '../geometry';

/**
 * Windowing (perf, issue 9): zoomed in on a large map, React Flow is handed only what lies in a padded
 * window around the view, not the whole map. Its per-update work (the visible-node and visible-edge
 * selectors on every pan frame, the connection lookup rebuilt for every edges array) then goes over
 * the window's few hundred cards and links instead of every competency and link. The window is a
 * rectangle in flow coordinates: the view grown by one view size on each side, recomputed only when the
 * view leaves it (or has zoomed in well past it), never per frame. React Flow still renders only what
 * is in view (`onlyRenderVisibleElements`), so the window only bounds what it keeps in its store.
 */

/** A rectangle in flow coordinates. */
export interface FlowBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The view grown by this many view sizes on each side. */
export const WINDOW_PAD = 1;

/** What the view shows, in flow coordinates, for React Flow's transform `[x, y, zoom]` and its pane size. */
export function viewBox(transform: readonly [number, number, number], width: number, height: number): FlowBox {
  const [tx, ty, k] = transform;
  return { x0: -tx / k, y0: -ty / k, x1: (width - tx) / k, y1: (height - ty) / k };
}

/** `view` grown by `pad` view sizes on each side. */
export function padBox(view: FlowBox, pad = WINDOW_PAD): FlowBox {
  const w = (view.x1 - view.x0) * pad;
  const h = (view.y1 - view.y0) * pad;
  return { x0: view.x0 - w, y0: view.y0 - h, x1: view.x1 + w, y1: view.y1 + h };
}

/**
 * The window for `view`, given the current one: the same window while the view stays inside it and
 * is not much smaller than the view it was made for (zoomed in more than 2×, it would hold four times
 * what is needed); a new one around the view otherwise. Returning the same object is what tells the
 * canvas nothing needs doing (hysteresis: a pan recomputes once per view size travelled).
 */
export function nextWindow(current: FlowBox | null, view: FlowBox, pad = WINDOW_PAD): FlowBox {
  if (current) {
    const inside = view.x0 >= current.x0 && view.y0 >= current.y0 && view.x1 <= current.x1 && view.y1 <= current.y1;
    const needed = (1 + 2 * pad) * 2;
    const tooBig = (current.x1 - current.x0) > needed * (view.x1 - view.x0) || (current.y1 - current.y0) > needed * (view.y1 - view.y0);
    if (inside && !tooBig) return current;
  }
  return padBox(view, pad);
}

/** What must stay with React Flow wherever it is: ids of competencies, and of competencies whose every link stays. */
export interface WindowKeep {
  /** Nodes kept (keyboard focus, the node a connection is drawn from…); selected nodes always are. */
  nodes?: ReadonlySet<string>;
  /** Nodes whose links are all kept, with both ends (a node being dragged, a connection's start). */
  links?: ReadonlySet<string>;
}

/** The part of the flow handed to React Flow. */
export interface FlowPart {
  nodes: FlowNode[];
  edges: Edge[];
}

type Box = { x0: number; y0: number; x1: number; y1: number };

function boxOf(n: FlowNode): Box {
  const w = n.width ?? n.measured?.width ?? NODE_W;
  const h = n.height ?? n.measured?.height ?? NODE_H;
  return { x0: n.position.x, y0: n.position.y, x1: n.position.x + w, y1: n.position.y + h };
}
const sameBox = (a: Box, b: Box) => a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1;
const meets = (a: Box, b: FlowBox) => a.x0 <= b.x1 && a.x1 >= b.x0 && a.y0 <= b.y1 && a.y1 >= b.y0;

/** `next` when its items differ from `prev`'s, else `prev` (React Flow then adopts nothing new). */
function same<T>(prev: T[] | undefined, next: T[]): T[] {
  if (!prev || prev.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (prev[i] !== next[i]) return next;
  return prev;
}

/**
 * A windower with memory: `(all, win, keep)` → the part of the flow React Flow gets (see `windowFlow`).
 * The work follows what changed: the nodes' boxes are updated in place for the node objects that
 * changed (a selection, an edit: no map of every node is rebuilt), and the links are gone over again
 * only when the links, the window, a box or `keep.links` changed, so a selection or a Tab costs one
 * pass over the node array; unchanged results come back as the same arrays.
 */
export function createWindower(): (all: FlowPart, win: FlowBox, keep?: WindowKeep) => FlowPart {
  let boxNodes: readonly FlowNode[] | null = null;
  const boxes = new Map<string, Box>();
  let boxVersion = 0;
  let linkPart: { edges: readonly Edge[]; win: FlowBox; version: number; keepKey: string; out: Edge[]; ends: Set<string> } | null = null;
  let prev: FlowPart | undefined;

  const updateBoxes = (nodes: readonly FlowNode[]) => {
    if (boxNodes === nodes) return;
    let rebuild = boxNodes === null || boxNodes.length !== nodes.length;
    let changed = false;
    if (!rebuild) {
      for (let i = 0; i < nodes.length; i++) {
        const n = nodes[i]!;
        const was = boxNodes![i]!;
        if (n === was) continue;
        if (n.id !== was.id) {
          rebuild = true;
          break;
        }
        const b = boxOf(n);
        const old = boxes.get(n.id);
        if (!old || !sameBox(old, b)) {
          boxes.set(n.id, b);
          changed = true;
        }
      }
    }
    if (rebuild) {
      boxes.clear();
      for (const n of nodes) boxes.set(n.id, boxOf(n));
      changed = true;
    }
    if (changed) boxVersion++;
    boxNodes = nodes;
  };

  return (all, win, keep = {}) => {
    updateBoxes(all.nodes);
    const keepLinks = keep.links;
    const keepKey = keepLinks?.size ? [...keepLinks].sort().join('\n') : '';
    if (!linkPart || linkPart.edges !== all.edges || linkPart.win !== win || linkPart.version !== boxVersion || linkPart.keepKey !== keepKey) {
      const ends = new Set<string>();
      const out: Edge[] = [];
      for (const e of all.edges) {
        let use = e.selected === true || (keepKey !== '' && (keepLinks!.has(e.source) || keepLinks!.has(e.target)));
        if (!use) {
          const a = boxes.get(e.source);
          const b = boxes.get(e.target);
          if (!a || !b) continue; // React Flow could not draw it either
          use = Math.min(a.x0, b.x0) <= win.x1 && Math.max(a.x1, b.x1) >= win.x0 && Math.min(a.y0, b.y0) <= win.y1 && Math.max(a.y1, b.y1) >= win.y0;
        }
        if (!use) continue;
        out.push(e);
        ends.add(e.source);
        ends.add(e.target);
      }
      linkPart = { edges: all.edges, win, version: boxVersion, keepKey, out, ends };
    }
    const { ends } = linkPart;
    const keepNodes = keep.nodes;
    const nodes: FlowNode[] = [];
    for (const n of all.nodes) {
      if (n.type !== 'competency' || n.selected || ends.has(n.id) || keepNodes?.has(n.id) || meets(boxes.get(n.id)!, win)) nodes.push(n);
    }
    const out = { nodes: same(prev?.nodes, nodes), edges: same(prev?.edges, linkPart.out) };
    prev = prev && out.nodes === prev.nodes && out.edges === prev.edges ? prev : out;
    return prev;
  };
}

/**
 * The nodes and links React Flow gets for window `win` (one call, no memory; the canvas keeps a
 * `createWindower`):
 * - a link is in when the box around its two ends' cards meets the window (React Flow's own test of
 *   whether a link is in view, so a long link crossing the view with both ends far away is in), when it
 *   is selected, or when one of its ends is in `keep.links`;
 * - a node is in when its card meets the window, when it is selected or in `keep.nodes`, when it is not
 *   a competency (lanes and collapsed domains: few, and the lane labels read them from React Flow), and
 *   when it is an end of a link that is in (React Flow draws a link only when it knows both ends).
 * Order follows `all`.
 */
export function windowFlow(all: FlowPart, win: FlowBox, keep: WindowKeep = {}): FlowPart {
  return createWindower()(all, win, keep);
}
