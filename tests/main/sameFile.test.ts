import { promises as fs, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { canonicalPath, isSameFile } from '../../src-main/services/fileIdentity';
import { nodeFileSystem } from '../../src-main/services/files';
import { makeServices, manualTimers, manualWatch, sampleFramework, shown, tempDir, value, writeDoc } from './helpers';

// One file under two names (a symbolic link, `a/../x`, another case on a case-insensitive disk) is one
// document: "already open", the save check, the watch and the recent list go by the file, not the name.

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const W = 1;

/** `real/plan.progressions`, a link to it (`links/plan-link.progressions`) and a link to its folder (`shared`). */
async function twoNames() {
  const realDir = join(dir, 'real');
  const linkDir = join(dir, 'links');
  await fs.mkdir(realDir);
  await fs.mkdir(linkDir);
  const real = join(realDir, 'plan.progressions');
  await writeDoc(real, sampleFramework('Plan'));
  const link = join(linkDir, 'plan-link.progressions');
  await fs.symlink(real, link);
  await fs.symlink(realDir, join(dir, 'shared'));
  return { real, realDir, link, viaFolder: join(dir, 'shared', 'plan.progressions'), dotted: join(linkDir, '..', 'real', 'plan.progressions') };
}

describe('file identity', () => {
  it('canonicalPath resolves links and `..`; a file not there yet keeps its name in its folder’s real path', async () => {
    const { real, realDir, link, viaFolder, dotted } = await twoNames();
    const fsys = nodeFileSystem();
    expect(await canonicalPath(fsys, link)).toBe(real);
    expect(await canonicalPath(fsys, viaFolder)).toBe(real);
    expect(await canonicalPath(fsys, dotted)).toBe(real);
    expect(await canonicalPath(fsys, join(dir, 'shared', 'new.progressions'))).toBe(join(realDir, 'new.progressions'));
    expect(await canonicalPath(fsys, join(dir, 'nowhere', 'x.json'))).toBe(join(dir, 'nowhere', 'x.json'));
    // a file system without realpath (a fake): the path as given, made absolute
    expect(await canonicalPath({}, join(dir, 'a', '..', 'x.json'))).toBe(join(dir, 'x.json'));
  });

  it('isSameFile: the same path, or the same device and inode (a hard link); never a missing file', async () => {
    const fsys = nodeFileSystem();
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    await fs.writeFile(a, '{}');
    await fs.writeFile(b, '{}');
    await fs.link(a, join(dir, 'A-hard.json'));
    expect(await isSameFile(fsys, a, join(dir, 'A-hard.json'))).toBe(true);
    expect(await isSameFile(fsys, a, b)).toBe(false);
    expect(await isSameFile(fsys, join(dir, 'gone.json'), join(dir, 'gone2.json'))).toBe(false);
    expect(await isSameFile(fsys, join(dir, 'gone.json'), join(dir, 'gone.json'))).toBe(true);
    // a file system that numbers no files (inode 0) only knows paths
    const unnumbered = { stat: async (p: string) => ({ ...(await fsys.stat(p)), ino: 0, dev: 0 }) };
    expect(await isSameFile(unnumbered, a, join(dir, 'A-hard.json'))).toBe(false);
  });

  it('isSameFile by inode: another spelling of the path on a case-insensitive disk (simulated)', async () => {
    const a = join(dir, 'plan.json');
    await fs.writeFile(a, '{}');
    const real = nodeFileSystem();
    const insensitive = { stat: (p: string) => real.stat(p.replace('PLAN.JSON', 'plan.json')) };
    expect(await isSameFile(insensitive, a, join(dir, 'PLAN.JSON'))).toBe(true);
  });
});

describe('one file opened under two names', () => {
  it('is "already open": opening it through a link, a linked folder or `..` brings its window forward', async () => {
    const focused: number[] = [];
    const s = makeServices(dir, { focus: (o) => focused.push(o) });
    const { real, link, viaFolder, dotted } = await twoNames();
    value(await shown(s.docs, W, await s.docs.openPath(W, link)));
    expect(s.docs.info(W)).toMatchObject({ path: real, name: 'plan.progressions' });
    for (const name of [real, link, viaFolder, dotted]) expect(await s.docs.findOwner(name)).toBe(W);
    s.dialogs.open.push(viaFolder);
    expect(await s.docs.chooseAndOpen(2)).toEqual({ ok: true, value: null });
    expect(focused).toEqual([W]);
  });

  it('by inode too, where the real paths differ (another case on a case-insensitive disk, simulated)', async () => {
    const real = nodeFileSystem();
    const upper = (p: string) => p.replace('PLAN.PROGRESSIONS', 'plan.progressions');
    // realpath keeps the spelling it is given, as a case-insensitive disk's might; stat finds the file either way
    const insensitive = { ...real, stat: (p: string) => real.stat(upper(p)), realpath: async (p: string) => (await real.realpath!(upper(p)), p) };
    const s = makeServices(dir, { fs: insensitive });
    const p = join(dir, 'plan.progressions');
    await writeDoc(p, sampleFramework('Plan'));
    value(await shown(s.docs, W, await s.docs.openPath(W, p)));
    expect(await s.docs.findOwner(join(dir, 'PLAN.PROGRESSIONS'))).toBe(W);
    // Save As onto it under the other spelling, from its own window: a Save, checked for a change made meanwhile
    await fs.writeFile(p, serializeFramework(sampleFramework('Colleague', 4)));
    s.dialogs.save.push(join(dir, 'PLAN.PROGRESSIONS'));
    expect(await s.docs.saveAs(W, { suggestedName: 'plan', text: serializeFramework(sampleFramework('Mine', 3)) })).toMatchObject({
      ok: false,
      error: { code: 'changed-on-disk' },
    });
    s.dialogs.save.push(join(dir, 'PLAN.PROGRESSIONS'));
    const r = await s.docs.saveAs(2, { suggestedName: 'plan', text: serializeFramework(sampleFramework('Other window')) });
    expect(r).toMatchObject({ ok: false, error: { code: 'open-elsewhere' } });
  });

  it('no other window saves over it under its other name (Save As, exports)', async () => {
    const s = makeServices(dir);
    const { real, link } = await twoNames();
    value(await shown(s.docs, W, await s.docs.openPath(W, real)));
    const before = readFileSync(real, 'utf8');
    s.dialogs.save.push(link);
    expect(await s.docs.saveAs(2, { suggestedName: 'plan', text: serializeFramework(sampleFramework('Other window')) })).toMatchObject({
      ok: false,
      error: { code: 'open-elsewhere' },
    });
    s.dialogs.save.push(link);
    expect(await s.docs.saveExport(2, { suggestedName: 'plan', content: 'a,b', mimeType: 'text/csv' })).toMatchObject({ ok: false, error: { code: 'open-elsewhere' } });
    expect(readFileSync(real, 'utf8')).toBe(before);
  });

  it('the save check sees a colleague’s change made under the other name; saving writes the file, the link stays a link', async () => {
    const s = makeServices(dir);
    const { real, link } = await twoNames();
    const doc = value(await shown(s.docs, W, await s.docs.openPath(W, link)));
    const theirs = serializeFramework(sampleFramework('Colleague', 4));
    await fs.writeFile(real, theirs);
    const mine = serializeFramework(sampleFramework('Mine', 3));
    expect(await s.docs.save(W, { docToken: doc.docToken, text: mine })).toMatchObject({ ok: false, error: { code: 'changed-on-disk' } });
    value(await s.docs.save(W, { docToken: doc.docToken, text: mine, overwrite: true }));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(link, 'utf8')).toBe(mine);
    expect(readFileSync(real, 'utf8')).toBe(mine);
  });

  it('Save As onto its other name is a Save of its own file (asks about a change made meanwhile)', async () => {
    const s = makeServices(dir);
    const { real, link } = await twoNames();
    value(await shown(s.docs, W, await s.docs.openPath(W, real)));
    await fs.writeFile(real, serializeFramework(sampleFramework('Colleague', 4)));
    s.dialogs.save.push(link);
    expect(await s.docs.saveAs(W, { suggestedName: 'plan', text: serializeFramework(sampleFramework('Mine', 3)) })).toMatchObject({
      ok: false,
      error: { code: 'changed-on-disk' },
    });
  });

  it('is watched where the file is: a change in the real folder is reported', async () => {
    const watch = manualWatch();
    const timers = manualTimers();
    const s = makeServices(dir, { watch, timers });
    const { real, realDir, link } = await twoNames();
    const doc = value(await shown(s.docs, W, await s.docs.openPath(W, link)));
    await fs.writeFile(real, serializeFramework(sampleFramework('Changed elsewhere', 5)));
    watch.fire(realDir, 'plan.progressions');
    timers.flush();
    await s.watcher!.idle();
    expect(s.events.map((e) => e.payload)).toEqual([{ docToken: doc.docToken, name: 'plan.progressions', change: 'changed' }]);
  });

  it('is listed once in the recent files, whichever name it was opened by', async () => {
    const { real, link, viaFolder } = await twoNames();
    // entries an earlier version kept under other names
    const s = makeServices(dir, { recent: [link, viaFolder] });
    value(await shown(s.docs, W, await s.docs.openPath(W, link)));
    expect(s.recentList.map((e) => e.path)).toEqual([real, link, viaFolder]);
    expect((await s.docs.listRecent(W)).map((r) => r.name)).toEqual(['plan.progressions']);
    expect(await s.docs.recentPaths()).toEqual([real]);
  });
});
