import { isUuid } from '../model/ids';
import type { Competency, Domain, Framework, StandardsSet } from '../model/types';
import { derivedId, isCase10Uuid } from './caseIds';
import { EXT_KEY, type CompetencyExtension, type DocumentExtension } from './extension';
import { LazyArray, LazyObject, materialize, streamJson } from './jsonStream';
import { normalizeDateTime } from './read';
import {
  CASE_ASSOCIATION_TYPES_1_0,
  ITEM_TYPE_COMPETENCY,
  ITEM_TYPE_DOMAIN,
  ITEM_TYPE_INDICATOR,
  type CasePackage,
  type CaseVersion,
  type CFAssociation,
  type CFAssociationGrouping,
  type CFDocument,
  type CFItem,
  type CFItemType,
  type CFLicense,
  type CFRubric,
  type CFRubricCriterionLevel,
  type LinkGenURI,
  type LinkURI,
} from './types';
import { isAbsoluteUri } from './uri';

export interface CaseExportOptions {
  /** CASE version to write; 1.1 is lossless for Progressions, 1.0 drops what 1.0 cannot hold. */
  version: CaseVersion;
  /**
   * Base of every `uri`: `${baseUri}/${CFItems|CFAssociations|…}/${identifier}`. Typically the
   * CASE endpoint of the publishing server, e.g. `https://case.example.org/ims/case/v1p1`.
   * Defaults to `urn:progressions` (valid, not resolvable).
   */
  baseUri?: string;
  /** Also write review comments (1.1 only, in the package's `extensions.progressions`). */
  includeComments?: boolean;
  /**
   * Receives a line for each thing the package could not hold (descriptions of phases that are not on
   * the scale, kept CASE associations whose framework end was deleted), once the package is written.
   */
  notes?: string[];
}

/** The base of exported URIs when none is configured. */
export const DEFAULT_CASE_BASE_URI = 'urn:progressions';

/** Why `baseUri` cannot be used (a message), or undefined when it is fine. */
export function checkBaseUri(baseUri: string): string | undefined {
  const b = baseUri.replace(/\/+$/, '');
  if (b === '') return 'The base URI is empty.';
  if (/[?#]/.test(b)) return `The base URI ${JSON.stringify(baseUri.slice(0, 100))} has a query or fragment; item paths are appended to it, so give a plain base such as https://case.example.org/ims/case/v1p1.`;
  if (!isAbsoluteUri(`${b}/CFItems/x`)) {
    return `The base URI ${JSON.stringify(baseUri.slice(0, 100))} is not an absolute URI (expected e.g. https://case.example.org/ims/case/v1p1).`;
  }
  return undefined;
}

const TITLE_MAX = 100;
const short = (s: string) => (s.length > TITLE_MAX ? `${s.slice(0, TITLE_MAX - 1)}…` : s);

function adoptionStatus(fw: Framework): string {
  return fw.status === 'adopted' ? 'Adopted' : fw.status === 'deprecated' ? 'Deprecated' : 'Draft';
}

/**
 * Builds the package as a lazy tree: items, associations and rubrics are generated while written.
 * The order of everything is fixed by the framework, and every derived identifier is a UUID v5, so
 * the same framework always gives the same bytes.
 */
function packageTree(fw: Framework, opts: CaseExportOptions): LazyObject {
  const v11 = opts.version === '1.1';
  const baseProblem = checkBaseUri(opts.baseUri ?? DEFAULT_CASE_BASE_URI);
  if (baseProblem) throw new Error(`exportCase: ${baseProblem} (check it with checkBaseUri first)`);
  const base = (opts.baseUri ?? DEFAULT_CASE_BASE_URI).replace(/\/+$/, '');
  const time = normalizeDateTime(fw.lastChangeDateTime)?.value ?? '1970-01-01T00:00:00Z';
  /** Our identifiers, lower case; in 1.0 ids outside the 1.0 UUID pattern are replaced (v5). */
  const cid = (id: string): string => {
    const l = id.toLowerCase();
    return v11 || isCase10Uuid(l) ? l : derivedId(`case-1.0:${l}`);
  };
  const uri = (kind: string, id: string) => `${base}/${kind}/${id}`;
  const externalUri = (u: string | undefined, id: string) =>
    u && isAbsoluteUri(u) ? u : isUuid(id) ? `urn:uuid:${id.toLowerCase()}` : uri('CFItems', encodeURIComponent(id));
  /** A link to an item of this package (1.1 says it is a CASE target); a literal, no object spread per link. */
  const genLink = v11
    ? (title: string, identifier: string, u: string): LinkGenURI => ({ title, identifier, uri: u, targetType: 'CASE' })
    : (title: string, identifier: string, u: string): LinkGenURI => ({ title, identifier, uri: u });

  const docId = cid(fw.id);
  const docUri = uri('CFDocuments', docId);
  const docLink: LinkGenURI = genLink(short(fw.title), docId, docUri);

  const own = <T>(rec: Record<string, T>, k: string): T | undefined => (Object.prototype.hasOwnProperty.call(rec, k) ? rec[k] : undefined);
  const domainById = new Map<string, Domain>(fw.domains.map((d) => [d.id, d]));
  const comps = Object.values(fw.competencies);
  const compLink = (id: string): LinkGenURI => {
    const c = own(fw.competencies, id);
    const i = cid(id);
    return genLink(short(c ? c.code || c.statement : ''), i, uri('CFItems', i));
  };
  const domainLink = (d: Domain): LinkGenURI => {
    const i = cid(d.id);
    return genLink(short(d.code || d.title), i, uri('CFItems', i));
  };
  const link = (title: string, id: string, kind: string): LinkURI => ({ title: short(title), identifier: id, uri: uri(kind, id) });

  // Definitions (known before items are written).
  const itemType = (title: string, code: string, description: string): CFItemType => {
    const id = derivedId(`CFItemType:${title}`);
    return { identifier: id, uri: uri('CFItemTypes', id), title, description, hierarchyCode: code, typeCode: title, lastChangeDateTime: time };
  };
  const hasIndicators = comps.some((c) => fw.phases.some((p) => (own(c.phases, p.id)?.indicators.length ?? 0) > 0));
  const scale = new Set(fw.phases.map((p) => p.id));
  const offScale = comps.reduce((n, c) => n + Object.keys(c.phases).filter((k) => !scale.has(k as never)).length, 0);
  let droppedKept = 0;
  const TYPE_DOMAIN = itemType(ITEM_TYPE_DOMAIN, '1', 'A domain or strand grouping competencies.');
  const TYPE_COMP = itemType(ITEM_TYPE_COMPETENCY, '2', 'A skill or knowledge statement a student must master.');
  const TYPE_IND = itemType(ITEM_TYPE_INDICATOR, '3', 'An observable statement showing a student is at a mastery phase.');
  const typeLink = (t: CFItemType): LinkURI => ({ title: t.title, identifier: t.identifier, uri: t.uri });
  const itemTypes = [...(fw.domains.length ? [TYPE_DOMAIN] : []), ...(comps.length ? [TYPE_COMP] : []), ...(hasIndicators ? [TYPE_IND] : [])];

  const groupings = new Map<string, CFAssociationGrouping>();
  const addGrouping = (id: string, title: string, description?: string, u?: string): LinkURI => {
    const i = cid(id);
    let g = groupings.get(i);
    if (!g) {
      g = { identifier: i, uri: u && isAbsoluteUri(u) ? u : uri('CFAssociationGroupings', i), title, ...(description ? { description } : {}), lastChangeDateTime: time };
      groupings.set(i, g);
    }
    return { title: g.title, identifier: g.identifier, uri: g.uri };
  };
  const prereqs = Object.values(fw.prerequisites);
  const progressionLink = prereqs.length
    ? addGrouping(derivedId(`grouping:learning-progression:${fw.id}`), 'Learning progression', 'Prerequisite links: the origin must be mastered before the destination.')
    : undefined;
  const alignments = Object.values(fw.alignments);
  const setLinks = new Map<string, LinkURI>();
  for (const a of alignments) {
    if (setLinks.has(a.setId)) continue;
    const set = own(fw.standardsSets, a.setId);
    setLinks.set(a.setId, addGrouping(a.setId, set ? set.title || 'Standards' : 'Standards', set ? `Alignments to ${short(set.title)}` : undefined));
  }
  let license: CFLicense | undefined;
  if (fw.license !== '') {
    const id = derivedId(`CFLicense:${fw.license}`);
    license = { identifier: id, uri: uri('CFLicenses', id), title: short(fw.license), licenseText: fw.license, lastChangeDateTime: time };
  }

  const indicatorLink = (ind: { id: string; text: string }): LinkGenURI => {
    const i = cid(ind.id);
    return genLink(short(ind.text), i, uri('CFItems', i));
  };
  // Items that exist in this package (for kept associations whose ends are ours), by lower-cased
  // id, later entries winning. Built only when needed: at 100,000 competencies it is a link object
  // per item, and an export without kept associations only needs it if indicator ids repeat.
  let oursMap: Map<string, LinkGenURI> | undefined;
  const ours = (): Map<string, LinkGenURI> => {
    if (oursMap) return oursMap;
    oursMap = new Map<string, LinkGenURI>();
    oursMap.set(fw.id.toLowerCase(), docLink);
    for (const d of fw.domains) oursMap.set(d.id.toLowerCase(), domainLink(d));
    for (const c of comps) {
      oursMap.set(c.id.toLowerCase(), compLink(c.id));
      for (const p of fw.phases) for (const ind of own(c.phases, p.id)?.indicators ?? []) oursMap.set(ind.id.toLowerCase(), indicatorLink(ind));
    }
    return oursMap;
  };
  let repeatedIndicatorIds = false;
  {
    const seen = new Set<string>();
    for (const c of comps) {
      for (const p of fw.phases) {
        for (const ind of own(c.phases, p.id)?.indicators ?? []) {
          const k = ind.id.toLowerCase();
          if (seen.has(k)) repeatedIndicatorIds = true;
          seen.add(k);
        }
      }
    }
  }
  const kept = Object.values(fw.caseAssociations ?? {});
  const keptParent = new Set<string>();
  for (const ka of kept) {
    if (ka.associationType === 'isChildOf' && ka.origin.uri === undefined) keptParent.add(ka.origin.identifier.toLowerCase());
    if (ka.grouping) addGrouping(ka.grouping.identifier, ka.grouping.title, undefined, ka.grouping.uri);
  }

  const assoc = (
    id: string,
    type: string,
    origin: LinkGenURI,
    destination: LinkGenURI,
    extra: { seq?: number; grouping?: LinkURI; notes?: string; ext?: Record<string, unknown> } = {},
  ): CFAssociation => {
    const a: CFAssociation = { identifier: id, associationType: type } as CFAssociation;
    if (extra.seq !== undefined) a.sequenceNumber = extra.seq;
    a.uri = uri('CFAssociations', id);
    a.originNodeURI = origin;
    a.destinationNodeURI = destination;
    if (extra.grouping) a.CFAssociationGroupingURI = extra.grouping;
    a.lastChangeDateTime = time;
    if (v11 && extra.notes) a.notes = extra.notes;
    if (v11 && extra.ext) a.extensions = { [EXT_KEY]: extra.ext };
    return a;
  };
  const childOf = (childId: string, childLink: LinkGenURI, parent: LinkGenURI, seq: number) =>
    assoc(derivedId(`isChildOf:${childLink.identifier}:${parent.identifier}`), 'isChildOf', childLink, parent, { seq });

  // ---- document
  const document: CFDocument = { identifier: docId, uri: docUri } as CFDocument;
  if (v11) {
    document.frameworkType = 'Competency';
    document.caseVersion = '1.1';
  }
  const creator = fw.creator || fw.publisher || 'Unknown';
  document.creator = creator;
  document.title = fw.title;
  document.lastChangeDateTime = time;
  if (fw.publisher) document.publisher = fw.publisher;
  if (fw.description) document.description = fw.description;
  if (fw.subjects.length) document.subject = [...fw.subjects];
  if (fw.language) document.language = fw.language;
  if (fw.version) document.version = fw.version;
  document.adoptionStatus = adoptionStatus(fw);
  if (license) document.licenseURI = { title: license.title, identifier: license.identifier, uri: license.uri };
  if (v11) {
    const ext: DocumentExtension = { phases: fw.phases, status: fw.status };
    if (fw.educationLevels.length) ext.educationLevels = fw.educationLevels;
    if (creator !== fw.creator) ext.creator = fw.creator;
    if (time !== fw.lastChangeDateTime) ext.lastChangeDateTime = fw.lastChangeDateTime;
    document.extensions = { [EXT_KEY]: ext };
  }

  // ---- items
  function* items(): Generator<CFItem> {
    for (const d of fw.domains) {
      const it: CFItem = { identifier: cid(d.id), fullStatement: d.title, CFItemType: ITEM_TYPE_DOMAIN, uri: uri('CFItems', cid(d.id)) } as CFItem;
      if (d.code) it.humanCodingScheme = d.code;
      if (d.description) it.notes = d.description;
      it.CFItemTypeURI = typeLink(TYPE_DOMAIN);
      it.lastChangeDateTime = time;
      if (v11) it.extensions = { [EXT_KEY]: { color: d.color } };
      yield it;
    }
    for (const c of comps) yield competencyItem(c);
    for (const c of comps) {
      for (const p of fw.phases) {
        for (const ind of own(c.phases, p.id)?.indicators ?? []) {
          const i = cid(ind.id);
          yield { identifier: i, fullStatement: ind.text, CFItemType: ITEM_TYPE_INDICATOR, uri: uri('CFItems', i), CFItemTypeURI: typeLink(TYPE_IND), lastChangeDateTime: time };
        }
      }
    }
  }
  function competencyItem(c: Competency): CFItem {
    const i = cid(c.id);
    const it: CFItem = { identifier: i, fullStatement: c.statement } as CFItem;
    if (c.iCan) it.alternativeLabel = c.iCan;
    it.CFItemType = ITEM_TYPE_COMPETENCY;
    it.uri = uri('CFItems', i);
    if (c.code) it.humanCodingScheme = c.code;
    if (c.notes) it.notes = c.notes;
    if (c.educationLevels.length) it.educationLevel = [...c.educationLevels];
    it.CFItemTypeURI = typeLink(TYPE_COMP);
    it.lastChangeDateTime = time;
    if (v11) {
      const ext: CompetencyExtension = { position: { x: c.position.x, y: c.position.y } };
      if (c.estimatedHours !== null) ext.estimatedHours = c.estimatedHours;
      if (c.evidenceTypes.length) ext.evidenceTypes = [...c.evidenceTypes];
      if (c.pinned) ext.pinned = true;
      const empty = fw.phases.filter((p) => {
        const e = own(c.phases, p.id);
        return e !== undefined && e.descriptor === '' && e.indicators.length === 0;
      });
      if (empty.length) ext.emptyPhases = empty.map((p) => p.id);
      it.extensions = { [EXT_KEY]: ext };
    }
    return it;
  }

  // ---- associations
  function* associations(): Generator<CFAssociation> {
    const seqs = new Map<string, number>();
    const next = (parent: string) => {
      const n = (seqs.get(parent) ?? 0) + 1;
      seqs.set(parent, n);
      return n;
    };
    for (const d of fw.domains) {
      if (keptParent.has(d.id.toLowerCase())) continue;
      const parent = d.parentId !== null ? domainById.get(d.parentId) : undefined;
      const pl = parent ? domainLink(parent) : docLink;
      yield childOf(d.id, domainLink(d), pl, next(pl.identifier));
    }
    for (const c of comps) {
      if (keptParent.has(c.id.toLowerCase())) continue;
      const d = c.domainId !== null ? domainById.get(c.domainId) : undefined;
      const pl = d ? domainLink(d) : docLink;
      yield childOf(c.id, compLink(c.id), pl, next(pl.identifier));
    }
    for (const c of comps) {
      const cl = compLink(c.id);
      let n = 0;
      for (const p of fw.phases) {
        const indicators = own(c.phases, p.id)?.indicators ?? [];
        if (indicators.length === 0) continue;
        const levelId = derivedId(`level:${c.id.toLowerCase()}:${p.id.toLowerCase()}`);
        const levelLink: LinkGenURI = genLink(short(p.label), levelId, uri('CFRubricCriterionLevels', levelId));
        for (const ind of indicators) {
          const il = repeatedIndicatorIds ? ours().get(ind.id.toLowerCase())! : indicatorLink(ind);
          yield childOf(ind.id, il, cl, ++n);
          yield assoc(derivedId(`isPartOf:${il.identifier}:${levelId}`), 'isPartOf', il, levelLink);
        }
      }
    }
    for (const l of prereqs) {
      yield assoc(cid(l.id), 'precedes', compLink(l.from), compLink(l.to), { grouping: progressionLink, notes: l.note });
    }
    for (const a of alignments) {
      const set = own(fw.standardsSets, a.setId);
      const std = set ? own(set.items, a.standardId) : undefined;
      const dest: LinkGenURI = {
        title: short(std ? std.code || std.statement : a.standardId),
        identifier: a.standardId,
        uri: externalUri(std?.uri, a.standardId),
        ...(v11 && set?.caseDocumentId ? { targetType: 'CASE' } : {}),
      };
      yield assoc(cid(a.id), a.kind === 'exact' ? 'exactMatchOf' : 'isRelatedTo', compLink(a.competencyId), dest, {
        grouping: setLinks.get(a.setId),
        ext: { kind: a.kind },
      });
    }
    for (const ka of kept) {
      const end = (r: { identifier: string; uri?: string; title?: string }): LinkGenURI | undefined =>
        r.uri === undefined
          ? ours().get(r.identifier.toLowerCase())
          : // 1.1 keeps the reference exactly as imported; 1.0 needs a valid URI.
            { title: r.title ?? '', identifier: r.identifier, uri: v11 ? r.uri : externalUri(r.uri, r.identifier) };
      const o = end(ka.origin);
      const d = end(ka.destination);
      if (!o || !d) {
        droppedKept++; // an end that was ours no longer exists
        continue;
      }
      let type = ka.associationType;
      const known = (CASE_ASSOCIATION_TYPES_1_0 as readonly string[]).includes(type);
      if (!v11 && !known) type = 'isRelatedTo';
      else if (v11 && !known && type !== 'isTranslationOf' && !/^ext:[A-Za-z0-9.\-_]+$/.test(type)) type = `ext:${type.replace(/^ext:/, '').replace(/[^A-Za-z0-9.\-_]/g, '_') || 'related'}`;
      const seq = ka.sequenceNumber;
      yield assoc(cid(ka.id), type, o, d, {
        seq: seq !== undefined && Number.isInteger(seq) && Math.abs(seq) < 2 ** 31 ? seq : undefined,
        grouping: ka.grouping ? groupingLink(ka.grouping.identifier) : undefined,
      });
    }
  }
  const groupingLink = (id: string): LinkURI => {
    const g = groupings.get(cid(id))!;
    return { title: g.title, identifier: g.identifier, uri: g.uri };
  };

  // ---- rubrics
  function* rubrics(): Generator<CFRubric> {
    for (const c of comps) {
      const key = c.id.toLowerCase();
      const rid = derivedId(`rubric:${key}`);
      const crid = derivedId(`criterion:${key}`);
      const label = c.code || c.statement;
      const r: CFRubric = { identifier: rid, uri: uri('CFRubrics', rid) } as CFRubric;
      r.title = short(`Mastery phases: ${label}`);
      r.lastChangeDateTime = time;
      r.CFRubricCriteria = [
        {
          identifier: crid,
          uri: uri('CFRubricCriteria', crid),
          category: 'Mastery phases',
          ...(c.statement ? { description: c.statement } : {}),
          CFItemURI: link(label, cid(c.id), 'CFItems'),
          position: 1,
          rubricId: rid,
          lastChangeDateTime: time,
          CFRubricCriterionLevels: fw.phases.map((p, i) => {
            const lid = derivedId(`level:${key}:${p.id.toLowerCase()}`);
            const descriptor = own(c.phases, p.id)?.descriptor ?? '';
            // Members in this order (no object spreads: this runs for every competency and phase).
            const level: CFRubricCriterionLevel = { identifier: lid, uri: uri('CFRubricCriterionLevels', lid) } as CFRubricCriterionLevel;
            if (descriptor) level.description = descriptor;
            if (p.label) level.quality = p.label;
            level.score = i + 1;
            level.position = i + 1;
            level.rubricCriterionId = crid;
            level.lastChangeDateTime = time;
            return level;
          }),
        },
      ];
      yield r;
    }
  }

  // ---- package extension (1.1): what CASE has no place for
  const sets = Object.values(fw.standardsSets);
  const comments = opts.includeComments ? Object.entries(fw.comments) : [];
  const setTree = (s: StandardsSet) =>
    new LazyObject(function* () {
      for (const [k, v] of Object.entries(s)) yield [k, k === 'items' ? new LazyObject(() => Object.entries(s.items)) : v] as const;
    });
  const pkgExt =
    v11 && (sets.length > 0 || comments.length > 0)
      ? new LazyObject(function* () {
          yield [
            EXT_KEY,
            new LazyObject(function* () {
              if (sets.length) yield ['standardsSets', new LazyObject(() => sets.map((s) => [s.id, setTree(s)] as const))] as const;
              if (comments.length) yield ['comments', new LazyObject(() => comments)] as const;
            }),
          ] as const;
        })
      : undefined;

  const hasItems = fw.domains.length > 0 || comps.length > 0;
  return new LazyObject(function* () {
    yield ['CFDocument', document] as const;
    if (hasItems) yield ['CFItems', new LazyArray(items)] as const;
    if (hasItems || prereqs.length || alignments.length || kept.length) yield ['CFAssociations', new LazyArray(associations)] as const;
    const defs: Record<string, unknown> = {};
    if (license) defs.CFLicenses = [license];
    if (itemTypes.length) defs.CFItemTypes = itemTypes;
    if (groupings.size) defs.CFAssociationGroupings = [...groupings.values()];
    if (Object.keys(defs).length) yield ['CFDefinitions', defs] as const;
    if (comps.length && fw.phases.length) yield ['CFRubrics', new LazyArray(rubrics)] as const;
    if (pkgExt) yield ['extensions', pkgExt] as const;
    if (offScale > 0) opts.notes?.push(`${offScale} phase description(s) of phases not on the mastery scale were not exported`);
    if (droppedKept > 0) opts.notes?.push(`${droppedKept} kept CASE association(s) point at deleted items and were not exported`);
  });
}

/**
 * Exports a framework as a CASE package object, strictly valid against the official schema of the
 * chosen version (see docs/case-mapping.md for the mapping). Deterministic: the same framework and
 * options always give the same package. Throws only on an invalid `baseUri` (check it with
 * `checkBaseUri` first).
 */
export function exportCase(fw: Framework, opts: CaseExportOptions): CasePackage {
  return materialize(packageTree(fw, opts)) as CasePackage;
}

/**
 * Writes the same package as `exportCase` as pretty-printed JSON text (2-space indent, final
 * newline) to `sink`, in chunks of about `chunkChars` characters (default 64 K) built a batch of
 * objects at a time: memory stays bounded however large the framework is. The text equals
 * `JSON.stringify(exportCase(fw, opts), null, 2) + '\n'`.
 */
export function writeCasePackage(fw: Framework, opts: CaseExportOptions, sink: (chunk: string) => void, chunkChars?: number): void {
  streamJson(packageTree(fw, opts), sink, { chunkChars, suffix: '\n' });
}
