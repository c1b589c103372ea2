import { assignLayers, buildCsr, compactLayers, findBackEdges } from './layering';
import { initialOrder, reduceCrossings, type ProperGraph } from './ordering';
import { placeCrossAxis } from './placement';
import type { LayoutInput, LayoutLane, LayoutOptions, LayoutResult } from './types';

/** Default `LayoutOptions.aspect`: no more extent across the layers than along them. */
export const DEFAULT_ASPECT = 1;
/** Room of a lane beyond its most crowded layer, for straighter links (fraction of the lane). */
const BAND_SLACK = 0.1;

const CANCELLED: LayoutResult = Object.freeze({
  cancelled: true,
  positions: {},
  crossings: 0,
  layers: [],
  bends: {},
  lanes: [],
  reversedEdges: [],
}) as LayoutResult;

/**
 * Layered (Sugiyama-style) layout of a prerequisite graph.
 *
 * 1. Cycles are broken by reversing the back edges of a depth-first search in input order.
 * 2. Layers come from prerequisite depth (longest path), with sources pulled next to their dependents;
 *    when that drawing would be more than `aspect` times as long across the layers as along them
 *    (crowded middle layers, lanes stacked), competencies of crowded layers move to later layers
 *    under a width bound until it fits (`compactLayers`).
 * 3. Edges spanning several layers get dummy nodes; barycenter sweeps with a transpose step reduce
 *    crossings (bounded by `maxSweeps`), keeping the best order seen.
 * 4. Cross-axis coordinates by isotonic regression toward neighbour medians (compact, straight long
 *    edges), every layer inside a band as wide as the most crowded layer (per lane with `groupBy`);
 *    layer-axis coordinates from the widest node of each layer.
 * 5. With `groupBy`, each group keeps one contiguous run per layer and the groups become lanes.
 * 6. Pinned nodes keep their `x`/`y`: the layout is shifted to agree with them (median offset) and
 *    unpinned nodes that would overlap a pinned one are pushed along the cross axis.
 *
 * Deterministic: the same input (same order) gives the same output. Edges naming unknown nodes and
 * self-loops are ignored. `shouldStop` is polled between phases and sweeps.
 */
export function layoutGraph(input: LayoutInput, opts: LayoutOptions): LayoutResult {
  const stop = opts.shouldStop ?? (() => false);
  const lr = opts.direction === 'LR';
  const grouped = opts.groupBy === true;
  const nodes = input.nodes;
  const nReal = nodes.length;
  if (nReal === 0) return { cancelled: false, positions: {}, crossings: 0, layers: [], bends: {}, lanes: [], reversedEdges: [] };

  const index = new Map<string, number>();
  for (let i = 0; i < nReal; i++) if (!index.has(nodes[i]!.id)) index.set(nodes[i]!.id, i);

  // --- edges by index (unknown ids dropped, duplicates of an id keep the first node)
  const edgeIdx: number[] = [];
  const ef: number[] = [];
  const et: number[] = [];
  input.edges.forEach((e, i) => {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined) return;
    edgeIdx.push(i);
    ef.push(a);
    et.push(b);
  });
  const from = Int32Array.from(ef);
  const to = Int32Array.from(et);
  const { reversed, selfLoop } = findBackEdges(nReal, from, to);
  if (stop()) return CANCELLED;

  // acyclic edge set (a → b), self-loops dropped
  const af: number[] = [];
  const at: number[] = [];
  const keptEdge: number[] = []; // position in edgeIdx
  for (let k = 0; k < from.length; k++) {
    if (selfLoop[k]) continue;
    if (reversed[k]) {
      af.push(to[k]!);
      at.push(from[k]!);
    } else {
      af.push(from[k]!);
      at.push(to[k]!);
    }
    keptEdge.push(k);
  }
  const out = buildCsr(nReal, af, at, af.length);
  const inn = buildCsr(nReal, at, af, af.length);
  let layerReal = assignLayers(nReal, out, inn);
  if (stop()) return CANCELLED;

  // --- group ranks (first appearance order; ungrouped last)
  const rankReal = new Int32Array(nReal);
  const groupKeys: (string | null)[] = [];
  const hasGroups = nodes.some((n) => n.group != null);
  if (hasGroups || grouped) {
    const rankOf = new Map<string, number>();
    for (const n of nodes) if (n.group != null && !rankOf.has(n.group)) rankOf.set(n.group, rankOf.size);
    groupKeys.push(...rankOf.keys());
    const none = rankOf.size;
    let anyNone = false;
    for (let i = 0; i < nReal; i++) {
      const gk = nodes[i]!.group;
      rankReal[i] = gk != null ? rankOf.get(gk)! : none;
      if (gk == null) anyNone = true;
    }
    if (anyNone) groupKeys.push(null);
  }

  // --- keep the drawing within the aspect ratio: later layers for competencies of crowded layers
  const crossSize = new Float64Array(nReal);
  const layerSize = new Float64Array(nReal);
  for (let i = 0; i < nReal; i++) {
    const n = nodes[i]!;
    crossSize[i] = lr ? n.height : n.width;
    layerSize[i] = lr ? n.width : n.height;
  }
  layerReal = compactLayers(nReal, out, inn, layerReal, {
    cell: grouped ? rankReal : new Int32Array(nReal),
    nCells: grouped ? Math.max(1, groupKeys.length) : 1,
    crossSize,
    layerSize,
    nodeSep: opts.nodeSep,
    layerSep: opts.layerSep,
    laneSep: grouped ? (opts.laneSep ?? 2 * opts.nodeSep) : 0,
    aspect: opts.aspect ?? DEFAULT_ASPECT,
  });
  if (stop()) return CANCELLED;

  // --- proper layered graph with dummies
  let nTotal = nReal;
  for (let k = 0; k < af.length; k++) nTotal += Math.max(0, layerReal[at[k]!]! - layerReal[af[k]!]! - 1);
  const layer = new Int32Array(nTotal);
  layer.set(layerReal);
  const rank = new Int32Array(nTotal);
  rank.set(rankReal);
  const sf: number[] = [];
  const st: number[] = [];
  const chains: Int32Array[] = new Array(af.length);
  let next = nReal;
  for (let k = 0; k < af.length; k++) {
    const a = af[k]!;
    const b = at[k]!;
    const span = layerReal[b]! - layerReal[a]!;
    const chain = new Int32Array(Math.max(0, span - 1));
    let prev = a;
    for (let d = 0; d < span - 1; d++) {
      const v = next++;
      layer[v] = layerReal[a]! + d + 1;
      rank[v] = rankReal[a]!;
      chain[d] = v;
      sf.push(prev);
      st.push(v);
      prev = v;
    }
    sf.push(prev);
    st.push(b);
    chains[k] = chain;
  }
  let nLayers = 0;
  for (let v = 0; v < nTotal; v++) nLayers = Math.max(nLayers, layer[v]! + 1);
  const counts = new Int32Array(nLayers);
  for (let v = 0; v < nTotal; v++) counts[layer[v]!]!++;
  const g: ProperGraph = {
    n: nTotal,
    nReal,
    layer,
    rank,
    down: buildCsr(nTotal, sf, st, sf.length),
    up: buildCsr(nTotal, st, sf, sf.length),
    layers: Array.from(counts, (c) => new Int32Array(c)),
    pos: new Int32Array(nTotal),
  };
  // With groups present, first reduce crossings keeping groups together (a strong hint in a
  // domain-structured progression); without `groupBy` free sweeps then refine that order.
  const maxSweeps = opts.maxSweeps ?? 24;
  initialOrder(g, hasGroups);
  if (stop()) return CANCELLED;
  let crossings = reduceCrossings(g, hasGroups, maxSweeps, stop);
  if (crossings < 0 || stop()) return CANCELLED;
  if (!grouped && hasGroups && crossings > 0) {
    crossings = reduceCrossings(g, false, maxSweeps, stop);
    if (crossings < 0 || stop()) return CANCELLED;
  }

  // --- coordinates: cross axis (dummies have no extent)
  const crossAll = new Float64Array(nTotal);
  crossAll.set(crossSize);
  const c = placeCrossAxis(g, { size: crossAll, nodeSep: opts.nodeSep, grouped, sweeps: 4, bandSlack: BAND_SLACK });
  if (stop()) return CANCELLED;

  const lanes: LayoutLane[] = [];
  if (grouped) {
    const nGroups = groupKeys.length;
    const lo = new Float64Array(nGroups).fill(Infinity);
    const hi = new Float64Array(nGroups).fill(-Infinity);
    for (let v = 0; v < nTotal; v++) {
      const r = rank[v]!;
      lo[r] = Math.min(lo[r]!, c[v]! - crossAll[v]! / 2);
      hi[r] = Math.max(hi[r]!, c[v]! + crossAll[v]! / 2);
    }
    const laneSep = opts.laneSep ?? 2 * opts.nodeSep;
    const shift = new Float64Array(nGroups);
    let cursor = 0;
    for (let r = 0; r < nGroups; r++) {
      if (lo[r] === Infinity) continue;
      shift[r] = cursor - lo[r]!;
      lanes.push({ group: groupKeys[r]!, start: cursor, end: cursor + hi[r]! - lo[r]! });
      cursor += hi[r]! - lo[r]! + laneSep;
    }
    for (let v = 0; v < nTotal; v++) c[v]! += shift[rank[v]!]!;
  } else {
    let lo = Infinity;
    for (let v = 0; v < nTotal; v++) lo = Math.min(lo, c[v]! - crossAll[v]! / 2);
    for (let v = 0; v < nTotal; v++) c[v]! -= lo;
  }

  // --- layer axis
  const extent = new Float64Array(nLayers);
  for (let i = 0; i < nReal; i++) extent[layer[i]!] = Math.max(extent[layer[i]!]!, layerSize[i]!);
  const layerStart = new Float64Array(nLayers);
  for (let l = 1; l < nLayers; l++) layerStart[l] = layerStart[l - 1]! + extent[l - 1]! + opts.layerSep;
  const along = (v: number): number => layerStart[layer[v]!]! + (extent[layer[v]!]! - layerSize[v]!) / 2;

  // top-left corners in layout axes: a = layer axis, b = cross axis
  const pa = new Float64Array(nReal);
  const pb = new Float64Array(nReal);
  for (let i = 0; i < nReal; i++) {
    pa[i] = along(i);
    pb[i] = c[i]! - crossSize[i]! / 2;
  }
  let offA = 0;
  let offB = 0;
  const pinnedIdx: number[] = [];
  for (let i = 0; i < nReal; i++) {
    const n = nodes[i]!;
    if (n.pinned && Number.isFinite(n.x) && Number.isFinite(n.y) && index.get(n.id) === i) pinnedIdx.push(i);
  }
  if (pinnedIdx.length > 0) {
    const da = pinnedIdx.map((i) => (lr ? nodes[i]!.x! : nodes[i]!.y!) - pa[i]!).sort((x, y) => x - y);
    const db = pinnedIdx.map((i) => (lr ? nodes[i]!.y! : nodes[i]!.x!) - pb[i]!).sort((x, y) => x - y);
    offA = da[(da.length - 1) >> 1]!;
    offB = db[(db.length - 1) >> 1]!;
    for (let i = 0; i < nReal; i++) {
      pa[i]! += offA;
      pb[i]! += offB;
    }
  }
  // also removes float rounding overlaps (a later node starting 1 ulp before the previous one ends)
  tidyAroundPinned(g, nodes, pinnedIdx, pa, pb, crossSize, layerSize, lr, opts.nodeSep);
  // Pinning shifts the whole layout and pushes nodes: the lanes are measured again on the final places.
  if (grouped && pinnedIdx.length > 0) remeasureLanes(lanes, groupKeys, rank, nTotal, nReal, pb, c, offB, crossAll);

  // --- results
  const positions: Record<string, { x: number; y: number }> = {};
  for (let i = 0; i < nReal; i++) {
    const id = nodes[i]!.id;
    if (index.get(id) !== i) continue;
    positions[id] = lr ? { x: pa[i]!, y: pb[i]! } : { x: pb[i]!, y: pa[i]! };
  }
  const bends: Record<number, { x: number; y: number }[]> = {};
  for (let k = 0; k < keptEdge.length; k++) {
    const chain = chains[k]!;
    if (chain.length === 0) continue;
    const e = keptEdge[k]!;
    const pts = Array.from(chain, (v) => {
      const a = layerStart[layer[v]!]! + extent[layer[v]!]! / 2 + offA;
      const b = c[v]! + offB;
      return lr ? { x: a, y: b } : { x: b, y: a };
    });
    if (reversed[e]) pts.reverse();
    bends[edgeIdx[e]!] = pts;
  }
  const layers = g.layers.map((L) => {
    const ids: string[] = [];
    for (const v of L) if (v < nReal && index.get(nodes[v]!.id) === v) ids.push(nodes[v]!.id);
    return ids;
  });
  const reversedEdges: number[] = [];
  for (let k = 0; k < from.length; k++) if (reversed[k]) reversedEdges.push(edgeIdx[k]!);
  return { cancelled: false, positions, crossings, layers, bends, lanes, reversedEdges };
}

/**
 * Sets each lane's extent on the cross axis to what its nodes (top-left `pb`) and bend points
 * (centre `c + offB`) finally cover, keeping the lanes' order.
 */
function remeasureLanes(
  lanes: LayoutLane[],
  groupKeys: (string | null)[],
  rank: Int32Array,
  nTotal: number,
  nReal: number,
  pb: Float64Array,
  c: Float64Array,
  offB: number,
  crossSize: Float64Array,
): void {
  const nGroups = groupKeys.length;
  const lo = new Float64Array(nGroups).fill(Infinity);
  const hi = new Float64Array(nGroups).fill(-Infinity);
  for (let v = 0; v < nTotal; v++) {
    const r = rank[v]!;
    const start = v < nReal ? pb[v]! : c[v]! + offB - crossSize[v]! / 2;
    lo[r] = Math.min(lo[r]!, start);
    hi[r] = Math.max(hi[r]!, start + crossSize[v]!);
  }
  const byKey = new Map(groupKeys.map((k, r) => [k, r]));
  for (const lane of lanes) {
    const r = byKey.get(lane.group)!;
    lane.start = lo[r]!;
    lane.end = hi[r]!;
  }
}

/**
 * Pushes unpinned nodes along the cross axis, in layer order, until none overlaps a pinned node
 * or an earlier node of its layer. Positions are compared exactly as a viewer would (top + size).
 */
function tidyAroundPinned(
  g: ProperGraph,
  nodes: LayoutInput['nodes'],
  pinnedIdx: number[],
  pa: Float64Array,
  pb: Float64Array,
  crossSize: Float64Array,
  layerSize: Float64Array,
  lr: boolean,
  sep: number,
): void {
  const isPinned = new Uint8Array(g.nReal);
  for (const i of pinnedIdx) {
    isPinned[i] = 1;
    pa[i] = lr ? nodes[i]!.x! : nodes[i]!.y!;
    pb[i] = lr ? nodes[i]!.y! : nodes[i]!.x!;
  }
  const obstacles = pinnedIdx.slice().sort((a, b) => pb[a]! - pb[b]! || a - b);
  for (const L of g.layers) {
    let prevEnd = -Infinity;
    for (const v of L) {
      if (v >= g.nReal || isPinned[v]) continue;
      let b = pb[v]! < prevEnd ? prevEnd + sep : pb[v]!;
      const a0 = pa[v]!;
      const a1 = a0 + layerSize[v]!;
      for (let moved = true; moved; ) {
        moved = false;
        for (const o of obstacles) {
          const oa0 = pa[o]!;
          const oa1 = oa0 + layerSize[o]!;
          if (oa1 <= a0 || oa0 >= a1) continue;
          const ob0 = pb[o]!;
          const ob1 = ob0 + crossSize[o]!;
          if (ob1 <= b || ob0 >= b + crossSize[v]!) continue;
          b = ob1 + sep;
          moved = true;
        }
      }
      pb[v] = b;
      prevEnd = b + crossSize[v]!;
    }
  }
}
