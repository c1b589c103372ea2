import { getViewportForBounds } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import type { FlowNode } from '../../src-renderer/src/canvas/flowModel';
import { clearOfOverlays, type PaneBox } from '../../src-renderer/src/canvas/overlays/fitClear';
import { viewportToFit } from '../../src-renderer/src/canvas/window/fitWhole';

const card = (id: string, x: number, y: number): FlowNode => ({ id, type: 'competency', position: { x, y }, width: 240, height: 112, data: {} }) as unknown as FlowNode;
const lane = (id: string, x: number, y: number, width: number, height: number): FlowNode => ({ id, type: 'lane', position: { x, y }, width, height, data: {} }) as unknown as FlowNode;
const SIZE = { width: 860, height: 660 };
const OPTS = { padding: 0.12, minZoom: 0.05, maxZoom: 1.1 };
// the minimap (bottom right) and the zoom buttons (bottom left), as the canvas draws them
const MINIMAP: PaneBox = { left: SIZE.width - 15 - 170, top: SIZE.height - 15 - 114, right: SIZE.width - 15, bottom: SIZE.height - 15 };
const ZOOM: PaneBox = { left: 15, top: SIZE.height - 15 - 80, right: 43, bottom: SIZE.height - 15 };

function under(nodes: FlowNode[], vp: { x: number; y: number; zoom: number }, boxes: PaneBox[]): string[] {
  return nodes
    .filter((n) => n.type !== 'lane')
    .filter((n) => {
      const l = n.position.x * vp.zoom + vp.x;
      const t = n.position.y * vp.zoom + vp.y;
      const r = l + 240 * vp.zoom;
      const b = t + 112 * vp.zoom;
      return boxes.some((o) => l < o.right && o.left < r && t < o.bottom && o.top < b);
    })
    .map((n) => n.id);
}

describe('fit leaves the overlays clear of cards', () => {
  // a map as wide as tall-ish, with cards in every corner (the example's shape)
  const nodes = [lane('lane:a', -24, -58, 2200, 1500), card('tl', 0, 0), card('tr', 1900, 0), card('bl', 0, 1300), card('br', 1900, 1300), card('mid', 900, 600)];

  it('a fitted map with a card under the minimap is moved and shrunk just enough; none is under an overlay', () => {
    const fitted = viewportToFit(nodes, SIZE, OPTS)!;
    expect(under(nodes, fitted, [MINIMAP])).toEqual(['br']);
    const vp = clearOfOverlays(fitted, nodes, SIZE, [MINIMAP, ZOOM], OPTS);
    expect(under(nodes, vp, [MINIMAP, ZOOM])).toEqual([]);
    expect(vp.zoom).toBeLessThan(fitted.zoom);
    // still the whole map, within the canvas
    expect(-24 * vp.zoom + vp.x).toBeGreaterThanOrEqual(0);
    expect((2200 - 24) * vp.zoom + vp.x).toBeLessThanOrEqual(SIZE.width);
    expect((1500 - 58) * vp.zoom + vp.y).toBeLessThanOrEqual(SIZE.height);
    // not smaller than keeping the whole bottom band free would make it
    const band = getViewportForBounds({ x: -24, y: -58, width: 2200, height: 1500 }, SIZE.width, SIZE.height, OPTS.minZoom, OPTS.maxZoom, { left: '46px', right: '46px', top: '35px', bottom: `${SIZE.height - MINIMAP.top + 8}px` });
    expect(vp.zoom).toBeGreaterThanOrEqual(band.zoom - 1e-9);
  });

  it('a map that leaves the overlays clear is fitted as before', () => {
    const fitted = viewportToFit(nodes, SIZE, OPTS)!;
    expect(clearOfOverlays(fitted, nodes, SIZE, [], OPTS)).toBe(fitted);
    const far = { left: -400, top: -400, right: -300, bottom: -300 };
    expect(clearOfOverlays(fitted, nodes, SIZE, [far], OPTS)).toBe(fitted);
    const small = [card('a', 0, 0), card('b', 300, 0)];
    const f2 = viewportToFit(small, SIZE, OPTS)!;
    expect(clearOfOverlays(f2, small, SIZE, [MINIMAP, ZOOM], OPTS)).toBe(f2);
  });

  it('a wide, flat map moves up rather than shrinking (room to spare above and below)', () => {
    const wide = [card('l', 0, 0), card('r', 3000, 0), card('r2', 3000, 150)];
    const fitted = viewportToFit(wide, SIZE, OPTS)!;
    const vp = clearOfOverlays(fitted, wide, SIZE, [MINIMAP, ZOOM], OPTS);
    expect(under(wide, vp, [MINIMAP, ZOOM])).toEqual([]);
    expect(vp.zoom).toBeCloseTo(fitted.zoom, 6);
  });

  it('focus mode fits its neighbourhood only, clear of the overlays too', () => {
    const ids = new Set(['br', 'mid']);
    const fitted = viewportToFit(nodes, SIZE, { ...OPTS, padding: 0.2 }, ids)!;
    const vp = clearOfOverlays(fitted, nodes, SIZE, [MINIMAP, ZOOM], { ...OPTS, padding: 0.2 }, ids);
    expect(under(nodes.filter((n) => ids.has(n.id)), vp, [MINIMAP, ZOOM])).toEqual([]);
  });
});
