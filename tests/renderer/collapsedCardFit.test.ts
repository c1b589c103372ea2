import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCompetency } from '../../src-core/commands';
import { createDomain, createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId, type DomainId } from '../../src-core/model/ids';
import { COLLAPSED_FAR_H, COLLAPSED_W, createCollapseApplier, type CollapsedDomainNode } from '../../src-renderer/src/canvas/collapse/applyCollapse';
import { CARD_MARGIN_PX, COLLAPSED_MIN_SCREEN_W, collapsedCardFits, collapsedCardPlacement, placedCardRect, type Rect } from '../../src-renderer/src/canvas/collapse/cardFit';
import { collapseAll } from '../../src-renderer/src/canvas/collapse/collapseActions';
import { collapsedDomainRect } from '../../src-renderer/src/canvas/collapse/CollapsedDomainNode';
import { createFlowDeriver, type LaneNode } from '../../src-renderer/src/canvas/flowModel';
import type { LaneOrientation } from '../../src-renderer/src/store/session';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

const W = COLLAPSED_W;
const H = COLLAPSED_FAR_H;
/** Zooms from the whole of a 20,000-competency map to a close look. */
const ZOOMS = [0.002, 0.005, 0.0127, 0.02, 0.04, 0.08, 0.1, 0.15, 0.25, 0.4, 0.53, 0.6, 1, 2];

/** Overlap (in screen px) of two canvas rects at zoom `zoom`; 0 when they are apart. */
function overlapPx(a: Rect, b: Rect, zoom: number): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? Math.min(w, h) * zoom : 0;
}
/** How far (screen px) `inner` pokes out of `outer` at zoom `zoom`; ≤ 0 when inside. */
function outsidePx(inner: Rect, outer: Rect, zoom: number): number {
  return Math.max(outer.x0 - inner.x0, inner.x1 - outer.x1, outer.y0 - inner.y0, inner.y1 - outer.y1) * zoom;
}

describe('collapsed cards zoomed far out, in their lanes', () => {
  it('never overlap each other, stay inside their lanes and cover their own centre, at any zoom (stacked lanes, overlapping or not)', () => {
    const lane = fc.record({ height: fc.integer({ min: 170, max: 20_000 }), gap: fc.integer({ min: -400, max: 200 }), at: fc.double({ min: 0, max: 1, noNaN: true }), along: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(lane, { minLength: 1, maxLength: 12 }), fc.integer({ min: 600, max: 30_000 }), fc.constantFrom(...ZOOMS), (lanes, width, zoom) => {
        // horizontal lanes stacked top to bottom (a negative gap: interleaved domains, lanes overlapping);
        // each card somewhere inside its lane, as `collapseView` centres it on its competencies
        let y = 0;
        const cards = lanes.map((l) => {
          const room = { x0: 0, y0: y, x1: width, y1: y + l.height };
          y += l.height + l.gap;
          return { room, position: { x: Math.round(l.along * (width - W)), y: Math.round(room.y0 + l.at * (l.height - H)) } };
        });
        const fits = collapsedCardFits(cards, W, H);
        const drawn = cards.map((c, i) => {
          const p = collapsedCardPlacement(c.position, fits[i]!, zoom, W, H);
          expect(p.scale).toBeGreaterThanOrEqual(1);
          expect(W * p.scale * zoom).toBeLessThan(Math.max(W * zoom, COLLAPSED_MIN_SCREEN_W) * 1.03);
          return { p, rect: placedCardRect(c.position, p, W, H) };
        });
        for (let i = 0; i < cards.length; i++) {
          const { p, rect } = drawn[i]!;
          if (p.scale > 1) {
            // enlarged only inside its own lane, a few px clear of its edges (a neighbour's label pokes out ≤ 2 px)
            expect(outsidePx(rect, cards[i]!.room, zoom)).toBeLessThanOrEqual(-CARD_MARGIN_PX + 0.51);
            const cx = cards[i]!.position.x + W / 2;
            const cy = cards[i]!.position.y + H / 2;
            const m = CARD_MARGIN_PX / zoom;
            const f = fits[i]!;
            // where its links end (unless that is within the margin at the very edge of its room)
            if (cx > f.roomX0! + m && cx < f.roomX1! - m && cy > f.roomY0! + m && cy < f.roomY1! - m)
              expect(rect.x0 <= cx + 1 / zoom && cx - 1 / zoom <= rect.x1 && rect.y0 <= cy + 1 / zoom && cy - 1 / zoom <= rect.y1).toBe(true);
          }
          for (let j = i + 1; j < cards.length; j++) {
            const natural = overlapPx(placedCardRect(cards[i]!.position, { scale: 1, dx: 0, dy: 0 }, W, H), placedCardRect(cards[j]!.position, { scale: 1, dx: 0, dy: 0 }, W, H), 1);
            if (natural > 0) continue; // placed over each other at their own size: nothing the zoom can do
            expect(overlapPx(rect, drawn[j]!.rect, zoom), `cards ${i} and ${j} at zoom ${zoom}`).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('grows as far as its lane allows: the wanted width when the lane is tall enough, else the lane’s height', () => {
    const room = { x0: 0, y0: 0, x1: 100_000, y1: 5_000 };
    const position = { x: 50_000, y: 2_500 - H / 2 };
    const [fit] = collapsedCardFits([{ position, room }], W, H);
    // zoom 0.04: the lane is 200 px tall, plenty for a card 150 px wide
    const roomy = collapsedCardPlacement(position, fit!, 0.04, W, H);
    expect(W * roomy.scale * 0.04).toBeGreaterThanOrEqual(COLLAPSED_MIN_SCREEN_W);
    // zoom 0.005: the lane is 25 px tall: the card fills it (less its margins), within a 1/50 step of its scale
    const tight = collapsedCardPlacement(position, fit!, 0.005, W, H);
    const height = H * tight.scale * 0.005;
    expect(height).toBeLessThanOrEqual(25 - 2 * CARD_MARGIN_PX);
    expect(height).toBeGreaterThan(25 - 2 * CARD_MARGIN_PX - H * 0.02 * 0.005 - 1e-9);
    // a card near its lane's top slides down to grow, rather than staying small
    const high = { x: 50_000, y: 100 };
    const [edge] = collapsedCardFits([{ position: high, room }], W, H);
    const slid = collapsedCardPlacement(high, edge!, 0.005, W, H);
    expect(slid.scale).toBe(tight.scale);
    expect(slid.dy).toBeGreaterThan(0);
  });

  it('without lanes, cards scaled about their centres stop short of each other', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ x: fc.integer({ min: 0, max: 20_000 }), y: fc.integer({ min: 0, max: 20_000 }) }), { minLength: 2, maxLength: 10 }), fc.constantFrom(...ZOOMS), (positions, zoom) => {
        const cards = positions.map((position) => ({ position, room: null }));
        const fits = collapsedCardFits(cards, W, H);
        const rects = cards.map((c, i) => {
          const p = collapsedCardPlacement(c.position, fits[i]!, zoom, W, H);
          expect(p.dx === 0 && p.dy === 0).toBe(true);
          return placedCardRect(c.position, p, W, H);
        });
        for (let i = 0; i < cards.length; i++)
          for (let j = i + 1; j < cards.length; j++) {
            const a = positions[i]!;
            const b = positions[j]!;
            if (Math.abs(a.x - b.x) < W && Math.abs(a.y - b.y) < H) continue; // over each other at their own size
            expect(overlapPx(rects[i]!, rects[j]!, zoom)).toBeLessThanOrEqual(1e-6);
          }
      }),
      { numRuns: 200 },
    );
  });
});

/** Domains of very different sizes, one above the other (as auto-layout lays them out), every one collapsed. */
function collapsedMap(orientation: LaneOrientation) {
  const sizes = [1, 2, 9, 1, 30, 4, 1, 1];
  const domains = sizes.map((_, i) => createDomain({ title: `Domain ${i + 1}`, code: `D${i + 1}` }, i));
  const store = createEditorStore({ framework: createFramework({ domains }) });
  let y = 0;
  sizes.forEach((n, i) => {
    const rows = Math.ceil(n / 6);
    for (let k = 0; k < n; k++) {
      const position = orientation === 'vertical' ? { x: i * 320 * 2 + (k % 2) * 320, y: Math.floor(k / 2) * 200 } : { x: (k % 6) * 320, y: y + Math.floor(k / 6) * 180 };
      store.run(addCompetency({ id: newId<CompetencyId>(), code: `C${i}.${k}`, statement: 'x', position, domainId: domains[i]!.id as DomainId }));
    }
    y += rows * 180 + 120;
  });
  store.setSession({ laneOrientation: orientation });
  collapseAll(store);
  const { doc, session } = store.getSnapshot();
  const out = createFlowDeriver()({ framework: doc.framework, session, problems: new Map() });
  const flow = createCollapseApplier()(out, doc.framework, session.collapsedDomains, orientation === 'vertical' ? 'TB' : 'LR');
  const cards = flow.nodes.filter((n): n is CollapsedDomainNode => n.type === 'collapsedDomain');
  const lanes = new Map(flow.nodes.filter((n): n is LaneNode => n.type === 'lane').map((n) => [n.data.domainId, n.data]));
  /** the lanes before collapsing: the space each domain's competencies left, where its card may grow */
  const rooms = new Map(out.nodes.filter((n): n is LaneNode => n.type === 'lane').map((n) => [n.data.domainId, n.data]));
  return { cards, lanes, rooms, count: sizes.length };
}

describe('Collapse all on a map with lanes', () => {
  for (const orientation of ['horizontal', 'vertical'] as const) {
    it(`${orientation} lanes: the cards of neighbouring lanes never overlap and stay in the space their lanes had, at every zoom; at their own size, in their (shrunk) lanes`, () => {
      const { cards, lanes, rooms, count } = collapsedMap(orientation);
      expect(cards).toHaveLength(count);
      for (const c of cards) {
        const l = lanes.get(c.data.domainId)!;
        expect(outsidePx(collapsedDomainRect(c, 1), { x0: l.x, y0: l.y, x1: l.x + l.width, y1: l.y + l.height }, 1)).toBeLessThanOrEqual(0);
      }
      let enlarged = 0;
      for (const zoom of ZOOMS) {
        const rects = cards.map((c) => collapsedDomainRect(c, zoom));
        rects.forEach((r, i) => {
          const l = rooms.get(cards[i]!.data.domainId)!;
          expect(outsidePx(r, { x0: l.x, y0: l.y, x1: l.x + l.width, y1: l.y + l.height }, zoom)).toBeLessThanOrEqual(0);
          if ((r.x1 - r.x0) * zoom > W * zoom + 1) enlarged++;
          for (let j = i + 1; j < rects.length; j++) expect(overlapPx(r, rects[j]!, zoom), `${cards[i]!.data.code} / ${cards[j]!.data.code} at ${zoom}`).toBe(0);
        });
      }
      expect(enlarged, 'zoomed out, cards are enlarged where there is room').toBeGreaterThan(0);
    });
  }
});
