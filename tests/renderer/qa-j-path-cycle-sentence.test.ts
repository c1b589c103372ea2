import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { generateFramework } from '../../bench/generate';
import { listNames } from '../../src-core/checks/text';
import type { LinkId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { suggestedSequence } from '../../src-core/progress/sequence';
import { PathView } from '../../src-renderer/src/features/learners/PathView';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';
import { EditorContext } from '../../src-renderer/src/store/useEditor';

// QA (curriculum designer, 2,500 competencies): one link drawn backwards put most of the map on a cycle, and the
// Path tab said "A prerequisite cycle keeps D1.01.2, D1.01.5, … out of any sequence" naming all 1,434 of them —
// a 24,000-character paragraph. It now counts them and names the first few.

const text = (fw: Framework) =>
  renderToString(createElement(EditorContext.Provider, { value: createEditorStore({ framework: fw }) }, createElement(PathView, { fw, status: null })))
    .replace(/<[^>]+>/g, '')
    .replace(/<!-- -->/g, '');

/** A generated map with a link from its last competency back to its first: most of it is on a cycle or behind one. */
function withBackLink(n: number): Framework {
  const fw = generateFramework({ competencies: n, seed: 4, layout: false });
  const comps = Object.values(fw.competencies);
  const first = comps.find((c) => [...fw.prerequisites.values()].some((l) => l.from === c.id))!;
  const reach = (from: string, seen = new Set<string>()): Set<string> => {
    for (const l of fw.prerequisites.values()) if (l.from === from && !seen.has(l.to)) reach(l.to, seen.add(l.to));
    return seen;
  };
  const last = [...reach(first.id)].at(-1)!;
  fw.prerequisites.set('back' as LinkId, { id: 'back' as LinkId, from: last as never, to: first.id, note: '' });
  return fw;
}

describe('the Path tab on a map with a prerequisite cycle', () => {
  it('counts what the cycle holds back and names the first eight, in one short sentence', () => {
    const fw = withBackLink(400);
    const held = suggestedSequence(fw).unreachable;
    expect(held.length).toBeGreaterThan(20);
    const out = text(fw);
    const code = (id: string) => fw.competencies[id]!.code;
    expect(out).toContain(`A prerequisite cycle keeps ${held.length} competencies out of any sequence: ${held.slice(0, 8).map(code).join(', ')} and ${held.length - 8} more. Fix the cycle (see the problems list).`);
    expect(out).not.toContain(code(held.at(-1)!));
  });

  it('listNames: one name alone, a few joined with "and", a long list cut at eight with the rest counted', () => {
    expect(listNames(['A.1'], (x) => x)).toBe('A.1');
    expect(listNames(['A.1', 'A.2', 'A.3'], (x) => x)).toBe('A.1, A.2 and A.3');
    expect(listNames(Array.from({ length: 1500 }, (_, i) => `C${i}`), (x) => x)).toBe('C0, C1, C2, C3, C4, C5, C6, C7 and 1,492 more');
  });
});
