import type { CompetencyId } from '../model/ids';
import type { PrerequisiteGraph } from './prerequisiteGraph';
import { stronglyConnectedComponents, type Components } from './scc';

/**
 * Depth of each node in the prerequisite order and a topological order, computed on the condensation
 * (each cyclic component counts as one step), so they are defined for any graph.
 */
export interface Layering {
  /** Node → longest chain of prerequisites leading to it, in components (0 for a competency with none). */
  readonly depth: Int32Array;
  /** All nodes, every prerequisite before what it is a prerequisite of (exact when the graph is acyclic). */
  readonly order: Int32Array;
  /** Length of the longest prerequisite chain, in competencies (0 for an empty framework). */
  readonly longestChain: number;
  /** One longest chain, from its first prerequisite to its last competency. */
  readonly longestChainIds: CompetencyId[];
}

/** Longest-path layering over the condensation. O(n + m). */
export function layering(g: PrerequisiteGraph, cc: Components = stronglyConnectedComponents(g)): Layering {
  const { n, inStart, inFrom } = g;
  const cdepth = new Int32Array(cc.count);
  const cbest = new Int32Array(cc.count).fill(-1); // the predecessor node that gives cdepth
  // Predecessor components have larger numbers (Tarjan emits sinks first): walk from count-1 down.
  for (let c = cc.count - 1; c >= 0; c--) {
    let d = 0;
    let best = -1;
    for (let k = cc.start[c]!; k < cc.start[c + 1]!; k++) {
      const v = cc.nodes[k]!;
      for (let e = inStart[v]!; e < inStart[v + 1]!; e++) {
        const u = inFrom[e]!;
        const cu = cc.comp[u]!;
        if (cu !== c && cdepth[cu]! + 1 > d) {
          d = cdepth[cu]! + 1;
          best = u;
        }
      }
    }
    cdepth[c] = d;
    cbest[c] = best;
  }
  const depth = new Int32Array(n);
  const order = new Int32Array(n);
  let i = 0;
  for (let c = cc.count - 1; c >= 0; c--) {
    for (let k = cc.start[c]!; k < cc.start[c + 1]!; k++) {
      const v = cc.nodes[k]!;
      depth[v] = cdepth[c]!;
      order[i++] = v;
    }
  }
  let end = -1;
  for (let c = 0; c < cc.count; c++) if (end === -1 || cdepth[c]! > cdepth[end]!) end = c;
  const longestChainIds: CompetencyId[] = [];
  if (end !== -1) {
    let v = cc.nodes[cc.start[end]!]!;
    for (;;) {
      longestChainIds.push(g.ids[v]!);
      const u = cbest[cc.comp[v]!]!;
      if (u === -1) break;
      v = u;
    }
    longestChainIds.reverse();
  }
  return { depth, order, longestChain: longestChainIds.length, longestChainIds };
}

/**
 * A topological order of the competencies (every prerequisite before what it unlocks), or `null` when
 * the prerequisites form a cycle. Kahn's algorithm, O(n + m); ties keep competency order.
 */
export function topologicalOrder(g: PrerequisiteGraph): CompetencyId[] | null {
  const { n, outStart, outTo, inStart } = g;
  const indeg = new Int32Array(n);
  for (let v = 0; v < n; v++) indeg[v] = inStart[v + 1]! - inStart[v]!;
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < n; v++) if (indeg[v] === 0) queue[tail++] = v;
  while (head < tail) {
    const v = queue[head++]!;
    for (let e = outStart[v]!; e < outStart[v + 1]!; e++) {
      const w = outTo[e]!;
      if (--indeg[w]! === 0) queue[tail++] = w;
    }
  }
  if (tail < n) return null;
  const out: CompetencyId[] = new Array<CompetencyId>(n);
  for (let k = 0; k < n; k++) out[k] = g.ids[queue[k]!]!;
  return out;
}

/** How many competencies start, end or stand outside the progression. */
export interface Ends {
  /** Competencies with no prerequisite that unlock at least one other (starting points). */
  roots: number;
  /** Competencies that are a prerequisite of nothing but require at least one (end points). */
  leaves: number;
  /** Node indices of competencies with no link at all. */
  isolated: number[];
}

/** Roots, leaves and isolated competencies. O(n). */
export function graphEnds(g: PrerequisiteGraph): Ends {
  let roots = 0;
  let leaves = 0;
  const isolated: number[] = [];
  for (let v = 0; v < g.n; v++) {
    const ins = g.inStart[v + 1]! - g.inStart[v]!;
    const outs = g.outStart[v + 1]! - g.outStart[v]!;
    if (ins === 0 && outs === 0) isolated.push(v);
    else if (ins === 0) roots++;
    else if (outs === 0) leaves++;
  }
  return { roots, leaves, isolated };
}
