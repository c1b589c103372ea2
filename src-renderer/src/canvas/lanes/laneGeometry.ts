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
