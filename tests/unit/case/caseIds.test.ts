import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUuidText, modelIdFor, normalizeIdentifier } from '../../../src-core/case/caseIds';
import { isUuid } from '../../../src-core/model/ids';

const chars = fc.constantFrom(...'0189aAfFgGzZ-_ \u00e9\u0130'.split(''));
/** UUIDs in either case, with one character replaced, and any short text. */
const identifier = fc.oneof(
  fc.uuid(),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.tuple(fc.uuid(), fc.nat(36), chars).map(([u, i, c]) => u.slice(0, i) + c + u.slice(i + 1)),
  fc.string({ unit: chars, maxLength: 40 }),
  fc.string({ maxLength: 40 }),
);

describe('CASE identifiers', () => {
  it('isUuidText agrees with the model’s UUID test for any text', () => {
    fc.assert(
      fc.property(identifier, (s) => {
        expect(isUuidText(s)).toBe(isUuid(s));
      }),
      { numRuns: 3000 },
    );
  });
  it('normalizeIdentifier lower-cases UUIDs only; modelIdFor keeps UUIDs (lower case) and derives ids for the rest', () => {
    fc.assert(
      fc.property(identifier, (s) => {
        expect(normalizeIdentifier(s)).toBe(isUuid(s) ? s.toLowerCase() : s);
        const m = modelIdFor(s);
        if (isUuid(s)) expect(m).toBe(s.toLowerCase());
        else expect(isUuid(m) && m !== s).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(normalizeIdentifier('ABC-Not-A-Uuid')).toBe('ABC-Not-A-Uuid');
    expect(normalizeIdentifier('0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D')).toBe('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
  });
});
