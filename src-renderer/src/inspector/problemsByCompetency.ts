import type { DiagnosticLike } from '../diagnostics/useDiagnostics';

const NONE: readonly DiagnosticLike[] = [];
const indexes = new WeakMap<readonly DiagnosticLike[], Map<string, DiagnosticLike[]>>();

/**
 * The problems (errors and warnings, not infos) that name competency `id`, in the order of `all`.
 * A new array comes with each validation; it is indexed by competency once (one pass), so each
 * selection change (a click, Tab through the map) is a lookup instead of a pass over every problem.
 */
export function problemsOf(all: readonly DiagnosticLike[], id: string): readonly DiagnosticLike[] {
  let index = indexes.get(all);
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
    indexes.set(all, index);
  }
  return index.get(id) ?? NONE;
}
