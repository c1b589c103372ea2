import { promises as fs, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { makeServices, manualTimers, manualWatch, sampleFramework, shown, tempDir, value, writeDoc } from './helpers';

// A CASE package opened as a document (File › Open, Open Recent, the command line, the OS, a drop) is
// imported by the page as a new framework without a file. Main hands it over with a `source` token the
// page answers with (`window:openHandled`): imported, it is listed as recent and nothing more — not the
// window's file, not watched, never saved to; refused, nothing is recorded and a blank window stays blank.

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const W = 1;
const CASE_TEXT = readFileSync(join(import.meta.dirname, '../fixtures/case/sample.case-1.1.json'), 'utf8');

async function casePackage(name = 'state-math.json'): Promise<string> {
  const p = join(dir, name);
  await fs.writeFile(p, CASE_TEXT);
  return p;
}

describe('a CASE package handed to the page', () => {
  it('is listed as recent once the page says it imported it, not before', async () => {
    const s = makeServices(dir);
    const pkg = await casePackage();
    const doc = value(await s.docs.openPath(W, pkg));
    expect(doc).toMatchObject({ name: 'state-math.json', docToken: null, text: CASE_TEXT });
    expect(doc.sourceToken).toEqual(expect.any(String));
    expect(await s.docs.recentPaths()).toEqual([]);
    // the page shows the imported framework (no file), then answers
    await s.docs.shows(W, { docToken: null, name: 'Grade 3 Fractions' });
    s.docs.setDirty(W, true);
    s.docs.handled(W, { token: doc.sourceToken, outcome: 'imported' });
    expect(await s.docs.recentPaths()).toEqual([pkg]);
    expect(s.docs.info(W)).toEqual({ name: 'Grade 3 Fractions', path: null, dirty: true });
    expect(await s.docs.findOwner(pkg)).toBeUndefined();
  });

  it('is not the window’s file: not watched, a change to it is not reported, Save cannot reach it', async () => {
    const watch = manualWatch();
    const timers = manualTimers();
    const s = makeServices(dir, { watch, timers });
    const plan = join(dir, 'plan.progressions');
    await writeDoc(plan, sampleFramework('Plan'));
    value(await shown(s.docs, W, await s.docs.openPath(W, plan)));
    expect(watch.count()).toBe(1);
    const pkg = await casePackage();
    const doc = value(await s.docs.openPath(W, pkg));
    await s.docs.shows(W, { docToken: null, name: 'Grade 3 Fractions' });
    s.docs.handled(W, { token: doc.sourceToken, outcome: 'imported' });
    // the framework shown before is no longer the window's, and the package never was
    expect(watch.count()).toBe(0);
    const changed = CASE_TEXT.replace('"title"', '"title" ');
    await fs.writeFile(pkg, changed);
    watch.fire(dir, 'state-math.json');
    timers.flush();
    await s.watcher!.idle();
    expect(s.events).toEqual([]);
    // the answered token is spent; a page that tries to save with it reaches nothing
    const text = serializeFramework(sampleFramework('Mine'));
    expect(await s.docs.save(W, { docToken: doc.sourceToken, text })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // Save As writes where the user says, and the package is left as it was
    s.dialogs.save.push(join(dir, 'state-math.progressions'));
    expect(value(await s.docs.saveAs(W, { suggestedName: 'grade-3-fractions.json', text }))?.name).toBe('state-math.progressions');
    expect(readFileSync(pkg, 'utf8')).toBe(changed);
  });

  it('reopened from the recent list, it is handed over again (the page imports it again)', async () => {
    const s = makeServices(dir);
    const pkg = await casePackage();
    const first = value(await s.docs.openPath(W, pkg));
    s.docs.handled(W, { token: first.sourceToken, outcome: 'imported' });
    const [entry] = await s.docs.listRecent(2);
    expect(entry).toMatchObject({ name: 'state-math.json' });
    const again = value(await s.docs.openRecent(2, { docToken: entry!.docToken }));
    expect(again).toMatchObject({ name: 'state-math.json', docToken: null, text: CASE_TEXT });
    expect(again.sourceToken).not.toBe(first.sourceToken);
  });

  it('refused (it could not be mapped, or the user kept their changes): not recent, and the window is blank again', async () => {
    const s = makeServices(dir);
    s.docs.attach(W);
    const pkg = await casePackage();
    const doc = value(await s.docs.openPath(W, pkg));
    expect(s.docs.isBlank(W)).toBe(false);
    // the page's "no file" report alone does not answer the handover: it may predate it
    await s.docs.shows(W, { docToken: null, name: 'Untitled framework' });
    expect(s.docs.isBlank(W)).toBe(false);
    s.docs.handled(W, { token: doc.sourceToken, outcome: 'refused' });
    expect(s.docs.isBlank(W)).toBe(true);
    expect(await s.docs.recentPaths()).toEqual([]);
    // a late "imported" for the spent token records nothing
    s.docs.handled(W, { token: doc.sourceToken, outcome: 'imported' });
    expect(await s.docs.recentPaths()).toEqual([]);
  });

  it('answers that are not this window’s, or not answers at all, are ignored', async () => {
    const s = makeServices(dir);
    s.docs.attach(W);
    s.docs.attach(2);
    const pkg = await casePackage();
    const doc = value(await s.docs.openPath(W, pkg));
    for (const bad of [null, 'x', { token: doc.sourceToken }, { token: doc.sourceToken, outcome: 'opened' }, { token: 42, outcome: 'imported' }, { token: pkg, outcome: 'imported' }]) {
      s.docs.handled(W, bad);
    }
    s.docs.handled(2, { token: doc.sourceToken, outcome: 'imported' });
    expect(await s.docs.recentPaths()).toEqual([]);
    expect(s.docs.isBlank(W)).toBe(false);
    expect(s.docs.isBlank(2)).toBe(true);
  });
});

describe('a framework file the page refuses', () => {
  const BROKEN = '{ "format": "progressions.framework", "formatVersion": 1, "framework": { "title": 42 } }';

  it('leaves a window that shows nothing blank again once the page says so, to take the next file', async () => {
    const s = makeServices(dir);
    s.docs.attach(W);
    const broken = join(dir, 'broken.progressions');
    await fs.writeFile(broken, BROKEN);
    const doc = value(await s.docs.openPath(W, broken));
    expect(s.docs.isBlank(W)).toBe(false);
    s.docs.handled(W, { token: doc.docToken, outcome: 'refused' });
    expect(s.docs.isBlank(W)).toBe(true);
    expect(await s.docs.recentPaths()).toEqual([]);
    expect(s.docs.info(W)?.path).toBeNull();
  });

  it('a window with unsaved changes is not blank, refused file or not', async () => {
    const s = makeServices(dir);
    s.docs.attach(W);
    s.docs.setDirty(W, true);
    const broken = join(dir, 'broken.progressions');
    await fs.writeFile(broken, BROKEN);
    const doc = value(await s.docs.openPath(W, broken));
    s.docs.handled(W, { token: doc.docToken, outcome: 'refused' });
    expect(s.docs.isBlank(W)).toBe(false);
  });
});
