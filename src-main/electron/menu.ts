import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, UndoState } from '../../src-core/host/contract';

export type Platform = 'darwin' | 'win32' | 'linux';

/** File › Import items: command → label. The renderer runs the importer for each. */
export const IMPORT_ITEMS: { command: MenuCommand; label: string }[] = [
  { command: 'import:case', label: 'CASE Package (JSON)…' },
  { command: 'import:csv', label: 'Competencies from CSV…' },
  { command: 'import:standards-csv', label: 'Standards Set from CSV…' },
];

/** File › Export items: command → label. The renderer builds the file and calls `saveExport`. */
export const EXPORT_ITEMS: { command: MenuCommand; label: string }[] = [
  { command: 'export:case-1.1', label: 'CASE 1.1 Package…' },
  { command: 'export:case-1.0', label: 'CASE 1.0 Package…' },
  { command: 'export:csv', label: 'Competencies as CSV…' },
  { command: 'export:moodle', label: 'Moodle Competency Framework…' },
  { command: 'export:canvas', label: 'Canvas Outcomes…' },
  { command: 'export:html', label: 'Printable HTML…' },
  { command: 'export:png', label: 'Canvas Image (PNG)…' },
];

/** Longest history label the Edit menu shows (longer ones end in an ellipsis). */
export const MAX_UNDO_LABEL = 80;

/**
 * `window:setUndoState` as the page sent it, checked: each of `undo` and `redo` is null (nothing to do)
 * or a string, made one line and cut to {@link MAX_UNDO_LABEL} characters. Anything else: undefined.
 */
export function readUndoState(request: unknown): UndoState | undefined {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return undefined;
  const { undo, redo } = request as Record<string, unknown>;
  const label = (v: unknown): string | null | undefined => {
    if (v === null) return null;
    if (typeof v !== 'string' || v.length > 10_000) return undefined;
    const line = v.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
    return line.length > MAX_UNDO_LABEL ? `${line.slice(0, MAX_UNDO_LABEL - 1).trimEnd()}…` : line;
  };
  const u = label(undo);
  const r = label(redo);
  return u === undefined || r === undefined ? undefined : { undo: u, redo: r };
}

/**
 * An Edit menu item's label: "Undo" plus what it undoes ("Undo Move 3 competencies"), plain "Undo" when
 * it acts on a text field (`''`) or there is nothing to undo (`null`). A `&` in the label is shown as one
 * (Windows and Linux read `&` as the access-key mark).
 */
export function undoItemLabel(verb: 'Undo' | 'Redo', label: string | null | undefined, platform: Platform): string {
  if (!label) return verb;
  const text = label.charAt(0).toUpperCase() + label.slice(1);
  return `${verb} ${platform === 'darwin' ? text : text.replace(/&/g, '&&')}`;
}

/** What the menu needs to know and do; main supplies it, tests record the calls. */
export interface MenuContext {
  platform: Platform;
  appName: string;
  /** Show developer tools items (only when running from source). */
  isDev: boolean;
  /** Recent documents for Open Recent: display label and the path main opens (never sent to a page). */
  recent: { label: string; path: string }[];
  /** The focused window's Undo / Redo (absent: plain and enabled, as before the page says). */
  undo?: UndoState;
  /** Sends a command to the focused window's renderer (`menu:command`). */
  command(command: MenuCommand): void;
  newWindow(): void;
  open(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  closeWindow(): void;
  openHelp(): void;
}

/**
 * The native menu: File, Edit, View, Window, Help (plus the app menu on macOS), with each platform's
 * usual accelerators. Items that act on the document send a command to the focused window; New,
 * Open, Open Recent and Close are handled in main (one window per document). Cut, Copy, Paste and
 * Select All keep their native roles so they work in text fields; the page sees them as the DOM's
 * `cut` / `copy` / `paste` events.
 */
export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const win = ctx.platform === 'win32';
  const cmd = (command: MenuCommand) => () => ctx.command(command);

  const recentItems: MenuItemConstructorOptions[] = ctx.recent.length
    ? [
        ...ctx.recent.map((r): MenuItemConstructorOptions => ({ label: r.label, click: () => ctx.openRecent(r.path) })),
        { type: 'separator' },
        { label: 'Clear Menu', click: () => ctx.clearRecent() },
      ]
    : [{ label: 'No Recent Documents', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New', accelerator: 'CmdOrCtrl+N', click: () => ctx.newWindow() },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => ctx.open() },
      { label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: cmd('file:save') },
      { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: cmd('file:saveAs') },
      { type: 'separator' },
      { label: 'Import', submenu: IMPORT_ITEMS.map((i) => ({ label: i.label, click: cmd(i.command) })) },
      { label: 'Export', submenu: EXPORT_ITEMS.map((i) => ({ label: i.label, click: cmd(i.command) })) },
      { label: 'Print / Export PDF…', accelerator: 'CmdOrCtrl+P', click: cmd('file:print') },
      { type: 'separator' },
      { label: 'Close Window', accelerator: 'CmdOrCtrl+W', click: () => ctx.closeWindow() },
      ...(mac ? [] : ([{ type: 'separator' }, { label: win ? 'E&xit' : '&Quit', accelerator: win ? 'Alt+F4' : 'Ctrl+Q', role: 'quit' }] as MenuItemConstructorOptions[])),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      {
        id: 'undo',
        label: undoItemLabel('Undo', ctx.undo?.undo, ctx.platform),
        enabled: ctx.undo?.undo !== null,
        accelerator: 'CmdOrCtrl+Z',
        click: cmd('edit:undo'),
      },
      {
        id: 'redo',
        label: undoItemLabel('Redo', ctx.undo?.redo, ctx.platform),
        enabled: ctx.undo?.redo !== null,
        accelerator: mac ? 'Cmd+Shift+Z' : win ? 'Ctrl+Y' : 'Ctrl+Shift+Z',
        click: cmd('edit:redo'),
      },
      { type: 'separator' },
      { role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', accelerator: 'CmdOrCtrl+V' },
      { label: 'Duplicate', accelerator: 'CmdOrCtrl+D', click: cmd('edit:duplicate') },
      { label: 'Delete', click: cmd('edit:delete') },
      { role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      { type: 'separator' },
      { label: 'Find Competency…', accelerator: 'CmdOrCtrl+F', click: cmd('edit:find') },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { label: 'Zoom In', accelerator: 'CmdOrCtrl+=', click: cmd('view:zoomIn') },
      { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-', click: cmd('view:zoomOut') },
      { label: 'Fit to Window', accelerator: 'CmdOrCtrl+0', click: cmd('view:fitView') },
      { type: 'separator' },
      { label: 'Arrange Automatically', accelerator: 'CmdOrCtrl+Shift+L', click: cmd('view:autoLayout') },
      { label: 'Domain Lanes', click: cmd('view:toggleLanes') },
      { label: 'Focus on Selection', accelerator: 'CmdOrCtrl+Shift+F', click: cmd('view:focusMode') },
      { label: 'Collapse All Domains', click: cmd('view:collapseAll') },
      { label: 'Expand All Domains', click: cmd('view:expandAll') },
      { label: 'Toggle Dark Theme', click: cmd('view:toggleTheme') },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(ctx.isDev ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: '&Window',
    role: 'windowMenu',
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', click: cmd('help:shortcuts') },
      { label: 'Progressions Documentation', click: () => ctx.openHelp() },
      ...(mac ? [] : ([{ type: 'separator' }, { role: 'about', label: `About ${ctx.appName}` }] as MenuItemConstructorOptions[])),
    ],
  };

  const appMenu: MenuItemConstructorOptions = {
    label: ctx.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  return [...(mac ? [appMenu] : []), file, edit, view, windowMenu, help];
}
