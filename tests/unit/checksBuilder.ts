import { createCompetency, createDomain, createFramework, thresholdPhase } from '../../src-core/model/defaults';
import type { AlignmentId, CompetencyId, IndicatorId, LinkId, StandardId, StandardsSetId } from '../../src-core/model/ids';
import type { Competency, Framework, Standard, StandardsSet } from '../../src-core/model/types';

/**
 * Builds small frameworks for check tests: competencies by code (all in one domain, threshold
 * described, so a framework built with defaults validates clean), links as `A>B`.
 */
export class FwBuilder {
  fw: Framework = createFramework({ title: 'Test framework' });
  private n = 0;
  constructor() {
    this.fw.domains.push(createDomain({ code: 'D', title: 'Domain' }));
  }
  get domainId() {
    return this.fw.domains[0]!.id;
  }
  id(code: string): CompetencyId {
    const c = Object.values(this.fw.competencies).find((x) => x.code === code);
    if (!c) throw new Error(`no competency ${code}`);
    return c.id;
  }
  competency(code: string, init: Partial<Competency> = {}): this {
    const t = thresholdPhase(this.fw)!;
    const c = createCompetency({
      code,
      statement: `Statement of ${code}`,
      domainId: this.domainId,
      phases: { [t.id]: { descriptor: `${code} at mastery`, indicators: [{ id: `ind-${code}` as IndicatorId, text: 'Does it' }] } },
      ...init,
    });
    this.fw.competencies[c.id] = c;
    return this;
  }
  competencies(...codes: string[]): this {
    for (const c of codes) this.competency(c);
    return this;
  }
  link(spec: string, id = `link-${++this.n}`): this {
    const [a, b] = spec.split('>') as [string, string];
    const from = this.fw.competencies[a] ? (a as CompetencyId) : this.tryId(a);
    const to = this.fw.competencies[b] ? (b as CompetencyId) : this.tryId(b);
    this.fw.prerequisites[id] = { id: id as LinkId, from, to, note: '' };
    return this;
  }
  links(...specs: string[]): this {
    for (const s of specs) this.link(s);
    return this;
  }
  /** A standards set; items given as `code` or `code<parentCode`. */
  standards(setId: string, items: string[], extra: Partial<Standard> = {}): this {
    const set: StandardsSet = { id: setId as StandardsSetId, title: `Set ${setId}`, source: '', version: '', caseDocumentId: '', caseDocumentUri: '', items: {} };
    items.forEach((spec, i) => {
      const [code, parent] = spec.split('<') as [string, string | undefined];
      set.items[`${setId}:${code}`] = {
        id: `${setId}:${code}` as StandardId,
        uri: `https://example.org/${setId}/${code}`,
        code,
        statement: `Standard ${code}`,
        itemType: 'Standard',
        parentId: parent ? (`${setId}:${parent}` as StandardId) : null,
        sequence: i + 1,
        educationLevels: [],
        ...extra,
      };
    });
    this.fw.standardsSets[setId] = set;
    return this;
  }
  align(code: string, setId: string, stdCode: string, id = `al-${++this.n}`): this {
    this.fw.alignments[id] = {
      id: id as AlignmentId,
      competencyId: this.tryId(code),
      setId: setId as StandardsSetId,
      standardId: `${setId}:${stdCode}` as StandardId,
      kind: 'exact',
    };
    return this;
  }
  private tryId(code: string): CompetencyId {
    return Object.values(this.fw.competencies).find((x) => x.code === code)?.id ?? (code as CompetencyId);
  }
}
