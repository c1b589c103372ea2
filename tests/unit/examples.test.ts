import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, renderExamples } from '../../scripts/build-examples';
import { buildFramework, type FrameworkSpec } from '../../scripts/examples/buildFramework';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import { DOMAIN_PALETTE } from '../../src-core/model/defaults';
import type { Framework, Standard } from '../../src-core/model/types';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const FRACTIONS = 'resources/examples/grade3-5-fractions.json';
const SCIENCE = 'resources/examples/student-science-inquiry.json';

function load(file: string): Framework {
  const r = loadFrameworkText(readFileSync(join(repoRoot, file), 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
  return r.value.framework;
}

/** The cycle through the prerequisite graph, as competency ids, or null when there is none. */
function findCycle(fw: Framework): string[] | null {
  const next = new Map<string, string[]>();
  for (const l of [...fw.prerequisites.values()]) next.set(l.from, [...(next.get(l.from) ?? []), l.to]);
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'open') return path.slice(path.indexOf(id));
    state.set(id, 'open');
    path.push(id);
    for (const n of next.get(id) ?? []) {
      const cycle = visit(n);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return null;
  };
  for (const id of Object.keys(fw.competencies)) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return null;
}

/** Links from → to that another path from → … → to already implies. */
function redundantLinks(fw: Framework): string[] {
  const code = (id: string) => fw.competencies[id]?.code ?? id;
  const links = [...fw.prerequisites.values()];
  const reachableWithout = (from: string, to: string, skip: string): boolean => {
    const seen = new Set<string>();
    const stack = links.filter((l) => l.from === from && l.id !== skip).map((l) => l.to);
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (c === to) return true;
      if (seen.has(c)) continue;
      seen.add(c);
      for (const l of links) if (l.from === c) stack.push(l.to);
    }
    return false;
  };
  return links.filter((l) => reachableWithout(l.from, l.to, l.id)).map((l) => `${code(l.from)} → ${code(l.to)}`);
}

function leaves(items: Record<string, Standard>): Standard[] {
  const parents = new Set(Object.values(items).map((s) => s.parentId));
  return Object.values(items).filter((s) => !parents.has(s.id));
}

/** Shape rules both examples share. */
function expectWellFormed(fw: Framework) {
  const thresholds = fw.phases.filter((p) => p.threshold);
  expect(thresholds).toHaveLength(1);
  expect(fw.phases.length).toBeLessThanOrEqual(4);

  for (const c of Object.values(fw.competencies)) {
    expect(c.statement.length, c.code).toBeGreaterThan(20);
    expect(c.iCan, c.code).toMatch(/^I can /);
    expect(c.evidenceTypes.length, c.code).toBeGreaterThan(0);
    expect(c.estimatedHours, c.code).toBeGreaterThan(0);
    expect(fw.domains.some((d) => d.id === c.domainId), c.code).toBe(true);
    for (const p of fw.phases) {
      const described = c.phases[p.id];
      expect(described, `${c.code} / ${p.label}`).toBeDefined();
      expect(described!.descriptor.trim().length, `${c.code} / ${p.label}`).toBeGreaterThan(15);
      expect(described!.indicators.length, `${c.code} / ${p.label}`).toBeGreaterThanOrEqual(1);
      expect(described!.indicators.length, `${c.code} / ${p.label}`).toBeLessThanOrEqual(3);
      for (const i of described!.indicators) expect(i.text.trim().length).toBeGreaterThan(10);
    }
  }
  // Phase keys are exactly the scale's phases.
  for (const c of Object.values(fw.competencies)) expect(Object.keys(c.phases).sort()).toEqual(fw.phases.map((p) => p.id).sort());

  expect(new Set(Object.values(fw.competencies).map((c) => c.code)).size).toBe(Object.keys(fw.competencies).length);
  for (const l of [...fw.prerequisites.values()]) {
    expect(fw.competencies[l.from], `link ${l.id} from`).toBeDefined();
    expect(fw.competencies[l.to], `link ${l.id} to`).toBeDefined();
  }
  expect(findCycle(fw)).toBeNull();
  expect(redundantLinks(fw)).toEqual([]);

  for (const a of [...fw.alignments.values()]) {
    expect(fw.competencies[a.competencyId], `alignment ${a.id}`).toBeDefined();
    expect(fw.standardsSets[a.setId]?.items[a.standardId], `alignment ${a.id}`).toBeDefined();
  }
  for (const set of Object.values(fw.standardsSets)) {
    for (const s of Object.values(set.items)) {
      if (s.parentId !== null) expect(set.items[s.parentId], `${set.title}: parent of ${s.code}`).toBeDefined();
    }
    // Siblings are numbered 1…n.
    const byParent = new Map<string | null, number[]>();
    for (const s of Object.values(set.items)) byParent.set(s.parentId, [...(byParent.get(s.parentId) ?? []), s.sequence]);
    for (const seqs of byParent.values()) expect(seqs.sort((a, b) => a - b)).toEqual(seqs.map((_, i) => i + 1));
  }

  for (const d of fw.domains) expect(DOMAIN_PALETTE as readonly string[]).toContain(d.color);

  // Every id in the document is unique (ids are published and must never collide).
  const ids = [
    fw.id,
    ...fw.phases.map((p) => p.id),
    ...fw.domains.map((d) => d.id),
    ...Object.keys(fw.competencies),
    ...Object.values(fw.competencies).flatMap((c) => Object.values(c.phases).flatMap((p) => p.indicators.map((i) => i.id))),
    ...[...fw.prerequisites.keys()],
    ...Object.keys(fw.standardsSets),
    ...Object.values(fw.standardsSets).flatMap((s) => Object.keys(s.items)),
    ...[...fw.alignments.keys()],
    ...Object.keys(fw.comments),
  ];
  expect(new Set(ids).size).toBe(ids.length);

  // Canvas: prerequisites point rightwards and no two nodes (about 240 × 110) overlap.
  for (const l of [...fw.prerequisites.values()]) {
    expect(fw.competencies[l.from]!.position.x).toBeLessThan(fw.competencies[l.to]!.position.x);
  }
  const boxes = Object.values(fw.competencies).map((c) => c.position);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const overlap = Math.abs(boxes[i]!.x - boxes[j]!.x) < 240 && Math.abs(boxes[i]!.y - boxes[j]!.y) < 110;
      expect(overlap, `nodes ${i} and ${j} overlap`).toBe(false);
    }
  }
}

describe('example frameworks', () => {
  it('each loads as a valid framework file', () => {
    for (const e of EXAMPLES) {
      const r = loadFrameworkText(readFileSync(join(repoRoot, e.file), 'utf8'));
      expect(r.ok ? 'ok' : r.error.message, e.file).toBe('ok');
    }
  });

  it('are exactly what the generator writes, so regenerating is byte-identical', () => {
    const first = renderExamples();
    expect(renderExamples()).toEqual(first);
    for (const { file, text } of first) {
      expect(readFileSync(join(repoRoot, file), 'utf8') === text, `${file} is stale: run npx tsx scripts/build-examples.ts`).toBe(true);
    }
  });
});

describe('Grade 3–5 fractions example', () => {
  const fw = load(FRACTIONS);
  const comps = Object.values(fw.competencies);
  const byCode = new Map(comps.map((c) => [c.code, c]));

  it('is an adopted district framework for grades 3–5 with the default four-phase scale', () => {
    expect(fw.title).toBe('Grade 3–5 Fractions Progression');
    expect(fw.status).toBe('adopted');
    expect(fw.subjects).toEqual(['Mathematics']);
    expect(fw.educationLevels).toEqual(['03', '04', '05']);
    expect(fw.license).toBe('CC BY 4.0');
    expect(fw.publisher).not.toBe('');
    expect(fw.phases.map((p) => p.label)).toEqual(['Beginning', 'Developing', 'Proficient', 'Advanced']);
    expect(fw.phases.find((p) => p.threshold)?.label).toBe('Proficient');
  });

  it('has 28–36 competencies in 4–6 domains, each described at every phase', () => {
    expect(comps.length).toBeGreaterThanOrEqual(28);
    expect(comps.length).toBeLessThanOrEqual(36);
    expect(fw.domains.length).toBeGreaterThanOrEqual(4);
    expect(fw.domains.length).toBeLessThanOrEqual(6);
    for (const d of fw.domains) expect(comps.some((c) => c.domainId === d.id), d.title).toBe(true);
    expectWellFormed(fw);
  });

  it('codes each competency FR.<grade>.<n> and gives it that grade level', () => {
    for (const c of comps) {
      const m = /^FR\.([345])\.(\d+)$/.exec(c.code);
      expect(m, c.code).not.toBeNull();
      expect(c.educationLevels).toEqual([`0${m![1]}`]);
    }
    for (const g of ['03', '04', '05']) expect(comps.filter((c) => c.educationLevels.includes(g)).length).toBeGreaterThanOrEqual(8);
  });

  it('uses several kinds of evidence', () => {
    const kinds = new Set(comps.flatMap((c) => c.evidenceTypes));
    expect(kinds.size).toBeGreaterThanOrEqual(5);
  });

  it('links prerequisites across grades, never from a later grade to an earlier one, about 1.5 per competency', () => {
    const links = [...fw.prerequisites.values()];
    const grade = (id: string) => Number(fw.competencies[id]!.educationLevels[0]);
    expect(links.length / comps.length).toBeGreaterThanOrEqual(1.2);
    expect(links.length / comps.length).toBeLessThanOrEqual(1.8);
    for (const l of links) expect(grade(l.from)).toBeLessThanOrEqual(grade(l.to));
    expect(links.some((l) => grade(l.from) === 3 && grade(l.to) === 4)).toBe(true);
    expect(links.some((l) => grade(l.from) === 4 && grade(l.to) === 5)).toBe(true);
    // Only the first competency of the progression has no prerequisite.
    const withoutPrereq = comps.filter((c) => !links.some((l) => l.to === c.id)).map((c) => c.code);
    expect(withoutPrereq).toEqual(['FR.3.1']);
  });

  it('holds the CCSS Number & Operations—Fractions standards of grades 3–5 as a hierarchy', () => {
    const nf = Object.values(fw.standardsSets).find((s) => s.title.includes('Number & Operations—Fractions'))!;
    expect(nf.title).toBe('Common Core State Standards — Mathematics, Grades 3–5: Number & Operations—Fractions');
    const leafCodes = leaves(nf.items)
      .map((s) => s.code)
      .sort();
    expect(leafCodes).toEqual(
      [
        '3.NF.A.1', '3.NF.A.2.a', '3.NF.A.2.b', '3.NF.A.3.a', '3.NF.A.3.b', '3.NF.A.3.c', '3.NF.A.3.d',
        '4.NF.A.1', '4.NF.A.2', '4.NF.B.3.a', '4.NF.B.3.b', '4.NF.B.3.c', '4.NF.B.3.d', '4.NF.B.4.a', '4.NF.B.4.b',
        '4.NF.B.4.c', '4.NF.C.5', '4.NF.C.6', '4.NF.C.7',
        '5.NF.A.1', '5.NF.A.2', '5.NF.B.3', '5.NF.B.4.a', '5.NF.B.4.b', '5.NF.B.5.a', '5.NF.B.5.b', '5.NF.B.6',
        '5.NF.B.7.a', '5.NF.B.7.b', '5.NF.B.7.c',
      ].sort(),
    );
    const item = (code: string) => Object.values(nf.items).find((s) => s.code === code)!;
    // grade → domain → cluster → standard → sub-standard
    const chain = (s: Standard): string[] => (s.parentId ? [...chain(nf.items[s.parentId]!), s.itemType] : [s.itemType]);
    expect(chain(item('3.NF.A.2.b'))).toEqual(['Grade Level', 'Domain', 'Cluster', 'Standard', 'Component']);
    expect(item('3.NF.A.2.b').sequence).toBe(2);
    expect(item('4.NF.C.7').educationLevels).toEqual(['04']);
    expect(item('3.NF.A.1').statement).toMatch(/^Understand a fraction 1\/b as the quantity formed by 1 part/);
  });

  it('covers every leaf standard of every set it claims, with exact, partial and related alignments', () => {
    const aligned = new Set([...fw.alignments.values()].map((a) => `${a.setId}/${a.standardId}`));
    for (const set of Object.values(fw.standardsSets)) {
      const uncovered = leaves(set.items).filter((s) => !aligned.has(`${set.id}/${s.id}`));
      expect(uncovered.map((s) => s.code), set.title).toEqual([]);
    }
    const kinds = [...fw.alignments.values()].map((a) => a.kind);
    expect(kinds.filter((k) => k === 'partial').length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((k) => k === 'related').length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((k) => k === 'exact').length).toBeGreaterThan(kinds.length / 2);
    const codesOf = (code: string) =>
      [...fw.alignments.values()]
        .filter((a) => a.competencyId === byCode.get(code)!.id)
        .map((a) => fw.standardsSets[a.setId]!.items[a.standardId]!.code);
    expect(codesOf('FR.3.4')).toEqual(['3.NF.A.2.b']);
    expect(codesOf('FR.5.12')).toEqual(['5.NF.B.7.c']);
  });

  it('lays the canvas out left to right by prerequisite depth, one lane per domain', () => {
    const laneOf = new Map(fw.domains.map((d, i) => [d.id, i]));
    const ys = (i: number) => comps.filter((c) => laneOf.get(c.domainId!) === i).map((c) => c.position.y);
    for (let i = 1; i < fw.domains.length; i++) expect(Math.min(...ys(i))).toBeGreaterThan(Math.max(...ys(i - 1)));
    expect(byCode.get('FR.3.1')!.position).toEqual({ x: 0, y: 0 });
    for (const c of comps) expect(c.position.x % 320).toBe(0);
  });
});

describe('student science-inquiry example', () => {
  const fw = load(SCIENCE);
  const comps = Object.values(fw.competencies);

  it('is a small draft co-designed by a teacher and a class, with the students’ own phase names', () => {
    expect(fw.status).toBe('draft');
    expect(fw.creator).toMatch(/Ms\. Rivera.*class/);
    expect(comps.length).toBeGreaterThanOrEqual(8);
    expect(comps.length).toBeLessThanOrEqual(12);
    expect(fw.phases.map((p) => p.label)).toEqual(['Starting', 'Getting there', 'Got it', 'Teaching others']);
    expect(fw.phases.find((p) => p.threshold)?.label).toBe('Got it');
    expectWellFormed(fw);
  });

  it('writes indicators in the students’ own voice', () => {
    const indicators = comps.flatMap((c) => Object.values(c.phases).flatMap((p) => p.indicators.map((i) => i.text)));
    const firstPerson = indicators.filter((t) => /\b(I|my|we|our)\b/i.test(t));
    expect(firstPerson.length / indicators.length).toBeGreaterThan(0.9);
  });

  it('has review comments on the framework, a competency and a prerequisite link', () => {
    const comments = Object.values(fw.comments);
    expect(comments.length).toBeGreaterThanOrEqual(3);
    expect(new Set(comments.map((c) => c.target.kind))).toEqual(new Set(['framework', 'competency', 'link']));
    for (const c of comments) {
      if (c.target.kind === 'competency') expect(fw.competencies[c.target.id]).toBeDefined();
      if (c.target.kind === 'link') expect(fw.prerequisites.get(c.target.id)).toBeDefined();
    }
    expect(comments.some((c) => !c.resolved)).toBe(true);
  });

  it('aligns to the NGSS Science and Engineering Practices, leaving models (SEP-2) for later', () => {
    const [sep] = Object.values(fw.standardsSets);
    expect(sep!.title).toMatch(/NGSS Science and Engineering Practices/);
    expect(Object.values(sep!.items).map((s) => s.code)).toEqual(['SEP-1', 'SEP-2', 'SEP-3', 'SEP-4', 'SEP-5', 'SEP-6', 'SEP-7', 'SEP-8']);
    const covered = new Set([...fw.alignments.values()].map((a) => sep!.items[a.standardId]!.code));
    expect(covered.has('SEP-2')).toBe(false);
    expect(covered.size).toBe(7);
  });
});

describe('the example builder', () => {
  const tiny = (after: Record<string, string[]>): FrameworkSpec => ({
    slug: 'tiny',
    meta: {
      title: 'Tiny',
      description: '',
      subjects: [],
      educationLevels: [],
      creator: '',
      publisher: '',
      version: '0.1.0',
      status: 'draft',
      license: '',
      language: 'en',
      lastChangeDateTime: '2026-01-01T00:00:00Z',
    },
    phases: [{ label: 'Got it', description: '', threshold: true }],
    domains: [{ code: 'D', title: 'D', description: '' }],
    competencies: Object.entries(after).map(([code, prereqs]) => ({
      code,
      domain: 'D',
      levels: [],
      hours: 1,
      evidence: ['test'],
      statement: code,
      iCan: code,
      after: prereqs,
      phases: [['Described.', ['Observed.']]],
    })),
    standardsSets: [],
  });

  it('refuses a prerequisite cycle in example content', () => {
    expect(() => buildFramework(tiny({ A: ['C'], B: ['A'], C: ['B'] }))).toThrow(/cycle/);
  });

  it('refuses a prerequisite already implied by another path', () => {
    expect(() => buildFramework(tiny({ A: [], B: ['A'], C: ['B', 'A'] }))).toThrow(/A → C is implied/);
  });

  it('gives the same ids every time', () => {
    const spec = tiny({ A: [], B: ['A'] });
    expect(buildFramework(spec)).toEqual(buildFramework(spec));
  });
});

describe('format version 1 fixture', () => {
  it('loads, keeping its content (it must load in every future version, migrated if need be)', () => {
    const r = loadFrameworkText(readFileSync(join(repoRoot, 'tests/fixtures/frameworks/v1-minimal.json'), 'utf8'));
    expect(r.ok ? 'ok' : r.error.message).toBe('ok');
    if (!r.ok) return;
    expect(r.value.formatVersion).toBe(1);
    const fw = r.value.framework;
    expect(fw.title).toBe('Minimal framework, format version 1');
    expect(Object.values(fw.competencies).map((c) => c.code)).toEqual(['NF.1', 'NF.2']);
    expect(fw.prerequisites.size).toBe(1);
    expect([...fw.alignments.values()][0]?.standardId).toBe('3.NF.A.1');
    expect(Object.values(fw.comments)[0]?.target.kind).toBe('competency');
  });
});
