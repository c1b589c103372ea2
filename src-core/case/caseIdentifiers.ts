/**
 * The value of a `Framework.caseIdentifiers` entry that says the imported package had *no* such object
 * (the nil UUID, which no CASE object carries): `isChildOf:<item>:<framework id>` — the item had no
 * `isChildOf` (a root without a link to the document), so an export writes none while the item is still at
 * the top level; `rubric:<framework id>` — some competencies of the package had no rubric, so an export
 * writes a competency's rubric only where it describes a phase (a descriptor or an indicator) or the package
 * had one (its `criterion:<competency>` is kept). See docs/case-mapping.md, "Round trips keep identifiers".
 */
export const NO_CASE_OBJECT = '00000000-0000-0000-0000-000000000000';
