import { competencyName } from '../commands/labels';
import { buildGraphFromLists, IdIndex, indexOf, isFrozenCached, prerequisiteGraph, type PrerequisiteGraph } from '../graph/prerequisiteGraph';
import type { CompetencyId } from '../model/ids';
import { recordList, type FrameworkRecordLists, type RecordList } from '../model/recordLists';
import type { Alignment, Competency, Framework, PrerequisiteLink } from '../model/types';
import { standardsTree, type StandardsTree } from './standardsTree';
import { listNames, trimmed } from './text';
import { competencyTable, type CompetencyTable } from './checkCompetencies';
import { CHECKS, type CheckCode, type Diagnostic, type DiagnosticTarget, type Severity } from './types';

/** How many names a message lists before "… and N more". */
export const NAMES_IN_MESSAGE = 8;

export type { RecordList } from '../model/recordLists';

const lists = new WeakMap<object, RecordList<unknown>>();
const alignmentStandardCache = new WeakMap<object, { standardsSets: object; standards: Int32Array }>();
const alignmentNodeCache = new WeakMap<object, { ids: readonly string[]; nodes: Int32Array }>();

/** True when `b` starts with every element of `a`, in order. */
function extends_(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A record's keys and values (`recordList`). Kept per record when
 * the record is frozen (an immer state), so an edit re-enumerates only the records it replaced. `given`, the record's enumeration taken by the caller's loader (see
 * {@link FrameworkRecordLists}), is used instead of enumerating it again.
 */
function listOf<T>(rec: Readonly<Record<string, T>> | ReadonlyMap<string, T>, given?: RecordList<T>): RecordList<T> {
  const frozen = isFrozenCached(rec);
  if (frozen) {
    const hit = lists.get(rec);
    if (hit) return hit as RecordList<T>;
  }
  const list = given ?? recordList(rec);
  if (frozen) lists.set(rec, list);
  return list;
}

/**
 * The links record enumerated from scratch: keys, links, each link's two ends as node numbers (-1 when
 * missing) and the positions of links stored under a key other than their id — one read of each link.
 */
function scanLinks(
  rec: ReadonlyMap<string, PrerequisiteLink>,
  index: IdIndex,
  given?: RecordList<PrerequisiteLink>,
): { list: RecordList<PrerequisiteLink>; ends: { from: Int32Array; to: Int32Array }; bad: number[] } {
  const { keys, values } = listOf(rec, given);
  const n = keys.length;
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const bad: number[] = [];
  // A separate pass: the enumeration loop above stays tight (the CPU overlaps its memory reads).
  // Links are often listed by the competency they lead to: an end equal to the last one is not looked up again.
  let lastFrom: string | undefined;
  let lastTo: string | undefined;
  let a = -1;
  let b = -1;
  for (let i = 0; i < n; i++) {
    const l = values[i]!;
    const f = l.from;
    const t = l.to;
    if (l.id !== keys[i]) bad.push(i);
    if (f !== lastFrom) {
      lastFrom = f;
      const x = index.get(f);
      a = x === undefined ? -1 : x;
    }
    if (t !== lastTo) {
      lastTo = t;
      const x = index.get(t);
      b = x === undefined ? -1 : x;
    }
    from[i] = a;
    to[i] = b;
  }
  return { list: { keys, values }, ends: { from, to }, bad };
}

/**
 * The alignments record enumerated from scratch, each alignment read once: its competency's node, its
 * standard's position in the tree of the framework's set it names (as `alignmentStandards`), a number
 * per distinct set id, and the positions of alignments stored under a key other than their id.
 */
function scanAlignments(fw: Framework, index: IdIndex, memo: Map<object, StandardsTree>, given?: RecordList<Alignment>) {
  const { keys, values } = listOf(fw.alignments, given);
  const n = keys.length;
  const nodes = new Int32Array(n);
  const standards = new Int32Array(n);
  const setNumbers = new Int32Array(n);
  const setIds: string[] = [];
  const bad: number[] = [];
  let lastSetId: string | undefined;
  let lastNumber = -1;
  let tree: StandardsTree | undefined;
  // Alignments are often listed by competency: a competency id equal to the last one is not looked up again.
  let lastCompetency: string | undefined;
  let v = -1;
  for (let i = 0; i < n; i++) {
    const a = values[i]!;
    const setId = a.setId;
    const competencyId = a.competencyId;
    const standardId = a.standardId;
    if (a.id !== keys[i]) bad.push(i);
    if (competencyId !== lastCompetency) {
      lastCompetency = competencyId;
      const x = index.get(competencyId);
      v = x === undefined ? -1 : x;
    }
    nodes[i] = v;
    if (setId !== lastSetId) {
      lastSetId = setId;
      lastNumber = setIds.indexOf(setId);
      if (lastNumber === -1) lastNumber = setIds.push(setId) - 1;
      const set = fw.standardsSets[setId];
      tree = set ? standardsTree(set, memo) : undefined;
    }
    setNumbers[i] = lastNumber;
    const k = tree ? tree.index.get(standardId) : undefined;
    standards[i] = k === undefined ? -1 : k;
  }
  return { list: { keys, values }, nodes, standards, setNumbers, setIds, bad };
}

/** What `computeCoverage` takes from a caller that has already enumerated the document (a validation run). */
export interface CoverageLists {
  competencies: readonly Competency[];
  alignments: readonly Alignment[];
  trees?: Map<object, StandardsTree>;
  /**
   * An object that stays the same exactly while every alignment's competency keeps its position in
   * `competencies` (validateFramework passes its per-alignment node array; the prerequisite graph's
   * `ids` also qualifies). With it, and frozen records, the per-standard part is reused across edits
   * that touch neither alignments nor standards.
   */
  idsToken?: object;
  /** For every alignment, the position of its competency in `competencies` (-1 when missing). */
  alignmentNodes: Int32Array;
  /**
   * For every alignment, the position of its standard in the tree of the framework's set it names
   * (`standardsTree(fw.standardsSets[a.setId])`), -1 when the set or the standard is missing.
   */
  alignmentStandards: Int32Array;
  /**
   * With `idsToken`: an object that stays the same exactly while the same competencies (ids, in order)
   * keep their domains. With it the whole result is reused across edits that change neither.
   */
  placementToken?: object;
  /** Optional: for every alignment, a number per distinct `setId`, and the set id of each number. */
  alignmentSetNumbers?: Int32Array;
  alignmentSetIds?: readonly string[];
  /**
   * For every competency, the position in `fw.domains` of the first domain with its `domainId`, -1
   * when it has none or the domain is missing — to count competencies by domain without reading them.
   */
  domainOf?: Int32Array;
}

/**
 * The enumeration coverage needs, for a caller that has none (the coverage panel, opening a file): a
 * document that is not frozen is read the way a validation from scratch reads it — the competencies
 * record once for its ids, each alignment once — without building the prerequisite graph; a frozen one
 * goes through a {@link CheckContext}, so what the last validation kept for it is reused.
 */
export function coverageListsFor(fw: Framework, given?: FrameworkRecordLists): CoverageLists {
  if (isFrozenCached(fw.competencies) && isFrozenCached(fw.prerequisites)) return new CheckContext(fw, given).coverageLists();
  const trees = new Map<object, StandardsTree>();
  const comps = listOf(fw.competencies, given?.competencies);
  const index = indexOf(comps.keys);
  const a = scanAlignments(fw, index, trees, given?.alignments);
  return {
    competencies: comps.values,
    alignments: a.list.values,
    trees,
    alignmentNodes: a.nodes,
    alignmentStandards: a.standards,
    alignmentSetNumbers: a.setNumbers,
    alignmentSetIds: a.setIds,
  };
}

/**
 * Shared state of one validation run: the framework's large records enumerated once, the
 * prerequisite graph (whose node `i` is `competencies.values[i]`), and the findings.
 */
export class CheckContext {
  readonly competencies: RecordList<Competency>;
  readonly links: RecordList<PrerequisiteLink>;
  readonly alignments: RecordList<Alignment>;
  readonly graph: PrerequisiteGraph;
  readonly diagnostics: Diagnostic[] = [];
  /** Standards trees built in this run (for sets that are not frozen). */
  readonly trees = new Map<object, StandardsTree>();

  /** True when the document is immutable (frozen records), so derived results may be cached. */
  readonly frozen: boolean;

  /**
   * From a scan from scratch (a document that is not frozen): the positions in `links` / `alignments`
   * of records stored under a key other than their id, found while enumerating them. Undefined for
   * frozen documents (checkIntegrity keeps its findings per record then).
   */
  readonly badLinkKeys: number[] | undefined;
  readonly badAlignmentKeys: number[] | undefined;
  /**
   * From a scan from scratch: for each alignment, a number per distinct `setId` (the same number
   * exactly when the set ids are equal), and the set id of each number. Undefined for frozen documents.
   */
  readonly alignmentSetNumbers: Int32Array | undefined;
  readonly alignmentSetIds: string[] | undefined;

  /**
   * `given`: the document's large records as its loader enumerated them (`LoadedFramework.lists`),
   * valid only while the document is unchanged since — they are used instead of enumerating again.
   */
  constructor(
    readonly fw: Framework,
    given?: FrameworkRecordLists,
  ) {
    this.frozen = isFrozenCached(fw.competencies) && isFrozenCached(fw.prerequisites);
    if (!this.frozen) {
      // From scratch: each large record is enumerated once, and each record object is read once, for
      // everything the checks need from it (ids, link ends, alignment targets). Touching 50,000 link
      // objects scattered in memory a second time costs more than the work done with them.
      const comps = listOf(fw.competencies, given?.competencies);
      this.competencies = comps;
      const index = indexOf(comps.keys);
      const scan = scanLinks(fw.prerequisites, index, given?.prerequisites);
      this.links = scan.list;
      this.badLinkKeys = scan.bad;
      this.graph = buildGraphFromLists(comps.keys, scan.list.values, { ids: comps.keys as CompetencyId[], index }, undefined, scan.ends);
      const a = scanAlignments(fw, index, this.trees, given?.alignments);
      this.alignments = a.list;
      this.badAlignmentKeys = a.bad;
      this.alignmentNodeList = a.nodes;
      this.alignmentStandardList = a.standards;
      this.alignmentSetNumbers = a.setNumbers;
      this.alignmentSetIds = a.setIds;
      return;
    }
    this.competencies = listOf(fw.competencies, given?.competencies);
    this.links = listOf(fw.prerequisites, given?.prerequisites);
    this.alignments = listOf(fw.alignments, given?.alignments);
    // The cached graph's node order is Object.keys(fw.competencies), the same as `competencies`.
    this.graph = prerequisiteGraph(fw, { competencyIds: this.competencies.keys, links: this.links.values });
  }

  /** A competency's name in messages: its code, else its statement, else "an untitled competency" (as `competencyName`). */
  name(id: string): string {
    const c = this.fw.competencies[id as CompetencyId];
    if (!c) return 'a missing competency';
    const code = trimmed(c.code);
    if (code) return code;
    return competencyName(this.fw, id);
  }

  private competencyTable: CompetencyTable | undefined;

  /** What each competency's own record shows (see {@link CompetencyTable}), built on first use. */
  table(): CompetencyTable {
    return (this.competencyTable ??= competencyTable(this));
  }

  private alignmentStandardList: Int32Array | undefined;

  /**
   * For each alignment (`alignments.values` order), the position of its standard in the tree of the
   * framework's set it names, -1 when the set or the standard is not there. Kept per frozen alignments
   * record while the standards sets are the same.
   */
  alignmentStandards(): Int32Array {
    if (this.alignmentStandardList) return this.alignmentStandardList;
    const fw = this.fw;
    const frozen = this.frozen && isFrozenCached(fw.alignments) && isFrozenCached(fw.standardsSets);
    const hit = frozen ? alignmentStandardCache.get(fw.alignments) : undefined;
    if (hit && hit.standardsSets === fw.standardsSets) return (this.alignmentStandardList = hit.standards);
    const list = this.alignments.values;
    const out = new Int32Array(list.length);
    let lastSetId: string | undefined;
    let tree: StandardsTree | undefined;
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      if (a.setId !== lastSetId) {
        lastSetId = a.setId;
        const set = fw.standardsSets[a.setId];
        tree = set ? standardsTree(set, this.trees) : undefined;
      }
      out[i] = tree ? (tree.index.get(a.standardId) ?? -1) : -1;
    }
    if (frozen) alignmentStandardCache.set(fw.alignments, { standardsSets: fw.standardsSets, standards: out });
    return (this.alignmentStandardList = out);
  }

  private alignmentNodeList: Int32Array | undefined;

  /**
   * The node of each alignment's competency (`alignments.values` order), -1 when it does not exist.
   * Kept per frozen alignments record while the competency ids (the graph's node numbering) are the same.
   */
  alignmentNodes(): Int32Array {
    if (this.alignmentNodeList) return this.alignmentNodeList;
    const rec = this.fw.alignments;
    const frozen = this.frozen && isFrozenCached(rec);
    const hit = frozen ? alignmentNodeCache.get(rec) : undefined;
    const ids = this.graph.ids;
    if (hit && hit.ids === ids) return (this.alignmentNodeList = hit.nodes);
    const list = this.alignments.values;
    const index = this.graph.index;
    let out: Int32Array;
    if (hit && hit.ids.length <= ids.length && extends_(hit.ids, ids)) {
      // Competencies were added: known ones keep their node; only missing ones are looked up again,
      // and when none is found the same array (a cache key of its own) is kept.
      out = hit.nodes;
      for (let i = 0; i < list.length; i++) {
        if (out[i] !== -1) continue;
        const v = index.get(list[i]!.competencyId);
        if (v === undefined) continue;
        if (out === hit.nodes) out = hit.nodes.slice();
        out[i] = v;
      }
    } else {
      out = new Int32Array(list.length);
      for (let i = 0; i < list.length; i++) out[i] = index.get(list[i]!.competencyId) ?? -1;
    }
    if (frozen) alignmentNodeCache.set(rec, { ids, nodes: out });
    return (this.alignmentNodeList = out);
  }

  /** What `computeCoverage` takes from this run: the records already enumerated, and cache tokens for a frozen document. */
  coverageLists(): CoverageLists {
    return {
      competencies: this.competencies.values,
      alignments: this.alignments.values,
      trees: this.trees,
      // The alignments' nodes: the same array exactly while every alignment's competency keeps its node.
      idsToken: this.frozen ? this.alignmentNodes() : undefined,
      alignmentNodes: this.alignmentNodes(),
      alignmentStandards: this.alignmentStandards(),
      placementToken: this.frozen ? this.table().placement : undefined,
      alignmentSetNumbers: this.alignmentSetNumbers,
      alignmentSetIds: this.alignmentSetIds,
      domainOf: this.table().domain,
    };
  }

  /** "A.1, A.2 and A.3" / "A.1, … A.8 and 4 more". */
  names(ids: readonly string[], name: (id: string) => string = (id) => this.name(id)): string {
    return listNames(ids, name, NAMES_IN_MESSAGE);
  }

  add(
    code: CheckCode,
    target: DiagnosticTarget,
    ids: string[],
    message: string,
    extra?: Pick<Diagnostic, 'links' | 'path'> & { severity?: Severity },
  ): void {
    const d: Diagnostic = { severity: extra?.severity ?? CHECKS[code].severity, code, message, ids, target };
    if (extra?.links) d.links = extra.links;
    if (extra?.path) d.path = extra.path;
    this.diagnostics.push(d);
  }
}
