import type { AlignmentId, CompetencyId, LinkId, PhaseId } from '../model/ids';
import type { Alignment, Competency, Framework, MasteryPhase, PrerequisiteLink } from '../model/types';
import { competencyOrder } from './order';

/** An item present in both versions whose listed fields differ. */
export interface ChangedItem<Id extends string> {
  id: Id;
  /** Names of the fields that differ, e.g. `statement`, `phases`, `estimatedHours`. */
  fields: string[];
}

/** Added / removed / changed items of one kind. Lists are in a stable, readable order. */
export interface DiffSection<Id extends string> {
  added: Id[];
  removed: Id[];
  changed: ChangedItem<Id>[];
}

/**
 * What changed from framework version `a` (older) to `b` (newer). Competencies, phases and links are
 * matched by id (published identifiers never change); a link that changed id but keeps the same
 * `from → to` counts as the same link; alignments match by id, else by competency × standard.
 * Ids in `added` refer to `b`, in `removed` to `a`, in `changed` to both.
 */
export interface FrameworkDiff {
  /** Framework-level fields that differ (title, version, status, …). */
  framework: string[];
  competencies: DiffSection<CompetencyId>;
  links: DiffSection<LinkId>;
  phases: DiffSection<PhaseId>;
  alignments: DiffSection<AlignmentId>;
  /** True when nothing listed above differs. */
  identical: boolean;
}

const FRAMEWORK_FIELDS = [
  'title', 'description', 'subjects', 'educationLevels', 'creator', 'publisher', 'version', 'status', 'license', 'language',
] as const satisfies readonly (keyof Framework)[];

/** Compared competency fields. Layout (`position`, `pinned`) is left out unless asked for. */
const COMPETENCY_FIELDS = [
  'code', 'statement', 'iCan', 'domainId', 'educationLevels', 'estimatedHours', 'evidenceTypes', 'notes', 'phases',
] as const satisfies readonly (keyof Competency)[];

const same = (x: unknown, y: unknown) => stableJson(x) === stableJson(y);

/** JSON with object keys sorted, so key order never counts as a change. */
function stableJson(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(stableJson).join(',')}]`;
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(x) ?? 'undefined';
}

function changedFields<T extends object>(x: T, y: T, fields: readonly (keyof T)[]): string[] {
  return fields.filter((f) => !same(x[f], y[f])).map(String);
}

/** Options of {@link diffFrameworks}. */
export interface DiffOptions {
  /** Also count moved or (un)pinned competencies as changed (`position`, `pinned`). Default false. */
  includeLayout?: boolean;
}

/** Compares two versions of a framework; see {@link FrameworkDiff}. */
export function diffFrameworks(a: Framework, b: Framework, options: DiffOptions = {}): FrameworkDiff {
  const compFields: (keyof Competency)[] = [...COMPETENCY_FIELDS, ...(options.includeLayout ? (['position', 'pinned'] as const) : [])];

  // Competencies by id, in b's display order (removed ones in a's).
  const orderA = competencyOrder(a);
  const orderB = competencyOrder(b);
  const competencies: DiffSection<CompetencyId> = { added: [], removed: [], changed: [] };
  for (const id of orderB) {
    const ca = a.competencies[id];
    if (!ca) competencies.added.push(id);
    else {
      const fields = changedFields(ca, b.competencies[id]!, compFields);
      if (fields.length) competencies.changed.push({ id, fields });
    }
  }
  for (const id of orderA) if (!b.competencies[id]) competencies.removed.push(id);

  // Phases by id, in scale order; a phase that moved on the scale has `order` changed.
  const phases: DiffSection<PhaseId> = { added: [], removed: [], changed: [] };
  const phaseA = new Map<string, [MasteryPhase, number]>(a.phases.map((p, i) => [p.id, [p, i]]));
  const phaseB = new Set(b.phases.map((p) => p.id as string));
  b.phases.forEach((p, i) => {
    const old = phaseA.get(p.id);
    if (!old) phases.added.push(p.id);
    else {
      const fields = changedFields(old[0], p, ['label', 'description', 'threshold']);
      if (old[1] !== i) fields.push('order');
      if (fields.length) phases.changed.push({ id: p.id, fields });
    }
  });
  for (const p of a.phases) if (!phaseB.has(p.id)) phases.removed.push(p.id);

  const rankOf = ranker(orderA, orderB);
  const links = diffKeyed<PrerequisiteLink, LinkId>(
    a.prerequisites,
    b.prerequisites,
    (l) => `${l.from}\u0000${l.to}`,
    ['note'],
    (l) => [rankOf(l.to), rankOf(l.from)],
  );
  const alignments = diffKeyed<Alignment, AlignmentId>(
    a.alignments,
    b.alignments,
    (x) => `${x.competencyId}\u0000${x.setId}\u0000${x.standardId}`,
    ['kind'],
    (x) => [rankOf(x.competencyId), 0],
  );

  const framework = changedFields(a, b, FRAMEWORK_FIELDS);
  const identical =
    framework.length === 0 &&
    [competencies, links, phases, alignments].every((s) => !s.added.length && !s.removed.length && !s.changed.length);
  return { framework, competencies, links, phases, alignments, identical };
}

/** Position of a competency in b's display order, then a's (for removed ones). */
function ranker(orderA: readonly string[], orderB: readonly string[]): (id: string) => number {
  const m = new Map<string, number>();
  orderB.forEach((id, i) => m.set(id, i));
  orderA.forEach((id, i) => {
    if (!m.has(id)) m.set(id, orderB.length + i);
  });
  return (id) => m.get(id) ?? Number.MAX_SAFE_INTEGER;
}

/** Diff of two id-keyed records matched by id, then by a natural key for items whose id changed. */
function diffKeyed<T extends { id: string }, Id extends string>(
  ra: Readonly<Record<string, T>> | ReadonlyMap<string, T>,
  rb: Readonly<Record<string, T>> | ReadonlyMap<string, T>,
  naturalKey: (x: T) => string,
  fields: readonly (keyof T)[],
  sortKey: (x: T) => [number, number],
): DiffSection<Id> {
  const out: DiffSection<Id> = { added: [], removed: [], changed: [] };
  const a = ra instanceof Map ? ra : new Map(Object.entries(ra));
  const b = rb instanceof Map ? rb : new Map(Object.entries(rb));
  const aByKey = new Map<string, T>();
  for (const x of a.values()) if (!b.get(x.id)) aByKey.set(naturalKey(x), x);
  const matchedA = new Set<string>();
  const sorted = (xs: T[]) =>
    xs
      .map((x) => ({ x, k: sortKey(x) }))
      .sort((p, q) => p.k[0] - q.k[0] || p.k[1] - q.k[1] || (p.x.id < q.x.id ? -1 : 1))
      .map((p) => p.x);
  for (const y of sorted([...b.values()])) {
    const x = a.get(y.id) ?? aByKey.get(naturalKey(y));
    if (!x) {
      out.added.push(y.id as Id);
      continue;
    }
    matchedA.add(x.id);
    const f = changedFields(x, y, fields);
    if (naturalKey(x) !== naturalKey(y)) f.unshift('ends');
    if (f.length) out.changed.push({ id: y.id as Id, fields: f });
  }
  for (const x of sorted([...a.values()])) if (!matchedA.has(x.id)) out.removed.push(x.id as Id);
  return out;
}

/** How a competency is named in a change log (Markdown): its code in bold and statement, or its id. */
function nameOf(fw: Framework, id: string): string {
  const c = fw.competencies[id];
  if (!c) return md(id);
  const code = md(c.code.trim());
  const text = md((c.statement.trim() || c.iCan.trim()));
  return code && text ? `**${code}** ${text}` : code ? `**${code}**` : text || md(id);
}

/** Markdown escaping for text placed in a list item (keeps it one line, no accidental markup). */
function md(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/**
 * The diff as a Markdown change log, for release notes and review: a heading naming both versions,
 * then one section per kind with added, removed and changed items (and which fields changed).
 */
export function changeLogMarkdown(a: Framework, b: Framework, diff: FrameworkDiff = diffFrameworks(a, b)): string {
  const L: string[] = [];
  const va = a.version ? ` ${md(a.version)}` : '';
  const vb = b.version ? ` ${md(b.version)}` : '';
  L.push(`# Changes to ${md(b.title || a.title || 'the framework')}`, '');
  L.push(`From version${va || ' (unversioned)'} to version${vb || ' (unversioned)'}.`, '');
  if (diff.identical) {
    L.push('No changes.', '');
    return L.join('\n');
  }
  const nameIn = nameOf;
  if (diff.framework.length) {
    L.push('## Framework', '');
    for (const f of diff.framework) L.push(`- ${f} changed`);
    L.push('');
  }
  const section = <Id extends string>(title: string, s: DiffSection<Id>, label: (fw: Framework, id: Id) => string) => {
    if (!s.added.length && !s.removed.length && !s.changed.length) return;
    L.push(`## ${title}`, '');
    if (s.added.length) {
      L.push(`### Added (${s.added.length})`, '');
      for (const id of s.added) L.push(`- ${label(b, id)}`);
      L.push('');
    }
    if (s.removed.length) {
      L.push(`### Removed (${s.removed.length})`, '');
      for (const id of s.removed) L.push(`- ${label(a, id)}`);
      L.push('');
    }
    if (s.changed.length) {
      L.push(`### Changed (${s.changed.length})`, '');
      for (const c of s.changed) L.push(`- ${label(b, c.id)}: ${c.fields.join(', ')}`);
      L.push('');
    }
  };
  section('Competencies', diff.competencies, (fw, id) => nameIn(fw, id));
  section('Prerequisite links', diff.links, (fw, id) => {
    const l = fw.prerequisites.get(id)!;
    return `${nameIn(fw, l.from)} → ${nameIn(fw, l.to)}`;
  });
  section('Mastery phases', diff.phases, (fw, id) => {
    const p = fw.phases.find((x) => x.id === id)!;
    return `${md(p.label || id)}${p.threshold ? ' (mastery threshold)' : ''}`;
  });
  section('Alignments', diff.alignments, (fw, id) => {
    const x = fw.alignments.get(id)!;
    const set = fw.standardsSets[x.setId];
    const st = set?.items[x.standardId];
    const std = st ? md(st.code || st.statement || st.id) : md(x.standardId);
    return `${nameIn(fw, x.competencyId)} ↔ ${std}${set ? ` (${md(set.title)})` : ''}, ${x.kind}`;
  });
  return L.join('\n');
}
