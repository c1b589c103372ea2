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
  const { n } = g;
  const labels = new Int32Array(4 * n);
  const state = new Uint8Array(n);
  const stack = new Int32Array(n);
  const cursor = new Int32Array(n);
  if (!traverse(g, labels, 0, state, stack, cursor, false)) return undefined;
  state.fill(0);
  traverse(g, labels, 2, state, stack, cursor, true);
  return labels;
}

/**
 * One post-order traversal writing `post` and `low` at `4·v + slot`; false on a back edge (a cycle).
 * A node's `low` is taken when it finishes: its successors have all finished before it (no cycle).
 */
function traverse(
  g: PrerequisiteGraph,
  labels: Int32Array,
  slot: number,
  state: Uint8Array, // 0 unvisited, 1 on the stack, 2 finished
  stack: Int32Array,
  cursor: Int32Array, // the next out-edge to look at
  reversed: boolean,
): boolean {
  const { n, outStart, outTo } = g;
  const step = reversed ? -1 : 1;
  let next = 0;
  for (let k = 0; k < n; k++) {
    const r = reversed ? n - 1 - k : k;
    if (state[r] !== 0) continue;
    let sp = 0;
    stack[sp++] = r;
    state[r] = 1;
    cursor[r] = reversed ? outStart[r + 1]! - 1 : outStart[r]!;
    while (sp > 0) {
      const v = stack[sp - 1]!;
      const e = cursor[v]!;
      if (e >= outStart[v]! && e < outStart[v + 1]!) {
        cursor[v] = e + step;
        const w = outTo[e]!;
        const s = state[w]!;
        if (s === 0) {
          state[w] = 1;
          cursor[w] = reversed ? outStart[w + 1]! - 1 : outStart[w]!;
          stack[sp++] = w;
        } else if (s === 1) return false;
      } else {
        sp--;
        state[v] = 2;
        const post = next++;
        let low = post;
        for (let f = outStart[v]!, end = outStart[v + 1]!; f < end; f++) {
          const l = labels[4 * outTo[f]! + slot + 1]!;
          if (l < low) low = l;
        }
        labels[4 * v + slot] = post;
        labels[4 * v + slot + 1] = low;
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
