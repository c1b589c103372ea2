import { describe, expect, it } from 'vitest';
import { addCompetency } from '../../src-core/commands';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import type { DocToken } from '../../src-core/host/contract';
import { createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId } from '../../src-core/model/ids';
import { fileChangedOnDisk } from '../../src-renderer/src/app/documents';
import { createMemoryHost } from '../../src-renderer/src/host/memoryHost';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

const TOKEN = 'mem:plan' as DocToken;

function opened() {
  const host = createMemoryHost();
  const fw = createFramework({ title: 'Mine' });
  host.files.set(TOKEN, { name: 'plan.json', text: serializeFramework(fw) });
  const store = createEditorStore({ framework: fw, name: 'plan.json', docToken: TOKEN });
  return { host, store };
}

describe('the open file changed or removed by another program', () => {
  it('Keep mine leaves the document unsaved, so closing asks (the version on disk is no longer mine)', async () => {
    const { host, store } = opened();
    host.files.get(TOKEN)!.text = serializeFramework(createFramework({ title: 'Theirs' }));
    const questions: string[] = [];
    await fileChangedOnDisk(store, host, { docToken: TOKEN, name: 'plan.json', change: 'changed' }, (q) => (questions.push(q), false));
    expect(questions[0]).toMatch(/plan\.json was changed by another program/);
    expect(store.getSnapshot()).toMatchObject({ dirty: true, doc: { framework: { title: 'Mine' } } });
  });

  it('Reload brings their version in', async () => {
    const { host, store } = opened();
    host.files.get(TOKEN)!.text = serializeFramework(createFramework({ title: 'Theirs' }));
    await fileChangedOnDisk(store, host, { docToken: TOKEN, name: 'plan.json', change: 'changed' }, () => true);
    expect(store.getSnapshot()).toMatchObject({ dirty: false, doc: { framework: { title: 'Theirs' } } });
  });

  it('a moved or deleted file is not offered a reload that cannot work: the user is told, and the document is unsaved', async () => {
    const { host, store } = opened();
    store.run(addCompetency({ id: newId<CompetencyId>(), code: 'A' }));
    host.files.delete(TOKEN);
    const questions: string[] = [];
    await fileChangedOnDisk(store, host, { docToken: TOKEN, name: 'plan.json', change: 'removed' }, (q) => (questions.push(q), true));
    expect(questions).toEqual([]);
    const s = store.getSnapshot();
    expect(s.dirty).toBe(true);
    expect(Object.keys(s.doc.framework.competencies)).toHaveLength(1);
    expect(s.session.banner?.text).toMatch(/plan\.json was moved or deleted.*still open here.*Save As/);
  });

  it('an event for another document is ignored', async () => {
    const { host, store } = opened();
    await fileChangedOnDisk(store, host, { docToken: 'mem:other' as DocToken, name: 'other.json', change: 'removed' }, () => true);
    expect(store.getSnapshot()).toMatchObject({ dirty: false });
    expect(store.getSnapshot().session.banner).toBeNull();
  });
});
