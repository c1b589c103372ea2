import { describe, expect, it } from 'vitest';
import type { AlignmentId, DomainId, IndicatorId, LinkId, StandardId, StandardsSetId } from '../../../src-core/model/ids';
import type { Framework } from '../../../src-core/model/types';
import { changeLogMarkdown, diffFrameworks } from '../../../src-core/progress/diff';
import { idOf, makeFramework } from './helpers';

function base(): Framework {
  const fw = makeFramework([{ code: 'A' }, { code: 'B', after: ['A'] }, { code: 'C', after: ['B'] }], 'Fractions');
  fw.version = '1.0.0';
  const setId = 'set-1' as StandardsSetId;
  fw.standardsSets[setId] = {
    id: setId, title: 'CCSS Math', source: '', version: '', caseDocumentId: '', caseDocumentUri: '',
    items: { s1: { id: 's1' as StandardId, uri: '', code: '3.NF.A.1', statement: 'Understand a fraction', itemType: 'Standard', parentId: null, sequence: 1, educationLevels: ['03'] } },
  };
  const al = 'al-1' as AlignmentId;
  fw.alignments.set(al, { id: al, competencyId: idOf(fw, 'A'), setId, standardId: 's1' as StandardId, kind: 'exact' });
  return fw;
}

describe('diffFrameworks', () => {
  it('finds nothing between a framework and its copy', () => {
    const a = base();
    const d = diffFrameworks(a, structuredClone(a));
    expect(d.identical).toBe(true);
    expect(changeLogMarkdown(a, a, d)).toContain('No changes.');
  });

  it('key order never counts as a change; list order, a missing key and a changed nested value do', () => {
    const a = base();
    const id = idOf(a, 'B');
    const [p1, p2] = a.phases;
    a.competencies[id]!.phases = {
      [p1!.id]: { descriptor: 'Names unit fractions', indicators: [{ id: 'i1' as IndicatorId, text: 'names 1/4' }] },
      [p2!.id]: { descriptor: 'Builds fractions', indicators: [] },
    };
    const b = structuredClone(a);
    const c = b.competencies[id]!;
    // the same phases and the same competency, their keys written in another order (as another tool would)
    c.phases = Object.fromEntries(Object.entries(c.phases).reverse());
    b.competencies[id] = Object.fromEntries(Object.entries(c).reverse()) as typeof c;
    expect(diffFrameworks(a, b).identical).toBe(true);
    b.competencies[id]!.evidenceTypes = [...a.competencies[id]!.evidenceTypes, 'observation'];
    expect(diffFrameworks(a, b).competencies.changed).toEqual([{ id, fields: ['evidenceTypes'] }]);
    const e = structuredClone(a);
    e.competencies[id]!.evidenceTypes = ['test', 'performance-task'];
    const f = structuredClone(e);
    f.competencies[id]!.evidenceTypes = ['performance-task', 'test'];
    expect(diffFrameworks(e, f).competencies.changed).toEqual([{ id, fields: ['evidenceTypes'] }]);
    const g = structuredClone(a);
    g.competencies[id]!.phases[p1!.id]!.indicators[0]!.text = 'names 1/3';
    expect(diffFrameworks(a, g).competencies.changed).toEqual([{ id, fields: ['phases'] }]);
    const h = structuredClone(a);
    delete h.competencies[id]!.phases[p2!.id];
    expect(diffFrameworks(a, h).competencies.changed).toEqual([{ id, fields: ['phases'] }]);
  });

  it('lists added, removed and changed competencies with the fields that changed', () => {
    const a = base();
    const b = structuredClone(a);
    b.version = '1.1.0';
    const bId = idOf(a, 'B');
    b.competencies[bId]!.statement = 'New wording';
    b.competencies[bId]!.estimatedHours = 9;
    b.competencies[bId]!.position = { x: 500, y: 20 };
    delete b.competencies[idOf(a, 'C')];
    for (const [k, l] of b.prerequisites) if (l.to === idOf(a, 'C')) b.prerequisites.delete(k);
    const d2 = makeFramework([{ code: 'D' }]);
    const dNew = Object.values(d2.competencies)[0]!;
    b.competencies[dNew.id] = dNew;
    const d = diffFrameworks(a, b);
    expect(d.framework).toEqual(['version']);
    expect(d.competencies.added).toEqual([dNew.id]);
    expect(d.competencies.removed).toEqual([idOf(a, 'C')]);
    expect(d.competencies.changed).toEqual([{ id: bId, fields: ['statement', 'estimatedHours'] }]);
    expect(d.links.removed).toHaveLength(1);
    expect(diffFrameworks(a, b, { includeLayout: true }).competencies.changed[0]!.fields).toContain('position');
  });

  it('matches links by their ends when the id changed, and reports note changes', () => {
    const a = base();
    const b = structuredClone(a);
    const [oldId, link] = [...b.prerequisites][0]!;
    b.prerequisites.delete(oldId);
    b.prerequisites.set('new-link', { ...link, id: 'new-link' as LinkId, note: 'because' });
    const d = diffFrameworks(a, b);
    expect(d.links).toEqual({ added: [], removed: [], changed: [{ id: 'new-link', fields: ['note'] }] });
  });

  it('reports phase and alignment changes', () => {
    const a = base();
    const b = structuredClone(a);
    b.phases[0]!.label = 'Emerging';
    b.phases.reverse();
    b.phases.pop();
    b.alignments.get('al-1')!.kind = 'partial';
    const d = diffFrameworks(a, b);
    expect(d.phases.removed).toEqual([a.phases[0]!.id]);
    expect(d.phases.changed.map((c) => c.fields)).toEqual([['order'], ['order'], ['order']]);
    expect(d.alignments.changed).toEqual([{ id: 'al-1', fields: ['kind'] }]);
  });

  it('writes a Markdown change log naming competencies by code and statement', () => {
    const a = base();
    const b = structuredClone(a);
    b.version = '2.0.0';
    b.competencies[idOf(a, 'A')]!.statement = 'Partition *wholes* into equal parts';
    b.alignments.delete('al-1');
    const md = changeLogMarkdown(a, b);
    expect(md).toMatch(/^# Changes to Fractions\n\nFrom version 1\.0\.0 to version 2\.0\.0\./);
    expect(md).toContain('## Competencies\n\n### Changed (1)\n\n- **A** Partition \\*wholes\\* into equal parts: statement');
    expect(md).toContain('## Alignments\n\n### Removed (1)\n\n- **A** Statement of A ↔ 3.NF.A.1 (CCSS Math), exact');
    expect(md).toContain('## Framework\n\n- version changed');
  });

  it('reports domains added, removed, renamed and moved, and standards sets with what changed in them', () => {
    const a = makeFramework([{ code: 'A', domain: 'N' }, { code: 'B', domain: 'G' }, { code: 'C', domain: 'M' }], 'Fractions');
    const setId = 'set-1' as StandardsSetId;
    const std = (id: string, code: string) => ({ id: id as StandardId, uri: '', code, statement: code, itemType: 'Standard', parentId: null, sequence: 1, educationLevels: ['03'] });
    a.standardsSets[setId] = { id: setId, title: 'CCSS Math', source: '', version: '2010', caseDocumentId: '', caseDocumentUri: '', items: { s1: std('s1', '3.NF.1'), s2: std('s2', '3.NF.2') } };
    a.standardsSets['old-set'] = { ...a.standardsSets[setId]!, id: 'old-set' as StandardsSetId, title: 'Old set', items: {} };
    const b = structuredClone(a);
    const [n, g, m] = b.domains;
    n!.title = 'Number sense';
    b.domains = [g!, n!]; // M removed, G moved before N
    b.domains.push({ ...m!, id: 'new-domain' as DomainId, code: 'D', title: 'Data' });
    const set = b.standardsSets[setId]!;
    set.version = '2024';
    set.items.s2!.statement = 'Reworded';
    set.items.s3 = std('s3', '3.NF.3');
    delete set.items.s1;
    delete b.standardsSets['old-set'];

    const d = diffFrameworks(a, b);
    expect(d.domains.added).toEqual(['new-domain']);
    expect(d.domains.removed).toEqual([m!.id]);
    expect(d.domains.changed).toEqual([
      { id: g!.id, fields: ['order'] },
      { id: n!.id, fields: ['title', 'order'] },
    ]);
    expect(d.standardsSets).toEqual({ added: [], removed: ['old-set'], changed: [{ id: setId, fields: ['version', 'standards'] }] });
    expect(d.identical).toBe(false);

    const md = changeLogMarkdown(a, b, d);
    expect(md).toContain('## Domains\n\n### Added (1)\n\n- **D** Data\n');
    expect(md).toContain('### Changed (2)\n\n- **G** Domain G: order\n- **N** Number sense: title, order');
    expect(md).toContain('## Standards sets\n\n### Removed (1)\n\n- Old set (0 standards)\n\n### Changed (1)\n\n- CCSS Math (2 standards) — standards: 1 added, 1 removed, 1 changed: version, standards');

    // the same sets, the same standards in another object: no change
    const c = structuredClone(a);
    expect(diffFrameworks(a, c).identical).toBe(true);
  });
});
