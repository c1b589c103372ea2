import { v5 } from 'uuid';
import { createCompetency, createDomain, createFramework, thresholdPhase } from '../../src-core/model/defaults';
import type { AlignmentId, CompetencyId, IndicatorId, LinkId, StandardId, StandardsSetId } from '../../src-core/model/ids';
import type { Competency, Framework, Standard, StandardsSet } from '../../src-core/model/types';

const NS = '6f1c3a52-1b7e-4d8e-9a40-2f0c8d7e5b13';
/** A deterministic UUID for a test name (the file schema wants UUID ids). */
export const uuidOf = (name: string) => v5(name, NS);

/**
 * Builds small frameworks for check tests: competencies by code (all in one domain, threshold
 * described, so a framework built with defaults validates clean), links as `A>B`.
 */
export class FwBuilder {
  fw: Framework = createFramework({ title: 'Test framework' });
  private n = 0;
  private links_ = 0;
  /** The id of the k-th link added without an explicit id (1-based). */
  lid(k: number): string {
    return uuidOf(`link-${k}`);
  }
  /** The id of a standards set by its short name. */
  sid(name: string): StandardsSetId {
    return uuidOf(`set-${name}`) as StandardsSetId;
  }
  /** The id of a standard by set name and code. */
  std(set: string, code: string): StandardId {
    return uuidOf(`std-${set}-${code}`) as StandardId;
  }
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
      phases: { [t.id]: { descriptor: `${code} at mastery`, indicators: [{ id: uuidOf(`ind-${code}-${this.n++}`) as IndicatorId, text: 'Does it' }] } },
      ...init,
    });
    this.fw.competencies[c.id] = c;
    return this;
  }
  competencies(...codes: string[]): this {
    for (const c of codes) this.competency(c);
    return this;
  }
  link(spec: string, id = this.lid(++this.links_)): this {
    const [a, b] = spec.split('>') as [string, string];
    const from = this.fw.competencies[a] ? (a as CompetencyId) : this.tryId(a);
    const to = this.fw.competencies[b] ? (b as CompetencyId) : this.tryId(b);
    this.fw.prerequisites.set(id, { id: id as LinkId, from, to, note: '' });
    return this;
  }
  links(...specs: string[]): this {
    for (const s of specs) this.link(s);
    return this;
  }
  /** A standards set; items given as `code` or `code<parentCode`. */
  standards(name: string, items: string[], extra: Partial<Standard> = {}): this {
    const setId = this.sid(name);
    const set: StandardsSet = { id: setId, title: `Set ${name}`, source: '', version: '', caseDocumentId: '', caseDocumentUri: '', items: {} };
    items.forEach((spec, i) => {
      const [code, parent] = spec.split('<') as [string, string | undefined];
      set.items[this.std(name, code)] = {
        id: this.std(name, code),
        uri: `https://example.org/${name}/${code}`,
        code,
        statement: `Standard ${code}`,
        itemType: 'Standard',
        parentId: parent ? this.std(name, parent) : null,
        sequence: i + 1,
        educationLevels: [],
        ...extra,
      };
    });
    this.fw.standardsSets[setId] = set;
    return this;
  }
  align(code: string, set: string, stdCode: string, id = uuidOf(`al-${++this.n}`)): this {
    this.fw.alignments.set(id, {
      id: id as AlignmentId,
      competencyId: this.tryId(code),
      setId: this.sid(set),
      standardId: this.std(set, stdCode),
      kind: 'exact',
    });
    return this;
  }
  private tryId(code: string): CompetencyId {
    return Object.values(this.fw.competencies).find((x) => x.code === code)?.id ?? (code as CompetencyId);
  }
}
