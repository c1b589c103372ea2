import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPACT_LINE, COMPACT_LINES, COMPACT_MIN_COLUMN, FULL_MIN_COLUMN, HEADER_LINE, stripHeaders } from '../../src-renderer/src/canvas/lanes/laneStrip';

// The lane headers sit in a strip beside the map (outside React Flow's pane, so never on a card): each at
// its lane's place and size on screen, inside the visible part of a lane partly out of view.

const lane = (id: string, x: number, y: number, width: number, height: number) => ({ id, x, y, width, height });
const BANDS = [lane('a', 0, 0, 1000, 120), lane('b', 0, 130, 1000, 300), lane('c', 0, 440, 1000, 80)];

describe('lane headers beside the map', () => {
  it('bands: each header spans its band on screen, following pan and zoom', () => {
    const at1 = stripHeaders(BANDS, [50, 20, 1], 'left', 700);
    expect(at1.map((h) => [h.item.id, h.start, h.size])).toEqual([
      ['a', 20, 120],
      ['b', 150, 300],
      ['c', 460, 80],
    ]);
    expect(at1.every((h) => h.mode === 'full' && h.lines === 3)).toBe(true);
    // zoomed to 0.5 and panned: half the size, moved with the map (the pan across the lanes does not matter)
    const half = stripHeaders(BANDS, [-400, 100, 0.5], 'left', 700);
    expect(half.map((h) => [h.item.id, h.start, h.size])).toEqual([
      ['a', 100, 60],
      ['b', 165, 150],
      ['c', 320, 40],
    ]);
  });

  it('a band partly out of view keeps its header in the visible part; bands out of view have none', () => {
    const hs = stripHeaders(BANDS, [0, -200, 1], 'left', 150);
    // a is above the view, c below it; b runs from -70 to 230: its header fills the view
    expect(hs.map((h) => [h.item.id, h.start, h.size])).toEqual([['b', 0, 150]]);
  });

  it('a thin band shows fewer title lines, then the code only, then nothing', () => {
    const at = (h: number) => stripHeaders([lane('a', 0, 0, 100, h)], [0, 0, 1], 'left', 500)[0];
    expect(at(100)).toMatchObject({ mode: 'full', lines: 3 });
    expect(at(2 * HEADER_LINE + 8)).toMatchObject({ mode: 'full', lines: 2 });
    expect(at(HEADER_LINE + 8)).toMatchObject({ mode: 'full', lines: 1 });
    expect(at(HEADER_LINE)).toMatchObject({ mode: 'code' });
    expect(at(8)).toBeUndefined();
  });

  it('columns: headers across the top, at each column’s place and width; a narrow one shows its code over its title, a very narrow one its code', () => {
    const cols = [lane('a', 0, 0, 300, 2000), lane('b', 320, 0, 300, 2000), lane('c', 640, 0, 100, 2000), lane('d', 760, 0, 60, 2000)];
    const hs = stripHeaders(cols, [10, -500, 0.5], 'top', 800);
    expect(hs.map((h) => [h.item.id, h.start, h.size, h.mode, h.lines])).toEqual([
      ['a', 10, 150, 'full', 3],
      ['b', 170, 150, 'full', 3],
      ['c', 330, 50, 'compact', COMPACT_LINES],
      ['d', 390, 30, 'code', 0],
    ]);
    // a column partly off the left edge: its header starts at the edge
    expect(stripHeaders(cols, [-100, 0, 1], 'top', 800)[0]).toMatchObject({ start: 0, size: 200 });
  });

  it('a column shows its full header, then code over title as it narrows, then its code, then nothing — at the same widths at any zoom', () => {
    const at = (w: number, k: number) => stripHeaders([lane('a', 0, 0, w / k, 900)], [0, 0, k], 'top', 2000)[0];
    for (const k of [0.05, 0.3, 1, 2]) {
      expect(at(FULL_MIN_COLUMN, k)).toMatchObject({ mode: 'full', lines: 3 });
      expect(at(FULL_MIN_COLUMN - 1, k)).toMatchObject({ mode: 'compact', lines: COMPACT_LINES });
      expect(at(COMPACT_MIN_COLUMN, k)).toMatchObject({ mode: 'compact' });
      expect(at(COMPACT_MIN_COLUMN - 1, k)).toMatchObject({ mode: 'code', lines: 0 });
      expect(at(20, k)).toBeUndefined();
    }
    // the compact title's lines and the code line fit the 70 px strip under its 3 px rule and 2 × 2 px padding
    expect(3 + 4 + 13 + COMPACT_LINES * COMPACT_LINE).toBeLessThanOrEqual(70);
  });

  it('property: headers lie in the strip, inside their lane on screen, in screen order, never overlapping', () => {
    const arb = fc.array(fc.record({ at: fc.integer({ min: -2000, max: 4000 }), size: fc.integer({ min: 1, max: 1500 }) }), { maxLength: 30 });
    fc.assert(
      fc.property(
        arb,
        fc.double({ min: 0.02, max: 2.5, noNaN: true }),
        fc.integer({ min: -3000, max: 1000 }),
        fc.integer({ min: 100, max: 1200 }),
        fc.constantFrom('left' as const, 'top' as const),
        (raw, k, t, extent, side) => {
          const lanes = raw.map((r, i) => (side === 'left' ? { id: i, x: 0, y: r.at, width: 500, height: r.size } : { id: i, x: r.at, y: 0, width: r.size, height: 500 }));
          const hs = stripHeaders(lanes, side === 'left' ? [0, t, k] : [t, 0, k], side, extent);
          for (const h of hs) {
            const from = (side === 'left' ? h.item.y : h.item.x) * k + t;
            const to = from + (side === 'left' ? h.item.height : h.item.width) * k;
            expect(h.start).toBeGreaterThanOrEqual(Math.max(0, from) - 1e-9);
            expect(h.start + h.size).toBeLessThanOrEqual(Math.min(extent, to) + 1e-9);
            expect(h.size).toBeGreaterThan(0);
            expect(h.mode === 'full' ? h.lines >= 1 && h.lines <= 3 : h.mode === 'compact' ? side === 'top' && h.lines === COMPACT_LINES : h.lines === 0).toBe(true);
          }
          for (let i = 1; i < hs.length; i++) expect(hs[i]!.start).toBeGreaterThanOrEqual(hs[i - 1]!.start + hs[i - 1]!.size - 1e-9);
          // a lane wholly in view, overlapping no other and thick enough for its code, always has its header
          for (const l of lanes) {
            const from = (side === 'left' ? l.y : l.x) * k + t;
            const to = from + (side === 'left' ? l.height : l.width) * k;
            const alone = lanes.every((o) => {
              if (o === l) return true;
              const a = (side === 'left' ? o.y : o.x) * k + t;
              return a + (side === 'left' ? o.height : o.width) * k <= from || a >= to;
            });
            if (alone && from >= 0 && to <= extent && to - from >= 30) expect(hs.some((h) => h.item === l)).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
