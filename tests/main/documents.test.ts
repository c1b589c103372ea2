import { existsSync, promises as fs, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFrameworkText, serializeFramework, toFrameworkFile } from '../../src-core/format/frameworkFile';
import { createCompetency } from '../../src-core/model/defaults';
import { nodeFileSystem } from '../../src-main/services/files';
import { failingAtomicFs, makeServices, sampleFramework, shown, tempDir, value, writeDoc } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const W = 1; // a window (web contents) id
const journalDir = () => join(dir, 'userData', 'recovery');

describe('opening documents', () => {
  it('opens the file the user chose: its text, its name and a token (never the path)', async () => {
    const s = makeServices(dir);
    const p = join(dir, 'fractions.progressions');
    await writeDoc(p, sampleFramework());
    s.dialogs.open.push(p);
    const doc = value(await shown(s.docs, W, await s.docs.chooseAndOpen(W)))!;
    expect(doc.name).toBe('fractions.progressions');
    expect(doc.text).toBe(readFileSync(p, 'utf8'));
    expect(JSON.stringify(doc)).not.toContain(dir);
    expect(s.recentList.map((e) => e.path)).toEqual([p]);
    expect(s.docs.info(W)).toEqual({ name: 'fractions.progressions', path: p, dirty: false });
  });

  it('a file already open in another window is not opened twice: that window comes forward', async () => {
    const focused: number[] = [];
    const s = makeServices(dir, { focus: (o) => focused.push(o) });
    const p = join(dir, 'plan.progressions');
    await writeDoc(p, sampleFramework());
    const first = value(await shown(s.docs, 1, await s.docs.openPath(1, p)));
    s.dialogs.open.push(p);
    expect(await s.docs.chooseAndOpen(2)).toEqual({ ok: true, value: null });
    const [recent] = await s.docs.listRecent(2);
    expect(await s.docs.openRecent(2, { docToken: recent!.docToken })).toMatchObject({ ok: false, error: { code: 'open-elsewhere' } });
    expect(focused).toEqual([1, 1]);
    // The window that has it can reopen (reload) it.
    expect((await s.docs.openRecent(1, { docToken: first.docToken })).ok).toBe(true);
  });

  it('a canceled open dialog is not a failure', async () => {
    const s = makeServices(dir);
    expect(await s.docs.chooseAndOpen(W)).toEqual({ ok: true, value: null });
  });

  it('opens plain .json files too', async () => {
    const s = makeServices(dir);
    const p = join(dir, 'district.json');
    await writeDoc(p, sampleFramework());
    expect((await s.docs.openPath(W, p)).ok).toBe(true);
  });

  it('a file that is not a framework file (e.g. a CASE package) opens without a token, so Save cannot overwrite it', async () => {
    const s = makeServices(dir);
    const p = join(dir, 'district-case.json');
    const caseText = JSON.stringify({ CFDocument: { identifier: 'x', title: 'District' }, CFItems: [] });
    await fs.writeFile(p, caseText);
    const doc = value(await shown(s.docs, W, await s.docs.openPath(W, p)));
    expect(doc).toEqual({ text: caseText, name: 'district-case.json', docToken: null, sourceToken: expect.any(String) });
    expect(s.docs.info(W)?.path).toBeNull();
    // the token that names it for the page's answer is none to save with
    expect(await s.docs.save(W, { docToken: doc.sourceToken, text: serializeFramework(sampleFramework('District')) })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // Save As is the only way to write it, and never over a file that another window shows.
    s.dialogs.save.push(join(dir, 'district.progressions'));
    expect(value(await s.docs.saveAs(W, { suggestedName: 'district', text: serializeFramework(sampleFramework('District')) }))?.name).toBe('district.progressions');
    expect(readFileSync(p, 'utf8')).toBe(caseText);
  });

  it.each([
    ['a missing file', async () => join(dir, 'nope.progressions'), 'not-found', /does not exist/],
    ['a folder', async () => dir, 'is-directory', /folder/],
    ['an empty file', async () => (await fs.writeFile(join(dir, 'e.json'), ''), join(dir, 'e.json')), 'empty', /empty/],
  ])('explains %s', async (_what, make, code, message) => {
    const s = makeServices(dir);
    const r = await s.docs.openPath(W, await make());
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe(code);
    expect(!r.ok && r.error.message).toMatch(message);
  });

  it('refuses files over the size limit', async () => {
    const s = makeServices(dir, { maxBytes: 1000 });
    const p = join(dir, 'big.json');
    await writeDoc(p, sampleFramework('Big', 20));
    const r = await shown(s.docs, W, await s.docs.openPath(W, p));
    expect(!r.ok && r.error.code).toBe('too-large');
    expect(!r.ok && r.error.message).toMatch(/the limit is/);
  });

  it('refuses relative paths (main only opens paths it resolved itself)', async () => {
    const s = makeServices(dir);
    expect(await s.docs.openPath(W, 'plan.progressions')).toMatchObject({ ok: false, error: { code: 'bad-path' } });
  });

  it('drops a missing file from the recent list when opening it fails', async () => {
    const gone = join(dir, 'gone.progressions');
    const s = makeServices(dir, { recent: [gone] });
    await s.docs.openPath(W, gone);
    expect(s.recentList).toEqual([]);
  });
});

describe('saving', () => {
  async function opened(s: ReturnType<typeof makeServices>, title = 'Before') {
    const p = join(dir, 'f.progressions');
    const fw = sampleFramework(title);
    await writeDoc(p, fw);
    const doc = value(await shown(s.docs, W, await s.docs.openPath(W, p)));
    return { p, fw, doc };
  }

  it('saves atomically, keeps the previous version as .bak and clears the dirty mark', async () => {
    const s = makeServices(dir);
    const { p, fw, doc } = await opened(s);
    s.docs.setDirty(W, true);
    const text = serializeFramework({ ...fw, title: 'After' });
    expect(value(await s.docs.save(W, { docToken: doc.docToken, text }))).toEqual({ name: 'f.progressions', docToken: doc.docToken });
    expect(readFileSync(p, 'utf8')).toBe(text);
    expect(readFileSync(`${p}.bak`, 'utf8')).toBe(serializeFramework(fw));
    expect(s.docs.info(W)?.dirty).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses text that is not a framework file, says where, and leaves the file alone', async () => {
    const s = makeServices(dir);
    const { p, doc } = await opened(s);
    const before = readFileSync(p, 'utf8');
    const file = toFrameworkFile(sampleFramework());
    const broken = JSON.stringify({ ...file, framework: { ...file.framework, phases: 'oops' } });
    const r = await s.docs.save(W, { docToken: doc.docToken, text: broken });
    expect(!r.ok && r.error.code).toBe('invalid-document');
    expect(!r.ok && r.error.path).toBe('/framework/phases');
    expect((await s.docs.save(W, { docToken: doc.docToken, text: '{' })).ok).toBe(false);
    expect(readFileSync(p, 'utf8')).toBe(before);
  });

  it.each([
    ['no request', undefined],
    ['a path instead of a token', { docToken: '/etc/passwd', text: '' }],
    ['a made-up token', { docToken: 'b0b0', text: '' }],
  ])('refuses %s', async (_what, request) => {
    const s = makeServices(dir);
    await opened(s);
    const r = await s.docs.save(W, request);
    expect(r.ok).toBe(false);
  });

  it('a token is only good in the window it was given to', async () => {
    const s = makeServices(dir);
    const { fw, doc } = await opened(s);
    const r = await s.docs.save(2, { docToken: doc.docToken, text: serializeFramework(fw) });
    expect(!r.ok && r.error.code).toBe('not-found');
  });

  it('Save As asks where, adds the extension when none is typed, and gives a token for the new file', async () => {
    const s = makeServices(dir);
    s.docs.attach(W);
    s.dialogs.save.push(join(dir, 'My plan'));
    const text = serializeFramework(sampleFramework('My plan'));
    const saved = value(await s.docs.saveAs(W, { suggestedName: 'My/plan: draft', text }));
    expect(saved?.name).toBe('My plan.progressions');
    expect(s.dialogs.calls[0]).toBe('save:Save framework as:My plan draft.progressions');
    expect(readFileSync(join(dir, 'My plan.progressions'), 'utf8')).toBe(text);
    expect(s.docs.info(W)).toMatchObject({ name: 'My plan.progressions', dirty: false });
    // The new token saves to the new file.
    expect((await s.docs.save(W, { docToken: saved!.docToken, text })).ok).toBe(true);
  });

  it('a canceled Save As writes nothing and keeps the document dirty', async () => {
    const s = makeServices(dir);
    s.docs.attach(W);
    s.docs.setDirty(W, true);
    expect(await s.docs.saveAs(W, { suggestedName: 'x', text: serializeFramework(sampleFramework()) })).toEqual({ ok: true, value: null });
    expect(s.docs.info(W)?.dirty).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a failed save (disk full mid-write) leaves the old file intact, keeps the document dirty and says why', async () => {
    const afs = failingAtomicFs({ code: 'ENOSPC', when: (tmp) => dirname(tmp) === dir });
    const s = makeServices(dir, { fs: nodeFileSystem({ atomicFs: afs }) });
    const { p, fw, doc } = await opened(s, 'Saved');
    s.docs.setDirty(W, true);
    const edited = serializeFramework({ ...fw, title: 'Edited' });
    expect((await s.docs.writeJournal(W, { id: 'win-1', name: 'f.progressions', title: 'Edited', docToken: doc.docToken, text: edited })).ok).toBe(true);
    const r = await s.docs.save(W, { docToken: doc.docToken, text: edited });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('write-failed');
    expect(!r.ok && r.error.message).toMatch(/disk is full.*unchanged/);
    expect(readFileSync(p, 'utf8')).toBe(serializeFramework(fw));
    expect(afs.tempFiles.length).toBe(1);
    expect(existsSync(afs.tempFiles[0]!)).toBe(false); // cleaned up
    expect(s.docs.info(W)?.dirty).toBe(true);
    // The edits are still in the recovery journal.
    expect((await s.journal.read('win-1')).ok).toBe(true);
  });

  it('a read-only folder is explained', async () => {
    const failing = { ...nodeFileSystem(), writeAtomic: () => Promise.reject(Object.assign(new Error('EROFS'), { code: 'EROFS' })) };
    const s = makeServices(dir, { fs: failing });
    const { fw, doc } = await opened(s);
    const r = await s.docs.save(W, { docToken: doc.docToken, text: serializeFramework(fw) });
    expect(!r.ok && r.error.message).toMatch(/read-only/);
  });

  it('a file open in another window is not overwritten by Save As from this one', async () => {
    const s = makeServices(dir);
    const { p, fw } = await opened(s);
    s.dialogs.save.push(p);
    const r = await s.docs.saveAs(2, { suggestedName: 'x', text: serializeFramework(fw) });
    expect(!r.ok && r.error.code).toBe('open-elsewhere');
  });
});

describe('never losing work: crashes in the middle of save and autosave', () => {
  it('a crash during save: after restart the last saved file is intact and the journal restores the edits', async () => {
    const p = join(dir, 'f.progressions');
    const saved = sampleFramework('Saved version');
    await writeDoc(p, saved);

    // Run 1: open, edit, autosave, then the process dies halfway through writing the save.
    const afs = failingAtomicFs({ code: 'EIO', crash: true, when: (tmp) => dirname(tmp) === dir });
    const run1 = makeServices(dir, { fs: nodeFileSystem({ atomicFs: afs }) });
    const doc = value(await shown(run1.docs, W, await run1.docs.openPath(W, p)));
    run1.docs.setDirty(W, true);
    const edited = structuredClone(saved);
    edited.title = 'Edited version';
    const c = createCompetency({ code: 'NF.9', statement: 'Added after the last save' });
    edited.competencies[c.id] = c;
    const editedText = serializeFramework(edited);
    expect((await run1.docs.writeJournal(W, { id: 'doc-a', name: doc.name, title: edited.title, docToken: doc.docToken, text: editedText })).ok).toBe(true);
    await run1.docs.save(W, { docToken: doc.docToken, text: editedText }); // the "crash"
    expect(afs.tempFiles.length).toBe(1);
    expect(existsSync(afs.tempFiles[0]!)).toBe(true); // a crashed process leaves its half-written temp file

    // Run 2: fresh services on the same folders.
    const run2 = makeServices(dir);
    expect(readFileSync(p, 'utf8')).toBe(serializeFramework(saved));
    expect(loadFrameworkText(readFileSync(p, 'utf8')).ok).toBe(true);
    const entries = await run2.docs.listRecovery(W);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: 'doc-a', name: 'f.progressions', title: 'Edited version', bytes: editedText.length });
    expect(entries[0]!.docToken).not.toBeNull();
    const restored = value(await shown(run2.docs, W, await run2.docs.restoreRecovery(W, { id: 'doc-a' })));
    expect(restored.text).toBe(editedText);
    expect(restored.name).toBe('f.progressions');
    expect(run2.docs.info(W)).toMatchObject({ path: p, dirty: true });
    // Saving the restored document writes the edits to the file; the window then clears its journal.
    expect((await run2.docs.save(W, { docToken: restored.docToken, text: restored.text })).ok).toBe(true);
    expect(loadFrameworkText(readFileSync(p, 'utf8'))).toMatchObject({ ok: true, value: { framework: { title: 'Edited version' } } });
    expect((await run2.docs.clearJournal(W, { id: 'doc-a' })).ok).toBe(true);
    expect(await makeServices(dir).docs.listRecovery(9)).toEqual([]);
  });

  it('a crashed save’s leftover temp file is removed when the document is opened again, once it is old', async () => {
    const p = join(dir, 'f.progressions');
    await writeDoc(p, sampleFramework());
    const afs = failingAtomicFs({ code: 'EIO', crash: true, when: (tmp) => dirname(tmp) === dir });
    const run1 = makeServices(dir, { fs: nodeFileSystem({ atomicFs: afs }) });
    const doc = value(await shown(run1.docs, W, await run1.docs.openPath(W, p)));
    await run1.docs.save(W, { docToken: doc.docToken, text: serializeFramework(sampleFramework('x')) });
    const leftover = afs.tempFiles[0]!;
    const other = join(dir, '.other.progressions.0123456789ab.tmp');
    await fs.writeFile(other, 'not ours to remove');
    await fs.utimes(other, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    // Fresh: kept (a save of another instance could be under way).
    expect((await makeServices(dir).docs.openPath(W, p)).ok).toBe(true);
    expect(existsSync(leftover)).toBe(true);
    await fs.utimes(leftover, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    expect((await makeServices(dir).docs.openPath(W, p)).ok).toBe(true);
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(other)).toBe(true);
  });

  it('a crash during autosave keeps the previous autosave, and the saved file is untouched', async () => {
    const p = join(dir, 'f.progressions');
    const saved = sampleFramework('Saved');
    await writeDoc(p, saved);
    let armed = false;
    const afs = failingAtomicFs({ code: 'EIO', crash: true, when: () => armed });
    const run1 = makeServices(dir, { fs: nodeFileSystem({ atomicFs: afs }) });
    const doc = value(await shown(run1.docs, W, await run1.docs.openPath(W, p)));
    run1.docs.setDirty(W, true);
    const first = serializeFramework({ ...saved, title: 'First edit' });
    expect((await run1.docs.writeJournal(W, { id: 'doc-a', name: doc.name, title: 'First edit', docToken: doc.docToken, text: first })).ok).toBe(true);
    armed = true; // the next autosave dies halfway through
    const r = await run1.docs.writeJournal(W, { id: 'doc-a', name: doc.name, title: 'Second edit', docToken: doc.docToken, text: serializeFramework({ ...saved, title: 'Second edit' }) });
    expect(!r.ok && r.error.code).toBe('journal-failed');
    expect(afs.tempFiles).toHaveLength(1);

    const restart = makeServices(dir);
    expect(readFileSync(p, 'utf8')).toBe(serializeFramework(saved));
    const entries = await restart.docs.listRecovery(W);
    expect(entries.map((e) => e.title)).toEqual(['First edit']);
    expect(value(await shown(restart.docs, W, await restart.docs.restoreRecovery(W, { id: 'doc-a' }))).text).toBe(first);
  });

  it('an untitled document is restored without a file', async () => {
    const s = makeServices(dir);
    s.docs.attach(W);
    await s.docs.writeJournal(W, { id: 'u1', name: 'Untitled framework', title: 'New', docToken: null, text: serializeFramework(sampleFramework('New')) });
    const next = makeServices(dir);
    const r = value(await shown(next.docs, 5, await next.docs.restoreRecovery(5, { id: 'u1' })));
    expect(r).toMatchObject({ name: 'Untitled framework', docToken: null });
    expect(next.docs.info(5)).toMatchObject({ path: null, dirty: true });
  });

  it('a restored entry stays until the window keeps its own recovery copy', async () => {
    const s = makeServices(dir);
    s.docs.attach(W);
    const text = serializeFramework(sampleFramework('New'));
    await s.docs.writeJournal(W, { id: 'old', name: 'Untitled', title: 'New', docToken: null, text });
    const next = makeServices(dir);
    value(await shown(next.docs, 5, await next.docs.restoreRecovery(5, { id: 'old' })));
    expect(readdirSync(journalDir())).toEqual(['old.json']);
    await next.docs.writeJournal(5, { id: 'new', name: 'Untitled', title: 'New', docToken: null, text });
    expect(readdirSync(journalDir())).toEqual(['new.json']);
  });

  it('closing cleanly or with "Don\'t save" removes the window’s journal; a crashed window’s stays', async () => {
    const s = makeServices(dir);
    const text = serializeFramework(sampleFramework());
    for (const w of [1, 2]) {
      s.docs.attach(w);
      s.docs.setDirty(w, true);
      await s.docs.writeJournal(w, { id: `w${w}`, name: 'Untitled', title: 't', docToken: null, text });
    }
    await s.docs.detach(1, { discardJournal: true });
    await s.docs.detach(2, { discardJournal: false });
    expect(readdirSync(journalDir())).toEqual(['w2.json']);
    expect((await s.docs.listRecovery(3)).map((e) => e.id)).toEqual(['w2']);
  });

  it('entries of open windows are not offered for recovery, nor can another window write, clear or discard them', async () => {
    const s = makeServices(dir);
    s.docs.attach(W);
    const text = serializeFramework(sampleFramework());
    await s.docs.writeJournal(W, { id: 'mine', name: 'Untitled', title: 't', docToken: null, text });
    expect(await s.docs.listRecovery(2)).toEqual([]);
    expect((await s.docs.writeJournal(2, { id: 'mine', name: 'x', title: 'x', docToken: null, text })).ok).toBe(false);
    expect((await s.docs.clearJournal(2, { id: 'mine' })).ok).toBe(false);
    expect((await s.docs.discardRecovery(2, { id: 'mine' })).ok).toBe(false);
    expect((await s.docs.restoreRecovery(2, { id: 'mine' })).ok).toBe(false);
  });

  it.each([['../../etc/passwd'], ['a.b'], [''], [42], ['x'.repeat(81)]])('journal ids that could name other files are refused: %j', async (id) => {
    const s = makeServices(dir);
    const r = await s.docs.writeJournal(W, { id, name: 'x', title: 'x', docToken: null, text: 'x' });
    expect(!r.ok && r.error.code).toBe('bad-request');
  });

  it('clearing an id the window never wrote is a no-op and leaves earlier leftovers alone', async () => {
    const s = makeServices(dir);
    await s.docs.writeJournal(W, { id: 'left', name: 'Untitled', title: 't', docToken: null, text: 'x' });
    const next = makeServices(dir);
    expect(await next.docs.clearJournal(W, { id: 'left' })).toEqual({ ok: true, value: undefined });
    expect((await next.docs.listRecovery(W)).map((e) => e.id)).toEqual(['left']);
  });

  it('the user can discard an entry after a restart', async () => {
    const s = makeServices(dir);
    await s.docs.writeJournal(W, { id: 'gone', name: 'Untitled', title: 't', docToken: null, text: 'x' });
    const next = makeServices(dir);
    expect((await next.docs.discardRecovery(W, { id: 'gone' })).ok).toBe(true);
    expect(await next.docs.listRecovery(W)).toEqual([]);
    expect((await next.docs.discardRecovery(W, { id: 'gone' })).ok).toBe(false);
  });

  it('an entry whose file already holds the same text (crash between save and clean-up) is dropped quietly', async () => {
    const p = join(dir, 'f.progressions');
    const fw = sampleFramework();
    await writeDoc(p, fw);
    const s = makeServices(dir);
    const doc = value(await shown(s.docs, W, await s.docs.openPath(W, p)));
    await s.docs.writeJournal(W, { id: 'same', name: doc.name, title: fw.title, docToken: doc.docToken, text: serializeFramework(fw) });
    expect(await makeServices(dir).docs.listRecovery(W)).toEqual([]);
  });

  it('a damaged journal entry is listed as damaged, and restoring it explains', async () => {
    const s = makeServices(dir);
    await s.docs.writeJournal(W, { id: 'dmg', name: 'Untitled', title: 't', docToken: null, text: 'x' });
    await fs.writeFile(join(journalDir(), 'dmg.json'), '{"kind": "progressions.rec');
    const next = makeServices(dir);
    const [entry] = await next.docs.listRecovery(W);
    expect(entry?.name).toMatch(/Damaged/);
    const r = await next.docs.restoreRecovery(W, { id: 'dmg' });
    expect(!r.ok && r.error.code).toBe('corrupt');
    expect((await next.docs.discardRecovery(W, { id: 'dmg' })).ok).toBe(true);
  });
});

describe('recent files and path tokens', () => {
  it('lists recent files as names and tokens only the asking window can use; missing files are pruned', async () => {
    const a = join(dir, 'a.progressions');
    const b = join(dir, 'b.progressions');
    await writeDoc(a, sampleFramework('A'));
    const s = makeServices(dir, { recent: [b, a] });
    const list = await s.docs.listRecent(W);
    expect(list.map((e) => e.name)).toEqual(['a.progressions']);
    expect(JSON.stringify(list)).not.toContain(dir);
    expect(s.recentList.map((e) => e.path)).toEqual([a]);
    expect(value(await shown(s.docs, W, await s.docs.openRecent(W, { docToken: list[0]!.docToken }))).name).toBe('a.progressions');
    expect((await s.docs.openRecent(2, { docToken: list[0]!.docToken })).ok).toBe(false);
    expect((await s.docs.openRecent(W, { docToken: a })).ok).toBe(false); // a path is not a token
    expect(s.tokens.resolve(W, list[0]!.docToken, 'export')).toBeUndefined();
  });

  it('an Open Recent token only opens: it cannot save over the file, claim it for the window or export to it', async () => {
    const p = join(dir, 'district-case.json');
    const caseText = JSON.stringify({ CFDocument: { identifier: 'x', title: 'District' }, CFItems: [] });
    await fs.writeFile(p, caseText);
    const a = join(dir, 'a.progressions');
    await writeDoc(a, sampleFramework('A'));
    const s = makeServices(dir, { recent: [p, a] });
    const list = await s.docs.listRecent(W);
    expect(list.map((e) => e.name)).toEqual(['district-case.json', 'a.progressions']);
    const text = serializeFramework(sampleFramework('Over it'));
    for (const e of list) {
      expect(await s.docs.save(W, { docToken: e.docToken, text, overwrite: true })).toMatchObject({ ok: false, error: { code: 'not-found' } });
      await s.docs.shows(W, { docToken: e.docToken, name: e.name });
      expect(s.docs.info(W)?.path ?? null).toBeNull();
      expect(s.tokens.resolve(W, e.docToken, 'document')).toBeUndefined();
    }
    expect(readFileSync(p, 'utf8')).toBe(caseText);
    expect(readFileSync(a, 'utf8')).not.toContain('Over it');
    // Opening the framework file by its entry grants the token it saves with.
    const opened = value(await shown(s.docs, W, await s.docs.openRecent(W, { docToken: list[1]!.docToken })));
    expect(opened.docToken).not.toBe(list[1]!.docToken);
    expect((await s.docs.save(W, { docToken: opened.docToken, text })).ok).toBe(true);
    expect(readFileSync(a, 'utf8')).toContain('Over it');
  });

  it('reopening by the document’s own token reloads it from disk (Reload after an external change)', async () => {
    const p = join(dir, 'a.progressions');
    await writeDoc(p, sampleFramework('A'));
    const s = makeServices(dir);
    const doc = value(await shown(s.docs, W, await s.docs.openPath(W, p)));
    await writeDoc(p, sampleFramework('Changed elsewhere'));
    const again = value(await shown(s.docs, W, await s.docs.openRecent(W, { docToken: doc.docToken })));
    expect(again.text).toContain('Changed elsewhere');
  });

  it('closing a window revokes its tokens', async () => {
    const a = join(dir, 'a.progressions');
    await writeDoc(a, sampleFramework('A'));
    const s = makeServices(dir, { recent: [a] });
    const [e] = await s.docs.listRecent(W);
    await s.docs.detach(W, { discardJournal: true });
    expect((await s.docs.openRecent(W, { docToken: e!.docToken })).ok).toBe(false);
  });

  it('keeps at most ten, newest first', () => {
    const s = makeServices(dir);
    for (let i = 0; i < 12; i++) s.recent.add(`/x/${i}`);
    s.recent.add('/x/5');
    expect(s.recentList[0]!.path).toBe('/x/5');
    expect(s.recentList).toHaveLength(10);
    expect(new Set(s.recentList.map((e) => e.path)).size).toBe(10);
  });
});

describe('import and export through dialogs', () => {
  it('import reads the chosen file, with the size limit', async () => {
    const s = makeServices(dir, { maxBytes: 50 });
    await fs.writeFile(join(dir, 's.csv'), 'code,statement\nA,B\n');
    await fs.writeFile(join(dir, 'big.csv'), 'x'.repeat(100));
    s.dialogs.open.push(join(dir, 's.csv'), join(dir, 'big.csv'));
    expect(await s.docs.pickImport(W, { accept: ['csv'] })).toEqual({ ok: true, value: { name: 's.csv', text: 'code,statement\nA,B\n', encoding: 'utf-8' } });
    const big = await s.docs.pickImport(W, { accept: ['csv'] });
    expect(!big.ok && big.error.code).toBe('too-large');
    expect(!big.ok && big.error.message).toMatch(/Cannot import/);
    expect(await s.docs.pickImport(W, { accept: ['csv'] })).toEqual({ ok: true, value: null });
    expect((await s.docs.pickImport(W, { accept: ['../x'] })).ok).toBe(false);
  });

  it('export writes the renderer’s content (whole or in chunks) where the user chose', async () => {
    const s = makeServices(dir);
    s.dialogs.save.push(join(dir, 'out.csv'), join(dir, 'big.json'));
    expect(await s.docs.saveExport(W, { suggestedName: 'x.csv', content: 'a,b\n', mimeType: 'text/csv', filters: [{ name: 'CSV', extensions: ['csv'] }] })).toEqual({
      ok: true,
      value: { name: 'out.csv' },
    });
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('a,b\n');
    expect((await s.docs.saveExport(W, { suggestedName: 'x.json', chunks: ['{"a":', '1}'], mimeType: 'application/json' })).ok).toBe(true);
    expect(readFileSync(join(dir, 'big.json'), 'utf8')).toBe('{"a":1}');
  });

  it.each([
    [{ suggestedName: 'x', mimeType: 'text/plain' }],
    [{ suggestedName: 'x', content: 'a', chunks: ['b'], mimeType: 'text/plain' }],
    [{ suggestedName: 'x', chunks: [1, 2], mimeType: 'text/plain' }],
    [{ suggestedName: 'x', content: 'a', mimeType: 'text/plain', filters: [{ name: 'x', extensions: ['../x'] }] }],
  ])('refuses a malformed export request %j without asking', async (request) => {
    const s = makeServices(dir);
    expect((await s.docs.saveExport(W, request)).ok).toBe(false);
    expect(s.dialogs.calls).toEqual([]);
  });

  it('exports over the size limit are refused', async () => {
    const s = makeServices(dir, { maxBytes: 10 });
    expect((await s.docs.saveExport(W, { suggestedName: 'x', chunks: ['123456', '789012'], mimeType: 'text/plain' })).ok).toBe(false);
  });
});


describe('a window whose page crashed or reloaded', () => {
  it('gets its own unsaved work offered back', async () => {
    const s = makeServices(dir);
    s.docs.attach(W);
    s.docs.setDirty(W, true);
    await s.docs.writeJournal(W, { id: 'page-1', name: 'Untitled', title: 'Mine', docToken: null, text: serializeFramework(sampleFramework('Mine')) });
    expect(await s.docs.listRecovery(W)).toEqual([]);
    s.docs.releaseRenderer(W);
    expect((await s.docs.listRecovery(W)).map((e) => e.title)).toEqual(['Mine']);
    expect(s.docs.isBlank(W)).toBe(true);
  });
});
