import { describe, expect, it } from 'vitest';
import { withDropDomains } from './laneDropHelpers';
import { createCompetency, createDomain, createFramework } from '../../src-core/model/defaults';
import type { DomainId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { NODE_H, NODE_W } from '../../src-renderer/src/canvas/geometry';
import { LANE_PAD, LANE_TOP_PAD, laneDrag, laneGeometry } from '../../src-renderer/src/canvas/lanes/laneGeometry';

// Lanes are drawn behind their competencies; their names are in the strip beside the map, so a lane keeps
// only the room a whole-map image needs for the label it draws in the lane's top-left corner
// (dialogs/export/laneLabelsForExport.ts: 22 px tall, 6 px from the lane's top).
const EXPORT_LABEL = { top: 6, height: 22 };

/** Two domains; A's cards in rows 0 and 1, B's in row 3 (bands), or A in columns 0–1 and B in column 3. */
function twoDomains(orientation: 'horizontal' | 'vertical'): Framework {
  const a = createDomain({ code: 'A', title: 'Alpha' }, 0);
  const b = createDomain({ code: 'B', title: 'Beta' }, 1);
  const fw = createFramework({ domains: [a, b] });
  const place = (domainId: DomainId, along: number, across: number) => {
    const c = createCompetency({ code: `${domainId.slice(0, 4)}-${along}-${across}`, domainId });
    c.position = orientation === 'horizontal' ? { x: along * 300, y: across * 160 } : { x: across * 300, y: along * 160 };
    fw.competencies[c.id] = c;
  };
  place(a.id, 0, 0);
  place(a.id, 2, 1);
  place(b.id, 1, 3);
  place(b.id, 4, 3);
  return fw;
}

function cardsOf(fw: Framework, domainId: string) {
  return Object.values(fw.competencies)
    .filter((c) => c.domainId === domainId)
    .map((c) => ({ x0: c.position.x, y0: c.position.y, x1: c.position.x + NODE_W, y1: c.position.y + NODE_H }));
}

describe('lane geometry', () => {
  for (const orientation of ['horizontal', 'vertical'] as const) {
    it(`${orientation}: a lane holds its domain's cards with ${LANE_PAD} px around them and ${LANE_TOP_PAD} px above — no more`, () => {
      const fw = twoDomains(orientation);
      const lanes = laneGeometry(fw, orientation);
      expect(lanes.map((l) => l.code)).toEqual(['A', 'B']);
      const all = Object.values(fw.competencies).map((c) => c.position);
      for (const l of lanes) {
        const cards = cardsOf(fw, l.domainId);
        const top = Math.min(...cards.map((c) => c.y0));
        const bottom = Math.max(...cards.map((c) => c.y1));
        const left = Math.min(...cards.map((c) => c.x0));
        const right = Math.max(...cards.map((c) => c.x1));
        if (orientation === 'horizontal') {
          // across: the domain's own cards; along: the whole drawing
          expect([l.y, l.y + l.height]).toEqual([top - LANE_TOP_PAD, bottom + LANE_PAD]);
          expect([l.x, l.x + l.width]).toEqual([Math.min(...all.map((p) => p.x)) - LANE_PAD, Math.max(...all.map((p) => p.x)) + NODE_W + LANE_PAD]);
        } else {
          expect([l.x, l.x + l.width]).toEqual([left - LANE_PAD, right + LANE_PAD]);
          expect([l.y, l.y + l.height]).toEqual([Math.min(...all.map((p) => p.y)) - LANE_TOP_PAD, Math.max(...all.map((p) => p.y)) + NODE_H + LANE_PAD]);
        }
      }
    });

    it(`${orientation}: the label a whole-map image draws in a lane's top-left corner clears every card of the map`, () => {
      const fw = twoDomains(orientation);
      const cards = Object.values(fw.competencies).map((c) => ({ x0: c.position.x, y0: c.position.y, x1: c.position.x + NODE_W, y1: c.position.y + NODE_H }));
      for (const l of laneGeometry(fw, orientation)) {
        const label = { x0: l.x + 8, x1: l.x + l.width - 8, y0: l.y + EXPORT_LABEL.top, y1: l.y + EXPORT_LABEL.top + EXPORT_LABEL.height };
        for (const c of cards) expect(label.y1 <= c.y0 || label.y0 >= c.y1 || label.x1 <= c.x0 || label.x0 >= c.x1, `${l.code} label on a card`).toBe(true);
      }
      // and it leaves no more than 2 px between the label and the cards below it
      expect(LANE_TOP_PAD - (EXPORT_LABEL.top + EXPORT_LABEL.height)).toBeLessThanOrEqual(2);
    });

    it(`${orientation}: lanes during a drag are the lanes of the moved positions`, () => {
      const fw = twoDomains(orientation);
      const moved = Object.values(fw.competencies)[0]!;
      const to = { x: moved.position.x - 500, y: moved.position.y - 700 };
      expect(laneDrag(fw, orientation, [moved.id]).at({ [moved.id]: to })).toEqual(laneGeometry(withDropDomains(fw, orientation, { [moved.id]: to }), orientation, { [moved.id]: to }));
    });
  }
});
