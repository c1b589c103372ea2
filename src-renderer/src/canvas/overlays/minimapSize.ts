/**
 * How big the minimap is: 168×112 px, or 112×75 on a small map pane — a Chromebook zoomed to 150 % with a side
 * panel open leaves the map about 340×480 px, and the full-size minimap covered a sixth of it (fitting the map clear
 * of it shrank the map into the rest). Two fixed sizes, so a window resized a little does not redraw it. Pure.
 */
export interface MinimapSize {
  width: number;
  height: number;
}

export const MINIMAP_FULL: MinimapSize = { width: 168, height: 112 };
export const MINIMAP_SMALL: MinimapSize = { width: 112, height: 75 };

/** The pane is small below this width or height (px). */
const SMALL_W = 480;
const SMALL_H = 400;

export function minimapSize(pane: { width: number; height: number }): MinimapSize {
  // before the pane is measured (0 × 0) it has the usual size
  if (!pane.width || !pane.height) return MINIMAP_FULL;
  return pane.width < SMALL_W || pane.height < SMALL_H ? MINIMAP_SMALL : MINIMAP_FULL;
}
