/**
 * Phase 3 of the layered layout: coordinates along the cross axis (y for LR, x for TB).
 *
 * Each layer is placed by weighted isotonic regression: node centres as close as possible (least
 * squares) to the median of their neighbours' centres, subject to the layer order and the minimum gaps
 * — solved exactly in O(layer) by pool-adjacent-violators. Sweeps alternate between using the previous
 * layer and the next one, and end with both. Dummy nodes weigh more, so long edges run straight.
 * Every layer (every lane's run of it, when grouped) stays inside one band [0, B], B = the packed
 * extent of the most crowded layer (plus `bandSlack`, at least half a node slot): without it, runs drift apart from layer to
 * layer following their neighbours and a lane grows far beyond its widest layer (the generated
 * 2,500-competency map was 62,000 px tall where its most crowded layers needed 36,000).
 * This is a priority-style method (cf. Gansner et al. / Sugiyama's priority layout) that is simpler
 * than Brandes–Köpf, handles arbitrary node sizes, and is linear per sweep.
 */
import type { Csr } from './layering';
import type { ProperGraph } from './ordering';

export interface PlacementParams {
  /** Cross-axis extent of every node (0 for dummies). */
  size: Float64Array;
  nodeSep: number;
  grouped: boolean;
  sweeps: number;
  /** Extra room of each band beyond its most crowded layer, as a fraction (default 0; at least half a node slot). */
  bandSlack?: number;
}

const DUMMY_WEIGHT = 8;
const NO_NEIGHBOUR_WEIGHT = 0.05;

/** Returns the centre of every node on the cross axis. Lanes (when grouped) are not yet separated. */
export function placeCrossAxis(g: ProperGraph, p: PlacementParams): Float64Array {
  const { n, nReal } = g;
  const c = new Float64Array(n);
  const maxLen = g.layers.reduce((m, L) => Math.max(m, L.length), 0);
  const ws = new Workspace(maxLen);
  const gapAfter = (u: number, v: number): number => {
    const du = u >= nReal;
    const dv = v >= nReal;
    const sep = du && dv ? p.nodeSep / 4 : du || dv ? p.nodeSep / 2 : p.nodeSep;
    return (p.size[u]! + p.size[v]!) / 2 + sep;
  };
  // initial packing; the band of a lane (or of the whole drawing) is as wide as its most crowded layer
  const nBands = p.grouped ? g.rank.reduce((m, r) => Math.max(m, r + 1), 1) : 1;
  const band = new Float64Array(nBands);
  for (const L of g.layers) {
    let at = 0;
    for (let i = 0; i < L.length; i++) {
      const v = L[i]!;
      const sameRun = i > 0 && !(p.grouped && g.rank[v] !== g.rank[L[i - 1]!]);
      at = sameRun ? at + gapAfter(L[i - 1]!, v) : p.size[v]! / 2;
      c[v] = at;
      const b = p.grouped ? g.rank[v]! : 0;
      band[b] = Math.max(band[b]!, at + p.size[v]! / 2);
    }
  }
  // room beyond the most crowded layer: a fraction of the band, at least half a node slot (small lanes)
  let slot = 0;
  for (let v = 0; v < nReal; v++) slot = Math.max(slot, p.size[v]!);
  slot += p.nodeSep;
  for (let b = 0; b < nBands; b++) band[b] = band[b]! + Math.max(band[b]! * (p.bandSlack ?? 0), slot / 2);
  const nLayers = g.layers.length;
  const place = (l: number, a: Csr | null, b: Csr | null): void => {
    const L = g.layers[l]!;
    const len = L.length;
    if (len === 0) return;
    for (let i = 0; i < len; i++) {
      const v = L[i]!;
      const t = neighbourMedian(v, a, b, c, ws.buf, p.grouped ? g.rank : null);
      if (Number.isNaN(t)) {
        ws.target[i] = c[v]!;
        ws.weight[i] = NO_NEIGHBOUR_WEIGHT;
      } else {
        ws.target[i] = t;
        ws.weight[i] = v >= nReal ? DUMMY_WEIGHT : 1;
      }
      ws.gap[i] = i + 1 < len ? gapAfter(v, L[i + 1]!) : 0;
    }
    // Each run (a group's run when grouped, else the layer) stays inside its band [0, band]: in the
    // regression's shifted variables y_i = x_i − G_i that is one constant interval for the whole run.
    const run = (s: number, e: number): void => {
      let G = 0;
      for (let i = s; i + 1 < e; i++) G += ws.gap[i]!;
      const b = band[p.grouped ? g.rank[L[s]!]! : 0]!;
      isotonic(ws, s, e, p.size[L[s]!]! / 2, b - p.size[L[e - 1]!]! / 2 - G);
    };
    if (p.grouped) {
      // each group's run is its own segment: lanes are stacked later
      let s = 0;
      for (let i = 1; i <= len; i++) {
        if (i === len || g.rank[L[i]!] !== g.rank[L[s]!]) {
          run(s, i);
          s = i;
        }
      }
    } else run(0, len);
    for (let i = 0; i < len; i++) c[L[i]!] = ws.out[i]!;
  };
  for (let sweep = 0; sweep < p.sweeps; sweep++) {
    for (let l = 1; l < nLayers; l++) place(l, g.up, null);
    for (let l = nLayers - 2; l >= 0; l--) place(l, g.down, null);
  }
  for (let l = 0; l < nLayers; l++) place(l, g.up, g.down);
  return c;
}

class Workspace {
  target: Float64Array;
  weight: Float64Array;
  gap: Float64Array;
  out: Float64Array;
  buf: Float64Array;
  // PAV block stack
  bW: Float64Array;
  bWY: Float64Array;
  bStart: Int32Array;
  constructor(len: number) {
    this.target = new Float64Array(len);
    this.weight = new Float64Array(len);
    this.gap = new Float64Array(len);
    this.out = new Float64Array(len);
    this.buf = new Float64Array(Math.max(16, len));
    this.bW = new Float64Array(len);
    this.bWY = new Float64Array(len);
    this.bStart = new Int32Array(len);
  }
}

/** Median of the neighbour centres in `a` (and `b`), same group only when `rank` is given; NaN if none. */
function neighbourMedian(v: number, a: Csr | null, b: Csr | null, c: Float64Array, buf: Float64Array, rank: Int32Array | null): number {
  let m = 0;
  for (const nb of [a, b]) {
    if (!nb) continue;
    for (let k = nb.start[v]!; k < nb.start[v + 1]!; k++) {
      const w = nb.list[k]!;
      if (rank && rank[w] !== rank[v]) continue;
      if (m < buf.length) buf[m++] = c[w]!;
    }
  }
  if (m === 0) return Number.NaN;
  if (m === 1) return buf[0]!;
  if (m === 2) return (buf[0]! + buf[1]!) / 2;
  const arr = buf.subarray(0, m).sort();
  return m % 2 ? arr[(m - 1) / 2]! : (arr[m / 2 - 1]! + arr[m / 2]!) / 2;
}

/**
 * Weighted isotonic regression with gaps on `[s, e)`: minimises Σ w_i (x_i − t_i)² subject to
 * x_{i+1} − x_i ≥ gap_i. Substituting y_i = x_i − G_i (G = prefix sum of gaps) turns it into plain
 * isotonic regression, solved by pool-adjacent-violators. Bounds `yLo ≤ y_i ≤ yHi` (the same for
 * every i) are met by clamping the unbounded solution, which is then still optimal.
 */
function isotonic(ws: Workspace, s: number, e: number, yLo: number, yHi: number): void {
  const { target, weight, gap, out, bW, bWY, bStart } = ws;
  let top = -1;
  let G = 0;
  for (let i = s; i < e; i++) {
    const y = target[i]! - G;
    top++;
    bW[top] = weight[i]!;
    bWY[top] = weight[i]! * y;
    bStart[top] = i;
    while (top > 0 && bWY[top - 1]! / bW[top - 1]! > bWY[top]! / bW[top]!) {
      bW[top - 1]! += bW[top]!;
      bWY[top - 1]! += bWY[top]!;
      top--;
    }
    G += gap[i]!;
  }
  // expand blocks, adding the gaps back
  G = 0;
  let b = 0;
  for (let i = s; i < e; i++) {
    while (b < top && bStart[b + 1]! <= i) b++;
    out[i] = Math.min(yHi, Math.max(yLo, bWY[b]! / bW[b]!)) + G;
    G += gap[i]!;
  }
}
