import type { Framework, Position } from '../../../../src-core/model/types';
import type { LaneOrientation } from '../../store/session';
import { NODE_H, NODE_W } from '../geometry';

export type LaneRect = {
  domainId: string;
  title: string;
  code: string;
  color: string;
  x: number;
  y: number;
  width: number;
  height: number;
};

const PAD = 24;
const LABEL = 34;

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
  const boxes = new Map<string, { min: number; max: number }>();
  let flowMin = Infinity;
  let flowMax = -Infinity;
  const horizontal = orientation === 'horizontal';
  for (const c of Object.values(fw.competencies)) {
    const p = override?.[c.id] ?? c.position;
    const along = horizontal ? p.x : p.y;
    flowMin = Math.min(flowMin, along);
    flowMax = Math.max(flowMax, along + (horizontal ? NODE_W : NODE_H));
    if (!c.domainId) continue;
    const across = horizontal ? p.y : p.x;
    const size = horizontal ? NODE_H : NODE_W;
    const b = boxes.get(c.domainId);
    if (b) {
      b.min = Math.min(b.min, across);
      b.max = Math.max(b.max, across + size);
    } else boxes.set(c.domainId, { min: across, max: across + size });
  }
  const out: LaneRect[] = [];
  for (const d of fw.domains) {
    const b = boxes.get(d.id);
    if (!b) continue;
    const base = { domainId: d.id, title: d.title, code: d.code, color: d.color };
    if (horizontal) {
      out.push({ ...base, x: flowMin - PAD, y: b.min - PAD - LABEL, width: flowMax - flowMin + 2 * PAD, height: b.max - b.min + 2 * PAD + LABEL });
    } else {
      out.push({ ...base, x: b.min - PAD, y: flowMin - PAD - LABEL, width: b.max - b.min + 2 * PAD, height: flowMax - flowMin + 2 * PAD + LABEL });
    }
  }
  return out;
}

let lastLanes: { competencies: object; domains: object; orientation: LaneOrientation; override: object | null; lanes: LaneRect[] } | null = null;

/**
 * `laneGeometry` remembered for the last (competencies, domains, orientation, override) — by identity,
 * as the store never mutates them — so the lane nodes and the lane labels share one pass over the map.
 */
export function laneGeometryCached(
  fw: Pick<Framework, 'competencies' | 'domains'>,
  orientation: LaneOrientation,
  override: Record<string, Position> | null = null,
): LaneRect[] {
  const c = lastLanes;
  if (c && c.competencies === fw.competencies && c.domains === fw.domains && c.orientation === orientation && c.override === override) return c.lanes;
  const lanes = laneGeometry(fw, orientation, override);
  lastLanes = { competencies: fw.competencies, domains: fw.domains, orientation, override, lanes };
  return lanes;
}

/**
 * Lane geometry during a drag, in O(lanes + moving nodes) per pointer move: the extents of every
 * competency that does not move are gathered once (`begin`), the moving ones are folded in per
 * move. `at(positions)` equals `laneGeometry(fw, orientation, positions)` when `positions` holds
 * the moving competencies (ids not in `moving` are ignored).
 */
export function laneDrag(
  fw: Pick<Framework, 'competencies' | 'domains'>,
  orientation: LaneOrientation,
  moving: Iterable<string>,
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
        if (!c.domainId) continue;
        const across = horizontal ? p.y : p.x;
        const b = boxes.get(c.domainId) ?? { ...(still.get(c.domainId) ?? { min: Infinity, max: -Infinity }) };
        b.min = Math.min(b.min, across);
        b.max = Math.max(b.max, across + acrossSize);
        boxes.set(c.domainId, b);
      }
      const out: LaneRect[] = [];
      for (const d of fw.domains) {
        const b = boxes.get(d.id) ?? still.get(d.id);
        if (!b) continue;
        const base = { domainId: d.id, title: d.title, code: d.code, color: d.color };
        if (horizontal) {
          out.push({ ...base, x: flowMin - PAD, y: b.min - PAD - LABEL, width: flowMax - flowMin + 2 * PAD, height: b.max - b.min + 2 * PAD + LABEL });
        } else {
          out.push({ ...base, x: b.min - PAD, y: flowMin - PAD - LABEL, width: b.max - b.min + 2 * PAD, height: flowMax - flowMin + 2 * PAD + LABEL });
        }
      }
      return out;
    },
  };
}
