import { chmodSync, promises as fs, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { nodeFileSystem } from '../../src-main/services/files';
import { makeServices, manualTimers, manualWatch, sampleFramework, shown, tempDir, value, writeDoc } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const W = 1;

/** A document open in window W with unsaved edits ready to save. */
async function openWithEdits(s = makeServices(dir)) {
  const p = join(dir, 'plan.progressions');
  await writeDoc(p, sampleFramework('Mine, as opened'));
  const doc = value(await shown(s.docs, W, await s.docs.openPath(W, p)));
  s.docs.setDirty(W, true);
  const mine = serializeFramework(sampleFramework('Mine, edited', 3));
  return { s, p, doc, mine };
}

describe('saving over a file that someone else changed while it was open', () => {
  it('a colleague’s change on a shared drive is not overwritten without asking', async () => {
    const { s, p, doc, mine } = await openWithEdits();
    const theirs = serializeFramework(sampleFramework('Colleague’s version', 4));
    await fs.writeFile(p, theirs);
    const r = await s.docs.save(W, { docToken: doc.docToken, text: mine });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('changed-on-disk');
    expect(!r.ok && r.error.message).toMatch(/plan\.progressions.*changed by another program/);
    expect(readFileSync(p, 'utf8')).toBe(theirs);
    expect(s.docs.info(W)?.dirty).toBe(true);
    // The user chose to replace it: the save goes through, the colleague's version is the .bak.
    value(await s.docs.save(W, { docToken: doc.docToken, text: mine, overwrite: true }));
    expect(readFileSync(p, 'utf8')).toBe(mine);
    expect(readFileSync(`${p}.bak`, 'utf8')).toBe(theirs);
    expect(s.docs.info(W)?.dirty).toBe(false);
  });

  it('a same-size change with an old modification time (git checkout, a copy that keeps times) is caught too', async () => {
    const { s, p, doc, mine } = await openWithEdits();
    const before = readFileSync(p, 'utf8');
    const same = before.replace('Mine, as opened', 'Mine, as OPENED');
    expect(same.length).toBe(before.length);
    await fs.writeFile(p, same);
    utimesSync(p, new Date('2020-01-01'), new Date('2020-01-01'));
    const r = await s.docs.save(W, { docToken: doc.docToken, text: mine });
    expect(!r.ok && r.error.code).toBe('changed-on-disk');
  });

  it('after our own save, the next save is not a conflict; nor is a file rewritten with the same text', async () => {
    const { s, p, doc, mine } = await openWithEdits();
    value(await s.docs.save(W, { docToken: doc.docToken, text: mine }));
    await fs.writeFile(p, mine); // e.g. a sync client writing the same bytes back
    value(await s.docs.save(W, { docToken: doc.docToken, text: serializeFramework(sampleFramework('Again')) }));
  });

  it('a file moved or deleted while open is not silently recreated: the user is asked first', async () => {
    const { s, p, doc, mine } = await openWithEdits();
    await fs.rename(p, join(dir, 'plan-v2.progressions'));
    const r = await s.docs.save(W, { docToken: doc.docToken, text: mine });
    expect(!r.ok && r.error.code).toBe('removed-on-disk');
    expect(!r.ok && r.error.message).toMatch(/plan\.progressions.*moved or deleted/);
    value(await s.docs.save(W, { docToken: doc.docToken, text: mine, overwrite: true }));
    expect(readFileSync(p, 'utf8')).toBe(mine);
  });

  it('a reload takes the file as it is now: saving after it is no conflict', async () => {
    const { s, p, doc } = await openWithEdits();
    await fs.writeFile(p, serializeFramework(sampleFramework('Theirs')));
    const again = value(await shown(s.docs, W, await s.docs.openRecent(W, { docToken: doc.docToken })));
    value(await s.docs.save(W, { docToken: again.docToken, text: serializeFramework(sampleFramework('Mine on theirs')) }));
  });

  it('`overwrite` must be a boolean (the handler re-checks what the page sends)', async () => {
    const { s, doc, mine } = await openWithEdits();
    const r = await s.docs.save(W, { docToken: doc.docToken, text: mine, overwrite: 'yes' });
    expect(!r.ok && r.error.code).toBe('bad-request');
  });
});

describe('a recovery copy restored after a crash, and the file changed meanwhile', () => {
  it('a colleague’s change made after the crash is not overwritten by saving the restored copy without asking', async () => {
    const { s, p, doc, mine } = await openWithEdits();
    await s.docs.writeJournal(W, { id: 'w1', name: doc.name, title: 'Mine', docToken: doc.docToken, text: mine });
    // crash; meanwhile a colleague saves their version
    const theirs = serializeFramework(sampleFramework('Colleague after the crash', 5));
    await fs.writeFile(p, theirs);
    const next = makeServices(dir);
    const restored = value(await shown(next.docs, 7, await next.docs.restoreRecovery(7, { id: 'w1' })));
    expect(restored.docToken).not.toBeNull();
    const r = await next.docs.save(7, { docToken: restored.docToken, text: restored.text });
    expect(!r.ok && r.error.code).toBe('changed-on-disk');
    expect(readFileSync(p, 'utf8')).toBe(theirs);
  });

  it('with the file as it was, the restored copy saves without a question', async () => {
    const { s, p, doc, mine } = await openWithEdits();
    await s.docs.writeJournal(W, { id: 'w1', name: doc.name, title: 'Mine', docToken: doc.docToken, text: mine });
    const next = makeServices(dir);
    const restored = value(await shown(next.docs, 7, await next.docs.restoreRecovery(7, { id: 'w1' })));
    value(await next.docs.save(7, { docToken: restored.docToken, text: restored.text }));
    expect(readFileSync(p, 'utf8')).toBe(mine);
  });

  it('a copy an older version left (no record of the file): a file modified after the copy was kept is a conflict, one modified before is not', async () => {
    const p = join(dir, 'plan.progressions');
    await writeDoc(p, sampleFramework('On disk'));
    const journalDir = join(dir, 'userData', 'recovery');
    await fs.mkdir(journalDir, { recursive: true });
    const mine = serializeFramework(sampleFramework('Mine', 3));
    const record = (id: string, savedAt: string) =>
      fs.writeFile(join(journalDir, `${id}.json`), JSON.stringify({ kind: 'progressions.recovery', version: 1, id, name: 'plan.progressions', title: 'Mine', filePath: p, savedAt, text: mine }));
    utimesSync(p, new Date('2026-01-02T00:00:00Z'), new Date('2026-01-02T00:00:00Z'));
    await record('older', '2026-01-01T00:00:00.000Z');
    await record('newer', '2026-01-03T00:00:00.000Z');
    const next = makeServices(dir);
    const a = value(await shown(next.docs, 7, await next.docs.restoreRecovery(7, { id: 'older' })));
    expect(await next.docs.save(7, { docToken: a.docToken, text: mine })).toMatchObject({ ok: false, error: { code: 'changed-on-disk' } });
    const later = makeServices(dir); // another start
    const b = value(await shown(later.docs, 8, await later.docs.restoreRecovery(8, { id: 'newer' })));
    expect((await later.docs.save(8, { docToken: b.docToken, text: mine })).ok).toBe(true);
  });
});

describe('a file made read-only', () => {
  it('is not replaced by Save (on Linux and macOS a rename would replace it anyway); Save As… is offered', async () => {
    const { s, p, doc, mine } = await openWithEdits();
    const before = readFileSync(p, 'utf8');
    chmodSync(p, 0o444);
    const r = await s.docs.save(W, { docToken: doc.docToken, text: mine });
    expect(!r.ok && r.error.code).toBe('read-only');
    expect(!r.ok && r.error.message).toMatch(/plan\.progressions.*read-only.*Save As/);
    expect(readFileSync(p, 'utf8')).toBe(before);
    expect(s.docs.info(W)?.dirty).toBe(true);
    // not even when the user said to replace a changed file
    expect((await s.docs.save(W, { docToken: doc.docToken, text: mine, overwrite: true })).ok).toBe(false);
    expect(readFileSync(p, 'utf8')).toBe(before);
  });

  it('Save As onto a read-only file is refused too', async () => {
    const s = makeServices(dir);
    const target = join(dir, 'published.progressions');
    await writeDoc(target, sampleFramework('Published'));
    chmodSync(target, 0o444);
    const before = readFileSync(target, 'utf8');
    s.dialogs.save.push(target);
    const r = await s.docs.saveAs(W, { suggestedName: 'published', text: serializeFramework(sampleFramework('Mine')) });
    expect(!r.ok && r.error.code).toBe('read-only');
    expect(readFileSync(target, 'utf8')).toBe(before);
  });
});

describe('the open file changed or removed on disk: what the window is told', () => {
  it('says whether the file was changed or moved/deleted (a reload cannot bring back a deleted file)', async () => {
    const watch = manualWatch();
    const timers = manualTimers();
    const s = makeServices(dir, { watch, timers });
    const p = join(dir, 'plan.progressions');
    await writeDoc(p, sampleFramework('On disk'));
    value(await shown(s.docs, W, await s.docs.openPath(W, p)));
    const fire = async () => {
      watch.fire(dir, 'plan.progressions');
      timers.flush();
      await s.watcher!.idle();
    };
    await fs.writeFile(p, serializeFramework(sampleFramework('Theirs', 3)));
    await fire();
    await fs.unlink(p);
    await fire();
    expect(s.events.map((e) => (e.payload as { change?: string }).change)).toEqual(['changed', 'removed']);
  });
});

describe('exports', () => {
  it('an export onto a read-only file is refused too, the file left as it was', async () => {
    const s = makeServices(dir);
    const target = join(dir, 'published-case.json');
    await fs.writeFile(target, '{"CFDocument":{}}');
    chmodSync(target, 0o444);
    s.dialogs.save.push(target);
    const r = await s.docs.saveExport(W, { suggestedName: 'case.json', content: '{"new":true}', mimeType: 'application/json' });
    expect(!r.ok && r.error.code).toBe('read-only');
    expect(readFileSync(target, 'utf8')).toBe('{"CFDocument":{}}');
  });
});

describe('a restored copy once saved', () => {
  it('is not offered again after the next crash, even when the save came before the window’s first autosave', async () => {
    const { s, doc, mine } = await openWithEdits();
    await s.docs.writeJournal(W, { id: 'w1', name: doc.name, title: 'Mine', docToken: doc.docToken, text: mine });
    const next = makeServices(dir);
    const restored = value(await shown(next.docs, 7, await next.docs.restoreRecovery(7, { id: 'w1' })));
    // one more edit, then Save at once (no autosave yet), then a crash
    value(await next.docs.save(7, { docToken: restored.docToken, text: serializeFramework(sampleFramework('Mine, edited again', 4)) }));
    expect(await makeServices(dir).docs.listRecovery(9)).toEqual([]);
  });
});

describe('opening a file the page then cannot load (broken inside)', () => {
  async function brokenOpenOver() {
    const { s, p, doc, mine } = await openWithEdits();
    const broken = join(dir, 'broken.progressions');
    // ours by its mark, but not loadable: main hands it over, the page refuses it and keeps plan.progressions
    await fs.writeFile(broken, '{ "format": "progressions.framework", "formatVersion": 1, "framework": { "title": 42 } }');
    value(await s.docs.openPath(W, broken));
    return { s, p, doc, mine };
  }

  it('leaves the window’s unsaved changes known to main, so closing still asks and the recovery copy is kept', async () => {
    const { s } = await brokenOpenOver();
    // the page never says "clean": its document did not change
    expect(s.docs.info(W)?.dirty).toBe(true);
    await s.docs.writeJournal(W, { id: 'w1', name: 'plan.progressions', title: 'Mine', docToken: null, text: 'unsaved work' });
    await s.docs.detach(W, { discardJournal: false }); // closed without "Don't save": a crash, or the guard let it go
    expect((await makeServices(dir).docs.listRecovery(2)).map((e) => e.id)).toEqual(['w1']);
  });

  it('still checks the file the page shows before saving over it', async () => {
    const { s, p, doc, mine } = await brokenOpenOver();
    await fs.writeFile(p, serializeFramework(sampleFramework('Colleague', 6)));
    expect(await s.docs.save(W, { docToken: doc.docToken, text: mine })).toMatchObject({ ok: false, error: { code: 'changed-on-disk' } });
  });
});

describe('a disk full at save, and the recovery copy', () => {
  it('the failed save’s message does not claim a recovery copy that could not be written either', async () => {
    const full = { ...nodeFileSystem(), writeAtomic: () => Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })) };
    const p = join(dir, 'plan.progressions');
    await writeDoc(p, sampleFramework('On disk'));
    const s = makeServices(dir, { fs: full });
    const doc = value(await shown(s.docs, W, await s.docs.openPath(W, p)));
    s.docs.setDirty(W, true);
    const mine = serializeFramework(sampleFramework('Mine', 3));
    expect((await s.docs.writeJournal(W, { id: 'w1', name: doc.name, title: 'Mine', docToken: doc.docToken, text: mine })).ok).toBe(false);
    const r = await s.docs.save(W, { docToken: doc.docToken, text: mine });
    expect(!r.ok && r.error.message).toMatch(/disk is full/);
    expect(!r.ok && r.error.message).not.toMatch(/kept in the recovery copy/);
    expect(!r.ok && r.error.message).toMatch(/still open.*Save As/);
  });
});

describe('the recovery offer says when the file changed after the copy was kept', () => {
  it('flags a copy whose file someone changed since; not one whose file is as it was', async () => {
    const { s, p, doc, mine } = await openWithEdits();
    await s.docs.writeJournal(W, { id: 'w1', name: doc.name, title: 'Mine', docToken: doc.docToken, text: mine });
    expect((await makeServices(dir).docs.listRecovery(5)).map((e) => e.fileChanged)).toEqual([false]);
    await fs.writeFile(p, serializeFramework(sampleFramework('Theirs', 6)));
    expect((await makeServices(dir).docs.listRecovery(5)).map((e) => e.fileChanged)).toEqual([true]);
  });

  it('an untitled copy has no file to compare with', async () => {
    const s = makeServices(dir);
    s.docs.attach(W);
    await s.docs.writeJournal(W, { id: 'u1', name: 'Untitled framework', title: 'New', docToken: null, text: serializeFramework(sampleFramework('New')) });
    expect((await makeServices(dir).docs.listRecovery(5)).map((e) => e.fileChanged)).toEqual([false]);
  });
});

describe('Save As onto the document’s own file', () => {
  it('is a Save: a change someone made meanwhile is asked about too (the dialog only asked whether to replace an existing file)', async () => {
    const { s, p, doc, mine } = await openWithEdits();
    const theirs = serializeFramework(sampleFramework('Colleague', 5));
    await fs.writeFile(p, theirs);
    s.dialogs.save.push(p);
    const r = await s.docs.saveAs(W, { suggestedName: 'plan', text: mine });
    expect(!r.ok && r.error.code).toBe('changed-on-disk');
    expect(readFileSync(p, 'utf8')).toBe(theirs);
    // the page's answer "replace" goes through file:save with overwrite
    value(await s.docs.save(W, { docToken: doc.docToken, text: mine, overwrite: true }));
    expect(readFileSync(p, 'utf8')).toBe(mine);
  });
});

describe('restoring a copy of a file that is open in another window', () => {
  it('comes back without the file (Save asks where), so two windows never hold the same file', async () => {
    const { s, p, doc, mine } = await openWithEdits();
    await s.docs.writeJournal(W, { id: 'w1', name: doc.name, title: 'Mine', docToken: doc.docToken, text: mine });
    const next = makeServices(dir);
    value(await shown(next.docs, 1, await next.docs.openPath(1, p))); // the user opened the file again first ("Decide later")
    const r = value(await shown(next.docs, 2, await next.docs.restoreRecovery(2, { id: 'w1' })));
    expect(r).toMatchObject({ docToken: null, name: 'plan.progressions' });
    expect(next.docs.info(2)).toMatchObject({ path: null, dirty: true });
    expect(next.docs.ownerOf(p)).toBe(1);
  });
});

describe('saving back to a file whose folder is gone', () => {
  it('says the folder is gone, not that "the file on disk is unchanged"', async () => {
    const sub = join(dir, 'shared');
    await fs.mkdir(sub);
    const p = join(sub, 'plan.progressions');
    await writeDoc(p, sampleFramework('On disk'));
    const s = makeServices(dir);
    const doc = value(await shown(s.docs, W, await s.docs.openPath(W, p)));
    await fs.rm(sub, { recursive: true });
    const mine = serializeFramework(sampleFramework('Mine', 3));
    const r = await s.docs.save(W, { docToken: doc.docToken, text: mine, overwrite: true });
    expect(!r.ok && r.error.message).toMatch(/folder no longer exists/);
    expect(!r.ok && r.error.message).not.toMatch(/file on disk is unchanged/);
    expect(!r.ok && r.error.message).toMatch(/still open.*Save As/);
  });
});
