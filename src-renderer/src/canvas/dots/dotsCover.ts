/** Spacing of the canvas's background dots, in flow units (React Flow's `<Background gap>` it replaces). */
export const DOT_GAP = 24;
/** Diameter of a dot, in flow units (`<Background size>`): 1.2 px at zoom 1. */
export const DOT_SIZE = 1.2;
/**
 * Below this zoom no dots are drawn: React Flow's pattern had them 2.4 px apart and 0.12 px across there, a
 * flat tint nobody sees as dots; and the area to cover (a few views each way, in flow units) grows as the
 * zoom shrinks.
 */
export const DOTS_MIN_ZOOM = 0.1;

/** A rectangle in flow units. */
export interface Cover {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The flow rectangle the background dots cover for a view (transform `tx, ty, zoom`, pane `width × height`
 * screen px): whole blocks of `DOT_GAP × 2ⁿ` flow units, the smallest such block at least as large as the
 * view's longer side, from one block before the view to one block after it on both axes. So the view is
 * covered with at least one view's width and height to spare on every side: a pan stays inside the cover
 * (it moves with the map, nothing repainted) until the view crosses a block edge, and a zoom changes it only
 * when the view's size crosses a power of two. Block edges are multiples of `DOT_GAP`, so the dots stay at the
 * same flow positions whatever the cover. Null below {@link DOTS_MIN_ZOOM} or for a pane not laid out yet.
 */
export function dotsCover(tx: number, ty: number, zoom: number, width: number, height: number): Cover | null {
  if (!(zoom >= DOTS_MIN_ZOOM) || !(width > 0) || !(height > 0) || !Number.isFinite(tx) || !Number.isFinite(ty)) return null;
  const w = width / zoom;
  const h = height / zoom;
  const block = DOT_GAP * 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(w, h) / DOT_GAP)));
  const x0 = -tx / zoom;
  const y0 = -ty / zoom;
  const bx0 = Math.floor(x0 / block) - 1;
  const by0 = Math.floor(y0 / block) - 1;
  const bx1 = Math.floor((x0 + w) / block) + 2;
  const by1 = Math.floor((y0 + h) / block) + 2;
  return { x: bx0 * block, y: by0 * block, width: (bx1 - bx0) * block, height: (by1 - by0) * block };
}
