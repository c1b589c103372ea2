import type { DiagnosticLike } from '../diagnostics/useDiagnostics';

const NONE: readonly DiagnosticLike[] = [];
const indexCache = new WeakMap<readonly DiagnosticLike[], Map<string, DiagnosticLike[]>>();

/**
 * The problems (errors and warnings, not infos) that name competency `id`, in the order of `all`.
 * The index by competency is built once per diagnostics array (a new array comes with each
 * validation), so moving the selection or tabbing through a map with thousands of problems costs a
 * lookup instead of a pass over every problem.
 */
export function problemsOf(all: readonly DiagnosticLike[], id: string): readonly DiagnosticLike[] {
  let index = indexCache.get(all);
  if (!index) {
    index = new Map();
    for (const d of all) {
      if (d.severity === 'info' || !d.ids) continue;
      for (const cid of d.ids) {
        const list = index.get(cid);
        if (!list) index.set(cid, [d]);
        else if (list[list.length - 1] !== d) list.push(d); // an id named twice (a cycle's ends) counts once
      }
    }
    indexCache.set(all, index);
  }
  return index.get(id) ?? NONE;
}
