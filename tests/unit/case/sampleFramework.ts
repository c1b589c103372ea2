import { frameworkFromJson } from '../../../src-core/model/frameworkJson';
import type { Framework, FrameworkJson } from '../../../src-core/model/types';

/**
 * A small framework that uses every part of the model the CASE mapping covers: nested domains, a
 * competency without a domain, phase descriptors and indicators, an empty-but-present phase,
 * prerequisites with notes, alignments of every kind, an unused standard, a comment. Fixed ids so
 * exports can be compared with golden files.
 */
export function sampleFramework(): Framework {
  const P = ['11111111-1111-4111-8111-000000000001', '11111111-1111-4111-8111-000000000002', '11111111-1111-4111-8111-000000000003', '11111111-1111-4111-8111-000000000004'] as const;
  const D1 = '22222222-2222-4222-8222-000000000001';
  const D2 = '22222222-2222-4222-8222-000000000002';
  const C1 = '33333333-3333-4333-8333-000000000001';
  const C2 = '33333333-3333-4333-8333-000000000002';
  const C3 = '33333333-3333-4333-8333-000000000003';
  const SET = '44444444-4444-4444-8444-000000000001';
  const fw: unknown = {
    id: '55555555-5555-4555-8555-000000000001',
    title: 'Grade 3–5 Fractions',
    description: 'A progression through fractions for grades 3 to 5.',
    subjects: ['Mathematics'],
    educationLevels: ['03', '04', '05'],
    creator: '',
    publisher: 'Example District',
    version: '1.2.0',
    status: 'in-review',
    license: 'CC BY 4.0',
    language: 'en',
    lastChangeDateTime: '2026-01-31T12:00+01:00',
    phases: [
      { id: P[0], label: 'Beginning', description: 'With support.', threshold: false },
      { id: P[1], label: 'Developing', description: 'Some errors.', threshold: false },
      { id: P[2], label: 'Proficient', description: 'Mastery.', threshold: true },
      { id: P[3], label: 'Advanced', description: 'Transfers.', threshold: false },
    ],
    domains: [
      { id: D2, code: 'NF.A', title: 'Understand fractions', description: '', color: '#d9480f', parentId: D1 },
      { id: D1, code: 'NF', title: 'Number & Operations—Fractions', description: 'Fractions as numbers.', color: '#2f6fdf', parentId: null },
    ],
    competencies: {
      [C1]: {
        id: C1,
        code: 'NF.1',
        statement: 'Understand a fraction 1/b as one part of a whole partitioned into b equal parts.',
        iCan: 'I can explain what 1/b means with a drawing.',
        domainId: D2,
        educationLevels: ['03'],
        estimatedHours: 6,
        evidenceTypes: ['test', 'product'],
        notes: 'Start with fraction strips.',
        phases: {
          [P[0]]: { descriptor: '', indicators: [] },
          [P[2]]: {
            descriptor: 'Partitions shapes into equal parts and names the unit fraction.',
            indicators: [
              { id: '66666666-6666-4666-8666-000000000001', text: 'Shades 1/4 of a rectangle and explains why.' },
              { id: '66666666-6666-4666-8666-000000000002', text: 'Places 1/3 on a number line.' },
            ],
          },
          [P[3]]: { descriptor: '', indicators: [{ id: '66666666-6666-4666-8666-000000000003', text: 'Invents a fraction puzzle.' }] },
        },
        position: { x: 10, y: -20.5 },
        pinned: true,
      },
      [C2]: {
        id: C2,
        code: 'NF.2',
        statement: 'Understand a fraction as a number on the number line.',
        iCan: '',
        domainId: D2,
        educationLevels: [],
        estimatedHours: null,
        evidenceTypes: [],
        notes: '',
        phases: { [P[2]]: { descriptor: 'Places fractions on a number line.', indicators: [] } },
        position: { x: 300, y: 0 },
        pinned: false,
      },
      [C3]: {
        id: C3,
        code: '',
        statement: 'Explain equivalence of fractions.',
        iCan: 'I can show two fractions are equal.',
        domainId: null,
        educationLevels: ['03', '04'],
        estimatedHours: 0,
        evidenceTypes: ['portfolio'],
        notes: '',
        phases: {},
        position: { x: 600, y: 0 },
        pinned: false,
      },
    },
    prerequisites: {
      '77777777-7777-4777-8777-000000000001': { id: '77777777-7777-4777-8777-000000000001', from: C1, to: C2, note: 'Unit fractions first.' },
      '77777777-7777-4777-8777-000000000002': { id: '77777777-7777-4777-8777-000000000002', from: C2, to: C3, note: '' },
    },
    standardsSets: {
      [SET]: {
        id: SET,
        title: 'CCSS Math Grade 3',
        source: 'https://example.org/case/ccss',
        version: '2010',
        caseDocumentId: 'c6496676-d7cb-11e8-824f-0242ac160002',
        caseDocumentUri: 'https://example.org/ims/case/v1p0/CFDocuments/c6496676-d7cb-11e8-824f-0242ac160002',
        items: {
          'std-3-nf-a-1': { id: 'std-3-nf-a-1', uri: 'https://example.org/uri/3.NF.A.1', code: '3.NF.A.1', statement: 'Understand a fraction 1/b…', itemType: 'Standard', parentId: null, sequence: 1, educationLevels: ['03'] },
          'e8b6f1a8-0000-4000-8000-000000000002': { id: 'e8b6f1a8-0000-4000-8000-000000000002', uri: '', code: '3.NF.A.2', statement: 'Understand a fraction as a number on the number line.', itemType: 'Standard', parentId: null, sequence: 2, educationLevels: ['03'], assessable: true },
          'e8b6f1a8-0000-4000-8000-000000000003': { id: 'e8b6f1a8-0000-4000-8000-000000000003', uri: 'https://example.org/uri/3.NF.A.3', code: '3.NF.A.3', statement: 'Explain equivalence of fractions.', itemType: 'Standard', parentId: null, sequence: 3, educationLevels: ['03'] },
        },
      },
    },
    alignments: {
      '88888888-8888-4888-8888-000000000001': { id: '88888888-8888-4888-8888-000000000001', competencyId: C1, setId: SET, standardId: 'std-3-nf-a-1', kind: 'exact' },
      '88888888-8888-4888-8888-000000000002': { id: '88888888-8888-4888-8888-000000000002', competencyId: C2, setId: SET, standardId: 'e8b6f1a8-0000-4000-8000-000000000002', kind: 'partial' },
      '88888888-8888-4888-8888-000000000003': { id: '88888888-8888-4888-8888-000000000003', competencyId: C3, setId: SET, standardId: 'e8b6f1a8-0000-4000-8000-000000000002', kind: 'related' },
    },
    comments: {
      '99999999-9999-4999-8999-000000000001': {
        id: '99999999-9999-4999-8999-000000000001',
        target: { kind: 'competency', id: C1 },
        author: 'Ms. Rivera',
        text: 'Add a number-line indicator?',
        createdAt: '2026-01-30T09:00:00Z',
        resolved: false,
      },
    },
  };
  return frameworkFromJson(fw as FrameworkJson);
}
