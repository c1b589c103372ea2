import { useStore as useFlowStore, useViewport, type Node, type ReactFlowState } from '@xyflow/react';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useEditor } from '../../store/useEditor';
import { collapsedNodeId } from '../../../../src-core/view/collapse';
import type { CollapsedDomainNode } from '../collapse/applyCollapse';
import { CollapseToggle } from '../collapse/CollapseControls';
import { collapsedCardScale, collapsedDomainRect } from '../collapse/CollapsedDomainNode';
import { getDragLanes, subscribeDragLanes } from '../drag/liveDrag';
import type { LaneNodeData } from '../flowModel';
import { NODE_H, NODE_W } from '../geometry';
import type { LaneRect } from './laneGeometry';

/** The room a label takes across its lane (its 22 px box and the space kept around it). */
const LABEL_H = 26;
/** A label's box height on screen (`.lane-label` in app.css). */
const LABEL_BOX_H = 22;
/** Pixels kept clear between a label and a card. */
const CLEAR = 3;
/** The narrowest label drawn: the collapse chevron and the start of the code. */
const MIN_LABEL_W = 40;
/** A gap showing this much less of a label than the best one, but nearer the lane's start, is taken first. */
const NEAR_ENOUGH = 40;
/** Cards less high than this on screen are specks (a big map zoomed far out): labels may lie on them. */
const MIN_CARD_PX = 10;

const selectNodes = (s: ReactFlowState) => s.nodes;

/**
 * Domain names pinned to the visible edge of their lane: a lane's name stays readable however far
 * the map is panned or zoomed out (the lane itself is drawn by LaneNode behind the competencies).
 * The lanes are read from React Flow's own lane nodes, so the labels follow exactly what is drawn;
 * while a drag grows a lane, from the drag (drag/liveDrag.ts draws it without a React Flow render).
 */
export function LaneLabels() {
  const domains = useEditor((s) => s.doc.framework.domains);
  const orientation = useEditor((s) => s.session.laneOrientation);
  const select = useCallback(
    (s: ReactFlowState) => {
      const out: LaneNodeData[] = [];
      for (const d of domains) {
        const n = s.nodeLookup.get(`lane:${d.id}`);
        if (n?.type === 'lane' && !n.hidden) out.push(n.data as LaneNodeData);
      }
      return out;
    },
    [domains],
  );
  const flowLanes = useFlowStore(select, sameItems);
  const selectCards = useCallback(
    (s: ReactFlowState) => {
      const out: CollapsedDomainNode[] = [];
      for (const d of domains) {
        const n = s.nodeLookup.get(collapsedNodeId(d.id));
        if (n?.type === 'collapsedDomain' && !n.hidden) out.push(n.internals.userNode as CollapsedDomainNode);
      }
      return out;
    },
    [domains],
  );
  const cardNodes = useFlowStore(selectCards, sameItems);
  /** the lanes of collapsed domains, as one string (a primitive: compared by value) */
  const selectFolded = useCallback(
    (s: ReactFlowState) => {
      let key = '';
      for (const d of domains) if (s.nodeLookup.get(`lane:${d.id}`)?.className === 'lane-collapsed') key += `${d.id} `;
      return key;
    },
    [domains],
  );
  const folded = useFlowStore(selectFolded);
  const dragLanes = useSyncExternalStore(subscribeDragLanes, getDragLanes);
  const lanes: readonly LaneRect[] = dragLanes ?? flowLanes;
  const { x: vx, y: vy, zoom } = useViewport();
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const flowNodes = useFlowStore(selectNodes);
  const competencyBoxes = useMemo(() => competencyFlowBoxes(flowNodes), [flowNodes]);
  if (!lanes.length) return null;
  // zoomed far out, a collapsed domain's enlarged card names it and expands it: its lane needs no label
  // (not so on the zoomed-out overview of a big map: it paints the collapsed domains, React Flow has no cards)
  const foldedIds = collapsedCardScale(zoom) > 1 && folded && cardNodes.length > 0 ? new Set(folded.trim().split(' ')) : null;
  // The cards on screen a label must not lie on: the competencies (also those the overview paints) and the
  // collapsed domains' cards (enlarged when zoomed out). Cards smaller than a readable speck are not in the
  // way: zoomed far out on a big map the lanes are solid with them, and the labels name the lanes over them.
  const cards: ScreenBox[] = [];
  if (NODE_H * zoom >= MIN_CARD_PX) {
    for (let i = 0; i < competencyBoxes.length; i += 4) {
      const left = competencyBoxes[i]! * zoom + vx;
      const top = competencyBoxes[i + 1]! * zoom + vy;
      const right = competencyBoxes[i + 2]! * zoom + vx;
      const bottom = competencyBoxes[i + 3]! * zoom + vy;
      if (right > 0 && bottom > 0 && left < width && top < height) cards.push({ left, top, right, bottom });
    }
  }
  for (const n of cardNodes) {
    const r = collapsedDomainRect(n, zoom);
    cards.push({ left: r.x0 * zoom + vx, top: r.y0 * zoom + vy, right: r.x1 * zoom + vx, bottom: r.y1 * zoom + vy });
  }
  const placed: PlacedLabel<LaneRect>[] = [];
  for (const l of lanes) {
    const left = l.x * zoom + vx;
    const top = l.y * zoom + vy;
    const right = left + l.width * zoom;
    const bottom = top + l.height * zoom;
    if (right < 0 || bottom < 0 || left > width || top > height || foldedIds?.has(l.domainId)) continue;
    const spot = labelSpot({ left, top, right, bottom }, { width, height }, orientation === 'vertical' ? 'vertical' : 'horizontal', labelWidth(l.code, l.title), cards);
    if (!spot) continue;
    placed.push({ item: l, x: spot.x, y: spot.y, width: spot.width, room: spot.room, extent: orientation === 'horizontal' ? bottom - top : right - left });
  }
  return (
    <div className="lane-labels">
      {labelsApart(placed).map(({ item: l, x, y, width, room }) => (
        <div key={l.domainId} className="lane-label" style={{ transform: `translate(${x}px, ${y}px)`, maxWidth: room ?? width, '--domain': l.color } as React.CSSProperties}>
          <CollapseToggle domainId={l.domainId} title={l.title} />
          {l.code && <span className="lane-code" aria-hidden>{l.code}</span>}
          <span className="lane-label-title" aria-hidden>{l.title}</span>
        </div>
      ))}
    </div>
  );
}

/** A box on screen (px, relative to the canvas). */
export interface ScreenBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The free stretches of `start … end` between the `blocked` intervals (which may overlap, in any order). */
export function freeStretches(start: number, end: number, blocked: [number, number][]): { start: number; length: number }[] {
  blocked.sort((a, b) => a[0] - b[0]);
  const out: { start: number; length: number }[] = [];
  let at = start;
  for (const [a, b] of blocked) {
    if (at >= end) break;
    if (a > at) out.push({ start: at, length: Math.min(a, end) - at });
    at = Math.max(at, b);
  }
  if (at < end) out.push({ start: at, length: end - at });
  return out;
}

/**
 * Where a lane's label is drawn (screen px) so that it lies on no card: at the start of the lane (pinned
 * to the visible edge when the lane starts off screen); else a band's label moves right to the first gap
 * between the cards that holds the whole label, else to the one that shows the most of it (its title
 * ellipsed; the earliest of those showing about as much); a column's label goes just above the column
 * when there is room, else down the column to the first gap. `natural`: the label's full width; `cards`:
 * the cards on screen. `width` is the width expected, `room` the room it may take (its max-width); null
 * when no gap holds even a short label (it comes back as the view zooms in and the lane's header grows).
 */
export function labelSpot(
  lane: ScreenBox,
  view: { width: number; height: number },
  orientation: 'horizontal' | 'vertical',
  natural: number,
  cards: readonly ScreenBox[],
): { x: number; y: number; width: number; room: number } | null {
  if (orientation === 'horizontal') {
    const y = Math.min(Math.max(lane.top, 0), lane.bottom - LABEL_H) + 6;
    const start = Math.max(lane.left, 0) + 8;
    const end = Math.min(lane.right, view.width) - 8;
    if (end - start < MIN_LABEL_W) return null;
    const blocked: [number, number][] = [];
    for (const c of cards) {
      if (c.top < y + LABEL_BOX_H + CLEAR && c.bottom > y - CLEAR && c.right + CLEAR > start && c.left - CLEAR < end) blocked.push([c.left - CLEAR, c.right + CLEAR]);
    }
    const gap = pickGap(freeStretches(start, end, blocked), natural);
    return gap && { x: gap.start, y, width: Math.min(natural, gap.length), room: gap.length };
  }
  const x = lane.left + 8;
  const room = lane.right - lane.left - 16;
  if (room < MIN_LABEL_W) return null;
  const width = Math.min(natural, room);
  // what it may take (its max-width): a few pixels more than measured, never more than the column
  const take = Math.min(room, width + 8);
  const start = Math.max(lane.top, 0) + 6;
  const end = Math.min(lane.bottom, view.height) - 6;
  const blocked: [number, number][] = [];
  for (const c of cards) {
    if (c.left < x + take + CLEAR && c.right > x - CLEAR && c.bottom + CLEAR > start && c.top - CLEAR < end) blocked.push([c.top - CLEAR, c.bottom + CLEAR]);
  }
  const gaps = freeStretches(start, end, blocked);
  if (gaps[0]?.start === start && gaps[0].length >= LABEL_BOX_H) return { x, y: start, width, room: take };
  // the column's head is taken by a card: the label heads the column from just above it, where the fitted
  // view leaves a margin, else it moves down the column to the first gap
  const above = lane.top - LABEL_BOX_H - 4;
  if (above >= 2 && !cards.some((c) => c.left < x + take + CLEAR && c.right > x - CLEAR && c.top < above + LABEL_BOX_H + CLEAR && c.bottom > above - CLEAR)) {
    return { x, y: above, width, room: take };
  }
  const gap = gaps.find((g) => g.length >= LABEL_BOX_H);
  return gap ? { x, y: gap.start, width, room: take } : null;
}

function pickGap(gaps: readonly { start: number; length: number }[], natural: number): { start: number; length: number } | null {
  let most = 0;
  for (const g of gaps) most = Math.max(most, Math.min(g.length, natural));
  if (most < MIN_LABEL_W) return null;
  return gaps.find((g) => Math.min(g.length, natural) >= Math.max(MIN_LABEL_W, most - NEAR_ENOUGH)) ?? null;
}

/** The competency cards among React Flow's nodes (also those hidden for the overview, which paints them), as flow boxes x0, y0, x1, y1. */
function competencyFlowBoxes(nodes: readonly Node[]): Float64Array {
  let n = 0;
  for (const node of nodes) if (node.type === 'competency') n++;
  const out = new Float64Array(n * 4);
  let i = 0;
  for (const node of nodes) {
    if (node.type !== 'competency') continue;
    out[i++] = node.position.x;
    out[i++] = node.position.y;
    out[i++] = node.position.x + (node.width ?? NODE_W);
    out[i++] = node.position.y + (node.height ?? NODE_H);
  }
  return out;
}

const widths = new Map<string, number>();
let measure: CanvasRenderingContext2D | null | undefined;

/** A label's full width on screen (px): chevron, code chip and title in `.lane-label`'s fonts (app.css). */
function labelWidth(code: string, title: string): number {
  const key = `${code}\u0000${title}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  if (measure === undefined) measure = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  let w: number;
  if (measure) {
    const css = getComputedStyle(document.documentElement);
    measure.font = `700 11.5px ${css.getPropertyValue('--font') || 'sans-serif'}`;
    const titleW = measure.measureText(title).width;
    measure.font = `700 10.5px ${css.getPropertyValue('--mono') || 'monospace'}`;
    const codeW = code ? measure.measureText(code).width + 12 + 7 : 0;
    // padding 4 + chevron 17 + gap 7 + code chip and gap + title + padding 9, and a pixel or two of rounding
    w = Math.ceil(4 + 17 + 7 + codeW + titleW + 9 + 2);
  } else w = 40 + (code.length + title.length) * 7;
  widths.set(key, w);
  return w;
}

/** A lane label where it would be drawn (screen px): its box is `x … x + width` by `y … y + LABEL_H`. */
export interface PlacedLabel<T> {
  item: T;
  x: number;
  y: number;
  width: number;
  /** The room it may take (its `max-width`; at least `width`): `width` is its expected size. */
  room?: number;
  /** The lane's size across the lanes on screen: wider lanes keep their label first. */
  extent: number;
}

/**
 * The labels that do not overlap one another, in their given order. Zoomed far out, lanes thinner than a
 * label would stack their labels on top of each other (a 10,000-competency map has 25 lanes in a few
 * hundred pixels): a label is kept when it overlaps no label of a wider lane (ties: the earlier lane);
 * the others come back as the view zooms in. O(labels²); labels are the lanes on screen.
 */
export function labelsApart<T>(labels: readonly PlacedLabel<T>[]): PlacedLabel<T>[] {
  const order = labels.map((_, i) => i).sort((a, b) => labels[b]!.extent - labels[a]!.extent || a - b);
  const keep = new Uint8Array(labels.length);
  const kept: PlacedLabel<T>[] = [];
  // a few pixels of two labels' padding may touch
  const h = LABEL_H - 4;
  for (const i of order) {
    const p = labels[i]!;
    if (kept.some((q) => q.x < p.x + p.width && p.x < q.x + q.width && q.y < p.y + h && p.y < q.y + h)) continue;
    kept.push(p);
    keep[i] = 1;
  }
  return labels.filter((_, i) => keep[i] === 1);
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
