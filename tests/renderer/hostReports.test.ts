import { describe, expect, it } from 'vitest';
import { addCompetency, updateCompetency } from '../../src-core/commands';
import type { DocToken } from '../../src-core/host/contract';
import { createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId } from '../../src-core/model/ids';
import { reportToHost } from '../../src-renderer/src/app/hostReports';
import { createMemoryHost } from '../../src-renderer/src/host/memoryHost';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

const fw = (title: string) => createFramework({ title });

describe('the page tells the host what it shows', () => {
  it('the document (token and name) when it changes, not on every edit', () => {
    const host = createMemoryHost();
    const store = createEditorStore({ framework: fw('A') });
    const reports = reportToHost(store, host);
    expect(host.shown).toEqual([{ docToken: null, name: 'Untitled framework' }]);
    store.run(addCompetency({ id: newId<CompetencyId>(), code: 'A.1' }));
    store.setSession({ banner: { text: 'hello' } });
    expect(host.shown).toHaveLength(1);
    store.load({ framework: fw('Plan'), name: 'plan.progressions', docToken: 't1' as DocToken });
    store.markSaved({ name: 'plan v2.progressions', docToken: 't2' as DocToken });
    expect(host.shown.slice(1)).toEqual([
      { docToken: 't1', name: 'plan.progressions' },
      { docToken: 't2', name: 'plan v2.progressions' },
    ]);
    reports.stop();
    store.load({ framework: fw('B'), name: 'b.json', docToken: null });
    expect(host.shown).toHaveLength(3);
  });

  it('a file that does not load changes nothing, so nothing is said', async () => {
    const host = createMemoryHost();
    const store = createEditorStore({ framework: fw('A'), name: 'a.progressions', docToken: 'ta' as DocToken });
    reportToHost(store, host);
    const { loadText } = await import('../../src-renderer/src/app/documents');
    expect(loadText(store, '{ "format": "progressions.framework", "formatVersion": 1, "framework": { "title": 42 } }', 'broken.progressions', 'tb' as DocToken)).toBe(false);
    expect(host.shown).toEqual([{ docToken: 'ta', name: 'a.progressions' }]);
  });

  it('Undo / Redo: the history’s labels, null when there is nothing; plain while a text field is edited', () => {
    const host = createMemoryHost();
    const store = createEditorStore({ framework: fw('A') });
    let typing = false;
    const reports = reportToHost(store, host, () => typing);
    const id = newId<CompetencyId>();
    store.run(addCompetency({ id, code: 'A.1' }));
    store.run(updateCompetency(id, { notes: 'n' }));
    store.undo();
    const snap = store.getSnapshot();
    expect(host.undoStates).toEqual([
      { undo: null, redo: null },
      { undo: expect.any(String), redo: null },
      { undo: expect.any(String), redo: null },
      { undo: snap.undoLabel, redo: snap.redoLabel },
    ]);
    expect(host.undoStates[2]!.undo).toBe('edit notes of A.1');
    typing = true;
    reports.refresh();
    expect(host.undoStates.at(-1)).toEqual({ undo: '', redo: '' });
    reports.refresh();
    store.setSession({ banner: null });
    expect(host.undoStates).toHaveLength(5);
  });
});
