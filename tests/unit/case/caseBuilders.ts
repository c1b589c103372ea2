import type { CFAssociation, CFItem } from '../../../src-core/case/types';

/** Small CASE packages for tests: a document id, numbered item ids, items and isChildOf associations. */
export const DOC = 'd0000000-0000-4000-8000-000000000000';
export const id = (n: number) => `d0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Item `n`, with a human coding scheme and a listEnumeration when given. */
export const item = (n: number, code?: string, le?: string): CFItem => ({
  identifier: id(n),
  uri: `https://x.org/${n}`,
  fullStatement: `S${n}`,
  lastChangeDateTime: '2020-01-01T00:00:00Z',
  ...(code !== undefined ? { humanCodingScheme: code } : {}),
  ...(le !== undefined ? { listEnumeration: le } : {}),
});

/** Association number `k`: `child` isChildOf `parent`, with a sequenceNumber when given. */
export const childOf = (k: number, child: string, parent: string, seq?: number): CFAssociation => ({
  identifier: id(10_000 + k),
  associationType: 'isChildOf',
  uri: 'https://x.org/a',
  originNodeURI: { title: '', identifier: child, uri: '' },
  destinationNodeURI: { title: '', identifier: parent, uri: '' },
  lastChangeDateTime: '2020-01-01T00:00:00Z',
  ...(seq !== undefined ? { sequenceNumber: seq } : {}),
});
