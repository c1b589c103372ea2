import { promises as fs, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { makeServices, manualTimers, manualWatch, sampleFramework, shown, tempDir, value, writeDoc } from './helpers';

// A file handed to the page to open is the window's only once the page says it shows it
// (`window:setDocument`): one the page refuses is not watched, not recent, not "open here".

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const W = 1;
/** Ours by its mark, but not loadable: the page refuses it and keeps what it shows. */
const BROKEN = '{ "format": "progressions.framework", "formatVersion": 1, "framework": { "title": 42 } }';

async function setup() {
  const watch = manualWatch();
  const timers = manualTimers();
  const s = makeServices(dir, { watch, timers });
  const plan = join(dir, 'plan.progressions');
  await writeDoc(plan, sampleFramework('Plan'));
  const doc = value(await shown(s.docs, W, await s.docs.openPath(W, plan)));
  /** Another program changes `name` in the folder; the debounce runs out. */
  const change = async (name: string, text: string) => {
    await fs.writeFile(join(dir, name), text);
    watch.fire(dir, name);
    timers.flush();
    await s.watcher!.idle();
  };
  return { s, plan, doc, watch, change };
}

describe('a file the page refuses to open', () => {
  it('is not watched: a later change to it is not reported as the open document changing', async () => {
    const { s, plan, watch, change } = await setup();
    const broken = join(dir, 'broken.progressions');
    await fs.writeFile(broken, BROKEN);
    value(await s.docs.openPath(W, broken)); // handed over; the page never says it shows it
    expect(watch.count()).toBe(1);
    await change('broken.progressions', BROKEN.replace('42', '43'));
    expect(s.events).toEqual([]);
    // the document the page still shows is watched as before
    await change('plan.progressions', serializeFramework(sampleFramework('Changed by a colleague', 3)));
    expect(s.events).toHaveLength(1);
    expect(s.events[0]).toMatchObject({ owner: W, event: 'file:changedOnDisk', payload: { name: 'plan.progressions', change: 'changed' } });
    expect(s.docs.info(W)).toMatchObject({ name: 'plan.progressions', path: plan });
  });

  it('is not listed as recent, and not "already open" in that window: another window opens it', async () => {
    const focused: number[] = [];
    const s = makeServices(dir, { focus: (o) => focused.push(o) });
    const broken = join(dir, 'broken.progressions');
    await fs.writeFile(broken, BROKEN);
    value(await s.docs.openPath(W, broken));
    expect((await s.docs.listRecent(W)).map((r) => r.name)).toEqual([]);
    expect(await s.docs.findOwner(broken)).toBeUndefined();
    s.dialogs.open.push(broken);
    expect(value(await s.docs.chooseAndOpen(2))).toMatchObject({ name: 'broken.progressions' });
    expect(focused).toEqual([]);
  });

  it('a refused reload leaves the save check on the version the page shows', async () => {
    const { s, plan, doc } = await setup();
    const mine = serializeFramework(sampleFramework('Mine', 3));
    // someone breaks the file; the page's reload of it fails to load and keeps its version
    await fs.writeFile(plan, BROKEN);
    value(await s.docs.openRecent(W, { docToken: doc.docToken }));
    expect(await s.docs.save(W, { docToken: doc.docToken, text: mine })).toMatchObject({ ok: false, error: { code: 'changed-on-disk' } });
    expect(readFileSync(plan, 'utf8')).toBe(BROKEN);
  });

  it('a window handed a file is not blank until its page shows a file: the next file from the OS gets its own window', async () => {
    const s = makeServices(dir);
    s.docs.attach(W);
    expect(s.docs.isBlank(W)).toBe(true);
    const broken = join(dir, 'broken.progressions');
    await fs.writeFile(broken, BROKEN);
    value(await s.docs.openPath(W, broken));
    // a second file must not replace the first before the page has it (its "no file" report may predate it)
    expect(s.docs.isBlank(W)).toBe(false);
    await s.docs.shows(W, { docToken: null, name: 'Untitled framework' });
    expect(s.docs.isBlank(W)).toBe(false);
    // a page that refused it and later shows a file, then starts a new one, is blank again
    const plan = join(dir, 'plan.progressions');
    await writeDoc(plan, sampleFramework('Plan'));
    value(await shown(s.docs, W, await s.docs.openPath(W, plan)));
    await s.docs.shows(W, { docToken: null, name: 'Untitled framework' });
    expect(s.docs.isBlank(W)).toBe(true);
  });
});

describe('the document the page says it shows', () => {
  it('a file it takes becomes the window’s: watched (the previous one no longer), recent, open there', async () => {
    const { s, plan, watch, change } = await setup();
    const other = join(dir, 'other.progressions');
    await writeDoc(other, sampleFramework('Other'));
    const doc = value(await shown(s.docs, W, await s.docs.openPath(W, other)));
    expect(s.docs.info(W)).toMatchObject({ name: 'other.progressions', path: other });
    expect(watch.count()).toBe(1);
    await change('plan.progressions', serializeFramework(sampleFramework('Changed', 4)));
    expect(s.events).toEqual([]);
    await change('other.progressions', serializeFramework(sampleFramework('Changed', 4)));
    expect(s.events.map((e) => e.payload)).toEqual([{ docToken: doc.docToken, name: 'other.progressions', change: 'changed' }]);
    expect((await s.docs.listRecent(W)).map((r) => r.name)).toEqual(['other.progressions', 'plan.progressions']);
    expect(await s.docs.findOwner(other)).toBe(W);
    expect(await s.docs.findOwner(plan)).toBeUndefined();
  });

  it('a new document (no file) ends the watch and frees the file for other windows', async () => {
    const { s, plan, watch, change } = await setup();
    await s.docs.shows(W, { docToken: null, name: 'Untitled framework' });
    expect(s.docs.info(W)).toEqual({ name: 'Untitled framework', path: null, dirty: false });
    expect(watch.count()).toBe(0);
    await change('plan.progressions', serializeFramework(sampleFramework('Changed', 4)));
    expect(s.events).toEqual([]);
    expect(await s.docs.findOwner(plan)).toBeUndefined();
  });

  it('a file taken into one window stays watched while it is shown, whatever other windows do', async () => {
    const { s, watch } = await setup();
    s.docs.attach(2);
    await s.docs.shows(2, { docToken: null, name: 'Untitled framework' });
    expect(watch.count()).toBe(1);
  });

  it.each([
    ['no object', 'plan'],
    ['a token of another window', { docToken: 'theirs', name: 'x' }],
    ['a path instead of a token', { docToken: '/etc/passwd', name: 'passwd' }],
    ['a token that is not a string', { docToken: 42, name: 'x' }],
  ])('ignores %s', async (_what, request) => {
    const { s, plan, watch } = await setup();
    await s.docs.shows(W, request);
    expect(s.docs.info(W)).toMatchObject({ path: plan, name: 'plan.progressions' });
    expect(watch.count()).toBe(1);
  });

  it('a token granted to another window changes nothing here', async () => {
    const { s, plan } = await setup();
    const other = join(dir, 'other.progressions');
    await writeDoc(other, sampleFramework('Other'));
    const theirs = value(await s.docs.openPath(2, other));
    await s.docs.shows(W, { docToken: theirs.docToken, name: 'other.progressions' });
    expect(s.docs.info(W)?.path).toBe(plan);
  });

  it('a name from the page is one bounded line', async () => {
    const { s } = await setup();
    await s.docs.shows(W, { docToken: null, name: `two\nlines${'x'.repeat(400)}` });
    expect(s.docs.info(W)?.name).toMatch(/^two linesx+$/);
    expect(s.docs.info(W)!.name.length).toBeLessThanOrEqual(255);
  });

  it('a recovery copy restored and refused leaves the window’s file as it was', async () => {
    const { s, plan, doc } = await setup();
    const text = serializeFramework(sampleFramework('Copy', 2));
    await s.docs.writeJournal(W, { id: 'w1', name: doc.name, title: 'Copy', docToken: doc.docToken, text });
    const next = makeServices(dir);
    next.docs.attach(5);
    const other = join(dir, 'other.progressions');
    await writeDoc(other, sampleFramework('Other'));
    value(await shown(next.docs, 5, await next.docs.openPath(5, other)));
    value(await next.docs.restoreRecovery(5, { id: 'w1' })); // the page does not take it
    expect(next.docs.info(5)?.path).toBe(other);
    expect(await next.docs.findOwner(plan)).toBeUndefined();
  });
});
