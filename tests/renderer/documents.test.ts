import { afterEach, describe, expect, it, vi } from 'vitest';
import { addCompetency } from '../../src-core/commands';
import { loadFrameworkText, serializeFramework } from '../../src-core/format/frameworkFile';
import type { DocToken } from '../../src-core/host/contract';
import { createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId } from '../../src-core/model/ids';
import { openDocument, saveDocument, suggestedFileName } from '../../src-renderer/src/app/documents';
import { startup } from '../../src-renderer/src/app/startup';
import { createMemoryHost } from '../../src-renderer/src/host/memoryHost';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

function edited() {
  const store = createEditorStore({ framework: createFramework({ title: 'Grade 3 Fractions' }) });
  store.run(addCompetency({ id: newId<CompetencyId>(), code: '3.NF.1' }));
  return store;
}

describe('saving and opening through the host', () => {
  it('a new document saves with Save As (name from the title), later saves go back to the same file', async () => {
    const host = createMemoryHost();
    const store = edited();
    host.nextSaveAsName.push('fractions.json');
    expect(await saveDocument(store, host)).toBe(true);
    expect(store.getSnapshot()).toMatchObject({ dirty: false, doc: { name: 'fractions.json' } });
    const token = store.getSnapshot().doc.docToken!;
    expect(loadFrameworkText(host.files.get(token)!.text).ok).toBe(true);

    store.run(addCompetency({ id: newId<CompetencyId>(), code: '3.NF.2' }));
    expect(await saveDocument(store, host)).toBe(true); // no dialog needed (queue is empty)
    const saved = loadFrameworkText(host.files.get(token)!.text);
    expect(saved.ok && Object.keys(saved.value.framework.competencies)).toHaveLength(2);
    expect(suggestedFileName('Grade 3–5: Fractions!')).toBe('grade-3-5-fractions.json');
  });

  it('a failed save keeps the document dirty and says why; a cancelled Save As changes nothing', async () => {
    const host = createMemoryHost();
    const store = edited();
    expect(await saveDocument(store, host)).toBe(false); // cancelled
    expect(store.getSnapshot().dirty).toBe(true);
    expect(store.getSnapshot().session.banner).toBeNull();

    host.nextSaveAsName.push('x.json');
    host.failNextWrite = true;
    expect(await saveDocument(store, host)).toBe(false);
    expect(store.getSnapshot().dirty).toBe(true);
    expect(store.getSnapshot().session.banner?.text).toContain('disk is full');
  });

  it('opening a bad file keeps the current document and explains; a good one replaces it with clean history', async () => {
    const host = createMemoryHost();
    const store = createEditorStore({ framework: createFramework({ title: 'Mine' }) });
    host.nextOpen.push({ text: '{ "format": "progressions.framework", ', name: 'broken.json', docToken: null });
    await openDocument(store, host);
    expect(store.getSnapshot().doc.framework.title).toBe('Mine');
    expect(store.getSnapshot().session.banner?.text).toMatch(/Could not open broken.json: .*line/);

    const other = createFramework({ title: 'Theirs' });
    host.nextOpen.push({ text: serializeFramework(other), name: 'theirs.json', docToken: 'mem:9' as DocToken });
    await openDocument(store, host);
    expect(store.getSnapshot()).toMatchObject({ dirty: false, undoDepth: 0, doc: { name: 'theirs.json', docToken: 'mem:9', framework: { title: 'Theirs' } } });
  });
});

describe('startup', () => {
  afterEach(() => vi.unstubAllGlobals());
  const at = (url: string) => new URL(url) as unknown as Location;

  it('?open= loads a same-origin framework by URL', async () => {
    const fw = createFramework({ title: 'Published' });
    const fetch = vi.fn(async () => new Response(serializeFramework(fw), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const store = createEditorStore({ framework: createFramework() });
    await startup(store, at('http://host.test/viewer/index.html?open=frameworks/math.json'));
    expect(fetch).toHaveBeenCalledWith('http://host.test/viewer/frameworks/math.json');
    expect(store.getSnapshot().doc).toMatchObject({ name: 'math.json', framework: { title: 'Published' } });
  });

  it('refuses other origins and reports HTTP failures in the banner', async () => {
    const fetch = vi.fn(async () => new Response('nope', { status: 404, statusText: 'Not Found' }));
    vi.stubGlobal('fetch', fetch);
    const store = createEditorStore({ framework: createFramework() });
    await startup(store, at('http://host.test/?open=https://evil.test/x.json'));
    expect(fetch).not.toHaveBeenCalled();
    expect(store.getSnapshot().session.banner?.text).toContain('only frameworks and CASE packages on this site');
    await startup(store, at('http://host.test/?open=/missing.json'));
    expect(store.getSnapshot().session.banner?.text).toBe('Could not open missing.json: the server answered 404 Not Found.');
  });
});
