import type { CompetencyId, DomainId, StandardId, StandardsSetId } from '../model/ids';
import { isFrozenCached } from '../graph/prerequisiteGraph';
import { levelRank } from '../model/levels';
import { coverageListsFor, type CoverageLists } from './context';
import { standardsTree, type StandardsTree } from './standardsTree';
import type { Competency, Framework, Standard, StandardsSet } from '../model/types';

/**
 * Which standards of a set count for coverage. Per standard: `assessable: true` counts,
 * `assessable: false` does not, and when `assessable` is absent only leaf standards (no children
 * in the set) count — grouping items such as grades, domains and clusters are not "covered".
 * `basis` says which rule decided: `leaf` (no standard says), `assessable` (every standard says),
 * `mixed`.
 */
export type CoverageBasis = 'leaf' | 'assessable' | 'mixed';

/** Covered / total for one slice of a set (a standards domain or a grade level). */
export interface CoverageSlice {
  /** The grouping standard's id (for `byGroup`; null for standards at the top level) or the grade code (for `byLevel`; '' when none). */
  key: string | null;
  /** Human label: the grouping standard's code and statement, or the grade level. */
  label: string;
  standards: number;
  covered: number;
  ratio: number;
}

/** Coverage of one standards set. */
export interface SetCoverage {
  setId: StandardsSetId;
  title: string;
  basis: CoverageBasis;
  /** How many standards count (see {@link CoverageBasis}). */
  standards: number;
  /** Counted standards with at least one alignment (any kind). */
  covered: number;
  /** Counted standards no competency is aligned to, in set order. */
  uncovered: StandardId[];
  /** covered / standards (1 when nothing counts). */
  ratio: number;
  /** By standards domain / strand: the nearest ancestor whose item type names a domain or strand, else the top-level ancestor. */
  byGroup: CoverageSlice[];
  /** By grade level of the standard (a standard with several levels counts in each). */
  byLevel: CoverageSlice[];
}

/** Alignment coverage of the framework's own domains. */
export interface DomainAlignment {
  domainId: DomainId | null;
  label: string;
  competencies: number;
  /** Competencies of the domain aligned to at least one standard of a set considered. */
  aligned: number;
  ratio: number;
}

/** Standards coverage over every set considered. */
export interface Coverage {
  sets: SetCoverage[];
  standards: number;
  covered: number;
  uncovered: StandardId[];
  ratio: number;
  /** Competencies aligned to no standard of any set considered. */
  unaligned: CompetencyId[];
  byDomain: DomainAlignment[];
}

const GROUP_TYPE = /domain|strand/i;

/**
 * The standards sets coverage is measured against: the framework's own, with `extra` sets replacing
 * one of the same id or CASE document id, or added. Also returns, per framework set id, the set that
 * stands for it.
 */
export function standardsSetsConsidered(
  fw: Pick<Framework, 'standardsSets'>,
  extra: readonly StandardsSet[] = [],
): { sets: StandardsSet[]; forFrameworkSet: Map<string, StandardsSet> } {
  const forFrameworkSet = new Map<string, StandardsSet>();
  const own = Object.values(fw.standardsSets);
  for (const s of own) forFrameworkSet.set(s.id, s);
  const sets: StandardsSet[] = [];
  const replaced = new Set<string>();
  for (const x of extra) {
    for (const s of own) {
      if (s.id === x.id || (x.caseDocumentId && s.caseDocumentId === x.caseDocumentId)) {
        forFrameworkSet.set(s.id, x);
        replaced.add(s.id);
      }
    }
    if (!forFrameworkSet.has(x.id)) forFrameworkSet.set(x.id, x);
  }
  for (const s of own) if (!replaced.has(s.id)) sets.push(s);
  const added = new Set<StandardsSet>();
  for (const x of extra) {
    if (added.has(x)) continue;
    added.add(x);
    sets.push(x);
  }
  return { sets, forFrameworkSet };
}

/** Standard lookup in a set by id, then uri, then code (maps built on first need). */
class StandardIndex {
  private byUri?: Map<string, StandardId>;
  private byCode?: Map<string, StandardId>;
  constructor(readonly set: StandardsSet) {}
  find(id: string, copy: Standard | undefined): StandardId | undefined {
    if (this.set.items[id]) return id as StandardId;
    if (!copy) return undefined;
    if (copy.uri) {
      this.byUri ??= new Map(Object.values(this.set.items).filter((s) => s.uri).map((s) => [s.uri, s.id]));
      const hit = this.byUri.get(copy.uri);
      if (hit) return hit;
    }
    if (copy.code) {
      this.byCode ??= new Map(Object.values(this.set.items).filter((s) => s.code).map((s) => [s.code, s.id]));
      return this.byCode.get(copy.code);
    }
    return undefined;
  }
}

/** The per-standard part of coverage: what the alignments cover. */
interface Resolved {
  result: SetCoverage[];
  standards: number;
  coveredCount: number;
  uncovered: StandardId[];
  /** 1 for each aligned competency, by position in the competencies listed. */
  alignedAt: Uint8Array;
}

const resolvedCache = new WeakMap<object, { standardsSets: object; idsToken: object; value: Resolved | null }>();

function resolveCoverage(
  fw: Framework,
  extra: readonly StandardsSet[],
  lists: CoverageLists,
): Resolved | null {
  const { sets, forFrameworkSet } = standardsSetsConsidered(fw, extra);
  if (sets.length === 0) return null;

  // Which standards are aligned, per set considered; which competencies have an alignment.
  const covered = new Map<StandardsSet, Set<string>>(sets.map((s) => [s, new Set<string>()]));
  const indexes = new Map<StandardsSet, StandardIndex>();
  const alignedAt = new Uint8Array(lists.competencies.length);
  let lastSetId: string | undefined;
  let lastSet: StandardsSet | undefined;
  // Standards of a framework set that stands for itself, marked by position in its tree.
  let lastAt: Uint8Array | undefined;
  const coveredAt = new Map<StandardsSet, Uint8Array>();
  const list = lists.alignments;
  const nodes = lists.alignmentNodes;
  const stds = lists.alignmentStandards;
  // Each alignment's set id without reading the alignment again (it is the same string).
  const setNumbers = lists.alignmentSetNumbers;
  const setIds = setNumbers ? lists.alignmentSetIds : undefined;
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const at = nodes[i]!;
    if (at === -1) continue;
    const setId = setIds ? setIds[setNumbers![i]!]! : a.setId;
    // Alignments mostly name the same few sets: compare with the last one before a lookup.
    if (setId !== lastSetId) {
      lastSetId = setId;
      lastSet = forFrameworkSet.get(setId);
      lastAt = undefined;
      if (lastSet && lastSet === fw.standardsSets[setId]) {
        lastAt = coveredAt.get(lastSet);
        if (!lastAt) coveredAt.set(lastSet, (lastAt = new Uint8Array(standardsTree(lastSet, lists.trees).ids.length)));
      }
    }
    const set = lastSet;
    if (!set) continue;
    if (lastAt) {
      // The same lookup as below (by id in the set itself), done once for all checks.
      const k = stds[i]!;
      if (k === -1) continue;
      lastAt[k] = 1;
      alignedAt[at] = 1;
      continue;
    }
    let idx = indexes.get(set);
    if (!idx) indexes.set(set, (idx = new StandardIndex(set)));
    const sid = idx.find(a.standardId, fw.standardsSets[a.setId]?.items[a.standardId]);
    if (sid === undefined) continue;
    covered.get(set)!.add(sid);
    alignedAt[at] = 1;
  }

  const result: SetCoverage[] = sets.map((s) => setCoverage(s, covered.get(s)!, lists.trees, coveredAt.get(s)));
  let standards = 0;
  let coveredCount = 0;
  const uncovered: StandardId[] = [];
  for (const r of result) {
    standards += r.standards;
    coveredCount += r.covered;
    for (const id of r.uncovered) uncovered.push(id);
  }
  return { result, standards, coveredCount, uncovered, alignedAt };
}

/**
 * Standards coverage of `fw` against its own sets and `extra` ones; null when there is no set.
 * `lists` lets a caller that already enumerated the competencies and alignments pass them in.
 */
export function computeCoverage(
  fw: Framework,
  extra: readonly StandardsSet[] = [],
  lists?: CoverageLists,
): Coverage | null {
  // Without lists, enumerate the document the fast way (ids by position, each alignment read once)
  // rather than by id lookups into the records.
  lists ??= coverageListsFor(fw);
  const cacheable = lists.idsToken !== undefined && extra.length === 0 && isFrozenCached(fw.alignments) && isFrozenCached(fw.standardsSets);
  let resolved: Resolved | null | undefined;
  if (cacheable) {
    const hit = resolvedCache.get(fw.alignments);
    if (hit && hit.standardsSets === fw.standardsSets && hit.idsToken === lists.idsToken) resolved = hit.value;
  }
  if (resolved === undefined) {
    resolved = resolveCoverage(fw, extra, lists);
    if (cacheable) resolvedCache.set(fw.alignments, { standardsSets: fw.standardsSets, idsToken: lists.idsToken!, value: resolved });
  }
  if (resolved === null) return null;
  const placement = cacheable ? lists.placementToken : undefined;
  if (placement) {
    const hit = coverageCache.get(resolved);
    if (hit && hit.placement === placement && hit.domains === fw.domains) return hit.coverage;
  }
  const coverage = finishCoverage(fw, resolved, lists.competencies, lists.domainOf);
  if (placement) coverageCache.set(resolved, { placement, domains: fw.domains, coverage });
  return coverage;
}

/** Per cached per-standard part: the last full result and what it was computed for. */
const coverageCache = new WeakMap<Resolved, { placement: object; domains: readonly Framework['domains'][number][]; coverage: Coverage }>();

/** Coverage by domain and the unaligned competencies, from the per-standard part. */
function finishCoverage(fw: Framework, resolved: Resolved, comps: readonly Competency[], domainOf?: Int32Array): Coverage {
  const { result, standards, coveredCount, uncovered, alignedAt } = resolved;
  if (domainOf) return finishCoverageByPosition(fw, resolved, comps, domainOf, alignedAt);

  const unaligned: CompetencyId[] = [];
  const perDomain = new Map<string | null, { competencies: number; aligned: number }>();
  for (let i = 0; i < comps.length; i++) {
    const c = comps[i]!;
    const isAligned = alignedAt[i] === 1;
    if (!isAligned) unaligned.push(c.id);
    let d = perDomain.get(c.domainId);
    if (!d) perDomain.set(c.domainId, (d = { competencies: 0, aligned: 0 }));
    d.competencies++;
    if (isAligned) d.aligned++;
  }
  const byDomain: DomainAlignment[] = [];
  for (const dom of fw.domains) {
    const d = perDomain.get(dom.id);
    if (d) byDomain.push({ domainId: dom.id, label: dom.code ? `${dom.code} ${dom.title}` : dom.title, ...d, ratio: ratio(d.aligned, d.competencies) });
    perDomain.delete(dom.id);
  }
  let rest = { competencies: 0, aligned: 0 };
  for (const d of perDomain.values()) rest = { competencies: rest.competencies + d.competencies, aligned: rest.aligned + d.aligned };
  if (rest.competencies) byDomain.push({ domainId: null, label: 'No domain', ...rest, ratio: ratio(rest.aligned, rest.competencies) });

  return { sets: result, standards, covered: coveredCount, uncovered, ratio: ratio(coveredCount, standards), unaligned, byDomain };
}

/**
 * The same as {@link finishCoverage}, counting by domain position instead of by domain id: a competency
 * is read only when it is unaligned (for its id).
 */
function finishCoverageByPosition(fw: Framework, resolved: Resolved, comps: readonly Competency[], domainOf: Int32Array, alignedAt: Uint8Array): Coverage {
  const { result, standards, coveredCount, uncovered } = resolved;
  const nd = fw.domains.length;
  // Slot nd: no domain, or a domain that is not in the framework.
  const count = new Int32Array(nd + 1);
  const alignedCount = new Int32Array(nd + 1);
  const unaligned: CompetencyId[] = [];
  for (let i = 0; i < comps.length; i++) {
    const d = domainOf[i]!;
    const slot = d === -1 ? nd : d;
    count[slot]!++;
    if (alignedAt[i] === 1) alignedCount[slot]!++;
    else unaligned.push(comps[i]!.id);
  }
  const byDomain: DomainAlignment[] = [];
  // A domain id used twice: the competencies count for the first domain with it (domainOf points there).
  for (let k = 0; k < nd; k++) {
    const dom = fw.domains[k]!;
    const d = { competencies: count[k]!, aligned: alignedCount[k]! };
    if (d.competencies) byDomain.push({ domainId: dom.id, label: dom.code ? `${dom.code} ${dom.title}` : dom.title, ...d, ratio: ratio(d.aligned, d.competencies) });
  }
  const rest = { competencies: count[nd]!, aligned: alignedCount[nd]! };
  if (rest.competencies) byDomain.push({ domainId: null, label: 'No domain', ...rest, ratio: ratio(rest.aligned, rest.competencies) });
  return { sets: result, standards, covered: coveredCount, uncovered, ratio: ratio(coveredCount, standards), unaligned, byDomain };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

/** Standards per block of the passes of {@link setCoverage}. */
const BLOCK = 256;

/**
 * Per standard of the block being counted (see setCoverage): its first grade level. Kept between runs
 * and emptied after each.
 */
const firstLevelScratch = new Array<string | undefined>(BLOCK);

function setCoverage(set: StandardsSet, covered: Set<string>, memo?: Map<object, StandardsTree>, coveredAt?: Uint8Array): SetCoverage {
  const { ids, items, parent, hasChildren, assessable, levels: levelsOf } = standardsTree(set, memo);
  const n = items.length;
  // How many standards say whether they are assessable: counted in the pass below.
  let said = 0;

  // groupOf[i]: the group of i's children — i itself when it is a domain/strand or at the top, else
  // its parent's (-2 = not computed yet). Filled along each walk up, so the whole set costs O(n).
  const groupOf = new Int32Array(n).fill(-2);
  const chain: number[] = [];
  // Sets use a few item types: the last one tested and its answer are kept (a comparison, not a regex).
  let lastType: string | undefined;
  let lastIsGroup = false;
  const isGroupType = (type: string): boolean => {
    if (type !== lastType) {
      lastType = type;
      lastIsGroup = GROUP_TYPE.test(type);
    }
    return lastIsGroup;
  };
  const childGroup = (start: number): number => {
    chain.length = 0;
    let v = start;
    let g = -1;
    for (let guard = 0; guard <= n; guard++) {
      if (groupOf[v] !== -2) {
        g = groupOf[v]!;
        break;
      }
      chain.push(v);
      const p = parent[v]!;
      if (p === -1 || isGroupType(items[v]!.itemType)) {
        g = v;
        break;
      }
      v = p;
    }
    if (g === -1) g = v; // a loop of parents (reported by standards-cycle)
    for (const c of chain) groupOf[c] = g;
    return g;
  };

  // Standards and covered standards per group, by group node (slot g + 1; -1 = top level), in the
  // order groups are first met.
  const groupStd = new Int32Array(n + 1);
  const groupCov = new Int32Array(n + 1);
  const groupOrder: number[] = [];
  const levels = new Map<string, { standards: number; covered: number }>();
  // Standards of one grade usually follow each other: the last level's counts are kept at hand.
  let lastLevel: string | undefined;
  let lastCounts: { standards: number; covered: number } | undefined;
  const uncovered: StandardId[] = [];
  let counted = 0;
  let coveredCount = 0;
  // Whether each standard counts and its grade levels come from the tree (read with the parents). By
  // blocks: first each counted standard's first grade level, in a pass of its own (the reads of
  // neighbouring standards overlap instead of following one standard's chain of objects after
  // another's), then the counts.
  const firstLevels = firstLevelScratch;
  for (let b = 0; b < n; b += BLOCK) {
    const e = Math.min(n, b + BLOCK);
    for (let i = b; i < e; i++) {
      const a = assessable[i]!;
      const sl = (a === 0 ? hasChildren[i] === 1 : a === 2) ? undefined : levelsOf[i]!;
      firstLevels[i - b] = sl !== undefined && sl.length > 0 ? sl[0] : undefined;
    }
    for (let i = b; i < e; i++) {
      const a = assessable[i]!;
      if (a !== 0) said++;
      if (a === 0 ? hasChildren[i] === 1 : a === 2) continue;
      const sl = levelsOf[i]!;
      counted++;
      const isCovered = (coveredAt !== undefined && coveredAt[i] === 1) || (covered.size > 0 && covered.has(ids[i]!));
      if (isCovered) coveredCount++;
      else uncovered.push(ids[i] as StandardId);
      const slot = (parent[i] === -1 ? -1 : childGroup(parent[i]!)) + 1;
      if (groupStd[slot] === 0) groupOrder.push(slot - 1);
      groupStd[slot]!++;
      if (isCovered) groupCov[slot]!++;
      if (sl.length === 0) bump(levels, '', isCovered);
      for (let x = 0; x < sl.length; x++) {
        const l = x === 0 ? firstLevels[i - b]! : sl[x]!;
        if (l !== lastLevel || !lastCounts) {
          lastLevel = l;
          lastCounts = levels.get(l);
          if (!lastCounts) levels.set(l, (lastCounts = { standards: 0, covered: 0 }));
        }
        lastCounts.standards++;
        if (isCovered) lastCounts.covered++;
      }
    }
  }
  firstLevels.fill(undefined);
  const basis: CoverageBasis = said === 0 ? 'leaf' : said === n ? 'assessable' : 'mixed';
  const byGroup: CoverageSlice[] = groupOrder.map((g) => ({
    key: g === -1 ? null : ids[g]!,
    label: g === -1 ? 'Top level' : groupLabel(items[g]!),
    standards: groupStd[g + 1]!,
    covered: groupCov[g + 1]!,
    ratio: ratio(groupCov[g + 1]!, groupStd[g + 1]!),
  }));
  const byLevel: CoverageSlice[] = [...levels]
    .sort(([a], [b]) => (levelRank(a) ?? 999) - (levelRank(b) ?? 999) || a.localeCompare(b))
    .map(([key, v]) => ({ key, label: key || 'No grade level', ...v, ratio: ratio(v.covered, v.standards) }));
  return {
    setId: set.id,
    title: set.title,
    basis,
    standards: counted,
    covered: coveredCount,
    uncovered,
    ratio: ratio(coveredCount, counted),
    byGroup,
    byLevel,
  };
}

function bump<K>(m: Map<K, { standards: number; covered: number }>, k: K, covered: boolean): void {
  let v = m.get(k);
  if (!v) m.set(k, (v = { standards: 0, covered: 0 }));
  v.standards++;
  if (covered) v.covered++;
}

/**
 * A grouping standard (a standards domain, a cluster) in the coverage table: its code and the start of its
 * statement ("M.G3.C1MD.TH Represent and interpret data."), since a group's code alone rarely says what it
 * covers; the statement alone when it has no code.
 */
function groupLabel(s: Standard): string {
  const t = s.statement.trim();
  if (!s.code) return standardLabel(s);
  if (!t) return s.code;
  return `${s.code} ${t.length > 60 ? `${t.slice(0, 59)}…` : t}`;
}

/** A standard as people cite it: its code, else the start of its statement. */
export function standardLabel(s: Standard): string {
  if (s.code) return s.code;
  const t = s.statement.trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t || s.id;
}
