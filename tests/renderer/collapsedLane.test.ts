import { describe, expect, it } from 'vitest';
import { addCompetency } from '../../src-core/commands';
import { LANE_PAD, LANE_TOP_PAD } from '../../src-core/layout/lanePlacement';
import { createDomain, createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId, type DomainId } from '../../src-core/model/ids';
import { COLLAPSED_H, COLLAPSED_W, collapseViewCached, createCollapseApplier, foldedCards } from '../../src-renderer/src/canvas/collapse/applyCollapse';
import { collapseDomains, expandAll } from '../../src-renderer/src/canvas/collapse/collapseActions';
import { createFlowDeriver, type FlowNode } from '../../src-renderer/src/canvas/flowModel';
import { laneDrag } from '../../src-renderer/src/canvas/lanes/laneGeometry';
import { stripHeaders } from '../../src-renderer/src/canvas/lanes/laneStrip';
import { createEditorStore, type EditorStore } from '../../src-renderer/src/store/editorStore';

/**
 * A collapsed domain's lane shrinks to its card (it kept its full size: a tall empty band around one card), in
 * bands and in columns, while dragging as when still; expanding gives the lane back exactly.
 * Fractions: F1 F2 F3 over two rows; Decimals: D1 D2, with Money (M1) nested in it; Geometry: G1.
 */
function scene() {
  const fractions = createDomain({ title: 'Fractions', code: 'NF' }, 0);
  const decimals = createDomain({ title: 'Decimals', code: 'DEC' }, 1);
  const money = createDomain({ title: 'Money', code: 'MON', parentId: decimals.id }, 2);
  const geometry = createDomain({ title: 'Geometry', code: 'G' }, 3);
  const store = createEditorStore({ framework: createFramework({ domains: [fractions, decimals, money, geometry] }) });
  const ids: Record<string, CompetencyId> = {};
  const place: [string, DomainId, number, number][] = [
    ['F1', fractions.id, 0, 0],
    ['F2', fractions.id, 300, 0],
    ['F3', fractions.id, 600, 300],
    ['D1', decimals.id, 300, 600],
    ['D2', decimals.id, 900, 600],
    ['M1', money.id, 600, 900],
    ['G1', geometry.id, 0, 1200],
  ];
  for (const [code, domainId, x, y] of place) {
    ids[code] = newId<CompetencyId>();
    store.run(addCompetency({ id: ids[code]!, code, statement: `About ${code}`, position: { x, y }, domainId }));
  }
  return { store, ids, fractions, decimals, money, geometry };
}

function flowOf(store: EditorStore, derive = createFlowDeriver(), apply = createCollapseApplier()) {
  const { doc, session } = store.getSnapshot();
  const out = derive({ framework: doc.framework, session, problems: new Map() });
  return apply(out, doc.framework, session.collapsedDomains, session.laneOrientation === 'vertical' ? 'TB' : 'LR');
}
const lanesOf = (nodes: FlowNode[]) => new Map(nodes.filter((n) => n.type === 'lane').map((n) => [n.id.slice('lane:'.length), n]));
const card = (nodes: FlowNode[], domainId: string) => nodes.find((n) => n.type === 'collapsedDomain' && (n.data as { domainId: string }).domainId === domainId)!;
const box = (n: FlowNode) => ({ x: n.position.x, y: n.position.y, width: n.width!, height: n.height! });

describe('a collapsed domain’s lane', () => {
  it('shrinks to its card across the bands, spans the drawing along them like every lane, and holds the card', () => {
    const { store, fractions, geometry } = scene();
    const full = lanesOf(flowOf(store).nodes);
    collapseDomains(store, [fractions.id]);
    const { nodes } = flowOf(store);
    const lanes = lanesOf(nodes);
    const lane = box(lanes.get(fractions.id)!);
    const c = box(card(nodes, fractions.id));
    expect(lane.y).toBe(c.y - LANE_TOP_PAD);
    expect(lane.height).toBe(COLLAPSED_H + LANE_TOP_PAD + LANE_PAD);
    expect(lane.height).toBeLessThan(box(full.get(fractions.id)!).height);
    // along the flow: as wide as the other lanes
    expect([lane.x, lane.width]).toEqual([box(full.get(fractions.id)!).x, box(full.get(fractions.id)!).width]);
    expect(c.x >= lane.x && c.x + COLLAPSED_W <= lane.x + lane.width).toBe(true);
    // the node's data (what the lane strip reads) says the same
    const data = lanes.get(fractions.id)!.data as { y: number; height: number };
    expect([data.y, data.height]).toEqual([lane.y, lane.height]);
    // the other lanes are untouched
    expect(lanes.get(geometry.id)).toEqual(full.get(geometry.id));
  });

  it('a collapsed domain with a nested one: one lane, shrunk to the card; the nested domain’s lane goes (it is in the card)', () => {
    const { store, decimals, money } = scene();
    collapseDomains(store, [decimals.id]);
    const { nodes } = flowOf(store);
    const lanes = lanesOf(nodes);
    expect(lanes.has(money.id)).toBe(false);
    const lane = box(lanes.get(decimals.id)!);
    const c = box(card(nodes, decimals.id));
    expect(lane.y).toBe(c.y - LANE_TOP_PAD);
    expect(lane.y + lane.height).toBe(c.y + COLLAPSED_H + LANE_PAD);
  });

  it('in columns it shrinks across them to the card, never wider than the column was', () => {
    const { store, fractions, decimals } = scene();
    store.setSession({ laneOrientation: 'vertical' });
    const full = lanesOf(flowOf(store).nodes);
    collapseDomains(store, [fractions.id, decimals.id]);
    const { nodes } = flowOf(store);
    const lanes = lanesOf(nodes);
    for (const d of [fractions.id, decimals.id]) {
      const lane = box(lanes.get(d)!);
      const was = box(full.get(d)!);
      const c = box(card(nodes, d));
      expect(lane.x).toBe(Math.max(was.x, c.x - LANE_PAD));
      expect(lane.x + lane.width).toBe(Math.min(was.x + was.width, c.x + COLLAPSED_W + LANE_PAD));
      expect(lane.width).toBeLessThan(was.width);
      expect([lane.y, lane.height]).toEqual([was.y, was.height]);
    }
  });

  it('expanding gives back the very lanes it had', () => {
    const { store, fractions, decimals } = scene();
    const derive = createFlowDeriver();
    const apply = createCollapseApplier();
    const before = flowOf(store, derive, apply);
    collapseDomains(store, [fractions.id, decimals.id]);
    flowOf(store, derive, apply);
    expandAll(store);
    const after = flowOf(store, derive, apply);
    expect(after.nodes).toEqual(before.nodes);
  });

  it('while another card is dragged, the collapsed lane stays shrunk (the drag draws what the still canvas draws)', () => {
    const { store, ids, fractions, decimals, money } = scene();
    collapseDomains(store, [fractions.id, decimals.id]);
    const { doc, session } = store.getSnapshot();
    const still = lanesOf(flowOf(store).nodes);
    const drag = laneDrag(doc.framework, 'horizontal', [ids.G1!], session.collapsedDomains, foldedCards(collapseViewCached(doc.framework, session.collapsedDomains)));
    const during = drag.at({ [ids.G1!]: { x: 1500, y: 1250 } });
    for (const d of [fractions.id, decimals.id]) {
      const r = during.find((l) => l.domainId === d)!;
      expect([r.y, r.height]).toEqual([still.get(d)!.position.y, still.get(d)!.height]);
    }
    expect(during.some((l) => l.domainId === money.id)).toBe(false);
  });

  it('zoomed far out, its header in the lane strip keeps room for its name: it grows into the space the domain left', () => {
    const { store, fractions, geometry } = scene();
    collapseDomains(store, [fractions.id]);
    const lanes = lanesOf(flowOf(store).nodes);
    const lane = lanes.get(fractions.id)!.data as { y: number; height: number; room?: readonly [number, number] };
    expect(lane.room).toBeDefined();
    const k = 0.065; // the example map fitted on a 683 px window: the shrunk lane is 11 px on screen
    expect(lane.height * k).toBeLessThan(12);
    const ty = 100;
    const headers = stripHeaders([...lanes.values()].map((n) => n.data as never), [0, ty, k], 'left', 700);
    const h = headers.find((x) => (x.item as { domainId: string }).domainId === fractions.id);
    expect(h?.mode).toBe('full');
    expect(h!.size).toBeGreaterThanOrEqual(28);
    // within the space the domain left, centred on its lane
    expect(h!.start).toBeGreaterThanOrEqual(ty + lane.room![0] * k - 0.01);
    expect(h!.start + h!.size).toBeLessThanOrEqual(ty + lane.room![1] * k + 0.01);
    // an expanded lane as thin is not grown
    const thin = { domainId: geometry.id as string, x: 0, y: 5000, width: 100, height: 166 };
    expect(stripHeaders([thin], [0, 0, k], 'left', 700)[0]?.size ?? 0).toBeLessThan(12);
  });

  it('in columns, zoomed far out, its header grows to a full column header where the space allows', () => {
    // a shrunk column (its card's width and padding) in the 900 flow units its competencies took
    const lane = { domainId: 'd', x: 500, y: 0, width: 328, height: 900, room: [300, 1200] as const };
    const k = 0.1;
    const h = stripHeaders([lane], [100, 0, k], 'top', 1000)[0];
    expect(h?.mode).toBe('full');
    expect(h!.size).toBeGreaterThanOrEqual(64);
    expect(h!.start).toBeGreaterThanOrEqual(100 + lane.room[0] * k - 0.01);
    expect(h!.start + h!.size).toBeLessThanOrEqual(100 + lane.room[1] * k + 0.01);
    // without that space, as thin as its lane
    expect(stripHeaders([{ ...lane, room: undefined }], [100, 0, k], 'top', 1000)[0]?.mode).not.toBe('full');
  });
});
