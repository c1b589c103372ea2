import { isUuid } from '../model/ids';
import type { CaseAssociation, Competency, Domain, Framework, StandardsSet } from '../model/types';
import { derivedId, derivedIdOf, isCase10Uuid } from './caseIds';
import { NO_CASE_OBJECT } from '../model/caseIdentifiers';
import { EXT_KEY, type DocumentExtension } from './extension';
import { LazyObject, LazyTextArray, materialize, streamJson } from './jsonStream';
import { normalizeDateTime } from './read';
import {
  CASE_ASSOCIATION_TYPES_1_0,
  ITEM_TYPE_COMPETENCY,
  ITEM_TYPE_DOMAIN,
  ITEM_TYPE_INDICATOR,
  type CasePackage,
  type CaseVersion,
  type CFAssociationGrouping,
  type CFDocument,
  type CFItemType,
  type CFLicense,
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

/*
 * Record text. Items, associations and rubrics are written as text (see LazyTextArray) from few,
 * flat pieces: V8 keeps `a + b` as a rope, and writing a rope into the chunk costs a step per piece,
 * so the constant parts of a record (member names, indentation, the base URI, the timestamp) are
 * joined once per export, and the link text of a competency (the same in every association that
 * points at it) is made once and flattened. A string member's text is opened by one piece and
 * closed by the next (`…"fullStatement": "` + statement + `",\n…`), so a value adds one piece.
 */

/** A newline and the indentation of depth `d` (2 spaces per level), as pretty JSON places members. */
const NL: string[] = Array.from({ length: 12 }, (_, d) => `\n${'  '.repeat(d)}`);
/** Characters `JSON.stringify` escapes in a string (quote, backslash, controls, lone surrogates — pairs take the slow path too). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
/** `s` as a JSON string literal, exactly as `JSON.stringify` writes it. */
const q = (s: string): string => (NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`);
/** The text of `s` between the quotes of its JSON string literal (`s` itself when nothing needs escaping). */
const esc = (s: string): string => (NEEDS_ESCAPE.test(s) ? JSON.stringify(s).slice(1, -1) : s);
/** A number as `JSON.stringify` writes it. */
const num = (n: number): string => (Number.isFinite(n) ? `${n}` : 'null');
/** The same text as one flat string (not a rope), for pieces written many times. */
const flat = (s: string): string => JSON.parse(JSON.stringify(s)) as string;
/** Pretty JSON of a small value whose first line sits at depth `d` (for the rare parts of a record). */
const valueText = (v: unknown, d: number): string => JSON.stringify(v, null, 2).replace(/\n/g, NL[d]!);
/** A string array as a member value at depth `d`. */
const stringsText = (xs: readonly string[], d: number): string => {
  if (xs.length === 0) return '[]';
  let s = '[';
  for (let i = 0; i < xs.length; i++) s += `${i ? ',' : ''}${NL[d + 1]!}${q(xs[i]!)}`;
  return `${s}${NL[d]!}]`;
};
/** The pieces of a link object's text whose members are at depth d (index d). */
const LINK = NL.map((m, d) => ({
  title: flat(`{${m}"title": "`),
  identifier: flat(`",${m}"identifier": "`),
  uri: flat(`",${m}"uri": "`),
  end: flat(`"${NL[Math.max(0, d - 1)]!}}`),
  endCase: flat(`",${m}"targetType": "CASE"${NL[Math.max(0, d - 1)]!}}`),
}));
/** A link (title, identifier, uri, targetType when set) as a member value whose own members are at depth `d`. */
const linkText = (l: LinkGenURI, d: number): string => {
  const k = LINK[d]!;
  const end = l.targetType === undefined ? k.end : l.targetType === 'CASE' ? k.endCase : `",${NL[d]!}"targetType": ${q(l.targetType)}${NL[d - 1]!}}`;
  return k.title + esc(l.title) + k.identifier + esc(l.identifier) + k.uri + esc(l.uri) + end;
};

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
  const prereqs = [...fw.prerequisites.values()];
  const progressionLink = prereqs.length
    ? addGrouping(derivedId(`grouping:learning-progression:${fw.id}`), 'Learning progression', 'Prerequisite links: the origin must be mastered before the destination.')
    : undefined;
  const alignments = [...fw.alignments.values()];
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
  /**
   * Whether a kept `isChildOf` from one of our items still says where the item is: its parent still
   * exists and sits where the model places the item (a competency under a competency of the same
   * domain, an item under an external parent while it is in no domain). Edits do not touch kept
   * associations, so a competency moved to another domain, or whose parent competency was deleted,
   * would otherwise stay under the old parent, or under none.
   */
  const keptParentHolds = (ka: CaseAssociation): boolean => {
    const o = ka.origin.identifier;
    const oc = own(fw.competencies, o);
    const od = oc ? undefined : domainById.get(o);
    const placed = oc ? oc.domainId : od ? od.parentId : undefined;
    if (placed === undefined) return true; // not a domain or competency (an indicator …): as imported
    const d = ka.destination;
    if (d.uri !== undefined) return placed === null;
    if (d.identifier === fw.id) return placed === null;
    const dc = own(fw.competencies, d.identifier);
    return dc !== undefined && dc.domainId === placed; // else the parent was deleted
  };
  const keptParent = new Set<string>();
  const staleParents = new Set<CaseAssociation>();
  const sameAsOwn = new Set<CaseAssociation>();
  for (const ka of kept) {
    // A link to one of our domains is never the item's tree link (the import read those into the model):
    // it is a second parent, written as well as the item's own link.
    if (ka.associationType === 'isChildOf' && ka.origin.uri === undefined) {
      if (ka.destination.uri === undefined && domainById.has(ka.destination.identifier)) {
        // (unless the user has since moved the item there: its own link says it already)
        const oc = own(fw.competencies, ka.origin.identifier);
        const placed = oc ? oc.domainId : domainById.get(ka.origin.identifier)?.parentId;
        if (placed === ka.destination.identifier) sameAsOwn.add(ka);
      } else if (keptParentHolds(ka)) keptParent.add(ka.origin.identifier.toLowerCase());
      else staleParents.add(ka);
    }
    if (ka.grouping) addGrouping(ka.grouping.identifier, ka.grouping.title, undefined, ka.grouping.uri);
  }

  // ---- record text (see "Record text" above): a record sits at depth 2 (`"CFItems": [` → `{`), so
  // its members are at depth 3.
  const F = NL[3]!;
  const E = NL[2]!;
  const timeText = q(time);
  const baseEsc = esc(base);
  const LCT = flat(`,${F}"lastChangeDateTime": ${timeText}`);
  const docLinkText = flat(linkText(docLink, 4));
  // Each link's identifier and record text, built once per export and reused by every association naming it.
  const linkTextOf = <K,>(link: (k: K) => LinkGenURI) => {
    const cache = new Map<K, { id: string; text: string }>();
    return (k: K) => {
      let r = cache.get(k);
      if (!r) {
        const l = link(k);
        r = { id: l.identifier, text: flat(linkText(l, 4)) };
        cache.set(k, r);
      }
      return r;
    };
  };
  const domainLinkOf = linkTextOf(domainLink);
  const compLinkOf = linkTextOf(compLink);
  /**
   * The identifiers an imported package gave to what is derived here (Framework.caseIdentifiers), by the
   * name it is derived from; in 1.0 one outside the 1.0 pattern is replaced as our own are (`cid`).
   */
  const keptIds = fw.caseIdentifiers && Object.keys(fw.caseIdentifiers).length ? new Map(Object.entries(fw.caseIdentifiers)) : undefined;
  const keptId = (name: string): string | undefined => {
    const id = keptIds!.get(name);
    return id === undefined || id === NO_CASE_OBJECT ? undefined : cid(id);
  };
  /** Whether the imported package had no such object (see NO_CASE_OBJECT): none is written. */
  const hadNone = (name: string): boolean => keptIds !== undefined && keptIds.get(name) === NO_CASE_OBJECT;
  const fwKey = fw.id.toLowerCase();
  /** A rubric criterion level's identifier: as imported, else derived from the competency and the phase. */
  const levelIdOf = (key: string, phaseKey: string): string => (keptIds && keptId(`level:${key}:${phaseKey}`)) || derivedIdOf('level:', key, ':', phaseKey);
  /**
   * Competencies written without a rubric (index: competency): in a framework imported from a package that
   * gave some competencies none (`rubric:<framework>` kept as NO_CASE_OBJECT), those that describe no phase
   * (no descriptor, no indicator) and had no rubric in the package (no kept `criterion:`). Undefined when
   * every competency gets one (every framework that did not come from such a package).
   */
  const rubricless = hadNone(`rubric:${fwKey}`)
    ? comps.map((c) => {
        if (keptIds!.has(`criterion:${c.id.toLowerCase()}`)) return false;
        for (const p of fw.phases) {
          const e = own(c.phases, p.id);
          if (e !== undefined && (e.descriptor !== '' || e.indicators.length > 0)) return false;
        }
        return true;
      })
    : undefined;
  /** The ids of the rubric criterion levels the associations derived, for the rubrics (index: competency × phase). */
  const levelIds: (string | undefined)[] = [];

  const A_ID = flat(`{${F}"identifier": "`);
  const A_SEQ = flat(`,${F}"sequenceNumber": `);
  const A_URI = flat(`,${F}"uri": "${baseEsc}/CFAssociations/`);
  const A_ORIGIN = flat(`",${F}"originNodeURI": `);
  const A_DEST = flat(`,${F}"destinationNodeURI": `);
  const A_GROUP = flat(`,${F}"CFAssociationGroupingURI": `);
  const A_END = flat(`${LCT}${E}}`);
  const typeTexts = new Map<string, string>();
  const typeText = (type: string) => {
    let t = typeTexts.get(type);
    if (t === undefined) typeTexts.set(type, (t = flat(`",${F}"associationType": ${q(type)}`)));
    return t;
  };
  const T_CHILD = typeText('isChildOf');
  const T_PART = typeText('isPartOf');
  const T_PRECEDES = typeText('precedes');
  /**
   * An association: `idText` is its identifier as escaped for JSON (derived ids need no escaping),
   * `typePiece` the text of its type member from `typeText`.
   */
  const assocText = (
    idText: string,
    typePiece: string,
    originText: string,
    destinationText: string,
    seq?: number,
    groupingText?: string,
    notes?: string,
    extText?: string,
  ): string => {
    let s = A_ID + idText + typePiece;
    if (seq !== undefined) s += A_SEQ + num(seq);
    s += A_URI + idText + A_ORIGIN + originText + A_DEST + destinationText;
    if (groupingText !== undefined) s += A_GROUP + groupingText;
    if (!v11 || (!notes && !extText)) return s + A_END;
    s += LCT;
    if (notes) s += `,${F}"notes": ${q(notes)}`;
    if (extText) s += `,${F}"extensions": ${extText}`;
    return s + E + '}';
  };
  const childOfText = (childId: string, childText: string, parentId: string, parentText: string, seq: number) =>
    assocText((keptIds && keptId(`isChildOf:${childId}:${parentId}`)) || derivedIdOf('isChildOf:', childId, ':', parentId), T_CHILD, childText, parentText, seq);
  const LINK4 = LINK[4]!;
  const LINK4_END = v11 ? LINK4.endCase : LINK4.end;
  const ITEM_URI4 = flat(`",${NL[4]}"uri": "${baseEsc}/CFItems/`);
  const LEVEL_URI4 = flat(`",${NL[4]}"uri": "${baseEsc}/CFRubricCriterionLevels/`);

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
  const typeDomainText = linkText(typeLink(TYPE_DOMAIN), 4);
  const typeCompText = linkText(typeLink(TYPE_COMP), 4);
  const typeIndText = linkText(typeLink(TYPE_IND), 4);
  const I_ID = A_ID;
  const I_STATEMENT = flat(`",${F}"fullStatement": "`);
  const I_CODE = flat(`",${F}"humanCodingScheme": "`);
  const I_NOTES = flat(`",${F}"notes": "`);
  function* items(): Generator<string> {
    for (const d of fw.domains) {
      const i = cid(d.id);
      let s = `{${F}"identifier": ${q(i)},${F}"fullStatement": ${q(d.title)},${F}"CFItemType": ${q(ITEM_TYPE_DOMAIN)},${F}"uri": ${q(uri('CFItems', i))}`;
      if (d.code) s += `,${F}"humanCodingScheme": ${q(d.code)}`;
      if (d.description) s += `,${F}"notes": ${q(d.description)}`;
      s += `,${F}"CFItemTypeURI": ${typeDomainText}${LCT}`;
      if (v11) s += `,${F}"extensions": ${valueText({ [EXT_KEY]: { color: d.color } }, 3)}`;
      yield `${s}${E}}`;
    }
    for (const c of comps) yield competencyItem(c);
    const IND_URI = flat(`",${F}"CFItemType": ${q(ITEM_TYPE_INDICATOR)},${F}"uri": "${baseEsc}/CFItems/`);
    const IND_END = flat(`",${F}"CFItemTypeURI": ${typeIndText}${LCT}${E}}`);
    for (const c of comps) {
      for (const p of fw.phases) {
        for (const ind of own(c.phases, p.id)?.indicators ?? []) {
          const i = esc(cid(ind.id));
          yield I_ID + i + I_STATEMENT + esc(ind.text) + IND_URI + i + IND_END;
        }
      }
    }
  }
  const C_ALT = flat(`",${F}"alternativeLabel": "`);
  const C_URI = flat(`",${F}"CFItemType": ${q(ITEM_TYPE_COMPETENCY)},${F}"uri": "${baseEsc}/CFItems/`);
  const C_EDUCATION = flat(`",${F}"educationLevel": `);
  const C_TYPE = flat(`,${F}"CFItemTypeURI": ${typeCompText}${LCT}`);
  const C_TYPE_AFTER_STRING = flat(`"${C_TYPE}`);
  // extensions (depth 3) → progressions (4) → its members (5) → position's members (6).
  const M = NL[5]!;
  const C_EXT = flat(`,${F}"extensions": {${NL[4]}"${EXT_KEY}": {${M}"position": {${NL[6]}"x": `);
  const C_Y = flat(`,${NL[6]}"y": `);
  const C_POSITION_END = flat(`${M}}`);
  const C_END = flat(`${NL[4]}}${F}}${E}}`);
  function competencyItem(c: Competency): string {
    const i = esc(cid(c.id));
    let s = I_ID + i + I_STATEMENT + esc(c.statement);
    if (c.iCan) s += C_ALT + esc(c.iCan);
    s += C_URI + i;
    if (c.code) s += I_CODE + esc(c.code);
    if (c.notes) s += I_NOTES + esc(c.notes);
    s += c.educationLevels.length ? C_EDUCATION + stringsText(c.educationLevels, 3) + C_TYPE : C_TYPE_AFTER_STRING;
    if (!v11) return s + E + '}';
    s += C_EXT + num(c.position.x) + C_Y + num(c.position.y) + C_POSITION_END;
    if (c.estimatedHours != null) s += `,${M}"estimatedHours": ${num(c.estimatedHours)}`;
    if (c.evidenceTypes.length) s += `,${M}"evidenceTypes": ${stringsText(c.evidenceTypes, 5)}`;
    if (c.pinned) s += `,${M}"pinned": true`;
    let empty: string[] | undefined;
    for (const p of fw.phases) {
      const e = own(c.phases, p.id);
      if (e !== undefined && e.descriptor === '' && e.indicators.length === 0) (empty ??= []).push(p.id);
    }
    if (empty) s += `,${M}"emptyPhases": ${stringsText(empty, 5)}`;
    return s + C_END;
  }

  // ---- associations
  function* associations(): Generator<string> {
    const seqs = new Map<string, number>();
    const next = (parent: string) => {
      const n = (seqs.get(parent) ?? 0) + 1;
      seqs.set(parent, n);
      return n;
    };
    for (const d of fw.domains) {
      if (keptParent.has(d.id.toLowerCase())) continue;
      const parent = d.parentId !== null ? domainById.get(d.parentId) : undefined;
      if (!parent && hadNone(`isChildOf:${d.id.toLowerCase()}:${fwKey}`)) continue; // a root the package did not link
      const pl = parent ? domainLinkOf(parent) : { id: docId, text: docLinkText };
      const dl = domainLinkOf(d);
      yield childOfText(dl.id, dl.text, pl.id, pl.text, next(pl.id));
    }
    for (const c of comps) {
      if (keptParent.has(c.id.toLowerCase())) continue;
      const d = c.domainId !== null ? domainById.get(c.domainId) : undefined;
      if (!d && hadNone(`isChildOf:${c.id.toLowerCase()}:${fwKey}`)) continue; // a root the package did not link
      const pl = d ? domainLinkOf(d) : { id: docId, text: docLinkText };
      const cl = compLinkOf(c.id);
      yield childOfText(cl.id, cl.text, pl.id, pl.text, next(pl.id));
    }
    const nPhases = fw.phases.length;
    const phaseKeys = fw.phases.map((p) => p.id.toLowerCase());
    const phaseTitles = fw.phases.map((p) => esc(short(p.label)));
    for (let ci = 0; ci < comps.length; ci++) {
      const c = comps[ci]!;
      const cl = compLinkOf(c.id);
      const key = c.id.toLowerCase();
      let n = 0;
      for (let pi = 0; pi < nPhases; pi++) {
        const indicators = own(c.phases, fw.phases[pi]!.id)?.indicators ?? [];
        if (indicators.length === 0) continue;
        const levelId = levelIdOf(key, phaseKeys[pi]!);
        levelIds[ci * nPhases + pi] = levelId;
        // genLink(short(label), levelId, uri('CFRubricCriterionLevels', levelId)) and indicatorLink(ind), as text.
        const levelText = LINK4.title + phaseTitles[pi]! + LINK4.identifier + levelId + LEVEL_URI4 + levelId + LINK4_END;
        for (const ind of indicators) {
          let ilId: string;
          let ilText: string;
          if (repeatedIndicatorIds) {
            const il = ours().get(ind.id.toLowerCase())!;
            ilId = il.identifier;
            ilText = linkText(il, 4);
          } else {
            ilId = cid(ind.id);
            const idText = esc(ilId);
            ilText = LINK4.title + esc(short(ind.text)) + LINK4.identifier + idText + ITEM_URI4 + idText + LINK4_END;
          }
          yield childOfText(ilId, ilText, cl.id, cl.text, ++n);
          yield assocText((keptIds && keptId(`isPartOf:${ilId}:${levelId}`)) || derivedIdOf('isPartOf:', ilId, ':', levelId), T_PART, ilText, levelText);
        }
      }
    }
    const progressionText = progressionLink ? flat(linkText(progressionLink, 4)) : undefined;
    for (const l of prereqs) {
      yield assocText(esc(cid(l.id)), T_PRECEDES, compLinkOf(l.from).text, compLinkOf(l.to).text, undefined, progressionText, l.note);
    }
    const setLinkText = new Map<string, string>();
    for (const [setId, sl] of setLinks) setLinkText.set(setId, flat(linkText(sl, 4)));
    const T_EXACT = typeText('exactMatchOf');
    const T_RELATED = typeText('isRelatedTo');
    const kindExt = new Map<string, string>();
    for (const a of alignments) {
      const set = own(fw.standardsSets, a.setId);
      const std = set ? own(set.items, a.standardId) : undefined;
      const dest: LinkGenURI = {
        title: short(std ? std.code || std.statement : a.standardId),
        identifier: a.standardId,
        uri: externalUri(std?.uri, a.standardId),
        ...(v11 && set?.caseDocumentId ? { targetType: 'CASE' } : {}),
      };
      let ext = kindExt.get(a.kind);
      if (ext === undefined) kindExt.set(a.kind, (ext = flat(valueText({ [EXT_KEY]: { kind: a.kind } }, 3))));
      yield assocText(
        esc(cid(a.id)),
        a.kind === 'exact' ? T_EXACT : T_RELATED,
        compLinkOf(a.competencyId).text,
        linkText(dest, 4),
        undefined,
        setLinkText.get(a.setId),
        undefined,
        ext,
      );
    }
    for (const ka of kept) {
      if (staleParents.has(ka) || sameAsOwn.has(ka)) continue; // the item's own isChildOf was written instead
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
      yield assocText(
        esc(cid(ka.id)),
        typeText(type),
        linkText(o, 4),
        linkText(d, 4),
        seq !== undefined && Number.isInteger(seq) && Math.abs(seq) < 2 ** 31 ? seq : undefined,
        ka.grouping ? linkText(groupingLink(ka.grouping.identifier), 4) : undefined,
      );
    }
  }
  const groupingLink = (id: string): LinkURI => {
    const g = groupings.get(cid(id))!;
    return { title: g.title, identifier: g.identifier, uri: g.uri };
  };

  // ---- rubrics
  function* rubrics(): Generator<string> {
    // rubric (members at depth 3) → CFRubricCriteria → the criterion (members at 5) → its levels (members at 7).
    const C = NL[5]!;
    const L = NL[7]!;
    const R_URI = flat(`",${F}"uri": "${baseEsc}/CFRubrics/`);
    const R_TITLE = flat(`",${F}"title": "`);
    const R_CRITERION = flat(`"${LCT},${F}"CFRubricCriteria": [${NL[4]}{${C}"identifier": "`);
    const R_CRITERION_URI = flat(`",${C}"uri": "${baseEsc}/CFRubricCriteria/`);
    const R_CATEGORY = flat(`",${C}"category": "Mastery phases"`);
    const R_DESCRIPTION = flat(`,${C}"description": "`);
    const R_ITEM = flat(`,${C}"CFItemURI": `);
    const R_ITEM_AFTER_STRING = flat(`"${R_ITEM}`);
    const R_RUBRIC_ID = flat(`,${C}"position": 1,${C}"rubricId": "`);
    const R_LEVELS = flat(`",${C}"lastChangeDateTime": ${timeText},${C}"CFRubricCriterionLevels": [`);
    const R_END = flat(`${C}]${NL[4]}}${F}]${E}}`);
    const L_FIRST = flat(`${NL[6]}{${L}"identifier": "`);
    const L_NEXT = flat(`,${L_FIRST}`);
    const L_URI = flat(`",${L}"uri": "${baseEsc}/CFRubricCriterionLevels/`);
    const L_DESCRIPTION = flat(`",${L}"description": "`);
    const L_END = flat(`",${L}"lastChangeDateTime": ${timeText}${NL[6]}}`);
    const nPhases = fw.phases.length;
    // After the level's uri or description (an open string): quality, score, position, the criterion id (opened).
    const levelMiddle = fw.phases.map((p, i) => flat(`"${p.label ? `,${L}"quality": ${q(p.label)}` : ''},${L}"score": ${i + 1},${L}"position": ${i + 1},${L}"rubricCriterionId": "`));
    const phaseKeys = fw.phases.map((p) => p.id.toLowerCase());
    for (let ci = 0; ci < comps.length; ci++) {
      const c = comps[ci]!;
      if (rubricless?.[ci]) continue;
      const key = c.id.toLowerCase();
      const rid = (keptIds && keptId(`rubric:${key}`)) || derivedIdOf('rubric:', key);
      const crid = (keptIds && keptId(`criterion:${key}`)) || derivedIdOf('criterion:', key);
      const label = c.code || c.statement;
      let s = A_ID + rid + R_URI + rid + R_TITLE + esc(short(`Mastery phases: ${label}`)) + R_CRITERION + crid + R_CRITERION_URI + crid + R_CATEGORY;
      s += c.statement ? R_DESCRIPTION + esc(c.statement) + R_ITEM_AFTER_STRING : R_ITEM;
      s += linkText(link(label, cid(c.id), 'CFItems'), 6) + R_RUBRIC_ID + rid + R_LEVELS;
      for (let pi = 0; pi < nPhases; pi++) {
        const k = ci * nPhases + pi;
        const lid = levelIds[k] ?? levelIdOf(key, phaseKeys[pi]!);
        levelIds[k] = undefined;
        const descriptor = own(c.phases, fw.phases[pi]!.id)?.descriptor ?? '';
        s += (pi ? L_NEXT : L_FIRST) + lid + L_URI + lid;
        if (descriptor) s += L_DESCRIPTION + esc(descriptor);
        s += levelMiddle[pi]! + crid + L_END;
      }
      yield s + R_END;
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
    if (hasItems) yield ['CFItems', new LazyTextArray(2, items)] as const;
    if (hasItems || prereqs.length || alignments.length || kept.length) yield ['CFAssociations', new LazyTextArray(2, associations)] as const;
    const defs: Record<string, unknown> = {};
    if (license) defs.CFLicenses = [license];
    if (itemTypes.length) defs.CFItemTypes = itemTypes;
    if (groupings.size) defs.CFAssociationGroupings = [...groupings.values()];
    if (Object.keys(defs).length) yield ['CFDefinitions', defs] as const;
    if (comps.length && fw.phases.length && rubricless?.every(Boolean) !== true) yield ['CFRubrics', new LazyTextArray(2, rubrics)] as const;
    if (pkgExt) yield ['extensions', pkgExt] as const;
    if (offScale > 0) opts.notes?.push(`${offScale} phase description(s) of phases not on the mastery scale were not exported`);
    if (droppedKept > 0) opts.notes?.push(`${droppedKept} kept CASE association(s) point at deleted items and were not exported`);
    if (staleParents.size > 0) {
      opts.notes?.push(
        `${staleParents.size} kept isChildOf association(s) no longer say where their item is (moved to another domain, or the parent was deleted) and were not exported; each item is placed under its domain instead`,
      );
    }
    const nComments = Object.keys(fw.comments).length;
    if (v11 && !opts.includeComments && nComments > 0) {
      opts.notes?.push(`${nComments} review comment(s) were not exported (--include-comments keeps them)`);
    }
    if (!v11 && opts.notes) {
      const note = case10LossNote(fw, { comps, alignments, prereqs });
      if (note) opts.notes.push(note);
    }
  });
}

/**
 * What a CASE 1.0 package of `fw` leaves out, as one note ("CASE 1.0 cannot hold: …"), or null when it
 * loses nothing: the CLI prints it on stderr (through the export's `notes`), the app's Export dialog shows
 * it before exporting. `lists`: the framework's records already enumerated by the caller (the export).
 */
export function case10LossNote(
  fw: Framework,
  lists: { comps: readonly Competency[]; alignments: readonly { kind: string; setId: string }[]; prereqs: readonly { note: string }[] } = {
    comps: Object.values(fw.competencies),
    alignments: [...fw.alignments.values()],
    prereqs: [...fw.prerequisites.values()],
  },
): string | null {
  const lost = case10Losses(fw, lists.comps, lists.alignments, lists.prereqs);
  return lost.length ? `CASE 1.0 cannot hold: ${lost.join('; ')}. Export CASE 1.1 to keep everything.` : null;
}

/**
 * What a CASE 1.0 package leaves out of `fw` (docs/case-mapping.md, "What CASE 1.0 cannot hold"), in
 * words with counts, only what the framework has: a district publishing 1.0 is told what its readers
 * will not get back.
 */
function case10Losses(fw: Framework, comps: readonly Competency[], alignments: readonly { kind: string; setId: string }[], prereqs: readonly { note: string }[]): string[] {
  const lost: string[] = [];
  const competencies = (n: number) => `${n} competenc${n === 1 ? 'y' : 'ies'}`;
  const nComments = Object.keys(fw.comments).length;
  if (nComments) lost.push(`review comments (${nComments})`);
  const alignedSets = new Set(alignments.map((a) => a.setId));
  const sets = Object.values(fw.standardsSets);
  if (sets.length) {
    const unaligned = sets.filter((s) => !alignedSets.has(s.id)).length;
    lost.push(
      `the standards sets themselves (${sets.length}: statements, levels, hierarchy; an aligned standard is written as its code and uri only${unaligned ? `, and ${unaligned} set(s) with no alignment are left out` : ''})`,
    );
  }
  const partial = alignments.filter((a) => a.kind === 'partial').length;
  if (partial) lost.push(`partial alignments (${partial}: written as isRelatedTo, read back as related)`);
  const linkNotes = prereqs.filter((l) => l.note !== '').length;
  if (linkNotes) lost.push(`prerequisite notes (${linkNotes})`);
  const hours = comps.filter((c) => c.estimatedHours != null).length;
  if (hours) lost.push(`estimated hours (${competencies(hours)})`);
  const evidence = comps.filter((c) => c.evidenceTypes.length > 0).length;
  if (evidence) lost.push(`evidence types (${competencies(evidence)})`);
  if (fw.phases.some((p) => p.description !== '')) lost.push('the mastery phases’ descriptions');
  const t = fw.phases.findIndex((p) => p.threshold);
  const n = fw.phases.length;
  const assumed = n >= 3 ? n - 2 : n - 1;
  if (t >= 0 && t !== assumed) lost.push(`the mastery threshold (“${fw.phases[t]!.label}”; a 1.0 reader assumes “${fw.phases[assumed]!.label}”)`);
  if (fw.educationLevels.length) lost.push('the framework’s education levels');
  if (comps.length) lost.push('canvas positions and domain colours');
  return lost;
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
 * newline) to `sink`, in chunks of about `chunkChars` characters (default 64 K), the records
 * (items, associations, rubrics) made one at a time: memory stays bounded however large the
 * framework is. The text equals
 * `JSON.stringify(exportCase(fw, opts), null, 2) + '\n'`.
 */
export function writeCasePackage(fw: Framework, opts: CaseExportOptions, sink: (chunk: string) => void, chunkChars?: number): void {
  streamJson(packageTree(fw, opts), sink, { chunkChars, suffix: '\n' });
}
