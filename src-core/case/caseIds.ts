import { isUuid } from '../model/ids';
import { uuidBytes, uuidV5 } from './uuidV5';

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

/** Lower-cases a UUID (CASE compares identifiers case-insensitively); other strings unchanged. */
export function normalizeIdentifier(id: string): string {
  return isUuid(id) ? id.toLowerCase() : id;
}

/** The UUID to use in our model for a CASE identifier: itself when a UUID, else a UUID v5 of it. */
export function modelIdFor(identifier: string): string {
  return isUuid(identifier) ? identifier.toLowerCase() : derivedId(`case-identifier:${identifier}`);
}

/** The CASE 1.0 UUID pattern (versions 1–5, RFC variant), as the official Swagger file has it. */
const UUID_1_0 = /[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/;

/** True when `id` passes the CASE 1.0 identifier pattern. */
export function isCase10Uuid(id: string): boolean {
  return UUID_1_0.test(id);
}
