import type { Framework, Position } from '../../../../src-core/model/types';
import { NODE_H, NODE_W } from '../geometry';
import { blockScreenRect } from './overviewScene';

/** A rectangle in flow coordinates. */
export interface FlowRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The competencies a box selection drawn over the overview takes: those whose card the rectangle
 * touches (React Flow's partial selection mode, which the canvas uses), leaving out the ones hidden in a
 * collapsed domain. In the overview React Flow's own box selection finds nothing (its nodes are hidden
 * there), so the canvas asks this instead. In document order.
 */
export function competenciesInRect(
  competencies: Framework['competencies'],
  rect: FlowRect,
  hidden?: ReadonlyMap<string, unknown> | null,
  positions?: Readonly<Record<string, Position>> | null,
): string[] {
  const x1 = rect.x + rect.width;
  const y1 = rect.y + rect.height;
  const out: string[] = [];
  for (const id in competencies) {
    if (hidden?.has(id)) continue;
    const p = positions?.[id] ?? competencies[id]!.position;
    if (p.x < x1 && p.x + NODE_W > rect.x && p.y < y1 && p.y + NODE_H > rect.y) out.push(id);
  }
  return out;
}

/** A React Flow selection rectangle (pane pixels) in flow coordinates, for the viewport `transform`. */
export function flowRectOf(rect: { x: number; y: number; width: number; height: number }, transform: readonly [number, number, number]): FlowRect {
  const [tx, ty, k] = transform;
  return { x: (rect.x - tx) / k, y: (rect.y - ty) / k, width: rect.width / k, height: rect.height / k };
}

/**
 * The collapsed domain whose painted block is under pane point `at` (pixels) at viewport `transform`, or
 * null: what a double-click on the overview expands (its blocks are paint, not React Flow nodes). The
 * block painted last wins where blocks overlap. `size` is a collapsed node's flow size.
 */
export function collapsedDomainAt(
  groups: readonly { domainId: string; position: Position }[],
  at: { x: number; y: number },
  transform: readonly [number, number, number],
  size: { w: number; h: number },
): string | null {
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    const r = blockScreenRect({ x: g.position.x, y: g.position.y, w: size.w, h: size.h }, transform);
    if (at.x >= r.x && at.x <= r.x + r.w && at.y >= r.y && at.y <= r.y + r.h) return g.domainId;
  }
  return null;
}
