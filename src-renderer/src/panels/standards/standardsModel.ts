import { addAlignment } from '../../../../src-core/commands';
import { newUuid, type AlignmentId, type CompetencyId, type StandardId, type StandardsSetId } from '../../../../src-core/model/ids';
import { formatLevels } from '../../../../src-core/model/levels';
import type { AlignmentKind, Framework, Standard, StandardsSet } from '../../../../src-core/model/types';
import type { EditorStore } from '../../store/editorStore';

/** The MIME type of a standard dragged from the standards browser onto a competency. */
export const STANDARD_MIME = 'application/x-progressions-standard';

/** What a dragged standard carries. */
export interface DraggedStandard {
  setId: string;
  standardId: string;
}

/** Children of each standard (key '' = top level), siblings in sequence order. */
export function childrenIndex(set: StandardsSet): Map<string, Standard[]> {
  const m = new Map<string, Standard[]>();
  for (const s of Object.values(set.items)) {
    const p = s.parentId && set.items[s.parentId] ? s.parentId : '';
    const list = m.get(p);
    if (list) list.push(s);
    else m.set(p, [s]);
  }
  for (const list of m.values()) list.sort((a, b) => a.sequence - b.sequence || a.code.localeCompare(b.code, undefined, { numeric: true }));
  return m;
}

/** Tree order (depth first, siblings by sequence) with depths; guards against parent loops. */
export function treeOrder(set: StandardsSet, children = childrenIndex(set)): { s: Standard; depth: number }[] {
  const out: { s: Standard; depth: number }[] = [];
  const seen = new Set<string>();
  const stack: { s: Standard; depth: number }[] = [...(children.get('') ?? [])].reverse().map((s) => ({ s, depth: 0 }));
  while (stack.length) {
    const e = stack.pop()!;
    if (seen.has(e.s.id)) continue;
    seen.add(e.s.id);
    out.push(e);
    const kids = children.get(e.s.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ s: kids[i]!, depth: e.depth + 1 });
  }
  // Items in a parent loop are unreachable from the top: list them at the end rather than hide them.
  for (const s of Object.values(set.items)) if (!seen.has(s.id)) out.push({ s, depth: 0 });
  return out;
}

/** Competencies aligned to each standard of a set: standard id → alignment ids. */
export function alignmentsByStandard(fw: Framework, setId: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const a of fw.alignments.values()) {
    if (a.setId !== setId || !fw.competencies[a.competencyId]) continue;
    const list = m.get(a.standardId);
    if (list) list.push(a.id);
    else m.set(a.standardId, [a.id]);
  }
  return m;
}

/**
 * Standards matching a search (code first, then statement words) and a grade filter, in tree order.
 * An empty query with no grade returns null (show the tree).
 */
export function filterStandards(order: readonly { s: Standard; depth: number }[], query: string, grade: string): Standard[] | null {
  const q = query.trim().toLowerCase();
  if (!q && !grade) return null;
  const words = q.split(/\s+/).filter(Boolean);
  const scored: { s: Standard; score: number; i: number }[] = [];
  order.forEach(({ s }, i) => {
    if (grade && !s.educationLevels.includes(grade)) return;
    let score = 1;
    if (q) {
      score = codeScore(s.code.toLowerCase(), q);
      if (!score) {
        const text = `${s.code} ${s.statement}`.toLowerCase();
        score = words.every((w) => text.includes(w)) ? 1 : 0;
      }
    }
    if (score) scored.push({ s, score, i });
  });
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  return scored.map((x) => x.s);
}

/**
 * How well a (lower-case) code matches a query: exact 6, ends with it (`m.g3.c1nf.tf.3.nf.a.2` for
 * `3.nf.a.2`) 5, starts with it 4, contains it 3; 0 when it does not. Statement matches score below.
 */
export function codeScore(code: string, q: string): number {
  if (!q || !code) return 0;
  if (code === q) return 6;
  if (code.endsWith(q)) return 5;
  if (code.startsWith(q)) return 4;
  if (code.includes(q)) return 3;
  return 0;
}

/** Grade levels used in a set, in CEDS order as they first appear. */
export function gradesOf(set: StandardsSet): { code: string; label: string }[] {
  const seen = new Set<string>();
  for (const s of Object.values(set.items)) for (const l of s.educationLevels) seen.add(l);
  const order = ['IT', 'PR', 'PK', 'TK', 'KG', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13'];
  return [...seen]
    .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b))
    .map((code) => ({ code, label: formatLevels([code]) }));
}

/** A standard's short name: code, else the start of its statement. */
export function standardName(s: Pick<Standard, 'code' | 'statement'>): string {
  const code = s.code.trim();
  if (code) return code;
  const t = s.statement.trim();
  return t.length > 48 ? `${t.slice(0, 47)}…` : t || 'untitled standard';
}

/** Aligns competencies to a standard (one undo step each); says what happened in a notice. */
export function alignCompetencies(store: EditorStore, ids: readonly string[], setId: string, standardId: string, kind: AlignmentKind = 'exact'): number {
  let done = 0;
  let lastError: string | null = null;
  for (const competencyId of ids) {
    const r = store.run(
      addAlignment({ id: newUuid() as AlignmentId, competencyId: competencyId as CompetencyId, setId: setId as StandardsSetId, standardId: standardId as StandardId, kind }),
    );
    if (r.ok) done++;
    else lastError = r.error.message;
  }
  const std = store.getSnapshot().doc.framework.standardsSets[setId]?.items[standardId];
  if (done) store.notify('info', `Aligned ${done === 1 ? '1 competency' : `${done} competencies`} to ${std ? standardName(std) : 'the standard'} (${kind}).`);
  else if (lastError) store.notify('error', lastError);
  return done;
}
