import { competencyName } from '../commands/labels';
import { buildGraphFromLists, isFrozenCached, prerequisiteGraph, type PrerequisiteGraph } from '../graph/prerequisiteGraph';
import type { CompetencyId } from '../model/ids';
import type { Alignment, Competency, Framework, PrerequisiteLink } from '../model/types';
import { standardsTree, type StandardsTree } from './standardsTree';
import { trimmed } from './text';
import { competencyTable, type CompetencyTable } from './checkCompetencies';
import { CHECKS, type CheckCode, type Diagnostic, type DiagnosticTarget, type Severity } from './types';

/** How many names a message lists before "… and N more". */
export const NAMES_IN_MESSAGE = 8;

/** Keys and values of a record, enumerated once (enumerating a large record is the costly part). */
export interface RecordList<T> {
  keys: string[];
  values: T[];
}

const lists = new WeakMap<object, RecordList<unknown>>();
const alignmentStandardCache = new WeakMap<object, { standardsSets: object; standards: Int32Array }>();
const alignmentNodeCache = new WeakMap<object, { ids: readonly string[]; nodes: Int32Array }>();

/** True when `b` starts with every element of `a`, in order. */
function extends_(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Object.keys then indexed reads: measurably faster than for-in or Object.values on large records.
 * Kept per record when the record is frozen (an immer state), so an edit re-enumerates only the
 * records it replaced.
 */
function listOf<T>(rec: Record<string, T>): RecordList<T> {
  const frozen = isFrozenCached(rec);
  if (frozen) {
    const hit = lists.get(rec);
    if (hit) return hit as RecordList<T>;
  }
  const keys = Object.keys(rec);
  const values = new Array<T>(keys.length);
  for (let i = 0; i < keys.length; i++) values[i] = rec[keys[i]!]!;
  const list = { keys, values };
  if (frozen) lists.set(rec, list);
  return list;
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

  constructor(readonly fw: Framework) {
    this.competencies = listOf(fw.competencies);
    this.links = listOf(fw.prerequisites);
    this.alignments = listOf(fw.alignments);
    this.frozen = isFrozenCached(fw.competencies) && isFrozenCached(fw.prerequisites);
    // The cached graph's node order is Object.keys(fw.competencies), the same as `competencies`.
    this.graph = this.frozen
      ? prerequisiteGraph(fw, { competencyIds: this.competencies.keys, links: this.links.values })
      : buildGraphFromLists(this.competencies.keys, this.links.values);
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

  /** "A.1, A.2 and A.3" / "A.1, … A.8 and 4 more". */
  names(ids: readonly string[], name: (id: string) => string = (id) => this.name(id)): string {
    const shown = ids.slice(0, NAMES_IN_MESSAGE).map(name);
    const more = ids.length - shown.length;
    if (more > 0) return `${shown.join(', ')} and ${more} more`;
    if (shown.length <= 1) return shown.join('');
    return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
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
