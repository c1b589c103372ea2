import { uuidBytes, uuidV5, uuidV5Of } from './uuidV5';

/**
 * The fixed namespace of every UUID v5 Progressions derives for CASE (association, rubric and
 * definition ids, ids for foreign non-UUID identifiers). Never change it: published identifiers
 * must stay stable across exports.
 */
export const CASE_ID_NAMESPACE = '830bfc09-f272-4fa0-8ed8-6089b29405ae';

const NS = uuidBytes(CASE_ID_NAMESPACE);

/**
 * A deterministic UUID (v5) for `name` in the Progressions CASE namespace, lower case: the value of
 * `v5(name, CASE_ID_NAMESPACE)` from the `uuid` package, computed faster (see uuidV5.ts).
 */
export function derivedId(name: string): string {
  return uuidV5(name, NS);
}

/**
 * `derivedId(a + b + c + d)` without building the name (an export derives ids from names such as
 * `isChildOf:<child>:<parent>` about 150,000 times per 10,000 competencies).
 */
export function derivedIdOf(a: string, b: string, c?: string, d?: string): string {
  return uuidV5Of(NS, a, b, c, d);
}

/** 1 for every character code below 128 that is not a hex digit. */
const NOT_HEX = new Uint8Array(128).fill(1);
for (const c of '0123456789abcdefABCDEF') NOT_HEX[c.charCodeAt(0)] = 0;

/**
 * True when `s` is a UUID in the 8-4-4-4-12 hex form, either case — `isUuid` of model/ids.ts without
 * its case-insensitive RegExp: a package has hundreds of thousands of identifiers to normalise.
 */
export function isUuidText(s: string): boolean {
  if (s.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = s.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false;
    } else if (c > 127 || NOT_HEX[c] === 1) return false;
  }
  return true;
}

/** Lower-cases a UUID (CASE compares identifiers case-insensitively); other strings unchanged. */
export function normalizeIdentifier(id: string): string {
  const lower = id.toLowerCase(); // the same string when it has no capitals (most identifiers)
  return lower === id || !isUuidText(id) ? id : lower;
}

/** The UUID to use in our model for a CASE identifier: itself when a UUID, else a UUID v5 of it. */
export function modelIdFor(identifier: string): string {
  return isUuidText(identifier) ? identifier.toLowerCase() : derivedId(`case-identifier:${identifier}`);
}

/** The CASE 1.0 UUID pattern (versions 1–5, RFC variant), as the official Swagger file has it. */
const UUID_1_0 = /[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/;

/** True when `id` passes the CASE 1.0 identifier pattern. */
export function isCase10Uuid(id: string): boolean {
  return UUID_1_0.test(id);
}
