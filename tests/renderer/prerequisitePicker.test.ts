import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createCompetency, createFramework } from '../../src-core/model/defaults';
import type { CompetencyId, LinkId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { PrerequisiteList } from '../../src-renderer/src/inspector/PrerequisiteList';
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
