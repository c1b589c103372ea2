import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { makeServices, manualTimers, manualWatch, sampleFramework, shown, tempDir, writeDoc } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const W = 1;

async function setup() {
  const watch = manualWatch();
  const timers = manualTimers();
  const s = makeServices(dir, { watch, timers });
  const p = join(dir, 'plan.progressions');
  await writeDoc(p, sampleFramework('On disk'));
  const r = await shown(s.docs, W, await s.docs.openPath(W, p));
  if (!r.ok) throw new Error(r.error.message);
  const doc = r.value;
  /** Simulates the OS reporting a change in the folder, then the debounce running out. */
  const fire = async (name: string | null = 'plan.progressions') => {
    watch.fire(dir, name);
    timers.flush();
    await s.watcher!.idle();
  };
  return { s, p, doc, watch, timers, fire };
}

describe('external changes to the open file', () => {
  it('another app changing the file tells the window, with the document’s token (to reload or keep)', async () => {
    const { s, p, fire } = await setup();
    await fs.writeFile(p, serializeFramework(sampleFramework('Changed by a sync client', 3)));
    await fire();
    expect(s.events).toHaveLength(1);
    const ev = s.events[0]!;
    expect(ev).toMatchObject({ owner: W, event: 'file:changedOnDisk', payload: { name: 'plan.progressions' } });
    // Reload = reopen by that token: the new text comes back.
    const again = await s.docs.openRecent(W, { docToken: (ev.payload as { docToken: string }).docToken });
    expect(again.ok && again.value.text).toContain('Changed by a sync client');
  });

  it('our own save is not reported as an external change', async () => {
    const { s, doc, fire } = await setup();
    expect((await s.docs.save(W, { docToken: doc.docToken, text: serializeFramework(sampleFramework('Mine, longer title than before')) })).ok).toBe(true);
    await fire();
    expect(s.events).toEqual([]);
  });

  it('events for other files in the folder, or with nothing changed, are ignored', async () => {
    const { s, fire } = await setup();
    await fs.writeFile(join(dir, 'other.json'), '{}');
    await fire('other.json');
    await fire();
    expect(s.events).toEqual([]);
  });

  it('a burst of events is reported once', async () => {
    const { s, p, watch, timers } = await setup();
    await fs.writeFile(p, 'x');
    for (let i = 0; i < 5; i++) watch.fire(dir, 'plan.progressions');
    expect(timers.pending()).toBe(1);
    timers.flush();
    await s.watcher!.idle();
    expect(s.events).toHaveLength(1);
  });

  it('a deleted file is reported', async () => {
    const { s, p, fire } = await setup();
    await fs.unlink(p);
    await fire();
    expect(s.events[0]).toMatchObject({ event: 'file:changedOnDisk' });
  });

  it('closing the window stops watching', async () => {
    const { s, watch } = await setup();
    expect(watch.count()).toBe(1);
    await s.docs.detach(W, { discardJournal: true });
    expect(watch.count()).toBe(0);
  });
});
