import type { DiagnosticLike } from '../diagnostics/useDiagnostics';

const NONE: readonly DiagnosticLike[] = [];
// Per diagnostics array: the first answer (one pass over the problems, as cheap as it gets for the
// inspector re-rendering after an edit), then, from the second competency asked about, the index.
type Seen = { id: string; mine: readonly DiagnosticLike[] } | Map<string, DiagnosticLike[]>;
const seen = new WeakMap<readonly DiagnosticLike[], Seen>();

/**
 * The problems (errors and warnings, not infos) that name competency `id`, in the order of `all`.
 * A new array comes with each validation: the first question about it (the selected competency,
 * after an edit) is answered by one pass over the problems; asked about another competency (the
 * selection moves, Tab through the map), it indexes them by competency once, so each further
 * selection change costs a lookup instead of a pass over thousands of problems.
 */
export function problemsOf(all: readonly DiagnosticLike[], id: string): readonly DiagnosticLike[] {
  const s = seen.get(all);
  if (s instanceof Map) return s.get(id) ?? NONE;
  if (s && s.id === id) return s.mine;
  if (!s) {
    const mine = all.filter((d) => d.severity !== 'info' && d.ids?.includes(id));
    seen.set(all, { id, mine: mine.length ? mine : NONE });
    return mine.length ? mine : NONE;
  }
  const index = new Map<string, DiagnosticLike[]>();
  for (const d of all) {
    if (d.severity === 'info' || !d.ids) continue;
    for (const cid of d.ids) {
      const list = index.get(cid);
      if (!list) index.set(cid, [d]);
      else if (list[list.length - 1] !== d) list.push(d); // an id named twice (a cycle's ends) counts once
    }
  }
  seen.set(all, index);
  return index.get(id) ?? NONE;
}
