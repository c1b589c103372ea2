import fc from 'fast-check';
import { v5 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { CASE_ID_NAMESPACE, derivedId, derivedIdOf } from '../../../src-core/case/caseIds';
import { uuidBytes, uuidV5 } from '../../../src-core/case/uuidV5';

describe('uuidV5 (the ids of derived CASE objects)', () => {
  it('gives the RFC 9562 example and the uuid package value', () => {
    // RFC 9562 appendix A.4: v5 of "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', uuidBytes('6ba7b810-9dad-11d1-80b4-00c04fd430c8'))).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(derivedId('rubric:abc')).toBe(v5('rubric:abc', CASE_ID_NAMESPACE));
  });
  it('property: equals the uuid package for any name (unicode, lone surrogates, several SHA-1 blocks, empty)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ minLength: 40, maxLength: 60 }), fc.string({ minLength: 500, maxLength: 1200 })),
        (name) => {
          expect(derivedId(name)).toBe(v5(name, CASE_ID_NAMESPACE));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('derivedIdOf (the id of a name given in pieces)', () => {
  it('property: equals derivedId of the joined name, surrogate pairs split across pieces included', () => {
    const piece = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('', '\ud83d', '\ude00', 'a\ud83d', '\ude00b'));
    fc.assert(
      fc.property(piece, piece, fc.option(piece, { nil: undefined }), fc.option(piece, { nil: undefined }), (a, b, c, d) => {
        const name = a + b + (c ?? '') + (d ?? '');
        expect(derivedIdOf(a, b, c, d)).toBe(derivedId(name)); // derivedId is the uuid package's v5 (above)
      }),
      { numRuns: 500 },
    );
  });
});
