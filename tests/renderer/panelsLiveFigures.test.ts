import { freeze } from 'immer';
import { createElement, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { generateFramework } from '../../bench/generate';
import { computeCoverage } from '../../src-core/checks';
import { addAlignment, applyCommand, linkPrerequisite, reconnectPrerequisite, removeAlignments, unlinkPrerequisites, updateCompetency, updatePrerequisiteNote, type Command } from '../../src-core/commands';
import type { AlignmentId, CompetencyId, LinkId, StandardId, StandardsSetId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { validationOf } from '../../src-renderer/src/diagnostics/useDiagnostics';
import { competenciesByCode, linksOf, prerequisiteCandidates } from '../../src-renderer/src/inspector/prerequisiteCandidates';
import { CoveragePanel } from '../../src-renderer/src/panels/coverage/CoveragePanel';
import { progressionSummary, ProblemsPanel } from '../../src-renderer/src/panels/problems/ProblemsPanel';
import { alignmentsOf } from '../../src-renderer/src/panels/standards/AlignmentPicker';
import { StandardsPanel } from '../../src-renderer/src/panels/standards/StandardsPanel';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';
import { EditorContext } from '../../src-renderer/src/store/useEditor';
import { messyFramework } from '../unit/helpers/messyFramework';

// The side panels take coverage and the progression's headline numbers from the editor's live
// validation instead of computing them over the whole document again on every edit; the inspector's
// pickers keep their sorted list and link lists across edits. These tests check that what the panels
// show is what a computation from scratch gives, edit after edit.

const first = <T>(o: Record<string, T>): T => Object.values(o)[0]!;

function edits(fw: Framework): Command[] {
  const ids = Object.keys(fw.competencies) as CompetencyId[];
  const set = first(fw.standardsSets);
  const std = Object.keys(set.items).find((s) => ![...fw.alignments.values()].some((a) => a.standardId === s))! as StandardId;
  const someAlignment = [...fw.alignments.keys()][0]! as AlignmentId;
  const someLink = [...fw.prerequisites.keys()][0]! as LinkId;
  return [
    updateCompetency(ids[3]!, { statement: 'A new statement' }),
    addAlignment({ id: 'al-new' as AlignmentId, competencyId: ids[5]!, setId: set.id as StandardsSetId, standardId: std, kind: 'exact' }),
    removeAlignments([someAlignment]),
    unlinkPrerequisites([someLink]),
    linkPrerequisite({ id: 'l-new' as LinkId, from: ids[ids.length - 1]!, to: ids[0]! }),
    updateCompetency(ids[7]!, { code: 'AAA.1' }),
  ];
}

function render(fw: Framework, Panel: ComponentType): string {
  const store = createEditorStore({ framework: fw });
  return renderToString(createElement(EditorContext.Provider, { value: store }, createElement(Panel)));
}

const testId = (html: string, id: string) => html.match(new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`))?.[1];

describe('panels take their figures from the live validation', () => {
  it('coverage and the progression summary of the live validation equal a computation from scratch, edit after edit', () => {
    for (const cycles of [false, true]) {
      let fw = freeze(messyFramework(150, 3, cycles), true);
      const check = () => {
        const v = validationOf(fw);
        expect(v.coverage).toEqual(computeCoverage(structuredClone(fw)));
        const s = progressionSummary(fw);
        expect(v.summary).toMatchObject(s);
      };
      check();
      for (const cmd of edits(fw)) {
        const out = applyCommand(fw, cmd);
        if (!out.ok) continue;
        fw = out.framework;
        check();
      }
    }
  });

  it('the coverage panel shows the figures of the current document after an alignment is added and removed', () => {
    let fw = freeze(generateFramework({ competencies: 300, seed: 5, layout: false }), true);
    const show = () => {
      const html = render(fw, CoveragePanel);
      const cov = computeCoverage(structuredClone(fw))!;
      const sc = cov.sets[0]!;
      expect(testId(html, 'cov-covered')).toBe(String(sc.covered));
      expect(testId(html, 'cov-uncovered-count')).toBe(String(sc.uncovered.length));
      expect(html).toContain(`Competencies without alignment (<!-- -->${cov.unaligned.length}<!-- -->)`);
      return sc.covered;
    };
    const before = show();
    const set = first(fw.standardsSets);
    const uncovered = computeCoverage(fw)!.sets[0]!.uncovered[0]!;
    const c = Object.keys(fw.competencies)[0] as CompetencyId;
    const added = applyCommand(fw, addAlignment({ id: 'al-x' as AlignmentId, competencyId: c, setId: set.id as StandardsSetId, standardId: uncovered, kind: 'partial' }));
    if (!added.ok) throw new Error(added.error.message);
    fw = added.framework;
    expect(show()).toBe(before + 1);
    const removed = applyCommand(fw, removeAlignments(['al-x' as AlignmentId]));
    if (!removed.ok) throw new Error(removed.error.message);
    fw = removed.framework;
    expect(show()).toBe(before);
  });

  it('the problems panel shows the roots, leaves and longest chain of the current links', () => {
    let fw = freeze(generateFramework({ competencies: 200, seed: 9, layout: false }), true);
    const show = () => {
      const html = render(fw, ProblemsPanel);
      const s = progressionSummary(structuredClone(fw));
      expect([testId(html, 'stat-roots'), testId(html, 'stat-leaves'), testId(html, 'stat-chain')]).toEqual([String(s.roots), String(s.leaves), String(s.longestChain)]);
      return s.longestChain;
    };
    const chain = show();
    // a link from the end of the longest chain to a new competency-free spot: chain grows by one
    const s = progressionSummary(fw);
    const last = s.longestChainIds.at(-1)!;
    const leaf = Object.keys(fw.competencies).find((id) => id !== last && ![...fw.prerequisites.values()].some((l) => l.from === id || l.to === id || l.to === last)) ?? null;
    if (leaf) {
      const out = applyCommand(fw, linkPrerequisite({ id: 'l-chain' as LinkId, from: last, to: leaf as CompetencyId }));
      if (!out.ok) throw new Error(out.error.message);
      fw = out.framework;
      expect(show()).toBe(chain + 1);
    }
  });
});

describe('standards browser across edits', () => {
  it('shows how many standards have alignments, after alignment and competency edits and in a file with an alignment to a missing competency', () => {
    const make = () => generateFramework({ competencies: 200, seed: 4, layout: false });
    const alignedCount = (html: string) => Number(html.replace(/<!-- -->/g, '').match(/standards · (\d+) aligned/)?.[1]);
    const expected = (f: Framework) => new Set([...f.alignments.values()].filter((a) => f.competencies[a.competencyId]).map((a) => a.standardId)).size;
    let fw = freeze(make(), true);
    expect(alignedCount(render(fw, StandardsPanel))).toBe(expected(fw));
    const set = first(fw.standardsSets);
    const free = Object.keys(set.items).find((s) => ![...fw.alignments.values()].some((a) => a.standardId === s))! as StandardId;
    const ids = Object.keys(fw.competencies) as CompetencyId[];
    for (const cmd of [
      addAlignment({ id: 'al-y' as AlignmentId, competencyId: ids[0]!, setId: set.id as StandardsSetId, standardId: free, kind: 'exact' }),
      updateCompetency(ids[1]!, { statement: 'Changed' }),
      removeAlignments(['al-y' as AlignmentId]),
    ]) {
      const out = applyCommand(fw, cmd);
      if (!out.ok) throw new Error(out.error.message);
      fw = out.framework;
      expect(alignedCount(render(fw, StandardsPanel))).toBe(expected(fw));
    }
    // a file whose only alignment to some standard is from a competency that is not there
    const raw = make();
    const lone = [...raw.alignments.values()].find((a) => [...raw.alignments.values()].filter((b) => b.standardId === a.standardId).length === 1)!;
    delete raw.competencies[lone.competencyId];
    for (const a of [...raw.alignments.values()]) if (a.competencyId === lone.competencyId && a.id !== lone.id) raw.alignments.delete(a.id);
    let messy = freeze(raw, true);
    expect(alignedCount(render(messy, StandardsPanel))).toBe(expected(messy));
    const out = applyCommand(messy, updateCompetency(ids[2]!, { statement: 'Again' }));
    if (!out.ok) throw new Error(out.error.message);
    messy = out.framework;
    expect(alignedCount(render(messy, StandardsPanel))).toBe(expected(messy));
    expect(expected(messy)).toBe(expected(fw) - 1);
  });
});

describe('inspector pickers across edits', () => {
  it.each([
    ['a generated framework', () => generateFramework({ competencies: 150, seed: 2, layout: false })],
    ['a framework with duplicate codes and a competency stored under another key', () => messyFramework(120, 4, false)],
  ])('keep code order after statement edits, and sort again after a code edit (%s)', (_, make) => {
    let fw = freeze(make(), true);
    const fresh = (f: Framework) => Object.values(f.competencies).sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }));
    const ids = Object.keys(fw.competencies) as CompetencyId[];
    expect(competenciesByCode(fw.competencies)).toEqual(fresh(fw));
    for (const cmd of [updateCompetency(ids[2]!, { statement: 'Findme statement' }), updateCompetency(ids[9]!, { code: '0.first' }), updateCompetency(ids[9]!, { statement: 'again' })]) {
      const out = applyCommand(fw, cmd);
      if (!out.ok) throw new Error(out.error.message);
      fw = out.framework;
      const sorted = competenciesByCode(fw.competencies);
      expect(sorted.map((c) => c.id)).toEqual(fresh(fw).map((c) => c.id));
      // the current objects, not those of an earlier version
      const current = new Set(Object.values(fw.competencies));
      expect(sorted.every((c) => current.has(c))).toBe(true);
    }
    expect(prerequisiteCandidates(fw.competencies, ids[0]!, 'findme').options.map((c) => c.id)).toEqual([ids[2]]);
    expect(prerequisiteCandidates(fw.competencies, ids[0]!, 'AGAIN').options.map((c) => c.id)).toEqual([ids[9]]);
  });

  it('list the alignments of any competency, before and after alignment edits', () => {
    let fw = freeze(generateFramework({ competencies: 120, seed: 8, layout: false }), true);
    const ids = Object.keys(fw.competencies) as CompetencyId[];
    const set = first(fw.standardsSets);
    const check = () => {
      for (const id of ids.slice(0, 30)) expect(alignmentsOf(fw.alignments, id)).toEqual([...fw.alignments.values()].filter((a) => a.competencyId === id));
    };
    check();
    const std = Object.keys(set.items).find((s) => ![...fw.alignments.values()].some((a) => a.competencyId === ids[3] && a.standardId === s))! as StandardId;
    const added = applyCommand(fw, addAlignment({ id: 'al-z' as AlignmentId, competencyId: ids[3]!, setId: set.id as StandardsSetId, standardId: std, kind: 'related' }));
    if (!added.ok) throw new Error(added.error.message);
    fw = added.framework;
    expect(alignmentsOf(fw.alignments, ids[3]!).at(-1)?.id).toBe('al-z');
    check();
    const removed = applyCommand(fw, removeAlignments(['al-z' as AlignmentId]));
    if (!removed.ok) throw new Error(removed.error.message);
    fw = removed.framework;
    check();
  });

  it('list the links of any competency, before and after link edits', () => {
    let fw = freeze(messyFramework(80, 6, true), true);
    const ids = Object.keys(fw.competencies) as CompetencyId[];
    const naive = (f: Framework, id: string) => ({
      incoming: [...f.prerequisites.values()].filter((l) => l.to === id),
      outgoing: [...f.prerequisites.values()].filter((l) => l.from === id),
    });
    const check = () => {
      // the first question about a version, then others (the index), then the first again
      for (const id of [ids[1]!, ids[2]!, ids[40]!, ids[1]!]) expect(linksOf(fw.prerequisites, id)).toEqual(naive(fw, id));
    };
    check();
    // a new link (the first pair that makes no cycle), then its removal
    const link = ids
      .slice(40)
      .map((from) => applyCommand(fw, linkPrerequisite({ id: 'l-a' as LinkId, from, to: ids[1]! })))
      .find((out) => out.ok);
    if (!link?.ok) throw new Error('no link could be added');
    fw = link.framework;
    expect(linksOf(fw.prerequisites, ids[1]!).incoming.some((l) => l.id === 'l-a')).toBe(true);
    check();
    // a note, a reconnected link, the new link removed: each version as a fresh count has it
    const someLink = [...fw.prerequisites.values()].find((l) => l.to === ids[2]!) ?? [...fw.prerequisites.values()][0]!;
    const moved = ids.map((from) => reconnectPrerequisite(someLink.id, from, someLink.to)).find((cmd) => applyCommand(fw, cmd).ok)!;
    let applied = 0;
    for (const cmd of [updatePrerequisiteNote(someLink.id, 'Needs the number line first'), moved, unlinkPrerequisites(['l-a' as LinkId])]) {
      const out = applyCommand(fw, cmd);
      if (!out.ok) continue;
      applied++;
      fw = out.framework;
      check();
      for (const id of [someLink.from, someLink.to, ids[50]!, ids[51]!]) expect(linksOf(fw.prerequisites, id)).toEqual(naive(fw, id));
    }
    expect(applied, 'the note, at least one reconnection and the removal').toBeGreaterThanOrEqual(3);
    expect(linksOf(fw.prerequisites, someLink.to).incoming.find((l) => l.id === someLink.id)?.note).toBe('Needs the number line first');
    expect(linksOf(fw.prerequisites, ids[1]!).incoming.some((l) => l.id === 'l-a')).toBe(false);
    // and a document opened afresh
    const other = freeze(messyFramework(60, 9, false), true);
    const id = [...other.prerequisites.values()][0]!.to;
    expect(linksOf(other.prerequisites, id)).toEqual(naive(other, id));
  });
});
