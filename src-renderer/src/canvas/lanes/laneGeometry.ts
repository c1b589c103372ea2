import { dropIndex, LANE_PAD, LANE_TOP_PAD, type DropIndex } from '../../../../src-core/layout/lanePlacement';
import type { Framework, Position } from '../../../../src-core/model/types';
import type { LaneOrientation } from '../../store/session';
import { collapsedSet } from '../../../../src-core/view/collapse';
import { NODE_H, NODE_W } from '../geometry';
import { foldLanes, type FoldedCard } from './foldedLanes';

export type LaneRect = {
  domainId: string;
  title: string;
  code: string;
  color: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /**
   * A collapsed domain's lane only (shrunk to its card, lanes/foldedLanes.ts): where the lanes it replaces were
   * across the flow (from, to; flow units), the space its competencies left. Zoomed far out, its header in the
   * strip grows into it (laneStrip.ts), as its card does.
   */
  room?: readonly [number, number];
};

// The room a lane leaves around its competencies (LANE_PAD) and before its first ones (LANE_TOP_PAD, top of
// a band or a column) are core's (layout/lanePlacement.ts), so a card placed in a lane there is inside the
// lane drawn here. The lane's name is not in the lane on the canvas (it is in the strip beside the map,
// LaneLabels): LANE_TOP_PAD is only what a whole-map image needs for the label it draws in each lane's
// top-left corner (dialogs/export/laneLabelsForExport.ts: 22 px tall, 6 px from the top) to clear the
// cards: 6 + 22 + 2.
export { LANE_PAD, LANE_TOP_PAD };
const PAD = LANE_PAD;

/** A lane's rectangle from the flow extent (along) and its domain's extent (across). */
function laneRect(base: Omit<LaneRect, 'x' | 'y' | 'width' | 'height'>, horizontal: boolean, flowMin: number, flowMax: number, b: { min: number; max: number }): LaneRect {
  return horizontal
    ? { ...base, x: flowMin - PAD, y: b.min - LANE_TOP_PAD, width: flowMax - flowMin + 2 * PAD, height: b.max - b.min + PAD + LANE_TOP_PAD }
    : { ...base, x: b.min - PAD, y: flowMin - LANE_TOP_PAD, width: b.max - b.min + 2 * PAD, height: flowMax - flowMin + PAD + LANE_TOP_PAD };
}

/** Where the competencies are: along the flow axis overall, and across it per domain. */
export interface LaneExtents {
  flowMin: number;
  flowMax: number;
  boxes: Map<string, { min: number; max: number }>;
}

function fold(ext: LaneExtents, p: Position, domainId: string | null | undefined, horizontal: boolean): void {
  const along = horizontal ? p.x : p.y;
  ext.flowMin = Math.min(ext.flowMin, along);
  ext.flowMax = Math.max(ext.flowMax, along + (horizontal ? NODE_W : NODE_H));
  if (!domainId) return;
  const across = horizontal ? p.y : p.x;
  const size = horizontal ? NODE_H : NODE_W;
  const b = ext.boxes.get(domainId);
  if (b) {
    b.min = Math.min(b.min, across);
    b.max = Math.max(b.max, across + size);
  } else ext.boxes.set(domainId, { min: across, max: across + size });
}

/**
 * The domain whose lane a dragged card is drawn in: the lane it joins if dropped where it is
 * (lanes/laneDrop.ts: another domain's lane under its centre), else its own. So while a card is dragged
 * into another lane, that lane takes it in and its own lane does not stretch over the others.
 */
function previewDomain(index: DropIndex | null, domainId: string | null, p: Position): string | null {
  if (!index) return domainId;
  const t = index.at({ x: p.x + NODE_W / 2, y: p.y + NODE_H / 2 }, domainId);
  return t.kind === 'move' ? t.domainId : domainId;
}

/**
 * The extents of every competency (`override` = positions of a drag in progress, each in its own domain's
 * lane; the live drag, {@link laneDrag}, draws a dragged card in the lane it would join).
 */
export function laneExtents(fw: Pick<Framework, 'competencies'>, orientation: LaneOrientation, override: Record<string, Position> | null = null): LaneExtents {
  const ext: LaneExtents = { flowMin: Infinity, flowMax: -Infinity, boxes: new Map() };
  const horizontal = orientation === 'horizontal';
  for (const c of Object.values(fw.competencies)) fold(ext, override?.[c.id] ?? c.position, c.domainId, horizontal);
  return ext;
}

/**
 * The extents with more competencies added (O(added + domains); the input is not changed): an
 * addition can only grow them, so a new competency does not need a pass over the map (perf).
 */
export function extendLaneExtents(ext: LaneExtents, orientation: LaneOrientation, added: readonly { position: Position; domainId: string | null }[]): LaneExtents {
  const next: LaneExtents = { flowMin: ext.flowMin, flowMax: ext.flowMax, boxes: new Map([...ext.boxes].map(([k, b]) => [k, { ...b }])) };
  for (const c of added) fold(next, c.position, c.domainId, orientation === 'horizontal');
  return next;
}

/**
 * Whether a competency at `p` lies strictly inside the extents (it defines none of their edges), so
 * that moving it away cannot shrink them: then the extents after a move are the old ones extended.
 */
export function insideLaneExtents(ext: LaneExtents, orientation: LaneOrientation, p: Position, domainId: string | null): boolean {
  const horizontal = orientation === 'horizontal';
  const along = horizontal ? p.x : p.y;
  if (!(ext.flowMin < along && along + (horizontal ? NODE_W : NODE_H) < ext.flowMax)) return false;
  if (!domainId) return true;
  const b = ext.boxes.get(domainId);
  const across = horizontal ? p.y : p.x;
  return b !== undefined && b.min < across && across + (horizontal ? NODE_H : NODE_W) < b.max;
}

/** The lanes of these extents, in domain order. */
export function lanesOf(domains: Framework['domains'], orientation: LaneOrientation, ext: LaneExtents): LaneRect[] {
  if (orientation === 'none' || domains.length === 0) return [];
  const { flowMin, flowMax, boxes } = ext;
  const out: LaneRect[] = [];
  for (const d of domains) {
    const b = boxes.get(d.id);
    if (!b) continue;
    out.push(laneRect({ domainId: d.id, title: d.title, code: d.code, color: d.color }, orientation === 'horizontal', flowMin, flowMax, b));
  }
  return out;
}

/**
 * One lane per domain that has competencies, in domain order: horizontal bands (prerequisites flow
 * left → right inside them) or vertical columns (top → bottom). A lane spans the whole drawing along
 * the flow axis and its domain's competencies across it.
 */
export function laneGeometry(
  fw: Pick<Framework, 'competencies' | 'domains'>,
  orientation: LaneOrientation,
  override: Record<string, Position> | null = null,
): LaneRect[] {
  if (orientation === 'none' || fw.domains.length === 0) return [];
  return lanesOf(fw.domains, orientation, laneExtents(fw, orientation, override));
}

/**
 * Lane geometry during a drag, in O(lanes + moving nodes × log lanes) per pointer move: the extents of
 * every competency that does not move are gathered once (`begin`), the moving ones are folded in per
 * move, each in the lane it would join if dropped there ({@link previewDomain}: that lane takes it in,
 * its own does not stretch over the others). `at(positions)` equals `laneGeometry(fw, orientation,
 * positions)` when `positions` holds the moving competencies (ids not in `moving` are ignored), each
 * moved into the domain a drop there gives it (core `dropTarget`).
 */
export function laneDrag(
  fw: Pick<Framework, 'competencies' | 'domains'>,
  orientation: LaneOrientation,
  moving: Iterable<string>,
  /** Collapsed domains (the session's): their lanes take no card, in the preview as at the drop (laneDrop). */
  collapsedDomains: readonly string[] = [],
  /** Their cards (collapse/applyCollapse.ts `foldedCards`): their lanes are drawn shrunk to them, as when still. */
  folded: readonly FoldedCard[] = [],
): { at(positions: Record<string, Position>): LaneRect[] } {
  const movingIds = new Set<string>();
  for (const id of moving) if (fw.competencies[id]) movingIds.add(id);
  const horizontal = orientation === 'horizontal';
  const alongSize = horizontal ? NODE_W : NODE_H;
  const acrossSize = horizontal ? NODE_H : NODE_W;
  const still = new Map<string, { min: number; max: number }>();
  let stillMin = Infinity;
  let stillMax = -Infinity;
  if (orientation !== 'none' && fw.domains.length > 0) {
    for (const c of Object.values(fw.competencies)) {
      if (movingIds.has(c.id)) continue;
      const along = horizontal ? c.position.x : c.position.y;
      stillMin = Math.min(stillMin, along);
      stillMax = Math.max(stillMax, along + alongSize);
      if (!c.domainId) continue;
      const across = horizontal ? c.position.y : c.position.x;
      const b = still.get(c.domainId);
      if (b) {
        b.min = Math.min(b.min, across);
        b.max = Math.max(b.max, across + acrossSize);
      } else still.set(c.domainId, { min: across, max: across + acrossSize });
    }
  }
  const index = orientation !== 'none' && fw.domains.length > 0 && movingIds.size ? dropIndex(still, fw.domains, orientation, collapsedSet(fw.domains, collapsedDomains)) : null;
  return {
    at(positions) {
      if (orientation === 'none' || fw.domains.length === 0) return [];
      let flowMin = stillMin;
      let flowMax = stillMax;
      const boxes = new Map<string, { min: number; max: number }>();
      for (const id of movingIds) {
        const c = fw.competencies[id]!;
        const p = positions[id] ?? c.position;
        const along = horizontal ? p.x : p.y;
        flowMin = Math.min(flowMin, along);
        flowMax = Math.max(flowMax, along + alongSize);
        const domainId = previewDomain(index, c.domainId, p);
        if (!domainId) continue;
        const across = horizontal ? p.y : p.x;
        const b = boxes.get(domainId) ?? { ...(still.get(domainId) ?? { min: Infinity, max: -Infinity }) };
        b.min = Math.min(b.min, across);
        b.max = Math.max(b.max, across + acrossSize);
        boxes.set(domainId, b);
      }
      const out: LaneRect[] = [];
      for (const d of fw.domains) {
        const b = boxes.get(d.id) ?? still.get(d.id);
        if (!b) continue;
        out.push(laneRect({ domainId: d.id, title: d.title, code: d.code, color: d.color }, horizontal, flowMin, flowMax, b));
      }
      return foldLanes(out, folded, horizontal ? 'horizontal' : 'vertical');
    },
  };
}
