import type { LayoutDirection, LayoutInput } from './types';

/** Options of {@link countCrossings}. */
export interface CountCrossingsOptions {
  direction: LayoutDirection;
  /** Bend points per input edge index; edges without bends are drawn straight. */
  bends?: Record<number, readonly { x: number; y: number }[]>;
}

/**
 * Counts edge crossings of a drawn layout, independent of the engine that produced it, so two
 * engines can be compared with one ruler. Each prerequisite is drawn from the source's outgoing side
 * (right for LR, bottom for TB) to the target's incoming side (left / top), through its bend points
 * when given. Two edges that share a node never count as crossing; each pair of crossing segments
 * counts once. Nodes missing from `positions` are skipped with their edges.
 */
export function countCrossings(
  input: LayoutInput,
  positions: Record<string, { x: number; y: number }>,
  opts: CountCrossingsOptions,
): number {
  const size = new Map<string, { w: number; h: number; idx: number }>();
  input.nodes.forEach((n, idx) => size.set(n.id, { w: n.width, h: n.height, idx }));
  const lr = opts.direction === 'LR';
  // segments as flat arrays
  const x1: number[] = [];
  const y1: number[] = [];
  const x2: number[] = [];
  const y2: number[] = [];
  const na: number[] = [];
  const nb: number[] = [];
  const edgeOf: number[] = [];
  input.edges.forEach((e, ei) => {
    const s = size.get(e.from);
    const t = size.get(e.to);
    const ps = positions[e.from];
    const pt = positions[e.to];
    if (!s || !t || !ps || !pt || e.from === e.to) return;
    const pts: { x: number; y: number }[] = [lr ? { x: ps.x + s.w, y: ps.y + s.h / 2 } : { x: ps.x + s.w / 2, y: ps.y + s.h }];
    for (const b of opts.bends?.[ei] ?? []) pts.push(b);
    pts.push(lr ? { x: pt.x, y: pt.y + t.h / 2 } : { x: pt.x + t.w / 2, y: pt.y });
    for (let k = 0; k + 1 < pts.length; k++) {
      x1.push(pts[k]!.x);
      y1.push(pts[k]!.y);
      x2.push(pts[k + 1]!.x);
      y2.push(pts[k + 1]!.y);
      na.push(s.idx);
      nb.push(t.idx);
      edgeOf.push(ei);
    }
  });
  const m = x1.length;
  const minX = new Float64Array(m);
  const maxX = new Float64Array(m);
  const order = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    minX[i] = Math.min(x1[i]!, x2[i]!);
    maxX[i] = Math.max(x1[i]!, x2[i]!);
    order[i] = i;
  }
  order.sort((a, b) => minX[a]! - minX[b]! || a - b);
  let count = 0;
  for (let oi = 0; oi < m; oi++) {
    const i = order[oi]!;
    const iMinY = Math.min(y1[i]!, y2[i]!);
    const iMaxY = Math.max(y1[i]!, y2[i]!);
    for (let oj = oi + 1; oj < m; oj++) {
      const j = order[oj]!;
      if (minX[j]! > maxX[i]!) break;
      if (edgeOf[i] === edgeOf[j]) continue;
      if (na[i] === na[j] || na[i] === nb[j] || nb[i] === na[j] || nb[i] === nb[j]) continue;
      if (Math.max(y1[j]!, y2[j]!) < iMinY || Math.min(y1[j]!, y2[j]!) > iMaxY) continue;
      if (properlyIntersect(x1[i]!, y1[i]!, x2[i]!, y2[i]!, x1[j]!, y1[j]!, x2[j]!, y2[j]!)) count++;
    }
  }
  return count;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 1e-9 ? 1 : v < -1e-9 ? -1 : 0;
}

/** True when the open segments cross at one interior point (touching or collinear overlap does not count). */
function properlyIntersect(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  return o1 * o2 < 0 && o3 * o4 < 0;
}
