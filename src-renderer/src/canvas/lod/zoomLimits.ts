import type { Framework } from '../../../../src-core/model/types';
import { NODE_H, NODE_W } from '../geometry';

/** The canvas's usual smallest zoom (a map that fits at it never zooms out further). */
export const MIN_ZOOM = 0.1;
/** Below this nothing is left to see, whatever the map's size. */
const FLOOR = 0.002;
/** Room for lane padding and fit-view padding around the competencies. */
const MARGIN = 0.7;

/**
 * The smallest zoom the canvas allows for a map: `MIN_ZOOM`, or, for a map too big to fit in the
 * canvas at `MIN_ZOOM` (a 2,500-competency map is some 60,000 px tall), just far enough out to see
 * it whole, so "Fit the whole map" fits it (zoomed that far out, large maps are drawn as the overview).
 */
export function minZoomFor(competencies: Framework['competencies'], view: { width: number; height: number }): number {
  if (!(view.width > 0 && view.height > 0)) return MIN_ZOOM;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const id in competencies) {
    const p = competencies[id]!.position;
    if (p.x < x0) x0 = p.x;
    if (p.y < y0) y0 = p.y;
    if (p.x > x1) x1 = p.x;
    if (p.y > y1) y1 = p.y;
  }
  if (x0 === Infinity) return MIN_ZOOM;
  const fit = Math.min(view.width / (x1 - x0 + NODE_W), view.height / (y1 - y0 + NODE_H)) * MARGIN;
  return Math.max(FLOOR, Math.min(MIN_ZOOM, fit));
}
