import { describe, expect, it } from 'vitest';
import { CHECKS, validateFramework, type Diagnostic } from '../../src-core/checks';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import type { DomainId, PhaseId } from '../../src-core/model/ids';
import { FwBuilder } from './checksBuilder';

const of = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);
const codes = (ds: Diagnostic[]) => [...new Set(ds.map((d) => d.code))].sort();

describe('validateFramework: a sound framework', () => {
  it('reports nothing for a small well-formed progression', () => {
    const b = new FwBuilder().competencies('A', 'B', 'C').links('A>B', 'B>C');
    const r = validateFramework(b.fw);
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.cycles).toEqual([]);
    expect(r.coverage).toBeNull();
    expect(r.summary).toMatchObject({ competencies: 3, prerequisites: 2, acyclic: true, roots: 1, leaves: 1, isolated: 0, longestChain: 3, errors: 0 });
    expect(r.summary.longestChainIds).toEqual([b.id('A'), b.id('B'), b.id('C')]);
  });
  it('never changes the framework', () => {
    const b = new FwBuilder().competencies('A', 'B').links('A>B', 'B>A', 'A>A', 'A>ghost');
    const before = serializeFramework(b.fw);
    validateFramework(b.fw);
    expect(serializeFramework(b.fw)).toBe(before);
  });
});

describe('prerequisite checks', () => {
  it('prerequisite-cycle: names the whole loop by code, in order, as an error', () => {
    const b = new FwBuilder().competencies('A', 'B', 'C', 'D').links('A>B', 'B>C', 'C>A', 'C>D');
    const r = validateFramework(b.fw);
    const [d] = of(r.diagnostics, 'prerequisite-cycle');
    expect(d!.severity).toBe('error');
    expect(d!.message).toContain('A → B → C → A');
    expect(d!.ids).toEqual([b.id('A'), b.id('B'), b.id('C')]);
    expect(d!.path).toEqual([b.id('A'), b.id('B'), b.id('C'), b.id('A')]);
    expect(d!.links).toEqual([b.lid(1), b.lid(2), b.lid(3)]);
    expect(r.cycles).toEqual([{ members: d!.ids, path: d!.path, links: d!.links }]);
    expect(r.ok).toBe(false);
    expect(r.summary.acyclic).toBe(false);
  });
  it('prerequisite-cycle: one diagnostic per cyclic group, members beyond the loop listed too', () => {
    const b = new FwBuilder().competencies('A', 'B', 'C', 'X', 'Y').links('A>B', 'B>A', 'B>C', 'C>A', 'X>Y', 'Y>X');
    const r = validateFramework(b.fw);
    const ds = of(r.diagnostics, 'prerequisite-cycle');
    expect(ds).toHaveLength(2);
    expect(new Set(ds[0]!.ids)).toEqual(new Set([b.id('A'), b.id('B'), b.id('C')]));
    expect(ds[0]!.message).toMatch(/A → B → A.*C is caught in the same loop/);
  });
  it('self-link', () => {
    const b = new FwBuilder().competencies('A').link('A>A', 'self');
    const [d] = of(validateFramework(b.fw).diagnostics, 'self-link');
    expect(d).toMatchObject({ severity: 'error', ids: [b.id('A')], links: ['self'] });
    expect(d!.message).toContain('A is listed as its own prerequisite');
  });
  it('duplicate-link', () => {
    const b = new FwBuilder().competencies('A', 'B').link('A>B', 'one').link('A>B', 'two');
    const r = validateFramework(b.fw);
    expect(of(r.diagnostics, 'duplicate-link')).toEqual([
      expect.objectContaining({ severity: 'warning', ids: [b.id('A'), b.id('B')], links: ['one', 'two'] }),
    ]);
    expect(r.ok).toBe(true);
  });
  it('dangling-link', () => {
    const b = new FwBuilder().competencies('A').link('A>ghost', 'gone');
    const [d] = of(validateFramework(b.fw).diagnostics, 'dangling-link');
    expect(d).toMatchObject({ severity: 'error', ids: [b.id('A')], links: ['gone'] });
    expect(d!.message).toMatch(/from A.*does not exist.*ghost/);
  });
  it('isolated: only once the framework has a progression', () => {
    const b = new FwBuilder().competencies('A', 'B', 'Lone').links('A>B');
    const r = validateFramework(b.fw);
    expect(of(r.diagnostics, 'isolated')).toEqual([expect.objectContaining({ severity: 'info', ids: [b.id('Lone')] })]);
    expect(r.summary.isolated).toBe(1);
    expect(of(validateFramework(new FwBuilder().competencies('A', 'B').fw).diagnostics, 'isolated')).toEqual([]);
  });
  it('grade-regression: a grade-5 competency required for a grade-3 one', () => {
    const b = new FwBuilder().competency('G5', { educationLevels: ['05'] }).competency('G3', { educationLevels: ['03'] }).competency('G4', { educationLevels: ['04', '05'] });
    b.links('G5>G3', 'G5>G4');
    const ds = of(validateFramework(b.fw).diagnostics, 'grade-regression');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'warning', ids: [b.id('G5'), b.id('G3')] });
    expect(ds[0]!.message).toContain('G5 (Gr 5) is a prerequisite of G3 (Gr 3)');
  });
  it('redundant-link: A→B, B→C, A→C', () => {
    const b = new FwBuilder().competencies('A', 'B', 'C').link('A>B').link('B>C').link('A>C', 'short');
    const r = validateFramework(b.fw);
    const [d] = of(r.diagnostics, 'redundant-link');
    expect(d).toMatchObject({ severity: 'info', ids: [b.id('A'), b.id('C')], links: ['short'], path: [b.id('A'), b.id('B'), b.id('C')] });
    expect(d!.message).toContain('A → C is already implied by A → B → C');
    expect(r.summary.redundantLinksChecked).toBe(true);
    expect(of(validateFramework(b.fw, { redundantLinks: false }).diagnostics, 'redundant-link')).toEqual([]);
  });
});

describe('integrity checks', () => {
  it('dangling-alignment: missing competency, set or standard', () => {
    const b = new FwBuilder().competencies('A').standards('S', ['1']);
    b.align('A', 'S', 'nope').align('ghost', 'S', '1').align('A', 'Other', '1');
    const ds = of(validateFramework(b.fw).diagnostics, 'dangling-alignment');
    expect(ds.map((d) => d.severity)).toEqual(['error', 'error', 'error']);
    expect(ds.map((d) => d.message).join('\n')).toMatch(/standard that is not in “Set S”[\s\S]*competency that does not exist[\s\S]*standards set that is not in the framework/);
  });
  it('duplicate-alignment', () => {
    const b = new FwBuilder().competencies('A').standards('S', ['1']).align('A', 'S', '1').align('A', 'S', '1');
    expect(of(validateFramework(b.fw).diagnostics, 'duplicate-alignment')).toEqual([expect.objectContaining({ severity: 'warning', ids: [b.id('A')] })]);
  });
  it('duplicate-code', () => {
    const b = new FwBuilder().competencies('A', 'A', 'B');
    const ds = of(validateFramework(b.fw).diagnostics, 'duplicate-code');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.ids).toHaveLength(2);
    expect(ds[0]!.message).toContain('2 competencies share the code A');
  });
  it('duplicate-id: a record key that does not match the id inside', () => {
    const b = new FwBuilder().competencies('A');
    const c = b.fw.competencies[b.id('A')]!;
    b.fw.competencies.other = c;
    expect(of(validateFramework(b.fw).diagnostics, 'duplicate-id')).toEqual([expect.objectContaining({ severity: 'error', ids: ['other'] })]);
  });
  it('empty-statement and empty-code', () => {
    const b = new FwBuilder().competency('A', { statement: '  ' }).competency('', { statement: 'Reads a map' });
    const r = validateFramework(b.fw);
    expect(of(r.diagnostics, 'empty-statement')).toEqual([expect.objectContaining({ severity: 'error', ids: [b.id('A')] })]);
    const [d] = of(r.diagnostics, 'empty-code');
    expect(d!.severity).toBe('info');
    expect(d!.message).toContain('“Reads a map”');
  });
  it('no-domain and dangling-domain', () => {
    const b = new FwBuilder().competency('A', { domainId: null }).competency('B', { domainId: 'gone' as DomainId });
    const r = validateFramework(b.fw);
    expect(of(r.diagnostics, 'no-domain')).toEqual([expect.objectContaining({ severity: 'warning', ids: [b.id('A')] })]);
    expect(of(r.diagnostics, 'dangling-domain')).toEqual([expect.objectContaining({ severity: 'error', ids: [b.id('B')] })]);
  });
  it('unknown-education-level, with a suggestion when the code can be normalised', () => {
    const b = new FwBuilder().competency('A', { educationLevels: ['Grade 3', 'XX', '04'] });
    const ds = of(validateFramework(b.fw).diagnostics, 'unknown-education-level');
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('did you mean 03?'), expect.stringContaining('“XX”')]);
  });
  it('dangling-parent and domain-cycle', () => {
    const b = new FwBuilder().competencies('A');
    const [d0] = b.fw.domains;
    b.fw.domains.push({ ...d0!, id: 'd1' as DomainId, title: 'One', parentId: 'd2' as DomainId });
    b.fw.domains.push({ ...d0!, id: 'd2' as DomainId, title: 'Two', parentId: 'd1' as DomainId });
    b.fw.domains.push({ ...d0!, id: 'd3' as DomainId, title: 'Three', parentId: 'nowhere' as DomainId });
    const r = validateFramework(b.fw);
    expect(of(r.diagnostics, 'domain-cycle')).toEqual([expect.objectContaining({ severity: 'error', ids: ['d1', 'd2'] })]);
    expect(of(r.diagnostics, 'domain-cycle')[0]!.message).toContain('“One” → “Two” → “One”');
    expect(of(r.diagnostics, 'dangling-parent')).toEqual([expect.objectContaining({ ids: ['d3'] })]);
  });
  it('standards-cycle', () => {
    const b = new FwBuilder().competencies('A').standards('S', ['1<2', '2<1', '3']);
    expect(of(validateFramework(b.fw).diagnostics, 'standards-cycle')).toEqual([
      expect.objectContaining({ severity: 'error', ids: [b.std('S', '1'), b.std('S', '2')], target: 'standard' }),
    ]);
  });
});

describe('mastery completeness', () => {
  it('threshold-count: none, several, or no phases at all', () => {
    const none = new FwBuilder().competencies('A');
    for (const p of none.fw.phases) p.threshold = false;
    expect(of(validateFramework(none.fw).diagnostics, 'threshold-count')[0]!.message).toContain('No phase');
    const two = new FwBuilder().competencies('A');
    two.fw.phases[3]!.threshold = true;
    expect(of(validateFramework(two.fw).diagnostics, 'threshold-count')[0]!.message).toContain('2 threshold phases (Proficient, Advanced)');
    const empty = new FwBuilder();
    empty.fw.phases = [];
    expect(of(validateFramework(empty.fw).diagnostics, 'threshold-count')[0]!.severity).toBe('error');
  });
  it('threshold-undescribed: a warning while drafting, an error once adopted', () => {
    const b = new FwBuilder().competencies('A').competency('B', { phases: {} });
    const draft = of(validateFramework(b.fw).diagnostics, 'threshold-undescribed');
    expect(draft).toEqual([expect.objectContaining({ severity: 'warning', ids: [b.id('B')] })]);
    expect(draft[0]!.message).toContain('B has no descriptor and no performance indicator at Proficient');
    b.fw.status = 'adopted';
    const adopted = validateFramework(b.fw);
    expect(of(adopted.diagnostics, 'threshold-undescribed')[0]!.severity).toBe('error');
    expect(adopted.ok).toBe(false);
  });
  it('threshold-undescribed: a descriptor without an indicator is not enough', () => {
    const b = new FwBuilder().competencies('A');
    const t = b.fw.phases[2]!.id;
    b.competency('B', { phases: { [t]: { descriptor: 'ok', indicators: [] } } });
    expect(of(validateFramework(b.fw).diagnostics, 'threshold-undescribed')[0]!.message).toContain('no performance indicator');
  });
  it('threshold-undescribed: one finding when nothing is described yet', () => {
    const b = new FwBuilder().competency('A', { phases: {} }).competency('B', { phases: {} });
    const ds = of(validateFramework(b.fw).diagnostics, 'threshold-undescribed');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.ids).toHaveLength(2);
    expect(ds[0]!.message).toContain('None of the 2 competencies');
  });
  it('phase-order: a phase left blank between two described ones', () => {
    const b = new FwBuilder();
    const [p0, p1, p2] = b.fw.phases.map((p) => p.id);
    const d = (t: string) => ({ descriptor: t, indicators: [{ id: 'i' as never, text: t }] });
    b.competency('Gap', { phases: { [p0!]: d('x'), [p2!]: d('y') } });
    b.competency('Fine', { phases: { [p2!]: d('y') } });
    b.competency('Steps', { phases: { [p0!]: d('x'), [p1!]: d('x'), [p2!]: d('y') } });
    const ds = of(validateFramework(b.fw).diagnostics, 'phase-order');
    expect(ds).toEqual([expect.objectContaining({ severity: 'warning', ids: [b.id('Gap')] })]);
    expect(ds[0]!.message).toContain('describes Beginning and Proficient but not Developing');
  });
  it('unknown-phase', () => {
    const b = new FwBuilder().competencies('A');
    b.fw.competencies[b.id('A')]!.phases['old-phase' as PhaseId] = { descriptor: 'lost', indicators: [] };
    expect(of(validateFramework(b.fw).diagnostics, 'unknown-phase')).toEqual([expect.objectContaining({ ids: [b.id('A')] })]);
  });
});

describe('coverage', () => {
  it('counts leaf standards, lists uncovered ones and unaligned competencies', () => {
    const b = new FwBuilder().competencies('A', 'B', 'C').standards('S', ['G', '1<G', '2<G', '3<G']);
    b.align('A', 'S', '1').align('B', 'S', '1').align('B', 'S', '3');
    const r = validateFramework(b.fw);
    const cov = r.coverage!;
    expect(cov.sets[0]).toMatchObject({ basis: 'leaf', standards: 3, covered: 2, uncovered: [b.std('S', '2')] });
    expect(cov).toMatchObject({ standards: 3, covered: 2, uncovered: [b.std('S', '2')], unaligned: [b.id('C')] });
    expect(cov.ratio).toBeCloseTo(2 / 3);
    const [u] = of(r.diagnostics, 'uncovered-standards');
    expect(u).toMatchObject({ severity: 'warning', ids: [b.std('S', '2')], target: 'standard' });
    expect(u!.message).toBe('1 of the 3 leaf standards of “Set S” is not covered by any competency: 2.');
    expect(of(r.diagnostics, 'unaligned')).toEqual([expect.objectContaining({ severity: 'info', ids: [b.id('C')] })]);
  });
  it('counts the standards marked assessable when the set says which', () => {
    const b = new FwBuilder().competencies('A').standards('S', ['G', '1<G', '2<G'], { assessable: false });
    b.fw.standardsSets[b.sid('S')]!.items[b.std('S', 'G')]!.assessable = true;
    b.align('A', 'S', 'G');
    const s = validateFramework(b.fw).coverage!.sets[0]!;
    expect(s).toMatchObject({ basis: 'assessable', standards: 1, covered: 1, uncovered: [], ratio: 1 });
  });
  it('groups by standards domain and by grade level', () => {
    const b = new FwBuilder().competencies('A').standards('S', ['NF', '1<NF', '2<NF', 'OA', '3<OA']);
    const items = b.fw.standardsSets[b.sid('S')]!.items;
    items[b.std('S', 'NF')]!.itemType = 'Domain';
    items[b.std('S', 'OA')]!.itemType = 'Domain';
    items[b.std('S', '1')]!.educationLevels = ['03'];
    items[b.std('S', '2')]!.educationLevels = ['04'];
    items[b.std('S', '3')]!.educationLevels = ['03'];
    b.align('A', 'S', '1');
    const s = validateFramework(b.fw).coverage!.sets[0]!;
    expect(s.byGroup).toEqual([
      // a group is labelled by its code and statement: a group's code alone rarely says what it covers
      { key: b.std('S', 'NF'), label: 'NF Standard NF', standards: 2, covered: 1, ratio: 0.5 },
      { key: b.std('S', 'OA'), label: 'OA Standard OA', standards: 1, covered: 0, ratio: 0 },
    ]);
    expect(s.byLevel.map((l) => [l.key, l.standards, l.covered])).toEqual([
      ['03', 2, 1],
      ['04', 1, 0],
    ]);
  });
  it('measures an extra standards set given in the options, matching alignments by uri', () => {
    const b = new FwBuilder().competencies('A').standards('S', ['1', '2']).align('A', 'S', '1');
    const external = structuredClone(b.fw.standardsSets[b.sid('S')]!);
    external.id = 'EXT' as never;
    external.caseDocumentId = 'doc-1';
    b.fw.standardsSets[b.sid('S')]!.caseDocumentId = 'doc-1';
    // The external copy uses other ids for the same standards (same uris) and has one more.
    external.items = Object.fromEntries(
      Object.values(external.items).map((s) => [`x-${s.code}`, { ...s, id: `x-${s.code}` as never }]),
    );
    external.items['x-3'] = { ...external.items['x-1']!, id: 'x-3' as never, code: '3', uri: 'https://example.org/S/3' };
    const r = validateFramework(b.fw, { standardsSets: [external] });
    expect(r.coverage!.sets).toHaveLength(1);
    expect(r.coverage).toMatchObject({ standards: 3, covered: 1, uncovered: ['x-2', 'x-3'] });
  });
  it('reports per framework domain how many competencies are aligned', () => {
    const b = new FwBuilder().competencies('A', 'B').standards('S', ['1']).align('A', 'S', '1');
    expect(validateFramework(b.fw).coverage!.byDomain).toEqual([{ domainId: b.domainId, label: 'D Domain', competencies: 2, aligned: 1, ratio: 0.5 }]);
  });
});

describe('diagnostics', () => {
  it('come errors first, then warnings, then infos', () => {
    const b = new FwBuilder().competencies('A', 'B', 'Lone').link('A>B').link('A>B').link('B>A').competency('E', { statement: '' });
    const sev = validateFramework(b.fw).diagnostics.map((d) => d.severity);
    expect(sev).toEqual([...sev].sort((x, y) => ['error', 'warning', 'info'].indexOf(x) - ['error', 'warning', 'info'].indexOf(y)));
    expect(codes(validateFramework(b.fw).diagnostics)).toEqual(['duplicate-link', 'empty-statement', 'isolated', 'prerequisite-cycle']);
  });
  it('every check code has a severity and a title', () => {
    for (const [code, c] of Object.entries(CHECKS)) {
      expect(['error', 'warning', 'info'], code).toContain(c.severity);
      expect(c.title.length, code).toBeGreaterThan(5);
    }
  });
});

describe('docs/validation.md', () => {
  it('documents every check code with its usual severity', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const doc = readFileSync(join(import.meta.dirname, '../../docs/validation.md'), 'utf8');
    for (const [code, c] of Object.entries(CHECKS)) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${code}\` |`));
      expect(row, code).toBeDefined();
      expect(row!.split('|')[2], code).toContain(c.severity);
    }
  });
});
