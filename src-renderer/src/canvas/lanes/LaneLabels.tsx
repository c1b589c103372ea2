import { useStore as useFlowStore, useViewport, type ReactFlowState } from '@xyflow/react';
import { useCallback, useSyncExternalStore } from 'react';
import { useEditor } from '../../store/useEditor';
import { collapsedNodeId } from '../../../../src-core/view/collapse';
import type { CollapsedDomainNode } from '../collapse/applyCollapse';
import { CollapseToggle } from '../collapse/CollapseControls';
import { collapsedCardScale, collapsedDomainRect } from '../collapse/CollapsedDomainNode';
import { getDragLanes, subscribeDragLanes } from '../drag/liveDrag';
import type { LaneNodeData } from '../flowModel';
import type { LaneRect } from './laneGeometry';

const LABEL_H = 26;

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
  if (!lanes.length) return null;
  // zoomed far out, a collapsed domain's enlarged card names it and expands it: its lane needs no label
  // (not so on the zoomed-out overview of a big map: it paints the collapsed domains, React Flow has no cards)
  const foldedIds = collapsedCardScale(zoom) > 1 && folded && cardNodes.length > 0 ? new Set(folded.trim().split(' ')) : null;
  // collapsed domains' cards on screen (enlarged when zoomed out): a collapsed domain's label never covers one (the
  // card names the domain and expands it); an expanded domain keeps its label, the only place to collapse it from
  const collapsedLanes = folded ? new Set(folded.trim().split(' ')) : null;
  const cards: { left: number; top: number; right: number; bottom: number }[] = [];
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
    const x = orientation === 'horizontal' ? Math.max(left, 0) + 8 : left + 8;
    const y = orientation === 'horizontal' ? Math.min(Math.max(top, 0), bottom - LABEL_H) + 6 : Math.max(top, 0) + 6;
    const maxWidth = orientation === 'horizontal' ? Math.max(0, Math.min(right, width) - x - 8) : Math.max(0, l.width * zoom - 16);
    if (maxWidth < 40) continue;
    if (collapsedLanes?.has(l.domainId) && cards.some((c) => c.left < x + maxWidth && x < c.right && c.top < y + LABEL_H && y < c.bottom)) continue;
    placed.push({ item: l, x, y, width: maxWidth, extent: orientation === 'horizontal' ? bottom - top : right - left });
  }
  return (
    <div className="lane-labels">
      {labelsApart(placed).map(({ item: l, x, y, width: maxWidth }) => (
        <div key={l.domainId} className="lane-label" style={{ transform: `translate(${x}px, ${y}px)`, maxWidth, '--domain': l.color } as React.CSSProperties}>
          <CollapseToggle domainId={l.domainId} title={l.title} />
          {l.code && <span className="lane-code" aria-hidden>{l.code}</span>}
          <span className="lane-label-title" aria-hidden>{l.title}</span>
        </div>
      ))}
    </div>
  );
}

/** A lane label where it would be drawn (screen px): its box is `x … x + width` by `y … y + LABEL_H`. */
export interface PlacedLabel<T> {
  item: T;
  x: number;
  y: number;
  width: number;
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
