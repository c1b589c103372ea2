import type { Framework } from '../model/types';

/** How a competency is named in labels and messages: its code, else its statement, else "untitled". */
export function competencyName(fw: Framework, id: string): string {
  const c = fw.competencies[id];
  if (!c) return 'a missing competency';
  if (c.code.trim()) return c.code.trim();
  const s = c.statement.trim();
  if (s) return s.length > 40 ? `“${s.slice(0, 39)}…”` : `“${s}”`;
  return 'an untitled competency';
}

/** "3 competencies" / "1 competency". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A title as undo labels quote it: cut to 40 characters, in quotes. */
export function quotedTitle(title: string): string {
  const t = title.trim();
  return t.length > 40 ? `“${t.slice(0, 39)}…”` : `“${t}”`;
}

/** How a prerequisite link is named in labels: "A → B" (its two competencies). */
export function linkName(fw: Framework, id: string): string {
  const l = fw.prerequisites.get(id);
  return l ? `${competencyName(fw, l.from)} → ${competencyName(fw, l.to)}` : 'a missing link';
}

/** How an alignment is named in labels: "A → 3.NF.1" (the competency and the standard's code). */
export function alignmentName(fw: Framework, id: string): string {
  const a = fw.alignments.get(id);
  if (!a) return 'a missing alignment';
  const code = fw.standardsSets[a.setId]?.items[a.standardId]?.code.trim();
  return `${competencyName(fw, a.competencyId)} → ${code || 'a standard'}`;
}

/** What a review comment is on, for labels: "MA.3.2", "A → B", "the framework". */
export function commentTargetName(fw: Framework, id: string): string {
  const c = fw.comments[id];
  if (!c) return 'a missing comment';
  const t = c.target;
  return t.kind === 'competency' ? competencyName(fw, t.id) : t.kind === 'link' ? linkName(fw, t.id) : 'the framework';
}

/** A phase's name for labels (its label), or "phase" when it is gone. */
export function phaseName(fw: Framework, id: string): string {
  return fw.phases.find((p) => p.id === id)?.label.trim() || 'phase';
}
