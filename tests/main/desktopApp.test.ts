import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { HOST_EVENTS, HOST_METHODS } from '../../src-core/host/contract';
import { FakeBrowserWindow, netFetch, resetFake, shellOpenExternal, state } from './electronFake';
import { sampleFramework, tempDir, writeDoc } from './helpers';

vi.mock('electron', async () => (await import('./electronFake')).electronModule());

const { DesktopApp } = await import('../../src-main/electron/desktopApp');
const { makeDesktopApp, INDEX } = await import('./desktopHarness');
const { CONTENT_SECURITY_POLICY } = await import('../../src-main/electron/security');


let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  resetFake();
});
afterEach(() => cleanup());

const makeApp = (platform: 'linux' | 'darwin' | 'win32' = 'linux') => makeDesktopApp(dir, platform);

const ourFrame = { url: `${INDEX}?open=x#top`, parent: null };

/** Calls a host channel as the window's own page would (or as `frame`). */
function invoke(win: FakeBrowserWindow, channel: string, request?: unknown, frame: { url: string; parent: unknown } = ourFrame) {
  const h = state.handlers.get(channel);
  if (!h) throw new Error(`no handler for ${channel}`);
  return h({ sender: win.webContents, senderFrame: frame }, request) as Promise<any>;
}

function listen(win: FakeBrowserWindow, event: string) {
  state.listeners.get('host:listening')!({ sender: win.webContents, senderFrame: ourFrame }, event);
}

describe('windows are created with Electron’s security checklist', () => {
  it('context isolation, sandbox, no Node, web security, no webview; our preload; our page', () => {
    const desktop = makeApp();
    const win = desktop.createWindow() as unknown as FakeBrowserWindow;
    const wp = win.options.webPreferences;
    expect(wp).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/Progressions/out/preload/preload.cjs',
    });
    expect(win.loadedUrl).toBe(INDEX);
  });

  it('navigation away from our page is denied; reloading our page is allowed', () => {
    const win = makeApp().createWindow() as unknown as FakeBrowserWindow;
    expect(win.webContents.fire('will-navigate', 'https://example.org/').defaultPrevented).toBe(true);
    expect(win.webContents.fire('will-navigate', 'file:///etc/passwd').defaultPrevented).toBe(true);
    expect(win.webContents.fire('will-redirect', 'https://evil.example/').defaultPrevented).toBe(true);
    expect(win.webContents.fire('will-navigate', INDEX).defaultPrevented).toBe(false);
    expect(win.webContents.fire('will-attach-webview', {}, {}).defaultPrevented).toBe(true);
  });

  it('window.open is denied; safe web links open in the system browser, others nowhere', () => {
    const win = makeApp().createWindow() as unknown as FakeBrowserWindow;
    const open = win.webContents.windowOpenHandler!;
    expect(open({ url: 'https://www.corestandards.org/Math/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(shellOpenExternal.mock.calls).toEqual([['https://www.corestandards.org/Math/']]);
  });

  it('every web contents created later is locked down too', () => {
    makeApp();
    const contents = new (FakeBrowserWindow as any)({}).webContents;
    state.appEvents.get('web-contents-created')!({}, contents);
    expect(contents.fire('will-navigate', 'https://example.org/').defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler({ url: 'https://example.org' })).toEqual({ action: 'deny' });
  });

  it('the session denies every permission and sends our CSP', async () => {
    const desktop = makeApp();
    await desktop.start(['/usr/bin/electron', '.'], dir);
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) state.permissionRequest!({}, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false, false]);
    expect(state.permissionCheck!({}, 'media')).toBe(false);
    let headers: Record<string, string[]> = {};
    state.headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['Content-Type']).toEqual(['text/html']);
  });

  it('the CSP has no unsafe-eval and no remote sources, and keeps every rule of the page’s own meta CSP', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    const html = readFileSync(join(import.meta.dirname, '../../src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    for (const directive of meta!.split(';').map((d) => d.trim()).filter(Boolean)) expect(CONTENT_SECURITY_POLICY).toContain(directive);
  });
});

describe('the host API handlers', () => {
  it('every channel of the contract has a handler, plus the preload’s two internal messages', () => {
    makeApp();
    expect([...state.handlers.keys()].sort()).toEqual(Object.values(HOST_METHODS).sort());
    expect([...state.listeners.keys()].sort()).toEqual(['host:dropped-files', 'host:listening']);
  });

  it('answers our own page', async () => {
    const win = makeApp().createWindow() as unknown as FakeBrowserWindow;
    expect(await invoke(win, 'settings:get')).toMatchObject({ theme: 'system', autosaveSeconds: 5 });
  });

  it.each([
    ['a remote page', { url: 'https://evil.example/index.html', parent: null }],
    ['a subframe of our page', { url: INDEX, parent: { url: INDEX } }],
    ['another local file', { url: 'file:///tmp/evil.html', parent: null }],
    ['a data: URL', { url: 'data:text/html,<script>', parent: null }],
    ['no frame at all', null],
  ])('refuses requests from %s', async (_what, frame) => {
    const win = makeApp().createWindow() as unknown as FakeBrowserWindow;
    await expect(invoke(win, 'settings:get', undefined, frame as never)).rejects.toThrow(/did not come from the Progressions window/);
    await expect(invoke(win, 'file:save', { docToken: 'x', text: '{}' }, frame as never)).rejects.toThrow();
  });

  it('refuses requests from web contents that are not one of our windows', async () => {
    makeApp();
    const stranger = new FakeBrowserWindow({});
    await expect(invoke(stranger, 'settings:get')).rejects.toThrow();
  });

  it('shell:openExternal opens only parsed http(s) URLs', async () => {
    const win = makeApp().createWindow() as unknown as FakeBrowserWindow;
    expect(await invoke(win, 'shell:openExternal', { url: 'https://case.georgiastandards.org/' })).toEqual({ ok: true, value: undefined });
    expect((await invoke(win, 'shell:openExternal', { url: 'file:///etc/passwd' })).ok).toBe(false);
    expect((await invoke(win, 'shell:openExternal', { url: 'ms-msdt:/id' })).ok).toBe(false);
    expect((await invoke(win, 'shell:openExternal', 'https://example.org')).ok).toBe(false);
    expect(shellOpenExternal.mock.calls).toEqual([['https://case.georgiastandards.org/']]);
  });

  it('import:fetchCase downloads through Electron net.fetch (system proxy); offline and bad addresses are clear failures', async () => {
    const win = makeApp().createWindow() as unknown as FakeBrowserWindow;
    const url = 'https://case.example.org/ims/case/v1p1/CFDocuments/55555555-5555-4555-8555-000000000001';
    expect(await invoke(win, 'import:fetchCase', { url })).toMatchObject({ ok: false, error: { code: 'offline', message: 'Could not reach case.example.org — check the address or your internet connection.' } });
    expect(netFetch.mock.calls.map((c) => c[0])).toEqual(['https://case.example.org/ims/case/v1p1/CFPackages/55555555-5555-4555-8555-000000000001']);
    netFetch.mockResolvedValueOnce(new Response('{"CFDocument": {"title": "Fractions"}, "CFItems": []}', { status: 200 }));
    expect(await invoke(win, 'import:fetchCase', { url })).toMatchObject({ ok: true, value: { name: 'Fractions.json' } });
    expect((await invoke(win, 'import:fetchCase', { url: 'file:///etc/passwd' })).ok).toBe(false);
    expect(netFetch).toHaveBeenCalledTimes(2);
  });

  it('window:setTitle sets the title (text only, bounded); window:setDirty feeds the close guard', async () => {
    const desktop = makeApp('darwin');
    const win = desktop.createWindow() as unknown as FakeBrowserWindow;
    await invoke(win, 'window:setTitle', { title: 'fractions.progressions • Progressions' });
    expect(win.title).toBe('fractions.progressions • Progressions');
    await invoke(win, 'window:setTitle', { title: 42 });
    expect(win.title).toBe('fractions.progressions • Progressions');
    await invoke(win, 'window:setTitle', { title: 'a\nb'.padEnd(1000, 'x') });
    expect(win.title.length).toBe(300);
    expect(win.title).not.toContain('\n');
    await invoke(win, 'window:setDirty', { dirty: true });
    expect(desktop.docs.info(win.webContents.id)?.dirty).toBe(true);
    expect(win.documentEdited).toBe(true);
    await invoke(win, 'window:setDirty', { dirty: 'no' });
    expect(desktop.docs.info(win.webContents.id)?.dirty).toBe(true);
  });

  it('file:open and file:save go through the dialogs and give the page tokens, not paths', async () => {
    const desktop = makeApp();
    const win = desktop.createWindow() as unknown as FakeBrowserWindow;
    const p = join(dir, 'plan.progressions');
    await writeDoc(p, sampleFramework('Plan'));
    state.openDialog.push(p);
    const opened = await invoke(win, 'file:open');
    expect(opened.ok).toBe(true);
    expect(opened.value.name).toBe('plan.progressions');
    expect(JSON.stringify(opened)).not.toContain(dir);
    // the page loaded it and says so: it is this window's document now
    await invoke(win, 'window:setDocument', { docToken: opened.value.docToken, name: opened.value.name });
    const text = serializeFramework(sampleFramework('Plan v2'));
    expect((await invoke(win, 'file:save', { docToken: opened.value.docToken, text })).ok).toBe(true);
    expect(readFileSync(p, 'utf8')).toBe(text);
    // The recent list is in the menu now.
    const file = state.menu!.template.find((m) => m.label === '&File');
    const recent = file.submenu.find((i: any) => i.label === 'Open Recent');
    expect(recent.submenu[0].label).toBe('plan.progressions');
    // … and in the OS's recent documents (macOS Dock, Windows jump list).
    expect(vi.mocked((await import('electron')).app.addRecentDocument)).toHaveBeenCalledWith(p);
  });

  it('app:printPdf makes a PDF of the window and saves it where the user chose', async () => {
    const win = makeApp().createWindow() as unknown as FakeBrowserWindow;
    state.saveDialog.push(join(dir, 'plan.pdf'));
    expect(await invoke(win, 'app:printPdf', { suggestedName: 'plan.progressions' })).toEqual({ ok: true, value: { name: 'plan.pdf' } });
    expect(readFileSync(join(dir, 'plan.pdf'), 'latin1')).toBe('%PDF');
    // The printable map's @page size (A4 or Letter) is kept; tests/e2e/qa-k-print-paper.spec.ts prints with these.
    expect(win.webContents.printToPDF).toHaveBeenCalledWith({ printBackground: true, landscape: true, preferCSSPageSize: true });
  });

  it('settings:set keeps valid values only', async () => {
    const desktop = makeApp();
    const win = desktop.createWindow() as unknown as FakeBrowserWindow;
    const s = await invoke(win, 'settings:set', { theme: 'dark', autosaveSeconds: -1, recentFiles: [] });
    expect(s).toMatchObject({ theme: 'dark', autosaveSeconds: 5 });
    expect(desktop.settings.get('theme')).toBe('dark');
  });
});

describe('events to the page', () => {
  it('are held until the page listens, then delivered in order', async () => {
    const desktop = makeApp();
    const win = desktop.createWindow() as unknown as FakeBrowserWindow;
    desktop.send(win.webContents.id, 'menu:command', { command: 'file:save' });
    desktop.send(win.webContents.id, 'menu:command', { command: 'edit:undo' });
    expect(win.webContents.send).not.toHaveBeenCalled();
    listen(win, 'menu:command');
    expect(win.webContents.send.mock.calls).toEqual([
      ['menu:command', { command: 'file:save' }],
      ['menu:command', { command: 'edit:undo' }],
    ]);
    desktop.send(win.webContents.id, 'menu:command', { command: 'edit:redo' });
    expect(win.webContents.send).toHaveBeenCalledTimes(3);
  });

  it('ignores listen messages for events that are not in the contract', () => {
    const desktop = makeApp();
    const win = desktop.createWindow() as unknown as FakeBrowserWindow;
    listen(win, 'evil:event');
    desktop.send(win.webContents.id, 'menu:command', { command: 'file:save' });
    expect(win.webContents.send).not.toHaveBeenCalled();
    expect(HOST_EVENTS).toContain('menu:command');
  });
});

describe('opening files from the command line, the OS and drops', () => {
  it('opens files named on the command line, the first in the first window', async () => {
    const a = join(dir, 'a.progressions');
    const b = join(dir, 'b.json');
    await writeDoc(a, sampleFramework('A'));
    await writeDoc(b, sampleFramework('B'));
    const desktop = makeApp();
    await desktop.start(['/usr/bin/electron', '.', '--enable-logging', a, 'b.json', 'notes.txt'], dir);
    expect(FakeBrowserWindow.all).toHaveLength(2);
    const [w1, w2] = FakeBrowserWindow.all as [FakeBrowserWindow, FakeBrowserWindow];
    listen(w1, 'file:openRequested');
    listen(w2, 'file:openRequested');
    expect(w1.webContents.send.mock.calls[0]![1]).toMatchObject({ name: 'a.progressions' });
    expect(w2.webContents.send.mock.calls[0]![1]).toMatchObject({ name: 'b.json' });
  });

  it('a second instance’s files open in this one; a file already open is focused, not opened twice', async () => {
    const a = join(dir, 'a.progressions');
    await writeDoc(a, sampleFramework('A'));
    const desktop = makeApp();
    await desktop.start(['/usr/bin/electron', '.'], dir);
    const secondInstance = state.appEvents.get('second-instance')!;
    await secondInstance({}, ['/usr/bin/electron', '.', a], dir);
    await desktop.idle();
    expect(FakeBrowserWindow.all).toHaveLength(1); // the blank first window took it
    const win = FakeBrowserWindow.all[0]!;
    listen(win, 'file:openRequested');
    const handed = win.webContents.send.mock.calls[0]![1];
    await invoke(win, 'window:setDocument', { docToken: handed.docToken, name: handed.name }); // the page shows it
    await secondInstance({}, ['/usr/bin/electron', '.', a], dir);
    await desktop.idle();
    expect(FakeBrowserWindow.all).toHaveLength(1);
    expect(FakeBrowserWindow.all[0]!.focus).toHaveBeenCalled();
  });

  it('a file handed to a window at start is not replaced by the next one before the page has it', async () => {
    const a = join(dir, 'a.progressions');
    const b = join(dir, 'b.progressions');
    await writeDoc(a, sampleFramework('A'));
    await writeDoc(b, sampleFramework('B'));
    const desktop = makeApp();
    await desktop.start(['/usr/bin/electron', '.', a], dir);
    const first = FakeBrowserWindow.all[0]!;
    // the page comes up showing nothing yet (a.progressions still waits for it to listen)
    await invoke(first, 'window:setDocument', { docToken: null, name: 'Untitled framework' });
    await state.appEvents.get('second-instance')!({}, ['/usr/bin/electron', '.', b], dir);
    await desktop.idle();
    expect(FakeBrowserWindow.all).toHaveLength(2);
    listen(first, 'file:openRequested');
    expect(first.webContents.send.mock.calls.map((c) => c[1].name)).toEqual(['a.progressions']);
  });

  it('macOS open-file before the app is ready is remembered and opened at start', async () => {
    const a = join(dir, 'a.progressions');
    await writeDoc(a, sampleFramework('A'));
    const desktop = makeApp('darwin');
    const ev = { preventDefault: vi.fn() };
    state.appEvents.get('open-file')!(ev, a);
    expect(ev.preventDefault).toHaveBeenCalled();
    await desktop.start(['/Applications/Progressions.app/Contents/MacOS/Progressions'], '/');
    listen(FakeBrowserWindow.all[0]!, 'file:openRequested');
    expect(FakeBrowserWindow.all[0]!.webContents.send.mock.calls[0]![1]).toMatchObject({ name: 'a.progressions' });
  });

  it('dropped framework files open; other paths are ignored', async () => {
    const a = join(dir, 'a.progressions');
    await writeDoc(a, sampleFramework('A'));
    const desktop = makeApp();
    const win = desktop.createWindow() as unknown as FakeBrowserWindow;
    listen(win, 'file:openRequested');
    const drop = state.listeners.get('host:dropped-files')!;
    drop({ sender: win.webContents, senderFrame: ourFrame }, ['/etc/shadow', 42]);
    await desktop.idle();
    expect(win.webContents.send).not.toHaveBeenCalled();
    drop({ sender: win.webContents, senderFrame: { url: 'https://evil.example', parent: null } }, [a]);
    await desktop.idle();
    expect(win.webContents.send).not.toHaveBeenCalled();
    drop({ sender: win.webContents, senderFrame: ourFrame }, [a]);
    await desktop.idle();
    expect(win.webContents.send.mock.calls[0]).toMatchObject(['file:openRequested', { name: 'a.progressions' }]);
  });

  it('a file that cannot be opened is explained, and no empty window is left behind', async () => {
    const desktop = makeApp();
    const first = desktop.createWindow() as unknown as FakeBrowserWindow;
    await invoke(first, 'window:setDirty', { dirty: true });
    await desktop.openPaths([join(dir, 'missing.progressions')], first.webContents.id);
    expect(state.messageBoxes[0]?.message).toMatch(/Cannot open "missing.progressions"/);
    expect(FakeBrowserWindow.all).toEqual([first]);
  });
});

describe('the close and quit guard', () => {
  async function dirtyWindow(desktop: InstanceType<typeof DesktopApp>) {
    const win = desktop.createWindow() as unknown as FakeBrowserWindow;
    listen(win, 'menu:command');
    await invoke(win, 'window:setDirty', { dirty: true });
    await invoke(win, 'journal:write', { id: 'w1', name: 'Untitled', title: 'T', docToken: null, text: serializeFramework(sampleFramework('T')) });
    return win;
  }

  it('a window without unsaved changes closes without asking', () => {
    const desktop = makeApp();
    const win = desktop.createWindow() as unknown as FakeBrowserWindow;
    win.close();
    expect(win.destroyed).toBe(true);
    expect(state.messageBoxes).toEqual([]);
  });

  it('unsaved learner progress (the page asks to stay): Stay keeps the window, Leave lets it close', () => {
    const desktop = makeApp();
    const win = desktop.createWindow() as unknown as FakeBrowserWindow;
    state.messageBox.push(1);
    expect(win.webContents.fire('will-prevent-unload').defaultPrevented).toBe(false);
    expect(state.messageBoxes[0]).toMatchObject({ buttons: ['Leave', 'Stay'] });
    expect(state.messageBoxes[0]!.message).toMatch(/learner progress/);
    state.messageBox.push(0);
    expect(win.webContents.fire('will-prevent-unload').defaultPrevented).toBe(true);
  });

  it('Cancel keeps the window open', async () => {
    const desktop = makeApp();
    const win = await dirtyWindow(desktop);
    state.messageBox.push(2);
    win.close();
    await desktop.idle();
    expect(win.destroyed).toBe(false);
    expect(state.messageBoxes[0]).toMatchObject({ buttons: ['Save', "Don't Save", 'Cancel'] });
    expect(state.messageBoxes[0]!.message).toMatch(/save the changes you made to "Untitled"/);
  });

  it('Don’t Save closes the window and drops its recovery copy', async () => {
    const desktop = makeApp();
    const win = await dirtyWindow(desktop);
    state.messageBox.push(1);
    win.close();
    await desktop.idle();
    expect(win.destroyed).toBe(true);
    const other = desktop.createWindow() as unknown as FakeBrowserWindow;
    expect(await invoke(other, 'recovery:list')).toEqual([]);
  });

  it('Save asks the page to save and close; the window closes when the page says so', async () => {
    const desktop = makeApp();
    const win = await dirtyWindow(desktop);
    state.messageBox.push(0);
    win.close();
    await desktop.idle();
    expect(win.destroyed).toBe(false);
    expect(win.webContents.send).toHaveBeenCalledWith('menu:command', { command: 'app:saveAndClose' });
    await invoke(win, 'window:close');
    expect(win.destroyed).toBe(true);
  });

  it('quitting asks for each dirty window and quits once all are closed', async () => {
    const desktop = makeApp();
    const w1 = await dirtyWindow(desktop);
    state.appEvents.get('before-quit')!({});
    state.messageBox.push(1);
    w1.close();
    await desktop.idle();
    expect(w1.destroyed).toBe(true);
    expect(vi.mocked((await import('electron')).app.quit)).toHaveBeenCalled();
  });

  it('a reloaded page (e.g. View › Reload while developing) is offered its unsaved work back', async () => {
    const desktop = makeApp();
    const win = await dirtyWindow(desktop);
    win.webContents.fire('did-start-navigation', INDEX, false, true); // the first load
    expect(await invoke(win, 'recovery:list')).toEqual([]);
    win.webContents.fire('did-start-navigation', `${INDEX}#x`, true, true); // in-page: nothing happens
    win.webContents.fire('did-start-navigation', 'about:blank', false, false); // a subframe: nothing happens
    expect(await invoke(win, 'recovery:list')).toEqual([]);
    win.webContents.fire('did-start-navigation', INDEX, false, true); // the reload
    expect((await invoke(win, 'recovery:list')).map((e: { id: string }) => e.id)).toEqual(['w1']);
  });

  it('a page that keeps crashing is not reloaded forever', async () => {
    const desktop = makeApp();
    const win = await dirtyWindow(desktop);
    for (let i = 0; i < 5; i++) win.webContents.fire('render-process-gone', { reason: 'crashed' });
    expect(win.webContents.reload).toHaveBeenCalledTimes(3);
    expect(state.messageBoxes.at(-1)?.message).toMatch(/keeps failing/);
  });

  it('a crashed page is reloaded and offered its unsaved work back', async () => {
    const desktop = makeApp();
    const win = await dirtyWindow(desktop);
    win.webContents.fire('render-process-gone', { reason: 'crashed' });
    expect(win.webContents.reload).toHaveBeenCalled();
    const list = await invoke(win, 'recovery:list');
    expect(list.map((e: { id: string }) => e.id)).toEqual(['w1']);
  });
});

describe('the menu sends commands to the focused window', () => {
  it('Save, Undo, Export … reach the focused window’s page; New opens a window', async () => {
    const desktop = makeApp();
    await desktop.start(['/usr/bin/electron', '.'], dir);
    const win = FakeBrowserWindow.all[0]!;
    win.focus();
    listen(win, 'menu:command');
    const items = flatten(state.menu!.template);
    items.find((i) => i.label === 'Save')!.click();
    items.find((i) => i.label === 'Undo')!.click();
    items.find((i) => i.label === 'CASE 1.1 Package…')!.click();
    expect(win.webContents.send.mock.calls.map((c) => c[1].command)).toEqual(['file:save', 'edit:undo', 'export:case-1.1']);
    items.find((i) => i.label === 'New')!.click();
    expect(FakeBrowserWindow.all).toHaveLength(2);
    const second = FakeBrowserWindow.all[1]!;
    listen(second, 'menu:command');
    expect(second.webContents.send).toHaveBeenCalledWith('menu:command', { command: 'file:new' });
  });
});

describe('the Edit menu’s Undo and Redo follow the focused window’s page', () => {
  const undoItems = () => {
    const items = flatten(state.menu!.template);
    return { undo: items.find((i) => i.id === 'undo'), redo: items.find((i) => i.id === 'redo') };
  };
  /** The window gets the focus, as Electron tells it. */
  const focus = (win: FakeBrowserWindow) => {
    win.focus();
    win.emit('focus');
  };

  it('labels and enabled state from the page; another window’s change waits until it has the focus', async () => {
    const desktop = makeApp();
    await desktop.start(['/usr/bin/electron', '.'], dir);
    const a = FakeBrowserWindow.all[0]!;
    focus(a);
    expect(undoItems().undo).toMatchObject({ label: 'Undo', enabled: true });
    await invoke(a, 'window:setUndoState', { undo: 'move 3 competencies', redo: null });
    expect(undoItems().undo).toMatchObject({ label: 'Undo Move 3 competencies', enabled: true });
    expect(undoItems().redo).toMatchObject({ label: 'Redo', enabled: false });

    const b = desktop.createWindow() as unknown as FakeBrowserWindow;
    await invoke(b, 'window:setUndoState', { undo: null, redo: 'delete A' });
    expect(undoItems().undo.label).toBe('Undo Move 3 competencies'); // a still has the focus
    focus(b);
    expect(undoItems().undo).toMatchObject({ label: 'Undo', enabled: false });
    expect(undoItems().redo).toMatchObject({ label: 'Redo Delete A', enabled: true });
    b.close();
    focus(a);
    expect(undoItems().undo.label).toBe('Undo Move 3 competencies');
  });

  it('a malformed state is ignored; a long label is cut short', async () => {
    const desktop = makeApp();
    await desktop.start(['/usr/bin/electron', '.'], dir);
    const a = FakeBrowserWindow.all[0]!;
    focus(a);
    await invoke(a, 'window:setUndoState', { undo: 'add A', redo: null });
    await invoke(a, 'window:setUndoState', { undo: 42, redo: null });
    await invoke(a, 'window:setUndoState', 'Undo');
    expect(undoItems().undo.label).toBe('Undo Add A');
    await invoke(a, 'window:setUndoState', { undo: 'x'.repeat(5000), redo: null });
    expect(undoItems().undo.label.length).toBeLessThanOrEqual('Undo '.length + 80);
  });

  it('the menu is not rebuilt when nothing it shows changed', async () => {
    const desktop = makeApp();
    await desktop.start(['/usr/bin/electron', '.'], dir);
    const a = FakeBrowserWindow.all[0]!;
    focus(a);
    await invoke(a, 'window:setUndoState', { undo: 'add A', redo: null });
    const built = state.menu;
    await invoke(a, 'window:setUndoState', { undo: 'add A', redo: null });
    focus(a);
    expect(state.menu).toBe(built);
  });
});

function flatten(items: any[]): any[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}
