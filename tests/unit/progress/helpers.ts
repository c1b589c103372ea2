import { createCompetency, createDomain, createFramework } from '../../../src-core/model/defaults';
import { newId, type CompetencyId, type LinkId } from '../../../src-core/model/ids';
import type { Framework } from '../../../src-core/model/types';

export interface Spec {
  code: string;
  /** Codes of direct prerequisites. */
  after?: string[];
  domain?: string;
  hours?: number | null;
  levels?: string[];
}

/**
 * A small framework from a list of competency specs (codes, prerequisites by code, domain codes).
 * Phases are the default scale Beginning, Developing, Proficient (threshold), Advanced.
 */
export function makeFramework(specs: Spec[], title = 'Test framework'): Framework {
  const fw = createFramework({ title });
  const domains = new Map<string, ReturnType<typeof createDomain>>();
  for (const s of specs) {
    if (s.domain && !domains.has(s.domain)) {
      const d = createDomain({ code: s.domain, title: `Domain ${s.domain}` }, domains.size);
      domains.set(s.domain, d);
      fw.domains.push(d);
    }
  }
  const byCode = new Map<string, CompetencyId>();
  for (const s of specs) {
    const c = createCompetency({
      code: s.code,
      statement: `Statement of ${s.code}`,
      iCan: `I can do ${s.code}`,
      domainId: s.domain ? domains.get(s.domain)!.id : null,
      estimatedHours: s.hours === undefined ? 2 : s.hours,
      educationLevels: s.levels ?? [],
    });
    fw.competencies[c.id] = c;
    byCode.set(s.code, c.id);
  }
  for (const s of specs) {
    for (const p of s.after ?? []) {
      const id = newId<LinkId>();
      fw.prerequisites.set(id, { id, from: byCode.get(p)!, to: byCode.get(s.code)!, note: '' });
    }
  }
  return fw;
}

/** Competency id by code. */
export function idOf(fw: Framework, code: string): CompetencyId {
  const c = Object.values(fw.competencies).find((x) => x.code === code);
  if (!c) throw new Error(`no competency ${code}`);
  return c.id;
}

/** Codes of a list of ids (for readable assertions). */
export function codes(fw: Framework, ids: readonly string[]): string[] {
  return ids.map((id) => fw.competencies[id]?.code ?? `?${id}`);
}

/** Phase id by label. */
export function phaseId(fw: Framework, label: string) {
  return fw.phases.find((p) => p.label === label)!.id;
}
