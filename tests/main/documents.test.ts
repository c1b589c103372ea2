import { existsSync, promises as fs, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFrameworkText, serializeFramework, toFrameworkFile } from '../../src-core/format/frameworkFile';
import { createCompetency } from '../../src-core/model/defaults';
import { nodeFileSystem } from '../../src-main/services/files';
import { failingAtomicFs, makeServices, sampleFramework, tempDir, writeDoc } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const W = 1; // a window id

describe('opening documents', () => {
  it('opens a framework file and remembers it as recent', async () => {
    const s = makeServices(dir);
    const fw = sampleFramework();
    const p = join(dir, 'fractions.progressions');
    await writeDoc(p, fw);
    const r = await s.docs.openPath(W, p);
    expect(r.ok && r.value.name).toBe('fractions.progressions');
    expect(r.ok && r.value.hasFile).toBe(true);
    expect(r.ok && Object.keys(r.value.framework.competencies)).toHaveLength(2);
    expect(s.recentList).toEqual([p]);
    expect(s.docs.info(W)).toEqual({ name: 'fractions.progressions', path: p, dirty: false });
  });

  it('opens plain .json framework files too', async () => {
    const s = makeServices(dir);
    const p = join(dir, 'district.json');
    await writeDoc(p, sampleFramework());
    expect((await s.docs.openPath(W, p)).ok).toBe(true);
  });

  it.each([
    ['a missing file', async () => join(dir, 'nope.progressions'), 'not-found', /does not exist/],
    ['a folder', async () => dir, 'is-directory', /folder/],
    ['an empty file', async () => (await fs.writeFile(join(dir, 'e.json'), ''), join(dir, 'e.json')), 'empty', /empty/],
    ['broken JSON', async () => (await fs.writeFile(join(dir, 'b.json'), '{\n  "a": 1,\n  "b": ]\n}'), join(dir, 'b.json')), 'json', /line 3, column 8/],
    ['JSON that is not a framework', async () => (await fs.writeFile(join(dir, 'n.json'), '{"hello": 1}'), join(dir, 'n.json')), 'unsupported-format', /Not a supported format/],
    [
      'a file from a newer version of the app',
      async () => (await fs.writeFile(join(dir, 'v.json'), JSON.stringify({ ...toFrameworkFile(sampleFramework()), formatVersion: 99 })), join(dir, 'v.json')),
      'newer-version',
      /reads up to version 1\. Update Progressions/,
    ],
  ])('explains %s', async (_what, make, code, message) => {
    const s = makeServices(dir);
    const p = await make();
    const r = await s.docs.openPath(W, p);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      if (code !== 'json') expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(message);
      expect(r.error.message).not.toMatch(/at .*\.ts:\d+/); // no stack traces
    }
  });

  it('explains schema errors with the JSON pointer', async () => {
    const s = makeServices(dir);
    const file = toFrameworkFile(sampleFramework()) as unknown as { framework: { title: unknown } };
    file.framework.title = 42;
    const p = join(dir, 's.json');
    await fs.writeFile(p, JSON.stringify(file));
    const r = await s.docs.openPath(W, p);
    expect(!r.ok && r.error.code).toBe('schema');
    expect(!r.ok && r.error.path).toBe('/framework/title');
  });

  it('refuses files over the size limit without reading them', async () => {
    const s = makeServices(dir, { maxBytes: 1000 });
    const p = join(dir, 'big.json');
    await writeDoc(p, sampleFramework('Big', 20));
    const r = await s.docs.openPath(W, p);
    expect(!r.ok && r.error.code).toBe('too-large');
    expect(!r.ok && r.error.message).toMatch(/limit/);
  });

  it('drops a missing file from the recent list when opening it fails', async () => {
    const s = makeServices(dir, { settings: [join(dir, 'gone.progressions')] });
    await s.docs.openPath(W, join(dir, 'gone.progressions'));
    expect(s.recentList).toEqual([]);
  });
});

describe('saving', () => {
  it('saves atomically, keeps the previous version as .bak and clears the dirty mark', async () => {
    const s = makeServices(dir);
    const p = join(dir, 'f.progressions');
    const fw = sampleFramework('Before');
    await writeDoc(p, fw);
    await s.docs.openPath(W, p);
    s.docs.setDirty(W, true);
    const edited = { ...fw, title: 'After' };
    const r = await s.docs.save(W, edited);
    expect(r.ok).toBe(true);
    expect(readFileSync(p, 'utf8')).toBe(serializeFramework(edited));
    expect(readFileSync(`${p}.bak`, 'utf8')).toBe(serializeFramework(fw));
    expect(s.docs.info(W)?.dirty).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to write a document that does not match the format, and says where', async () => {
    const s = makeServices(dir);
    const p = join(dir, 'f.progressions');
    await writeDoc(p, sampleFramework());
    await s.docs.openPath(W, p);
    const before = readFileSync(p, 'utf8');
    const r = await s.docs.save(W, { ...sampleFramework(), phases: 'oops' });
    expect(!r.ok && r.error.code).toBe('invalid-document');
    expect(!r.ok && r.error.path).toBe('/framework/phases');
    expect(readFileSync(p, 'utf8')).toBe(before);
  });

  it('Save on an untitled document asks where, and adds the extension when none is typed', async () => {
    const s = makeServices(dir);
    s.docs.attach(W);
    s.dialogs.save.push(join(dir, 'My plan'));
    const r = await s.docs.save(W, sampleFramework('My plan'));
    expect(r.ok && r.value.name).toBe('My plan.progressions');
    expect(s.dialogs.calls[0]).toBe('save:Save framework as:My plan.progressions');
    expect(loadFrameworkText(readFileSync(join(dir, 'My plan.progressions'), 'utf8')).ok).toBe(true);
    expect(s.docs.info(W)).toMatchObject({ name: 'My plan.progressions', dirty: false });
  });

  it('a canceled Save As writes nothing and keeps the document dirty', async () => {
    const s = makeServices(dir);
    s.docs.attach(W);
    s.docs.setDirty(W, true);
    const r = await s.docs.saveAs(W, sampleFramework());
    expect(r).toMatchObject({ ok: false, canceled: true });
    expect(s.docs.info(W)?.dirty).toBe(true);
  });

  it('a failed save (disk full mid-write) leaves the old file intact, keeps the document dirty and says why', async () => {
    const p = join(dir, 'f.progressions');
    const fw = sampleFramework('Saved');
    await writeDoc(p, fw);
    const afs = failingAtomicFs({ code: 'ENOSPC', when: (tmp) => dirname(tmp) === dir });
    const s = makeServices(dir, { fs: nodeFileSystem({ atomicFs: afs }) });
    await s.docs.openPath(W, p);
    s.docs.setDirty(W, true);
    expect((await s.docs.autosave(W, { ...fw, title: 'Edited' })).ok).toBe(true);
    const r = await s.docs.save(W, { ...fw, title: 'Edited' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('save-failed');
    expect(!r.ok && r.error.message).toMatch(/disk is full/);
    expect(!r.ok && r.error.message).toMatch(/unchanged/);
    expect(readFileSync(p, 'utf8')).toBe(serializeFramework(fw));
    expect(afs.tempFiles.every((t) => !existsSync(t))).toBe(true);
    expect(s.docs.info(W)?.dirty).toBe(true);
    // The edits are still in the recovery journal.
    const list = await makeServices(dir).journal.list();
    expect(list.map((e) => e.frameworkTitle)).toEqual(['Edited']);
  });

  it('a read-only folder is explained', async () => {
    const failing = { ...nodeFileSystem(), writeAtomic: () => Promise.reject(Object.assign(new Error('EROFS'), { code: 'EROFS' })) };
    const s = makeServices(dir, { fs: failing });
    const p = join(dir, 'f.progressions');
    await writeDoc(p, sampleFramework());
    await s.docs.openPath(W, p);
    const r = await s.docs.save(W, sampleFramework());
    expect(!r.ok && r.error.message).toMatch(/read-only/);
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
    await run1.docs.openPath(W, p);
    run1.docs.setDirty(W, true);
    const edited = structuredClone(saved);
    edited.title = 'Edited version';
    const c = createCompetency({ code: 'NF.9', statement: 'Added after the last save' });
    edited.competencies[c.id] = c;
    expect((await run1.docs.autosave(W, edited)).ok).toBe(true);
    await run1.docs.save(W, edited); // the "crash"
    expect(afs.tempFiles.length).toBe(1);
    expect(existsSync(afs.tempFiles[0]!)).toBe(true); // a half-written temp file is left behind

    // Run 2: fresh services on the same folders.
    const run2 = makeServices(dir);
    expect(readFileSync(p, 'utf8')).toBe(serializeFramework(saved));
    expect((await run2.docs.openPath(2, p)).ok).toBe(true);
    const entries = await run2.docs.listRecovery();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ documentName: 'f.progressions', frameworkTitle: 'Edited version', competencyCount: 3, filePath: p });
    const restored = await run2.docs.restore(3, entries[0]!.id);
    expect(restored.ok).toBe(true);
    if (restored.ok) {
      expect(restored.value.framework).toEqual(edited);
      expect(restored.value.hasFile).toBe(true);
    }
    expect(run2.docs.info(3)).toMatchObject({ path: p, dirty: true });
    // Saving the restored document writes the edits to the file and clears the journal.
    expect((await run2.docs.save(3, edited)).ok).toBe(true);
    expect(loadFrameworkText(readFileSync(p, 'utf8'))).toMatchObject({ ok: true, value: { framework: { title: 'Edited version' } } });
    expect(await makeServices(dir).journal.list()).toEqual([]);
  });

  it('a crash during autosave keeps the previous autosave, and the saved file is untouched', async () => {
    const p = join(dir, 'f.progressions');
    const saved = sampleFramework('Saved');
    await writeDoc(p, saved);
    let armed = false;
    const afs = failingAtomicFs({ code: 'EIO', crash: true, when: () => armed });
    const run1 = makeServices(dir, { fs: nodeFileSystem({ atomicFs: afs }) });
    await run1.docs.openPath(W, p);
    run1.docs.setDirty(W, true);
    expect((await run1.docs.autosave(W, { ...saved, title: 'First edit' })).ok).toBe(true);
    armed = true; // the next autosave dies halfway through
    const r = await run1.docs.autosave(W, { ...saved, title: 'Second edit' });
    expect(!r.ok && r.error.code).toBe('autosave-failed');
    expect(afs.tempFiles).toHaveLength(1);

    const restart = makeServices(dir);
    expect(readFileSync(p, 'utf8')).toBe(serializeFramework(saved));
    const entries = await restart.docs.listRecovery();
    expect(entries.map((e) => e.frameworkTitle)).toEqual(['First edit']);
    const restored = await restart.docs.restore(W, entries[0]!.id);
    expect(restored.ok && restored.value.framework.title).toBe('First edit');
  });

  it('a clean close removes the journal entry; closing with "Don\'t save" removes it too', async () => {
    const s = makeServices(dir);
    s.docs.attach(W);
    s.docs.setDirty(W, true);
    await s.docs.autosave(W, sampleFramework());
    expect(await makeServices(dir).journal.list()).toHaveLength(1);
    await s.docs.detach(W, { discardJournal: true });
    expect(await makeServices(dir).journal.list()).toHaveLength(0);
  });

  it('entries of open windows are not offered for recovery, and cannot be discarded from elsewhere', async () => {
    const s = makeServices(dir);
    s.docs.attach(W);
    await s.docs.autosave(W, sampleFramework());
    expect(await s.docs.listRecovery()).toEqual([]);
    const id = readdirSync(join(dir, 'userData', 'recovery'))[0]!.replace(/\.json$/, '');
    expect((await s.docs.discardRecovery(id)).ok).toBe(false);
  });

  it('the user can discard an entry after a restart', async () => {
    const s = makeServices(dir);
    s.docs.attach(W);
    await s.docs.autosave(W, sampleFramework());
    const next = makeServices(dir);
    const [entry] = await next.docs.listRecovery();
    expect((await next.docs.discardRecovery(entry!.id)).ok).toBe(true);
    expect(await makeServices(dir).docs.listRecovery()).toEqual([]);
  });

  it('an entry whose file already holds the same content (crash after save, before clean-up) is dropped quietly', async () => {
    const p = join(dir, 'f.progressions');
    const fw = sampleFramework();
    await writeDoc(p, fw);
    const s = makeServices(dir);
    await s.journal.write('0f8fad5b-d9cb-469f-a165-70867728950e', { documentName: 'f.progressions', filePath: p, framework: fw });
    expect(await makeServices(dir).docs.listRecovery()).toEqual([]);
  });

  it('a damaged journal entry is listed as damaged, and restoring it explains', async () => {
    const s = makeServices(dir);
    s.docs.attach(W);
    await s.docs.autosave(W, sampleFramework());
    const folder = join(dir, 'userData', 'recovery');
    const [name] = readdirSync(folder);
    await fs.writeFile(join(folder, name!), '{"kind": "progressions.rec');
    const next = makeServices(dir);
    const [entry] = await next.docs.listRecovery();
    expect(entry?.documentName).toMatch(/Damaged/);
    const r = await next.docs.restore(W, entry!.id);
    expect(!r.ok && r.error.code).toBe('corrupt');
  });
});

describe('recent files and path tokens', () => {
  it('lists recent files with tokens that only the asking window can use', async () => {
    const a = join(dir, 'a.progressions');
    const b = join(dir, 'b.progressions');
    await writeDoc(a, sampleFramework('A'));
    const s = makeServices(dir, { settings: [b, a] });
    const list = await s.docs.recentFor(W);
    expect(list.map((e) => e.name)).toEqual(['a.progressions']); // b is missing: pruned
    expect(s.recentList).toEqual([a]);
    expect(s.docs.resolveDocumentToken(W, list[0]!.token)).toBe(a);
    expect(s.docs.resolveDocumentToken(2, list[0]!.token)).toBeUndefined();
    expect(s.docs.resolveDocumentToken(W, a)).toBeUndefined(); // a path is not a token
    expect(s.tokens.resolve(W, list[0]!.token, 'export')).toBeUndefined();
  });

  it('closing a window revokes its tokens', async () => {
    const a = join(dir, 'a.progressions');
    await writeDoc(a, sampleFramework('A'));
    const s = makeServices(dir, { settings: [a] });
    s.docs.attach(W);
    const [e] = await s.docs.recentFor(W);
    await s.docs.detach(W, { discardJournal: true });
    expect(s.docs.resolveDocumentToken(W, e!.token)).toBeUndefined();
  });

  it('keeps at most ten, newest first', () => {
    const s = makeServices(dir);
    for (let i = 0; i < 12; i++) s.recent.add(`/x/${i}`);
    s.recent.add('/x/5');
    expect(s.recentList[0]).toBe('/x/5');
    expect(s.recentList).toHaveLength(10);
    expect(new Set(s.recentList).size).toBe(10);
  });
});

describe('import and export through dialogs', () => {
  it('import reads the chosen file, with the size limit', async () => {
    const s = makeServices(dir, { maxBytes: 50 });
    await fs.writeFile(join(dir, 's.csv'), 'code,statement\nA,B\n');
    await fs.writeFile(join(dir, 'big.csv'), 'x'.repeat(100));
    s.dialogs.open.push(join(dir, 's.csv'), join(dir, 'big.csv'));
    expect(await s.docs.pickImport(W, 'csv')).toEqual({ ok: true, value: { name: 's.csv', text: 'code,statement\nA,B\n' } });
    const big = await s.docs.pickImport(W, 'csv');
    expect(!big.ok && big.error.code).toBe('too-large');
    expect(await s.docs.pickImport(W, 'csv')).toMatchObject({ ok: false, canceled: true });
  });

  it('export writes the renderer’s content where the user chose', async () => {
    const s = makeServices(dir);
    s.dialogs.save.push(join(dir, 'out.csv'));
    const r = await s.docs.writeExport(W, { defaultName: 'x.csv', filters: [{ name: 'CSV', extensions: ['csv'] }], content: 'a,b\n' });
    expect(r).toEqual({ ok: true, value: { name: 'out.csv' } });
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('a,b\n');
  });
});

