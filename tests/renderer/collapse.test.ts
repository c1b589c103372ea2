import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCompetency, deleteCompetencies, linkPrerequisite, updateCompetency, updateDomain } from '../../src-core/commands';
import { createDomain, createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId, type DomainId, type LinkId } from '../../src-core/model/ids';
import { collapsedNodeId } from '../../src-core/view/collapse';
import { revealCompetency, stepSelection } from '../../src-renderer/src/canvas/actions';
import { COLLAPSED_W, createCollapseApplier, type CollapsedDomainNode } from '../../src-renderer/src/canvas/collapse/applyCollapse';
import { COLLAPSED_MIN_SCREEN_W, collapsedCardScale } from '../../src-renderer/src/canvas/collapse/CollapsedDomainNode';
import { collapseAll, collapseDomains, collapseShortcut, createCollapseMemory, expandAll, expandDomain, isDomainCollapsed, revealHidden, soloDomain, toggleDomain } from '../../src-renderer/src/canvas/collapse/collapseActions';
import { createFlowDeriver } from '../../src-renderer/src/canvas/flowModel';
import { drawOverview, overviewScene } from '../../src-renderer/src/canvas/lod/overviewScene';
import { hideForOverview } from '../../src-renderer/src/canvas/lod/useLodFlow';
import { runAppCommand } from '../../src-renderer/src/app/appCommands';
import type { HostApi } from '../../src-core/host/contract';
import { collapseViewCached } from '../../src-renderer/src/canvas/collapse/applyCollapse';
import { createEditorStore, type EditorStore } from '../../src-renderer/src/store/editorStore';
import { setCanvasBridge } from '../../src-renderer/src/canvas/canvasBridge';
import { recordingContext } from './helpers/recordingContext';

/**
 * Three domains: Fractions (F1 F2 F3), Decimals (D1 D2) with Money (M1) nested in it, and G1 without
 * a domain. Links: F1→F2, F2→F3 inside; F1→D1, F2→D1, F3→D2 across; D1→M1 into the nested one; M1→G1, G1→F3.
 */
function scene() {
  const fractions = createDomain({ title: 'Fractions', code: 'NF' }, 0);
  const decimals = createDomain({ title: 'Decimals', code: 'DEC' }, 1);
  const money = createDomain({ title: 'Money', code: 'MON', parentId: decimals.id }, 2);
  const store = createEditorStore({ framework: createFramework({ domains: [fractions, decimals, money] }) });
  const ids: Record<string, CompetencyId> = {};
  const place: [string, DomainId | null, number, number][] = [
    ['F1', fractions.id, 0, 0],
    ['F2', fractions.id, 300, 0],
    ['F3', fractions.id, 600, 150],
    ['D1', decimals.id, 300, 400],
    ['D2', decimals.id, 900, 400],
    ['M1', money.id, 600, 700],
    ['G1', null, 900, 1000],
  ];
  for (const [code, domainId, x, y] of place) {
    ids[code] = newId<CompetencyId>();
    store.run(addCompetency({ id: ids[code]!, code, statement: `About ${code}`, position: { x, y }, domainId }));
  }
  const links: Record<string, LinkId> = {};
  for (const [a, b] of [['F1', 'F2'], ['F2', 'F3'], ['F1', 'D1'], ['F2', 'D1'], ['F3', 'D2'], ['D1', 'M1'], ['M1', 'G1'], ['G1', 'F3']] as const) {
    links[`${a}${b}`] = newId<LinkId>();
    store.run(linkPrerequisite({ id: links[`${a}${b}`]!, from: ids[a]!, to: ids[b]! }));
  }
  return { store, ids, links, fractions, decimals, money };
}

/** What the canvas hands React Flow (before the level-of-detail step), as `Canvas` + `useLodFlow` build it. */
function flowOf(store: EditorStore, derive = createFlowDeriver(), apply = createCollapseApplier()) {
  const { doc, session } = store.getSnapshot();
  const out = derive({ framework: doc.framework, session, problems: new Map() });
  return apply(out, doc.framework, session.collapsedDomains, session.laneOrientation === 'vertical' ? 'TB' : 'LR');
}

describe('collapsing a domain on the canvas', () => {
  it('draws a collapsed domain as one node with its count, and aggregates the links that cross its border', () => {
    const { store, ids, fractions } = scene();
    const before = flowOf(store);
    collapseDomains(store, [fractions.id]);
    const { nodes, edges } = flowOf(store);
    expect(nodes.filter((n) => n.type === 'competency').map((n) => (n.data as { code: string }).code).sort()).toEqual(['D1', 'D2', 'G1', 'M1']);
    const group = nodes.find((n): n is CollapsedDomainNode => n.type === 'collapsedDomain')!;
    expect(group.id).toBe(collapsedNodeId(fractions.id));
    expect(group.data).toMatchObject({ title: 'Fractions', code: 'NF', competencies: 3, internalLinks: 2 });
    // fewer nodes and edges for React Flow to render
    expect(nodes.length).toBeLessThan(before.nodes.length);
    expect(edges.length).toBeLessThan(before.edges.length);
    // F1→D1 and F2→D1 become one edge labelled 2; F3→D2 one labelled 1; G1→F3 one into the group
    const agg = edges.filter((e) => e.className === 'edge-aggregated');
    const label = (s: string, t: string) => agg.find((e) => e.source === s && e.target === t)?.label;
    expect(label(group.id, ids.D1!)).toBe('2');
    expect(label(group.id, ids.D2!)).toBe('1');
    expect(label(ids.G1!, group.id)).toBe('1');
    expect(agg).toHaveLength(3);
    // no edge names a hidden competency
    const drawn = new Set(nodes.map((n) => n.id));
    for (const e of edges) expect(drawn.has(e.source) && drawn.has(e.target)).toBe(true);
    // the other lanes stay where they were; the folded one is marked, and shrunk around the collapsed node (collapsedLane.test.ts)
    const lanes = nodes.filter((n) => n.type === 'lane');
    const folded = `lane:${fractions.id}`;
    expect(lanes.filter((n) => n.id !== folded)).toEqual(before.nodes.filter((n) => n.type === 'lane' && n.id !== folded));
    expect(lanes.filter((n) => n.className === 'lane-collapsed').map((n) => n.id)).toEqual([folded]);
    const lane = lanes.find((n) => n.id === folded)!;
    expect(lane.position.y <= group.position.y && group.position.y + group.height! <= lane.position.y + lane.height!).toBe(true);
  });

  it('collapse then expand gives back the very same nodes and edges (positions untouched), with no undo step and no document change', () => {
    const { store, fractions, decimals } = scene();
    const derive = createFlowDeriver();
    const apply = createCollapseApplier();
    const before = flowOf(store, derive, apply);
    const snap = structuredClone(before);
    const { undoDepth, doc } = store.getSnapshot();
    collapseDomains(store, [fractions.id, decimals.id]);
    flowOf(store, derive, apply);
    expandDomain(store, fractions.id);
    flowOf(store, derive, apply);
    expandDomain(store, decimals.id);
    const after = flowOf(store, derive, apply);
    expect(after.nodes).toEqual(snap.nodes);
    expect(after.edges).toEqual(snap.edges);
    // not just equal: the very node objects React Flow had (nothing re-renders)
    after.nodes.forEach((n, i) => expect(n).toBe(before.nodes[i]));
    expect(store.getSnapshot().undoDepth).toBe(undoDepth);
    expect(store.getSnapshot().doc.revision).toBe(doc.revision);
    expect(store.getSnapshot().doc.framework).toBe(doc.framework);
  });

  it('nested domains collapse with their parent; expanding a nested domain expands its parent', () => {
    const { store, ids, decimals, money } = scene();
    collapseDomains(store, [decimals.id]);
    const { nodes, edges } = flowOf(store);
    const group = nodes.find((n): n is CollapsedDomainNode => n.type === 'collapsedDomain')!;
    expect(group.data).toMatchObject({ title: 'Decimals', competencies: 3, nestedDomains: 1, internalLinks: 1 });
    expect(nodes.some((n) => n.id === ids.M1)).toBe(false);
    expect(edges.find((e) => e.source === group.id && e.target === ids.G1)?.label).toBe('1');
    const fw = store.getSnapshot().doc.framework;
    expect(isDomainCollapsed(fw.domains, store.getSnapshot().session.collapsedDomains, money.id)).toBe(true);
    toggleDomain(store, money.id);
    expect(store.getSnapshot().session.collapsedDomains).toEqual([]);
  });

  it('follows the document while collapsed: a competency moved into the domain joins its node; undo takes it out again', () => {
    const { store, ids, fractions } = scene();
    const derive = createFlowDeriver();
    const apply = createCollapseApplier();
    collapseDomains(store, [fractions.id]);
    const group = () => flowOf(store, derive, apply).nodes.find((n): n is CollapsedDomainNode => n.type === 'collapsedDomain')!;
    const edgeLabel = (s: string, t: string) => flowOf(store, derive, apply).edges.find((e) => e.source === s && e.target === t)?.label;
    const g = collapsedNodeId(fractions.id);
    expect(group().data.competencies).toBe(3);
    expect(store.run(updateCompetency(ids.D1!, { domainId: fractions.id })).ok).toBe(true);
    expect(group().data).toMatchObject({ competencies: 4, internalLinks: 4 }); // F1→D1, F2→D1 now inside
    expect(flowOf(store, derive, apply).nodes.some((n) => n.id === ids.D1)).toBe(false);
    expect(edgeLabel(g, ids.M1!)).toBe('1'); // D1→M1 now leaves the group
    store.run(updateDomain(fractions.id, { title: 'Fractions (Grade 3)' }));
    expect(group().data.title).toBe('Fractions (Grade 3)');
    store.undo();
    store.undo();
    expect(group().data).toMatchObject({ title: 'Fractions', competencies: 3, internalLinks: 2 });
    expect(edgeLabel(g, ids.D1!)).toBe('2');
  });

  it('columns: a collapsed domain node has its handles top and bottom, like competencies', () => {
    const { store, fractions } = scene();
    store.setSession({ laneOrientation: 'vertical' });
    collapseDomains(store, [fractions.id]);
    const group = flowOf(store).nodes.find((n): n is CollapsedDomainNode => n.type === 'collapsedDomain')!;
    expect(group.data.direction).toBe('TB');
    expect(group.handles!.map((h) => h.position).sort()).toEqual(['bottom', 'top']);
  });

  it('two collapsed domains: one edge between them with the total count', () => {
    const { store, fractions, decimals } = scene();
    collapseAll(store);
    const { nodes, edges } = flowOf(store);
    expect(nodes.filter((n) => n.type === 'collapsedDomain')).toHaveLength(2);
    expect(nodes.filter((n) => n.type === 'competency').map((n) => (n.data as { code: string }).code)).toEqual(['G1']);
    expect(edges.find((e) => e.source === collapsedNodeId(fractions.id) && e.target === collapsedNodeId(decimals.id))?.label).toBe('3');
    expandAll(store);
    expect(store.getSnapshot().session.collapsedDomains).toEqual([]);
  });

  it('Alt+click shows only one domain: the others fold, its parents open, a nested domain shows alone inside its parent', () => {
    const { store, ids, fractions, decimals, money } = scene();
    soloDomain(store, fractions.id);
    let drawn = new Set(flowOf(store).nodes.map((n) => n.id));
    expect(['F1', 'F2', 'F3', 'G1'].every((c) => drawn.has(ids[c]!))).toBe(true);
    expect(['D1', 'D2', 'M1'].some((c) => drawn.has(ids[c]!))).toBe(false);
    expect(drawn.has(collapsedNodeId(decimals.id))).toBe(true);
    soloDomain(store, money.id);
    drawn = new Set(flowOf(store).nodes.map((n) => n.id));
    // Money is nested in Decimals: Decimals opens (its own competencies show too), Fractions folds
    expect(['M1', 'D1', 'D2'].every((c) => drawn.has(ids[c]!))).toBe(true);
    expect(drawn.has(collapsedNodeId(fractions.id))).toBe(true);
    expect(['F1', 'F2', 'F3'].some((c) => drawn.has(ids[c]!))).toBe(false);
  });

  it('collapsing drops hidden competencies and links from the selection (no invisible edits)', () => {
    const { store, ids, links, fractions } = scene();
    store.setSession({ selection: { competencies: [ids.F1!, ids.D1!], links: [links.F1D1!, links.D1M1!] } });
    collapseDomains(store, [fractions.id]);
    expect(store.getSnapshot().session.selection).toEqual({ competencies: [ids.D1], links: [links.D1M1] });
  });

  it('keyboard: C collapses the selected competency’s domain, Shift+C collapses all, then expands all', () => {
    const { store, ids, fractions } = scene();
    store.setSession({ selection: { competencies: [ids.F2!], links: [] } });
    collapseShortcut(store, false);
    expect(store.getSnapshot().session.collapsedDomains).toEqual([fractions.id]);
    collapseShortcut(store, true);
    expect(store.getSnapshot().session.collapsedDomains).toEqual([]);
    collapseShortcut(store, true);
    expect(store.getSnapshot().session.collapsedDomains.length).toBe(2);
    store.setSession({ selection: { competencies: [], links: [] } });
    collapseShortcut(store, false);
    expect(store.getSnapshot().session.notice?.message).toMatch(/Select a competency/);
  });

  it('showing a hidden competency (search, problems, link jump, Tab) expands the domain that hides it, and only that one', () => {
    const { store, ids, fractions, decimals } = scene();
    collapseAll(store);
    revealCompetency(store, ids.M1!);
    revealHidden(store, [store.getSnapshot().session.centerOn!.id]);
    expect(store.getSnapshot().session.collapsedDomains).toEqual([fractions.id]);
    const { nodes } = flowOf(store);
    expect(nodes.some((n) => n.id === ids.M1)).toBe(true);
    expect(nodes.some((n) => n.id === collapsedNodeId(fractions.id))).toBe(true);
    expect(nodes.some((n) => n.id === collapsedNodeId(decimals.id))).toBe(false);
  });

  it('Tab and Shift+Tab walk the visible competencies and skip those inside collapsed domains (which stay collapsed)', () => {
    const { store, ids, fractions, decimals } = scene();
    const code = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    const walk = (delta: 1 | -1, steps: number) => {
      const seen: string[] = [];
      for (let i = 0; i < steps; i++) {
        stepSelection(store, delta);
        const { session } = store.getSnapshot();
        revealHidden(store, [session.centerOn!.id, ...session.selection.competencies]); // what useRevealCollapsed does
        seen.push(code[store.getSnapshot().session.selection.competencies[0]!]!);
      }
      return seen;
    };
    // reading order (top to bottom): F1 F2 F3 D1 D2 M1 G1
    expect(walk(1, 7)).toEqual(['F1', 'F2', 'F3', 'D1', 'D2', 'M1', 'G1']);
    store.setSession({ selection: { competencies: [], links: [] } });
    collapseDomains(store, [fractions.id]);
    expect(walk(1, 5)).toEqual(['D1', 'D2', 'M1', 'G1', 'D1']);
    expect(walk(-1, 3)).toEqual(['G1', 'M1', 'D2']);
    expect(store.getSnapshot().session.collapsedDomains).toEqual([fractions.id]);
    // the nested domain goes with its parent
    collapseDomains(store, [fractions.id, decimals.id]);
    store.setSession({ selection: { competencies: [], links: [] } });
    expect(walk(1, 2)).toEqual(['G1', 'G1']);
    expect(store.getSnapshot().session.collapsedDomains).toEqual([fractions.id, decimals.id]);
    // everything collapsed: nothing to walk, and the user is told how to get in
    store.run(deleteCompetencies([ids.G1!]));
    store.setSession({ selection: { competencies: [], links: [] } });
    stepSelection(store, 1);
    expect(store.getSnapshot().session.selection.competencies).toEqual([]);
    expect(store.getSnapshot().session.notice?.message).toMatch(/collapsed domain/);
    expect(store.getSnapshot().session.collapsedDomains).toEqual([fractions.id, decimals.id]);
  });

  it('collapsed state is reset when another document is opened', () => {
    const { store, fractions } = scene();
    collapseDomains(store, [fractions.id]);
    store.load({ framework: createFramework(), name: 'Other', docToken: null });
    expect(store.getSnapshot().session.collapsedDomains).toEqual([]);
  });

  it('is remembered per document for the session: reopening a document folds it as it was', () => {
    const m = createCollapseMemory();
    const a = ['d1', 'd2', 'd3'];
    expect(m.observe('A', a, [])).toBeNull();
    expect(m.observe('A', a, ['d1', 'd3'] as DomainId[])).toBeNull();
    expect(m.observe('B', ['x'], [])).toBeNull(); // another document opened: nothing to restore
    expect(m.observe('B', ['x'], ['x'] as DomainId[])).toBeNull();
    // back to A (the store reset its collapsed domains on load): A's come back, minus a deleted domain
    expect(m.observe('A', ['d1', 'd2'], [])).toEqual(['d1']);
    // expanding everything in A is remembered too
    expect(m.observe('A', a, [])).toBeNull();
    expect(m.observe('B', ['x'], [])).toEqual(['x']);
    expect(m.observe('A', a, [])).toBeNull();
  });

  it('the overview draws a collapsed domain as one block, without its competencies', () => {
    const { store, fractions } = scene();
    collapseDomains(store, [fractions.id]);
    const { doc, session } = store.getSnapshot();
    const view = collapseViewCached(doc.framework, session.collapsedDomains);
    const s = overviewScene(doc.framework, { direction: 'LR', collapse: view, blockSize: { w: 280, h: 112 } });
    expect(s.xy.length / 2).toBe(4);
    expect(s.blocks).toEqual([expect.objectContaining({ title: 'Fractions', count: 3, color: fractions.color })]);
    // 2 visible links (D1→M1, M1→G1) and 3 aggregated (group→D1, group→D2, G1→group)
    expect(s.lines.length / 4).toBe(2 + 3);
    const { ctx, fillColors, texts } = recordingContext();
    drawOverview(ctx, s, [0, 0, 1], { width: 2000, height: 2000, dpr: 1 }, { link: '#999', selected: '#00f' });
    expect(fillColors).toContain(fractions.color);
    expect(texts).toContain('Fractions (3)');
  });
});

describe('the overview hides nodes without copying the whole map on every edit', () => {
  it('an edit to one competency keeps the hidden copy of every other node (React Flow re-adopts only the edited one)', () => {
    const { store, ids, fractions } = scene();
    const derive = createFlowDeriver();
    const apply = createCollapseApplier();
    collapseDomains(store, [fractions.id]);
    const before = hideForOverview(flowOf(store, derive, apply).nodes);
    // competencies and the collapsed domain are hidden, lanes drawn
    for (const n of before) expect(n.hidden === true).toBe(n.type !== 'lane');
    store.run(updateCompetency(ids.D2!, { statement: 'Compare decimals to hundredths' }));
    const after = hideForOverview(flowOf(store, derive, apply).nodes);
    expect(after.map((n) => n.id)).toEqual(before.map((n) => n.id));
    const byId = new Map(before.map((n) => [n.id, n]));
    const changed = after.filter((n) => byId.get(n.id) !== n).map((n) => n.id);
    expect(changed).toEqual([ids.D2]);
    const d2 = after.find((n) => n.id === ids.D2)!;
    expect(d2.hidden).toBe(true);
    expect((d2.data as { statement: string }).statement).toBe('Compare decimals to hundredths');
  });
});

describe('collapse all / expand all from the desktop View menu', () => {
  it('the menu commands collapse every domain with competencies into one node each, and expand them all again', () => {
    const { store, fractions, decimals } = scene();
    const host = {} as HostApi; // the view commands never reach the host
    const before = flowOf(store);
    runAppCommand('view:collapseAll', store, host);
    const groups = flowOf(store).nodes.filter((n) => n.type === 'collapsedDomain').map((n) => (n.data as { domainId: string }).domainId);
    expect(groups.sort()).toEqual([fractions.id, decimals.id].sort());
    expect(flowOf(store).nodes.filter((n) => n.type === 'competency').map((n) => (n.data as { code: string }).code)).toEqual(['G1']);
    runAppCommand('view:expandAll', store, host);
    expect(store.getSnapshot().session.collapsedDomains).toEqual([]);
    expect(flowOf(store).nodes.map((n) => n.id).sort()).toEqual(before.nodes.map((n) => n.id).sort());
  });
});

describe('collapse on the canvas (property)', () => {
  it('any sequence of collapse and expand ends, once all is expanded, on the same nodes and edges as before', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('collapse', 'expand', 'toggle'), fc.nat(2)), { maxLength: 8 }), (steps) => {
        const s = scene();
        const domains = [s.fractions, s.decimals, s.money];
        const derive = createFlowDeriver();
        const apply = createCollapseApplier();
        const before = structuredClone(flowOf(s.store, derive, apply));
        for (const [op, i] of steps) {
          const d = domains[i]!.id;
          if (op === 'collapse') collapseDomains(s.store, [d]);
          else if (op === 'expand') expandDomain(s.store, d);
          else toggleDomain(s.store, d);
          const { nodes, edges } = flowOf(s.store, derive, apply);
          const drawn = new Set(nodes.map((n) => n.id));
          for (const e of edges) expect(drawn.has(e.source) && drawn.has(e.target)).toBe(true);
          // every link is drawn, counted in an aggregated edge, or inside a collapsed domain
          const inside = nodes.reduce((t, n) => t + (n.type === 'collapsedDomain' ? n.data.internalLinks : 0), 0);
          const counted = edges.reduce((t, e) => t + (e.className === 'edge-aggregated' ? Number(e.label) : 1), 0);
          expect(counted + inside).toBe(8);
        }
        expandAll(s.store);
        const after = flowOf(s.store, derive, apply);
        expect(after.nodes).toEqual(before.nodes);
        expect(after.edges).toEqual(before.edges);
      }),
      { numRuns: 40 },
    );
  });
});

describe('a collapsed domain zoomed far out', () => {
  it('wants its card at least COLLAPSED_MIN_SCREEN_W px wide on screen (as far as its lane allows: collapsedCardFit.test.ts), and at its own size when that is wide enough', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.002, max: 2.5, noNaN: true }), (zoom) => {
        const s = collapsedCardScale(zoom);
        expect(s).toBeGreaterThanOrEqual(1);
        expect(COLLAPSED_W * zoom * s).toBeGreaterThanOrEqual(COLLAPSED_MIN_SCREEN_W - 1e-9);
        if (COLLAPSED_W * zoom >= COLLAPSED_MIN_SCREEN_W) expect(s).toBe(1);
        // never much bigger than needed
        else expect(COLLAPSED_W * zoom * s).toBeLessThan(COLLAPSED_MIN_SCREEN_W * 1.03);
      }),
    );
    expect(collapsedCardScale(1)).toBe(1);
    expect(collapsedCardScale(0.1) * COLLAPSED_W * 0.1).toBeGreaterThanOrEqual(COLLAPSED_MIN_SCREEN_W);
  });
});

describe('collapsing one domain brings its node into view', () => {
  it('C on a selected competency and the lane chevron pan to the collapsed node (it sits mid-domain, maybe off screen); Collapse all does not', () => {
    const { store, ids, fractions, decimals } = scene();
    const seen: { x: number; y: number; width?: number; height?: number }[] = [];
    setCanvasBridge({ center: () => null, fitView() {}, zoomIn() {}, zoomOut() {}, ensureVisible: (p, size) => void seen.push({ ...p, ...size }) });
    try {
      store.setSession({ selection: { competencies: [ids.F1!], links: [] } });
      collapseShortcut(store, false);
      const node = (id: string) => {
        const n = flowOf(store).nodes.find((x) => x.id === collapsedNodeId(id))!;
        return { ...n.position, width: n.width!, height: n.height! };
      };
      expect(seen).toEqual([node(fractions.id)]);
      toggleDomain(store, decimals.id);
      expect(seen).toEqual([node(fractions.id), node(decimals.id)]);
      // expanding, and collapsing everything, leave the view alone
      toggleDomain(store, decimals.id);
      expandAll(store);
      collapseAll(store);
      expect(seen).toHaveLength(2);
    } finally {
      setCanvasBridge(null);
    }
  });
});
