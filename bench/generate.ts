/**
 * Generators of realistic progressions for the benchmarks: domains spanning grade bands, competencies
 * ordered by grade, 1–3 prerequisites each (mostly within the domain, some across domains, always from
 * an earlier grade or earlier in the same grade, so the graph is acyclic), a standards set of about half
 * as many standards (grade → domain → cluster → standard), 1–2 alignments per competency (about 90 % of
 * the standards covered), the default four-phase scale with threshold descriptors and indicators.
 * Deterministic: a seeded PRNG makes ids and text, so the same size always gives the same file.
 */
import { writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { serializeFramework } from '../src-core/format/frameworkFile';
import { layoutGraph } from '../src-core/layout';
import { DOMAIN_PALETTE } from '../src-core/model/defaults';
import type { Alignment, Competency, Domain, Framework, MasteryPhase, PrerequisiteLink, Standard, StandardsSet } from '../src-core/model/types';
import type { AlignmentId, CompetencyId, DomainId, FrameworkId, IndicatorId, LinkId, PhaseId, StandardId, StandardsSetId } from '../src-core/model/ids';

/** Mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(r: () => number): string {
  const h = (n: number) =>
    Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');
  return `${h(8)}-${h(4)}-4${h(3)}-${'89ab'[Math.floor(r() * 4)]}${h(3)}-${h(12)}`;
}

/** Size of a competency node on the canvas (src-renderer/src/canvas/geometry.ts). */
export const CANVAS_NODE = { width: 240, height: 112 };

const GRADES = ['KG', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
const VERBS = ['Explain', 'Compare', 'Model', 'Solve', 'Represent', 'Analyze', 'Use', 'Interpret', 'Construct', 'Evaluate'];
const OBJECTS = ['fractions on a number line', 'place value to 1,000', 'linear equations', 'area of rectangles', 'ratios and rates', 'data in line plots', 'properties of operations', 'equivalent expressions', 'the structure of an argument', 'evidence from a text'];

export interface GenerateOptions {
  competencies: number;
  seed?: number;
  /** Domains; default grows with the square root of the size (8 at 1k, 35 at 20k). */
  domains?: number;
  /** Standards in the set; default half the competencies. */
  standards?: number;
  /** Mean prerequisites per competency (default 2.0; 1–3 each). */
  linksPerCompetency?: number;
  /** Lay the map out with our layered layout (default up to 10k competencies; a grid above). */
  layout?: boolean;
  /** Describe every phase (true) or only the threshold phase (default: true up to 20k competencies). */
  allPhases?: boolean;
}

/** A generated framework. */
export function generateFramework(o: GenerateOptions): Framework {
  const r = prng(o.seed ?? 20261125);
  const id = <T extends string>() => uuidFrom(r) as T;
  const pick = <T,>(arr: readonly T[]): T => arr[Math.floor(r() * arr.length)]!;
  const N = o.competencies;
  const nDomains = o.domains ?? Math.max(4, Math.round(Math.sqrt(N) / 4));
  const nStandards = o.standards ?? Math.max(1, Math.round(N / 2));
  const allPhases = o.allPhases ?? N <= 20_000;
  // above 20k, leaner records keep the file under the app's 200 MB open limit
  const lean = N > 20_000;
  // a little over the target: the first competencies of a domain find fewer candidates
  const mean = Math.min(3, Math.max(1, (o.linksPerCompetency ?? 2) * 1.04));
  const kBase = Math.floor(mean);
  const kFrac = mean - kBase;

  const phases: MasteryPhase[] = ['Beginning', 'Developing', 'Proficient', 'Advanced'].map((label, i) => ({
    id: id<PhaseId>(),
    label,
    description: `${label} level of the scale.`,
    threshold: i === 2,
  }));
  const threshold = phases[2]!;

  // domains, each spanning a band of grades
  const domains: Domain[] = [];
  const band: [number, number][] = [];
  for (let d = 0; d < nDomains; d++) {
    const lo = Math.floor(r() * 8);
    const hi = Math.min(GRADES.length - 1, lo + 3 + Math.floor(r() * 6));
    band.push([lo, hi]);
    domains.push({ id: id<DomainId>(), code: `D${d + 1}`, title: `Domain ${d + 1}`, description: '', color: DOMAIN_PALETTE[d % DOMAIN_PALETTE.length]!, parentId: null });
  }

  // standards: grade → domain → cluster → standard (leaves)
  const set: StandardsSet = { id: id<StandardsSetId>(), title: 'Generated State Standards', source: 'bench/generate.ts', version: '1', caseDocumentId: '', caseDocumentUri: '', items: {} };
  const leaves: Standard[] = [];
  const leavesByGradeDomain = new Map<string, Standard[]>();
  {
    const perGroup = Math.max(1, Math.ceil(nStandards / (GRADES.length * nDomains * 3)));
    let seqG = 0;
    outer: for (let gi = 0; gi < GRADES.length; gi++) {
      const g: Standard = { id: id<StandardId>(), uri: '', code: `G${GRADES[gi]}`, statement: `Grade ${GRADES[gi]}`, itemType: 'Grade', parentId: null, sequence: ++seqG, educationLevels: [GRADES[gi]!] };
      set.items[g.id] = g;
      for (let d = 0; d < nDomains; d++) {
        const dom: Standard = { id: id<StandardId>(), uri: '', code: `${GRADES[gi]}.D${d + 1}`, statement: `Domain ${d + 1}`, itemType: 'Domain', parentId: g.id, sequence: d + 1, educationLevels: [GRADES[gi]!] };
        set.items[dom.id] = dom;
        const list: Standard[] = [];
        leavesByGradeDomain.set(`${gi}:${d}`, list);
        for (let c = 0; c < 3; c++) {
          const cl: Standard = { id: id<StandardId>(), uri: '', code: `${dom.code}.${'ABC'[c]}`, statement: `Cluster ${'ABC'[c]}`, itemType: 'Cluster', parentId: dom.id, sequence: c + 1, educationLevels: [GRADES[gi]!] };
          set.items[cl.id] = cl;
          for (let s = 0; s < perGroup; s++) {
            if (leaves.length >= nStandards) break outer;
            const st: Standard = { id: id<StandardId>(), uri: '', code: `${cl.code}.${s + 1}`, statement: `${pick(VERBS)} ${pick(OBJECTS)}.`, itemType: 'Standard', parentId: cl.id, sequence: s + 1, educationLevels: [GRADES[gi]!] };
            set.items[st.id] = st;
            leaves.push(st);
            list.push(st);
          }
        }
      }
    }
  }

  // competencies: assign (domain, grade) and order globally by grade, then domain
  const slots: { d: number; g: number }[] = [];
  for (let i = 0; i < N; i++) {
    const d = Math.floor(r() * nDomains);
    const [lo, hi] = band[d]!;
    slots.push({ d, g: lo + Math.floor(r() * (hi - lo + 1)) });
  }
  slots.sort((a, b) => a.g - b.g || a.d - b.d);
  const comps: Competency[] = [];
  const byDomainGrade = new Map<string, Competency[]>();
  /** Competencies of domain `d` in the nearest grade below `g` that has any. */
  const earlierGrade = (d: number, g: number): Competency[] | undefined => {
    for (let gg = g - 1; gg >= 0; gg--) {
      const l = byDomainGrade.get(`${d}:${gg}`);
      if (l && l.length > 0) return l;
    }
    return undefined;
  };
  const prerequisites = new Map<string, PrerequisiteLink>();
  const alignments = new Map<string, Alignment>();
  const seqInDomainGrade = new Map<string, number>();
  const cols = Math.ceil(Math.sqrt(N));
  for (let i = 0; i < N; i++) {
    const { d, g } = slots[i]!;
    const key = `${d}:${g}`;
    const seq = (seqInDomainGrade.get(key) ?? 0) + 1;
    seqInDomainGrade.set(key, seq);
    const phasesDesc: Competency['phases'] = {};
    for (const p of phases) {
      if (!allPhases && p !== threshold) continue;
      const nInd = p === threshold ? (lean ? 1 : 1 + Math.floor(r() * 2)) : Math.floor(r() * 2);
      phasesDesc[p.id] = {
        descriptor: `${p.label}: ${pick(VERBS).toLowerCase()}s ${pick(OBJECTS)}.`,
        indicators: Array.from({ length: nInd }, () => ({ id: id<IndicatorId>(), text: `${pick(VERBS)} ${pick(OBJECTS)} with a model.` })),
      };
    }
    const c: Competency = {
      id: id<CompetencyId>(),
      code: `${domains[d]!.code}.${GRADES[g]}.${seq}`,
      statement: `${pick(VERBS)} ${pick(OBJECTS)}.`,
      iCan: lean ? '' : `I can ${pick(VERBS).toLowerCase()} ${pick(OBJECTS)}.`,
      domainId: domains[d]!.id,
      educationLevels: [GRADES[g]!],
      estimatedHours: 1 + Math.floor(r() * 8),
      evidenceTypes: lean ? [] : ['test', 'performance-task'],
      notes: '',
      phases: phasesDesc,
      position: { x: (i % cols) * 300, y: Math.floor(i / cols) * 160 },
      pinned: false,
    };
    // prerequisites: mostly from the domain's previous grade, some from earlier in the same grade,
    // some from another domain's earlier grade — always earlier in the global order, so acyclic
    const k = kBase + (r() < kFrac ? 1 : 0);
    const chosen = new Set<Competency>();
    for (let j = 0; j < k * 3 && chosen.size < k; j++) {
      const x = r();
      let pool: Competency[] | undefined;
      if (x < 0.6) pool = earlierGrade(d, g);
      else if (x < 0.8) pool = byDomainGrade.get(`${d}:${g}`);
      else pool = earlierGrade(Math.floor(r() * nDomains), g);
      if (pool && pool.length > 0) chosen.add(pool[pool.length - 1 - Math.floor(r() * Math.min(pool.length, 30))]!);
    }
    for (const p of chosen) {
      const link: PrerequisiteLink = { id: id<LinkId>(), from: p.id, to: c.id, note: '' };
      prerequisites.set(link.id, link);
    }
    // alignments to standards of the same grade and domain (or any of the grade)
    const pool = leavesByGradeDomain.get(`${g}:${d}`)?.length ? leavesByGradeDomain.get(`${g}:${d}`)! : leaves;
    const nAl = r() < 0.1 ? 0 : r() < 0.7 ? 1 : 2;
    const alignedTo = new Set<Standard>();
    for (let j = 0; j < nAl && pool.length > 0; j++) alignedTo.add(pick(pool));
    for (const s of alignedTo) {
      const a: Alignment = { id: id<AlignmentId>(), competencyId: c.id, setId: set.id, standardId: s.id, kind: r() < 0.7 ? 'exact' : 'partial' };
      alignments.set(a.id, a);
    }
    comps.push(c);
    const list = byDomainGrade.get(key) ?? [];
    list.push(c);
    byDomainGrade.set(key, list);
  }
  // positions as a designer would have them: laid out (grouped by domain) up to 10k, a loose grid above
  if (o.layout ?? N <= 10_000) {
    const links = [...prerequisites.values()];
    const res = layoutGraph(
      {
        nodes: comps.map((c) => ({ id: c.id, width: CANVAS_NODE.width, height: CANVAS_NODE.height, group: c.domainId })),
        edges: links.map((l) => ({ from: l.from, to: l.to })),
      },
      { direction: 'LR', groupBy: true, nodeSep: 28, layerSep: 90, laneSep: 96 },
    );
    for (const c of comps) c.position = { x: Math.round(res.positions[c.id]!.x), y: Math.round(res.positions[c.id]!.y) };
  }
  const competencies: Record<string, Competency> = {};
  for (const c of comps) competencies[c.id] = c;
  return {
    id: id<FrameworkId>(),
    title: `Generated progression (${N.toLocaleString('en-US')} competencies)`,
    description: 'Synthetic framework for benchmarks.',
    subjects: ['Mathematics'],
    educationLevels: GRADES.slice(),
    creator: 'bench',
    publisher: 'Progressions benchmarks',
    version: '1.0.0',
    status: 'draft',
    license: '',
    language: 'en',
    lastChangeDateTime: '2026-01-01T00:00:00Z',
    phases,
    domains,
    competencies,
    prerequisites,
    standardsSets: { [set.id]: set },
    alignments,
    comments: {},
  };
}

/** Where generated fixture files go (gitignored). */
export const RESULTS_DIR = join(import.meta.dirname ?? '.', '.results');

/** Writes `bench/.results/progression-<n>.json` (if not already there) and returns its path. */
export function writeFixture(n: number, opts: Omit<GenerateOptions, 'competencies'> = {}): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `progression-${n}${opts.linksPerCompetency ? `-l${opts.linksPerCompetency}` : ''}.json`);
  if (!existsSync(file)) writeFileSync(file, serializeFramework(generateFramework({ competencies: n, ...opts })));
  return file;
}

/** The layout graph of a framework: one node per competency (size of a canvas node), one edge per prerequisite. */
export function layoutInputOf(fw: Framework, size = CANVAS_NODE) {
  return {
    nodes: Object.values(fw.competencies).map((c) => ({ id: c.id as string, width: size.width, height: size.height, group: c.domainId as string | null })),
    edges: [...fw.prerequisites.values()].map((l) => ({ from: l.from as string, to: l.to as string })),
  };
}

// `tsx bench/generate.ts 1000 5000` writes fixtures for the browser benchmarks and manual tries
if (process.argv[1]?.endsWith('generate.ts')) {
  for (const a of process.argv.slice(2)) console.log(writeFixture(Number(a)));
}
