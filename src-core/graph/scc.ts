import type { CompetencyId } from '../model/ids';
import type { PrerequisiteGraph } from './prerequisiteGraph';

/**
 * Strongly connected components of a prerequisite graph.
 *
 * Component numbers follow Tarjan's emission order, which is a reverse topological order of the
 * condensation: for every edge `u → v` between different components, `comp[u] > comp[v]`.
 */
export interface Components {
  /** Number of components. */
  readonly count: number;
  /** Node → component number. */
  readonly comp: Int32Array;
  /** CSR offsets (length count+1) into `nodes`: the members of component `c` are `nodes[start[c]…start[c+1]-1]`. */
  readonly start: Int32Array;
  /** Members grouped by component, each group in ascending node order. */
  readonly nodes: Int32Array;
  /** Component numbers with more than one member (self-links are not edges, so these are all cycles). */
  readonly cyclic: readonly number[];
}

/**
 * Tarjan's algorithm, iterative (explicit stacks in typed arrays), so it handles any depth — a
 * 100,000-competency chain included — without recursion. O(n + m) time, O(n) extra memory.
 */
export function stronglyConnectedComponents(g: PrerequisiteGraph): Components {
  const { n, outStart, outTo } = g;
  const order = new Int32Array(n).fill(-1); // discovery index
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n); // Tarjan's stack of open nodes
  const call = new Int32Array(n); // the DFS path
  const next = new Int32Array(n); // next out-edge to look at, per node on the DFS path
  let sp = 0;
  let counter = 0;
  let count = 0;

  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    let cp = 0;
    call[cp++] = root;
    order[root] = low[root] = counter++;
    next[root] = outStart[root]!;
    stack[sp++] = root;
    while (cp > 0) {
      const v = call[cp - 1]!;
      const e = next[v]!;
      if (e < outStart[v + 1]!) {
        next[v] = e + 1;
        const w = outTo[e]!;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          next[w] = outStart[w]!;
          stack[sp++] = w;
          call[cp++] = w;
        } else if (comp[w] === -1 && order[w]! < low[v]!) {
          // w is still open (on Tarjan's stack).
          low[v] = order[w]!;
        }
        continue;
      }
      // v is finished.
      cp--;
      if (low[v] === order[v]) {
        let w: number;
        do {
          w = stack[--sp]!;
          comp[w] = count;
        } while (w !== v);
        count++;
      }
      if (cp > 0) {
        const parent = call[cp - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }

  const start = new Int32Array(count + 1);
  for (let v = 0; v < n; v++) start[comp[v]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, count);
  const nodes = new Int32Array(n);
  for (let v = 0; v < n; v++) nodes[fill[comp[v]!]!++] = v;
  const cyclic: number[] = [];
  for (let c = 0; c < count; c++) if (start[c + 1]! - start[c]! > 1) cyclic.push(c);
  return { count, comp, start, nodes, cyclic };
}

/** A cyclic component, with one concrete loop through it. */
export interface PrerequisiteCycle {
  /**
   * Every member of the component: first the members of `path` in path order, then any other
   * members (reachable from the loop and back, but not on this particular loop).
   */
  members: CompetencyId[];
  /** A closed path `[A, B, C, A]`: each competency is a prerequisite of the next; first === last. */
  path: CompetencyId[];
}

/**
 * For each cyclic component, its members and a shortest loop through its first member (lowest node
 * index, so the result is stable for a given framework). Each search is a breadth-first search that
 * never leaves the component, so all of them together cost O(n + m).
 */
export function prerequisiteCycles(g: PrerequisiteGraph, cc: Components = stronglyConnectedComponents(g)): PrerequisiteCycle[] {
  if (cc.cyclic.length === 0) return [];
  const parent = new Int32Array(g.n).fill(-1);
  const queue = new Int32Array(g.n);
  const onPath = new Uint8Array(g.n);
  const result: PrerequisiteCycle[] = [];
  for (const c of cc.cyclic) {
    const s = cc.nodes[cc.start[c]!]!;
    // BFS from s inside the component until an edge back into s is seen.
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    parent[s] = s;
    let last = -1;
    search: while (head < tail) {
      const v = queue[head++]!;
      for (let e = g.outStart[v]!, end = g.outStart[v + 1]!; e < end; e++) {
        const w = g.outTo[e]!;
        if (cc.comp[w] !== c) continue;
        if (w === s) {
          last = v;
          break search;
        }
        if (parent[w] !== -1) continue;
        parent[w] = v;
        queue[tail++] = w;
      }
    }
    if (last === -1) throw new Error('prerequisiteCycles: a cyclic component without a loop through its first member');
    const loop: number[] = [];
    for (let v = last; v !== s; v = parent[v]!) loop.push(v);
    loop.push(s);
    loop.reverse(); // s … last
    const path: CompetencyId[] = loop.map((v) => g.ids[v]!);
    path.push(g.ids[s]!);
    for (const v of loop) onPath[v] = 1;
    const members: CompetencyId[] = path.slice(0, -1);
    for (let k = cc.start[c]!; k < cc.start[c + 1]!; k++) {
      const v = cc.nodes[k]!;
      if (!onPath[v]) members.push(g.ids[v]!);
    }
    for (const v of loop) onPath[v] = 0;
    // Reset only what this search touched.
    for (let k = 0; k < tail; k++) parent[queue[k]!] = -1;
    result.push({ members, path });
  }
  return result;
}
