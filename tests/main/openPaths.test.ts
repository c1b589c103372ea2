import { promises as fs, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, resetFake, state } from './electronFake';
import { sampleFramework, tempDir, writeDoc } from './helpers';

vi.mock('electron', async () => (await import('./electronFake')).electronModule());

const { makeDesktopApp, invokeFrom, OUR_FRAME } = await import('./desktopHarness');

// Which window a file from main's side (File › Open, Open Recent, the command line, the OS, a drop) goes
// to, and what becomes of a CASE package opened that way (the page imports it; recent follows its answer).

const ourFrame = OUR_FRAME;
const CASE_TEXT = readFileSync(join(import.meta.dirname, '../fixtures/case/sample.case-1.1.json'), 'utf8');
const BROKEN = '{ "format": "progressions.framework", "formatVersion": 1, "framework": { "title": 42 } }';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  resetFake();
});
afterEach(() => cleanup());

const makeApp = (platform: 'linux' | 'darwin' = 'linux') => makeDesktopApp(dir, platform);

const invoke = (win: FakeBrowserWindow, channel: string, request?: unknown) => invokeFrom(win, channel, request);

/** The page listens for files and gets what waited for it: the names handed to it, in order. */
function handed(win: FakeBrowserWindow): { name: string; docToken: string | null; sourceToken?: string }[] {
  state.listeners.get('host:listening')!({ sender: win.webContents, senderFrame: ourFrame }, 'file:openRequested');
  return win.webContents.send.mock.calls.filter((c) => c[0] === 'file:openRequested').map((c) => c[1]);
}

const names = (win: FakeBrowserWindow) => handed(win).map((d) => d.name);

async function files(...list: [string, string][]): Promise<string[]> {
  return Promise.all(
    list.map(async ([name, text]) => {
      const p = join(dir, name);
      await fs.writeFile(p, text);
      return p;
    }),
  );
}

describe('files arriving together', () => {
  it('two files from the OS at once: the blank window takes the first, the second gets its own window', async () => {
    const a = join(dir, 'a.progressions');
    const b = join(dir, 'b.progressions');
    await writeDoc(a, sampleFramework('A'));
    await writeDoc(b, sampleFramework('B'));
    const desktop = makeApp('darwin');
    await desktop.start(['/Applications/Progressions.app/Contents/MacOS/Progressions'], '/');
    const openFile = state.appEvents.get('open-file')!;
    // "open with" of two files: macOS sends one open-file event per file, back to back
    openFile({ preventDefault: () => undefined }, a);
    openFile({ preventDefault: () => undefined }, b);
    await desktop.idle();
    expect(FakeBrowserWindow.all).toHaveLength(2);
    const [first, second] = FakeBrowserWindow.all as [FakeBrowserWindow, FakeBrowserWindow];
    expect(names(first)).toEqual(['a.progressions']);
    expect(names(second)).toEqual(['b.progressions']);
  });

  it('two paths from a second launch: the same, in the order given', async () => {
    const [a, b] = await files(['a.json', CASE_TEXT], ['b.json', CASE_TEXT]);
    const desktop = makeApp();
    await desktop.start(['/usr/bin/electron', '.'], dir);
    await state.appEvents.get('second-instance')!({}, ['/usr/bin/electron', '.', a, b], dir);
    await desktop.idle();
    expect(FakeBrowserWindow.all.map(names)).toEqual([['a.json'], ['b.json']]);
  });

  it('a file that cannot be read leaves the blank window for the next one', async () => {
    const a = join(dir, 'a.progressions');
    await writeDoc(a, sampleFramework('A'));
    const desktop = makeApp();
    await desktop.start(['/usr/bin/electron', '.', join(dir, 'gone.progressions'), a], dir);
    expect(FakeBrowserWindow.all).toHaveLength(1);
    expect(names(FakeBrowserWindow.all[0]!)).toEqual(['a.progressions']);
    expect(state.messageBoxes[0]?.message).toBe('Cannot open "gone.progressions"');
  });
});

describe('a window whose page refused a file', () => {
  it('takes the next file, as a fresh window does', async () => {
    const [broken] = await files(['broken.progressions', BROKEN]);
    const b = join(dir, 'b.progressions');
    await writeDoc(b, sampleFramework('B'));
    const desktop = makeApp();
    await desktop.start(['/usr/bin/electron', '.', broken!], dir);
    const win = FakeBrowserWindow.all[0]!;
    const [doc] = handed(win);
    // the page could not load it, said so, and still shows its untitled, unchanged document
    await invoke(win, 'window:setDocument', { docToken: null, name: 'Untitled framework' });
    await invoke(win, 'window:openHandled', { token: doc!.docToken, outcome: 'refused' });
    await state.appEvents.get('second-instance')!({}, ['/usr/bin/electron', '.', b], dir);
    await desktop.idle();
    expect(FakeBrowserWindow.all).toHaveLength(1);
    expect(win.webContents.send.mock.calls.filter((c) => c[0] === 'file:openRequested').map((c) => c[1].name)).toEqual(['broken.progressions', 'b.progressions']);
    expect(await desktop.docs.recentPaths()).toEqual([]);
  });
});

describe('a CASE package opened with File › Open', () => {
  it('is in Open Recent once the page imported it, and reopening it hands it over again', async () => {
    const [pkg] = await files(['state-math.json', CASE_TEXT]);
    const desktop = makeApp();
    await desktop.start(['/usr/bin/electron', '.'], dir);
    const win = FakeBrowserWindow.all[0]!;
    state.openDialog.push(pkg!);
    await desktop.openWithDialog();
    const [doc] = handed(win);
    expect(doc).toMatchObject({ name: 'state-math.json', docToken: null, sourceToken: expect.any(String) });
    expect(await desktop.docs.recentPaths()).toEqual([]);
    // the page imports it: a new framework without a file, unsaved
    await invoke(win, 'window:setDocument', { docToken: null, name: 'Grade 3–5 Fractions' });
    await invoke(win, 'window:setDirty', { dirty: true });
    await invoke(win, 'window:openHandled', { token: doc!.sourceToken, outcome: 'imported' });
    expect(await desktop.docs.recentPaths()).toEqual([pkg]);
    const file = (state.menu!.template as { label?: string; submenu?: { label?: string; submenu?: { label?: string }[] }[] }[]).find((m) => m.label === '&File')!;
    const recent = file.submenu!.find((i) => i.label === 'Open Recent')!;
    expect(recent.submenu!.map((i) => i.label)).toContain('state-math.json');
    expect(desktop.docs.info(win.webContents.id)).toEqual({ name: 'Grade 3–5 Fractions', path: null, dirty: true });
    // Open Recent: the window has unsaved work, so the package is imported again in a window of its own
    await desktop.openPaths([pkg!], win.webContents.id);
    expect(FakeBrowserWindow.all).toHaveLength(2);
    expect(handed(FakeBrowserWindow.all[1]!)).toEqual([expect.objectContaining({ name: 'state-math.json', docToken: null })]);
  });

  it('refused by the page (it could not be mapped): not in Open Recent', async () => {
    const [pkg] = await files(['state-math.json', CASE_TEXT]);
    const desktop = makeApp();
    await desktop.start(['/usr/bin/electron', '.', pkg!], dir);
    const win = FakeBrowserWindow.all[0]!;
    const [doc] = handed(win);
    await invoke(win, 'window:openHandled', { token: doc!.sourceToken, outcome: 'refused' });
    expect(await desktop.docs.recentPaths()).toEqual([]);
    expect(desktop.docs.isBlank(win.webContents.id)).toBe(true);
  });
});
