import { describe, expect, it } from 'vitest';
import { derivedId } from '../../../src-core/case/caseIds';
import { exportCase } from '../../../src-core/case/export';
import { readCasePackage } from '../../../src-core/case/read';
import { caseToFramework, statusFromAdoption } from '../../../src-core/case/toFramework';
import { schemaCheckFramework } from '../../../src-core/format/frameworkFile';

const DOC = 'f0000000-0000-4000-8000-000000000000';
const u = (n: number) => `f0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const item = (n: number | string, extra: Record<string, unknown> = {}) => ({
  identifier: typeof n === 'number' ? u(n) : n,
  uri: `https://state.example/uri/${n}`,
  fullStatement: `Statement ${n}`,
  humanCodingScheme: `C${n}`,
  lastChangeDateTime: '2019-01-01T00:00:00Z',
  ...extra,
});
let k = 500;
const assoc = (type: string, from: string, to: string, extra: Record<string, unknown> = {}) => ({
  identifier: u(++k),
  associationType: type,
  uri: 'https://state.example/a',
  originNodeURI: { title: 'o', identifier: from, uri: `https://state.example/uri/${from}` },
  destinationNodeURI: { title: 'Destination Node', identifier: to, uri: `urn:std:${to}` },
  lastChangeDateTime: '2019-01-01T00:00:00Z',
  ...extra,
});

/** A foreign package: Grade 3 → Cluster A → (S1, S2 with sub-skill S3), a typed Domain, a non-UUID item. */
function foreign() {
  return {
    CFDocument: {
      identifier: DOC,
      uri: 'https://state.example/doc',
      creator: 'State DOE',
      title: 'State Math',
      lastChangeDateTime: '2019-01-01T00:00:00Z',
      adoptionStatus: 'Implemented',
      subjectURI: [{ title: 'Mathematics', identifier: u(990), uri: 'https://state.example/s' }],
      licenseURI: { title: 'CC BY', identifier: u(991), uri: 'https://state.example/l' },
    },
    CFItems: [
      item(1, { CFItemType: 'Grade' }),
      item(2, { CFItemType: 'Cluster' }),
      item(3, { educationLevel: ['3'] }),
      item(4, { alternativeLabel: 'I can add.', notes: 'n' }),
      item(5, { CFItemType: 'Sub-skill' }),
      item(6, { CFItemType: 'Domain' }),
      item('STATE.M.7', { CFItemType: 'Standard' }),
    ],
    CFAssociations: [
      assoc('isChildOf', u(1), DOC),
      assoc('isChildOf', u(2), u(1), { sequenceNumber: 1 }),
      assoc('isChildOf', u(4), u(2), { sequenceNumber: 2 }),
      assoc('isChildOf', u(3), u(2), { sequenceNumber: 1 }),
      assoc('isChildOf', u(5), u(3)),
      assoc('isChildOf', 'STATE.M.7', u(6)),
      assoc('precedes', u(3), u(4)),
      assoc('precedes', 'f0000000-0000-4000-8000-00000000ffff', u(3)), // from outside the package
      assoc('exactMatchOf', u(3), 'ccss-3-oa-1', { CFAssociationGroupingURI: { title: 'CCSS alignment', identifier: u(992), uri: 'https://state.example/g' } }),
      assoc('isRelatedTo', u(4), 'ccss-3-oa-2'),
      assoc('isRelatedTo', u(3), u(4)),
      assoc('exemplar', u(4), 'https://videos.example/1'),
    ],
    CFDefinitions: { CFLicenses: [{ identifier: u(991), uri: 'https://state.example/l', title: 'CC BY', licenseText: 'Creative Commons Attribution 4.0', lastChangeDateTime: '2019-01-01T00:00:00Z' }] },
  };
}

function mapped() {
  const r = readCasePackage(foreign());
  if (!r.ok) throw new Error(r.error.message);
  return { pkg: r.value.pkg, ...caseToFramework(r.value.pkg) };
}

describe('caseToFramework on a foreign package', () => {
  it('maps the document: status, subjects, licence, creator', () => {
    const { framework: fw } = mapped();
    expect(fw).toMatchObject({ id: DOC, title: 'State Math', creator: 'State DOE', status: 'adopted', subjects: ['Mathematics'], license: 'Creative Commons Attribution 4.0' });
    expect(fw.lastChangeDateTime).toBe('2019-01-01T00:00:00Z');
    expect(schemaCheckFramework(fw)).toEqual([]);
  });

  it('makes grouping items domains and the rest competencies in their nearest domain', () => {
    const { framework: fw } = mapped();
    expect(fw.domains.map((d) => [d.title, d.parentId])).toEqual([
      ['Statement 1', null],
      ['Statement 2', u(1)],
      ['Statement 6', null],
    ]);
    // Item 3 has a child but takes part in precedes: a competency. Its child 5 sits in domain 2.
    const comps = Object.values(fw.competencies);
    expect(comps.map((c) => c.code)).toEqual(['C3', 'C5', 'C4', 'CSTATE.M.7']); // tree order, siblings by sequenceNumber
    expect(fw.competencies[u(5)]!.domainId).toBe(u(2));
    expect(fw.competencies[u(4)]).toMatchObject({ iCan: 'I can add.', notes: 'n', domainId: u(2) });
    expect(fw.competencies[u(3)]!.educationLevels).toEqual(['03']);
    expect(fw.educationLevels).toEqual(['03']);
  });

  it('derives a UUID for an identifier that is not one, and says so', () => {
    const { framework: fw, notes } = mapped();
    const id = derivedId('case-identifier:STATE.M.7');
    expect(fw.competencies[id]!.domainId).toBe(u(6));
    expect(notes.join('\n')).toMatch(/1 identifier\(s\) are not UUIDs; UUID v5 ids derived/);
  });

  it('turns precedes into prerequisites and external matches into alignments grouped by set', () => {
    const { framework: fw } = mapped();
    expect([...fw.prerequisites.values()].map((l) => [l.from, l.to])).toEqual([[u(3), u(4)]]);
    const al = [...fw.alignments.values()];
    expect(al.map((a) => [a.competencyId, a.standardId, a.kind])).toEqual([
      [u(3), 'ccss-3-oa-1', 'exact'],
      [u(4), 'ccss-3-oa-2', 'related'],
    ]);
    const grouped = fw.standardsSets[u(992)]!;
    expect(grouped.title).toBe('CCSS alignment');
    expect(grouped.items['ccss-3-oa-1']).toMatchObject({ uri: 'urn:std:ccss-3-oa-1', statement: 'urn:std:ccss-3-oa-1' });
    const external = fw.standardsSets[derivedId(`external-references:${DOC}`)]!;
    expect(external.title).toBe('External references');
    expect(Object.keys(external.items)).toEqual(['ccss-3-oa-2']);
  });

  it('keeps every association the model cannot express, and exports it again unchanged', () => {
    const { framework: fw, pkg } = mapped();
    const kept = Object.values(fw.caseAssociations ?? {}).map((a) => `${a.associationType} ${a.origin.identifier} ${a.destination.identifier}`);
    expect(kept.sort()).toEqual(
      [
        `isChildOf ${u(5)} ${u(3)}`, // competency under a competency
        `precedes f0000000-0000-4000-8000-00000000ffff ${u(3)}`,
        `isRelatedTo ${u(3)} ${u(4)}`,
        `exemplar ${u(4)} https://videos.example/1`,
      ].sort(),
    );
    const out = exportCase(fw, { version: '1.1' });
    const keys = new Set(out.CFAssociations!.map((a) => `${a.associationType} ${a.originNodeURI.identifier} ${a.destinationNodeURI.identifier}`));
    const derived = (id: string) => (id === 'STATE.M.7' ? derivedId('case-identifier:STATE.M.7') : id);
    for (const a of pkg.CFAssociations!) {
      expect(keys.has(`${a.associationType} ${derived(a.originNodeURI.identifier)} ${derived(a.destinationNodeURI.identifier)}`), a.associationType).toBe(true);
    }
    // The competency under a competency is not also re-parented to its domain.
    expect(out.CFAssociations!.filter((a) => a.associationType === 'isChildOf' && a.originNodeURI.identifier === u(5))).toHaveLength(1);
  });

  it('drops a kept association on export when one of our ends no longer exists', () => {
    const { framework: fw } = mapped();
    delete fw.competencies[u(4)];
    const notes: string[] = [];
    const out = exportCase(fw, { version: '1.1', notes });
    expect(out.CFAssociations!.some((a) => a.associationType === 'exemplar')).toBe(false);
    expect(notes).toEqual(['2 kept CASE association(s) point at deleted items and were not exported']);
  });
});

describe('statusFromAdoption', () => {
  it('maps CASE adoption statuses case-insensitively', () => {
    expect(statusFromAdoption('Draft')).toBe('draft');
    expect(statusFromAdoption('IMPLEMENTED')).toBe('adopted');
    expect(statusFromAdoption('pending implementation')).toBe('adopted');
    expect(statusFromAdoption('Adopted')).toBe('adopted');
    expect(statusFromAdoption('Retired')).toBe('deprecated');
    expect(statusFromAdoption('deprecated')).toBe('deprecated');
    expect(statusFromAdoption('Sunset soon')).toBeUndefined();
  });
});

describe('caseReadToFramework when the mapped framework breaks the schema', () => {
  it('words the first problem (record and field, then the pointer) and keeps every problem in details', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { caseReadToFramework } = await import('../../../src-core/case/import');
    const read = readCasePackage(JSON.parse(readFileSync(join(__dirname, '../../fixtures/case/sample.case-1.1.json'), 'utf8')));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    // Damage the package past the reader (as a faulty extension could): every item's code a number.
    for (const item of read.value.pkg.CFItems ?? []) (item as { humanCodingScheme?: unknown }).humanCodingScheme = 7;
    const r = caseReadToFramework(read.value);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('case-mapping');
    expect(r.error.message).toMatch(/could not be turned into a valid framework: domain “[^”]+”: code must be a string \(\/framework\/domains\/0\/code\) \(and \d+ more\)/);
    expect(r.error.details!.length).toBeGreaterThan(1);
    expect(r.error.details!.every((p) => p.path?.startsWith('/framework/'))).toBe(true);
  });
});
