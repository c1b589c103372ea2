import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Framework } from '../../src-core/model/types';
import { nearestInDirection, type Direction } from '../../src-renderer/src/canvas/focus/spatial';

/** Competencies at the given top-left corners (only positions matter here). */
function at(points: Record<string, [number, number]>): Framework['competencies'] {
  const out: Record<string, unknown> = {};
  for (const [id, [x, y]] of Object.entries(points)) out[id] = { id, position: { x, y } };
  return out as Framework['competencies'];
}

// The layout of the student-science-inquiry example: two rows of one lane, then lanes below.
const map = at({ 'SI.1': [0, 0], 'SI.2': [320, 0], 'SI.4': [640, 0], 'SI.3': [320, 140], 'SI.5': [960, 360], 'SI.8': [1920, 580] });

describe('the arrow keys on the map while linking: the nearest card that way', () => {
  it('goes to the card straight ahead, in each direction', () => {
    expect(nearestInDirection(map, 'SI.4', 'left')).toBe('SI.2');
    expect(nearestInDirection(map, 'SI.2', 'left')).toBe('SI.1');
    expect(nearestInDirection(map, 'SI.2', 'right')).toBe('SI.4');
    expect(nearestInDirection(map, 'SI.2', 'down')).toBe('SI.3');
    expect(nearestInDirection(map, 'SI.3', 'up')).toBe('SI.2');
  });

  it('prefers a card within 45° of the arrow to a nearer one off to the side, and takes one off to the side when that is all there is', () => {
    // from SI.3, right: SI.4 is up and right (dx 320, dy −140: within 45°), SI.5 further (dx 640, dy 220)
    expect(nearestInDirection(map, 'SI.3', 'right')).toBe('SI.4');
    // from SI.4, down: SI.3 is down-left but mostly sideways (dx −320, dy 140); SI.5 is down-right (dx 320, dy 360, within 45°)
    expect(nearestInDirection(map, 'SI.4', 'down')).toBe('SI.5');
    const sideways = at({ a: [0, 0], b: [400, 60] });
    expect(nearestInDirection(sideways, 'a', 'down')).toBe('b');
  });

  it('a card level with this one is not above or below it; nothing that way is undefined', () => {
    const row = at({ a: [0, 0], b: [300, 0] });
    expect(nearestInDirection(row, 'a', 'down')).toBeUndefined();
    expect(nearestInDirection(row, 'a', 'up')).toBeUndefined();
    expect(nearestInDirection(map, 'SI.1', 'left')).toBeUndefined();
    expect(nearestInDirection(map, 'missing', 'left')).toBeUndefined();
  });

  it('skips cards hidden in a collapsed domain', () => {
    expect(nearestInDirection(map, 'SI.2', 'down', new Set(['SI.3']))).toBe('SI.5');
  });

  it('(property) the card chosen lies that way, and no card that way within 45° scores better', () => {
    const dirs: Direction[] = ['left', 'right', 'up', 'down'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -2000, max: 2000 })), { minLength: 1, maxLength: 25 }), fc.constantFrom(...dirs), (pts, dir) => {
        const comps = at(Object.fromEntries(pts.map((p, i) => [`c${i}`, p])));
        const to = nearestInDirection(comps, 'c0', dir);
        const [x0, y0] = pts[0]!;
        const way = (x: number, y: number) => {
          const along = dir === 'right' ? x - x0 : dir === 'left' ? x0 - x : dir === 'down' ? y - y0 : y0 - y;
          const across = dir === 'left' || dir === 'right' ? Math.abs(y - y0) : Math.abs(x - x0);
          return { along, across, cone: along >= 1 && across <= along, score: along + 2 * across };
        };
        const candidates = pts.slice(1).map(([x, y]) => way(x, y)).filter((w) => w.along >= 1);
        if (!candidates.length) {
          expect(to).toBeUndefined();
          return;
        }
        expect(to).toBeDefined();
        const i = Number(to!.slice(1));
        const chosen = way(...pts[i]!);
        expect(chosen.along).toBeGreaterThanOrEqual(1);
        const cone = candidates.filter((w) => w.cone);
        if (cone.length) {
          expect(chosen.cone).toBe(true);
          expect(chosen.score).toBe(Math.min(...cone.map((w) => w.score)));
        } else expect(chosen.score).toBe(Math.min(...candidates.map((w) => w.score)));
      }),
      { numRuns: 500 },
    );
  });
});
