/**
 * Cycles in a parent-pointer hierarchy (domains' `parentId`, standards' `parentId` / CASE `isChildOf`).
 * Every node has at most one parent, so each cycle is a simple loop; each is reported once, as the
 * closed path `[a, parent(a), …, a]` starting at its first member in input order. O(n), iterative.
 *
 * @param ids the nodes, in a stable order
 * @param parentOf the parent id of a node, or null / undefined for a top-level node; a parent id that
 *   is not in `ids` ends the walk (dangling parents are reported separately)
 */
export function hierarchyCycles(ids: readonly string[], parentOf: (id: string) => string | null | undefined): string[][] {
  const state = new Map<string, number>(); // 1 = on the current walk, 2 = done
  const known = new Set(ids);
  const cycles: string[][] = [];
  const walk: string[] = [];
  for (const id of ids) {
    if (state.has(id)) continue;
    walk.length = 0;
    let v: string | null | undefined = id;
    while (v != null && known.has(v) && !state.has(v)) {
      state.set(v, 1);
      walk.push(v);
      v = parentOf(v);
    }
    if (v != null && state.get(v) === 1) {
      // v is on this walk: the loop is v … end of walk.
      const loop = walk.slice(walk.indexOf(v));
      loop.push(v);
      cycles.push(loop);
    }
    for (const w of walk) state.set(w, 2);
  }
  return cycles;
}

/**
 * The same for a hierarchy given as a parent array (`parent[v]` = parent node, or -1): each loop once,
 * as a closed path of node numbers, starting where the walk up from the lowest-numbered node that
 * leads into it enters the loop. O(n), typed arrays.
 */
export function parentArrayCycles(parent: Int32Array): number[][] {
  const n = parent.length;
  const state = new Int32Array(n).fill(-1); // walk number that visited v; walks are numbered from 0
  const cycles: number[][] = [];
  for (let s = 0; s < n; s++) {
    if (state[s] !== -1) continue;
    let v = s;
    while (v !== -1 && state[v] === -1) {
      state[v] = s;
      v = parent[v]!;
    }
    if (v !== -1 && state[v] === s) {
      const loop = [v];
      for (let w = parent[v]!; w !== v; w = parent[w]!) loop.push(w);
      loop.push(v);
      cycles.push(loop);
    }
  }
  return cycles;
}
