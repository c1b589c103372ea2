/**
 * Turns a compact, hand-written example spec (codes instead of ids, phase texts in scale order)
 * into a full `Framework`. Every id is a UUID v5 derived from the example's slug and the item's
 * code, and every time stamp is fixed, so regenerating an example gives byte-identical files.
 *
 * The builder refuses content mistakes (unknown codes, prerequisite cycles, redundant transitive
 * prerequisites, missing phase texts) by throwing: the examples are data we write, so a mistake
 * there is a bug to fix before committing, not a user error.
 */
import { v5 as uuidv5 } from 'uuid';
import { createCompetency, createDomain, createFramework } from '../../src-core/model/defaults';
import type {
  AlignmentId,
  CommentId,
  CompetencyId,
  DomainId,
  FrameworkId,
  IndicatorId,
  LinkId,
  PhaseId,
  StandardId,
  StandardsSetId,
} from '../../src-core/model/ids';
import type {
  Alignment,
  AlignmentKind,
  Competency,
  CommentTarget,
  EvidenceType,
  Framework,
  MasteryPhase,
  PhaseDescription,
  PrerequisiteLink,
  ReviewComment,
  Standard,
  StandardsSet,
} from '../../src-core/model/types';

/** Namespace of every example id: UUID v5 of a fixed URL. Never change it (ids are published). */
export const EXAMPLES_NAMESPACE = uuidv5('https://progressions.app/examples', uuidv5.URL);

/** Canvas layout: column width per prerequisite depth, row height, gap between domain lanes. */
export const LAYOUT = { column: 320, row: 140, laneGap: 80 } as const;

/** A deterministic id for one part of one example. */
export function exampleId<T extends string>(slug: string, ...parts: string[]): T {
  return uuidv5([slug, ...parts].join('/'), EXAMPLES_NAMESPACE) as T;
}

/** Descriptor and performance indicators of one phase, as written. */
export type PhaseText = readonly [descriptor: string, indicators: readonly string[]];

export interface PhaseSpec {
  label: string;
  description: string;
  threshold?: boolean;
}

export interface DomainSpec {
  code: string;
  title: string;
  description: string;
}

/** A prerequisite by code, optionally with a note saying why. */
export type PrerequisiteSpec = string | { code: string; note: string };

export interface CompetencySpec {
  code: string;
  /** Domain code. */
  domain: string;
  levels: string[];
  hours: number | null;
  evidence: EvidenceType[];
  statement: string;
  iCan: string;
  notes?: string;
  /** Competencies that must be mastered before this one. */
  after?: PrerequisiteSpec[];
  /** Standards (by code, unique across the example's sets) and how closely this competency matches. */
  align?: [standardCode: string, kind: AlignmentKind][];
  /** One entry per phase of the scale, low to high. */
  phases: readonly PhaseText[];
}

export interface StandardSpec {
  /** Human coding scheme; empty for grouping items such as a grade. */
  code: string;
  statement: string;
  itemType: string;
  levels: string[];
  uri: string;
  children?: StandardSpec[];
}

export interface StandardsSetSpec {
  key: string;
  title: string;
  source: string;
  version: string;
  items: StandardSpec[];
}

export type CommentTargetSpec =
  | { kind: 'framework' }
  | { kind: 'competency'; code: string }
  | { kind: 'link'; from: string; to: string };

export interface CommentSpec {
  target: CommentTargetSpec;
  author: string;
  text: string;
  createdAt: string;
  resolved: boolean;
}

export interface FrameworkSpec {
  /** Stable name of the example; part of every id. */
  slug: string;
  meta: Pick<
    Framework,
    | 'title'
    | 'description'
    | 'subjects'
    | 'educationLevels'
    | 'creator'
    | 'publisher'
    | 'version'
    | 'status'
    | 'license'
    | 'language'
    | 'lastChangeDateTime'
  >;
  phases: PhaseSpec[];
  domains: DomainSpec[];
  competencies: CompetencySpec[];
  standardsSets: StandardsSetSpec[];
  comments?: CommentSpec[];
}

function fail(slug: string, message: string): never {
  throw new Error(`example ${slug}: ${message}`);
}

function phaseKey(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/**
 * Longest-path depth of every competency (0 for those without prerequisites). Throws on a cycle.
 */
function depths(slug: string, codes: string[], after: Map<string, string[]>): Map<string, number> {
  const depth = new Map<string, number>();
  const onPath = new Set<string>();
  const visit = (code: string): number => {
    const known = depth.get(code);
    if (known !== undefined) return known;
    if (onPath.has(code)) fail(slug, `prerequisite cycle through ${code}`);
    onPath.add(code);
    let d = 0;
    for (const p of after.get(code) ?? []) d = Math.max(d, visit(p) + 1);
    onPath.delete(code);
    depth.set(code, d);
    return d;
  };
  for (const c of codes) visit(c);
  return depth;
}

/** Throws when a link from → to is implied by another path from → … → to. */
function refuseRedundantLinks(slug: string, after: Map<string, string[]>): void {
  const ancestors = (code: string, skip: string): Set<string> => {
    const seen = new Set<string>();
    const stack = (after.get(code) ?? []).filter((p) => p !== skip);
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (seen.has(c)) continue;
      seen.add(c);
      stack.push(...(after.get(c) ?? []));
    }
    return seen;
  };
  for (const [to, froms] of after) {
    for (const from of froms) {
      if (ancestors(to, from).has(from)) fail(slug, `prerequisite ${from} → ${to} is implied by another path`);
    }
  }
}

function flattenStandards(
  slug: string,
  set: StandardsSetSpec,
  setId: StandardsSetId,
  byCode: Map<string, { setId: StandardsSetId; standardId: StandardId }>,
): Record<string, Standard> {
  const items: Record<string, Standard> = {};
  const walk = (specs: StandardSpec[], parentId: StandardId | null, path: string): void => {
    specs.forEach((s, i) => {
      const key = s.code || `${path}/${s.statement}`;
      const id = exampleId<StandardId>(slug, 'standard', set.key, key);
      if (items[id]) fail(slug, `duplicate standard ${key}`);
      items[id] = {
        id,
        uri: s.uri,
        code: s.code,
        statement: s.statement,
        itemType: s.itemType,
        parentId,
        sequence: i + 1,
        educationLevels: [...s.levels],
      };
      if (s.code) {
        if (byCode.has(s.code)) fail(slug, `standard code ${s.code} appears twice`);
        byCode.set(s.code, { setId, standardId: id });
      }
      if (s.children) walk(s.children, id, key);
    });
  };
  walk(set.items, null, set.key);
  return items;
}

/** Builds the framework an example spec describes (see the module comment). */
export function buildFramework(spec: FrameworkSpec): Framework {
  const { slug } = spec;
  if (spec.phases.filter((p) => p.threshold).length !== 1) fail(slug, 'the scale needs exactly one threshold phase');
  const phases: MasteryPhase[] = spec.phases.map((p) => ({
    id: exampleId<PhaseId>(slug, 'phase', phaseKey(p.label)),
    label: p.label,
    description: p.description,
    threshold: p.threshold === true,
  }));

  const domainIds = new Map<string, DomainId>();
  const domains = spec.domains.map((d, i) => {
    const id = exampleId<DomainId>(slug, 'domain', d.code);
    domainIds.set(d.code, id);
    return createDomain({ id, code: d.code, title: d.title, description: d.description }, i);
  });

  // Prerequisites by code, checked before anything is built.
  const codes = spec.competencies.map((c) => c.code);
  const codeSet = new Set(codes);
  if (codeSet.size !== codes.length) fail(slug, 'competency codes must be unique');
  const after = new Map<string, string[]>();
  const linkNotes = new Map<string, string>();
  for (const c of spec.competencies) {
    const froms = (c.after ?? []).map((p) => {
      const code = typeof p === 'string' ? p : p.code;
      if (!codeSet.has(code)) fail(slug, `${c.code} names unknown prerequisite ${code}`);
      if (typeof p !== 'string') linkNotes.set(`${code}->${c.code}`, p.note);
      return code;
    });
    if (new Set(froms).size !== froms.length) fail(slug, `${c.code} lists a prerequisite twice`);
    after.set(c.code, froms);
  }
  const depth = depths(slug, codes, after);
  refuseRedundantLinks(slug, after);

  // Layout: one horizontal lane per domain (in domain order); x by prerequisite depth. Within a
  // lane, a competency takes the first free row at or below the highest row of its prerequisites
  // in the same lane, so chains of prerequisites read along one row.
  const position = new Map<string, { x: number; y: number }>();
  let laneTop = 0;
  for (const d of spec.domains) {
    const inLane = spec.competencies.filter((c) => c.domain === d.code);
    const rowOf = new Map<string, number>();
    const taken = new Set<string>();
    const ordered = inLane
      .map((c, index) => ({ c, index, depth: depth.get(c.code)! }))
      .sort((a, b) => a.depth - b.depth || a.index - b.index);
    // Place depth by depth, so prerequisites in the lane already have rows.
    for (let i = 0; i < ordered.length; ) {
      const group = ordered.filter((o) => o.depth === ordered[i]!.depth);
      const preferred = (code: string): number => {
        const rows = (after.get(code) ?? []).flatMap((p) => (rowOf.has(p) ? [rowOf.get(p)!] : []));
        return rows.length > 0 ? Math.min(...rows) : 0;
      };
      const withPref = group.map((o) => ({ ...o, pref: preferred(o.c.code) })).sort((a, b) => a.pref - b.pref || a.index - b.index);
      for (const o of withPref) {
        let row = o.pref;
        while (taken.has(`${o.depth}:${row}`)) row++;
        taken.add(`${o.depth}:${row}`);
        rowOf.set(o.c.code, row);
      }
      i += group.length;
    }
    const rows = inLane.length === 0 ? 0 : Math.max(...inLane.map((c) => rowOf.get(c.code)!)) + 1;
    for (const c of inLane) {
      position.set(c.code, { x: depth.get(c.code)! * LAYOUT.column, y: laneTop + rowOf.get(c.code)! * LAYOUT.row });
    }
    if (rows > 0) laneTop += rows * LAYOUT.row + LAYOUT.laneGap;
  }

  const competencyIds = new Map<string, CompetencyId>();
  const competencies: Record<string, Competency> = {};
  for (const c of spec.competencies) {
    const domainId = domainIds.get(c.domain) ?? fail(slug, `${c.code} names unknown domain ${c.domain}`);
    if (c.phases.length !== phases.length) fail(slug, `${c.code} describes ${c.phases.length} phases, the scale has ${phases.length}`);
    const id = exampleId<CompetencyId>(slug, 'competency', c.code);
    competencyIds.set(c.code, id);
    const described: Record<string, PhaseDescription> = {};
    phases.forEach((phase, i) => {
      const [descriptor, indicators] = c.phases[i]!;
      if (!descriptor.trim() || indicators.length === 0) fail(slug, `${c.code} needs a descriptor and indicators for ${phase.label}`);
      described[phase.id] = {
        descriptor,
        indicators: indicators.map((text, j) => ({
          id: exampleId<IndicatorId>(slug, 'indicator', c.code, phaseKey(phase.label), String(j + 1)),
          text,
        })),
      };
    });
    competencies[id] = createCompetency({
      id,
      code: c.code,
      statement: c.statement,
      iCan: c.iCan,
      domainId,
      educationLevels: [...c.levels],
      estimatedHours: c.hours,
      evidenceTypes: [...c.evidence],
      notes: c.notes ?? '',
      phases: described,
      position: position.get(c.code) ?? { x: 0, y: 0 },
    });
  }

  const prerequisites = new Map<string, PrerequisiteLink>();
  for (const c of spec.competencies) {
    for (const from of after.get(c.code)!) {
      const id = exampleId<LinkId>(slug, 'link', from, c.code);
      prerequisites.set(id, {
        id,
        from: competencyIds.get(from)!,
        to: competencyIds.get(c.code)!,
        note: linkNotes.get(`${from}->${c.code}`) ?? '',
      });
    }
  }

  const standardByCode = new Map<string, { setId: StandardsSetId; standardId: StandardId }>();
  const standardsSets: Record<string, StandardsSet> = {};
  for (const s of spec.standardsSets) {
    const id = exampleId<StandardsSetId>(slug, 'standards-set', s.key);
    standardsSets[id] = {
      id,
      title: s.title,
      source: s.source,
      version: s.version,
      caseDocumentId: '',
      caseDocumentUri: '',
      items: flattenStandards(slug, s, id, standardByCode),
    };
  }

  const alignments = new Map<string, Alignment>();
  for (const c of spec.competencies) {
    for (const [code, kind] of c.align ?? []) {
      const target = standardByCode.get(code) ?? fail(slug, `${c.code} aligns to unknown standard ${code}`);
      const id = exampleId<AlignmentId>(slug, 'alignment', c.code, code);
      alignments.set(id, { id, competencyId: competencyIds.get(c.code)!, setId: target.setId, standardId: target.standardId, kind });
    }
  }

  const comments: Record<string, ReviewComment> = {};
  (spec.comments ?? []).forEach((c, i) => {
    const id = exampleId<CommentId>(slug, 'comment', String(i + 1));
    let target: CommentTarget;
    if (c.target.kind === 'competency') {
      target = { kind: 'competency', id: competencyIds.get(c.target.code) ?? fail(slug, `comment on unknown ${c.target.code}`) };
    } else if (c.target.kind === 'link') {
      const linkId = exampleId<LinkId>(slug, 'link', c.target.from, c.target.to);
      if (!prerequisites.has(linkId)) fail(slug, `comment on unknown link ${c.target.from} → ${c.target.to}`);
      target = { kind: 'link', id: linkId };
    } else {
      target = { kind: 'framework' };
    }
    comments[id] = { id, target, author: c.author, text: c.text, createdAt: c.createdAt, resolved: c.resolved };
  });

  return createFramework({
    ...spec.meta,
    id: exampleId<FrameworkId>(slug, 'framework'),
    phases,
    domains,
    competencies,
    prerequisites,
    standardsSets,
    alignments,
    comments,
  });
}
