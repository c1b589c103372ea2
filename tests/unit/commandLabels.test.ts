import { describe, expect, it } from 'vitest';
import * as C from '../../src-core/commands';
import { createDomain, createFramework } from '../../src-core/model/defaults';
import { newId, type AlignmentId, type CommentId, type CompetencyId, type IndicatorId, type LinkId, type StandardId, type StandardsSetId } from '../../src-core/model/ids';
import { TestEditor } from './helpers/testEditor';

describe('undo labels name fields in the words the user saw, not property names', () => {
  it('a competency edit: "edit domain of A", "edit hours of A", "edit “I can” statement of A" …', () => {
    const ed = new TestEditor(createFramework({ title: 'T' }));
    const id = newId<CompetencyId>();
    const d = createDomain({ title: 'Geometry' });
    ed.run(C.addDomain(d));
    ed.run(C.addCompetency({ id, code: 'A', statement: 'S' }));
    const edits: [C.CompetencyPatch, string][] = [
      [{ domainId: d.id }, 'edit domain of A'],
      [{ estimatedHours: 3 }, 'edit hours of A'],
      [{ iCan: 'I can add' }, 'edit “I can” statement of A'],
      [{ educationLevels: ['03'] }, 'edit education levels of A'],
      [{ evidenceTypes: ['product'] }, 'edit evidence of mastery of A'],
      [{ notes: 'n' }, 'edit notes of A'],
      [{ statement: 'Adds', notes: 'm' }, 'edit details of A'],
    ];
    for (const [patch] of edits) expect(ed.run(C.updateCompetency(id, patch))).toBe(true);
    for (const [, label] of [...edits].reverse()) expect(ed.undo()).toBe(label);
  });

  it('a framework metadata edit: "edit framework education levels"', () => {
    const ed = new TestEditor(createFramework({ title: 'T' }));
    ed.run(C.updateFrameworkMeta({ educationLevels: ['03', '04'] }));
    ed.run(C.updateFrameworkMeta({ status: 'adopted' }));
    ed.run(C.updateFrameworkMeta({ title: 'X', license: 'CC-BY-4.0' }));
    expect(ed.undo()).toBe('edit framework details');
    expect(ed.undo()).toBe('edit framework status');
    expect(ed.undo()).toBe('edit framework education levels');
  });
});

describe('undo labels name what they undo (the competency, link, phase or set), briefly', () => {
  /** A framework with A and B (B needs A), a phase, a standards set with 3.NF.1 and A aligned to it. */
  function setup() {
    const ed = new TestEditor(createFramework({ title: 'T' }));
    const a = newId<CompetencyId>();
    const b = newId<CompetencyId>();
    ed.run(C.addCompetency({ id: a, code: 'MA.3.2', statement: 'S', position: { x: 0, y: 0 } }));
    ed.run(C.addCompetency({ id: b, code: 'MA.3.3', statement: 'T', position: { x: 300, y: 0 } }));
    const link = newId<LinkId>();
    ed.run(C.linkPrerequisite({ id: link, from: a, to: b }));
    const setId = newId<StandardsSetId>();
    const std = newId<StandardId>();
    ed.run(
      C.addStandardsSet({
        id: setId,
        title: 'Common Core State Standards for Mathematics, Grade 3 and Grade 4 (2010 edition)',
        source: '',
        version: '',
        caseDocumentId: '',
        caseDocumentUri: '',
        items: { [std]: { id: std, uri: '', code: '3.NF.1', statement: 'x', itemType: 'Standard', parentId: null, sequence: 0, educationLevels: [] } },
      }),
    );
    const al = newId<AlignmentId>();
    ed.run(C.addAlignment({ id: al, competencyId: a, setId, standardId: std, kind: 'exact' }));
    const phase = ed.fw.phases[1]!;
    return { ed, a, b, link, setId, al, phase };
  }
  const lastLabel = (ed: TestEditor) => ed.undoStack.at(-1)?.label;

  it('moving, nudging and pinning one competency name it', () => {
    const { ed, a, b } = setup();
    ed.run(C.moveCompetencies({ [a]: { x: 5, y: 5 } }));
    expect(lastLabel(ed)).toBe('move MA.3.2');
    ed.run(C.moveCompetencies({ [a]: { x: 15, y: 5 } }, 'nudge'));
    expect(lastLabel(ed)).toBe('nudge MA.3.2');
    ed.run(C.moveCompetencies({ [a]: { x: 15, y: 50 }, [b]: { x: 300, y: 50 } }, 'nudge'));
    expect(lastLabel(ed)).toBe('nudge 2 competencies');
    ed.run(C.setPinned([a], true));
    expect(lastLabel(ed)).toBe('pin MA.3.2');
    ed.run(C.setPinned([a, b], false));
    expect(lastLabel(ed)).toBe('unpin 2 competencies');
  });

  it('performance indicators name their phase and competency', () => {
    const { ed, a, phase } = setup();
    const i1 = newId<IndicatorId>();
    const i2 = newId<IndicatorId>();
    ed.run(C.addIndicator(a, phase.id, { id: i1, text: 'one' }));
    expect(lastLabel(ed)).toBe(`add ${phase.label} indicator to MA.3.2`);
    ed.run(C.addIndicator(a, phase.id, { id: i2, text: 'two' }));
    ed.run(C.updateIndicator(a, phase.id, i1, 'uno'));
    expect(lastLabel(ed)).toBe(`edit ${phase.label} indicator of MA.3.2`);
    ed.run(C.moveIndicator(a, phase.id, i2, 0));
    expect(lastLabel(ed)).toBe(`reorder ${phase.label} indicators of MA.3.2`);
    ed.run(C.removeIndicator(a, phase.id, i1));
    expect(lastLabel(ed)).toBe(`delete ${phase.label} indicator of MA.3.2`);
  });

  it('review comments name what they are on', () => {
    const { ed, a, link } = setup();
    const c1 = newId<CommentId>();
    const c2 = newId<CommentId>();
    const c3 = newId<CommentId>();
    const at = '2026-01-01T00:00:00Z';
    ed.run(C.addComment({ id: c1, target: { kind: 'competency', id: a }, author: 'R', text: 'x', createdAt: at, resolved: false }));
    expect(lastLabel(ed)).toBe('add comment on MA.3.2');
    ed.run(C.addComment({ id: c2, target: { kind: 'link', id: link }, author: 'R', text: 'x', createdAt: at, resolved: false }));
    expect(lastLabel(ed)).toBe('add comment on MA.3.2 → MA.3.3');
    ed.run(C.addComment({ id: c3, target: { kind: 'framework' }, author: 'R', text: 'x', createdAt: at, resolved: false }));
    expect(lastLabel(ed)).toBe('add comment on the framework');
    ed.run(C.updateComment(c1, { resolved: true }));
    expect(lastLabel(ed)).toBe('resolve comment on MA.3.2');
    ed.run(C.updateComment(c1, { resolved: false }));
    expect(lastLabel(ed)).toBe('reopen comment on MA.3.2');
    ed.run(C.updateComment(c2, { text: 'y' }));
    expect(lastLabel(ed)).toBe('edit comment on MA.3.2 → MA.3.3');
    ed.run(C.removeComment(c3));
    expect(lastLabel(ed)).toBe('delete comment on the framework');
  });

  it('a link note, an alignment and a standards set are named; a long set title is cut short', () => {
    const { ed, link, al, setId } = setup();
    ed.run(C.updatePrerequisiteNote(link, 'because'));
    expect(lastLabel(ed)).toBe('edit note of MA.3.2 → MA.3.3');
    ed.run(C.setAlignmentKind(al, 'partial'));
    expect(lastLabel(ed)).toBe('mark MA.3.2 → 3.NF.1 partial');
    ed.run(C.removeAlignments([al]));
    expect(lastLabel(ed)).toBe('remove alignment MA.3.2 → 3.NF.1');
    ed.run(C.removeStandardsSet(setId));
    expect(lastLabel(ed)).toBe('remove standards set “Common Core State Standards for Mathema…”');
    for (const l of ed.undoStack.map((e) => e.label)) expect(l.length, l).toBeLessThanOrEqual(64);
  });
});
