/**
 * Two-finger pinch zoom, as a viewport: the fingers' midpoint keeps the point of the map it started on (so a
 * pinch that also drifts pans the map with it), and the zoom follows the fingers' spread, within the map's
 * limits. Pure (tested); useTwoFingerZoom applies it.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** The viewport for fingers now at `a`, `b` that started at `a0`, `b0` on viewport `start` (points in the pane's px). */
export function pinchViewport(start: Viewport, a0: Point, b0: Point, a: Point, b: Point, limits: { min: number; max: number }): Viewport {
  const d0 = Math.hypot(b0.x - a0.x, b0.y - a0.y);
  const d = Math.hypot(b.x - a.x, b.y - a.y);
  const ratio = d0 >= 1 && d >= 1 ? d / d0 : 1;
  const zoom = Math.min(limits.max, Math.max(limits.min, start.zoom * ratio));
  const m0 = { x: (a0.x + b0.x) / 2, y: (a0.y + b0.y) / 2 };
  const m = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  // the map point under the starting midpoint
  const fx = (m0.x - start.x) / start.zoom;
  const fy = (m0.y - start.y) / start.zoom;
  return { x: m.x - fx * zoom, y: m.y - fy * zoom, zoom };
}
