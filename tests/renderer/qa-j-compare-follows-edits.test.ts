import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { applyCommand } from '../../src-core/commands/command';
import { addCompetency, updateCompetency } from '../../src-core/commands/competencies';
import { loadFrameworkText, serializeFramework } from '../../src-core/format/frameworkFile';
import type { CompetencyId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { exportChangeLog, loadComparisonFromText } from '../../src-renderer/src/features/learners/actions';
import { CompareView } from '../../src-renderer/src/features/learners/CompareView';
import { createLearnersStore, learnersStore } from '../../src-renderer/src/features/learners/learnersStore';
import { overlayCss, overlayInputOf } from '../../src-renderer/src/features/learners/overlay';
import { createMemoryHost } from '../../src-renderer/src/host/memoryHost';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';
import { EditorContext } from '../../src-renderer/src/store/useEditor';

// QA (curriculum designer): with a comparison to last year's version open, the designer went on editing — a new
// competency, a statement put back as it was. The Compare lists, the canvas colours and the exported change log
// still showed the framework as it was when the comparison was loaded: the new competency was missing from the
// change log, and the restored statement was still listed as changed.

const root = join(import.meta.dirname, '../..');
const loaded = loadFrameworkText(readFileSync(join(root, 'tests/fixtures/progress/fractions-mini.json'), 'utf8'));
if (!loaded.ok) throw new Error(loaded.error.message);
const fw = loaded.value.framework;
const id = (code: string) => Object.values(fw.competencies).find((c) => c.code === code)!.id;
const NEW = '11111111-2222-4333-8444-555555555555' as CompetencyId;

function edit(f: Framework, cmd: Parameters<typeof applyCommand>[1]): Framework {
  const r = applyCommand(f, cmd);
  if (!r.ok) throw new Error(r.error.message);
  return r.framework;
}

/** The older version: NF.1 worded otherwise. */
const older = structuredClone(fw);
older.competencies[id('NF.1')]!.statement = 'Old wording';

const g = globalThis as { window?: unknown };
afterEach(() => {
  delete g.window;
  learnersStore.set({ compare: null });
});

describe('a comparison follows edits made while it is open', () => {
  const store = createLearnersStore();
  expect(loadComparisonFromText(fw, serializeFramework(older), 'last-year.json', store)).toBe(true);
  // the designer adds a competency, then puts NF.1's statement back as it was last year
  const added = edit(fw, addCompetency({ id: NEW, code: 'NF.9', statement: 'A new one' }));
  const restored = edit(added, updateCompetency(id('NF.1'), { statement: 'Old wording' }));

  it('the canvas colours the new competency as added and no longer the restored one as changed', () => {
    const css = overlayCss(overlayInputOf(restored, { ...store.getSnapshot(), showDiff: true })!);
    expect(css).toContain(`[data-id="${NEW}"] .cnode { outline: 3px solid #2b8a3e`);
    expect(css).not.toContain(`[data-id="${id('NF.1')}"]`);
    // and before the edits, as loaded
    const before = overlayCss(overlayInputOf(fw, { ...store.getSnapshot(), showDiff: true })!);
    expect(before).toContain(`[data-id="${id('NF.1')}"] .cnode { outline: 3px solid #e67700`);
    expect(before).not.toContain(NEW);
  });

  it('the Compare lists count and name the competencies as they are now', () => {
    learnersStore.set({ compare: store.getSnapshot().compare });
    const html = renderToString(createElement(EditorContext.Provider, { value: createEditorStore({ framework: restored }) }, createElement(CompareView, { fw: restored })));
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain('Competencies: 1 added, 0 removed, 0 changed');
    expect(text).toContain('NF.9 A new one');
  });

  it('the exported change log lists the new competency, not the restored statement', async () => {
    const host = createMemoryHost();
    g.window = { host };
    await exportChangeLog(restored, store);
    const log = host.exports.at(-1)!.text;
    expect(log).toContain('NF.9');
    expect(log).not.toMatch(/NF\.1\b[^\n]*statement/);
  });
});
