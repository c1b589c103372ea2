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
