import { getViewportForBounds, type Edge } from '@xyflow/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowNode } from '../../src-renderer/src/canvas/flowModel';
import { NODE_H, NODE_W } from '../../src-renderer/src/canvas/geometry';
import { viewportToFit } from '../../src-renderer/src/canvas/window/fitWhole';
import { createWindower, nextWindow, padBox, viewBox, windowFlow, type FlowBox } from '../../src-renderer/src/canvas/window/flowWindow';

/** A competency card at (x, y). */
function card(id: string, x: number, y: number, selected = false): FlowNode {
  return { id, type: 'competency', position: { x, y }, width: NODE_W, height: NODE_H, selected, data: {} as never } as FlowNode;
}
function lane(id: string, x: number, y: number, w: number, h: number): FlowNode {
  return { id: `lane:${id}`, type: 'lane', position: { x, y }, width: w, height: h, data: {} as never } as FlowNode;
}
const link = (id: string, source: string, target: string, selected = false): Edge => ({ id, source, target, selected });
const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

/** The view of a 1,000 × 600 pane at zoom 1 showing flow (0, 0)–(1000, 600). */
const VIEW: FlowBox = { x0: 0, y0: 0, x1: 1000, y1: 600 };
const WIN = padBox(VIEW); // (−1000, −600)–(2000, 1200)

describe('canvas window: what React Flow is handed zoomed in on a large map', () => {
  it('the view in flow coordinates, and the window around it grown by one view size each side', () => {
    expect(viewBox([100, -50, 2], 1000, 600)).toEqual({ x0: -50, y0: 25, x1: 450, y1: 325 });
    expect(WIN).toEqual({ x0: -1000, y0: -600, x1: 2000, y1: 1200 });
  });

  it('keeps its window while the view stays inside it, and makes a new one when the view leaves it or zooms well in', () => {
    const w = nextWindow(null, VIEW);
    expect(w).toEqual(WIN);
    // a pan of less than a view size: the same window (nothing is recomputed)
    const moved = { x0: 900, y0: 500, x1: 1900, y1: 1100 };
    expect(nextWindow(w, moved)).toBe(w);
    // a little further: the view leaves the window, a new one is centred on it
    const out = { x0: 1100, y0: 0, x1: 2100, y1: 600 };
    const w2 = nextWindow(w, out);
    expect(w2).not.toBe(w);
    expect(w2).toEqual(padBox(out));
    // zoomed out past the window: a new, bigger one
    expect(nextWindow(w, { x0: -1200, y0: -700, x1: 2200, y1: 1300 })).not.toBe(w);
    // zoomed in by 2× inside it: the same; by 4×: a smaller one, so React Flow keeps less
    expect(nextWindow(w, { x0: 250, y0: 150, x1: 750, y1: 450 })).toBe(w);
    const zoomed = { x0: 400, y0: 250, x1: 650, y1: 400 };
    expect(nextWindow(w, zoomed)).toEqual(padBox(zoomed));
  });

  it('hands on the cards near the view and the lanes, not the far cards', () => {
    const nodes = [lane('a', -5000, -5000, 20000, 20000), card('near', 100, 100), card('edge', 1990, 1190), card('far', 5000, 100), card('farBelow', 100, 3000)];
    const part = windowFlow({ nodes, edges: [] }, WIN);
    expect(ids(part.nodes)).toEqual(['edge', 'lane:a', 'near']);
    // order follows the flow model's (lanes first, drawn behind)
    expect(part.nodes[0]!.id).toBe('lane:a');
  });

  it('a link crossing the view with both ends far away is drawn: the link and both its ends are handed on', () => {
    const nodes = [card('left', -8000, 300), card('right', 9000, 300), card('up', 500, -9000), card('far1', 8000, 8000), card('far2', 9000, 9000)];
    const edges = [link('across', 'left', 'right'), link('down', 'up', 'far1'), link('elsewhere', 'far1', 'far2')];
    const part = windowFlow({ nodes, edges }, WIN);
    expect(ids(part.edges)).toEqual(['across', 'down']);
    expect(ids(part.nodes)).toEqual(['far1', 'left', 'right', 'up']);
  });

  it('selected cards and links stay wherever they are, and so do a dragged card’s links (with both ends)', () => {
    const nodes = [card('near', 100, 100), card('selFar', 6000, 6000, true), card('dragged', 6000, 0), card('other', 9000, 0), card('x', 7000, 7000), card('y', 8000, 8000)];
    const edges = [link('dragLink', 'dragged', 'other'), link('selLink', 'x', 'y', true), link('plain', 'x', 'other')];
    const part = windowFlow({ nodes, edges }, WIN, { links: new Set(['dragged']), nodes: new Set(['near']) });
    expect(ids(part.edges)).toEqual(['dragLink', 'selLink']);
    expect(ids(part.nodes)).toEqual(['dragged', 'near', 'other', 'selFar', 'x', 'y']);
    // a kept node (keyboard focus) far away
    const focused = windowFlow({ nodes, edges: [] }, WIN, { nodes: new Set(['other']) });
    expect(ids(focused.nodes)).toEqual(['near', 'other', 'selFar']);
  });

  it('hands on the very same arrays when what is in the window did not change (React Flow adopts nothing)', () => {
    const nodes = [card('a', 100, 100), card('b', 400, 100), card('far', 9000, 9000)];
    const edges = [link('ab', 'a', 'b'), link('bfar', 'b', 'far'), link('farfar', 'far', 'far')];
    const win = createWindower();
    const first = win({ nodes, edges }, WIN);
    expect(win({ nodes, edges }, WIN)).toBe(first);
    expect(win({ nodes: nodes.slice(), edges: edges.slice() }, WIN)).toBe(first);
    // a change far away, outside the window and no link's end: the same arrays
    const withFar = [...nodes, card('far2', 9500, 9500)];
    const w2 = createWindower();
    const base = w2({ nodes: withFar, edges }, WIN);
    expect(w2({ nodes: [...nodes, card('far2', 9600, 9500)], edges }, WIN)).toBe(base);
    // 'far' is an end of 'bfar': its new object is handed on (a new node array), the links stay
    const nodes2 = [...nodes.slice(0, 2), card('far', 9100, 9000)];
    const second = win({ nodes: nodes2, edges }, WIN);
    expect(second.edges).toBe(first.edges);
    expect(second.nodes).not.toBe(first.nodes);
    expect(second.nodes[2]).toBe(nodes2[2]);
    // a near card moves far away: its link to a near card still crosses the window (both ends stay);
    // the link far away does not, and goes
    const nodes3 = [card('a', 5000, 5000), ...nodes2.slice(1)];
    const edges3 = [edges[0]!, link('afar', 'a', 'far')];
    const third = win({ nodes: nodes3, edges: edges3 }, WIN);
    expect(ids(third.nodes)).toEqual(['a', 'b']);
    expect(ids(third.edges)).toEqual(['ab']);
    // a selection (a new node object at the same place) changes the nodes only
    const nodes4 = [nodes3[0]!, card('b', 400, 100, true), nodes3[2]!];
    const fourth = win({ nodes: nodes4, edges: edges3 }, WIN);
    expect(fourth.edges).toBe(third.edges);
    expect(fourth.nodes[0]).toBe(third.nodes[0]);
    expect(fourth.nodes[1]).toBe(nodes4[1]);
  });

  it('whatever the map and view: every card and link React Flow would show is handed on, with both ends of each link', () => {
    const pt = fc.record({ x: fc.integer({ min: -20000, max: 20000 }), y: fc.integer({ min: -20000, max: 20000 }), sel: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(pt, { minLength: 1, maxLength: 80 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 120 }),
        fc.tuple(fc.integer({ min: -20000, max: 20000 }), fc.integer({ min: -20000, max: 20000 }), fc.double({ min: 0.5, max: 2.5, noNaN: true })),
        (points, pairs, [tx, ty, k]) => {
          const nodes = points.map((p, i) => card(`n${i}`, p.x, p.y, p.sel && i % 7 === 0));
          const edges = pairs.map(([a, b, s], i) => link(`e${i}`, `n${a % nodes.length}`, `n${b % nodes.length}`, s && i % 5 === 0));
          const view = viewBox([tx, ty, k], 1400, 900);
          const part = windowFlow({ nodes, edges }, nextWindow(null, view));
          const inNodes = new Set(part.nodes.map((n) => n.id));
          const inEdges = new Set(part.edges.map((e) => e.id));
          const box = (n: FlowNode) => ({ x0: n.position.x, y0: n.position.y, x1: n.position.x + NODE_W, y1: n.position.y + NODE_H });
          const meets = (b: FlowBox) => b.x0 <= view.x1 && b.x1 >= view.x0 && b.y0 <= view.y1 && b.y1 >= view.y0;
          const at = new Map(nodes.map((n) => [n.id, box(n)]));
          // React Flow's tests: a card is in view when its box meets the view; a link when the box around both cards does
          for (const n of nodes) if (meets(box(n)) || n.selected) expect(inNodes.has(n.id)).toBe(true);
          for (const e of edges) {
            const a = at.get(e.source)!;
            const b = at.get(e.target)!;
            const around = { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
            if (meets(around) || e.selected) expect(inEdges.has(e.id)).toBe(true);
          }
          for (const e of part.edges) expect(inNodes.has(e.source) && inNodes.has(e.target)).toBe(true);
          // and it is a window, not everything: nothing is handed on that is more than two views away and no link's end
          const ends = new Set(part.edges.flatMap((e) => [e.source, e.target]));
          const w = view.x1 - view.x0;
          const h = view.y1 - view.y0;
          for (const n of part.nodes) {
            const b = box(n);
            const near = b.x0 <= view.x1 + 2 * w && b.x1 >= view.x0 - 2 * w && b.y0 <= view.y1 + 2 * h && b.y1 >= view.y0 - 2 * h;
            expect(near || n.selected || ends.has(n.id)).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('canvas window with memory', () => {
  it('after any sequence of moves, selections, link changes and pans, hands on what a fresh computation would', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('move' as const), i: fc.nat(), x: fc.integer({ min: -9000, max: 9000 }), y: fc.integer({ min: -9000, max: 9000 }) }),
      fc.record({ kind: fc.constant('select' as const), i: fc.nat() }),
      fc.record({ kind: fc.constant('link' as const), a: fc.nat(), b: fc.nat() }),
      fc.record({ kind: fc.constant('pan' as const), x: fc.integer({ min: -9000, max: 9000 }), y: fc.integer({ min: -9000, max: 9000 }) }),
      fc.record({ kind: fc.constant('drag' as const), i: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -9000, max: 9000 }), fc.integer({ min: -9000, max: 9000 })), { minLength: 2, maxLength: 40 }), fc.array(step, { maxLength: 25 }), (pts, steps) => {
        let nodes = pts.map(([x, y], i) => card(`n${i}`, x, y));
        let edges: Edge[] = [];
        let view = { x0: 0, y0: 0, x1: 1400, y1: 900 };
        let win = nextWindow(null, view);
        let keep: { links?: Set<string> } = {};
        const windower = createWindower();
        for (const st of steps) {
          if (st.kind === 'move') {
            const i = st.i % nodes.length;
            nodes = nodes.map((n, j) => (j === i ? card(n.id, st.x, st.y, n.selected) : n));
          } else if (st.kind === 'select') {
            const i = st.i % nodes.length;
            nodes = nodes.map((n, j) => (j === i ? { ...n, selected: !n.selected } : n));
          } else if (st.kind === 'link') {
            edges = [...edges, link(`e${edges.length}`, nodes[st.a % nodes.length]!.id, nodes[st.b % nodes.length]!.id)];
          } else if (st.kind === 'pan') {
            view = { x0: st.x, y0: st.y, x1: st.x + 1400, y1: st.y + 900 };
            win = nextWindow(win, view);
          } else keep = { links: new Set([nodes[st.i % nodes.length]!.id]) };
          const got = windower({ nodes, edges }, win, keep);
          const fresh = windowFlow({ nodes, edges }, win, keep);
          expect(got.nodes).toEqual(fresh.nodes);
          expect(got.edges).toEqual(fresh.edges);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('fitting the whole map from the canvas’s own node list', () => {
  it('frames every node, as React Flow’s fit with hidden nodes would, or only the given ones', () => {
    const nodes = [lane('a', -100, -50, 3000, 800), card('p', 0, 0), card('q', 2500, 600), card('r', 9000, 9000)];
    const size = { width: 1400, height: 900 };
    const opts = { padding: 0.12, minZoom: 0.01, maxZoom: 1.1 };
    expect(viewportToFit(nodes, size, opts)).toEqual(getViewportForBounds({ x: -100, y: -50, width: 9000 + NODE_W + 100, height: 9000 + NODE_H + 50 }, 1400, 900, 0.01, 1.1, 0.12));
    expect(viewportToFit(nodes, size, opts, new Set(['p', 'q']))).toEqual(getViewportForBounds({ x: 0, y: 0, width: 2500 + NODE_W, height: 600 + NODE_H }, 1400, 900, 0.01, 1.1, 0.12));
    expect(viewportToFit(nodes, { width: 0, height: 0 }, opts)).toBeNull();
    // a node React Flow measured bigger than it declares (an enlarged collapsed-domain card) counts at its measured size
    const measured = (id: string) => (id === 'q' ? { width: 1000, height: 500 } : undefined);
    expect(viewportToFit(nodes, size, opts, new Set(['p', 'q']), measured)).toEqual(getViewportForBounds({ x: 0, y: 0, width: 3500, height: 1100 }, 1400, 900, 0.01, 1.1, 0.12));
    expect(viewportToFit([], size, opts)).toBeNull();
  });
});

describe('canvas window with memory: link edits', () => {
  it('after any sequence of links added, removed, reconnected and selected, cards added, removed and moved, focus kept and pans, hands on what a fresh computation would', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('link' as const), a: fc.nat(), b: fc.nat() }),
      fc.record({ kind: fc.constant('unlink' as const), i: fc.nat(), n: fc.integer({ min: 1, max: 12 }) }),
      fc.record({ kind: fc.constant('reconnect' as const), i: fc.nat(), a: fc.nat() }),
      fc.record({ kind: fc.constant('selectLink' as const), i: fc.nat() }),
      fc.record({ kind: fc.constant('relink' as const), i: fc.nat() }),
      fc.record({ kind: fc.constant('move' as const), i: fc.nat(), x: fc.integer({ min: -9000, max: 9000 }), y: fc.integer({ min: -9000, max: 9000 }) }),
      fc.record({ kind: fc.constant('addCard' as const), x: fc.integer({ min: -9000, max: 9000 }), y: fc.integer({ min: -9000, max: 9000 }) }),
      fc.record({ kind: fc.constant('removeCard' as const), i: fc.nat() }),
      fc.record({ kind: fc.constant('focusKeep' as const), i: fc.option(fc.nat()) }),
      fc.record({ kind: fc.constant('pan' as const), x: fc.integer({ min: -9000, max: 9000 }), y: fc.integer({ min: -9000, max: 9000 }) }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -9000, max: 9000 }), fc.integer({ min: -9000, max: 9000 })), { minLength: 2, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 60 }),
        fc.array(step, { maxLength: 30 }),
        (pts, pairs, steps) => {
          let nodes = pts.map(([x, y], i) => card(`n${i}`, x, y));
          let next = 0;
          let edges: Edge[] = pairs.map(([a, b]) => link(`e${next++}`, `n${a % nodes.length}`, `n${b % nodes.length}`));
          let view = { x0: 0, y0: 0, x1: 1400, y1: 900 };
          let win = nextWindow(null, view);
          let keep: { nodes?: Set<string> } = {};
          const windower = createWindower();
          windower({ nodes, edges }, win, keep);
          let cards = nodes.length;
          for (const st of steps) {
            const some = (i: number) => nodes[i % nodes.length]!.id;
            if (st.kind === 'link') edges = [...edges, link(`e${next++}`, some(st.a), some(st.b))];
            else if (st.kind === 'unlink' && edges.length) {
              const i = st.i % edges.length;
              edges = [...edges.slice(0, i), ...edges.slice(i + st.n)]; // a few links in a row go (a card's links)
            } else if (st.kind === 'reconnect' && edges.length) {
              const i = st.i % edges.length;
              edges = edges.map((e, j) => (j === i ? link(e.id, some(st.a), e.target, e.selected) : e));
            } else if (st.kind === 'selectLink' && edges.length) {
              const i = st.i % edges.length;
              edges = edges.map((e, j) => (j === i ? link(e.id, e.source, e.target, !e.selected) : e));
            } else if (st.kind === 'relink' && edges.length) {
              // an undone removal comes back at the end
              const i = st.i % edges.length;
              edges = [...edges.slice(0, i), ...edges.slice(i + 1), edges[i]!];
            } else if (st.kind === 'move') {
              const i = st.i % nodes.length;
              nodes = nodes.map((n, j) => (j === i ? card(n.id, st.x, st.y, n.selected) : n));
            } else if (st.kind === 'addCard') nodes = [...nodes, card(`n${cards++}`, st.x, st.y)];
            else if (st.kind === 'removeCard' && nodes.length > 2) {
              const i = st.i % nodes.length;
              nodes = nodes.filter((_, j) => j !== i);
            } else if (st.kind === 'focusKeep') keep = st.i === null ? {} : { nodes: new Set([some(st.i)]) };
            else if (st.kind === 'pan') {
              view = { x0: st.x, y0: st.y, x1: st.x + 1400, y1: st.y + 900 };
              win = nextWindow(win, view);
            }
            const got = windower({ nodes, edges }, win, keep);
            const fresh = windowFlow({ nodes, edges }, win, keep);
            expect(got.nodes).toEqual(fresh.nodes);
            expect(got.edges).toEqual(fresh.edges);
            // and the fresh computation is the rule itself: a link is in when the box around its cards meets the window
            const at = new Map(nodes.map((n) => [n.id, n.position]));
            const rule = edges.filter((e) => {
              if (e.selected) return true;
              const a = at.get(e.source);
              const b = at.get(e.target);
              if (!a || !b) return false;
              return Math.min(a.x, b.x) <= win.x1 && Math.max(a.x, b.x) + NODE_W >= win.x0 && Math.min(a.y, b.y) <= win.y1 && Math.max(a.y, b.y) + NODE_H >= win.y0;
            });
            expect(got.edges).toEqual(rule);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
