import type { Framework } from './types';

/**
 * The value of a `Framework.caseIdentifiers` entry that says the imported package had *no* such object
 * (the nil UUID, which no CASE object carries): `isChildOf:<item>:<framework id>` — the item had no
 * `isChildOf` (a root without a link to the document), so an export writes none while the item is still at
 * the top level; `rubric:<framework id>` — some competencies of the package had no rubric, so an export
 * writes a competency's rubric only where it describes a phase (a descriptor or an indicator) or the package
 * had one (its `criterion:<competency>` is kept). See docs/case-mapping.md, "Round trips keep identifiers".
 */
export const NO_CASE_OBJECT = '00000000-0000-0000-0000-000000000000';

/**
 * Takes out of a framework's `caseIdentifiers` (in an edit: the immer draft) every entry that names one of
 * the `gone` ids (a deleted competency, domain, indicator or phase, compared lower case as the keys hold
 * them): it can never be used again, as an export looks entries up by what still exists. `before` is the
 * framework before the edit (read without the draft's cost); when `competencies` is set, the indicators of
 * those competencies in `before` are gone with them. The property is removed when no entry is left.
 * Undo brings the entries back with the rest of the edit.
 */
export function forgetCaseIdentifiers(draft: Framework, before: Framework, gone: Iterable<string>, competencies = false): void {
  const kept = before.caseIdentifiers;
  if (kept === undefined) return;
  const ids = new Set<string>();
  for (const id of gone) {
    ids.add(id.toLowerCase());
    if (!competencies) continue;
    const c = Object.prototype.hasOwnProperty.call(before.competencies, id) ? before.competencies[id] : undefined;
    for (const pd of Object.values(c?.phases ?? {})) for (const ind of pd.indicators) ids.add(ind.id.toLowerCase());
  }
  if (ids.size === 0) return;
  const stale: string[] = [];
  for (const key of Object.keys(kept)) {
    // `<kind>:<id>` or `<kind>:<id>:<id>`; ids hold no colon (the schema's pattern)
    const a = key.indexOf(':');
    const b = key.indexOf(':', a + 1);
    if (ids.has(b < 0 ? key.slice(a + 1) : key.slice(a + 1, b)) || (b >= 0 && ids.has(key.slice(b + 1)))) stale.push(key);
  }
  if (stale.length === 0) return;
  if (stale.length === Object.keys(kept).length) {
    delete draft.caseIdentifiers;
    return;
  }
  const target = draft.caseIdentifiers!;
  for (const key of stale) delete target[key];
}
