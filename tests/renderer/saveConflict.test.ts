import { describe, expect, it } from 'vitest';
import { addCompetency } from '../../src-core/commands';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import type { DocToken } from '../../src-core/host/contract';
import { createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId } from '../../src-core/model/ids';
import { saveDocument } from '../../src-renderer/src/app/documents';
import type { SaveConflict, SaveConflictChoice } from '../../src-renderer/src/app/saveConflict';
import { createMemoryHost } from '../../src-renderer/src/host/memoryHost';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

const TOKEN = 'mem:plan' as DocToken;

/** plan.json open with an unsaved edit; then a colleague's version lands on disk. */
async function conflict() {
  const host = createMemoryHost();
  const opened = createFramework({ title: 'Plan' });
  host.files.set(TOKEN, { name: 'plan.json', text: serializeFramework(opened) });
  const r = await host.openRecent({ docToken: TOKEN });
  if (!r.ok) throw new Error(r.error.message);
  const store = createEditorStore({ framework: opened, name: 'plan.json', docToken: TOKEN });
  store.run(addCompetency({ id: newId<CompetencyId>(), code: 'MINE.1' }));
  const theirs = serializeFramework(createFramework({ title: 'Colleague’s plan' }));
  host.files.get(TOKEN)!.text = theirs;
  const asked: SaveConflict[] = [];
  const answer = (choice: SaveConflictChoice) => async (c: SaveConflict) => (asked.push(c), choice);
  return { host, store, theirs, asked, answer };
}

describe('saving over a file someone else changed', () => {
  it('asks first; Cancel leaves their file and keeps my changes unsaved', async () => {
    const { host, store, theirs, asked, answer } = await conflict();
    expect(await saveDocument(store, host, { askConflict: answer('cancel') })).toBe(false);
    expect(asked).toEqual([expect.objectContaining({ name: 'plan.json', kind: 'changed' })]);
    expect(host.files.get(TOKEN)!.text).toBe(theirs);
    expect(store.getSnapshot().dirty).toBe(true);
    expect(store.getSnapshot().session.notice?.message).toMatch(/Not saved.*plan\.json/);
  });

  it('Replace writes my version over theirs', async () => {
    const { host, store, answer } = await conflict();
    expect(await saveDocument(store, host, { askConflict: answer('replace') })).toBe(true);
    expect(host.files.get(TOKEN)!.text).toContain('MINE.1');
    expect(store.getSnapshot().dirty).toBe(false);
  });

  it('Save As… keeps both: mine goes to a new file, theirs stays', async () => {
    const { host, store, theirs, answer } = await conflict();
    host.nextSaveAsName.push('plan (mine).json');
    expect(await saveDocument(store, host, { askConflict: answer('saveAs') })).toBe(true);
    expect(host.files.get(TOKEN)!.text).toBe(theirs);
    const s = store.getSnapshot();
    expect(s).toMatchObject({ dirty: false, doc: { name: 'plan (mine).json' } });
    expect(host.files.get(s.doc.docToken!)!.text).toContain('MINE.1');
  });

  it('a save with nobody else’s change does not ask', async () => {
    const host = createMemoryHost();
    const store = createEditorStore({ framework: createFramework({ title: 'Solo' }) });
    host.nextSaveAsName.push('solo.json');
    store.run(addCompetency({ id: newId<CompetencyId>(), code: 'A' }));
    const never = async () => {
      throw new Error('asked');
    };
    expect(await saveDocument(store, host, { askConflict: never })).toBe(true);
    store.run(addCompetency({ id: newId<CompetencyId>(), code: 'B' }));
    expect(await saveDocument(store, host, { askConflict: never })).toBe(true);
  });
});

describe('the browser’s download fallback', () => {
  it('says the map was handed to the browser to download (it may not have been kept), not that anything was saved', async () => {
    const mem = createMemoryHost();
    const host = { ...mem, kind: 'browser' as const, saveFileAs: async ({ suggestedName }: { suggestedName: string }) => ({ ok: true as const, value: { name: suggestedName, docToken: null } }) };
    const store = createEditorStore({ framework: createFramework({ title: 'Plan' }), name: 'plan.json', docToken: null });
    store.run(addCompetency({ id: newId<CompetencyId>(), code: 'A' }));
    expect(await saveDocument(store, host)).toBe(true);
    const message = store.getSnapshot().session.notice?.message;
    expect(message).toMatch(/browser was given plan\.json to download: check that it was kept/);
    expect(message).toMatch(/A file you opened is not changed/);
    expect(message).not.toMatch(/saved|downloaded/i);
  });
});

describe('Save As onto the document’s own file, changed meanwhile', () => {
  it('asks the same question; Replace saves back with overwrite', async () => {
    const { host, store, answer } = await conflict();
    const calls: string[] = [];
    const h = {
      ...host,
      saveFileAs: async () => (calls.push('saveAs'), { ok: false as const, error: { code: 'changed-on-disk', message: '"plan.json" was changed by another program.' } }),
      saveFile: async (req: Parameters<typeof host.saveFile>[0]) => (calls.push(`save overwrite=${req.overwrite}`), host.saveFile(req)),
    };
    expect(await saveDocument(store, h, { as: true, askConflict: answer('replace') })).toBe(true);
    expect(calls).toEqual(['saveAs', 'save overwrite=true']);
    expect(host.files.get(TOKEN)!.text).toContain('MINE.1');
  });
});

describe('Reload theirs', () => {
  it('drops my changes and loads the version on disk (the button says so); nothing is written', async () => {
    const { host, store, theirs, answer } = await conflict();
    expect(await saveDocument(store, host, { askConflict: answer('reload') })).toBe(false);
    expect(host.files.get(TOKEN)!.text).toBe(theirs);
    expect(store.getSnapshot()).toMatchObject({ dirty: false, doc: { framework: { title: 'Colleague’s plan' } } });
  });
});
