import { describe, expect, it } from 'vitest';
import { addCompetency, linkPrerequisite, updateCompetency } from '../../src-core/commands';
import { createDomain, createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId, type LinkId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { alignPositions } from '../../src-renderer/src/canvas/align/align';
import { copyClip, parseClip } from '../../src-renderer/src/canvas/clipboard/clip';
import { ARROW, createFlowDeriver, type CompetencyNode } from '../../src-renderer/src/canvas/flowModel';
import { focusSet } from '../../src-renderer/src/canvas/focus/focusSet';
import { laneGeometry } from '../../src-renderer/src/canvas/lanes/laneGeometry';
import { findCompetencies } from '../../src-renderer/src/canvas/search/findCompetencies';
import { pasteText } from '../../src-renderer/src/canvas/actions';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';
import { initialSession } from '../../src-renderer/src/store/session';

/** A chain A → B → C → D plus E (no links), A and B in domain "Number". */
function chain() {
  const domain = createDomain({ title: 'Number', code: 'NF' });
  const store = createEditorStore({ framework: createFramework({ domains: [domain] }) });
  const ids: Record<string, CompetencyId> = {};
  ['A', 'B', 'C', 'D', 'E'].forEach((code, i) => {
    ids[code] = newId<CompetencyId>();
    store.run(addCompetency({ id: ids[code]!, code, statement: `Statement about ${code === 'C' ? 'equivalent fractions' : 'unit fractions'}`, position: { x: i * 300, y: 0 }, domainId: i < 2 ? domain.id : null }));
  });
  for (const [a, b] of [['A', 'B'], ['B', 'C'], ['C', 'D']] as const) store.run(linkPrerequisite({ id: newId<LinkId>(), from: ids[a]!, to: ids[b]! }));
  return { store, ids, fw: () => store.getSnapshot().doc.framework, domain };
}
const noProblems = new Map();

describe('flow model (React Flow nodes/edges derived from the document)', () => {
  it('derives one node per competency and one arrowed edge per link, from prerequisite to dependent', () => {
    const { fw, ids } = chain();
    const { nodes, edges } = createFlowDeriver()({ framework: fw(), session: initialSession(), problems: noProblems });
    const comps = nodes.filter((n) => n.type === 'competency');
    expect(comps).toHaveLength(5);
    expect(edges).toHaveLength(3);
    expect(edges.find((e) => e.source === ids.A)?.target).toBe(ids.B);
    expect(edges.every((e) => e.markerEnd === ARROW)).toBe(true);
    expect(nodes.filter((n) => n.type === 'lane')).toHaveLength(1); // only "Number" has competencies
  });

  it('keeps node objects of unchanged competencies (memoised), replaces only the edited one', () => {
    const { store, fw, ids } = chain();
    const derive = createFlowDeriver();
    const s = initialSession();
    const before = derive({ framework: fw(), session: s, problems: noProblems }).nodes;
    store.run(updateCompetency(ids.C!, { statement: 'Changed' }));
    const after = derive({ framework: fw(), session: s, problems: noProblems }).nodes;
    const byId = (ns: typeof before, id: string) => ns.find((n) => n.id === id);
    expect(byId(after, ids.A!)).toBe(byId(before, ids.A!));
    expect(byId(after, ids.C!)).not.toBe(byId(before, ids.C!));
    expect((byId(after, ids.C!) as CompetencyNode).data.statement).toBe('Changed');
  });

  it('shows drag positions during a gesture without touching the document', () => {
    const { fw, ids } = chain();
    const s = { ...initialSession(), dragPositions: { [ids.A!]: { x: 5, y: 7 } } };
    const { nodes } = createFlowDeriver()({ framework: fw(), session: s, problems: noProblems });
    expect(nodes.find((n) => n.id === ids.A)?.position).toEqual({ x: 5, y: 7 });
    expect(fw().competencies[ids.A!]!.position).toEqual({ x: 0, y: 0 });
  });

  it('dims everything outside focus, and counts problems and phases for badges', () => {
    const { fw, ids } = chain();
    const s = { ...initialSession(), focus: { id: ids.B!, depth: 1 } };
    const problems = new Map([[ids.A!, { count: 2, severity: 'error' as const }]]);
    const { nodes, edges } = createFlowDeriver()({ framework: fw(), session: s, problems });
    const dim = (code: string) => (nodes.find((n) => n.id === ids[code]) as CompetencyNode).data.dimmed;
    expect(['A', 'B', 'C', 'D', 'E'].map(dim)).toEqual([false, false, false, true, true]);
    expect(edges.filter((e) => e.className === 'edge-dimmed')).toHaveLength(1);
    const a = nodes.find((n) => n.id === ids.A) as CompetencyNode;
    expect(a.data).toMatchObject({ problems: 2, problemSeverity: 'error', described: 0, phaseCount: 4 });
  });
});

describe('focus, search, align, lanes', () => {
  it('focus set follows prerequisites up and dependents down to the given depth', () => {
    const { fw, ids } = chain();
    const codes = (set: Set<string>) => Object.entries(ids).filter(([, id]) => set.has(id)).map(([c]) => c).sort();
    expect(codes(focusSet(fw(), ids.C!, 1))).toEqual(['B', 'C', 'D']);
    expect(codes(focusSet(fw(), ids.C!, 2))).toEqual(['A', 'B', 'C', 'D']);
    expect(codes(focusSet(fw(), ids.E!, 3))).toEqual(['E']);
  });

  it('search ranks exact code first, then code prefix, then text (all words must match)', () => {
    const { store, fw, ids } = chain();
    store.run(updateCompetency(ids.D!, { code: 'AB' }));
    expect(findCompetencies(fw(), 'a').map((c) => c.code).slice(0, 2)).toEqual(['A', 'AB']); // then text matches ("about")
    expect(findCompetencies(fw(), 'equivalent fractions').map((c) => c.code)).toEqual(['C']);
    expect(findCompetencies(fw(), 'fractions equivalent').map((c) => c.code)).toEqual(['C']);
    expect(findCompetencies(fw(), 'decimals')).toEqual([]);
  });

  it('aligns and distributes positions', () => {
    const pos = { a: { x: 0, y: 10 }, b: { x: 100, y: 50 }, c: { x: 40, y: 300 } };
    expect(alignPositions(pos, 'top')).toEqual({ a: { x: 0, y: 10 }, b: { x: 100, y: 10 }, c: { x: 40, y: 10 } });
    expect(alignPositions(pos, 'right')).toEqual({ a: { x: 100, y: 10 }, b: { x: 100, y: 50 }, c: { x: 100, y: 300 } });
    const d = alignPositions(pos, 'distribute-h');
    expect(d.a!.x).toBeLessThan(d.c!.x);
    expect(d.c!.x).toBeLessThan(d.b!.x);
    expect(d.c!.x - d.a!.x).toBe(d.b!.x - d.c!.x);
    expect(alignPositions({ a: { x: 1, y: 1 } }, 'left')).toEqual({});
  });

  it('lanes span the drawing along the flow and their domain across it', () => {
    const { fw, domain } = chain();
    const [lane] = laneGeometry(fw(), 'horizontal');
    expect(lane).toMatchObject({ domainId: domain.id, title: 'Number' });
    expect(lane!.x).toBeLessThan(0);
    expect(lane!.x + lane!.width).toBeGreaterThan(4 * 300 + 240); // the whole drawing
    expect(laneGeometry(fw(), 'none')).toEqual([]);
    const [col] = laneGeometry(fw(), 'vertical');
    expect(col!.width).toBeGreaterThan(300 + 240); // A and B side by side
  });
});

describe('copy and paste', () => {
  it('a clip carries the competencies and the links among them; paste re-ids and keeps internal links', () => {
    const { store, fw, ids } = chain();
    const text = copyClip(fw(), [ids.A!, ids.B!]);
    expect(parseClip(text)?.prerequisites).toHaveLength(1);
    expect(parseClip('{"hello":1}')).toBeNull();
    expect(parseClip('not json')).toBeNull();

    const other = createEditorStore({ framework: createFramework() });
    expect(pasteText(other, text)).toBe(true);
    const pasted: Framework = other.getSnapshot().doc.framework;
    const comps = Object.values(pasted.competencies);
    expect(comps.map((c) => c.code).sort()).toEqual(['A', 'B']);
    expect(comps.every((c) => !fw().competencies[c.id])).toBe(true); // new ids
    expect(comps.every((c) => c.domainId === null)).toBe(true); // the domain does not exist there
    const [link] = [...pasted.prerequisites.values()];
    expect(pasted.competencies[link!.from]!.code).toBe('A');
    expect(other.getSnapshot().session.selection.competencies).toHaveLength(2);
    expect(other.getSnapshot().undoLabel).toBe('paste 2 competencies');

    // Pasting into the same document offsets the copies, whose taken codes become "A (copy)".
    pasteText(store, text);
    const copies = Object.values(fw().competencies).filter((c) => c.code === 'A' || c.code === 'A (copy)');
    expect(copies.map((c) => c.code)).toEqual(['A', 'A (copy)']);
    expect(copies[1]!.position).not.toEqual(copies[0]!.position);
  });
});
