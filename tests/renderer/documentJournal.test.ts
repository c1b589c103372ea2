import { describe, expect, it } from 'vitest';
import { generateFramework } from '../../bench/generate';
import { addCompetency, updateCompetency } from '../../src-core/commands';
import { loadFrameworkText, serializeFramework } from '../../src-core/format/frameworkFile';
import type { DocToken } from '../../src-core/host/contract';
import { newId, type CompetencyId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { documentJournal } from '../../src-renderer/src/app/documentJournal';
import { journalId, loadText, saveDocument } from '../../src-renderer/src/app/documents';
import type { JournalWrite } from '../../src-renderer/src/app/journalSchedule';
import { createMemoryHost } from '../../src-renderer/src/host/memoryHost';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

const ID = journalId; // the page's own id (a save clears it)

function setup(competencies = 300) {
  const host = createMemoryHost();
  const framework = generateFramework({ competencies, seed: 17, layout: false });
  host.files.set('mem:1' as DocToken, { name: 'map.json', text: serializeFramework(framework) });
  const store = createEditorStore({ framework, name: 'map.json', docToken: 'mem:1' as DocToken });
  const results: string[] = [];
  const journal = documentJournal(store, host, ID, (key, r) => results.push(r.ok ? 'ok' : `failed ${key}`));
  const edit = (code = `E${store.getSnapshot().doc.revision}`) => {
    const id = Object.keys(store.getSnapshot().doc.framework.competencies)[0] as CompetencyId;
    store.run(updateCompetency(id, { code }));
  };
  const journalled = () => host.journal.get(ID)?.text;
  /** One slice of a few chunks of work. */
  const slice = (w: JournalWrite, chunks = 3) => {
    let n = 0;
    return w.step(() => ++n >= chunks);
  };
  const toEnd = (w: JournalWrite) => {
    while (!w.step(() => false));
  };
  return { host, store, journal, edit, journalled, slice, toEnd, results };
}

/** The framework a recovery would open from journal text, with every record's order. */
function recovered(text: string | undefined): Framework {
  const r = loadFrameworkText(text ?? '');
  if (!r.ok) throw new Error(r.error.message);
  return r.value.framework;
}
function expectSame(a: Framework, b: Framework): void {
  expect(a).toEqual(b);
  expect(Object.keys(a.competencies)).toEqual(Object.keys(b.competencies));
  expect([...a.prerequisites.keys()]).toEqual([...b.prerequisites.keys()]);
  expect([...a.alignments.keys()]).toEqual([...b.alignments.keys()]);
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('what the recovery journal of the open document holds', () => {
  it('journals the unsaved document in slices: the text a save would write, which recovery opens as the same framework', async () => {
    const p = setup();
    expect(p.journal.pending()).toBe(false); // nothing unsaved
    p.edit();
    expect(p.journal.pending()).toBe(true);
    const w = p.journal.begin()!;
    let slices = 1;
    while (!p.slice(w)) {
      slices++;
      expect(p.journalled(), 'nothing reaches the journal before the text is whole').toBeUndefined();
    }
    expect(slices).toBeGreaterThan(5);
    const fw = p.store.getSnapshot().doc.framework;
    expect(p.journalled()).toBe(serializeFramework(fw));
    expectSame(recovered(p.journalled()), fw);
    expect(p.journal.pending()).toBe(false);
    expect(p.journal.begin(), 'the same state is not written twice').toBeNull();
    await settle();
    expect(p.results).toEqual(['ok']);

    // restoring it (the recovery offer's path) opens the journalled document, unsaved
    const other = createEditorStore({ framework: generateFramework({ competencies: 3, seed: 1, layout: false }) });
    expect(loadText(other, p.journalled()!, 'map.json', null, { dirty: true })).toBe(true);
    expectSame(other.getSnapshot().doc.framework, fw);
    expect(other.getSnapshot().dirty).toBe(true);
  });

  it('edits made while a write is under way: the journal gets the state the write began with, and the edits stay pending', () => {
    const p = setup();
    p.edit('FIRST');
    const began = p.store.getSnapshot().doc.framework;
    const w = p.journal.begin()!;
    p.slice(w);
    p.edit('SECOND');
    p.store.run(addCompetency({ id: newId<CompetencyId>(), code: 'NEW' }));
    p.toEnd(w);
    expectSame(recovered(p.journalled()), began);
    expect(p.journal.pending(), 'the newer edits are still to be journalled').toBe(true);
    p.toEnd(p.journal.begin()!);
    expectSame(recovered(p.journalled()), p.store.getSnapshot().doc.framework);
    expect(Object.values(recovered(p.journalled()).competencies).some((c) => c.code === 'NEW')).toBe(true);
    expect(p.journal.pending()).toBe(false);
  });

  it('undo back to the state being written while it is written: that state is journalled, nothing is left pending', () => {
    const p = setup();
    p.edit('A');
    const w = p.journal.begin()!;
    p.slice(w);
    p.edit('B');
    p.store.undo();
    p.toEnd(w);
    expect(Object.values(recovered(p.journalled()).competencies)[0]!.code).toBe('A');
    expect(p.journal.pending()).toBe(false);
  });

  it('a save while a write is under way: the write hands nothing over, and no journal comes back', async () => {
    const p = setup();
    p.edit();
    const w = p.journal.begin()!;
    p.slice(w);
    expect(await saveDocument(p.store, p.host)).toBe(true); // clears the journal itself
    p.toEnd(w);
    expect(p.journalled()).toBeUndefined();
    expect(p.journal.pending()).toBe(false);
    await settle();
    expect(p.host.journal.size).toBe(0);
  });

  it('a save and new edits while a write is under way: the write (of the saved state) hands nothing over; the new edits are journalled next', async () => {
    const p = setup();
    p.edit('OLD');
    p.toEnd(p.journal.begin()!); // the journal holds OLD
    p.edit('SAVED');
    const w = p.journal.begin()!;
    p.slice(w);
    expect(await saveDocument(p.store, p.host)).toBe(true);
    p.edit('AFTER');
    p.toEnd(w);
    expect(p.journalled(), 'the save cleared the journal; the write begun before it does not bring it back').toBeUndefined();
    expect(p.journal.pending()).toBe(true);
    p.toEnd(p.journal.begin()!);
    expect(Object.values(recovered(p.journalled()).competencies)[0]!.code).toBe('AFTER');
  });

  it('undo back to the saved state while a write is under way: nothing is written, and the journal left from before is cleared', async () => {
    const p = setup();
    p.edit('A');
    p.toEnd(p.journal.begin()!);
    p.edit('B');
    const w = p.journal.begin()!;
    p.slice(w);
    p.store.undo();
    p.store.undo(); // the saved state
    expect(p.store.getSnapshot().dirty).toBe(false);
    p.toEnd(w);
    expect(Object.values(recovered(p.journalled()).competencies)[0]!.code, 'the write of B did not land').toBe('A');
    expect(p.journal.pending(), 'the leftover journal is to be cleared').toBe(true);
    expect(p.journal.begin()).toBeNull();
    await settle();
    expect(p.journalled()).toBeUndefined();
    expect(p.journal.pending()).toBe(false);
  });

  it('another document opened while a write is under way: the old document’s text does not reach the journal', () => {
    const p = setup();
    p.edit();
    const w = p.journal.begin()!;
    p.slice(w);
    p.store.load({ framework: generateFramework({ competencies: 5, seed: 2, layout: false }), name: 'imported.json', docToken: null }, { dirty: true });
    p.toEnd(w);
    expect(p.journalled()).toBeUndefined();
    expect(p.journal.pending()).toBe(true);
    p.toEnd(p.journal.begin()!);
    expect(p.host.journal.get(ID)?.name).toBe('imported.json');
    expectSame(recovered(p.journalled()), p.store.getSnapshot().doc.framework);
  });

  it('finishing at once (page hidden): a fresh write, or one half done, journals the same text', () => {
    const p = setup();
    p.edit();
    const fresh = p.journal.begin()!;
    fresh.finish();
    const text = p.journalled();
    expect(text).toBe(serializeFramework(p.store.getSnapshot().doc.framework));
    p.edit();
    const half = p.journal.begin()!;
    p.slice(half);
    p.slice(half);
    half.finish();
    expect(p.journalled()).toBe(serializeFramework(p.store.getSnapshot().doc.framework));
    expect(half.step(() => false), 'a finished write is over').toBe(true);
  });

  it('a cancelled write hands nothing over', () => {
    const p = setup();
    p.edit();
    const w = p.journal.begin()!;
    p.slice(w);
    w.cancel();
    expect(w.step(() => false)).toBe(true);
    w.finish();
    expect(p.journalled()).toBeUndefined();
    expect(p.journal.pending()).toBe(true);
  });
});
