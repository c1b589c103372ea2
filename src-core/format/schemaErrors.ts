import type { ErrorObject } from 'ajv';
import type { Problem } from '../result';
import { pointerTokens, type ProblemLocation } from './schemaLocation';

/**
 * One schema problem. `path` is the exact JSON pointer and `message` what is wrong there (`must be a
 * string`, `missing required property "text"`); `where` and `field`, when the file could be read that
 * far, say the same place in words (`competency “A.1” (“Add fractions”) — phase Proficient,
 * indicator 2` and `text`). `describeProblem` puts them together.
 */
export interface SchemaProblem extends Problem {
  /** The record or item at fault, in words. */
  where?: string;
  /** The property in it that `message` is about, in words (absent when the message names it itself). */
  field?: string;
  /** The id of the record the problem is in (a competency, link, alignment …; see `ProblemLocation.recordId`). */
  recordId?: string;
}

/** A load failure that may carry the full list of problems behind it. */
export interface LoadProblem extends Problem {
  details?: SchemaProblem[];
}

/** Describes a JSON pointer in words (e.g. `locateInFrameworkFile` bound to the file being read). */
export type Locate = (pointer: string) => ProblemLocation;

/** Escapes one JSON pointer token (RFC 6901). */
export function pointerToken(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The pointer of the object that holds the value at `pointer` (`/a/b` → `/a`). */
function parentPointer(pointer: string): string {
  const i = pointer.lastIndexOf('/');
  return i <= 0 ? '' : pointer.slice(0, i);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list (array)',
  null: 'null',
};

function typeWords(type: unknown): string {
  return String(type)
    .split(',')
    .map((t) => TYPE_WORDS[t] ?? t)
    .join(' or ');
}

function patternMessage(pattern: string): string {
  if (/\[0-9a-fA-F\]\{8\}/.test(pattern)) return 'must be a UUID (8-4-4-4-12 hex digits)';
  if (pattern.includes('T\\d{2}')) return 'must be a date-time with a time zone, e.g. 2026-01-31T12:00:00Z';
  if (pattern === '\\S') return 'must not be empty';
  if (pattern === '^#[0-9a-fA-F]{6}$') return 'must be a colour like #1f77b4';
  return `must match ${pattern}`;
}

/** What one ajv error says, as a message about the value at its instance path. */
function valueMessage(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'enum':
      return `must be one of ${((p.allowedValues as unknown[] | undefined) ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'type':
      return `must be ${typeWords(p.type)}`;
    case 'pattern':
      return patternMessage(String(p.pattern));
    case 'minimum':
      return `must be a number ${p.comparison === '>' ? '>' : '≥'} ${String(p.limit)}`;
    case 'minItems':
      return `must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`;
    default:
      return e.message ?? e.keyword;
  }
}

/** Keywords whose errors are about the value itself (merged into one message inside anyOf / oneOf). */
const VALUE_KEYWORDS = new Set(['type', 'pattern', 'enum', 'const', 'minimum']);

/** The value at a JSON pointer of `root` (RFC 6901), or undefined when there is none. */
function valueAt(root: unknown, pointer: string): unknown {
  let v: unknown = root;
  for (const key of pointerTokens(pointer)) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/**
 * A number written too large for a double (`1e999`) is read by JSON.parse as Infinity: every number
 * rule then fails with "must be a number", which names the type the file did write. Said as it is.
 */
function hugeNumberMessage(v: unknown): string | undefined {
  if (typeof v !== 'number' || Number.isFinite(v) || Number.isNaN(v)) return undefined;
  return v > 0 ? 'is a number too large to hold (1e309 or more)' : 'is a negative number too large to hold (-1e309 or less)';
}

/**
 * Turns ajv errors into problems a person can act on: the JSON pointer of the offending value and
 * what was expected there; with `locate`, the same place in words. The branches of an anyOf / oneOf
 * that each reject the value itself become one problem (`must be a UUID … or null`). `root`, the value
 * that was validated, lets a message say what the value is where the rule alone would mislead (a number
 * too large to hold).
 */
export function schemaProblems(errors: readonly ErrorObject[] | null | undefined, prefix = '', locate?: Locate, root?: unknown): SchemaProblem[] {
  const all = errors ?? [];
  const alternatives = new Set<string>();
  for (const e of all) if (e.keyword === 'anyOf' || e.keyword === 'oneOf') alternatives.add(e.instancePath);

  const out: SchemaProblem[] = [];
  const seen = new Map<string, SchemaProblem>();
  const place = (problem: SchemaProblem, describe: string, asField: boolean) => {
    if (!locate) return problem;
    let loc: ProblemLocation;
    try {
      loc = locate(describe);
    } catch {
      return problem; // describing is a courtesy: a problem is never lost to it
    }
    const placed: SchemaProblem = !asField
      ? { ...problem, where: loc.field ? `${loc.where} — ${loc.field}` : loc.where }
      : loc.field
        ? { ...problem, where: loc.where, field: loc.field }
        : { ...problem, where: loc.where };
    if (loc.recordId !== undefined) placed.recordId = loc.recordId;
    return placed;
  };

  for (const e of all) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if' || e.keyword === 'propertyNames') continue;
    const p = e.params as Record<string, unknown>;
    const at = prefix + e.instancePath;
    if (e.propertyName !== undefined) {
      // A record key that breaks its pattern: reported on the key, described as part of its record collection.
      const path = `${at}/${pointerToken(e.propertyName)}`;
      const message = `key ${JSON.stringify(e.propertyName)} ${valueMessage(e)}`;
      add(place({ code: 'schema', message, path }, at, false));
      continue;
    }
    switch (e.keyword) {
      case 'required':
        add(place({ code: 'schema', message: `missing required property "${String(p.missingProperty)}"`, path: at || '/' }, at, false));
        break;
      case 'additionalProperties': {
        const name = String(p.additionalProperty);
        add(place({ code: 'schema', message: `unexpected property "${name}"`, path: `${at}/${pointerToken(name)}` }, at, false));
        break;
      }
      default: {
        const path = at || '/';
        const huge = root !== undefined && VALUE_KEYWORDS.has(e.keyword) ? hugeNumberMessage(valueAt(root, e.instancePath)) : undefined;
        if (huge) {
          // Every branch of an anyOf says the same of it: one problem (`add` keeps the first).
          add(place({ code: 'schema', message: huge, path }, at, true));
          continue;
        }
        const message = valueMessage(e);
        if (alternatives.has(e.instancePath) && VALUE_KEYWORDS.has(e.keyword)) {
          // One branch of an anyOf: join it to the problem the other branches already made at this path.
          const earlier = seen.get(`alt\u0000${path}`);
          if (earlier) {
            const alt = message.replace(/^must be /, '');
            if (!earlier.message.split(' or ').includes(alt)) earlier.message += ` or ${alt}`;
            continue;
          }
          const problem = place({ code: 'schema', message, path }, at, true);
          seen.set(`alt\u0000${path}`, problem);
          add(problem);
          continue;
        }
        add(place({ code: 'schema', message, path }, at, true));
      }
    }
  }
  return out;

  function add(problem: SchemaProblem) {
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) return;
    seen.set(key, problem);
    out.push(problem);
  }
}

/**
 * One problem as a line a person can act on: where in words, what is wrong, and the exact JSON pointer —
 * `competency “A.1” (“Add fractions”) — phase Proficient, indicator 2: text must be a string
 * (/framework/competencies/…/indicators/1/text)`. A problem without words is `pointer: message`.
 * `pointer: false` leaves the JSON pointer out (for a display that shows it apart).
 */
export function describeProblem(p: Problem & { where?: string; field?: string }, opts: { pointer?: boolean } = {}): string {
  const pointer = opts.pointer !== false && p.path;
  if (!p.where) return pointer ? `${p.path}: ${p.message}` : p.message;
  return `${p.where}: ${p.field ? `${p.field} ` : ''}${p.message}${pointer ? ` (${p.path})` : ''}`;
}

/**
 * One failure for a file that does not match its format: the first problem in the message (with its
 * JSON pointer and how many more there are), all of them in `details`. `code` defaults to the first
 * problem's own code.
 */
export function formatMismatch(details: Problem[], formatName: string, code?: string): { ok: false; error: LoadProblem } {
  const first = details[0];
  const more = details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? 's' : ''})` : '';
  return {
    ok: false,
    error: {
      code: code ?? first?.code ?? 'schema',
      message: first ? `The file does not match the ${formatName} format at ${first.path}: ${first.message}${more}.` : `The file does not match the ${formatName} format.`,
      path: first?.path,
      details,
    },
  };
}

/**
 * Like `formatMismatch`, for problems that say where they are in words (`describeProblem`): the
 * message names the first problem in words with its JSON pointer, and how many there are in all.
 */
export function describedMismatch(details: SchemaProblem[], formatName: string, code = 'schema'): { ok: false; error: LoadProblem } {
  const first = details[0];
  const n = details.length;
  const message = !first
    ? `The file does not match the ${formatName} format.`
    : n === 1
      ? `The file does not match the ${formatName} format: ${describeProblem(first)}.`
      : `The file does not match the ${formatName} format (${n} problems). The first: ${describeProblem(first)}.`;
  return { ok: false, error: { code, message, path: first?.path, details } };
}
