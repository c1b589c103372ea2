import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFramework } from '../../src-core/model/defaults';
import { loadText } from '../../src-renderer/src/app/documents';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/invalid', name), 'utf8');
const mine = () => createEditorStore({ framework: createFramework({ title: 'Mine' }) });

describe('opening a file that breaks the schema', () => {
  it('keeps the current framework; the banner says how many problems and lists each in words, its pointer apart', () => {
    const store = mine();
    expect(loadText(store, fixture('schema-problems.json'), 'broken.json', null)).toBe(false);
    const s = store.getSnapshot();
    expect(s.doc.framework.title).toBe('Mine');
    expect(s.session.banner).toBe('Could not open broken.json: it does not match the framework file format (7 problems).');
    expect(s.session.bannerDetails?.for).toBe(s.session.banner);
    expect(s.session.bannerDetails?.problems).toHaveLength(7);
    expect(s.session.bannerDetails?.problems[2]).toEqual({
      text: 'competency “NF.1” (“Name a unit fraction 1/b as one of b…”) — phase Proficient, indicator 1: text must be a string',
      path: '/framework/competencies/c0000000-0000-4000-8000-000000000001/phases/a0000000-0000-4000-8000-000000000003/indicators/0/text',
    });
  });

  it('all problems are kept for the list (the display shows 50 and how many more)', () => {
    const store = mine();
    loadText(store, fixture('schema-problems-many.json'), 'many.json', null);
    expect(store.getSnapshot().session.bannerDetails?.problems).toHaveLength(60);
  });

  it('one problem, or broken JSON, is one line with no list (broken JSON by line and column)', () => {
    const store = mine();
    const one = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/frameworks/v1-minimal.json'), 'utf8'));
    one.framework.competencies['c0000000-0000-4000-8000-000000000002'].pinned = 'yes';
    loadText(store, JSON.stringify(one), 'one.json', null);
    expect(store.getSnapshot().session.banner).toBe(
      'Could not open one.json: The file does not match the framework format: competency “NF.2” (“Place a fraction a/b on a number line.”): pinned must be true or false (/framework/competencies/c0000000-0000-4000-8000-000000000002/pinned).',
    );
    expect(store.getSnapshot().session.bannerDetails?.for).not.toBe(store.getSnapshot().session.banner);
    loadText(store, '{\n  "format": ', 'broken.json', null);
    expect(store.getSnapshot().session.banner).toMatch(/^Could not open broken\.json: .*line 2, column 13/);
  });
});
