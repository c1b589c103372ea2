import type { CoverageSlice, SetCoverage } from '../../../../src-core/checks';
import { writeCsv } from '../../../../src-core/csv/papa';
import { formatLevels } from '../../../../src-core/model/levels';
import type { Framework, Standard, StandardsSet } from '../../../../src-core/model/types';
import { alignmentsByStandard, standardName, treeOrder } from '../standards/standardsModel';

/** Whether a standard counts for coverage (the rule of src-core/checks/coverage: assessable, else leaf). */
export function countsForCoverage(s: Standard, hasChildren: boolean): boolean {
  return s.assessable ?? !hasChildren;
}

/**
 * The coverage report of one standards set as CSV (UTF-8 BOM, quoted): one row per standard in tree
 * order with whether it counts, whether it is covered, and the competencies aligned to it.
 */
export function coverageReportCsv(fw: Framework, set: StandardsSet, cov: SetCoverage): string {
  const byStd = alignmentsByStandard(fw, set.id);
  const parents = new Set<string>();
  for (const s of Object.values(set.items)) if (s.parentId) parents.add(s.parentId);
  const uncovered = new Set<string>(cov.uncovered);
  const rows: string[][] = [['Standards set', 'Code', 'Statement', 'Item type', 'Grade levels', 'Counts for coverage', 'Covered', 'Aligned competencies', 'Alignment kinds', 'Identifier']];
  for (const { s } of treeOrder(set)) {
    const counted = countsForCoverage(s, parents.has(s.id));
    const al = (byStd.get(s.id) ?? []).map((id) => fw.alignments.get(id)!);
    rows.push([
      set.title,
      s.code,
      s.statement,
      s.itemType,
      formatLevels(s.educationLevels),
      counted ? 'yes' : 'no',
      counted ? (uncovered.has(s.id) ? 'no' : 'yes') : al.length ? 'yes' : '',
      al.map((a) => fw.competencies[a.competencyId]?.code || fw.competencies[a.competencyId]?.statement || a.competencyId).join('; '),
      al.map((a) => a.kind).join('; '),
      s.id,
    ]);
  }
  rows.push([]);
  rows.push([set.title, 'TOTAL', `${cov.covered} of ${cov.standards} standards covered`, '', '', '', `${Math.round(cov.ratio * 1000) / 10}%`, '', '', '']);
  return writeCsv(rows);
}

/** One competency's alignments to two sets (the crosswalk). */
export interface CrosswalkRow {
  competencyId: string;
  a: Standard[];
  b: Standard[];
}

/** Competencies aligned to set A and/or set B, with their standards in each; sorted by code. */
export function crosswalk(fw: Framework, a: StandardsSet, b: StandardsSet): CrosswalkRow[] {
  const rows = new Map<string, CrosswalkRow>();
  for (const al of fw.alignments.values()) {
    if (!fw.competencies[al.competencyId]) continue;
    const side = al.setId === a.id ? 'a' : al.setId === b.id ? 'b' : null;
    if (!side) continue;
    const s = (side === 'a' ? a : b).items[al.standardId];
    if (!s) continue;
    let r = rows.get(al.competencyId);
    if (!r) rows.set(al.competencyId, (r = { competencyId: al.competencyId, a: [], b: [] }));
    r[side].push(s);
  }
  const code = (id: string) => fw.competencies[id]?.code ?? '';
  return [...rows.values()].sort((x, y) => code(x.competencyId).localeCompare(code(y.competencyId), undefined, { numeric: true }));
}

/** A heat colour for a coverage ratio (red → amber → green), as a translucent background. */
export function heat(ratio: number): string {
  const hue = Math.round(Math.max(0, Math.min(1, ratio)) * 120);
  return `hsl(${hue} 70% 50% / 0.22)`;
}

/**
 * The "by standards domain" rows of a set, in the order of its standards tree (a spreadsheet's rows may
 * come in another order), the top level last. Groups with the same name (every grade's "Reading
 * Standards for Informational Text", without a code) are named with their parents too —
 * "Grade 1 › Reading Standards for Informational Text" — up to the first ancestor that tells them apart.
 */
export function groupRows(set: StandardsSet, slices: readonly CoverageSlice[]): CoverageSlice[] {
  const at = new Map<string, number>();
  treeOrder(set).forEach(({ s }, i) => at.set(s.id, i));
  const rank = (k: string | null) => (k === null ? Infinity : (at.get(k) ?? Number.MAX_SAFE_INTEGER));
  const rows = [...slices].sort((a, b) => rank(a.key) - rank(b.key));
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.label, (counts.get(r.label) ?? 0) + 1);
  if (![...counts.values()].some((n) => n > 1)) return rows;
  return rows.map((r) => {
    if (r.key === null || (counts.get(r.label) ?? 0) < 2) return r;
    // prefix ancestors' names until the name is unique among the rows (at most 3 levels up)
    const names: string[] = [r.label];
    let p = set.items[r.key]?.parentId ?? null;
    for (let up = 0; p && up < 3; up++) {
      const ps = set.items[p];
      if (!ps) break;
      names.unshift(standardName(ps));
      const label = names.join(' › ');
      if (rows.every((o) => o === r || o.key === null || (counts.get(o.label) ?? 0) < 2 || o.label !== r.label || ancestorsLabel(set, o, names.length - 1) !== label)) return { ...r, label };
      p = ps.parentId;
    }
    return { ...r, label: names.join(' › ') };
  });
}

function ancestorsLabel(set: StandardsSet, r: CoverageSlice, levels: number): string {
  const names: string[] = [r.label];
  let p = r.key ? (set.items[r.key]?.parentId ?? null) : null;
  for (let up = 0; p && up < levels; up++) {
    const ps = set.items[p];
    if (!ps) break;
    names.unshift(standardName(ps));
    p = ps.parentId;
  }
  return names.join(' › ');
}

/** The crosswalk's one-line summary: how many competencies are aligned to either set, how many to the old one only. */
export function crosswalkSummary(rows: readonly CrosswalkRow[]): string {
  const onlyA = rows.filter((r) => r.a.length && !r.b.length).length;
  const n = rows.length;
  return `${n} ${n === 1 ? 'competency' : 'competencies'} aligned to either set; ${onlyA} aligned to the old set only.`;
}
