import { shorten as shortenText } from '../model/text';

/**
 * Where a JSON pointer into a framework file points, in words a curriculum designer recognises:
 * `competency “M.3.NF.2” (“Compare fractions…”) — phase Proficient, indicator 2` rather than
 * `/framework/competencies/3f2a…/phases/…/indicators/1`.
 *
 * The file being described failed the schema check, so nothing in it can be trusted: every read is
 * defensive (any value may be missing, of the wrong type, an array where an object was expected …) and
 * nothing here throws.
 */

/** A place in a framework file, in words. */
export interface ProblemLocation {
  /** The record or item, e.g. `competency “A.1” (“Add fractions”) — phase Proficient, indicator 2`. */
  where: string;
  /** The property inside it, in words (`text`, `position x`, `education levels item 2`); absent for the record itself. */
  field?: string;
  /**
   * The id of the record the pointer is in (a competency, prerequisite link, alignment, domain, mastery
   * phase, standards set or standard in it, review comment, kept CASE association): its key, or for a
   * domain or phase (kept in a list) its `id` when that is a string. Absent at the framework or file level.
   */
  recordId?: string;
}

/** How many characters of a statement or title name a record. */
const SHORT = 40;

type Obj = Record<string, unknown>;

function asObject(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}

/** An own property only (a key such as `__proto__` or `constructor` must not reach the prototype). */
function own(o: unknown, key: string): unknown {
  if (typeof o !== 'object' || o === null) return undefined;
  return Object.prototype.hasOwnProperty.call(o, key) ? (o as Obj)[key] : undefined;
}

/** A non-blank string, whitespace collapsed; else undefined. */
function text(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  // Only the start is ever shown: a huge value costs no more than a short one.
  const t = v.slice(0, 4 * SHORT).replace(/\s+/g, ' ').trim();
  return t === '' ? undefined : t;
}

/** A text cut to about `max` characters at a word boundary, then `…` (see {@link shortenText}). */
export function shorten(s: string, max = SHORT): string {
  return shortenText(s, max + 1);
}

function quote(s: string): string {
  return `“${s}”`;
}

/** An id as a person can refer to it: the first 8 characters of a UUID, a short key as is. */
function shortId(id: string): string {
  return id.length > 13 ? `${Array.from(id.slice(0, 16)).slice(0, 8).join('')}…` : id;
}

/** `“code” (“statement…”)`, `“statement…”` or undefined when the record has neither. */
function codeAndText(code: unknown, statement: unknown): string | undefined {
  const c = text(code);
  const s = text(statement);
  if (c && s) return `${quote(shorten(c, 24))} (${quote(shorten(s))})`;
  if (c) return quote(shorten(c, 24));
  if (s) return quote(shorten(s));
  return undefined;
}

/** A competency as one end of a link or alignment: its code, else its shortened statement. */
function competencyName(fw: Obj | undefined, id: unknown): string {
  if (typeof id !== 'string') return '(no competency given)';
  const c = own(asObject(own(fw, 'competencies')), id);
  const name = text(own(c, 'code')) ?? text(own(c, 'statement'));
  if (name) return quote(shorten(name, 30));
  return c === undefined ? `${quote(shortId(id))} (no such competency)` : `competency ${shortId(id)}`;
}

function competencyLabel(fw: Obj | undefined, key: string): string {
  const c = own(asObject(own(fw, 'competencies')), key);
  const named = codeAndText(own(c, 'code'), own(c, 'statement'));
  return named ? `competency ${named}` : `competency ${quote(shortId(key))}`;
}

function standardName(fw: Obj | undefined, setId: unknown, standardId: unknown): string {
  if (typeof standardId !== 'string') return 'standard (none given)';
  const set = typeof setId === 'string' ? own(asObject(own(fw, 'standardsSets')), setId) : undefined;
  const item = own(asObject(own(set, 'items')), standardId);
  const name = text(own(item, 'code')) ?? text(own(item, 'statement'));
  return `standard ${quote(shorten(name ?? shortId(standardId), 30))}`;
}

/** The words for a property name: `educationLevels` → `education levels`. */
const FIELD_WORDS: Record<string, string> = {
  iCan: '“I can” statement',
  domainId: 'domain',
  parentId: 'parent',
  lastChangeDateTime: 'last change date',
  createdAt: 'date',
  competencyId: 'competency',
  setId: 'standards set',
  standardId: 'standard',
  uri: 'URI',
  caseDocumentId: 'CASE document id',
  caseDocumentUri: 'CASE document URI',
};

function fieldWord(token: string): string {
  if (Object.prototype.hasOwnProperty.call(FIELD_WORDS, token)) return FIELD_WORDS[token]!;
  if (/^[a-z]+(?:[A-Z][a-z0-9]*)+$/.test(token)) return token.replace(/[A-Z]/g, (m) => ` ${m.toLowerCase()}`);
  return token === '' ? '(empty name)' : `${shorten(token, 30)}`;
}

/** The rest of a pointer inside a record, in words; array positions count from 1 (`item 2`). */
function fieldWords(tokens: readonly string[], at: unknown): string | undefined {
  if (tokens.length === 0) return undefined;
  const words: string[] = [];
  let cur = at;
  for (const t of tokens) {
    if (Array.isArray(cur) && /^(0|[1-9]\d*)$/.test(t)) {
      words.push(`item ${Number(t) + 1}`);
      cur = cur[Number(t)];
    } else {
      words.push(fieldWord(t));
      cur = own(cur, t);
    }
  }
  return words.join(' ');
}

function arrayIndex(token: string | undefined, arr: unknown): number | undefined {
  if (token === undefined || !Array.isArray(arr) || !/^(0|[1-9]\d*)$/.test(token)) return undefined;
  return Number(token);
}

/** Splits a JSON pointer into its unescaped tokens (`~1` → `/`, `~0` → `~`). */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function frameworkName(fw: Obj | undefined): string {
  const t = text(own(fw, 'title'));
  return t ? `the framework ${quote(shorten(t))}` : 'the framework';
}

/** `loc` with the id of its record, when there is one (a key may be anything: only a non-empty string counts). */
function inRecord(loc: ProblemLocation, id: unknown): ProblemLocation {
  return typeof id === 'string' && id !== '' ? { ...loc, recordId: id } : loc;
}

/**
 * Describes a JSON pointer into a framework file (the envelope `{ format, formatVersion, framework }`)
 * in words: which competency, link, alignment, domain, phase, standards set or standard, and which
 * property in it, with that record's id. Never throws, whatever `file` holds.
 */
export function locateInFrameworkFile(file: unknown, pointer: string): ProblemLocation {
  const tokens = pointerTokens(pointer);
  if (tokens[0] !== 'framework') return { where: 'the file', field: fieldWords(tokens, file) };
  const fw = asObject(own(file, 'framework'));
  const [, collection, key, ...rest] = tokens;
  if (collection === undefined) return { where: frameworkName(fw) };
  const records = own(fw, collection);
  if (key === undefined) return { where: frameworkName(fw), field: fieldWords([collection], fw) };
  const record = own(records, key);
  switch (collection) {
    case 'competencies':
      return inRecord(locateInCompetency(fw, key, record, rest), key);
    case 'prerequisites':
      return inRecord(
        {
          where: `prerequisite link ${competencyName(fw, own(record, 'from'))} → ${competencyName(fw, own(record, 'to'))}`,
          field: fieldWords(rest, record),
        },
        key,
      );
    case 'alignments':
      return inRecord(
        {
          where: `alignment of ${competencyName(fw, own(record, 'competencyId'))} to ${standardName(fw, own(record, 'setId'), own(record, 'standardId'))}`,
          field: fieldWords(rest, record),
        },
        key,
      );
    case 'domains': {
      const i = arrayIndex(key, records);
      if (i === undefined) break;
      const named = codeAndText(own(record, 'code'), own(record, 'title'));
      return inRecord({ where: named ? `domain ${named}` : `domain ${i + 1}`, field: fieldWords(rest, record) }, own(record, 'id'));
    }
    case 'phases': {
      const i = arrayIndex(key, records);
      if (i === undefined) break;
      const label = text(own(record, 'label'));
      return inRecord({ where: label ? `mastery phase ${quote(shorten(label, 30))}` : `mastery phase ${i + 1}`, field: fieldWords(rest, record) }, own(record, 'id'));
    }
    case 'standardsSets': {
      const title = text(own(record, 'title'));
      const set = title ? `standards set ${quote(shorten(title))}` : `standards set ${shortId(key)}`;
      const [items, itemKey, ...inItem] = rest;
      if (items === 'items' && itemKey !== undefined) {
        const item = own(asObject(own(record, 'items')), itemKey);
        const named = codeAndText(own(item, 'code'), own(item, 'statement'));
        return inRecord({ where: `${set} — standard ${named ?? shortId(itemKey)}`, field: fieldWords(inItem, item) }, itemKey);
      }
      return inRecord({ where: set, field: fieldWords(rest, record) }, key);
    }
    case 'comments': {
      const author = text(own(record, 'author'));
      const said = text(own(record, 'text'));
      const where = `review comment${author ? ` by ${shorten(author, 30)}` : ''}${said ? ` (${quote(shorten(said))})` : ''}`;
      return inRecord({ where, field: fieldWords(rest, record) }, key);
    }
    case 'caseAssociations': {
      const type = text(own(record, 'associationType'));
      return inRecord({ where: `kept CASE association${type ? ` ${quote(shorten(type, 30))}` : ''} ${shortId(key)}`, field: fieldWords(rest, record) }, key);
    }
  }
  return { where: frameworkName(fw), field: fieldWords([collection, key, ...rest], fw) };
}

function locateInCompetency(fw: Obj | undefined, key: string, record: unknown, rest: string[]): ProblemLocation {
  const where = competencyLabel(fw, key);
  const [first, phaseKey, third, index, ...inIndicator] = rest;
  if (first !== 'phases' || phaseKey === undefined) return { where, field: fieldWords(rest, record) };
  const described = own(own(record, 'phases'), phaseKey);
  const scale = own(fw, 'phases');
  const phase = Array.isArray(scale) ? scale.find((p) => own(p, 'id') === phaseKey) : undefined;
  const label = text(own(phase, 'label'));
  const phaseWords = label ? `phase ${shorten(label, 30)}` : `phase ${quote(shortId(phaseKey))} (not in the mastery scale)`;
  const i = third === 'indicators' ? arrayIndex(index, own(described, 'indicators')) : undefined;
  if (i !== undefined) {
    const indicator = (own(described, 'indicators') as unknown[])[i];
    return { where: `${where} — ${phaseWords}, indicator ${i + 1}`, field: fieldWords(inIndicator, indicator) };
  }
  return { where: `${where} — ${phaseWords}`, field: fieldWords(rest.slice(2), described) };
}
