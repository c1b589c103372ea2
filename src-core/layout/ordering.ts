/**
 * Phase 2 of the layered layout: order the nodes within each layer so few edges cross.
 * Works on a "proper" layered graph (every edge spans exactly one layer; long edges were split by
 * dummy nodes). Barycenter sweeps down and up, each followed by a transpose pass (swap neighbours
 * when that removes crossings), keeping the best order seen; bounded by `maxSweeps`, and stopped after
 * `STALE` sweeps in a row that each removed less than `MIN_GAIN` of the crossings.
 */
import type { Csr } from './layering';

/** Sweeps without improvement after which the crossing reduction gives up. */
const STALE = 4;
/**
 * A sweep that removes less than this fraction of the crossings counts as no improvement (its order is
 * still kept): on big maps the sweeps otherwise oscillate for long, each winning ~0.01 % (10,000
 * generated competencies with lanes: 24 → 8 sweeps, about half the time, 0.1 % more crossings).
 */
const MIN_GAIN = 0.001;

/** The proper layered graph the ordering and placement phases share. */
export interface ProperGraph {
  /** Number of nodes, real ones first (`0 .. nReal-1`), then dummies. */
  n: number;
  nReal: number;
  layer: Int32Array;
  /** Group rank per node (0 when not grouping). Nodes of one rank stay contiguous in each layer. */
  rank: Int32Array;
  /** Neighbours in the previous layer / the next layer (multi-edges repeated). */
  up: Csr;
  down: Csr;
  /** Node order per layer. */
  layers: Int32Array[];
  /** Index of each node within its layer (kept in sync with `layers`). */
  pos: Int32Array;
}

/** Initial order: depth-first from the nodes in (layer, input index) order, so connected nodes start close. */
export function initialOrder(g: ProperGraph, sortByGroup: boolean): void {
  const { n, layer, down } = g;
  const nLayers = g.layers.length;
  const counts = new Int32Array(nLayers);
  const seeds = Array.from({ length: n }, (_, i) => i).sort((a, b) => layer[a]! - layer[b]! || a - b);
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  for (const s of seeds) {
    if (seen[s]) continue;
    let sp = 0;
    stack[0] = s;
    seen[s] = 1;
    while (sp >= 0) {
      const v = stack[sp--]!;
      const l = layer[v]!;
      g.layers[l]![counts[l]!++] = v;
      // push in reverse so the first neighbour is visited first
      for (let i = down.start[v + 1]! - 1; i >= down.start[v]!; i--) {
        const w = down.list[i]!;
        if (!seen[w]) {
          seen[w] = 1;
          stack[++sp] = w;
        }
      }
    }
  }
  if (sortByGroup) for (const L of g.layers) sortByRank(L, g.rank);
  syncPos(g);
}

function sortByRank(L: Int32Array, rank: Int32Array): void {
  const arr = Array.from(L).map((v, i) => ({ v, i }));
  arr.sort((a, b) => rank[a.v]! - rank[b.v]! || a.i - b.i);
  for (let i = 0; i < arr.length; i++) L[i] = arr[i]!.v;
}

/** Recomputes `g.pos` from `g.layers`. */
export function syncPos(g: ProperGraph): void {
  for (const L of g.layers) for (let i = 0; i < L.length; i++) g.pos[L[i]!] = i;
}

/** Crossings between layer `l` and `l + 1` (Barth–Jünger–Mutzel accumulator, O(E log V)). */
export function countLayerCrossings(g: ProperGraph, l: number, tree: Int32Array, seq: Int32Array): number {
  const upper = g.layers[l]!;
  const lowerLen = g.layers[l + 1]!.length;
  if (lowerLen < 2 || upper.length === 0) return 0;
  const { down, pos } = g;
  let m = 0;
  for (let i = 0; i < upper.length; i++) {
    const v = upper[i]!;
    const s = down.start[v]!;
    const e = down.start[v + 1]!;
    const from = m;
    for (let k = s; k < e; k++) seq[m++] = pos[down.list[k]!]!;
    // insertion sort of this node's (few) targets
    for (let a = from + 1; a < m; a++) {
      const x = seq[a]!;
      let b = a - 1;
      while (b >= from && seq[b]! > x) {
        seq[b + 1] = seq[b]!;
        b--;
      }
      seq[b + 1] = x;
    }
  }
  // Fenwick tree over lower positions: count earlier targets strictly greater than the current one
  tree.fill(0, 0, lowerLen + 1);
  let crossings = 0;
  for (let i = 0; i < m; i++) {
    const p = seq[i]! + 1;
    // greater-than = inserted so far - prefix(p)
    let le = 0;
    for (let j = p; j > 0; j -= j & -j) le += tree[j]!;
    crossings += i - le;
    for (let j = p; j <= lowerLen; j += j & -j) tree[j]!++;
  }
  return crossings;
}

/** Total crossings of the current order. */
export function countAllCrossings(g: ProperGraph): number {
  let maxLayer = 1;
  let edges = 0;
  for (const L of g.layers) maxLayer = Math.max(maxLayer, L.length);
  edges = g.down.list.length;
  const tree = new Int32Array(maxLayer + 1);
  const seq = new Int32Array(Math.max(1, edges));
  let total = 0;
  for (let l = 0; l + 1 < g.layers.length; l++) total += countLayerCrossings(g, l, tree, seq);
  return total;
}

/** Reorders one layer by the barycenter of its neighbours in the adjacent layer (`nb`). */
function reorderLayer(g: ProperGraph, L: Int32Array, nb: Csr, nbLayerLen: number, key: Float64Array, grouped: boolean): void {
  const { pos } = g;
  const len = L.length;
  if (len < 2) return;
  const scale = nbLayerLen / len;
  for (let i = 0; i < len; i++) {
    const v = L[i]!;
    const s = nb.start[v]!;
    const e = nb.start[v + 1]!;
    if (s === e) {
      key[v] = i * scale; // no neighbours: stay where it is, relative to the layer
      continue;
    }
    let sum = 0;
    for (let k = s; k < e; k++) sum += pos[nb.list[k]!]!;
    key[v] = sum / (e - s);
  }
  const arr = Array.from(L);
  const rank = g.rank;
  if (grouped) arr.sort((a, b) => rank[a]! - rank[b]! || key[a]! - key[b]! || pos[a]! - pos[b]!);
  else arr.sort((a, b) => key[a]! - key[b]! || pos[a]! - pos[b]!);
  for (let i = 0; i < len; i++) {
    L[i] = arr[i]!;
    pos[arr[i]!] = i;
  }
}

/**
 * Crossings among the edges of `u` and `v` to one adjacent layer, with `u` placed before `v` (returned
 * in `pairOut[0]`) and with `v` before `u` (`pairOut[1]`), in one pass over the edge pairs.
 */
function pairCrossings(nb: Csr, pos: Int32Array, u: number, v: number, pairOut: Int32Array): void {
  let uv = 0;
  let vu = 0;
  const us = nb.start[u]!;
  const ue = nb.start[u + 1]!;
  const vs = nb.start[v]!;
  const ve = nb.start[v + 1]!;
  for (let i = us; i < ue; i++) {
    const pu = pos[nb.list[i]!]!;
    for (let j = vs; j < ve; j++) {
      const pv = pos[nb.list[j]!]!;
      if (pu > pv) uv++;
      else if (pu < pv) vu++;
    }
  }
  pairOut[0]! += uv;
  pairOut[1]! += vu;
}

/** Scratch of {@link transposeLayer}: crossings of a neighbour pair as it is and swapped. */
const pair = new Int32Array(2);

/** Swaps neighbours of a layer while that strictly removes crossings. Returns whether anything moved. */
function transposeLayer(g: ProperGraph, L: Int32Array, grouped: boolean): boolean {
  const { up, down, pos, rank } = g;
  let changed = false;
  for (let pass = 0; pass < 4; pass++) {
    let improved = false;
    for (let i = 0; i + 1 < L.length; i++) {
      const u = L[i]!;
      const v = L[i + 1]!;
      if (grouped && rank[u] !== rank[v]) continue;
      pair[0] = 0;
      pair[1] = 0;
      pairCrossings(up, pos, u, v, pair);
      pairCrossings(down, pos, u, v, pair);
      if (pair[1]! < pair[0]!) {
        L[i] = v;
        L[i + 1] = u;
        pos[v] = i;
        pos[u] = i + 1;
        improved = true;
      }
    }
    if (!improved) break;
    changed = true;
  }
  return changed;
}

/**
 * Crossing reduction. Leaves the best order found in `g.layers`/`g.pos` and returns its crossing
 * count, or -1 when `shouldStop` interrupted it.
 */
export function reduceCrossings(g: ProperGraph, grouped: boolean, maxSweeps: number, shouldStop: () => boolean): number {
  const key = new Float64Array(g.n);
  const nLayers = g.layers.length;
  let best = countAllCrossings(g);
  let bestLayers = g.layers.map((L) => L.slice());
  let stale = 0;
  for (let sweep = 0; sweep < maxSweeps && best > 0; sweep++) {
    if (shouldStop()) return -1;
    const downward = sweep % 2 === 0;
    if (downward) {
      for (let l = 1; l < nLayers; l++) {
        reorderLayer(g, g.layers[l]!, g.up, g.layers[l - 1]!.length, key, grouped);
        transposeLayer(g, g.layers[l]!, grouped);
      }
    } else {
      for (let l = nLayers - 2; l >= 0; l--) {
        reorderLayer(g, g.layers[l]!, g.down, g.layers[l + 1]!.length, key, grouped);
        transposeLayer(g, g.layers[l]!, grouped);
      }
    }
    const c = countAllCrossings(g);
    if (c < best) {
      const gain = (best - c) / best;
      best = c;
      bestLayers = g.layers.map((L) => L.slice());
      if (gain >= MIN_GAIN) stale = 0;
      else if (++stale >= STALE) break;
    } else if (++stale >= STALE) break;
  }
  g.layers = bestLayers;
  syncPos(g);
  return best;
}
