import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeStretches, labelSpot, type ScreenBox } from '../../src-renderer/src/canvas/lanes/LaneLabels';

const VIEW = { width: 900, height: 700 };
/** the label's box as drawn (22 px high, `width` wide) */
const box = (s: { x: number; y: number; width: number }): ScreenBox => ({ left: s.x, top: s.y, right: s.x + s.width, bottom: s.y + 22 });
const overlap = (a: ScreenBox, b: ScreenBox) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('lane labels never lie on a card', () => {
  it('free stretches between overlapping, unordered intervals', () => {
    expect(freeStretches(0, 100, [[50, 60], [10, 20], [15, 30]])).toEqual([
      { start: 0, length: 10 },
      { start: 30, length: 20 },
      { start: 60, length: 40 },
    ]);
    expect(freeStretches(0, 100, [[-5, 120]])).toEqual([]);
  });

  it('a band whose header is clear keeps its label at its start', () => {
    const lane = { left: 40, top: 100, right: 800, bottom: 220 };
    const cards = [{ left: 60, top: 140, right: 150, bottom: 180 }];
    expect(labelSpot(lane, VIEW, 'horizontal', 200, cards)).toEqual({ x: 48, y: 106, width: 200, room: 744 });
  });

  it('zoomed out, the first cards of a band reach into its header: the label moves right, past them', () => {
    const lane = { left: 40, top: 100, right: 800, bottom: 160 };
    const cards = [
      { left: 45, top: 112, right: 120, bottom: 140 },
      { left: 130, top: 112, right: 205, bottom: 140 },
      { left: 500, top: 112, right: 575, bottom: 140 },
    ];
    const spot = labelSpot(lane, VIEW, 'horizontal', 200, cards)!;
    expect(spot.x).toBeGreaterThanOrEqual(205);
    expect(spot.x + spot.width).toBeLessThanOrEqual(500);
    for (const c of cards) expect(overlap(box(spot), c)).toBe(false);
  });

  it('no gap holds the whole label: the one showing the most of it, shortened', () => {
    const lane = { left: 0, top: 0, right: 600, bottom: 60 };
    const cards = [
      { left: 100, top: 10, right: 160, bottom: 40 },
      { left: 320, top: 10, right: 380, bottom: 40 },
    ];
    const spot = labelSpot(lane, VIEW, 'horizontal', 300, cards)!;
    // gaps: 8…97 (89 px), 163…317 (154 px), 383…592 (209 px)
    expect(spot.x).toBeCloseTo(383);
    expect(spot.width).toBeCloseTo(209);
    for (const c of cards) expect(overlap(box(spot), c)).toBe(false);
  });

  it('a band full of cards along its header has no label (it returns when zoomed in)', () => {
    const lane = { left: 0, top: 0, right: 400, bottom: 60 };
    const cards = Array.from({ length: 10 }, (_, i) => ({ left: i * 40, top: 10, right: i * 40 + 36, bottom: 40 }));
    expect(labelSpot(lane, VIEW, 'horizontal', 200, cards)).toBeNull();
  });

  it('a column whose head is taken: the label heads it from just above, else moves down to a gap', () => {
    const lane = { left: 100, top: 60, right: 220, bottom: 600 };
    const cards = [
      { left: 110, top: 70, right: 210, bottom: 110 },
      { left: 110, top: 120, right: 210, bottom: 160 },
    ];
    expect(labelSpot(lane, VIEW, 'vertical', 300, cards)).toEqual({ x: 108, y: 34, width: 104, room: 104 });
    const atTop = { ...lane, top: 10 };
    const spot = labelSpot(atTop, VIEW, 'vertical', 300, cards.map((c) => ({ ...c, top: c.top - 50, bottom: c.bottom - 50 })))!;
    expect(spot.y).toBeGreaterThanOrEqual(110);
  });

  it('property: wherever a label is put, it lies on no card and inside its lane on screen', () => {
    const card = fc.record({ x: fc.integer({ min: -50, max: 850 }), y: fc.integer({ min: -50, max: 650 }), w: fc.integer({ min: 10, max: 120 }), h: fc.integer({ min: 10, max: 60 }) });
    fc.assert(
      fc.property(
        fc.constantFrom('horizontal' as const, 'vertical' as const),
        fc.record({ x: fc.integer({ min: -200, max: 600 }), y: fc.integer({ min: -200, max: 500 }), w: fc.integer({ min: 30, max: 900 }), h: fc.integer({ min: 30, max: 700 }) }),
        fc.integer({ min: 60, max: 320 }),
        fc.array(card, { maxLength: 25 }),
        (orientation, l, natural, raw) => {
          const lane = { left: l.x, top: l.y, right: l.x + l.w, bottom: l.y + l.h };
          const cards = raw.map((c) => ({ left: c.x, top: c.y, right: c.x + c.w, bottom: c.y + c.h }));
          const spot = labelSpot(lane, VIEW, orientation, natural, cards);
          if (!spot) return;
          // what may be drawn: the room it has (a label never takes more than its max-width)
          const drawn = box({ x: spot.x, y: spot.y, width: Math.max(spot.width, spot.room) });
          for (const c of cards) expect(overlap(drawn, c), JSON.stringify({ spot, c })).toBe(false);
          expect(spot.width).toBeLessThanOrEqual(natural);
          expect(spot.width).toBeGreaterThanOrEqual(40);
          if (orientation === 'horizontal') {
            expect(drawn.left).toBeGreaterThanOrEqual(Math.max(lane.left, 0));
            expect(drawn.right).toBeLessThanOrEqual(Math.min(lane.right, VIEW.width));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
