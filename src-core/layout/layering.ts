/**
 * Phase 1 of the layered layout: make the prerequisite graph acyclic (deterministically) and assign
 * each node a layer from its prerequisite depth. Works on dense integer indices and typed arrays.
 */

/** Compressed adjacency: neighbours of `v` are `list[start[v] .. start[v+1])`. */
export interface Csr {
  start: Int32Array;
  list: Int32Array;
}

/** Builds a CSR adjacency from parallel `from`/`to` arrays, keeping input order per node. */
export function buildCsr(n: number, from: ArrayLike<number>, to: ArrayLike<number>, count: number): Csr {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) start[from[e]! + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const list = new Int32Array(count);
  for (let e = 0; e < count; e++) list[fill[from[e]!]!++] = to[e]!;
  return { start, list };
}

/**
 * Finds edges to reverse so the graph becomes acyclic: the back edges of an iterative depth-first
 * search started from each node in index order. An acyclic graph gets no reversals; the choice only
 * depends on input order, so it is deterministic. Self-loops are reported separately (they are dropped).
 */
export function findBackEdges(n: number, from: Int32Array, to: Int32Array): { reversed: Uint8Array; selfLoop: Uint8Array } {
  const m = from.length;
  const reversed = new Uint8Array(m);
  const selfLoop = new Uint8Array(m);
  // out-edges by edge index, so each back edge can be flagged
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) start[from[e]! + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const outEdge = new Int32Array(m);
  for (let e = 0; e < m; e++) outEdge[fill[from[e]!]!++] = e;

  const state = new Uint8Array(n); // 0 new, 1 on the DFS stack, 2 finished
  const stackNode = new Int32Array(n);
  const stackNext = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    let sp = 0;
    stackNode[0] = root;
    stackNext[0] = start[root]!;
    state[root] = 1;
    while (sp >= 0) {
      const v = stackNode[sp]!;
      const i = stackNext[sp]!;
      if (i < start[v + 1]!) {
        stackNext[sp] = i + 1;
        const e = outEdge[i]!;
        const w = to[e]!;
        if (w === v) selfLoop[e] = 1;
        else if (state[w] === 1) reversed[e] = 1;
        else if (state[w] === 0) {
          state[w] = 1;
          sp++;
          stackNode[sp] = w;
          stackNext[sp] = start[w]!;
        }
      } else {
        state[v] = 2;
        sp--;
      }
    }
  }
  return { reversed, selfLoop };
}

/**
 * Layers of an acyclic graph: longest path from the sources (a node sits one layer after its deepest
 * prerequisite), then nodes with more dependents than prerequisites are pulled forward next to their
 * earliest dependent, which shortens long edges (fewer bend points, fewer crossings).
 * Returns layer indices starting at 0.
 */
export function assignLayers(n: number, out: Csr, inn: Csr): Int32Array {
  const layer = new Int32Array(n);
  const indeg = new Int32Array(n);
  for (let v = 0; v < n; v++) indeg[v] = inn.start[v + 1]! - inn.start[v]!;
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < n; v++) if (indeg[v] === 0) order[tail++] = v;
  while (head < tail) {
    const v = order[head++]!;
    const lv = layer[v]! + 1;
    for (let i = out.start[v]!; i < out.start[v + 1]!; i++) {
      const w = out.list[i]!;
      if (layer[w]! < lv) layer[w] = lv;
      indeg[w] = indeg[w]! - 1;
      if (indeg[w] === 0) order[tail++] = w;
    }
  }
  if (tail !== n) throw new Error('assignLayers: graph is not acyclic');
  for (let k = n - 1; k >= 0; k--) {
    const v = order[k]!;
    const outDeg = out.start[v + 1]! - out.start[v]!;
    const inDeg = inn.start[v + 1]! - inn.start[v]!;
    if (outDeg === 0 || outDeg <= inDeg) continue;
    let min = Infinity;
    for (let i = out.start[v]!; i < out.start[v + 1]!; i++) min = Math.min(min, layer[out.list[i]!]!);
    if (min - 1 > layer[v]!) layer[v] = min - 1;
  }
  let lo = Infinity;
  for (let v = 0; v < n; v++) lo = Math.min(lo, layer[v]!);
  if (lo > 0 && lo !== Infinity) for (let v = 0; v < n; v++) layer[v]! -= lo;
  return layer;
}
