import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as C from '../../src-core/commands';
import { CARD_SIZE, dropIndex, dropTarget, LANE_PAD, LANE_TOP_PAD, laneExtent, laneSpans, placeInLane, type LaneCard } from '../../src-core/layout/lanePlacement';
import { createDomain, createFramework } from '../../src-core/model/defaults';
import type { CompetencyId, DomainId } from '../../src-core/model/ids';
import type { Domain, Framework, Position } from '../../src-core/model/types';
import { TestEditor } from './helpers/testEditor';

const W = CARD_SIZE.width;
const H = CARD_SIZE.height;

const overlaps = (a: Position, b: Position) => a.x < b.x + W && b.x < a.x + W && a.y < b.y + H && b.y < a.y + H;

/** Bands A (y 0–252: two rows) and B (y 400–512), three cards a row 330 px apart; a domainless card far right. */
function bands(): { fw: Framework; A: Domain; B: Domain; C: Domain } {
  const A = createDomain({ title: 'Ask & Plan', code: 'AP' }, 0);
  const B = createDomain({ title: 'Explain & Convince', code: 'EC' }, 1);
  const Cd = createDomain({ title: 'Empty', code: 'EM' }, 2);
  const fw = createFramework({ title: 'T', lastChangeDateTime: '2025-01-01T00:00:00.000Z' });
  fw.domains = [A, B, Cd];
  const put = (code: string, domainId: DomainId | null, x: number, y: number) => {
    const id = code as CompetencyId;
    fw.competencies[id] = { ...fw.competencies[id], id, code, statement: code, iCan: '', domainId, educationLevels: [], estimatedHours: null, evidenceTypes: [], notes: '', phases: {}, position: { x, y }, pinned: false };
  };
  put('A1', A.id, 0, 0);
  put('A2', A.id, 330, 0);
  put('A3', A.id, 660, 140);
  put('B1', B.id, 0, 400);
  put('B2', B.id, 330, 400);
  put('B3', B.id, 660, 400);
  put('N1', null, 1200, 900);
  return { fw, A, B, C: Cd };
}

const cardsOf = (fw: Framework, at: Record<string, Position> = {}): LaneCard[] =>
  Object.values(fw.competencies).map((c) => ({ id: c.id, position: at[c.id] ?? c.position, domainId: c.domainId }));

function noOverlap(fw: Framework): void {
  const all = Object.values(fw.competencies);
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlaps(all[i]!.position, all[j]!.position), `${all[i]!.code} / ${all[j]!.code}`).toBe(false);
}

describe('dropTarget: which lane a dropped card joins', () => {
  const { fw, A, B } = bands();
  const spans = laneSpans(cardsOf(fw), { orientation: 'horizontal' }, new Set(['A1']));
  it('a drop in another domain’s band moves it there, anywhere along the band', () => {
    expect(dropTarget({ x: 100, y: 450 }, A.id, spans, fw.domains, 'horizontal')).toEqual({ kind: 'move', domainId: B.id });
    expect(dropTarget({ x: 5000, y: 450 }, A.id, spans, fw.domains, 'horizontal')).toEqual({ kind: 'move', domainId: B.id });
  });
  it('a drop in its own band or outside every band keeps the domain', () => {
    expect(dropTarget({ x: 100, y: 100 }, A.id, spans, fw.domains, 'horizontal')).toEqual({ kind: 'keep' });
    expect(dropTarget({ x: 100, y: 330 }, A.id, spans, fw.domains, 'horizontal')).toEqual({ kind: 'keep' }); // the gap between A and B
    expect(dropTarget({ x: 100, y: 900 }, A.id, spans, fw.domains, 'horizontal')).toEqual({ kind: 'keep' });
  });
  it('the band edges include the lane’s padding (top pad above, pad below)', () => {
    expect(dropTarget({ x: 0, y: 400 - LANE_TOP_PAD + 1 }, A.id, spans, fw.domains, 'horizontal').kind).toBe('move');
    expect(dropTarget({ x: 0, y: 512 + LANE_PAD - 1 }, A.id, spans, fw.domains, 'horizontal').kind).toBe('move');
    expect(dropTarget({ x: 0, y: 512 + LANE_PAD + 1 }, A.id, spans, fw.domains, 'horizontal').kind).toBe('keep');
  });
  it('a domainless card dropped in a band joins it', () => {
    expect(dropTarget({ x: 0, y: 450 }, null, spans, fw.domains, 'horizontal')).toEqual({ kind: 'move', domainId: B.id });
    expect(dropTarget({ x: 0, y: 900 }, null, spans, fw.domains, 'horizontal')).toEqual({ kind: 'keep' });
  });
  it('a drop in its own band keeps the domain even where another lane is drawn over it', () => {
    const over = new Map([...spans, [B.id as string, { min: 0, max: 512 }]]);
    expect(dropTarget({ x: 0, y: 60 }, A.id, over, fw.domains, 'horizontal')).toEqual({ kind: 'keep' });
  });
  it('the innermost of nested lanes wins', () => {
    const sub = createDomain({ title: 'Sub', parentId: B.id }, 3);
    const domains = [...fw.domains, sub];
    const s = new Map([...spans, [sub.id as string, { min: 420, max: 470 }]]);
    expect(dropTarget({ x: 0, y: 450 }, A.id, s, domains, 'horizontal')).toEqual({ kind: 'move', domainId: sub.id });
    // listed first, still the innermost
    expect(dropTarget({ x: 0, y: 450 }, A.id, s, [sub, ...fw.domains], 'horizontal')).toEqual({ kind: 'move', domainId: sub.id });
  });
  it('a collapsed domain’s lane takes nothing', () => {
    expect(dropTarget({ x: 0, y: 450 }, A.id, spans, fw.domains, 'horizontal', new Set([B.id]))).toEqual({ kind: 'collapsed', domainId: B.id });
  });
  it('columns decide across x', () => {
    const cols = new Map([[A.id as string, { min: 0, max: W }], [B.id as string, { min: 400, max: 400 + W }]]);
    expect(dropTarget({ x: 500, y: -900 }, A.id, cols, fw.domains, 'vertical')).toEqual({ kind: 'move', domainId: B.id });
    expect(dropTarget({ x: 100, y: 400 }, A.id, cols, fw.domains, 'vertical')).toEqual({ kind: 'keep' });
  });
});

describe('placeInLane: a card that changes domain goes into the new lane, overlapping nothing', () => {
  it('rows: into the band, at the same x when there is room', () => {
    const { fw, B } = bands();
    fw.competencies['B3' as CompetencyId]!.position = { x: 990, y: 400 };
    const p = placeInLane(cardsOf(fw), ['A3'], B.id, { orientation: 'horizontal' });
    expect(p.A3).toEqual({ x: 660, y: 400 });
  });
  it('rows: the nearest free spot when its place in the band is taken', () => {
    const { fw, B } = bands();
    const p = placeInLane(cardsOf(fw), ['A2'], B.id, { orientation: 'horizontal' })['A2']!;
    const span = laneSpans(cardsOf(fw), { orientation: 'horizontal' }).get(B.id)!;
    // a new row under B (nothing below B), or along the row: either way no overlap
    for (const c of Object.values(fw.competencies)) if (c.id !== 'A2') expect(overlaps(p, c.position)).toBe(false);
    expect(p.y).toBeGreaterThanOrEqual(span.min);
    expect(Math.abs(p.x - 330)).toBeLessThan(W + 60);
  });
  it('a lane does not grow into the next one: the card goes up, or along its row', () => {
    const { fw, A, B } = bands();
    // A is one full row (y 0); B right under it (y 260): growing A downward would run into B
    fw.competencies['A3' as CompetencyId]!.position = { x: 660, y: 0 };
    for (const id of ['B1', 'B2', 'B3']) fw.competencies[id as CompetencyId]!.position.y = 260;
    const p = placeInLane(cardsOf(fw), ['B2'], A.id, { orientation: 'horizontal' })['B2']!;
    const after = cardsOf(fw, { B2: p }).map((c) => (c.id === 'B2' ? { ...c, domainId: A.id } : c));
    const spans = laneSpans(after, { orientation: 'horizontal' });
    const a = laneExtent(spans.get(A.id)!, 'horizontal');
    const b = laneExtent(spans.get(B.id)!, 'horizontal');
    expect(a.max <= b.min || b.max <= a.min).toBe(true);
    expect(p.y + H / 2).toBeGreaterThanOrEqual(a.min);
    expect(p.y + H / 2).toBeLessThanOrEqual(a.max);
    for (const c of Object.values(fw.competencies)) if (c.id !== 'B2') expect(overlaps(p, c.position)).toBe(false);
  });
  it('a domain without cards: a new band just past every lane and card, at the same x', () => {
    const { fw, C: E } = bands();
    const p = placeInLane(cardsOf(fw), ['A2'], E.id, { orientation: 'horizontal' })['A2']!;
    expect(p.x).toBe(330);
    const newLane = laneExtent({ min: p.y, max: p.y + H }, 'horizontal');
    expect(newLane.min).toBeGreaterThan(900 + H);
    expect(newLane.min).toBeLessThan(900 + H + 60);
  });
  it('several cards into one lane overlap neither the lane’s cards nor each other', () => {
    const { fw, B } = bands();
    const p = placeInLane(cardsOf(fw), ['A1', 'A2', 'A3'], B.id, { orientation: 'horizontal' });
    const moved = { ...fw, competencies: Object.fromEntries(Object.values(fw.competencies).map((c) => [c.id, { ...c, position: p[c.id] ?? c.position }])) } as Framework;
    noOverlap(moved);
    for (const id of ['A1', 'A2', 'A3']) expect(p[id]!.y).toBeGreaterThanOrEqual(400 - 2 * H);
  });
  it('a wished place inside the lane that is free is kept (a drop)', () => {
    const { fw, B } = bands();
    const at = { A1: { x: 1000, y: 410 } };
    expect(placeInLane(cardsOf(fw, at), ['A1'], B.id, { orientation: 'horizontal' }).A1).toEqual({ x: 1000, y: 400 });
  });
  it('columns: into the column, at the same y', () => {
    const { fw, A, B } = bands();
    // columns: A at x 0, B at x 600
    const cols: Record<string, Position> = { A1: { x: 0, y: 0 }, A2: { x: 0, y: 200 }, A3: { x: 0, y: 400 }, B1: { x: 600, y: 0 }, B2: { x: 600, y: 200 }, B3: { x: 600, y: 400 }, N1: { x: 2000, y: 0 } };
    const p = placeInLane(cardsOf(fw, cols), ['A2'], B.id, { orientation: 'vertical' }).A2!;
    expect(p.x).toBeGreaterThanOrEqual(600 - W);
    expect(laneSpans(cardsOf(fw, { ...cols, A2: p }), { orientation: 'vertical' }).get(B.id)!.min).toBeGreaterThan(W + LANE_PAD * 2);
    for (const [id, q] of Object.entries(cols)) if (id !== 'A2') expect(overlaps(p, q)).toBe(false);
    expect(A.id).not.toBe(B.id);
  });
  it('no domain: a card inside a lane leaves every lane; one outside stays', () => {
    const { fw } = bands();
    const p = placeInLane(cardsOf(fw), ['A2', 'N1'], null, { orientation: 'horizontal' });
    expect(p.N1).toBeUndefined();
    const lanes = [...laneSpans(cardsOf(fw), { orientation: 'horizontal' }, new Set(['A2'])).values()].map((s) => laneExtent(s, 'horizontal'));
    const centre = p.A2!.y + H / 2;
    expect(lanes.some((e) => e.min <= centre && centre <= e.max)).toBe(false);
  });
});

describe('assignDomains: domain and card move as one undo step', () => {
  it('changes the domain, puts the card in the new lane, and one undo restores both', () => {
    const { fw, A, B } = bands();
    const ed = new TestEditor(fw);
    expect(ed.run(C.assignDomains({ A3: B.id }, { orientation: 'horizontal' }))).toBe(true);
    const c = ed.fw.competencies['A3' as CompetencyId]!;
    expect(c.domainId).toBe(B.id);
    expect(c.position.y).toBeGreaterThanOrEqual(400);
    noOverlap(ed.fw);
    expect(ed.undoStack.length).toBe(1);
    expect(ed.undo()).toBe('move A3 to Explain & Convince');
    expect(ed.fw.competencies['A3' as CompetencyId]).toMatchObject({ domainId: A.id, position: { x: 660, y: 140 } });
  });
  it('a drop: the drag positions and the domain change in one step', () => {
    const { fw, A, B } = bands();
    const ed = new TestEditor(fw);
    const drop = { A1: { x: 1000, y: 405 }, A2: { x: 400, y: 60 } };
    expect(ed.run(C.assignDomains({ A1: B.id, A2: A.id }, { orientation: 'horizontal', positions: drop }))).toBe(true);
    expect(ed.fw.competencies['A1' as CompetencyId]).toMatchObject({ domainId: B.id, position: { x: 1000, y: 400 } });
    expect(ed.fw.competencies['A2' as CompetencyId]).toMatchObject({ domainId: A.id, position: { x: 400, y: 60 } });
    expect(ed.undo()).toBe('move A1 to Explain & Convince');
    expect(ed.fw.competencies['A1' as CompetencyId]).toMatchObject({ domainId: A.id, position: { x: 0, y: 0 } });
    expect(ed.fw.competencies['A2' as CompetencyId]!.position).toEqual({ x: 330, y: 0 });
  });
  it('labels several and none', () => {
    const { fw, B } = bands();
    const ed = new TestEditor(fw);
    ed.run(C.assignDomains({ A1: B.id, A2: B.id }, { orientation: 'horizontal' }));
    expect(ed.undoStack.at(-1)!.label).toBe('move 2 competencies to Explain & Convince');
    ed.run(C.assignDomains({ B1: null }, { orientation: 'horizontal' }));
    expect(ed.undoStack.at(-1)!.label).toBe('move B1 out of its domain');
  });
  it('lanes off: only the domain changes', () => {
    const { fw, B } = bands();
    const ed = new TestEditor(fw);
    ed.run(C.assignDomains({ A3: B.id }, { orientation: 'none' }));
    expect(ed.fw.competencies['A3' as CompetencyId]).toMatchObject({ domainId: B.id, position: { x: 660, y: 140 } });
  });
  it('refuses an unknown domain and changes nothing', () => {
    const { fw } = bands();
    const ed = new TestEditor(fw);
    expect(ed.run(C.assignDomains({ A3: 'nope' }, { orientation: 'horizontal' }))).toBe(false);
    expect(ed.lastError).toMatch(/domain does not exist/);
    expect(ed.fw).toBe(fw);
  });
});

describe('dropIndex: the same answer as a scan of every lane, for any lanes and points', () => {
  it('matches the innermost lane under the point', () => {
    const span = fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: 0, max: 400 })).map(([min, len]) => ({ min, max: min + len }));
    fc.assert(
      fc.property(fc.array(fc.option(span, { nil: undefined }), { minLength: 1, maxLength: 6 }), fc.array(fc.nat({ max: 5 }), { maxLength: 6 }), fc.array(fc.integer({ min: -700, max: 1100 }), { minLength: 1, maxLength: 20 }), fc.nat({ max: 6 }), fc.constantFrom('horizontal' as const, 'vertical' as const), (spanList, parents, points, own, o) => {
        const domains = spanList.map((_, i) => createDomain({ title: `D${i}` }, i));
        parents.forEach((p, i) => {
          if (i < domains.length && p < i) domains[i]!.parentId = domains[p]!.id; // parents before children: no loops
        });
        const spans = new Map<string, { min: number; max: number }>();
        spanList.forEach((s, i) => s && spans.set(domains[i]!.id, s));
        const collapsed = new Set(domains.filter((_, i) => i % 3 === 2).map((d) => d.id as string));
        const ownId = own < domains.length ? domains[own]!.id : null;
        const index = dropIndex(spans, domains, o, collapsed);
        const depth = (d: Domain): number => (d.parentId ? 1 + depth(domains.find((x) => x.id === d.parentId)!) : 0);
        for (const a of points) {
          const point = o === 'horizontal' ? { x: 0, y: a } : { x: a, y: 0 };
          const within = (id: string) => {
            const e = laneExtent(spans.get(id)!, o);
            return e.min <= a && a <= e.max;
          };
          let want: ReturnType<typeof index.at>;
          if (ownId && spans.has(ownId) && within(ownId)) want = { kind: 'keep' };
          else {
            const under = domains.filter((d) => spans.has(d.id) && within(d.id));
            const width = (d: Domain) => spans.get(d.id)!.max - spans.get(d.id)!.min;
            let best: Domain | null = null;
            for (const d of under) if (!best || depth(d) > depth(best) || (depth(d) === depth(best) && width(d) <= width(best))) best = d;
            want = !best ? { kind: 'keep' } : collapsed.has(best.id) ? { kind: 'collapsed', domainId: best.id } : { kind: 'move', domainId: best.id };
          }
          expect(index.at(point, ownId)).toEqual(want);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('placeInLane: for any map, the placed cards overlap no card and sit in the target lane', () => {
  it('holds in rows and columns', () => {
    const card = fc.record({ x: fc.integer({ min: -1500, max: 1500 }), y: fc.integer({ min: -1500, max: 1500 }), d: fc.nat({ max: 3 }) });
    fc.assert(
      fc.property(fc.array(card, { minLength: 1, maxLength: 30 }), fc.nat({ max: 29 }), fc.integer({ min: 1, max: 5 }), fc.nat({ max: 3 }), fc.constantFrom('horizontal' as const, 'vertical' as const), (list, first, n, target, o) => {
        const doms = ['d0', 'd1', 'd2'];
        // the other cards do not overlap each other (as on a tidy map): drop those that would
        const cards: LaneCard[] = [];
        for (const [i, c] of list.entries()) {
          const p = { x: c.x, y: c.y };
          if (cards.some((q) => overlaps(p, q.position))) continue;
          cards.push({ id: `c${i}`, position: p, domainId: c.d < 3 ? doms[c.d]! : null });
        }
        const ids = cards.slice(first % cards.length, (first % cards.length) + n).map((c) => c.id);
        const domainId = target < 3 ? doms[target]! : null;
        const placed = placeInLane(cards, ids, domainId, { orientation: o });
        const after = cards.map((c) => ({ ...c, position: placed[c.id] ?? c.position, domainId: ids.includes(c.id) ? domainId : c.domainId }));
        for (const id of Object.keys(placed)) {
          const p = placed[id]!;
          for (const c of after) if (c.id !== id) expect(overlaps(p, c.position), `${id} over ${c.id}`).toBe(false);
        }
        if (domainId) {
          for (const id of ids) expect(placed[id], id).toBeDefined();
          // each placed card's centre is inside its new lane
          const spans = laneSpans(after, { orientation: o });
          for (const id of ids) {
            const p = placed[id]!;
            const centre = o === 'horizontal' ? p.y + H / 2 : p.x + W / 2;
            const own = laneExtent(spans.get(domainId)!, o);
            expect(own.min <= centre && centre <= own.max).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
