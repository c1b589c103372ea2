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

/** `next` when its items differ from `prev`'s, else `prev` (React Flow then adopts nothing new). */
function same<T>(prev: T[] | undefined, next: T[]): T[] {
  if (!prev || prev.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (prev[i] !== next[i]) return next;
  return prev;
}

/** How far ahead in the previous link array a link that moved up is looked for (links removed before it). */
const LOOKAHEAD = 8;

/**
 * A windower with memory: `(all, win, keep)` → the part of the flow React Flow gets (see `windowFlow`).
 * The work follows what changed, and what is done per item is arithmetic on typed arrays aligned with
 * the node and link arrays (no map lookup per node or link):
 * - node boxes (`nb`, 4 numbers per node) are updated in place for the node objects that changed (a
 *   selection, an edit), rebuilt only when nodes come, go or change order;
 * - the box around each link's two cards (`eb`) is kept per link object: a new link array (a link
 *   edit, its undo) is walked in step with the previous one, so only new link objects are looked up;
 *   every link is looked up again only when a card's box changed;
 * - which links and nodes are in is then one pass of comparisons with the window.
 * Unchanged results come back as the same arrays.
 */
export function createWindower(): (all: FlowPart, win: FlowBox, keep?: WindowKeep) => FlowPart {
  let boxNodes: readonly FlowNode[] | null = null;
  /** Index of each node in `boxNodes`. */
  const at = new Map<string, number>();
  /** Node boxes, aligned with `boxNodes`: x0, y0, x1, y1. */
  let nb = new Float64Array(0);
  let boxVersion = 0;
  /** The link array `eb` is aligned with, and the box version it was computed for. */
  let boxEdges: readonly Edge[] = [];
  let edgeVersion = -1;
  /** Boxes around each link's two cards (NaN when a card is unknown: React Flow could not draw it). */
  let eb = new Float64Array(0);
  let linkPart: { edges: readonly Edge[]; win: FlowBox; version: number; keepKey: string; out: Edge[]; ends: Set<string> } | null = null;
  let nodePart: { nodes: readonly FlowNode[]; win: FlowBox; version: number; ends: Set<string>; keepNodes: ReadonlySet<string> | undefined; out: FlowNode[] } | null = null;
  let prev: FlowPart | undefined;

  const setBox = (i: number, n: FlowNode) => {
    const w = n.width ?? n.measured?.width ?? NODE_W;
    const h = n.height ?? n.measured?.height ?? NODE_H;
    nb[4 * i] = n.position.x;
    nb[4 * i + 1] = n.position.y;
    nb[4 * i + 2] = n.position.x + w;
    nb[4 * i + 3] = n.position.y + h;
  };

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
        const x0 = nb[4 * i];
        const y0 = nb[4 * i + 1];
        const x1 = nb[4 * i + 2];
        const y1 = nb[4 * i + 3];
        setBox(i, n);
        if (x0 !== nb[4 * i] || y0 !== nb[4 * i + 1] || x1 !== nb[4 * i + 2] || y1 !== nb[4 * i + 3]) changed = true;
      }
    }
    if (rebuild) {
      at.clear();
      nb = new Float64Array(4 * nodes.length);
      for (let i = 0; i < nodes.length; i++) {
        at.set(nodes[i]!.id, i);
        setBox(i, nodes[i]!);
      }
      changed = true;
    }
    if (changed) boxVersion++;
    boxNodes = nodes;
  };

  /** Box `k` of `out` around link `e`'s two cards. */
  const linkBox = (out: Float64Array, k: number, e: Edge) => {
    const a = at.get(e.source);
    const b = at.get(e.target);
    if (a === undefined || b === undefined) {
      out[4 * k] = Number.NaN;
      return;
    }
    out[4 * k] = Math.min(nb[4 * a]!, nb[4 * b]!);
    out[4 * k + 1] = Math.min(nb[4 * a + 1]!, nb[4 * b + 1]!);
    out[4 * k + 2] = Math.max(nb[4 * a + 2]!, nb[4 * b + 2]!);
    out[4 * k + 3] = Math.max(nb[4 * a + 3]!, nb[4 * b + 3]!);
  };

  /** Brings `eb` in line with `edges` (see `createWindower`). */
  const updateLinkBoxes = (edges: readonly Edge[]) => {
    if (boxEdges === edges && edgeVersion === boxVersion) return;
    const next = new Float64Array(4 * edges.length);
    if (edgeVersion !== boxVersion) {
      for (let i = 0; i < edges.length; i++) linkBox(next, i, edges[i]!);
    } else {
      // the same cards: a link object seen before keeps its box
      const old = boxEdges;
      let index: Map<Edge, number> | null = null;
      let j = 0;
      for (let i = 0; i < edges.length; i++) {
        const e = edges[i]!;
        let k = -1;
        if (old[j] === e) k = j;
        else if (j < old.length && old[j]!.id !== e.id) {
          for (let d = 1; d <= LOOKAHEAD && j + d < old.length; d++) {
            if (old[j + d] === e) {
              k = j + d;
              break;
            }
          }
          if (k < 0) {
            if (!index) {
              index = new Map();
              for (let m = 0; m < old.length; m++) index.set(old[m]!, m);
            }
            k = index.get(e) ?? -1;
          }
        }
        if (k < 0) {
          // a new link (added at the end), or one replaced in place (reconnected, selected)
          linkBox(next, i, e);
          if (old[j]?.id === e.id) j++;
        } else {
          next[4 * i] = eb[4 * k]!;
          next[4 * i + 1] = eb[4 * k + 1]!;
          next[4 * i + 2] = eb[4 * k + 2]!;
          next[4 * i + 3] = eb[4 * k + 3]!;
          j = k + 1;
        }
      }
    }
    eb = next;
    boxEdges = edges;
    edgeVersion = boxVersion;
  };

  return (all, win, keep = {}) => {
    updateBoxes(all.nodes);
    const keepLinks = keep.links;
    const keepKey = keepLinks?.size ? [...keepLinks].sort().join('\n') : '';
    if (!linkPart || linkPart.edges !== all.edges || linkPart.win !== win || linkPart.version !== boxVersion || linkPart.keepKey !== keepKey) {
      updateLinkBoxes(all.edges);
      const ends = new Set<string>();
      const out: Edge[] = [];
      const edges = all.edges;
      for (let i = 0; i < edges.length; i++) {
        const e = edges[i]!;
        let use = e.selected === true || (keepKey !== '' && (keepLinks!.has(e.source) || keepLinks!.has(e.target)));
        if (!use) {
          const x0 = eb[4 * i]!;
          if (x0 !== x0) continue; // NaN: React Flow could not draw it either
          use = x0 <= win.x1 && eb[4 * i + 2]! >= win.x0 && eb[4 * i + 1]! <= win.y1 && eb[4 * i + 3]! >= win.y0;
        }
        if (!use) continue;
        out.push(e);
        ends.add(e.source);
        ends.add(e.target);
      }
      linkPart = { edges: all.edges, win, version: boxVersion, keepKey, out: same(linkPart?.out, out), ends: linkPart && sameSet(linkPart.ends, ends) ? linkPart.ends : ends };
    }
    const { ends } = linkPart;
    const keepNodes = keep.nodes;
    let np = nodePart;
    if (!np || np.nodes !== all.nodes || np.win !== win || np.version !== boxVersion || np.ends !== ends || !sameSet(np.keepNodes, keepNodes)) {
      const nodes: FlowNode[] = [];
      const ns = all.nodes;
      for (let i = 0; i < ns.length; i++) {
        const n = ns[i]!;
        if (n.type !== 'competency' || n.selected || (nb[4 * i]! <= win.x1 && nb[4 * i + 2]! >= win.x0 && nb[4 * i + 1]! <= win.y1 && nb[4 * i + 3]! >= win.y0)) nodes.push(n);
      }
      // ends of links that are in and kept nodes, wherever they are: looked up, not tested one node at a time
      const extra = new Set<number>();
      for (const id of ends) {
        const i = at.get(id);
        if (i !== undefined) extra.add(i);
      }
      if (keepNodes) for (const id of keepNodes) {
        const i = at.get(id);
        if (i !== undefined) extra.add(i);
      }
      np = nodePart = { nodes: all.nodes, win, version: boxVersion, ends, keepNodes, out: mergeIn(nodes, extra, ns, win) };
    }
    const out = { nodes: same(prev?.nodes, np.out), edges: same(prev?.edges, linkPart.out) };
    prev = prev && out.nodes === prev.nodes && out.edges === prev.edges ? prev : out;
    return prev;

    /** `inWin` (the nodes in by themselves, in order) with the nodes at indices `extra` that are not, in `all`'s order. */
    function mergeIn(inWin: FlowNode[], extra: Set<number>, ns: readonly FlowNode[], w: FlowBox): FlowNode[] {
      const add: number[] = [];
      for (const i of extra) {
        const n = ns[i]!;
        const self = n.type !== 'competency' || n.selected || (nb[4 * i]! <= w.x1 && nb[4 * i + 2]! >= w.x0 && nb[4 * i + 1]! <= w.y1 && nb[4 * i + 3]! >= w.y0);
        if (!self) add.push(i);
      }
      if (!add.length) return inWin;
      add.sort((a, b) => a - b);
      const merged: FlowNode[] = [];
      let a = 0;
      let k = 0;
      for (let i = 0; i < ns.length && (a < add.length || k < inWin.length); i++) {
        const n = ns[i]!;
        if (a < add.length && add[a] === i) {
          merged.push(n);
          a++;
        } else if (k < inWin.length && inWin[k] === n) {
          merged.push(n);
          k++;
        }
      }
      return merged;
    }
  };
}

function sameSet(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
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
