import type { Competency, Domain, Framework } from '../model/types';

/**
 * Natural order for codes: digit runs compare as numbers (`3.NF.2` < `3.NF.10`), the rest by code
 * point. Locale-independent, so exports are byte-identical on every machine.
 */
export function compareCodes(a: string, b: string): number {
  const ta = a.match(/\d+|\D+/g) ?? [];
  const tb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i]!;
    const y = tb[i]!;
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return ta.length - tb.length;
}

/**
 * Domains in display order: depth first along `framework.domains`, so a sub-domain follows its
 * parent. Domains whose parent is missing (or in a cycle) come at the end, in array order.
 */
export function domainsInOrder(fw: Pick<Framework, 'domains'>): { domain: Domain; depth: number }[] {
  const out: { domain: Domain; depth: number }[] = [];
  const seen = new Set<string>();
  const ids = new Set(fw.domains.map((d) => d.id));
  const visit = (d: Domain, depth: number) => {
    if (seen.has(d.id)) return;
    seen.add(d.id);
    out.push({ domain: d, depth });
    for (const c of fw.domains) if (c.parentId === d.id) visit(c, depth + 1);
  };
  for (const d of fw.domains) if (d.parentId === null || !ids.has(d.parentId)) visit(d, 0);
  for (const d of fw.domains) visit(d, 0);
  return out;
}

/**
 * Competencies in publishing order: by domain (display order; no domain last), then by code
 * (natural order), then by id.
 */
export function competenciesInOrder(fw: Pick<Framework, 'domains' | 'competencies'>): Competency[] {
  const rank = new Map<string, number>();
  domainsInOrder(fw).forEach(({ domain }, i) => rank.set(domain.id, i));
  const r = (c: Competency) => (c.domainId !== null && rank.has(c.domainId) ? rank.get(c.domainId)! : Number.MAX_SAFE_INTEGER);
  return Object.values(fw.competencies).sort(
    (a, b) => r(a) - r(b) || compareCodes(a.code, b.code) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
