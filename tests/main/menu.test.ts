import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, EXPORT_ITEMS, IMPORT_ITEMS, type MenuContext, type Platform } from '../../src-main/electron/menu';

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
