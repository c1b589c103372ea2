import type { HostApi, MenuCommand } from '../../../src-core/host/contract';
import {
  copySelection,
  createCompetency,
  deleteSelection,
  duplicateSelection,
  pasteText,
  selectAll,
} from '../canvas/actions';
import { canvasBridge } from '../canvas/canvasBridge';
import { lanesOverlap } from '../../../src-core/layout/lanePlacement';
import { collapseAll, expandAll } from '../canvas/collapse/collapseActions';
import { autoLayout } from '../layout/autoLayout';
import { openDialogForCommand } from '../dialogs/dialogState';
import type { EditorStore } from '../store/editorStore';
import { newDocument, openDocument, saveDocument } from './documents';

/** Last copied clip, for hosts where the system clipboard cannot be read (menu "Paste"). */
let lastClip: string | null = null;
export function rememberClip(text: string): void {
  lastClip = text;
}

/** Inputs that hold text the user types (they have their own undo); a checkbox, a date or a range has none. */
const TEXT_INPUTS = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number']);

/** True for a field the user types text in, whose own Undo / Redo act while it has the focus. */
export function isTextField(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || !el.tagName) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA') return true;
  return el.tagName === 'INPUT' && TEXT_INPUTS.has((el as HTMLInputElement).type);
}

/** The text each field held after the user last typed in it (see `noteTyping`). */
const typedIn = new WeakMap<EventTarget, string>();
const textOf = (t: EventTarget): string => (t as HTMLInputElement).value ?? (t as HTMLElement).textContent ?? '';

/**
 * Remembers what a text field holds after the user typed in it (an `input` event); `typed` false forgets it when the
 * field loses the focus — what was typed is then committed, one step of the history.
 */
export function noteTyping(t: EventTarget | null, typed = true): void {
  if (t && !typed) typedIn.delete(t);
  else if (t && isTextField(t)) typedIn.set(t, textOf(t));
}

/**
 * True when Undo / Redo belong to the text field `t` itself: the user has typed in it and its text is still what
 * the typing left. A field not typed in yet (the code field N just filled in and selected) or whose text changed
 * another way since (the evidence field emptied after Record) has nothing of its own to undo — the browser dropped
 * its typing when the page set the text — so Ctrl+Z there undoes the last step (the card added, the phase recorded)
 * instead of doing nothing. Typing is forgotten when the field loses the focus: Ctrl+Z back in it undoes the step
 * that typing became. The Edit menu's labels follow the same rule (useDocumentSync).
 */
export function fieldHasOwnUndo(t: EventTarget | null): boolean {
  return !!t && isTextField(t) && typedIn.get(t) === textOf(t);
}

function editingText(): boolean {
  return typeof document !== 'undefined' && fieldHasOwnUndo(document.activeElement);
}

/** Pastes the last clip copied in this window (when the system clipboard cannot be read). */
export function pasteRemembered(store: EditorStore): boolean {
  return lastClip !== null && pasteText(store, lastClip);
}

export function undo(store: EditorStore): void {
  const label = store.undo();
  if (label) store.notify('info', `Undo: ${label}`);
}
export function redo(store: EditorStore): void {
  const label = store.redo();
  if (label) store.notify('info', `Redo: ${label}`);
}

export function toggleFocus(store: EditorStore): void {
  const s = store.getSnapshot().session;
  if (s.focus) return store.setSession({ focus: null });
  const id = s.selection.competencies[0];
  if (!id) return store.notify('info', 'Select a competency to focus on its prerequisites and dependents.');
  store.setSession({ focus: { id, depth: 2 } });
}

export function cycleLanes(store: EditorStore): void {
  const s = store.getSnapshot();
  const cur = s.session.laneOrientation;
  const next = cur === 'horizontal' ? 'vertical' : cur === 'vertical' ? 'none' : 'horizontal';
  store.setSession({ laneOrientation: next });
  // Turning the lanes does not move a card: a map laid out the other way round gets lanes lying across
  // one another. Say so, and what arranges the map to match (nothing is moved unasked).
  if (lanesOverlap(Object.values(s.doc.framework.competencies), s.doc.framework.domains, next)) {
    const along = next === 'vertical' ? 'columns' : 'rows';
    store.notify(
      'info',
      `The domains' ${along} overlap: the cards are still where the last layout put them. Auto-layout (L) arranges the map in ${along}${s.locked ? ' once the framework is unlocked' : ''}.`,
    );
  }
}

/** Runs a menu command (native menu on desktop, toolbar and keyboard everywhere). */
export function runAppCommand(command: MenuCommand, store: EditorStore, host: HostApi): void {
  switch (command) {
    case 'file:new':
      return void newDocument(store);
    case 'file:open':
      return void openDocument(store, host);
    case 'file:save':
      return void saveDocument(store, host);
    case 'file:saveAs':
      return void saveDocument(store, host, { as: true });
    case 'file:print':
      // A print view (the printable map's preview, the student view, the class sheets) prints as it is; the
      // app itself is no page to print (the map cut off at the window's edge): open the printable map instead.
      if (!printViewOpen()) return void openDialogForCommand('export:print');
      return void host.printPdf({ suggestedName: store.getSnapshot().doc.name.replace(/\.json$/, '.pdf') });
    case 'app:saveAndClose':
      return void saveDocument(store, host).then((ok) => {
        if (ok) void host.closeWindow();
      });
    case 'edit:undo':
    case 'edit:redo':
      // From a native menu while typing in a field: the field's own text undo, not the document's.
      if (editingText()) return void document.execCommand(command === 'edit:undo' ? 'undo' : 'redo');
      return command === 'edit:undo' ? undo(store) : redo(store);
    case 'edit:copy':
    case 'edit:cut': {
      const text = copySelection(store);
      if (!text) return;
      lastClip = text;
      void navigator.clipboard?.writeText(text).catch(() => undefined);
      if (command === 'edit:cut') deleteSelection(store);
      return;
    }
    case 'edit:paste':
      return void (navigator.clipboard?.readText() ?? Promise.reject())
        .then((t) => pasteText(store, t) || (lastClip !== null && pasteText(store, lastClip)))
        .catch(() => lastClip !== null && pasteText(store, lastClip));
    case 'edit:duplicate':
      return duplicateSelection(store);
    case 'edit:delete':
      return deleteSelection(store);
    case 'edit:selectAll':
      return selectAll(store);
    case 'edit:find':
      store.setSession({ search: { ...store.getSnapshot().session.search, open: true } });
      // Synchronously, so keys typed right after Ctrl/Cmd+F land in the search box.
      (document.getElementById('search-input') as HTMLInputElement | null)?.select();
      return;
    case 'view:fitView':
      return canvasBridge.fitView();
    case 'view:zoomIn':
      return canvasBridge.zoomIn();
    case 'view:zoomOut':
      return canvasBridge.zoomOut();
    case 'view:autoLayout':
      return void autoLayout(store);
    case 'view:toggleLanes':
      return cycleLanes(store);
    case 'view:focusMode':
      return toggleFocus(store);
    case 'view:collapseAll':
      return collapseAll(store);
    case 'view:expandAll':
      return expandAll(store);
    case 'view:toggleTheme': {
      const t = store.getSnapshot().session.theme;
      return store.setSession({ theme: t === 'system' ? 'light' : t === 'light' ? 'dark' : 'system' });
    }
    case 'help:shortcuts':
      return store.setSession({ helpOpen: !store.getSnapshot().session.helpOpen });
    default:
      if (openDialogForCommand(command)) return;
      if (command.startsWith('import:') || command.startsWith('export:')) {
        store.notify('info', `${command} is not available in this build yet.`);
      }
  }
}

export { createCompetency };

/** True when a view made to be printed is open: the printable map's preview, the student view or the class sheets. */
export function printViewOpen(): boolean {
  return document.querySelector('.pm-print-root, .student-view-root') !== null;
}
