import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import type { SchemaProblem } from '../../src-core/format/schemaErrors';
import { createFramework } from '../../src-core/model/defaults';
import { runCaseImport } from '../../src-renderer/src/dialogs/import/caseImport';
import { CaseMappingProblems } from '../../src-renderer/src/dialogs/import/CaseMappingProblems';
import { loadComparisonFromText } from '../../src-renderer/src/features/learners/actions';
import { LearnersPanel } from '../../src-renderer/src/features/learners/LearnersPanel';
import { learnersStore } from '../../src-renderer/src/features/learners/learnersStore';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';
import { EditorContext } from '../../src-renderer/src/store/useEditor';

// The schema check of a CASE import runs on the framework the mapping made; a mapping that breaks the
// schema is a bug or damaged extension data, so the test stands in for it with the problems of a file.
const mapping = vi.hoisted(() => ({ problems: null as SchemaProblem[] | null }));
vi.mock('../../src-core/format/frameworkFile', async (original) => {
  const real = await original<typeof import('../../src-core/format/frameworkFile')>();
  return { ...real, schemaCheckFramework: (fw: Parameters<typeof real.schemaCheckFramework>[0]) => mapping.problems ?? real.schemaCheckFramework(fw) };
});

const root = join(import.meta.dirname, '../..');
const invalid = (name: string) => readFileSync(join(root, 'tests/fixtures/invalid', name), 'utf8');
const problemsOf = (name: string): SchemaProblem[] => {
  const r = loadFrameworkText(invalid(name));
  if (r.ok) throw new Error(`${name} should break the schema`);
  return r.error.details ?? [];
};
const items = (html: string) => html.match(/<li>/g)?.length ?? 0;

describe('a file with many schema problems lists them all, wherever it is read', () => {
  it('compare with another version: the learners panel says how many and lists them as the open-error banner does', () => {
    const fw = createFramework({ title: 'Mine' });
    expect(loadComparisonFromText(fw, invalid('schema-problems-many.json'), 'old.json')).toBe(false);
    const message = learnersStore.getSnapshot().message!;
    expect(message.text).toBe('old.json: it does not match the framework file format (60 problems).');
    expect(message.problems).toHaveLength(60);
    const store = createEditorStore({ framework: fw });
    const html = renderToString(createElement(EditorContext.Provider, { value: store }, createElement(LearnersPanel)));
    expect(html).toContain('data-testid="open-problems"');
    // the panel is narrow: the first 5, then "Show all"
    expect(items(html)).toBe(5);
    expect(html).toMatch(/Show all <!-- -->60<!-- --> problems/);
    expect(html).toContain('Copy all 60 problems');

    // the 7 problems of the other fixture, each where it is in words with its pointer apart
    loadComparisonFromText(fw, invalid('schema-problems.json'), 'old.json');
    expect(learnersStore.getSnapshot().message!.problems![2]).toEqual({
      text: 'competency “NF.1” (“Name a unit fraction 1/b as one of b…”) — phase Proficient, indicator 1: text must be a string',
      path: '/framework/competencies/c0000000-0000-4000-8000-000000000001/phases/a0000000-0000-4000-8000-000000000003/indicators/0/text',
    });
    // a later message carries no list of the earlier one
    loadComparisonFromText(fw, '{"nope": 1}', 'x.json');
    expect(learnersStore.getSnapshot().message!.problems).toBeUndefined();
  });

  it('CASE import to an invalid framework: the dialog keeps every problem of the mapped framework and lists them', () => {
    const text = readFileSync(join(root, 'tests/fixtures/case/sample.case-1.1.json'), 'utf8');
    mapping.problems = problemsOf('schema-problems-many.json');
    let r;
    try {
      r = runCaseImport(text, 'sample.json');
    } finally {
      mapping.problems = null;
    }
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const outcome = r.value.framework;
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.details).toHaveLength(60);
    // what crosses from the import worker to the dialog
    const html = renderToString(createElement(CaseMappingProblems, { error: structuredClone(outcome.error) }));
    expect(html).toContain('(60 problems)');
    expect(items(html)).toBe(50);
    expect(html).toMatch(/… and <!-- -->10<!-- --> more problem<!-- -->s/);
    expect(html).toContain('Copy all 60 problems');
    expect(html).toContain('aria-label="Problems in the framework mapped from the package"');
  });

  it('a CASE package whose mapping is valid shows no problem list', () => {
    const text = readFileSync(join(root, 'tests/fixtures/case/sample.case-1.1.json'), 'utf8');
    const r = runCaseImport(text, 'sample.json');
    expect(r.ok && r.value.framework.ok).toBe(true);
    expect(renderToString(createElement(CaseMappingProblems, { error: { code: 'case-mapping', message: 'x' } }))).toBe('');
  });
});
