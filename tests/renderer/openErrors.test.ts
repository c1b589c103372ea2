import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createFramework } from '../../src-core/model/defaults';
import { loadText } from '../../src-renderer/src/app/documents';
import { Notices } from '../../src-renderer/src/app/Notices';
import { createEditorStore, type EditorStore } from '../../src-renderer/src/store/editorStore';
import { EditorContext } from '../../src-renderer/src/store/useEditor';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/invalid', name), 'utf8');
const mine = () => createEditorStore({ framework: createFramework({ title: 'Mine' }) });
const shown = (store: EditorStore) => renderToString(createElement(EditorContext.Provider, { value: store }, createElement(Notices)));

describe('opening a file that breaks the schema', () => {
  it('keeps the current framework; the banner says how many problems and lists each in words, its pointer apart', () => {
    const store = mine();
    expect(loadText(store, fixture('schema-problems.json'), 'broken.json', null)).toBe(false);
    const s = store.getSnapshot();
    expect(s.doc.framework.title).toBe('Mine');
    expect(s.session.banner?.text).toBe('Could not open broken.json: it does not match the framework file format (7 problems).');
    expect(s.session.banner?.problems).toHaveLength(7);
    expect(s.session.banner?.problems?.[2]).toEqual({
      text: 'competency “NF.1” (“Name a unit fraction 1/b as one of b…”) — phase Proficient, indicator 1: text must be a string',
      path: '/framework/competencies/c0000000-0000-4000-8000-000000000001/phases/a0000000-0000-4000-8000-000000000003/indicators/0/text',
    });
  });

  it('all problems are kept for the list (the display shows 50 and how many more)', () => {
    const store = mine();
    loadText(store, fixture('schema-problems-many.json'), 'many.json', null);
    expect(store.getSnapshot().session.banner?.problems).toHaveLength(60);
    const html = shown(store);
    expect(html.match(/<li>/g)).toHaveLength(50);
    expect(html).toMatch(/data-testid="open-problems-more"[^>]*>… and <!-- -->10<!-- --> more problem<!-- -->s/);
    expect(html).toContain('Copy all 60 problems');
  });

  it('another banner after an open error shows its own line, never the list of the earlier one', () => {
    const store = mine();
    loadText(store, fixture('schema-problems.json'), 'broken.json', null);
    expect(shown(store)).toContain('data-testid="open-problems"');
    // e.g. a failed save, or a second open of broken JSON, while the problems of the first are shown
    store.setSession({ banner: { text: 'Could not save: the disk is full.' } });
    let html = shown(store);
    expect(html).toContain('Could not save: the disk is full.');
    expect(html).not.toContain('open-problems');
    expect(html).not.toContain('NF.1');
    loadText(store, fixture('schema-problems.json'), 'broken.json', null);
    loadText(store, '{\n  "format": ', 'broken.json', null);
    html = shown(store);
    expect(html).toMatch(/Could not open broken\.json: .*line 2, column 13/);
    expect(html).not.toContain('open-problems');
  });

  it('one problem, or broken JSON, is one line with no list (broken JSON by line and column)', () => {
    const store = mine();
    const one = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/frameworks/v1-minimal.json'), 'utf8'));
    one.framework.competencies['c0000000-0000-4000-8000-000000000002'].pinned = 'yes';
    loadText(store, JSON.stringify(one), 'one.json', null);
    expect(store.getSnapshot().session.banner).toEqual({
      text: 'Could not open one.json: The file does not match the framework format: competency “NF.2” (“Place a fraction a/b on a number line.”): pinned must be true or false (/framework/competencies/c0000000-0000-4000-8000-000000000002/pinned).',
    });
    expect(shown(store)).not.toContain('open-problems');
    loadText(store, '{\n  "format": ', 'broken.json', null);
    expect(store.getSnapshot().session.banner?.text).toMatch(/^Could not open broken\.json: .*line 2, column 13/);
  });
});
