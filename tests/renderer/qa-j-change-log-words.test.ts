import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFramework } from '../../bench/generate';
import { changeLogMarkdown, diffFrameworks } from '../../src-core/progress/diff';
import { CompareView } from '../../src-renderer/src/features/learners/CompareView';
import { learnersStore } from '../../src-renderer/src/features/learners/learnersStore';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';
import { EditorContext } from '../../src-renderer/src/store/useEditor';

// QA (curriculum designer publishing release notes): the change log and the Compare panel named changed fields
// as the program does — "code, estimatedHours", "iCan, domainId, educationLevels", "Framework details changed:
// educationLevels" — in a document a district hands to teachers. They now read "estimated hours", "“I can”
// statement", "domain", "grade levels"; `progressions diff --json` keeps the field names.

const old = generateFramework({ competencies: 20, seed: 2, layout: false });
const now = structuredClone(old);
const [c] = Object.values(now.competencies);
c!.estimatedHours = 42;
c!.iCan = 'I can do something else.';
c!.domainId = now.domains.at(-1)!.id === c!.domainId ? now.domains[0]!.id : now.domains.at(-1)!.id;
c!.educationLevels = ['12'];
now.educationLevels = ['09', '10'];
now.domains[0]!.parentId = now.domains[1]!.id;

afterAll(() => learnersStore.set({ compare: null }));

describe('changed fields in words', () => {
  const diff = diffFrameworks(old, now);

  it('the diff itself (what --json prints) keeps the field names', () => {
    expect(diff.competencies.changed.find((x) => x.id === c!.id)!.fields).toEqual(['iCan', 'domainId', 'educationLevels', 'estimatedHours']);
    expect(diff.framework).toEqual(['educationLevels']);
  });

  it('the Markdown change log names them in words', () => {
    const md = changeLogMarkdown(old, now, diff);
    expect(md).toContain(': “I can” statement, domain, grade levels, estimated hours\n');
    expect(md).toContain('- grade levels changed');
    expect(md).toContain(': parent domain\n');
    expect(md).not.toMatch(/estimatedHours|domainId|educationLevels|iCan|parentId/);
  });

  it('the Compare panel too', () => {
    learnersStore.set({ compare: { name: 'old.json', framework: old, diff, against: now } });
    const html = renderToString(createElement(EditorContext.Provider, { value: createEditorStore({ framework: now }) }, createElement(CompareView, { fw: now }))).replace(/<!-- -->/g, '');
    expect(html).toContain('(“I can” statement, domain, grade levels, estimated hours)');
    expect(html).toContain('Framework details changed: grade levels.');
    expect(html).not.toMatch(/estimatedHours|domainId|parentId/);
  });
});
