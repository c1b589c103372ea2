import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOT_GAP, DOTS_MIN_ZOOM, dotsCover } from '../../src-renderer/src/canvas/dots/dotsCover';

// The canvas's background dots live in the map's own layer (canvas/dots/MapDots.tsx), over a rectangle that must
// always hold the view with room to spare, keep the dots where they were in flow space, and change seldom.
const view = fc.record({
  tx: fc.double({ min: -2e6, max: 2e6, noNaN: true }),
  ty: fc.double({ min: -2e6, max: 2e6, noNaN: true }),
  zoom: fc.double({ min: DOTS_MIN_ZOOM, max: 2.5, noNaN: true }),
  width: fc.integer({ min: 200, max: 3840 }),
  height: fc.integer({ min: 150, max: 2160 }),
});

describe('dotsCover', () => {
  it('covers the view with at least one view’s width and height to spare on every side, in whole dot cells', () => {
    fc.assert(
      fc.property(view, ({ tx, ty, zoom, width, height }) => {
        const c = dotsCover(tx, ty, zoom, width, height)!;
        expect(c).not.toBeNull();
        const w = width / zoom;
        const h = height / zoom;
        const x0 = -tx / zoom;
        const y0 = -ty / zoom;
        expect(c.x).toBeLessThanOrEqual(x0 - w + 1e-6);
        expect(c.y).toBeLessThanOrEqual(y0 - h + 1e-6);
        expect(c.x + c.width).toBeGreaterThanOrEqual(x0 + 2 * w - 1e-6);
        expect(c.y + c.height).toBeGreaterThanOrEqual(y0 + 2 * h - 1e-6);
        // dots at the same flow positions whatever the cover: its corner sits on the dot grid
        for (const v of [c.x, c.y, c.width, c.height]) expect(Math.abs(v / DOT_GAP - Math.round(v / DOT_GAP))).toBeLessThan(1e-9);
        // and it stays a few views across (what the browser lays out and paints ahead)
        expect(c.width * zoom).toBeLessThanOrEqual(8 * Math.max(width, height) + DOT_GAP * zoom);
        expect(c.height * zoom).toBeLessThanOrEqual(8 * Math.max(width, height) + DOT_GAP * zoom);
      }),
      { numRuns: 3000 },
    );
  });

  it('stays the same while a pan goes less than a view’s width (no repaint of the dots mid-pan, most of the time)', () => {
    // a 1,400 × 900 pane at zoom 1: blocks of 24 × 64 = 1,536 flow px; a pan of 60 moves of 6 px stays in one
    const start = dotsCover(-10_000, -5_000, 1, 1400, 900)!;
    let changes = 0;
    let last = start;
    for (let i = 1; i <= 300; i++) {
      const c = dotsCover(-10_000 - i * 6, -5_000 - i * 3, 1, 1400, 900)!;
      if (c.x !== last.x || c.y !== last.y || c.width !== last.width || c.height !== last.height) changes++;
      last = c;
    }
    // 1,800 px right and 900 px down: the view crosses at most two block edges each way
    expect(changes).toBeGreaterThan(0);
    expect(changes).toBeLessThanOrEqual(4);
    // a zoom inside one power of two keeps the block size
    const a = dotsCover(0, 0, 1, 1400, 900)!;
    const b = dotsCover(0, 0, 1.1, 1400, 900)!;
    expect(b.width / 4).toBe(a.width / 4);
  });

  it('draws nothing below the smallest zoom with visible dots, or before the pane is laid out', () => {
    expect(dotsCover(0, 0, DOTS_MIN_ZOOM * 0.99, 1400, 900)).toBeNull();
    expect(dotsCover(0, 0, 0.01, 1400, 900)).toBeNull();
    expect(dotsCover(0, 0, 1, 0, 900)).toBeNull();
    expect(dotsCover(0, 0, 1, 1400, 0)).toBeNull();
    expect(dotsCover(Number.NaN, 0, 1, 1400, 900)).toBeNull();
    expect(dotsCover(0, 0, Number.NaN, 1400, 900)).toBeNull();
  });
});
