import { IdIndex, isFrozenCached } from '../graph/prerequisiteGraph';
import type { Standard, StandardsSet } from '../model/types';

/**
 * A standards set as arrays: standard `i` is `items[i]`, its parent `parent[i]` (-1 at the top or when
 * the parent is not in the set). Built once per set; kept per `items` record when it is frozen.
 */
export interface StandardsTree {
  readonly ids: readonly string[];
  readonly items: readonly Standard[];
  readonly index: IdIndex;
  readonly parent: Int32Array;
  /** 1 when some standard of the set names this one as its parent. */
  readonly hasChildren: Uint8Array;
  /**
   * What each standard says about counting for coverage: 0 when `assessable` is absent, 1 when it is
   * true, 2 when it is false — read with the parent, so coverage need not read the standards again.
   */
  readonly assessable: Uint8Array;
  /** Each standard's grade levels (its `educationLevels`). */
  readonly levels: readonly (readonly string[])[];
}

const trees = new WeakMap<object, StandardsTree>();

/** The tree of a set; `memo` shares trees between the checks of one run when the set is not frozen. */
export function standardsTree(set: StandardsSet, memo?: Map<object, StandardsTree>): StandardsTree {
  const rec = set.items;
  const frozen = isFrozenCached(rec);
  const hit = frozen ? trees.get(rec) : memo?.get(rec);
  if (hit) return hit;
  const ids = Object.keys(rec);
  const n = ids.length;
  const items = new Array<Standard>(n);
  for (let i = 0; i < n; i++) items[i] = rec[ids[i]!]!;
  const index = new IdIndex(ids);
  const parent = new Int32Array(n);
  const hasChildren = new Uint8Array(n);
  const assessable = new Uint8Array(n);
  const levels = new Array<readonly string[]>(n);
  for (let i = 0; i < n; i++) {
    const s = items[i]!;
    const p = s.parentId;
    const a = s.assessable;
    assessable[i] = a === undefined ? 0 : a ? 1 : 2;
    levels[i] = s.educationLevels;
    const j = p === null ? undefined : index.get(p);
    if (j === undefined) parent[i] = -1;
    else {
      parent[i] = j;
      hasChildren[j] = 1;
    }
  }
  const tree = { ids, items, index, parent, hasChildren, assessable, levels };
  if (frozen) trees.set(rec, tree);
  else memo?.set(rec, tree);
  return tree;
}
