import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createCompetency, createFramework } from '../../src-core/model/defaults';
import type { CompetencyId, LinkId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { PrerequisiteList } from '../../src-renderer/src/inspector/PrerequisiteList';
import { linkBlocks } from '../../src-core/graph/paths';
import { PICKER_LIMIT, prerequisiteCandidates } from '../../src-renderer/src/inspector/prerequisiteCandidates';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';
import { EditorContext } from '../../src-renderer/src/store/useEditor';

function framework(n: number): { fw: Framework; ids: CompetencyId[] } {
  const fw = createFramework({ title: 'Big' });
  const ids: CompetencyId[] = [];
  for (let i = 0; i < n; i++) {
    // codes out of order and numeric (M.10 after M.9), statements searchable
    const c = createCompetency({ code: `M.${n - i}`, statement: i % 500 === 0 ? `Compare fractions ${i}` : `Add numbers ${i}`, position: { x: i, y: 0 } });
    fw.competencies[c.id] = c;
    ids.push(c.id);
  }
  return { fw, ids };
}

function renderList(fw: Framework, id: CompetencyId): string {
  const store = createEditorStore({ framework: fw });
  const c = store.getSnapshot().doc.framework.competencies[id]!;
  return renderToString(createElement(EditorContext.Provider, { value: store }, createElement(PrerequisiteList, { competency: c })));
}

const optionCount = (html: string) => (html.match(/<option/g) ?? []).length;

describe('inspector prerequisite pickers', () => {
  it('offer every other competency, in numeric code order, in a small framework', () => {
    const { fw, ids } = framework(12);
    const html = renderList(fw, ids[0]!);
    // two pickers, each: placeholder + the 11 others
    expect(optionCount(html)).toBe(2 * 12);
    expect(html).not.toContain('Find a prerequisite');
    const codes = [...html.matchAll(/<option value="[^"]+">([^ <]+)/g)].map((m) => m[1]);
    expect(codes.slice(0, 11)).toEqual(['M.1', 'M.2', 'M.3', 'M.4', 'M.5', 'M.6', 'M.7', 'M.8', 'M.9', 'M.10', 'M.11']);
  });

  it('render no list of 5,000 options for a 5,000-competency framework: a search field instead', () => {
    const { fw, ids } = framework(5000);
    const html = renderList(fw, ids[1]!);
    expect(optionCount(html)).toBeLessThanOrEqual(2 * (PICKER_LIMIT + 2));
    expect(html).toContain('aria-label="Find a prerequisite"');
    expect(html).toContain('aria-label="Find a dependent"');
  });

  it('list what a competency requires and what it unlocks, and follow link edits', () => {
    const { fw, ids } = framework(4);
    const link = (from: number, to: number) => {
      const id = `l${from}${to}` as LinkId;
      fw.prerequisites.set(id, { id, from: ids[from]!, to: ids[to]!, note: '' });
    };
    link(1, 0);
    link(0, 2);
    link(0, 3);
    const html = renderList(fw, ids[0]!);
    expect(html).toMatch(/Requires \(<!-- -->1<!-- -->\)[\s\S]*Remove link with M\.3[\s\S]*Unlocks \(<!-- -->2<!-- -->\)[\s\S]*Remove link with M\.2[\s\S]*Remove link with M\.1/);
    const rest = new Map(fw.prerequisites);
    rest.delete('l03');
    const after = renderList({ ...fw, prerequisites: rest }, ids[0]!);
    expect(after).toMatch(/Unlocks \(<!-- -->1<!-- -->\)/);
    expect(after).not.toContain('Remove link with M.1');
  });

  it('search by code or statement, at most the limit, and say how many more matched', () => {
    const { fw, ids } = framework(5000);
    const all = prerequisiteCandidates(fw.competencies, ids[0]!, '');
    expect(all.options).toHaveLength(PICKER_LIMIT);
    expect(all.more).toBe(4999 - PICKER_LIMIT);
    expect(all.options.map((c) => c.code).slice(0, 3)).toEqual(['M.1', 'M.2', 'M.3']);
    expect(all.options.some((c) => c.id === ids[0])).toBe(false);

    const fractions = prerequisiteCandidates(fw.competencies, ids[0]!, '  compare FRACTIONS ');
    expect(fractions.options).toHaveLength(9); // i = 500, 1000, … 4500 (0 is the competency itself)
    expect(fractions.more).toBe(0);
    expect(prerequisiteCandidates(fw.competencies, ids[0]!, 'M.4999').options.map((c) => c.code)).toEqual(['M.4999']);
  });
});

describe('inspector pickers mark what cannot be linked', () => {
  /** A chain M.1 → M.2 → M.3 → M.4, and M.5 on its own. */
  function chain(): { fw: Framework; ids: CompetencyId[] } {
    const fw = createFramework({ title: 'Chain' });
    const ids: CompetencyId[] = [];
    for (let i = 1; i <= 5; i++) {
      const c = createCompetency({ code: `M.${i}`, statement: `Step ${i}`, position: { x: i * 300, y: 0 } });
      fw.competencies[c.id] = c;
      ids.push(c.id);
    }
    for (let i = 0; i < 3; i++) {
      const id = `link-${i}` as LinkId;
      fw.prerequisites.set(id, { id, from: ids[i]!, to: ids[i + 1]!, note: '' });
    }
    return { fw, ids };
  }

  it('linkBlocks: a prerequisite of M.2 cannot be M.3 or M.4 (a cycle) nor M.1 (linked); what M.2 unlocks cannot be M.1', () => {
    const { fw, ids } = chain();
    const [m1, m2, m3, m4, m5] = ids as [CompetencyId, CompetencyId, CompetencyId, CompetencyId, CompetencyId];
    const into = linkBlocks(fw, m2, 'in');
    expect(into.get(m1)).toBe('linked');
    expect(into.get(m3)).toBe('cycle');
    expect(into.get(m4)).toBe('cycle');
    expect(into.has(m5)).toBe(false);
    const from = linkBlocks(fw, m2, 'out');
    expect(from.get(m3)).toBe('linked');
    expect(from.get(m1)).toBe('cycle');
    expect(from.has(m4)).toBe(false); // M.2 → M.4 is redundant (implied by M.3) but not a cycle: allowed
    expect(from.has(m5)).toBe(false);
  });

  it('the pickers show them disabled, saying why', () => {
    const { fw, ids } = chain();
    const html = renderList(fw, ids[1]!);
    const disabled = [...html.matchAll(/<option value="[^"]+" disabled="">([^<]*(?:<!-- -->[^<]*)*)<\/option>/g)].map((m) => m[1]!.replace(/<!-- -->/g, ''));
    expect(disabled).toEqual(['M.1 Step 1 — linked already', 'M.3 Step 3 — would make a cycle', 'M.4 Step 4 — would make a cycle', 'M.1 Step 1 — would make a cycle', 'M.3 Step 3 — linked already']);
    // M.5 stays linkable in both
    expect((html.match(/<option value="[^"]+">M\.5</g) ?? []).length).toBe(2);
  });
});
