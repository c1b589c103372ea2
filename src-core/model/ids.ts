/**
 * Branded identifiers. Every id in a framework is a string at run time; the brand keeps a
 * `CompetencyId` from being passed where a `DomainId` is expected.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type FrameworkId = Brand<string, 'FrameworkId'>;
export type CompetencyId = Brand<string, 'CompetencyId'>;
export type DomainId = Brand<string, 'DomainId'>;
export type PhaseId = Brand<string, 'PhaseId'>;
export type IndicatorId = Brand<string, 'IndicatorId'>;
export type LinkId = Brand<string, 'LinkId'>;
export type StandardsSetId = Brand<string, 'StandardsSetId'>;
export type StandardId = Brand<string, 'StandardId'>;
export type AlignmentId = Brand<string, 'AlignmentId'>;
export type CommentId = Brand<string, 'CommentId'>;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `s` is a UUID in the 8-4-4-4-12 hex form (any version), as CASE identifiers are. */
export function isUuid(s: unknown): s is string {
  return typeof s === 'string' && UUID_RE.test(s);
}

/**
 * A fresh random (v4) UUID, lower case. Uses the Web Crypto API that both browsers and Node 20
 * expose on `globalThis`, so the core stays free of `node:` imports.
 */
export function newUuid(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  // Fallback for exotic hosts without randomUUID (never hit in supported runtimes).
  const b = new Uint8Array(16);
  for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A fresh id of the given brand. */
export function newId<T extends string>(): T {
  return newUuid() as T;
}
