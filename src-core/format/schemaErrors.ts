import type { ErrorObject } from 'ajv';
import type { Problem } from '../result';

/** A load failure that may carry the full list of problems behind it. */
export interface LoadProblem extends Problem {
  details?: Problem[];
}

/** Escapes one JSON pointer token (RFC 6901). */
export function pointerToken(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Turns ajv errors into problems a person can act on: the JSON pointer of the offending value and
 * what was expected there. anyOf/oneOf wrappers are dropped in favour of the branch errors.
 */
export function schemaProblems(errors: readonly ErrorObject[] | null | undefined, prefix = ''): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue;
    let path = prefix + e.instancePath;
    let message: string;
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'required':
        message = `missing required property "${String(p.missingProperty)}"`;
        break;
      case 'additionalProperties':
        path = `${path}/${pointerToken(String(p.additionalProperty))}`;
        message = `unexpected property "${String(p.additionalProperty)}"`;
        break;
      case 'enum':
        message = `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
        break;
      case 'const':
        message = `must be ${JSON.stringify(p.allowedValue)}`;
        break;
      case 'type':
        message = `must be ${String(p.type)}`;
        break;
      case 'pattern':
        message = /\[0-9a-fA-F\]\{8\}/.test(String(p.pattern))
          ? 'must be a UUID (8-4-4-4-12 hex digits)'
          : String(p.pattern).includes('T\\d{2}')
            ? 'must be a date-time with a time zone, e.g. 2026-01-31T12:00:00Z'
            : String(p.pattern) === '\\S'
              ? 'must not be empty'
              : `must match ${String(p.pattern)}`;
        break;
      case 'propertyNames':
        continue; // reported together with the pattern error on the name itself
      default:
        message = e.message ?? e.keyword;
    }
    if (e.propertyName !== undefined) {
      path = `${path}/${pointerToken(e.propertyName)}`;
      message = `property name ${message}`;
    }
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code: 'schema', message, path: path || '/' });
  }
  return out;
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
