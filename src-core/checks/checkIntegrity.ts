import { isEducationLevel, normalizeEducationLevel } from '../model/levels';
import type { CheckContext } from './context';
import { standardLabel } from './coverage';

/**
 * Records that point at nothing or contradict each other: `duplicate-id`, `duplicate-code`,
 * `empty-code`, `empty-statement`, `no-domain`, `dangling-domain`, `dangling-parent`,
 * `unknown-education-level`, `dangling-alignment`, `duplicate-alignment`.
 */
export function checkIntegrity(ctx: CheckContext): void {
  checkRecordKeys(ctx);
  checkDomains(ctx);
  checkCompetencies(ctx);
  checkAlignments(ctx);
}

/** A record key that differs from the id inside the record makes every reference ambiguous. */
function checkRecordKeys(ctx: CheckContext): void {
  const lists = [
    ['competency', 'competency', ctx.competencies],
    ['prerequisite link', 'link', ctx.links],
    ['alignment', 'alignment', ctx.alignments],
  ] as const;
  for (const [what, target, { keys, values }] of lists) {
    for (let i = 0; i < keys.length; i++) {
      if (values[i]!.id !== keys[i]) {
        ctx.add('duplicate-id', target, [keys[i]!], `A ${what} is stored under the key ${keys[i]} but its id is ${values[i]!.id}; the two must be the same.`);
      }
    }
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

function checkCompetencies(ctx: CheckContext): void {
  const domainIds = new Set(ctx.fw.domains.map((d) => d.id));
  const byCode = new Map<string, string[]>();
  const noCode: string[] = [];
  const noDomain: string[] = [];
  for (const c of ctx.competencies.values) {
    const code = c.code.trim();
    if (code) {
      const list = byCode.get(code);
      if (list) list.push(c.id);
      else byCode.set(code, [c.id]);
    } else noCode.push(c.id);
    if (!c.statement.trim()) {
      ctx.add('empty-statement', 'competency', [c.id], `${ctx.name(c.id)} has no statement: write what a student must know or be able to do.`);
    }
    if (c.domainId === null) noDomain.push(c.id);
    else if (!domainIds.has(c.domainId)) {
      ctx.add('dangling-domain', 'competency', [c.id], `${ctx.name(c.id)} belongs to a domain that does not exist (${c.domainId}); move it to a domain.`);
    }
    for (const level of c.educationLevels) {
      if (isEducationLevel(level)) continue;
      const fixed = normalizeEducationLevel(level);
      const hint = isEducationLevel(fixed) ? ` — did you mean ${fixed}?` : ' (use CEDS codes such as KG, 01 … 12)';
      ctx.add('unknown-education-level', 'competency', [c.id], `${ctx.name(c.id)} has an unknown grade-level code “${level}”${hint}`);
    }
  }
  for (const [code, ids] of byCode) {
    if (ids.length > 1) {
      ctx.add('duplicate-code', 'competency', ids, `${ids.length} competencies share the code ${code}; each competency needs its own code.`);
    }
  }
  if (noCode.length) {
    ctx.add(
      'empty-code',
      'competency',
      noCode,
      `${noCode.length === 1 ? '1 competency has' : `${noCode.length} competencies have`} no code (${ctx.names(noCode)}); codes make competencies easy to find and cite.`,
    );
  }
  if (noDomain.length && ctx.fw.domains.length > 0) {
    for (const id of noDomain) ctx.add('no-domain', 'competency', [id], `${ctx.name(id)} is in no domain.`);
  } else if (noDomain.length) {
    ctx.add(
      'no-domain',
      'competency',
      noDomain,
      `The framework has no domains, so none of its ${noDomain.length === 1 ? 'competency is' : `${noDomain.length} competencies are`} grouped; add domains (strands) to organise the map.`,
    );
  }
}

function checkAlignments(ctx: CheckContext): void {
  const fw = ctx.fw;
  const g = ctx.graph;
  const list = ctx.alignments.values;
  // Group valid alignments by competency (counting sort) to find duplicates without string keys.
  const node = new Int32Array(list.length).fill(-1);
  const start = new Int32Array(g.n + 1);
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const v = g.index.get(a.competencyId);
    const set = fw.standardsSets[a.setId];
    if (v === undefined || !set || !set.items[a.standardId]) {
      const what =
        v === undefined
          ? `a competency that does not exist (${a.competencyId})`
          : !set
            ? `a standards set that is not in the framework (${a.setId})`
            : `a standard that is not in “${set.title}” (${a.standardId})`;
      const who = v !== undefined ? `An alignment of ${ctx.name(a.competencyId)}` : 'An alignment';
      ctx.add('dangling-alignment', v !== undefined ? 'competency' : 'alignment', [v !== undefined ? a.competencyId : a.id], `${who} points at ${what}.`);
      continue;
    }
    node[i] = v;
    start[v + 1]!++;
  }
  for (let v = 0; v < g.n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, g.n);
  const grouped = new Int32Array(start[g.n]!);
  for (let i = 0; i < list.length; i++) if (node[i]! !== -1) grouped[fill[node[i]!]!++] = i;
  for (let v = 0; v < g.n; v++) {
    const s = start[v]!;
    const e = start[v + 1]!;
    for (let x = s + 1; x < e; x++) {
      const a = list[grouped[x]!]!;
      for (let y = s; y < x; y++) {
        const b = list[grouped[y]!]!;
        if (a.setId === b.setId && a.standardId === b.standardId) {
          const std = fw.standardsSets[a.setId]!.items[a.standardId]!;
          ctx.add('duplicate-alignment', 'competency', [a.competencyId], `${ctx.name(a.competencyId)} is aligned to ${standardLabel(std)} more than once; keep one alignment.`);
          break;
        }
      }
    }
  }
}
