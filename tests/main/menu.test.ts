import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, EXPORT_ITEMS, IMPORT_ITEMS, MAX_UNDO_LABEL, readUndoState, undoItemLabel, type MenuContext, type Platform } from '../../src-main/electron/menu';

function build(platform: Platform, extra: Partial<MenuContext> = {}) {
  const ctx: MenuContext = {
    platform,
    appName: 'Progressions',
    isDev: false,
    recent: [],
    command: vi.fn(),
    newWindow: vi.fn(),
    open: vi.fn(),
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    closeWindow: vi.fn(),
    openHelp: vi.fn(),
    ...extra,
  };
  return { ctx, template: buildMenuTemplate(ctx) };
}

const sub = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const find = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label);
const top = (t: MenuItemConstructorOptions[], label: string) => t.find((i) => (i.label ?? '').replace('&', '') === label);

describe('native menu', () => {
  it.each(['darwin', 'win32', 'linux'] as Platform[])('%s: File, Edit, View, Window, Help; the app menu only on macOS', (platform) => {
    const { template } = build(platform);
    const labels = template.map((i) => (i.label ?? '').replace('&', ''));
    expect(labels).toEqual(platform === 'darwin' ? ['Progressions', 'File', 'Edit', 'View', 'Window', 'Help'] : ['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('File has every document action with the usual accelerators', () => {
    const file = sub(top(build('linux').template, 'File'));
    const acc = (label: string) => find(file, label)?.accelerator;
    expect(acc('New')).toBe('CmdOrCtrl+N');
    expect(acc('Open…')).toBe('CmdOrCtrl+O');
    expect(acc('Save')).toBe('CmdOrCtrl+S');
    expect(acc('Save As…')).toBe('CmdOrCtrl+Shift+S');
    expect(acc('Print / Export PDF…')).toBe('CmdOrCtrl+P');
    expect(acc('Close Window')).toBe('CmdOrCtrl+W');
    expect(find(file, 'Open Recent')).toBeDefined();
    expect(sub(find(file, 'Import')).map((i) => i.label)).toEqual(IMPORT_ITEMS.map((i) => i.label));
    expect(sub(find(file, 'Export')).map((i) => i.label)).toEqual(EXPORT_ITEMS.map((i) => i.label));
    expect(sub(find(file, 'Import')).map((i) => i.label)).toEqual(expect.arrayContaining(['CASE Package (JSON)…', 'Competencies from CSV…']));
  });

  it('quit: Cmd+Q in the macOS app menu, Ctrl+Q on Linux, Alt+F4 (Exit) on Windows', () => {
    expect(sub(top(build('darwin').template, 'Progressions')).some((i) => i.role === 'quit')).toBe(true);
    expect(sub(top(build('darwin').template, 'File')).some((i) => i.role === 'quit')).toBe(false);
    expect(find(sub(top(build('linux').template, 'File')), '&Quit')).toMatchObject({ role: 'quit', accelerator: 'Ctrl+Q' });
    expect(find(sub(top(build('win32').template, 'File')), 'E&xit')).toMatchObject({ role: 'quit', accelerator: 'Alt+F4' });
  });

  it('redo uses each platform’s shortcut', () => {
    const redo = (p: Platform) => find(sub(top(build(p).template, 'Edit')), 'Redo')?.accelerator;
    expect(redo('darwin')).toBe('Cmd+Shift+Z');
    expect(redo('win32')).toBe('Ctrl+Y');
    expect(redo('linux')).toBe('Ctrl+Shift+Z');
  });

  it('cut, copy, paste and select all keep native roles (they must work in text fields)', () => {
    const roles = sub(top(build('linux').template, 'Edit')).map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('document items send commands; New, Open, Close and recent items are handled by main', () => {
    const { ctx, template } = build('linux', { recent: [{ label: 'fractions.progressions', path: '/home/t/fractions.progressions' }] });
    const click = (menu: string, label: string) => (find(sub(top(template, menu)), label)!.click as () => void)();
    click('File', 'Save');
    click('File', 'Save As…');
    click('File', 'Print / Export PDF…');
    click('Edit', 'Undo');
    click('Edit', 'Redo');
    click('Edit', 'Find Competency…');
    click('View', 'Fit to Window');
    click('View', 'Collapse All Domains');
    click('View', 'Expand All Domains');
    click('Help', 'Keyboard Shortcuts');
    expect(vi.mocked(ctx.command).mock.calls.map((c) => c[0])).toEqual([
      'file:save',
      'file:saveAs',
      'file:print',
      'edit:undo',
      'edit:redo',
      'edit:find',
      'view:fitView',
      'view:collapseAll',
      'view:expandAll',
      'help:shortcuts',
    ]);
    for (const item of sub(find(sub(top(template, 'File')), 'Export'))) (item.click as () => void)();
    expect(vi.mocked(ctx.command).mock.calls.slice(10).map((c) => c[0])).toEqual(EXPORT_ITEMS.map((e) => e.command));
    click('File', 'New');
    click('File', 'Open…');
    click('File', 'Close Window');
    expect(ctx.newWindow).toHaveBeenCalledOnce();
    expect(ctx.open).toHaveBeenCalledOnce();
    expect(ctx.closeWindow).toHaveBeenCalledOnce();
    const recent = sub(find(sub(top(template, 'File')), 'Open Recent'));
    (recent[0]!.click as () => void)();
    expect(ctx.openRecent).toHaveBeenCalledWith('/home/t/fractions.progressions');
    (find(recent, 'Clear Menu')!.click as () => void)();
    expect(ctx.clearRecent).toHaveBeenCalledOnce();
  });

  it('an empty recent list says so', () => {
    const recent = sub(find(sub(top(build('linux').template, 'File')), 'Open Recent'));
    expect(recent).toEqual([{ label: 'No Recent Documents', enabled: false }]);
  });

  it('developer tools only when running from source', () => {
    const roles = (isDev: boolean) => sub(top(build('linux', { isDev }).template, 'View')).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('no two items of a platform share an accelerator', () => {
    for (const p of ['darwin', 'win32', 'linux'] as Platform[]) {
      const all: string[] = [];
      const walk = (items: MenuItemConstructorOptions[]) => {
        for (const i of items) {
          if (i.accelerator) all.push(String(i.accelerator).replace('CmdOrCtrl', p === 'darwin' ? 'Cmd' : 'Ctrl'));
          walk(sub(i));
        }
      };
      walk(build(p).template);
      expect(new Set(all).size).toBe(all.length);
    }
  });
});

describe('Edit › Undo and Redo name what they undo, as the page’s history does', () => {
  const edit = (extra: Partial<MenuContext>, platform: Platform = 'linux') => sub(top(build(platform, extra).template, 'Edit'));
  const item = (items: MenuItemConstructorOptions[], id: string) => items.find((i) => i.id === id)!;

  it('the page’s labels, capitalised, with the item enabled; plain and disabled when there is nothing to undo', () => {
    const items = edit({ undo: { undo: 'move 3 competencies', redo: null } });
    expect(item(items, 'undo')).toMatchObject({ label: 'Undo Move 3 competencies', enabled: true, accelerator: 'CmdOrCtrl+Z' });
    expect(item(items, 'redo')).toMatchObject({ label: 'Redo', enabled: false });
    const both = edit({ undo: { undo: null, redo: 'link 3.NF.A.1 → 3.NF.A.2' } });
    expect(item(both, 'undo')).toMatchObject({ label: 'Undo', enabled: false });
    expect(item(both, 'redo')).toMatchObject({ label: 'Redo Link 3.NF.A.1 → 3.NF.A.2', enabled: true });
  });

  it('plain and enabled while a text field is edited (they undo the typing), and before the page says anything', () => {
    const typing = edit({ undo: { undo: '', redo: '' } });
    expect(item(typing, 'undo')).toMatchObject({ label: 'Undo', enabled: true });
    expect(item(typing, 'redo')).toMatchObject({ label: 'Redo', enabled: true });
    const unknown = edit({});
    expect(item(unknown, 'undo')).toMatchObject({ label: 'Undo', enabled: true });
    expect(item(unknown, 'redo')).toMatchObject({ label: 'Redo', enabled: true });
  });

  it('still sends the command when clicked', () => {
    const { ctx, template } = build('darwin', { undo: { undo: 'delete A', redo: 'add B' } });
    const items = sub(top(template, 'Edit'));
    (item(items, 'undo').click as () => void)();
    (item(items, 'redo').click as () => void)();
    expect(vi.mocked(ctx.command).mock.calls.map((c) => c[0])).toEqual(['edit:undo', 'edit:redo']);
  });

  it('an & in a label is shown as one on Windows and Linux (not read as the access-key mark)', () => {
    expect(undoItemLabel('Undo', 'rename Q&A', 'linux')).toBe('Undo Rename Q&&A');
    expect(undoItemLabel('Undo', 'rename Q&A', 'win32')).toBe('Undo Rename Q&&A');
    expect(undoItemLabel('Undo', 'rename Q&A', 'darwin')).toBe('Undo Rename Q&A');
    expect(undoItemLabel('Redo', '“I can” statement of A', 'darwin')).toBe('Redo “I can” statement of A');
  });
});

describe('window:setUndoState from the page is checked in main', () => {
  it('takes labels or null', () => {
    expect(readUndoState({ undo: 'move 3 competencies', redo: null })).toEqual({ undo: 'move 3 competencies', redo: null });
    expect(readUndoState({ undo: '', redo: '' })).toEqual({ undo: '', redo: '' });
  });

  it('makes a label one line and cuts it to a short length', () => {
    expect(readUndoState({ undo: 'edit\nnotes\u0000 of\u2028A', redo: null })).toEqual({ undo: 'edit notes of A', redo: null });
    const long = readUndoState({ undo: 'x'.repeat(500), redo: null })!;
    expect(long.undo!.length).toBe(MAX_UNDO_LABEL);
    expect(long.undo!.endsWith('…')).toBe(true);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'Undo everything'],
    ['a list', ['a', 'b']],
    ['a missing field', { undo: 'a' }],
    ['a number', { undo: 1, redo: null }],
    ['an object label', { undo: { toString: () => 'x' }, redo: null }],
    ['a huge label', { undo: 'x'.repeat(20_000), redo: null }],
  ])('refuses %s', (_what, request) => {
    expect(readUndoState(request)).toBeUndefined();
  });
});
