import { describe, expect, it } from 'vitest';
import { readCasePackage } from '../../src-core/case';
import { parseJson } from '../../src-core/format/json';

/** 1e400 in a package is a JSON number JavaScript reads as Infinity: the report said it was `null`. */
const DOC = '9f1b3c2a-0000-4000-8000-000000000001';
const id = (n: number) => `9f1b3c2a-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const text = JSON.stringify({
  CFDocument: { identifier: DOC, uri: 'urn:x:doc', title: 'T', creator: 'c', lastChangeDateTime: '2020-01-01T00:00:00Z' },
  CFItems: [2, 3].map((n) => ({ identifier: id(n), uri: `urn:x:${n}`, fullStatement: `S ${n}`, lastChangeDateTime: '2020-01-01T00:00:00Z' })),
  CFAssociations: [
    {
      identifier: id(10),
      uri: 'urn:x:10',
      associationType: 'isChildOf',
      originNodeURI: { identifier: id(3), uri: 'urn:x:3', title: 't' },
      destinationNodeURI: { identifier: id(2), uri: 'urn:x:2', title: 't' },
      sequenceNumber: 12345,
      lastChangeDateTime: '2020-01-01T00:00:00Z',
    },
  ],
}).replace('12345', '-1e400');

describe('a number too large to hold in a CASE package', () => {
  it('is ignored with the report saying so (it said "sequenceNumber null is not a number")', () => {
    const parsed = parseJson(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const r = readCasePackage(parsed.value);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.pkg.CFAssociations![0]!.sequenceNumber).toBeUndefined();
    const ignored = r.value.report.ignored.map((e) => `${e.message} (${e.path})`);
    expect(ignored).toContain('sequenceNumber -1e309 or more is too large a number to hold (/CFAssociations/0/sequenceNumber)');
    expect(ignored.join('\n')).not.toMatch(/null/);
  });
});
