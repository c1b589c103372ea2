import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { makeServices, manualTimers, manualWatch, sampleFramework, tempDir, writeDoc } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const W = 1;
const settle = () => new Promise((r) => setTimeout(r, 20));

async function setup() {
  const watch = manualWatch();
  const timers = manualTimers();
  const s = makeServices(dir, { watch, timers });
  const p = join(dir, 'plan.progressions');
  await writeDoc(p, sampleFramework('On disk'));
  await s.docs.openPath(W, p);
  /** Simulates the OS reporting a change in the folder, then the debounce running out. */
  const fire = async (name: string | null = 'plan.progressions') => {
    watch.fire(dir, name);
    timers.flush();
    await settle();
  };
  return { s, p, watch, timers, fire };
}

describe('external changes to the open file', () => {
  it('another app changing the file asks Reload / Keep mine; Reload sends the file’s new content', async () => {
    const { s, p, fire } = await setup();
    await fs.writeFile(p, serializeFramework(sampleFramework('Changed by a sync client', 3)) + '\n\n');
    s.dialogs.external.push('reload');
    await fire();
    expect(s.dialogs.calls).toContain('external:plan.progressions:changed:false');
    expect(s.events).toHaveLength(1);
    expect(s.events[0]).toMatchObject({ owner: W, event: { type: 'document-reloaded', document: { name: 'plan.progressions', framework: { title: 'Changed by a sync client' } } } });
    expect(s.docs.info(W)?.dirty).toBe(false);
  });

  it('Keep mine marks the document unsaved, so closing asks to save', async () => {
    const { s, p, fire } = await setup();
    await fs.writeFile(p, serializeFramework(sampleFramework('Theirs')) + ' ');
    s.dialogs.external.push('keep');
    await fire();
    expect(s.events[0]).toMatchObject({ event: { type: 'external-change-kept', change: 'changed' } });
    expect(s.docs.info(W)?.dirty).toBe(true);
  });

  it('the dialog says when the window has unsaved changes of its own', async () => {
    const { s, p, fire } = await setup();
    s.docs.setDirty(W, true);
    await fs.writeFile(p, 'changed');
    await fire();
    expect(s.dialogs.calls).toContain('external:plan.progressions:changed:true');
  });

  it('our own save is not reported as an external change', async () => {
    const { s, fire } = await setup();
    await s.docs.save(W, sampleFramework('Mine, longer title than before'));
    await fire();
    expect(s.dialogs.calls.filter((c) => c.startsWith('external'))).toEqual([]);
    expect(s.events).toEqual([]);
  });

  it('events for other files in the folder, or with nothing changed, are ignored', async () => {
    const { s, fire } = await setup();
    await fs.writeFile(join(dir, 'other.json'), '{}');
    await fire('other.json');
    await fire();
    expect(s.events).toEqual([]);
  });

  it('a deleted file is reported and the document kept as unsaved', async () => {
    const { s, p, fire } = await setup();
    await fs.unlink(p);
    await fire();
    expect(s.events[0]).toMatchObject({ event: { type: 'external-change-kept', change: 'removed' } });
    expect(s.docs.info(W)?.dirty).toBe(true);
  });

  it('closing the window stops watching', async () => {
    const { s, watch } = await setup();
    expect(watch.count()).toBe(1);
    await s.docs.detach(W, { discardJournal: true });
    expect(watch.count()).toBe(0);
  });
});
