import { useEffect } from 'react';
import type { HostApi } from '../../../src-core/host/contract';
import type { CompetencyId } from '../../../src-core/model/ids';
import { atWalkEnd, cancelFieldFocus, createCompetency, deleteSelection, focusField, linkCompetencies, nudgeSelection, pinSelection, readingOrder, stepSelection } from '../canvas/actions';
import { canvasBridge } from '../canvas/canvasBridge';
import { collapseViewCached } from '../canvas/collapse/applyCollapse';
import { collapseShortcut } from '../canvas/collapse/collapseActions';
import { focusAfterRemoval, focusAfterStep } from '../canvas/focus/keyboardFocus';
import { ARROW_DIRECTIONS } from '../canvas/focus/spatial';
import { cancelLinking, finishLinking, startLinking, stepWhileLinking } from '../canvas/linkFromHere';
import { cancelAutoLayout } from '../layout/autoLayout';
import type { EditorStore } from '../store/editorStore';
import { fieldHasOwnUndo, noteTyping, printViewOpen, runAppCommand } from './appCommands';
import { createClipboardShortcuts } from './clipboardShortcuts';

function isEditable(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}

/**
 * Moves the keyboard focus off the canvas: forward to the first control after it (the lock badge, a notice,
 * else the side panel), back to the last one before it (the toolbar).
 */
function leaveCanvas(delta: 1 | -1): void {
  const canvas = document.querySelector('.canvas');
  if (!canvas) return;
  const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex="0"]';
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !canvas.contains(el) && el.tabIndex >= 0 && el.getClientRects().length > 0);
  const after = (el: HTMLElement) => (canvas.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const target = delta > 0 ? all.find(after) : all.filter((el) => !after(el)).pop();
  target?.focus();
}

/**
 * Moves the keyboard focus onto the selected competency's card once it is drawn (the canvas centres on it
 * first, and cards off screen are not drawn), so a screen reader reads each competency Tab walks to.
 * Only while the focus is on the map or on nothing: a click elsewhere in between wins.
 */
function focusSelectedCard(store: EditorStore, tries = 20): void {
  const id = store.getSnapshot().session.selection.competencies[0];
  if (!id) return;
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active && active !== document.body && !active.closest('.canvas')) return;
    if (store.getSnapshot().session.selection.competencies[0] !== id) return;
    const card = document.querySelector<HTMLElement>(`.canvas .react-flow__node[data-id="${CSS.escape(id)}"]`);
    if (card) {
      if (card !== active) card.focus({ preventScroll: true });
    } else if (tries > 0) focusSelectedCard(store, tries - 1);
  });
}

/** The competency whose card has the keyboard focus, if one has. */
function focusedCard(): string | undefined {
  const el = (document.activeElement as HTMLElement | null)?.closest?.('.canvas .react-flow__node-competency');
  return el?.getAttribute('data-id') ?? undefined;
}

/**
 * Selects `select` (the card `select[0]` first) and moves the keyboard focus onto that card: a card already
 * drawn is panned into view just enough; one that is not (off screen on a large map, zoomed out to the
 * overview) is centred at a readable zoom first, as Tab does.
 */
function focusCard(store: EditorStore, select: readonly string[]): void {
  const id = select[0] as CompetencyId | undefined;
  const c = id && store.getSnapshot().doc.framework.competencies[id];
  if (!c) return;
  const drawn = document.querySelector(`.canvas .react-flow__node[data-id="${CSS.escape(id)}"]`);
  const seq = store.getSnapshot().session.centerOn?.seq ?? 0;
  store.setSession({ selection: { competencies: select as CompetencyId[], links: [] }, ...(drawn ? {} : { centerOn: { id, seq: seq + 1 } }) });
  if (drawn) canvasBridge.ensureVisible(c.position);
  focusSelectedCard(store);
}

/**
 * The map itself takes the focus when no competency card is left to take it (the last one deleted): the first
 * node still on it (a collapsed domain), else the empty map's "Add the first competency". Only while the focus
 * is on the map or on nothing.
 */
function focusMap(tries = 10): void {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active && active !== document.body && !active.closest('.canvas')) return;
    const el = document.querySelector<HTMLElement>('.canvas .react-flow__node[tabindex="0"]') ?? document.querySelector<HTMLElement>('[data-testid="empty-canvas"] button');
    if (el) el.focus();
    else if (tries > 0) focusMap(tries - 1);
  });
}

/** Competencies the Tab walk leaves out (inside collapsed domains), or null. */
function hiddenOf(store: EditorStore) {
  const { doc, session } = store.getSnapshot();
  return session.collapsedDomains.length ? collapseViewCached(doc.framework, session.collapsedDomains).hiddenBy : null;
}

/**
 * Delete on the map: the deleted card had the focus, which fell to the page (a screen reader said nothing until
 * the next Tab). It goes on to the next card of the Tab walk where the deleted one was (the previous one when it
 * was the last, the map itself when none is left); the notice (a polite live region) says what was deleted.
 */
function deleteOnMap(store: EditorStore, remove: (done: () => void) => void = (done) => (deleteSelection(store), done())): void {
  const { doc, session } = store.getSnapshot();
  const fw = doc.framework;
  const ids = session.selection.competencies;
  const gone = new Set<string>(ids);
  const at = focusedCard();
  const next = focusAfterRemoval(readingOrder(fw.competencies), gone, at !== undefined && gone.has(at) ? at : undefined, hiddenOf(store));
  remove(() => {
    const now = store.getSnapshot().doc.framework;
    if (now === fw || ids.some((id) => now.competencies[id])) return; // refused (a locked framework): nothing went
    if (next && now.competencies[next]) focusCard(store, [next]);
    else focusMap();
  });
}

/**
 * Undo / Redo on the map: the focus goes to the card the step brought back or touched (canvas/focus/keyboardFocus.ts),
 * so a screen reader reads it after the notice that says what was undone; a step that took the focused card away
 * moves it on as Delete does.
 */
function stepOnMap(store: EditorStore, run: () => void): void {
  const before = store.getSnapshot().doc.framework;
  const current = focusedCard() ?? store.getSnapshot().session.selection.competencies[0];
  const hidden = hiddenOf(store);
  const walkBefore = readingOrder(before.competencies);
  run();
  const after = store.getSnapshot().doc.framework;
  if (after === before) return;
  // The step brought back the selection it was made with (the cards copied before a paste, the ones deleted or
  // nudged): the focus goes onto it (the focused card first when it is one of them).
  const restored = store.getSnapshot().session.selection.competencies.filter((id) => !hidden?.has(id));
  if (restored.length) return focusCard(store, current && restored.includes(current as CompetencyId) ? [current, ...restored.filter((id) => id !== current)] : restored);
  const to = focusAfterStep(before, after, { before: walkBefore, after: readingOrder(after.competencies) }, current, hidden);
  if (to?.kind === 'card') focusCard(store, to.select);
  else if (to?.kind === 'map') focusMap();
}

/**
 * Window-wide shortcuts. Document shortcuts (save, open, find) work everywhere; editing shortcuts
 * only when the user is not typing in a field (text fields keep their own undo, copy and arrows).
 * Copy / cut / paste use the clipboard events, which need no permission and work between documents.
 */
export function useKeyboard(store: EditorStore, host: HostApi): void {
  useEffect(() => {
    const clip = createClipboardShortcuts(store, {
      selectedText: () => window.getSelection()?.toString() ?? '',
      clearSelection: () => window.getSelection()?.removeAllRanges(),
      clipboard: () => navigator.clipboard,
    });
    // Whether the user's last pointer press was on the canvas: Tab then walks competencies even though
    // the focus is on the page body; otherwise Tab keeps its usual job of moving through the controls.
    let canvasEngaged = false;
    const onPointerDown = (e: PointerEvent) => {
      canvasEngaged = !!(e.target as HTMLElement | null)?.closest?.('.canvas');
      clip.pointerDown(canvasEngaged);
    };
    // Which way the last Tab went (a focus that Tab moves into the map comes after it).
    let tabBack = false;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Tab') tabBack = e.shiftKey;
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      const editing = isEditable(e.target);
      const run = (c: Parameters<typeof runAppCommand>[0]) => {
        e.preventDefault();
        runAppCommand(c, store, host);
      };
      // Everywhere.
      if (mod && k === 's') return run(e.shiftKey ? 'file:saveAs' : 'file:save');
      if (mod && k === 'o') return run('file:open');
      if (mod && k === 'f') return run('edit:find');
      if (mod && k === 'n' && host.kind !== 'browser') return run('file:new');
      // Ctrl+P over the app (no print view open) would print the window, the map cut off at its edge: the
      // printable map instead, as the desktop's Print / Export PDF… does. Over a print view, the browser prints it.
      if (mod && k === 'p' && !e.shiftKey && !e.altKey && !printViewOpen()) return run('file:print');
      if (e.key === 'Escape') {
        const s = store.getSnapshot().session;
        if (s.helpOpen) return store.setSession({ helpOpen: false });
        // Escape in the inspector goes back to the competency's card on the map (N or Enter on a card came
        // from there); elsewhere it leaves the field.
        const inspector = s.panel === 'inspector' && !!(e.target as HTMLElement | null)?.closest?.('.sidebar') && s.selection.competencies.length > 0;
        if (editing) {
          (e.target as HTMLElement).blur();
          if (inspector) focusCard(store, store.getSnapshot().session.selection.competencies);
          return;
        }
        // Escape right after N (or Enter on a card), before the inspector's field has taken the focus (it
        // does two frames on): the same, instead of clearing the selection under the coming field focus,
        // which left the focus on the previous card with nothing selected (or on the page).
        if (cancelFieldFocus() && s.selection.competencies.length) return focusCard(store, s.selection.competencies);
        if (s.linking) return cancelLinking(store);
        // A running auto-layout is what Escape stops first (selection and focus mode stay as they are).
        if (s.layoutRunning && cancelAutoLayout(store)) return;
        if (s.focus) return store.setSession({ focus: null });
        return store.setSession({ selection: { competencies: [], links: [] } });
      }
      // ? toggles the shortcuts help, so it also closes it.
      if (!editing && e.key === '?' && store.getSnapshot().session.helpOpen) return run('help:shortcuts');
      const modal = !!document.querySelector('[aria-modal="true"]');
      // Enter and the arrows belong to a focused button, tab or menu; they act on the map only from the
      // canvas (or with nothing focused).
      const onMap = e.target === document.body || !!(e.target as HTMLElement | null)?.closest?.('.canvas');
      // Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y: a text field's own undo while typing in one; the history's from anywhere
      // else — a drop-down, a checkbox, a button of a panel (a domain just chosen, a phase just recorded), a text
      // field with no typing of its own to undo (`fieldHasOwnUndo`) — where they used to do nothing.
      if (mod && (k === 'z' || k === 'y') && !e.altKey && !fieldHasOwnUndo(e.target) && !modal) {
        const c = k === 'y' || e.shiftKey ? 'edit:redo' : 'edit:undo';
        // (the empty map's start button counts as the map: the last card deleted left the focus there)
        if (!onMap && !(e.target as HTMLElement | null)?.closest?.('.empty-canvas')) return run(c);
        e.preventDefault();
        return stepOnMap(store, () => runAppCommand(c, store, host));
      }
      // Behind a modal dialog (import, export, help, student view, restore) the map takes no key presses.
      if (editing || modal) return;
      // The native copy/cut/paste events (below) normally do the work; the keys also use the async
      // clipboard for hosts where key presses raise no clipboard events.
      if (mod && (k === 'c' || k === 'x')) {
        // Cut on the map deletes the selection once copied (the cut event, else a moment later): the focus
        // goes on as after Delete
        if (k === 'x' && onMap && store.getSnapshot().session.selection.competencies.length) {
          return deleteOnMap(store, (done) => {
            clip.copyKey(true);
            setTimeout(done, 0);
          });
        }
        return clip.copyKey(k === 'x');
      }
      if (mod && k === 'v') return clip.pasteKey();
      if (mod && k === 'd') return run('edit:duplicate');
      if (mod && k === 'a') return run('edit:selectAll');
      if (mod || e.altKey) return;
      const sel = store.getSnapshot().session.selection.competencies;
      const linking = store.getSnapshot().session.linking;
      switch (e.key) {
        case 'Delete':
        case 'Backspace':
          e.preventDefault();
          // the focus goes on to another card (the next Tab carries on over the map, not from the toolbar)
          if (onMap && sel.length) {
            canvasEngaged = true;
            return deleteOnMap(store);
          }
          return deleteSelection(store);
        case 'ArrowLeft':
        case 'ArrowRight':
        case 'ArrowUp':
        case 'ArrowDown': {
          if (!onMap) return;
          // while linking, the arrows move to the nearest card that way on the map (they nudge the selection otherwise)
          if (linking) {
            e.preventDefault();
            stepWhileLinking(store, ARROW_DIRECTIONS[e.key]!);
            return focusSelectedCard(store);
          }
          if (!sel.length) return;
          e.preventDefault();
          const step = e.shiftKey ? 100 : 10;
          const dx = e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0;
          const dy = e.key === 'ArrowUp' ? -step : e.key === 'ArrowDown' ? step : 0;
          return nudgeSelection(store, dx, dy);
        }
        case 'Tab': {
          // From the page body (nothing focused yet), Tab first goes to the toolbar, so the whole app is
          // reachable from the keyboard; once the user works on the canvas, it walks the competencies.
          const onBody = e.target === document.body && (canvasEngaged || sel.length > 0);
          const inCanvas = (e.target as HTMLElement | null)?.closest?.('.canvas') || onBody;
          if (!inCanvas) return;
          e.preventDefault();
          // Past the last competency Tab leaves the map for the side panel (Shift+Tab before the first, for
          // the toolbar), so the keyboard is never stuck on the canvas.
          if (atWalkEnd(store, e.shiftKey ? -1 : 1)) return leaveCanvas(e.shiftKey ? -1 : 1);
          stepSelection(store, e.shiftKey ? -1 : 1);
          return focusSelectedCard(store);
        }
        case 'Enter':
          // while linking: the focused competency requires the one the link started from
          if (linking && sel.length === 1 && onMap) {
            e.preventDefault();
            finishLinking(store, sel[0]!);
            return focusSelectedCard(store);
          }
          if (sel.length === 1 && onMap) {
            e.preventDefault();
            store.setSession({ panel: 'inspector' });
            focusField('field-statement');
          }
          return;
        case '?':
          return run('help:shortcuts');
        case '+':
        case '=':
          return run('view:zoomIn');
        case '-':
          return run('view:zoomOut');
      }
      switch (k) {
        case 'n':
          e.preventDefault();
          createCompetency(store);
          return;
        case 'f':
          return run(e.shiftKey ? 'view:focusMode' : 'view:fitView');
        case 'l':
          return run('view:autoLayout');
        case 'c':
          e.preventDefault();
          return collapseShortcut(store, e.shiftKey);
        case 'k':
          e.preventDefault();
          // Two selected (in click order): the first becomes a prerequisite of the second.
          if (sel.length === 2) {
            linkCompetencies(store, sel[0]!, sel[1]!);
            return;
          }
          // One, on the map: link from here (it becomes a prerequisite of the card Enter is pressed on next);
          // K again on it stops.
          if (sel.length === 1 && onMap) {
            if (linking?.from === sel[0]) return cancelLinking(store);
            return startLinking(store, sel[0]!);
          }
          store.notify('info', 'Move to a competency (Tab) and press K to link it to the competency that requires it, or select two (the prerequisite first, then Shift+click the next) and press K.');
          return;
        case 'p':
          if (sel.length) {
            const fw = store.getSnapshot().doc.framework;
            pinSelection(store, !sel.every((id) => fw.competencies[id]?.pinned));
          }
          return;
      }
    };
    // Tab from a control before the map (Shift+Tab from one after it) moves the focus onto a card React Flow
    // made focusable but selects nothing, so nothing on screen showed where the focus was and the press
    // seemed lost: select the competency the next Tab would have (a click focuses a card too, and selects
    // it itself: only a keyboard focus counts).
    const onFocusIn = (e: FocusEvent) => {
      const t = e.target as HTMLElement | null;
      if (!t?.closest?.('.canvas .react-flow__node')) return;
      if ((e.relatedTarget as HTMLElement | null)?.closest?.('.canvas')) return;
      if (!t.matches(':focus-visible') || store.getSnapshot().session.selection.competencies.length) return;
      stepSelection(store, tabBack ? -1 : 1);
    };
    const onInput = (e: Event) => noteTyping(e.target);
    // (not when the window itself loses the focus: the field still has it when the user comes back)
    const onFocusOut = (e: FocusEvent) => document.hasFocus() && noteTyping(e.target, false);
    const onCopy = (e: ClipboardEvent) => clip.copyEvent(e, isEditable(e.target));
    const onPaste = (e: ClipboardEvent) => clip.pasteEvent(e, isEditable(e.target));
    window.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    document.addEventListener('input', onInput);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('input', onInput);
      document.removeEventListener('focusout', onFocusOut);
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, host]);
}
