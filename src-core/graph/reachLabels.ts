import type { PrerequisiteGraph } from './prerequisiteGraph';

/**
 * Interval labels that answer most "can `a` reach `b`?" questions in O(1) with a certain "no"
 * (GRAIL, Yildirim et al. 2010). Each of two depth-first traversals numbers the nodes in post-order
 * (`post`) and gives each node the smallest number among the nodes it reaches (`low`, itself
 * included). In an acyclic graph, if `a` reaches `b` through at least one link then, in both
 * traversals, `post(b) < post(a)` and `low(a) ≤ low(b)`: a label that fails either test proves `b`
 * unreachable from `a`. A label that passes proves nothing (search to be sure).
 *
 * Stored interleaved per node, `[post₁, low₁, post₂, low₂]` at `4·v`, so one lookup touches one cache
 * line. The second traversal starts from the last node and takes successors in reverse, so the two
 * rarely share a false "maybe".
 */
export type ReachLabels = Int32Array;

/**
 * The {@link ReachLabels} of `g`, or undefined when `g` has a cycle (labels prove nothing then).
 * O(n + m), iterative (no recursion); the labels are one Int32Array of 4·n.
 */
export function reachLabels(g: PrerequisiteGraph): ReachLabels | undefined {
  const labels = new Int32Array(4 * g.n);
  return writeReachLabels(g, labels, 4, 0) ? labels : undefined;
}

/**
 * Writes the labels of {@link reachLabels} into a table of `stride` numbers per node, as
 * `[post₁, low₁, post₂, low₂]` from `offset` in each node's row (so a search can keep them in the same
 * cache line as its own per-node numbers). False when `g` has a cycle (the table is then partly written).
 *
 * `order`, when given, is every node with each prerequisite before what it is a prerequisite of
 * (`Layering.order`): the first numbering is then read from it backwards, with each `low` in one pass
 * over the links, instead of a traversal. From `layering`, whose order is the reverse of Tarjan's
 * depth-first post-order — the first traversal's exactly — the labels are the same; any other such
 * order gives labels as safe (every "no" still certain), only looser.
 */
export function writeReachLabels(g: PrerequisiteGraph, out: Int32Array, stride: number, offset: number, order?: Int32Array): boolean {
  const { n } = g;
  const state = new Uint8Array(n);
  const stack = new Int32Array(n);
  const cursor = new Int32Array(n);
  const end = new Int32Array(n);
  if (order && order.length === n) fromOrder(g, order, out, stride, offset);
  else if (traverse(g, out, stride, offset, state, stack, cursor, end, false)) state.fill(0);
  else return false;
  return traverse(g, out, stride, offset + 2, state, stack, cursor, end, true);
}

/**
 * The first numbering from a topological `order`: `post` counts from its end, and `low` is the least
 * of a node's own `post` and its successors' `low` — all numbered before it, as they come after it.
 */
function fromOrder(g: PrerequisiteGraph, order: Int32Array, out: Int32Array, stride: number, slot: number): void {
  const { n, outStart, outTo } = g;
  const LOW = slot + 1;
  for (let post = 0; post < n; post++) {
    const v = order[n - 1 - post]!;
    let low = post;
    for (let e = outStart[v]!, end = outStart[v + 1]!; e < end; e++) {
      const l = out[outTo[e]! * stride + LOW]!;
      if (l < low) low = l;
    }
    const i = v * stride + slot;
    out[i] = post;
    out[i + 1] = low;
  }
}

/**
 * One post-order traversal writing `post` and `low` at `stride·v + slot` (`low` one further); false on a
 * back edge (a cycle). The first takes nodes from 0 and successors in link order, the second (`reversed`)
 * nodes from the last and successors in reverse, walking each list from its other end. Each edge is read
 * once: a node's `low` starts at its `post` when it finishes and is lowered into its parent (the node
 * below it on the stack) as it leaves; a successor that finished earlier lowers the node when its edge is
 * read. The next edge and the end of each node's list live on the stack, beside the node (`cursor`,
 * `end` are indexed by stack position), so the loop reads no per-node array for them.
 */
function traverse(
  g: PrerequisiteGraph,
  out: Int32Array,
  stride: number,
  slot: number,
  state: Uint8Array, // 0 unvisited, 1 on the stack, 2 finished
  stack: Int32Array,
  cursor: Int32Array, // per stack position: the next out-edge to look at
  end: Int32Array, // per stack position: where the node's out-edges stop
  reversed: boolean,
): boolean {
  const { n, outStart, outTo } = g;
  const LOW = slot + 1;
  const step = reversed ? -1 : 1;
  const NONE = 0x7fffffff;
  let next = 0;
  for (let k = 0; k < n; k++) {
    const r = reversed ? n - 1 - k : k;
    if (state[r] !== 0) continue;
    state[r] = 1;
    out[r * stride + LOW] = NONE;
    stack[0] = r;
    cursor[0] = reversed ? outStart[r + 1]! - 1 : outStart[r]!;
    end[0] = reversed ? outStart[r]! - 1 : outStart[r + 1]!;
    let sp = 1;
    while (sp > 0) {
      const top = sp - 1;
      const e = cursor[top]!;
      if (e !== end[top]) {
        cursor[top] = e + step;
        const w = outTo[e]!;
        const s = state[w]!;
        if (s === 0) {
          state[w] = 1;
          out[w * stride + LOW] = NONE;
          stack[sp] = w;
          cursor[sp] = reversed ? outStart[w + 1]! - 1 : outStart[w]!;
          end[sp] = reversed ? outStart[w]! - 1 : outStart[w + 1]!;
          sp++;
        } else if (s === 2) {
          const l = out[w * stride + LOW]!;
          const i = stack[top]! * stride + LOW;
          if (l < out[i]!) out[i] = l;
        } else return false;
      } else {
        const v = stack[top]!;
        sp = top;
        state[v] = 2;
        const i = v * stride + slot;
        const post = next++;
        let low = out[i + 1]!;
        if (post < low) low = post;
        out[i] = post;
        out[i + 1] = low;
        if (sp > 0) {
          const p = stack[sp - 1]! * stride + LOW;
          if (low < out[p]!) out[p] = low;
        }
      }
    }
  }
  return true;
}

/** False when the labels prove that `b` cannot be reached from `a` (through one link or more). */
export function mayReach(labels: ReachLabels, a: number, b: number): boolean {
  const i = 4 * a;
  const j = 4 * b;
  return labels[j]! < labels[i]! && labels[i + 1]! <= labels[j + 1]! && labels[j + 2]! < labels[i + 2]! && labels[i + 3]! <= labels[j + 3]!;
}
