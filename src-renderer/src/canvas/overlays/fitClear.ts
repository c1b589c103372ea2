import { getViewportForBounds, type Viewport } from '@xyflow/react';
import type { FlowNode } from '../flowModel';
import { fitBounds } from '../window/fitWhole';

/** A box on the canvas, in px from the canvas's top-left corner. */
export interface PaneBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Pixels kept between a card and an overlay after a fit. */
const GAP = 8;

/** Fit options as `viewportToFit` (window/fitWhole.ts) takes them. */
export interface FitOptions {
  padding: number;
  minZoom: number;
  maxZoom: number;
}

/**
 * The fitted viewport `fitted` (the whole map, or `ids` only, as `viewportToFit` framed it) moved so that
 * no card lies under an overlay of the canvas (the minimap, the zoom buttons, the lock badge): when one
 * would, each overlay's side of the canvas is kept free of the map — along the top or bottom edge, or
 * along the left or right edge, whichever combination keeps the map largest (React Flow's per-side
 * padding: the map is centred, and moved or shrunk only as far as a side needs). Lanes may run under an
 * overlay, cards not. `fitted` itself when no card is under one, or when no choice keeps every card clear
 * (the map is at its minimum zoom): then the one that leaves the fewest under.
 */
export function clearOfOverlays(
  fitted: Viewport,
  nodes: readonly FlowNode[],
  size: { width: number; height: number },
  overlays: readonly PaneBox[],
  opts: FitOptions,
  ids?: ReadonlySet<string> | null,
  sizeOf?: (id: string) => { width?: number; height?: number } | undefined,
): Viewport {
  const { width, height } = size;
  const zones = overlays.filter((o) => o.right > 0 && o.bottom > 0 && o.left < width && o.top < height && o.right > o.left && o.bottom > o.top);
  if (!zones.length) return fitted;
  const cards: number[] = [];
  const bounds = fitBounds(nodes, ids, sizeOf, (n, w, h) => {
    if (n.type !== 'lane') cards.push(n.position.x, n.position.y, n.position.x + w, n.position.y + h);
  });
  if (!bounds) return fitted;
  /** how many cards lie under an overlay at viewport `vp` */
  const covered = (vp: Viewport): number => {
    let count = 0;
    for (let i = 0; i < cards.length; i += 4) {
      const l = cards[i]! * vp.zoom + vp.x;
      const t = cards[i + 1]! * vp.zoom + vp.y;
      const r = cards[i + 2]! * vp.zoom + vp.x;
      const b = cards[i + 3]! * vp.zoom + vp.y;
      if (zones.some((o) => l < o.right + GAP && o.left - GAP < r && t < o.bottom + GAP && o.top - GAP < b)) count++;
    }
    return count;
  };
  if (covered(fitted) === 0) return fitted;
  // the padding `viewportToFit` used, in px per side (React Flow's reading of a fraction)
  const px = Math.floor((width - width / (1 + opts.padding)) * 0.5);
  const py = Math.floor((height - height / (1 + opts.padding)) * 0.5);
  // each overlay keeps its side free: across the canvas (a band along the top or bottom) or down it (a
  // band along the left or right); every combination (overlays are a few), the largest map wins
  const n = Math.min(zones.length, 4);
  let best: { vp: Viewport; under: number } = { vp: fitted, under: covered(fitted) };
  for (let mask = 0; mask < 1 << n; mask++) {
    const pad = { top: py, bottom: py, left: px, right: px };
    zones.forEach((o, i) => {
      const across = i < n && (mask & (1 << i)) !== 0;
      if (across) {
        if (o.left + o.right > width) pad.right = Math.max(pad.right, width - o.left + GAP);
        else pad.left = Math.max(pad.left, o.right + GAP);
      } else if (o.top + o.bottom > height) pad.bottom = Math.max(pad.bottom, height - o.top + GAP);
      else pad.top = Math.max(pad.top, o.bottom + GAP);
    });
    if (pad.left + pad.right >= width || pad.top + pad.bottom >= height) continue;
    const vp = getViewportForBounds(bounds, width, height, opts.minZoom, opts.maxZoom, {
      top: `${pad.top}px`,
      bottom: `${pad.bottom}px`,
      left: `${pad.left}px`,
      right: `${pad.right}px`,
    });
    const under = covered(vp);
    if (under < best.under || (under === best.under && under === 0 && vp.zoom > best.vp.zoom)) best = { vp, under };
  }
  return best.vp;
}

/** The overlays drawn over the canvas inside `area` (React Flow's panels: minimap, zoom buttons; the lock badge), relative to `pane`. */
export function overlayBoxes(area: Element, pane: Element): PaneBox[] {
  const p = pane.getBoundingClientRect();
  const out: PaneBox[] = [];
  for (const el of area.querySelectorAll('.react-flow__panel, .lock-badge')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) out.push({ left: r.left - p.left, top: r.top - p.top, right: r.right - p.left, bottom: r.bottom - p.top });
  }
  return out;
}
