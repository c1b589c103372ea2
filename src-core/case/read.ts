import { pointerToken } from '../format/schemaErrors';
import { fail, ok, type Result } from '../result';
import { CASE_ASSOCIATION_TYPES_1_0 } from './types';
import type {
  CaseExtensions,
  CasePackage,
  CaseVersion,
  CFAssociation,
  CFAssociationGrouping,
  CFConcept,
  CFDefinitions,
  CFDocument,
  CFItem,
  CFItemType,
  CFLicense,
  CFRubric,
  CFRubricCriterion,
  CFRubricCriterionLevel,
  CFSubject,
  LinkGenURI,
  LinkURI,
} from './types';
import { normalizeIdentifier } from './caseIds';
import { CaseReporter, preview, type CaseImportReport } from './report';

/** What `readCasePackage` returns: the detected version, the normalised package and the report. */
export interface CaseReadResult {
  version: CaseVersion;
  /**
   * The package in the strict shapes of `types.ts`: forbidden fields dropped, timestamps with a time
   * zone, `sequenceNumber` numbers, UUID identifiers lower case, `educationLevel` arrays, no `null`.
   * Identifiers that are not UUIDs are kept as found (the mappings derive UUIDs for them).
   */
  pkg: CasePackage;
  report: CaseImportReport;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Obj, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** True when a parsed JSON value looks like a CASE package (used for format detection). */
export function isCasePackageLike(value: unknown): boolean {
  if (!isObj(value)) return false;
  if (has(value, 'CFDocument') || has(value, 'CFItems')) return true;
  const inner = value.CFPackage;
  return isObj(inner) && (has(inner, 'CFDocument') || has(inner, 'CFItems'));
}

const TYPES_1_0 = new Map<string, string>(CASE_ASSOCIATION_TYPES_1_0.map((t) => [t.toLowerCase(), t]));

/** Thrown inside the reader for what cannot be understood; turned into a failed Result. */
class Unreadable extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Calendar and clock ranges (RFC 3339), as JSON Schema's date-time format checks them. */
function inRange(date: string, hm: string | undefined, sec: string | undefined, zone: string | undefined): boolean {
  const y = +date.slice(0, 4);
  const mo = +date.slice(5, 7);
  const d = +date.slice(8, 10);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && leap ? 29 : DAYS[mo]!)) return false;
  if (hm && (+hm.slice(0, 2) > 23 || +hm.slice(3, 5) > 59)) return false;
  if (sec && +sec.slice(1, 3) > 59) return false;
  if (zone && zone.length > 1) {
    const z = zone.replace(':', '');
    if (+z.slice(1, 3) > 23 || +z.slice(3, 5) > 59) return false;
  }
  return true;
}

/** Already ISO 8601 with seconds and an offset (the shape normalizeDateTime produces). */
const STRICT_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?\s*(Z|z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Normalises a timestamp to ISO 8601 with seconds and a time zone. Returns the value and whether it
 * was changed (no zone → assumed UTC), or undefined when it is not a date-time at all.
 */
export function normalizeDateTime(raw: string): { value: string; changed: boolean; assumedUtc: boolean } | undefined {
  const m = DATE_TIME.exec(raw.trim());
  if (!m) return undefined;
  const [, date, hm, sec, zone] = m;
  if (!inRange(date!, hm, sec, zone)) return undefined;
  const offset = zone === undefined ? 'Z' : zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const value = `${date}T${hm ?? '00:00'}${sec ?? ':00'}${offset}`;
  return { value, changed: value !== raw, assumedUtc: zone === undefined };
}

class Reader {
  readonly r = new CaseReporter();
  /** Why the package reads as CASE 1.1 (the first 1.1-only field met), or '' for 1.0. */
  why11 = '';

  get is11() {
    return this.why11 !== '';
  }

  mark11(reason: string) {
    if (!this.why11) this.why11 = reason;
  }

  /** The last date-time that passed the strict check: packages repeat one timestamp on every object. */
  private lastStrictDateTime = '';

  /** An optional text field: strings kept, null/absent → undefined, numbers converted, others ignored. */
  text(o: Obj, key: string, path: string, what: string): string | undefined {
    if (!has(o, key)) return undefined;
    const v = o[key];
    if (typeof v === 'string') return v;
    const p = `${path}/${pointerToken(key)}`;
    if (v === null) {
      this.r.accept(p, `null ${key} on ${what} treated as absent`, `null:${what}:${key}`);
      return undefined;
    }
    if (typeof v === 'number' || typeof v === 'boolean') {
      this.r.accept(p, `${key} on ${what} given as a ${typeof v}, read as text`, `numtext:${what}:${key}`);
      return String(v);
    }
    this.r.ignore(p, `${key} on ${what} is ${Array.isArray(v) ? 'an array' : 'an object'}, expected text`, `wrongtype:${what}:${key}`);
    return undefined;
  }

  /** A required text field: missing → `fallback` with a report entry; an object/array → unreadable. */
  requiredText(o: Obj, key: string, path: string, what: string, fallback: string): string {
    const v = o[key];
    if (v !== undefined && v !== null && typeof v === 'object') {
      throw new Unreadable('wrong-type', `${path}/${key}: ${what} ${key} must be text, found ${Array.isArray(v) ? 'an array' : 'an object'}.`, `${path}/${pointerToken(key)}`);
    }
    const s = this.text(o, key, path, what);
    if (s !== undefined) return s;
    this.r.accept(`${path}/${pointerToken(key)}`, `${what} without ${key} (required by CASE); read as ${preview(fallback)}`, `missing:${what}:${key}`);
    return fallback;
  }

  identifier(o: Obj, path: string, what: string): string {
    let key = 'identifier';
    if (!has(o, 'identifier') || o.identifier === null) {
      if (typeof o.sourcedId === 'string') {
        this.r.accept(`${path}/sourcedId`, `sourcedId read as the identifier of ${what}`, `sourcedId:${what}`);
        key = 'sourcedId';
      } else {
        throw new Unreadable('no-identifier', `${path}: ${what} has no identifier.`, `${path}/identifier`);
      }
    }
    const v = o[key];
    if (typeof v !== 'string' || v.trim() === '') {
      throw new Unreadable(
        'wrong-type',
        `${path}/${key}: the identifier of ${what} must be a non-empty string, found ${preview(v)}.`,
        `${path}/${key}`,
      );
    }
    const id = v.trim();
    const norm = normalizeIdentifier(id);
    if (norm !== v) this.r.accept(`${path}/${key}`, `identifiers normalised (trimmed, UUIDs lower case)`, 'id-case');
    return norm;
  }

  dateTime(o: Obj, key: string, path: string, what: string, fallback: string): string {
    const raw = this.text(o, key, path, what);
    if (raw !== undefined && raw === this.lastStrictDateTime) return raw;
    if (raw !== undefined && STRICT_DATE_TIME.test(raw) && inRange(raw, raw.slice(11, 16), raw.slice(16, 19), raw.slice(19).replace(/^\.\d+/, ''))) {
      this.lastStrictDateTime = raw;
      return raw; // the common case
    }
    const p = `${path}/${pointerToken(key)}`;
    if (raw === undefined) {
      this.r.accept(p, `${what} without ${key}; the document's time used`, `missing-dt:${what}:${key}`);
      return fallback;
    }
    const n = normalizeDateTime(raw);
    if (!n) {
      this.r.ignore(p, `${key} on ${what} is not a date-time (${preview(raw)}); the document's time used`, `bad-dt:${what}`);
      return fallback;
    }
    if (n.assumedUtc) this.r.accept(p, `timestamps without a time zone read as UTC`, 'no-tz');
    else if (n.changed) this.r.accept(p, `timestamps normalised to ISO 8601 with seconds`, 'dt-norm');
    return n.value;
  }

  date(o: Obj, key: string, path: string, what: string): string | undefined {
    const raw = this.text(o, key, path, what);
    if (raw === undefined) return undefined;
    const m = /^(\d{4}-\d{2}-\d{2})/.exec(raw.trim());
    if (!m) {
      this.r.ignore(`${path}/${key}`, `${key} on ${what} is not a date (${preview(raw)})`, `bad-date:${what}:${key}`);
      return undefined;
    }
    if (m[1] !== raw) this.r.accept(`${path}/${key}`, `${key} read as a date (YYYY-MM-DD)`, `date-norm:${key}`);
    return m[1];
  }

  textList(o: Obj, key: string, path: string, what: string): string[] | undefined {
    if (!has(o, key)) return undefined;
    const v = o[key];
    const p = `${path}/${pointerToken(key)}`;
    if (v === null) {
      this.r.accept(p, `null ${key} on ${what} treated as absent`, `null:${what}:${key}`);
      return undefined;
    }
    if (typeof v === 'string' || typeof v === 'number') {
      this.r.accept(p, `${key} on ${what} given as a single value, read as a list`, `scalar:${what}:${key}`);
      return String(v)
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    }
    if (!Array.isArray(v)) {
      this.r.ignore(p, `${key} on ${what} is not a list`, `notlist:${what}:${key}`);
      return undefined;
    }
    const out: string[] = [];
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (typeof x === 'string') out.push(x);
      else if (typeof x === 'number') out.push(String(x));
      else this.r.ignore(`${p}/${i}`, `non-text entry in ${key} on ${what}`, `listentry:${what}:${key}`);
    }
    return out;
  }

  linkUri(o: Obj, key: string, path: string, what: string): LinkURI | undefined {
    if (!has(o, key)) return undefined;
    const v = o[key];
    if (v === null) return undefined;
    if (!isObj(v) || typeof v.identifier !== 'string') {
      this.r.ignore(`${path}/${pointerToken(key)}`, `${key} on ${what} is not a link {title, identifier, uri}`, `badlink:${what}:${key}`);
      return undefined;
    }
    return {
      title: typeof v.title === 'string' ? v.title : '',
      identifier: normalizeIdentifier(v.identifier.trim()),
      uri: typeof v.uri === 'string' ? v.uri : '',
    };
  }

  linkList(o: Obj, key: string, path: string, what: string): LinkURI[] | undefined {
    if (!has(o, key) || o[key] === null) return undefined;
    const v = o[key];
    if (isObj(v)) {
      const one = this.linkUri(o, key, path, what);
      return one ? [one] : undefined;
    }
    if (!Array.isArray(v)) {
      this.r.ignore(`${path}/${key}`, `${key} on ${what} is not a list of links`, `badlinks:${what}:${key}`);
      return undefined;
    }
    const out: LinkURI[] = [];
    v.forEach((_, i) => {
      const l = this.linkUri(v as unknown as Obj, String(i), `${path}/${key}`, what);
      if (l) out.push(l);
    });
    return out;
  }

  extensions(o: Obj, path: string, what: string): CaseExtensions | undefined {
    if (!has(o, 'extensions') || o.extensions === null) return undefined;
    const v = o.extensions;
    if (!isObj(v)) {
      this.r.ignore(`${path}/extensions`, `extensions on ${what} is not an object`, `badext:${what}`);
      return undefined;
    }
    this.mark11(`extensions on ${what}`);
    return v;
  }

  /** The package's document (identifier and uri), once read: what a CFDocumentURI inside it should name. */
  doc = { identifier: '', uri: '' };

  /**
   * Reports a `CFDocumentURI` on an item or association that names another document than the package's
   * (an item of several documents' package): the object is read as part of this package and the link
   * to its own document is not kept. True when it does (the caller then does not call the link
   * "the package's own document").
   */
  otherDocument(o: Obj, path: string, what: string): boolean {
    if (!has(o, 'CFDocumentURI')) return false;
    const v = o.CFDocumentURI;
    let id = '';
    let uri = '';
    let title = '';
    if (typeof v === 'string') uri = v.trim();
    else if (isObj(v)) {
      if (typeof v.identifier === 'string') id = normalizeIdentifier(v.identifier.trim());
      if (typeof v.uri === 'string') uri = v.uri.trim();
      if (typeof v.title === 'string') title = v.title.trim();
    } else return false;
    const same = id !== '' ? id === this.doc.identifier : uri === '' || uri === this.doc.uri.trim();
    if (same) return false;
    const named = `${title ? `${preview(title, 60)} ` : ''}${id || preview(uri, 100)}`;
    this.r.ignore(
      `${path}/CFDocumentURI`,
      `CFDocumentURI on ${what} names another document than the package's (${named}); read as part of this package, the link to that document is not kept`,
      `otherdoc:${what}`,
    );
    return true;
  }

  /** Reports every key of `o` not in `known`, with the reason. */
  rest(o: Obj, known: ReadonlySet<string>, path: string, what: string, explained: Record<string, string> = {}) {
    for (const k of Object.keys(o)) {
      if (known.has(k)) continue;
      const reason = has(explained, k) ? explained[k] : undefined;
      const p = `${path}/${pointerToken(k.length > 80 ? `${k.slice(0, 80)}…` : k)}`;
      if (reason) this.r.accept(p, reason, `explained:${what}:${k}`);
      else this.r.ignore(p, `unknown property ${preview(k, 40)} on ${what}`, `unknown:${what}:${k.slice(0, 80)}`);
    }
  }
}

const DOC_KEYS = new Set([
  'identifier', 'sourcedId', 'uri', 'frameworkType', 'caseVersion', 'creator', 'title', 'lastChangeDateTime', 'officialSourceURL',
  'publisher', 'description', 'subject', 'subjectURI', 'language', 'version', 'adoptionStatus', 'statusStartDate', 'statusEndDate',
  'licenseURI', 'notes', 'extensions',
]);
const ITEM_KEYS = new Set([
  'identifier', 'sourcedId', 'fullStatement', 'alternativeLabel', 'CFItemType', 'uri', 'humanCodingScheme', 'listEnumeration',
  'abbreviatedStatement', 'conceptKeywords', 'conceptKeywordsURI', 'notes', 'subject', 'subjectURI', 'language', 'educationLevel',
  'educationalLevel', 'CFItemTypeURI', 'licenseURI', 'statusStartDate', 'statusEndDate', 'lastChangeDateTime', 'extensions',
]);
const ASSOC_KEYS = new Set([
  'identifier', 'sourcedId', 'associationType', 'sequenceNumber', 'uri', 'originNodeURI', 'destinationNodeURI',
  'CFAssociationGroupingURI', 'lastChangeDateTime', 'notes', 'extensions',
]);
/** The same, with CFDocumentURI (already reported as naming another document). */
const ITEM_KEYS_OTHER_DOC = new Set([...ITEM_KEYS, 'CFDocumentURI']);
const ASSOC_KEYS_OTHER_DOC = new Set([...ASSOC_KEYS, 'CFDocumentURI']);
const PKG_KEYS = new Set(['CFDocument', 'CFItems', 'CFAssociations', 'CFDefinitions', 'CFRubrics', 'extensions']);
// Accepted, not ignored: each only points at what the package itself holds, so dropping it loses
// nothing (the report listed them as "… ignored" under Accepted while its count said 0 kinds ignored).
const NOT_IN_PACKAGE = {
  CFDocumentURI: 'CFDocumentURI inside a package (it names the package\'s own document) left out; nothing lost',
  CFPackageURI: 'CFPackageURI inside a package (it points at the package itself) left out; nothing lost',
  CFItemAssociationURI: 'CFItemAssociationURI (a legacy OpenSALT link to associations the package holds) left out; nothing lost',
};

/**
 * Reads a parsed CASE 1.0 / 1.1 package leniently: accepts what real exporters write (the deviations
 * listed in CASE-NOTES §9), reports what was accepted or ignored, and fails with a precise message
 * and JSON pointer on what cannot be understood (no document, no items, wrong types where structure
 * is expected, objects without identifiers). Duplicate identifiers keep the first object and report
 * the others; association ends outside the package are kept as external references.
 */
export function readCasePackage(value: unknown): Result<CaseReadResult> {
  try {
    return ok(readPackage(value));
  } catch (e) {
    if (e instanceof Unreadable) return fail(e.code, e.message, { path: e.path });
    throw e;
  }
}

function readPackage(value: unknown): CaseReadResult {
  const rd = new Reader();
  if (!isObj(value)) {
    throw new Unreadable('not-case', `Not a CASE package: expected a JSON object with "CFDocument", found ${Array.isArray(value) ? 'an array' : preview(value)}.`, '');
  }
  let root = value;
  let base = '';
  if (!has(root, 'CFDocument') && isObj(root.CFPackage)) {
    rd.r.accept('/CFPackage', 'package wrapped in {"CFPackage": …}; unwrapped');
    root = root.CFPackage;
    base = '/CFPackage';
  }
  if (!has(root, 'CFDocument') || root.CFDocument === null) {
    throw new Unreadable('no-document', `Not a readable CASE package: it has no CFDocument (every package has exactly one).`, `${base}/CFDocument`);
  }
  if (!isObj(root.CFDocument)) {
    throw new Unreadable('wrong-type', `${base}/CFDocument must be an object, found ${Array.isArray(root.CFDocument) ? 'an array' : preview(root.CFDocument)}.`, `${base}/CFDocument`);
  }
  const document = readDocument(rd, root.CFDocument, `${base}/CFDocument`);
  rd.doc = { identifier: document.identifier, uri: document.uri };
  const docTime = document.lastChangeDateTime;
  const ours = isObj(document.extensions) && isObj(document.extensions.progressions);

  // Items
  const items: CFItem[] = [];
  const seen = new Map<string, string>([[document.identifier, `${base}/CFDocument`]]);
  const rawItems = root.CFItems;
  if (rawItems !== undefined && rawItems !== null && !Array.isArray(rawItems)) {
    throw new Unreadable('wrong-type', `${base}/CFItems must be a list of items, found ${isObj(rawItems) ? 'an object' : preview(rawItems)}.`, `${base}/CFItems`);
  }
  if (!Array.isArray(rawItems) || rawItems.length === 0) {
    if (!ours) {
      throw new Unreadable('no-items', `The CASE package "${document.title}" has no CFItems: there is nothing to import.`, `${base}/CFItems`);
    }
  } else {
    for (let i = 0; i < rawItems.length; i++) {
      const path = `${base}/CFItems/${i}`;
      const raw = rawItems[i];
      if (!isObj(raw)) throw new Unreadable('wrong-type', `${path} must be an item object, found ${preview(raw)}.`, path);
      // A duplicate is left out before it is read, so that what the report says was accepted in the package
      // counts only what was read (not "585 times" beside "584 items").
      const identifier = rd.identifier(raw, path, 'an item');
      const first = seen.get(identifier);
      if (first !== undefined) {
        rd.r.ignore(path, `duplicate identifier ${preview(identifier)} (first at ${first}); the later object ignored`, `dup-item:${path}`);
        continue;
      }
      seen.set(identifier, path);
      items.push(readItem(rd, raw, path, docTime, identifier));
    }
  }

  // Associations
  const associations: CFAssociation[] = [];
  /** Where each association kept stands in the package (a duplicate left out shifts the later ones). */
  const associationPaths: string[] = [];
  const rawAssocs = root.CFAssociations;
  if (rawAssocs !== undefined && rawAssocs !== null && !Array.isArray(rawAssocs)) {
    throw new Unreadable('wrong-type', `${base}/CFAssociations must be a list of associations.`, `${base}/CFAssociations`);
  }
  if (Array.isArray(rawAssocs)) {
    const seenA = new Map<string, string>();
    for (let i = 0; i < rawAssocs.length; i++) {
      const path = `${base}/CFAssociations/${i}`;
      const raw = rawAssocs[i];
      if (!isObj(raw)) throw new Unreadable('wrong-type', `${path} must be an association object, found ${preview(raw)}.`, path);
      const identifier = rd.identifier(raw, path, 'an association');
      const first = seenA.get(identifier);
      if (first !== undefined) {
        rd.r.ignore(path, `duplicate association identifier ${preview(identifier)} (first at ${first}); the later one ignored`, `dup-assoc:${path}`);
        continue;
      }
      seenA.set(identifier, path);
      associations.push(readAssociation(rd, raw, path, docTime, identifier));
      associationPaths.push(path);
    }
  }

  const definitions = readDefinitions(rd, root, base, docTime);
  const rubrics = readRubrics(rd, root, base, docTime);
  const extensions = rd.extensions(root, base, 'the package');
  rd.rest(root, PKG_KEYS, base, 'the package');

  const pkg: CasePackage = { CFDocument: document, CFItems: items, CFAssociations: associations };
  if (definitions) pkg.CFDefinitions = definitions.defs;
  if (rubrics.length > 0) pkg.CFRubrics = rubrics;
  if (extensions) pkg.extensions = extensions;

  // External association ends: kept as references (reported once). Rubric parts count as inside.
  for (const r of rubrics) {
    seen.set(r.identifier, '');
    for (const c of r.CFRubricCriteria ?? []) {
      seen.set(c.identifier, '');
      for (const l of c.CFRubricCriterionLevels ?? []) seen.set(l.identifier, '');
    }
  }
  let external = 0;
  let firstExternal = '';
  associations.forEach((a, i) => {
    for (const end of [a.originNodeURI, a.destinationNodeURI]) {
      if (!seen.has(end.identifier)) {
        if (!firstExternal) firstExternal = associationPaths[i]!;
        external++;
      }
    }
  });
  if (external > 0) {
    rd.r.acceptMany(firstExternal, `association ends outside the package kept as external references`, external);
  }

  const version: CaseVersion = rd.is11 || document.caseVersion === '1.1' ? '1.1' : '1.0';
  const report = rd.r.report({
    items: items.length,
    associations: associations.length,
    rubrics: rubrics.length,
    definitions: definitions?.count ?? 0,
  });
  return { version, pkg, report };
}

function readDocument(rd: Reader, o: Obj, path: string): CFDocument {
  const what = 'the document';
  const identifier = rd.identifier(o, path, what);
  const rawTime = rd.text(o, 'lastChangeDateTime', path, what);
  let lastChangeDateTime = '1970-01-01T00:00:00Z';
  if (rawTime === undefined) rd.r.accept(`${path}/lastChangeDateTime`, `the document has no lastChangeDateTime; 1970-01-01T00:00:00Z used`);
  else {
    const n = normalizeDateTime(rawTime);
    if (!n) rd.r.ignore(`${path}/lastChangeDateTime`, `the document's lastChangeDateTime is not a date-time (${preview(rawTime)})`);
    else {
      lastChangeDateTime = n.value;
      if (n.assumedUtc) rd.r.accept(`${path}/lastChangeDateTime`, `timestamps without a time zone read as UTC`, 'no-tz');
    }
  }
  const doc: CFDocument = {
    identifier,
    uri: rd.requiredText(o, 'uri', path, what, ''),
    creator: rd.requiredText(o, 'creator', path, what, ''),
    title: rd.requiredText(o, 'title', path, what, ''),
    lastChangeDateTime,
  };
  const caseVersion = rd.text(o, 'caseVersion', path, what);
  if (caseVersion !== undefined) {
    if (caseVersion.trim() === '1.1') {
      doc.caseVersion = '1.1';
      rd.mark11('caseVersion "1.1"');
    } else rd.r.ignore(`${path}/caseVersion`, `caseVersion ${preview(caseVersion)} (only "1.1" is defined) ignored`);
  }
  const frameworkType = rd.text(o, 'frameworkType', path, what);
  if (frameworkType !== undefined) {
    doc.frameworkType = frameworkType;
    rd.mark11('frameworkType on the document');
  }
  for (const k of ['officialSourceURL', 'publisher', 'description', 'language', 'version', 'adoptionStatus', 'notes'] as const) {
    const v = rd.text(o, k, path, what);
    if (v !== undefined) doc[k] = v;
  }
  const subject = rd.textList(o, 'subject', path, what);
  if (subject) doc.subject = subject;
  const subjectURI = rd.linkList(o, 'subjectURI', path, what);
  if (subjectURI) doc.subjectURI = subjectURI;
  const licenseURI = rd.linkUri(o, 'licenseURI', path, what);
  if (licenseURI) doc.licenseURI = licenseURI;
  for (const k of ['statusStartDate', 'statusEndDate'] as const) {
    const v = rd.date(o, k, path, what);
    if (v !== undefined) doc[k] = v;
  }
  const ext = rd.extensions(o, path, what);
  if (ext) doc.extensions = ext;
  rd.rest(o, DOC_KEYS, path, 'the document', NOT_IN_PACKAGE);
  return doc;
}

function readItem(rd: Reader, o: Obj, path: string, docTime: string, identifier: string): CFItem {
  const what = 'items';
  const item: CFItem = {
    identifier,
    fullStatement: rd.requiredText(o, 'fullStatement', path, what, ''),
    uri: rd.requiredText(o, 'uri', path, what, ''),
    lastChangeDateTime: rd.dateTime(o, 'lastChangeDateTime', path, what, docTime),
  };
  for (const k of ['alternativeLabel', 'CFItemType', 'humanCodingScheme', 'listEnumeration', 'abbreviatedStatement', 'notes', 'language'] as const) {
    const v = rd.text(o, k, path, what);
    if (v !== undefined) item[k] = v;
  }
  let levels = rd.textList(o, 'educationLevel', path, what);
  if (levels === undefined && has(o, 'educationalLevel')) {
    rd.r.accept(`${path}/educationalLevel`, 'educationalLevel (a misspelling of educationLevel) read as educationLevel', 'educationalLevel');
    levels = rd.textList(o, 'educationalLevel', path, what);
  } else if (has(o, 'educationalLevel')) {
    rd.r.ignore(`${path}/educationalLevel`, 'educationalLevel ignored: the item also has educationLevel', 'educationalLevel-dup');
  }
  if (levels) item.educationLevel = levels;
  const kw = rd.textList(o, 'conceptKeywords', path, what);
  if (kw) item.conceptKeywords = kw;
  const subject = rd.textList(o, 'subject', path, what);
  if (subject) {
    item.subject = subject;
    rd.mark11('subject on an item');
  }
  const subjectURI = rd.linkList(o, 'subjectURI', path, what);
  if (subjectURI) {
    item.subjectURI = subjectURI;
    rd.mark11('subjectURI on an item');
  }
  for (const k of ['conceptKeywordsURI', 'CFItemTypeURI', 'licenseURI'] as const) {
    const l = rd.linkUri(o, k, path, what);
    if (l) item[k] = l;
  }
  for (const k of ['statusStartDate', 'statusEndDate'] as const) {
    const v = rd.date(o, k, path, what);
    if (v !== undefined) item[k] = v;
  }
  const ext = rd.extensions(o, path, 'an item');
  if (ext) item.extensions = ext;
  rd.rest(o, rd.otherDocument(o, path, 'items') ? ITEM_KEYS_OTHER_DOC : ITEM_KEYS, path, 'items', NOT_IN_PACKAGE);
  return item;
}

function readEnd(rd: Reader, o: Obj, key: string, path: string): LinkGenURI {
  const p = `${path}/${key}`;
  const v = o[key];
  if (typeof v === 'string' && v.trim() !== '') {
    rd.r.accept(p, `association end given as a bare string; read as its identifier and uri`, 'bare-end');
    return { title: '', identifier: normalizeIdentifier(v.trim()), uri: v };
  }
  if (!isObj(v)) {
    throw new Unreadable(
      v === undefined || v === null ? 'no-end' : 'wrong-type',
      `${p}: an association needs ${key} {title, identifier, uri}, found ${v === undefined ? 'nothing' : preview(v)}.`,
      p,
    );
  }
  let id = v.identifier;
  if ((id === undefined || id === null) && typeof v.sourcedId === 'string') id = v.sourcedId;
  if ((id === undefined || id === null || id === '') && typeof v.uri === 'string' && v.uri !== '') {
    rd.r.accept(`${p}/identifier`, `association end without identifier; its uri used as identifier`, 'end-uri-id');
    id = v.uri;
  }
  if (typeof id !== 'string' || id.trim() === '') {
    throw new Unreadable('wrong-type', `${p}/identifier: an association end needs an identifier, found ${preview(id)}.`, `${p}/identifier`);
  }
  const end: LinkGenURI = {
    title: typeof v.title === 'string' ? v.title : '',
    identifier: normalizeIdentifier(id.trim()),
    uri: typeof v.uri === 'string' ? v.uri : '',
  };
  if (typeof v.targetType === 'string') {
    end.targetType = v.targetType;
    rd.mark11('targetType on an association end');
  }
  return end;
}

function readAssociation(rd: Reader, o: Obj, path: string, docTime: string, identifier: string): CFAssociation {
  const rawType = o.associationType;
  if (typeof rawType !== 'string' || rawType.trim() === '') {
    throw new Unreadable('wrong-type', `${path}/associationType: an association needs a type (isChildOf, precedes …), found ${preview(rawType)}.`, `${path}/associationType`);
  }
  let associationType = rawType.trim();
  const known = TYPES_1_0.get(associationType.toLowerCase());
  if (known) {
    if (known !== associationType) rd.r.accept(`${path}/associationType`, `association type ${preview(associationType)} read as ${known}`, `typecase:${associationType}`);
    associationType = known;
  } else if (associationType.toLowerCase() === 'istranslationof') {
    associationType = 'isTranslationOf';
    rd.mark11('an isTranslationOf association');
  } else if (/^ext:[A-Za-z0-9.\-_]+$/.test(associationType)) {
    rd.mark11('an ext: association type');
  } else {
    const ext = `ext:${associationType.replace(/[^A-Za-z0-9.\-_]/g, '_').slice(0, 100)}`;
    rd.r.accept(`${path}/associationType`, `unknown association type ${preview(associationType)} kept as ${ext}`, `unknown-type:${associationType.slice(0, 80)}`);
    associationType = ext;
    rd.mark11('an ext: association type');
  }
  const a: CFAssociation = {
    identifier,
    associationType,
    uri: rd.requiredText(o, 'uri', path, 'associations', ''),
    originNodeURI: readEnd(rd, o, 'originNodeURI', path),
    destinationNodeURI: readEnd(rd, o, 'destinationNodeURI', path),
    lastChangeDateTime: rd.dateTime(o, 'lastChangeDateTime', path, 'associations', docTime),
  };
  if (has(o, 'sequenceNumber') && o.sequenceNumber !== null) {
    const v = o.sequenceNumber;
    const p = `${path}/sequenceNumber`;
    if (typeof v === 'number' && Number.isInteger(v)) a.sequenceNumber = v;
    else if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) {
      a.sequenceNumber = Number(v);
      rd.r.accept(p, 'sequenceNumber given as text, read as a number', 'seq-string');
    } else if (typeof v === 'number' && Number.isFinite(v)) {
      a.sequenceNumber = Math.round(v);
      rd.r.accept(p, 'sequenceNumber not a whole number, rounded', 'seq-round');
    } else rd.r.ignore(p, notANumber('sequenceNumber', v), 'seq-bad');
  }
  const grouping = rd.linkUri(o, 'CFAssociationGroupingURI', path, 'associations');
  if (grouping) a.CFAssociationGroupingURI = grouping;
  const notes = rd.text(o, 'notes', path, 'associations');
  if (notes !== undefined) {
    a.notes = notes;
    rd.mark11('notes on an association');
  }
  const ext = rd.extensions(o, path, 'an association');
  if (ext) a.extensions = ext;
  rd.rest(o, rd.otherDocument(o, path, 'associations') ? ASSOC_KEYS_OTHER_DOC : ASSOC_KEYS, path, 'associations', NOT_IN_PACKAGE);
  return a;
}

type DefKind = 'CFConcepts' | 'CFSubjects' | 'CFLicenses' | 'CFItemTypes' | 'CFAssociationGroupings';
const DEF_KINDS: DefKind[] = ['CFConcepts', 'CFSubjects', 'CFLicenses', 'CFItemTypes', 'CFAssociationGroupings'];

function readDefinitions(rd: Reader, root: Obj, base: string, docTime: string): { defs: CFDefinitions; count: number } | undefined {
  if (!has(root, 'CFDefinitions') || root.CFDefinitions === null) return undefined;
  const raw = root.CFDefinitions;
  const path = `${base}/CFDefinitions`;
  if (Array.isArray(raw)) {
    if (raw.length === 0) rd.r.accept(path, 'CFDefinitions given as an empty list, read as no definitions');
    else rd.r.ignore(path, 'CFDefinitions is a list, expected an object of definition lists');
    return undefined;
  }
  if (!isObj(raw)) {
    rd.r.ignore(path, 'CFDefinitions is not an object');
    return undefined;
  }
  const defs: CFDefinitions = {};
  let count = 0;
  for (const kind of DEF_KINDS) {
    const list = raw[kind];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      rd.r.ignore(`${path}/${kind}`, `${kind} is not a list`);
      continue;
    }
    const out: unknown[] = [];
    list.forEach((d, i) => {
      const p = `${path}/${kind}/${i}`;
      if (!isObj(d)) {
        rd.r.ignore(p, `a ${kind} entry is not an object`, `baddef:${kind}`);
        return;
      }
      if (typeof d.identifier !== 'string' && typeof d.sourcedId !== 'string') {
        rd.r.ignore(p, `a ${kind} entry has no identifier`, `noid:${kind}`);
        return;
      }
      const what = kind;
      const common = {
        identifier: rd.identifier(d, p, `a ${kind} entry`),
        uri: rd.requiredText(d, 'uri', p, what, ''),
        title: rd.requiredText(d, 'title', p, what, ''),
        lastChangeDateTime: rd.dateTime(d, 'lastChangeDateTime', p, what, docTime),
      };
      const description = rd.text(d, 'description', p, what);
      const extensions = rd.extensions(d, p, `a ${kind} entry`);
      let obj: Record<string, unknown>;
      let keys: string[];
      if (kind === 'CFItemTypes') {
        const t: CFItemType = {
          ...common,
          description: description ?? (rd.r.accept(`${p}/description`, `CFItemTypes without description (required by CASE); read as ""`, 'itemtype-nodesc'), ''),
          hierarchyCode: rd.requiredText(d, 'hierarchyCode', p, what, ''),
        };
        const typeCode = rd.text(d, 'typeCode', p, what);
        if (typeCode !== undefined) t.typeCode = typeCode;
        obj = t as unknown as Record<string, unknown>;
        keys = ['description', 'hierarchyCode', 'typeCode'];
      } else if (kind === 'CFLicenses') {
        const l: CFLicense = { ...common, licenseText: rd.requiredText(d, 'licenseText', p, what, '') };
        if (description !== undefined) l.description = description;
        obj = l as unknown as Record<string, unknown>;
        keys = ['description', 'licenseText'];
      } else if (kind === 'CFSubjects' || kind === 'CFConcepts') {
        const s: CFSubject | CFConcept = { ...common, hierarchyCode: rd.requiredText(d, 'hierarchyCode', p, what, '') };
        if (description !== undefined) s.description = description;
        if (kind === 'CFConcepts') {
          const k = rd.text(d, 'keywords', p, what);
          if (k !== undefined) (s as CFConcept).keywords = k;
        }
        obj = s as unknown as Record<string, unknown>;
        keys = ['description', 'hierarchyCode', 'keywords'];
      } else {
        const g: CFAssociationGrouping = { ...common };
        if (description !== undefined) g.description = description;
        obj = g as unknown as Record<string, unknown>;
        keys = ['description'];
      }
      if (extensions) obj.extensions = extensions;
      rd.rest(d, new Set(['identifier', 'sourcedId', 'uri', 'title', 'lastChangeDateTime', 'extensions', ...keys]), p, kind);
      out.push(obj);
      count++;
    });
    (defs as Record<string, unknown>)[kind] = out;
  }
  const ext = rd.extensions(raw, path, 'CFDefinitions');
  if (ext) defs.extensions = ext;
  rd.rest(raw, new Set([...DEF_KINDS, 'extensions']), path, 'CFDefinitions');
  return { defs, count };
}

function readRubrics(rd: Reader, root: Obj, base: string, docTime: string): CFRubric[] {
  const raw = root.CFRubrics;
  const path = `${base}/CFRubrics`;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    rd.r.ignore(path, 'CFRubrics is not a list');
    return [];
  }
  const out: CFRubric[] = [];
  raw.forEach((r, i) => {
    const p = `${path}/${i}`;
    if (!isObj(r)) throw new Unreadable('wrong-type', `${p} must be a rubric object, found ${preview(r)}.`, p);
    const rubric: CFRubric = {
      identifier: rd.identifier(r, p, 'a rubric'),
      uri: rd.requiredText(r, 'uri', p, 'rubrics', ''),
      lastChangeDateTime: rd.dateTime(r, 'lastChangeDateTime', p, 'rubrics', docTime),
    };
    for (const k of ['title', 'description'] as const) {
      const v = rd.text(r, k, p, 'rubrics');
      if (v !== undefined) rubric[k] = v;
    }
    const ext = rd.extensions(r, p, 'a rubric');
    if (ext) rubric.extensions = ext;
    const crit = r.CFRubricCriteria;
    if (Array.isArray(crit)) {
      rubric.CFRubricCriteria = crit.flatMap((c, j) => {
        const cp = `${p}/CFRubricCriteria/${j}`;
        if (!isObj(c)) throw new Unreadable('wrong-type', `${cp} must be a rubric criterion object, found ${preview(c)}.`, cp);
        return [readCriterion(rd, c, cp, docTime)];
      });
    } else if (crit !== undefined && crit !== null) rd.r.ignore(`${p}/CFRubricCriteria`, 'CFRubricCriteria is not a list');
    rd.rest(r, new Set(['identifier', 'sourcedId', 'uri', 'title', 'description', 'lastChangeDateTime', 'CFRubricCriteria', 'extensions']), p, 'rubrics');
    out.push(rubric);
  });
  return out;
}

/** Why a value is not a usable number: 1e400 in the file is a number JavaScript reads as Infinity (it said "null"). */
function notANumber(key: string, v: unknown): string {
  return typeof v === 'number' ? `${key} ${preview(v)} is too large a number to hold` : `${key} ${preview(v)} is not a number`;
}

function num(rd: Reader, o: Obj, key: string, path: string, int: boolean): number | undefined {
  if (!has(o, key) || o[key] === null) return undefined;
  let v = o[key];
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) {
    rd.r.accept(`${path}/${key}`, `${key} given as text, read as a number`, `numstr:${key}`);
    v = Number(v);
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    rd.r.ignore(`${path}/${key}`, notANumber(key, v), `badnum:${key}`);
    return undefined;
  }
  return int ? Math.round(v) : v;
}

function readCriterion(rd: Reader, c: Obj, p: string, docTime: string): CFRubricCriterion {
  const what = 'rubric criteria';
  const crit: CFRubricCriterion = {
    identifier: rd.identifier(c, p, 'a rubric criterion'),
    uri: rd.requiredText(c, 'uri', p, what, ''),
    lastChangeDateTime: rd.dateTime(c, 'lastChangeDateTime', p, what, docTime),
  };
  for (const k of ['category', 'description'] as const) {
    const v = rd.text(c, k, p, what);
    if (v !== undefined) crit[k] = v;
  }
  const item = rd.linkUri(c, 'CFItemURI', p, what);
  if (item) crit.CFItemURI = item;
  const weight = num(rd, c, 'weight', p, false);
  if (weight !== undefined) crit.weight = weight;
  const position = num(rd, c, 'position', p, true);
  if (position !== undefined) crit.position = position;
  const rubricId = rd.text(c, 'rubricId', p, what);
  if (rubricId !== undefined) crit.rubricId = normalizeIdentifier(rubricId);
  const ext = rd.extensions(c, p, 'a rubric criterion');
  if (ext) crit.extensions = ext;
  const levels = c.CFRubricCriterionLevels;
  if (Array.isArray(levels)) {
    crit.CFRubricCriterionLevels = levels.map((l, k) => {
      const lp = `${p}/CFRubricCriterionLevels/${k}`;
      if (!isObj(l)) throw new Unreadable('wrong-type', `${lp} must be a rubric level object, found ${preview(l)}.`, lp);
      const level: CFRubricCriterionLevel = {
        identifier: rd.identifier(l, lp, 'a rubric level'),
        uri: rd.requiredText(l, 'uri', lp, 'rubric levels', ''),
        lastChangeDateTime: rd.dateTime(l, 'lastChangeDateTime', lp, 'rubric levels', docTime),
      };
      for (const key of ['description', 'quality', 'feedback'] as const) {
        const v = rd.text(l, key, lp, 'rubric levels');
        if (v !== undefined) level[key] = v;
      }
      const score = num(rd, l, 'score', lp, false);
      if (score !== undefined) level.score = score;
      const pos = num(rd, l, 'position', lp, true);
      if (pos !== undefined) level.position = pos;
      const parent = rd.text(l, 'rubricCriterionId', lp, 'rubric levels');
      if (parent !== undefined) level.rubricCriterionId = normalizeIdentifier(parent);
      if (has(l, 'extensions')) rd.r.ignore(`${lp}/extensions`, 'extensions on rubric levels ignored', 'level-ext');
      rd.rest(
        l,
        new Set(['identifier', 'sourcedId', 'uri', 'lastChangeDateTime', 'description', 'quality', 'feedback', 'score', 'position', 'rubricCriterionId', 'extensions']),
        lp,
        'rubric levels',
      );
      return level;
    });
  }
  rd.rest(
    c,
    new Set(['identifier', 'sourcedId', 'uri', 'lastChangeDateTime', 'category', 'description', 'CFItemURI', 'weight', 'position', 'rubricId', 'extensions', 'CFRubricCriterionLevels']),
    p,
    'rubric criteria',
  );
  return crit;
}
