/**
 * Generated frameworks with every kind of problem the checks report, sprinkled deterministically:
 * for golden / equivalence tests of validation (cold, cached and incremental runs must agree).
 */
import { generateFramework, prng } from '../../../bench/generate';
import type { CompetencyId, DomainId, LinkId, AlignmentId, StandardId } from '../../../src-core/model/ids';
import type { Alignment, Framework } from '../../../src-core/model/types';

/** `cycles: false` leaves out the reversed links, so the graph stays acyclic and redundant links are searched. */
export function messyFramework(competencies: number, seed = 7, cycles = true): Framework {
  const fw = generateFramework({ competencies, seed, linksPerCompetency: 2, layout: false });
  const r = prng(seed * 31 + 1);
  const ids = Object.keys(fw.competencies) as CompetencyId[];
  const pick = <T,>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const comp = (id: string) => fw.competencies[id as CompetencyId]!;
  const n = ids.length;
  const every = (k: number, f: (i: number) => void) => {
    for (let i = 0; i < n; i += k) f(i);
  };
  every(17, (i) => (comp(ids[i]!).code = ''));
  every(23, (i) => (comp(ids[i]!).code = comp(ids[(i + 5) % n]!).code));
  every(29, (i) => (comp(ids[i]!).code = `  ${comp(ids[i]!).code} `));
  every(31, (i) => (comp(ids[i]!).statement = i % 2 ? '   ' : ''));
  every(37, (i) => (comp(ids[i]!).domainId = i % 2 ? null : ('missing-domain' as DomainId)));
  every(41, (i) => (comp(ids[i]!).educationLevels = i % 2 ? ['Grade 3'] : ['3', '12']));
  every(43, (i) => {
    const c = comp(ids[i]!);
    const keys = Object.keys(c.phases);
    if (keys[1]) c.phases[keys[1] as keyof typeof c.phases] = { descriptor: '', indicators: [] };
    if (keys[2]) delete c.phases[keys[2] as keyof typeof c.phases];
  });
  every(47, (i) => {
    const c = comp(ids[i]!);
    (c.phases as Record<string, unknown>)['no-such-phase'] = { descriptor: 'Text', indicators: [] };
  });
  every(53, (i) => (comp(ids[i]!).statement = `\u00a0${comp(ids[i]!).statement}`));
  // Links: self, dangling, duplicate, cycles, grade regressions.
  let k = 0;
  const link = (from: string, to: string) => {
    const id = `mess-${k++}` as LinkId;
    fw.prerequisites.set(id, { id, from: from as CompetencyId, to: to as CompetencyId, note: '' });
  };
  every(59, (i) => link(ids[i]!, ids[i]!));
  every(61, (i) => link(ids[i]!, 'gone'));
  every(67, (i) => link('gone-too', ids[i]!));
  const linkList = [...fw.prerequisites.values()];
  every(71, () => {
    const l = pick(linkList);
    link(l.from, l.to);
  });
  if (cycles) {
    every(97, () => {
      const l = pick(linkList);
      link(l.to, l.from);
    });
    every(73, (i) => link(ids[n - 1 - i]!, ids[i]!));
  }
  // A link stored under a key that is not its id; a competency too.
  const anyLink = linkList[3]!;
  fw.prerequisites.set('wrong-key' as LinkId, { ...anyLink, id: 'other-id' as LinkId });
  fw.competencies['wrong-key-c' as CompetencyId] = { ...comp(ids[5]!), id: 'other-c-id' as CompetencyId };
  // Alignments: dangling, duplicate.
  const al = [...fw.alignments.values()];
  let j = 0;
  const align = (a: Partial<Alignment>) => {
    const id = `mess-al-${j++}` as AlignmentId;
    fw.alignments.set(id, { ...al[j % al.length]!, ...a, id });
  };
  for (let i = 0; i < Math.min(40, al.length); i += 4) {
    align({});
    align({ competencyId: 'nobody' as CompetencyId });
    align({ standardId: 'no-standard' as StandardId });
  }
  // Domains: a duplicate id, a dangling parent, a loop.
  const d = fw.domains;
  if (d.length >= 4) {
    d.push({ ...d[0]!, title: 'Copy of the first' });
    d[1] = { ...d[1]!, parentId: 'nowhere' as DomainId };
    d[2] = { ...d[2]!, parentId: d[3]!.id };
    d[3] = { ...d[3]!, parentId: d[2]!.id };
  }
  return fw;
}
