import { describe, expect, it } from 'vitest';
import * as C from '../../src-core/commands';
import { createDomain, createFramework } from '../../src-core/model/defaults';
import { newId, type AlignmentId, type CommentId, type CompetencyId, type DomainId, type IndicatorId, type LinkId, type PhaseId, type StandardId, type StandardsSetId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { schemaCheckFramework } from '../../src-core/format/frameworkFile';
import { validateFramework } from '../../src-core/checks';
import { TestEditor } from './helpers/testEditor';

const cid = () => newId<CompetencyId>();
const lid = () => newId<LinkId>();

function editorWith(codes: string[]): { ed: TestEditor; ids: CompetencyId[] } {
  const ed = new TestEditor(createFramework({ title: 'T', lastChangeDateTime: '2025-01-01T00:00:00.000Z' }));
  const ids = codes.map((code, i) => {
    const id = cid();
    expect(ed.run(C.addCompetency({ id, code, statement: `Statement ${code}`, position: { x: i * 100, y: 0 } }))).toBe(true);
    return id;
  });
  return { ed, ids };
}

describe('competency commands', () => {
  it('adds, edits and deletes a competency, each one undoable', () => {
    const { ed, ids } = editorWith(['A']);
    expect(ed.fw.competencies[ids[0]!]!.code).toBe('A');
    ed.run(C.updateCompetency(ids[0]!, { statement: 'Adds fractions', estimatedHours: 3 }));
    expect(ed.fw.competencies[ids[0]!]!.statement).toBe('Adds fractions');
    ed.run(C.deleteCompetencies([ids[0]!]));
    expect(ed.fw.competencies[ids[0]!]).toBeUndefined();
    expect(ed.undo()).toBe('delete A');
    expect(ed.fw.competencies[ids[0]!]!.statement).toBe('Adds fractions');
    ed.undo();
    expect(ed.fw.competencies[ids[0]!]!.statement).toBe('Statement A');
    expect(schemaCheckFramework(ed.fw)).toEqual([]);
  });

  it('refuses bad edits and changes nothing', () => {
    const { ed, ids } = editorWith(['A']);
    const before = ed.fw;
    expect(ed.run(C.updateCompetency(ids[0]!, { estimatedHours: -2 }))).toBe(false);
    expect(ed.run(C.updateCompetency(ids[0]!, { domainId: newId<DomainId>() }))).toBe(false);
    expect(ed.run(C.addCompetency({ id: ids[0]! }))).toBe(false);
    expect(ed.run(C.updateCompetency(cid(), { code: 'X' }))).toBe(false);
    expect(ed.fw).toBe(before);
  });

  it('bumps lastChangeDateTime with an edit and restores it on undo; a no-op records nothing', () => {
    const { ed, ids } = editorWith(['A']);
    expect(ed.fw.lastChangeDateTime).toBe('2026-01-02T03:04:05.000Z');
    const depth = ed.undoStack.length;
    ed.run(C.moveCompetencies({ [ids[0]!]: { x: 0, y: 0 } }));
    expect(ed.undoStack.length).toBe(depth);
    while (ed.undo());
    expect(ed.fw.lastChangeDateTime).toBe('2025-01-01T00:00:00.000Z');
  });

  it('deleting a competency removes its links, alignments and comments', () => {
    const { ed, ids } = editorWith(['A', 'B', 'C']);
    const [a, b, c] = ids as [CompetencyId, CompetencyId, CompetencyId];
    const l1 = lid();
    ed.run(C.linkPrerequisite({ id: l1, from: a, to: b }));
    ed.run(C.linkPrerequisite({ id: lid(), from: b, to: c }));
    const setId = newId<StandardsSetId>();
    const stdId = 'std-1' as StandardId;
    ed.run(C.addStandardsSet({ id: setId, title: 'S', source: '', version: '', caseDocumentId: '', caseDocumentUri: '', items: { [stdId]: { id: stdId, uri: '', code: '3.NF.A.1', statement: 's', itemType: 'Standard', parentId: null, sequence: 1, educationLevels: ['03'] } } }));
    ed.run(C.addAlignment({ id: newId<AlignmentId>(), competencyId: b, setId, standardId: stdId, kind: 'exact' }));
    ed.run(C.addComment({ id: newId<CommentId>(), target: { kind: 'competency', id: b }, author: 'Ms R', text: 'Too broad?', createdAt: '2026-01-01T00:00:00Z', resolved: false }));
    ed.run(C.addComment({ id: newId<CommentId>(), target: { kind: 'link', id: l1 }, author: 'Ms R', text: 'Needed?', createdAt: '2026-01-01T00:00:00Z', resolved: false }));
    ed.run(C.deleteCompetencies([b]));
    expect(ed.fw.prerequisites.size).toBe(0);
    expect(ed.fw.alignments.size).toBe(0);
    expect(Object.keys(ed.fw.comments)).toHaveLength(0);
    ed.undo();
    expect(ed.fw.prerequisites.size).toBe(2);
    expect(ed.fw.alignments.size).toBe(1);
    expect(Object.keys(ed.fw.comments)).toHaveLength(2);
  });

  it('duplicates competencies with the links among them', () => {
    const { ed, ids } = editorWith(['A', 'B', 'C']);
    const [a, b, c] = ids as [CompetencyId, CompetencyId, CompetencyId];
    ed.run(C.linkPrerequisite({ id: lid(), from: a, to: b }));
    ed.run(C.linkPrerequisite({ id: lid(), from: b, to: c }));
    const na = cid();
    const nb = cid();
    expect(ed.run(C.duplicateCompetencies([{ sourceId: a, newId: na }, { sourceId: b, newId: nb }], { x: 20, y: 40 }))).toBe(true);
    // codes must be unique: a copy is not a duplicate-code error the moment it appears
    expect(ed.fw.competencies[na]!.code).toBe('A (copy)');
    expect(ed.fw.competencies[nb]!.code).toBe('B (copy)');
    const again = cid();
    expect(ed.run(C.duplicateCompetencies([{ sourceId: a, newId: again }], { x: 20, y: 40 }))).toBe(true);
    expect(ed.fw.competencies[again]!.code).toBe('A (copy 2)');
    const ofCopy = cid();
    expect(ed.run(C.duplicateCompetencies([{ sourceId: na, newId: ofCopy }], { x: 20, y: 40 }))).toBe(true);
    expect(ed.fw.competencies[ofCopy]!.code).toBe('A (copy 3)');
    expect(validateFramework(ed.fw).diagnostics.filter((d) => d.code === 'duplicate-code')).toEqual([]);
    expect(ed.fw.competencies[nb]!.position).toEqual({ x: 120, y: 40 });
    const links = [...ed.fw.prerequisites.values()];
    expect(links).toHaveLength(3);
    expect(links.some((l) => l.from === na && l.to === nb)).toBe(true);
  });

  it('pastes a clip from another document with new ids, internal links and matching phases only', () => {
    const src = editorWith(['A', 'B']);
    const [a, b] = src.ids as [CompetencyId, CompetencyId];
    src.ed.run(C.linkPrerequisite({ id: lid(), from: a, to: b }));
    const proficient = src.ed.fw.phases[2]!;
    src.ed.run(C.setPhaseDescriptor(a, proficient.id, 'Adds like fractions'));
    const clip: C.CompetencyClip = {
      competencies: [src.ed.fw.competencies[a]!, src.ed.fw.competencies[b]!],
      prerequisites: [...src.ed.fw.prerequisites.values()],
    };
    const dst = editorWith([]);
    const labels = Object.fromEntries(src.ed.fw.phases.map((p) => [p.id, p.label]));
    expect(dst.ed.run(C.pasteCompetencies(JSON.parse(JSON.stringify(clip)), { x: 0, y: 0 }, undefined, labels))).toBe(true);
    const pasted = Object.values(dst.ed.fw.competencies);
    expect(pasted.map((c) => c.code).sort()).toEqual(['A', 'B']);
    expect(pasted.every((c) => c.id !== a && c.id !== b)).toBe(true);
    const pa = pasted.find((c) => c.code === 'A')!;
    const dstProficient = dst.ed.fw.phases.find((p) => p.label === 'Proficient')!;
    expect(pa.phases[dstProficient.id]!.descriptor).toBe('Adds like fractions');
    expect(Object.keys(pa.phases)).toEqual([dstProficient.id]);
    expect(dst.ed.fw.prerequisites.size).toBe(1);
    expect(schemaCheckFramework(dst.ed.fw)).toEqual([]);
    // pasted again into the same document: the codes are taken now, so the copies get their own
    expect(dst.ed.run(C.pasteCompetencies(JSON.parse(JSON.stringify(clip)), { x: 0, y: 0 }, undefined, labels))).toBe(true);
    expect(Object.values(dst.ed.fw.competencies).map((c) => c.code).sort()).toEqual(['A', 'A (copy)', 'B', 'B (copy)']);
  });

  it('keeps an empty code empty when copying', () => {
    const { ed, ids } = editorWith(['']);
    const n = cid();
    expect(ed.run(C.duplicateCompetencies([{ sourceId: ids[0]! as CompetencyId, newId: n }], { x: 0, y: 0 }))).toBe(true);
    expect(ed.fw.competencies[n]!.code).toBe('');
  });
});

describe('prerequisite links', () => {
  it('links, and refuses self-links, duplicates and cycles naming the whole cycle', () => {
    const { ed, ids } = editorWith(['3.NF.A.1', '3.NF.A.2', '3.NF.A.3']);
    const [a, b, c] = ids as [CompetencyId, CompetencyId, CompetencyId];
    expect(ed.run(C.linkPrerequisite({ id: lid(), from: a, to: b }))).toBe(true);
    expect(ed.undoStack.at(-1)!.label).toBe('link 3.NF.A.1 → 3.NF.A.2');
    expect(ed.run(C.linkPrerequisite({ id: lid(), from: b, to: c }))).toBe(true);
    const before = ed.fw;
    expect(ed.run(C.linkPrerequisite({ id: lid(), from: c, to: a }))).toBe(false);
    expect(ed.lastError).toContain('3.NF.A.3 → 3.NF.A.1 → 3.NF.A.2 → 3.NF.A.3');
    expect(ed.run(C.linkPrerequisite({ id: lid(), from: a, to: a }))).toBe(false);
    expect(ed.lastError).toMatch(/itself/);
    expect(ed.run(C.linkPrerequisite({ id: lid(), from: a, to: b }))).toBe(false);
    expect(ed.lastError).toMatch(/already/);
    expect(ed.fw).toBe(before);
  });

  it('reconnects a link, ignoring the link being moved when checking for cycles', () => {
    const { ed, ids } = editorWith(['A', 'B', 'C']);
    const [a, b, c] = ids as [CompetencyId, CompetencyId, CompetencyId];
    const l = lid();
    ed.run(C.linkPrerequisite({ id: l, from: a, to: b }));
    // Reversing A → B into B → A is fine: the old link goes away.
    expect(ed.run(C.reconnectPrerequisite(l, b, a))).toBe(true);
    ed.run(C.linkPrerequisite({ id: lid(), from: a, to: c }));
    expect(ed.run(C.reconnectPrerequisite(l, c, b))).toBe(true);
    const l2 = [...ed.fw.prerequisites.values()].find((x) => x.from === a)!;
    // Links are now C → B (l) and A → C (l2). Moving l2 to B → C would close C → B → C.
    expect(ed.run(C.reconnectPrerequisite(l2.id, b, c))).toBe(false);
    expect(ed.lastError).toContain('B → C → B');
  });

  it('unlinks and edits notes', () => {
    const { ed, ids } = editorWith(['A', 'B']);
    const l = lid();
    ed.run(C.linkPrerequisite({ id: l, from: ids[0]!, to: ids[1]! }));
    ed.run(C.updatePrerequisiteNote(l, 'Needs number lines first'));
    expect(ed.fw.prerequisites.get(l)!.note).toBe('Needs number lines first');
    ed.run(C.unlinkPrerequisites([l]));
    expect(ed.undoStack.at(-1)!.label).toBe('unlink A → B');
    expect(ed.fw.prerequisites.get(l)).toBeUndefined();
    expect(ed.run(C.unlinkPrerequisites([l]))).toBe(false);
  });

  it('linkRefusal answers without a command (for the canvas while dragging)', () => {
    const { ed, ids } = editorWith(['A', 'B']);
    ed.run(C.linkPrerequisite({ id: lid(), from: ids[0]!, to: ids[1]! }));
    expect(C.linkRefusal(ed.fw, ids[1]!, ids[0]!)?.code).toBe('cycle');
    expect(C.linkRefusal(ed.fw, ids[0]!, ids[1]!)?.code).toBe('duplicate-link');
  });
});

describe('mastery phases and performance indicators', () => {
  it('edits descriptors and indicators (add, edit, reorder, delete)', () => {
    const { ed, ids } = editorWith(['A']);
    const a = ids[0]!;
    const p = ed.fw.phases[2]!.id;
    ed.run(C.setPhaseDescriptor(a, p, 'Places fractions on a number line'));
    const i1 = newId<IndicatorId>();
    const i2 = newId<IndicatorId>();
    ed.run(C.addIndicator(a, p, { id: i1, text: 'Places 3/4' }));
    ed.run(C.addIndicator(a, p, { id: i2, text: 'Explains why' }));
    ed.run(C.moveIndicator(a, p, i2, 0));
    expect(ed.fw.competencies[a]!.phases[p]!.indicators.map((i) => i.text)).toEqual(['Explains why', 'Places 3/4']);
    ed.run(C.updateIndicator(a, p, i1, 'Places 3/4 and 5/4'));
    ed.run(C.removeIndicator(a, p, i2));
    expect(ed.fw.competencies[a]!.phases[p]).toEqual({ descriptor: 'Places fractions on a number line', indicators: [{ id: i1, text: 'Places 3/4 and 5/4' }] });
    expect(ed.run(C.addIndicator(a, newId<PhaseId>(), { id: newId<IndicatorId>(), text: 'x' }))).toBe(false);
    expect(ed.undoStack.map((e) => e.label)).toContain('edit Proficient descriptor of A');
  });

  it('edits the scale: add, rename, reorder, threshold, and refuses removing the threshold', () => {
    const { ed, ids } = editorWith(['A']);
    const [beginning, , proficient] = ed.fw.phases as unknown as [{ id: PhaseId }, { id: PhaseId }, { id: PhaseId }];
    const extra = newId<PhaseId>();
    ed.run(C.addPhase({ id: extra, label: 'Emerging' }, 0));
    expect(ed.fw.phases.map((p) => p.label)).toEqual(['Emerging', 'Beginning', 'Developing', 'Proficient', 'Advanced']);
    expect(ed.run(C.removePhase(proficient.id))).toBe(false);
    expect(ed.lastError).toMatch(/threshold/);
    ed.run(C.setPhaseDescriptor(ids[0]!, beginning.id, 'Counts parts'));
    ed.run(C.removePhase(beginning.id));
    expect(ed.fw.competencies[ids[0]!]!.phases[beginning.id]).toBeUndefined();
    ed.run(C.setThresholdPhase(extra));
    expect(ed.fw.phases.filter((p) => p.threshold).map((p) => p.id)).toEqual([extra]);
    ed.run(C.movePhase(extra, 3));
    expect(ed.fw.phases[3]!.id).toBe(extra);
    ed.run(C.updatePhase(extra, { label: 'Secure' }));
    expect(ed.run(C.updatePhase(extra, { label: '  ' }))).toBe(false);
    ed.undo();
    ed.undo();
    ed.undo();
    ed.undo();
    expect(ed.fw.competencies[ids[0]!]!.phases[beginning.id]!.descriptor).toBe('Counts parts');
  });
});

describe('domains, metadata, standards, comments', () => {
  it('manages domains and refuses a domain loop', () => {
    const { ed, ids } = editorWith(['A']);
    const d1 = createDomain({ title: 'Fractions' });
    const d2 = createDomain({ title: 'Unit fractions', parentId: d1.id }, 1);
    ed.run(C.addDomain(d1));
    ed.run(C.addDomain(d2));
    ed.run(C.updateCompetency(ids[0]!, { domainId: d2.id }));
    expect(ed.run(C.updateDomain(d1.id, { parentId: d2.id }))).toBe(false);
    expect(ed.lastError).toMatch(/inside itself/);
    expect(ed.run(C.updateDomain(d1.id, { color: 'red' }))).toBe(false);
    ed.run(C.moveDomain(d2.id, 0));
    expect(ed.fw.domains.map((d) => d.title)).toEqual(['Unit fractions', 'Fractions']);
    ed.run(C.removeDomain(d1.id));
    expect(ed.fw.domains[0]!.parentId).toBeNull();
    ed.run(C.removeDomain(d2.id));
    expect(ed.fw.competencies[ids[0]!]!.domainId).toBeNull();
  });

  it('edits metadata and refuses an unknown status', () => {
    const { ed } = editorWith([]);
    ed.run(C.updateFrameworkMeta({ title: 'Fractions 3–5', status: 'adopted', subjects: ['Math'] }));
    expect(ed.fw.title).toBe('Fractions 3–5');
    expect(ed.run(C.updateFrameworkMeta({ status: 'published' as Framework['status'] }))).toBe(false);
  });

  it('aligns, refuses duplicate alignments, changes kind, removes a set with its alignments', () => {
    const { ed, ids } = editorWith(['A']);
    const setId = newId<StandardsSetId>();
    const s = 'a-std' as StandardId;
    ed.run(C.addStandardsSet({ id: setId, title: 'CCSS', source: '', version: '', caseDocumentId: '', caseDocumentUri: '', items: { [s]: { id: s, uri: '', code: '3.NF.A.1', statement: 'Understand a fraction 1/b', itemType: 'Standard', parentId: null, sequence: 1, educationLevels: ['03'] } } }));
    const al = newId<AlignmentId>();
    ed.run(C.addAlignment({ id: al, competencyId: ids[0]!, setId, standardId: s, kind: 'exact' }));
    expect(ed.undoStack.at(-1)!.label).toBe('align A to 3.NF.A.1');
    expect(ed.run(C.addAlignment({ id: newId<AlignmentId>(), competencyId: ids[0]!, setId, standardId: s, kind: 'partial' }))).toBe(false);
    ed.run(C.setAlignmentKind(al, 'partial'));
    expect(ed.fw.alignments.get(al)!.kind).toBe('partial');
    ed.run(C.removeStandardsSet(setId));
    expect(ed.fw.alignments.size).toBe(0);
  });

  it('adds, resolves and removes comments', () => {
    const { ed, ids } = editorWith(['A']);
    const id = newId<CommentId>();
    expect(ed.run(C.addComment({ id, target: { kind: 'competency', id: ids[0]! }, author: 'Sam', text: '  ', createdAt: '2026-01-01T00:00:00Z', resolved: false }))).toBe(false);
    ed.run(C.addComment({ id, target: { kind: 'competency', id: ids[0]! }, author: 'Sam', text: 'Can we say this simpler?', createdAt: '2026-01-01T00:00:00Z', resolved: false }));
    ed.run(C.updateComment(id, { resolved: true }));
    expect(ed.fw.comments[id]!.resolved).toBe(true);
    ed.run(C.removeComment(id));
    expect(ed.fw.comments).toEqual({});
  });
});

describe('history', () => {
  it('an undone command followed by a new command drops redo', () => {
    const { ed, ids } = editorWith(['A']);
    ed.run(C.updateCompetency(ids[0]!, { code: 'B' }));
    ed.undo();
    expect(ed.redoStack).toHaveLength(1);
    ed.run(C.updateCompetency(ids[0]!, { code: 'C' }));
    expect(ed.redoStack).toHaveLength(0);
    expect(ed.redo()).toBeUndefined();
    expect(ed.fw.competencies[ids[0]!]!.code).toBe('C');
  });
  it('undo then redo returns to an equal document', () => {
    const { ed, ids } = editorWith(['A', 'B']);
    ed.run(C.linkPrerequisite({ id: lid(), from: ids[0]!, to: ids[1]! }));
    const after = ed.fw;
    ed.undo();
    ed.redo();
    expect(ed.fw).toEqual(after);
  });
});
