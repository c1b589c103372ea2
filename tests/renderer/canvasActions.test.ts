import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCompetency, createFramework } from '../../src-core/model/defaults';
import type { Framework, Position } from '../../src-core/model/types';
import { freeSpot, nextCode } from '../../src-renderer/src/canvas/actions';
import { NODE_H, NODE_W } from '../../src-renderer/src/canvas/geometry';

function fwOf(items: { code: string; x: number; y: number }[]): Framework {
  const fw = createFramework();
  for (const i of items) {
    const c = createCompetency({ code: i.code, position: { x: i.x, y: i.y } });
    fw.competencies[c.id] = c;
  }
  return fw;
}

/** The straightforward versions (every competency checked for every candidate). */
function nextCodeRef(fw: Framework): string {
  const used = new Set(Object.values(fw.competencies).map((c) => c.code));
  let n = Object.keys(fw.competencies).length + 1;
  while (used.has(`C${n}`)) n++;
  return `C${n}`;
}
function freeSpotRef(fw: Framework, p: Position): Position {
  const at = { x: Math.round(p.x), y: Math.round(p.y) };
  const rects = Object.values(fw.competencies).map((c) => c.position);
  for (let i = 0; i < 60; i++) {
    if (!rects.some((r) => Math.abs(r.x - at.x) < NODE_W && Math.abs(r.y - at.y) < NODE_H)) return at;
    at.y += NODE_H + 24;
    if (i % 6 === 5) {
      at.x += NODE_W + 40;
      at.y = Math.round(p.y);
    }
  }
  return at;
}

const item = fc.record({
  code: fc.oneof(fc.nat({ max: 30 }).map((n) => `C${n}`), fc.constantFrom('C', 'C007', 'X1', '', 'C1.5', 'c3')),
  x: fc.integer({ min: -300, max: 3000 }),
  y: fc.integer({ min: -300, max: 1500 }),
});

describe('new competency defaults', () => {
  it('the next code and the free spot are those of the straightforward search, for any map', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), fc.integer({ min: -200, max: 1500 }), fc.integer({ min: -200, max: 800 }), (items, x, y) => {
        const fw = fwOf(items);
        expect(nextCode(fw)).toBe(nextCodeRef(fw));
        expect(freeSpot(fw, { x: x + 0.4, y })).toEqual(freeSpotRef(fw, { x: x + 0.4, y }));
      }),
      { numRuns: 500 },
    );
  });
});
