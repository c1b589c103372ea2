import { DOMAIN_PALETTE, defaultPhases } from '../model/defaults';
import type { AlignmentId, CompetencyId, DomainId, FrameworkId, IndicatorId, LinkId, PhaseId, StandardId, StandardsSetId } from '../model/ids';
import { isUuid } from '../model/ids';
import { levelRank } from '../model/levels';
import type {
  Alignment,
  CaseAssociation,
  CaseNodeRef,
  Competency,
  Domain,
  Framework,
  FrameworkStatus,
  MasteryPhase,
  PrerequisiteLink,
  ReviewComment,
  Standard,
  StandardsSet,
} from '../model/types';
import { derivedId, isUuidText, modelIdFor } from './caseIds';
import { NO_CASE_OBJECT } from '../model/caseIdentifiers';
import {
  competencyExtDropped,
  progressionsExt,
  readAlignmentKind,
  readCompetencyExt,
  readDomainColor,
  readPhases,
  readStatus,
  readStringList,
} from './extension';
import { buildHierarchy, itemTypeOf } from './hierarchy';
import { normalizeLevels, setOwn } from './toStandards';
import { normalizeDateTime } from './read';
import type { CasePackage, CFAssociation, CFItem, CFRubricCriterionLevel, LinkGenURI } from './types';

export interface CaseToFrameworkResult {
  framework: Framework;
  /** What the mapping decided and why (shown in the import report). */
  notes: string[];
}

type Kind = 'domain' | 'competency' | 'indicator';

/** What the mapping knows about one item of the package. */
interface ItemInfo {
  item: CFItem;
  /** Its item type, trimmed and lower case. */
  type: string;
  kind: Kind | undefined;
  /** The parent item's identifier in the tree (null for roots). */
  parent: string | null;
  /** Origin or destination of a `precedes` association. */
  inPrecedes: boolean;
  /** The competency it became. */
  comp: Competency | undefined;
  /** For an indicator: the rubric level it `isPartOf`. */
  partOf: string | undefined;
}

/** Maps a CASE `adoptionStatus` (free text) to a framework status, case-insensitively. */
export function statusFromAdoption(adoptionStatus: string | undefined): FrameworkStatus | undefined {
  const s = (adoptionStatus ?? '').trim().toLowerCase();
  if (s === '') return undefined;
  if (s === 'draft' || s === 'private draft') return 'draft';
  if (s === 'in review' || s === 'in-review' || s === 'review' || s === 'public review') return 'in-review';
  if (s === 'adopted' || s === 'implemented' || s === 'pending implementation') return 'adopted';
  if (s === 'deprecated' || s === 'retired') return 'deprecated';
  return undefined;
}

const GENERIC_TITLE = /^(destination|origin)( node)?$/i;

/**
 * Maps a (normalised) CASE package onto a framework, per the mapping in docs/case-mapping.md.
 * Our own 1.1 exports (with `extensions.progressions`) restore without loss. In a foreign package,
 * items typed Domain / Competency / Performance Indicator map as such; other items that have
 * `isChildOf` children and take part in no `precedes` become domains, every other item becomes a
 * competency in its nearest domain; `precedes` become prerequisites; `exactMatchOf` / `isRelatedTo`
 * to items outside the package become alignments to a standards set per association grouping (or
 * one "External references" set). Every other association is kept in `caseAssociations`, so that a
 * re-export keeps every association. Non-UUID identifiers get UUID v5 ids (noted).
 */
export function caseToFramework(pkg: CasePackage): CaseToFrameworkResult {
  const doc = pkg.CFDocument;
  const notes: string[] = [];
  const docExt = progressionsExt(doc.extensions);
  const pkgExt = progressionsExt(pkg.extensions);
  const ours = docExt !== undefined;
  const h = buildHierarchy(pkg);
  notes.push(...h.notes);
  const fwId = modelIdFor(doc.identifier);
  if (fwId !== doc.identifier) notes.push(`document identifier ${JSON.stringify(doc.identifier.slice(0, 80))} is not a UUID; framework id ${fwId} derived from it (UUID v5)`);

  let derived = 0;
  const idMemo = new Map<string, string>();
  const idOf = (caseId: string): string => {
    // Most identifiers are lower-case UUIDs already (the reader normalises them): their own model id.
    if (caseId.toLowerCase() === caseId && isUuidText(caseId)) return caseId;
    let m = idMemo.get(caseId);
    if (m === undefined) {
      m = modelIdFor(caseId);
      if (m !== caseId) derived++;
      idMemo.set(caseId, m);
    }
    return m;
  };

  // 1. Classify items. One record per item (a package has tens of thousands), so that each
  // identifier met in an association costs one Map look-up, not one per question asked about it.
  const info = new Map<string, ItemInfo>();
  for (const [id, item] of h.items) {
    info.set(id, { item, type: itemTypeOf(item, pkg).trim().toLowerCase(), kind: undefined, parent: h.parentOf.get(id) ?? null, inPrecedes: false, comp: undefined, partOf: undefined });
  }
  for (const a of pkg.CFAssociations ?? []) {
    if (a.associationType === 'precedes') {
      const o = info.get(a.originNodeURI.identifier);
      if (o) o.inPrecedes = true;
      const d = info.get(a.destinationNodeURI.identifier);
      if (d) d.inPrecedes = true;
    }
  }
  const pendingIndicators: ItemInfo[] = [];
  for (const [id, x] of info) {
    const t = x.type;
    if (t === 'domain') x.kind = 'domain';
    else if (t === 'competency') x.kind = 'competency';
    else if (t === 'performance indicator') pendingIndicators.push(x);
    else {
      const kids = h.childrenOf.get(id) ?? [];
      const hasChildren = kids.some((k) => info.get(k)!.type !== 'performance indicator');
      x.kind = hasChildren && !x.inPrecedes ? 'domain' : 'competency';
    }
  }
  for (const x of pendingIndicators) {
    x.kind = x.parent !== null && info.get(x.parent)!.kind === 'competency' ? 'indicator' : 'competency';
  }
  // Our own exports list items in framework order; a foreign package is read in tree order.
  const order = ours ? [...h.items.keys()] : h.order;
  const nearestDomain = (x: ItemInfo): string | null => {
    let p = x.parent;
    while (p !== null) {
      const px = info.get(p)!;
      if (px.kind === 'domain') break;
      p = px.parent;
    }
    return p;
  };

  // 2. Domains.
  const domains: Domain[] = [];
  for (const id of order) {
    const x = info.get(id)!;
    if (x.kind !== 'domain') continue;
    const item = x.item;
    const parent = nearestDomain(x);
    domains.push({
      id: idOf(id) as DomainId,
      code: item.humanCodingScheme ?? '',
      title: item.fullStatement,
      description: item.notes ?? '',
      color: readDomainColor(item.extensions) ?? DOMAIN_PALETTE[domains.length % DOMAIN_PALETTE.length]!,
      parentId: parent === null ? null : (idOf(parent) as DomainId),
    });
  }

  // 3. Competencies.
  const competencies: Record<string, Competency> = {};
  const emptyPhases = new Map<Competency, string[]>();
  /** Our extension fields that are there but malformed (dropped): how many items, and the first one's identifier. */
  const dropped = new Map<string, { count: number; first: string }>();
  const drop = (what: string, where: string) => {
    const d = dropped.get(what);
    if (d) d.count++;
    else dropped.set(what, { count: 1, first: where });
  };
  let n = 0;
  for (const id of order) {
    const x = info.get(id)!;
    if (x.kind !== 'competency') continue;
    const item = x.item;
    const ext = readCompetencyExt(item.extensions);
    if (ours) for (const f of competencyExtDropped(item.extensions)) drop(`extensions.progressions.${f} on items`, `item ${item.identifier}`);
    const d = nearestDomain(x);
    const c: Competency = {
      id: idOf(id) as CompetencyId,
      code: item.humanCodingScheme ?? '',
      statement: item.fullStatement,
      iCan: item.alternativeLabel ?? '',
      domainId: d === null ? null : (idOf(d) as DomainId),
      educationLevels: normalizeLevels(item.educationLevel),
      estimatedHours: ext.estimatedHours ?? null,
      evidenceTypes: ext.evidenceTypes ?? [],
      notes: item.notes ?? '',
      phases: {},
      position: ext.position ?? { x: (n % 8) * 280, y: Math.floor(n / 8) * 160 },
      pinned: ext.pinned ?? false,
    };
    n++;
    if (ext.emptyPhases?.length) emptyPhases.set(c, ext.emptyPhases);
    setOwn(competencies, c.id, c);
    x.comp = c;
  }

  // 4. Mastery scale.
  let phases = ours ? readPhases(docExt.phases) : undefined;
  if (ours && !phases && docExt.phases !== undefined) drop('extensions.progressions.phases (the mastery scale: ids, labels, descriptions, threshold) on the CFDocument', '/CFDocument/extensions/progressions/phases');
  const criteria = (pkg.CFRubrics ?? []).flatMap((r) => r.CFRubricCriteria ?? []);
  /** A rubric's identifier by its criterion, where the rubric has that one criterion (as ours: one per competency). */
  const soleRubricOf = new Map<object, string>();
  for (const r of pkg.CFRubrics ?? []) if (r.CFRubricCriteria?.length === 1) soleRubricOf.set(r.CFRubricCriteria[0]!, r.identifier);
  /**
   * A criterion's levels low → high. `score` is a level's value (higher = better) and decides when every
   * level has a distinct one: rubrics are often listed best first (position 1 = the top score). Otherwise
   * `position`, then package order.
   */
  const sortedLevels = (levels: CFRubricCriterionLevel[] | undefined) => {
    const ls = levels ?? [];
    const scores = ls.map((l) => l.score);
    const byScore = scores.every((x) => typeof x === 'number' && Number.isFinite(x)) && new Set(scores).size === ls.length;
    return ls
      .map((l, i) => ({ l, i }))
      .sort((a, b) => (byScore ? a.l.score! - b.l.score! : (a.l.position ?? a.i) - (b.l.position ?? b.i) || a.i - b.i))
      .map((x) => x.l);
  };
  if (!phases) {
    const longest = criteria.reduce<CFRubricCriterionLevel[]>((best, c) => {
      const ls = sortedLevels(c.CFRubricCriterionLevels);
      return ls.length > best.length ? ls : best;
    }, []);
    if (longest.length > 0) {
      const t = longest.length >= 3 ? longest.length - 2 : longest.length - 1;
      phases = longest.map((l, i) => ({
        id: derivedId(`phase:${doc.identifier}:${i + 1}`) as PhaseId,
        label: l.quality ?? `Level ${i + 1}`,
        description: '',
        threshold: i === t,
      }));
      notes.push(`mastery scale read from rubric levels (${phases.map((p) => p.label).join(', ')}); "${phases[t]!.label}" assumed to be the mastery threshold`);
    } else {
      phases = defaultPhases().map((p, i) => ({ ...p, id: derivedId(`phase:${doc.identifier}:${i + 1}`) as PhaseId }));
      notes.push('the package has no mastery scale; the default four-phase scale is used');
    }
  }
  const threshold: MasteryPhase = phases.find((p) => p.threshold) ?? phases[phases.length - 1]!;

  // Identifiers the package gave to what an export derives (hierarchy links, rubric levels), where they
  // differ from the derived ones: the export writes them again (Framework.caseIdentifiers). Our own 1.1
  // exports have none; a 1.0 export of ours has its levels' (their phase ids are not in 1.0).
  const caseIds: Record<string, string> = {};
  let caseIdCount = 0;
  const keepIdentifier = (name: string, identifier: string) => {
    const id = modelIdFor(identifier);
    if (id === derivedId(name) || Object.prototype.hasOwnProperty.call(caseIds, name)) return;
    setOwn(caseIds, name, id);
    caseIdCount++;
  };

  // 5. Phase descriptors from rubrics.
  const levelPhase = new Map<string, { comp: Competency; phaseId: string }>();
  let strayCriteria = 0;
  const criterionRead = new Set<string>();
  for (const crit of criteria) {
    const target = crit.CFItemURI?.identifier;
    const comp = target === undefined ? undefined : info.get(target)?.comp;
    if (!comp) {
      strayCriteria++;
      continue;
    }
    // An export writes one criterion per competency: the identifiers of its first one (and of its rubric, if
    // that holds no other criterion) and of that one's levels are kept.
    const compKey = comp.id.toLowerCase();
    const first = !criterionRead.has(compKey);
    if (first) {
      criterionRead.add(compKey);
      const rubricId = soleRubricOf.get(crit);
      if (rubricId !== undefined) keepIdentifier(`rubric:${compKey}`, rubricId);
      keepIdentifier(`criterion:${compKey}`, crit.identifier);
    }
    sortedLevels(crit.CFRubricCriterionLevels).forEach((l, i) => {
      const phase = phases![i];
      if (!phase) return;
      levelPhase.set(l.identifier, { comp, phaseId: phase.id });
      if (first) keepIdentifier(`level:${compKey}:${phase.id.toLowerCase()}`, l.identifier);
      if (l.description) comp.phases[phase.id] = { descriptor: l.description, indicators: [] };
    });
  }
  if (strayCriteria > 0) notes.push(`${strayCriteria} rubric criteria do not point at a competency of the package; ignored`);
  // A competency the package gave no rubric gets none on export while it describes no phase (one marker for
  // the framework; the competencies that had a rubric keep their `criterion:` identifier, as another tool's
  // differ from the derived ones).
  if (criterionRead.size < n) keepIdentifier(`rubric:${fwId.toLowerCase()}`, NO_CASE_OBJECT);
  for (const [comp, ids] of emptyPhases) {
    for (const pid of ids) {
      if (phases.some((p) => p.id === pid) && !comp.phases[pid]) comp.phases[pid] = { descriptor: '', indicators: [] };
    }
  }

  // 6. Associations: what the model expresses, and what is kept aside.
  const consumed = new Set<CFAssociation>();
  for (const [child, link] of h.parentLink) {
    const x = info.get(child)!;
    const k = x.kind;
    const p = x.parent;
    const dest = link.destinationNodeURI.identifier;
    if (p === null) {
      if (dest === doc.identifier && k !== 'indicator') consumed.add(link);
    } else if (k === 'indicator' || info.get(p)!.kind === 'domain') consumed.add(link);
    if (consumed.has(link)) keepIdentifier(`isChildOf:${idOf(child).toLowerCase()}:${p === null ? fwId : idOf(p).toLowerCase()}`, link.identifier);
  }
  // Items with no isChildOf at all (roots the package did not link to its document): an export writes none
  // for them either while they stay at the top level.
  let unlinked = 0;
  for (const [id, x] of info) {
    if (x.kind === 'indicator' || h.parentLink.has(id)) continue;
    keepIdentifier(`isChildOf:${idOf(id).toLowerCase()}:${fwId.toLowerCase()}`, NO_CASE_OBJECT);
    unlinked++;
  }
  if (unlinked > 0) notes.push(`${unlinked} item(s) have no isChildOf association (not even to the document): read as top-level items, and a CASE export leaves them without one, as the package has them`);
  const prerequisites = new Map<string, PrerequisiteLink>();
  const alignments = new Map<string, Alignment>();
  const sets: Record<string, StandardsSet> = {};
  const extSets = ours ? pkgExt?.standardsSets : undefined;
  if (extSets && typeof extSets === 'object' && !Array.isArray(extSets)) {
    for (const [k, s] of Object.entries(extSets as Record<string, unknown>)) {
      if (isStandardsSetLike(s) && s.id === k) setOwn(sets, k, s);
      else drop('standards sets in extensions.progressions.standardsSets (aligned standards are read from the associations instead)', `/extensions/progressions/standardsSets/${pointerToken(k)}`);
    }
  } else if (extSets !== undefined) drop('extensions.progressions.standardsSets, which is not an object', '/extensions/progressions/standardsSets');
  const groupingTitle = new Map<string, string>((pkg.CFDefinitions?.CFAssociationGroupings ?? []).map((g) => [g.identifier, g.title]));
  const externalSetId = derivedId(`external-references:${doc.identifier}`);
  const stubCount = new Map<string, number>();
  for (const a of pkg.CFAssociations ?? []) {
    if (consumed.has(a)) continue;
    const o = a.originNodeURI.identifier;
    const d = a.destinationNodeURI.identifier;
    const ox = info.get(o);
    const dx = info.get(d);
    if (a.associationType === 'precedes' && ox?.kind === 'competency' && dx?.kind === 'competency') {
      const link: PrerequisiteLink = { id: idOf(a.identifier) as LinkId, from: idOf(o) as CompetencyId, to: idOf(d) as CompetencyId, note: a.notes ?? '' };
      if (prerequisites.has(link.id)) continue;
      prerequisites.set(link.id, link);
      consumed.add(a);
    } else if (
      (a.associationType === 'exactMatchOf' || a.associationType === 'isRelatedTo') &&
      ox?.kind === 'competency' &&
      dx === undefined &&
      d !== doc.identifier &&
      // In our own packages alignments carry their kind; other matches were kept associations.
      (!ours || readAlignmentKind(a.extensions) !== undefined)
    ) {
      const g = a.CFAssociationGroupingURI;
      const setId = g ? modelIdFor(g.identifier) : externalSetId;
      let set = sets[setId];
      if (!Object.prototype.hasOwnProperty.call(sets, setId) || !set) {
        set = {
          id: setId as StandardsSetId,
          title: g ? g.title || groupingTitle.get(g.identifier) || 'External references' : 'External references',
          source: doc.uri || doc.title,
          version: '',
          caseDocumentId: '',
          caseDocumentUri: '',
          items: {},
        };
        setOwn(sets, setId, set);
      }
      if (!Object.prototype.hasOwnProperty.call(set.items, d)) {
        const n = (stubCount.get(setId) ?? Object.keys(set.items).length) + 1;
        stubCount.set(setId, n);
        setOwn(set.items, d, stubStandard(a.destinationNodeURI, n));
      }
      const al: Alignment = {
        id: idOf(a.identifier) as AlignmentId,
        competencyId: idOf(o) as CompetencyId,
        setId: setId as StandardsSetId,
        standardId: d as StandardId,
        kind: readAlignmentKind(a.extensions) ?? (a.associationType === 'exactMatchOf' ? 'exact' : 'related'),
      };
      if (alignments.has(al.id)) continue;
      alignments.set(al.id, al);
      consumed.add(a);
    } else if (a.associationType === 'isPartOf' && ox?.kind === 'indicator' && levelPhase.has(d) && ox.partOf === undefined) {
      ox.partOf = d;
      consumed.add(a);
      keepIdentifier(`isPartOf:${idOf(o).toLowerCase()}:${modelIdFor(d)}`, a.identifier);
    }
  }

  // 7. Performance indicators.
  let noPhase = 0;
  for (const id of order) {
    const x = info.get(id)!;
    if (x.kind !== 'indicator') continue;
    const comp = info.get(x.parent!)!.comp!;
    const lp = levelPhase.get(x.partOf ?? '');
    let phaseId = threshold.id as string;
    if (lp && lp.comp === comp) phaseId = lp.phaseId;
    else noPhase++;
    const entry = (comp.phases[phaseId] ??= { descriptor: '', indicators: [] });
    entry.indicators.push({ id: idOf(id) as IndicatorId, text: x.item.fullStatement });
  }
  if (noPhase > 0) notes.push(`${noPhase} performance indicator(s) name no rubric level; placed at the threshold phase "${threshold.label}"`);

  // 8. Everything else is kept as a CASE association.
  const ref = (end: LinkGenURI): CaseNodeRef => {
    const id = end.identifier;
    if (info.has(id)) return { identifier: idOf(id) };
    if (id === doc.identifier) return { identifier: fwId };
    return { identifier: id, uri: end.uri, title: end.title };
  };
  const kept: Record<string, CaseAssociation> = {};
  for (const a of pkg.CFAssociations ?? []) {
    if (consumed.has(a)) continue;
    const ca: CaseAssociation = {
      id: idOf(a.identifier),
      associationType: a.associationType,
      origin: ref(a.originNodeURI),
      destination: ref(a.destinationNodeURI),
    };
    if (a.sequenceNumber !== undefined) ca.sequenceNumber = a.sequenceNumber;
    const g = a.CFAssociationGroupingURI;
    if (g) ca.grouping = { identifier: modelIdFor(g.identifier), uri: g.uri, title: g.title || groupingTitle.get(g.identifier) || '' };
    if (kept[ca.id]) continue;
    setOwn(kept, ca.id, ca);
  }

  // 9. The framework.
  const comments: Record<string, ReviewComment> = {};
  const extComments = ours ? pkgExt?.comments : undefined;
  if (extComments && typeof extComments === 'object' && !Array.isArray(extComments)) {
    for (const [k, v] of Object.entries(extComments as Record<string, unknown>)) setOwn(comments, k, v as ReviewComment);
  }
  let status = ours ? readStatus(docExt.status) : undefined;
  if (ours && !status && docExt.status !== undefined) drop('extensions.progressions.status on the CFDocument (read from adoptionStatus instead)', '/CFDocument/extensions/progressions/status');
  if (ours && docExt.educationLevels !== undefined && readStringList(docExt.educationLevels) === undefined) {
    drop("extensions.progressions.educationLevels on the CFDocument (the framework's grade levels)", '/CFDocument/extensions/progressions/educationLevels');
  }
  if (!status) {
    status = statusFromAdoption(doc.adoptionStatus);
    if (!status) {
      status = 'draft';
      if (doc.adoptionStatus) notes.push(`adoption status ${JSON.stringify(doc.adoptionStatus.slice(0, 60))} not recognised; read as draft`);
    }
  }
  const licenseDef = doc.licenseURI && pkg.CFDefinitions?.CFLicenses?.find((l) => l.identifier === doc.licenseURI!.identifier);
  const levels = new Set<string>();
  for (const c of Object.values(competencies)) for (const l of c.educationLevels) levels.add(l);
  const extTime = ours && typeof docExt.lastChangeDateTime === 'string' ? normalizeDateTime(docExt.lastChangeDateTime) : undefined;
  const framework: Framework = {
    id: fwId as FrameworkId,
    title: doc.title,
    description: doc.description ?? '',
    subjects: doc.subject ?? doc.subjectURI?.map((s) => s.title).filter((s) => s !== '') ?? [],
    educationLevels: ours
      ? (readStringList(docExt.educationLevels) ?? [])
      : [...levels].sort((a, b) => (levelRank(a) ?? 999) - (levelRank(b) ?? 999) || a.localeCompare(b)),
    creator: ours && typeof docExt.creator === 'string' ? docExt.creator : doc.creator,
    publisher: doc.publisher ?? '',
    version: doc.version ?? '',
    status,
    license: licenseDef ? licenseDef.licenseText || licenseDef.title : (doc.licenseURI?.title ?? ''),
    language: doc.language ?? '',
    lastChangeDateTime: extTime && !extTime.assumedUtc ? (docExt!.lastChangeDateTime as string) : doc.lastChangeDateTime,
    phases,
    domains,
    competencies,
    prerequisites,
    standardsSets: sets,
    alignments,
    comments,
  };
  const keptCount = Object.keys(kept).length;
  if (keptCount > 0) framework.caseAssociations = kept;
  if (caseIdCount > 0) framework.caseIdentifiers = caseIds;

  if (!ours) {
    let indicators = 0;
    for (const x of info.values()) if (x.kind === 'indicator') indicators++;
    notes.push(
      `${domains.length} item(s) read as domains, ${n} as competencies${indicators ? `, ${indicators} as performance indicators` : ''}; ` +
        `${prerequisites.size} precedes association(s) as prerequisites, ${alignments.size} as alignments to ${Object.keys(sets).length} standards set(s)`,
    );
    const unkept = unkeptItemFields(info.values(), pkg, consumed);
    if (unkept) notes.push(unkept);
  }
  if (keptCount > 0) notes.push(`${keptCount} association(s) with no place in the framework model kept as CASE associations (a CASE export writes them again unchanged; other formats leave them out)`);
  for (const [what, d] of dropped) {
    notes.push(`ignored: malformed ${what}${d.count > 1 ? ` (${d.count} times, first at ${d.first})` : ` (at ${d.first})`}; the package's Progressions data may be damaged`);
  }
  if (derived > 0) notes.push(`${derived} identifier(s) are not UUIDs; UUID v5 ids derived from them`);
  return { framework, notes };
}

/**
 * The item fields of a foreign package the framework has no place for, as one report line with counts
 * (or undefined when there are none): kept associations travel back unchanged, these do not, so a
 * district re-exporting the package is told before it publishes.
 */
function unkeptItemFields(items: Iterable<ItemInfo>, pkg: CasePackage, consumed: ReadonlySet<CFAssociation>): string | undefined {
  const counts = new Map<string, number>();
  const bump = (what: string) => counts.set(what, (counts.get(what) ?? 0) + 1);
  const has = (v: unknown) => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim() !== '' : v !== undefined && v !== null);
  const types = new Set<string>();
  for (const x of items) {
    const it = x.item;
    for (const f of ['abbreviatedStatement', 'listEnumeration', 'conceptKeywords', 'language', 'subject', 'licenseURI', 'statusStartDate', 'statusEndDate'] as const) {
      if (has(it[f])) bump(f);
    }
    if (x.kind !== 'competency') {
      if (has(it.educationLevel)) bump(`educationLevel of items read as ${x.kind === 'domain' ? 'domains' : 'indicators'}`);
      if (has(it.alternativeLabel)) bump(`alternativeLabel of items read as ${x.kind === 'domain' ? 'domains' : 'indicators'}`);
    }
    if (!['domain', 'competency', 'performance indicator', ''].includes(x.type)) types.add(itemTypeOf(it, pkg).trim());
  }
  const parts = [...counts].map(([what, n]) => `${what} (${n} item${n === 1 ? '' : 's'})`);
  if (types.size) {
    const names = [...types].slice(0, 6).map((t) => JSON.stringify(t.slice(0, 40)));
    parts.push(`the item types ${names.join(', ')}${types.size > 6 ? ` and ${types.size - 6} more` : ''} (read as domains or competencies)`);
  }
  // The CFDocument's own fields the framework has no place for (title, creator, publisher, description,
  // subjects, language, version, status and licence are kept).
  const doc = pkg.CFDocument;
  const docParts: string[] = [];
  for (const f of ['officialSourceURL', 'notes', 'statusStartDate', 'statusEndDate', 'frameworkType'] as const) {
    if (has(doc[f])) docParts.push(f);
  }
  if (has(doc.subjectURI)) docParts.push(doc.subject?.length ? 'subjectURI' : 'subjectURI (the subjects\' titles are kept)');
  if (docParts.length) parts.push(`the CFDocument's ${docParts.join(', ')}`);
  // Association notes survive only on prerequisites; kept associations and alignments keep type, ends,
  // sequence and grouping. Other tools' extensions have no place at all.
  let assocNotes = 0;
  let assocExt = 0;
  for (const a of pkg.CFAssociations ?? []) {
    if (has(a.notes) && !(a.associationType === 'precedes' && consumed.has(a))) assocNotes++;
    if (hasKeys(a.extensions)) assocExt++;
  }
  if (assocNotes) parts.push(`notes of associations that are not prerequisites (${assocNotes})`);
  let itemExt = 0;
  for (const x of pkg.CFItems ?? []) if (hasKeys(x.extensions)) itemExt++;
  const ext = [
    ...(hasKeys(pkg.extensions) ? ['the package'] : []),
    ...(hasKeys(doc.extensions) ? ['the CFDocument'] : []),
    ...(itemExt ? [`${itemExt} item${itemExt === 1 ? '' : 's'}`] : []),
    ...(assocExt ? [`${assocExt} association${assocExt === 1 ? '' : 's'}`] : []),
  ];
  if (ext.length) parts.push(`extensions of other tools (on ${ext.join(', ')})`);
  return parts.length ? `not kept, so left out of a re-export: ${parts.join(', ')}` : undefined;
}

/** An object with at least one key (an `extensions` value worth naming). */
function hasKeys(v: unknown): boolean {
  return typeof v === 'object' && v !== null && Object.keys(v).length > 0;
}

function stubStandard(end: LinkGenURI, sequence: number): Standard {
  const title = end.title.trim();
  return {
    id: end.identifier as StandardId,
    uri: end.uri,
    code: '',
    statement: title !== '' && !GENERIC_TITLE.test(title) ? title : end.uri || end.identifier,
    itemType: '',
    parentId: null,
    sequence,
    educationLevels: [],
  };
}

/** A key as one JSON pointer token (RFC 6901). */
function pointerToken(k: string): string {
  return k.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isStandardsSetLike(v: unknown): v is StandardsSet {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const s = v as Record<string, unknown>;
  return isUuid(s.id) && typeof s.title === 'string' && typeof s.items === 'object' && s.items !== null && !Array.isArray(s.items);
}
