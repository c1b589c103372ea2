import { isFrozenCached } from '../graph/prerequisiteGraph';
import type { CheckContext } from './context';
import { CHECKS, type Diagnostic } from './types';
import { standardLabel } from './coverage';

/**
 * Records that point at nothing or contradict each other: `duplicate-id`, `dangling-parent`,
 * `dangling-alignment`, `duplicate-alignment`. (Each competency's own record: `checkCompetencies`.)
 */
export function checkIntegrity(ctx: CheckContext): void {
  checkRecordKeys(ctx);
  checkDomains(ctx);
  checkAlignments(ctx);
}

const keyFindings = new WeakMap<object, Diagnostic[]>();

/**
 * A record key that differs from the id inside the record makes every reference ambiguous. The
 * findings depend on the record alone (messages name ids, not codes), so they are kept per frozen record.
 */
function checkRecordKeys(ctx: CheckContext): void {
  const lists = [
    ['prerequisite link', 'link', ctx.fw.prerequisites, ctx.links, ctx.badLinkKeys],
    ['alignment', 'alignment', ctx.fw.alignments, ctx.alignments, ctx.badAlignmentKeys],
  ] as const;
  // Competencies: from each competency's entry in the table.
  const t = ctx.table();
  for (let i = 0; i < t.keys.length; i++) {
    if (t.idOk[i]) continue;
    const key = t.keys[i]!;
    ctx.add('duplicate-id', 'competency', [key], `A competency is stored under the key ${key} but its id is ${t.values[i]!.id}; the two must be the same.`);
  }
  for (const [what, target, rec, { keys, values }, bad] of lists) {
    // A scan from scratch already compared every key with its record's id.
    if (bad) {
      for (const i of bad) {
        ctx.diagnostics.push({
          severity: CHECKS['duplicate-id'].severity,
          code: 'duplicate-id',
          target,
          ids: [keys[i]!],
          message: `A ${what} is stored under the key ${keys[i]} but its id is ${values[i]!.id}; the two must be the same.`,
        });
      }
      continue;
    }
    const frozen = isFrozenCached(rec);
    let found = frozen ? keyFindings.get(rec) : undefined;
    if (!found) {
      found = [];
      for (let i = 0; i < keys.length; i++) {
        if (values[i]!.id !== keys[i]) {
          found.push({
            severity: CHECKS['duplicate-id'].severity,
            code: 'duplicate-id',
            target,
            ids: [keys[i]!],
            message: `A ${what} is stored under the key ${keys[i]} but its id is ${values[i]!.id}; the two must be the same.`,
          });
        }
      }
      if (frozen) keyFindings.set(rec, found);
    }
    for (const d of found) ctx.diagnostics.push({ ...d, ids: [...d.ids] });
  }
  for (const key in ctx.fw.standardsSets) {
    const id = ctx.fw.standardsSets[key]!.id;
    if (id !== key) ctx.add('duplicate-id', 'framework', [key], `A standards set is stored under the key ${key} but its id is ${id}; the two must be the same.`);
  }
}

function checkDomains(ctx: CheckContext): void {
  const domains = ctx.fw.domains;
  const seen = new Set<string>();
  for (const d of domains) {
    if (seen.has(d.id)) ctx.add('duplicate-id', 'domain', [d.id], `Two domains share the id ${d.id} (“${d.title}”); each domain needs its own id.`);
    seen.add(d.id);
  }
  for (const d of domains) {
    if (d.parentId !== null && !seen.has(d.parentId)) {
      ctx.add('dangling-parent', 'domain', [d.id], `The domain “${d.title}” is placed under a parent domain that does not exist (${d.parentId}).`);
    }
  }
}

/** Per frozen alignments record: the structural findings, valid while the standards sets and competency ids are the same. */
const alignmentFindings = new WeakMap<object, { standardsSets: object; nodes: Int32Array; found: Int32Array }>();

/** `dangling-alignment` and `duplicate-alignment`. */
function checkAlignments(ctx: CheckContext): void {
  const fw = ctx.fw;
  const list = ctx.alignments.values;
  const frozen = ctx.frozen && isFrozenCached(fw.alignments) && isFrozenCached(fw.standardsSets);
  const hit = frozen ? alignmentFindings.get(fw.alignments) : undefined;
  // The alignments' nodes stay the same array while no alignment's competency changes node.
  const nodes = ctx.alignmentNodes();
  let found: Int32Array;
  if (hit && hit.standardsSets === fw.standardsSets && hit.nodes === nodes) found = hit.found;
  else {
    found = findAlignmentProblems(ctx);
    if (frozen) alignmentFindings.set(fw.alignments, { standardsSets: fw.standardsSets, nodes, found });
  }
  // Messages name competencies, so they are written every run (there are few).
  for (let k = 0; k < found.length; k++) {
    const f = found[k]!;
    if (f >= 0) {
      const a = list[f]!;
      const v = nodes[f] === -1 ? undefined : nodes[f];
      const set = fw.standardsSets[a.setId];
      const what =
        v === undefined
          ? `a competency that does not exist (${a.competencyId})`
          : !set
            ? `a standards set that is not in the framework (${a.setId})`
            : `a standard that is not in “${set.title}” (${a.standardId})`;
      const who = v !== undefined ? `An alignment of ${ctx.name(a.competencyId)}` : 'An alignment';
      ctx.add('dangling-alignment', v !== undefined ? 'competency' : 'alignment', [v !== undefined ? a.competencyId : a.id], `${who} points at ${what}.`);
    } else {
      const a = list[-f - 1]!;
      const std = fw.standardsSets[a.setId]!.items[a.standardId]!;
      ctx.add('duplicate-alignment', 'competency', [a.competencyId], `${ctx.name(a.competencyId)} is aligned to ${standardLabel(std)} more than once; keep one alignment.`);
    }
  }
}

/**
 * The alignments with a problem, in report order: `i` for a dangling alignment `list[i]`, `-i-1` for a
 * duplicate (a later alignment of a competency to a standard it is already aligned to).
 */
function findAlignmentProblems(ctx: CheckContext): Int32Array {
  const fw = ctx.fw;
  const g = ctx.graph;
  const list = ctx.alignments.values;
  const found: number[] = [];
  // Group valid alignments by competency (counting sort) to find duplicates without string keys.
  const nodes = ctx.alignmentNodes();
  const stds = ctx.alignmentStandards();
  const node = new Int32Array(list.length).fill(-1);
  const start = new Int32Array(g.n + 1);
  for (let i = 0; i < list.length; i++) {
    const v = nodes[i]!;
    if (v === -1 || stds[i] === -1) {
      found.push(i);
      continue;
    }
    node[i] = v;
    start[v + 1]!++;
  }
  for (let v = 0; v < g.n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, g.n);
  const grouped = new Int32Array(start[g.n]!);
  for (let i = 0; i < list.length; i++) if (node[i]! !== -1) grouped[fill[node[i]!]!++] = i;
  const setNumbers = ctx.alignmentSetNumbers;
  if (setNumbers) {
    // The same set id and the same position in that set's tree: the same standard id.
    for (let v = 0; v < g.n; v++) {
      const s = start[v]!;
      const e = start[v + 1]!;
      for (let x = s + 1; x < e; x++) {
        const i = grouped[x]!;
        for (let y = s; y < x; y++) {
          const k = grouped[y]!;
          if (setNumbers[i] === setNumbers[k] && stds[i] === stds[k]) {
            found.push(-i - 1);
            break;
          }
        }
      }
    }
    return Int32Array.from(found);
  }
  for (let v = 0; v < g.n; v++) {
    const s = start[v]!;
    const e = start[v + 1]!;
    for (let x = s + 1; x < e; x++) {
      const a = list[grouped[x]!]!;
      for (let y = s; y < x; y++) {
        const b = list[grouped[y]!]!;
        if (a.setId === b.setId && a.standardId === b.standardId) {
          found.push(-grouped[x]! - 1);
          break;
        }
      }
    }
  }
  return Int32Array.from(found);
}
