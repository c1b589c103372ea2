import { useEffect } from 'react';
import type { HostApi } from '../../../src-core/host/contract';
import type { CompetencyId } from '../../../src-core/model/ids';
import { atWalkEnd, createCompetency, deleteSelection, focusField, linkCompetencies, nudgeSelection, pinSelection, readingOrder, revealCompetency, stepSelection } from '../canvas/actions';
import { collapseShortcut } from '../canvas/collapse/collapseActions';
import { cancelAutoLayout } from '../layout/autoLayout';
import type { EditorStore } from '../store/editorStore';
import { runAppCommand } from './appCommands';
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
    // Where Tab takes up the walk after a Delete on the map (the deleted card had the focus).
    let resume: { next?: string; prev?: string } | null = null;
    const onPointerDown = (e: PointerEvent) => {
      resume = null;
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
      if (e.key === 'Escape') {
        const s = store.getSnapshot().session;
        if (s.helpOpen) return store.setSession({ helpOpen: false });
        if (editing) {
          (e.target as HTMLElement).blur();
          return;
        }
        // A running auto-layout is what Escape stops first (selection and focus mode stay as they are).
        if (s.layoutRunning && cancelAutoLayout(store)) return;
        if (s.focus) return store.setSession({ focus: null });
        return store.setSession({ selection: { competencies: [], links: [] } });
      }
      // ? toggles the shortcuts help, so it also closes it.
      if (!editing && e.key === '?' && store.getSnapshot().session.helpOpen) return run('help:shortcuts');
      // Behind a modal dialog (import, export, help, student view, restore) the map takes no key presses.
      if (editing || document.querySelector('[aria-modal="true"]')) return;
      if (mod && k === 'z') return run(e.shiftKey ? 'edit:redo' : 'edit:undo');
      if (mod && k === 'y') return run('edit:redo');
      // The native copy/cut/paste events (below) normally do the work; the keys also use the async
      // clipboard for hosts where key presses raise no clipboard events.
      if (mod && (k === 'c' || k === 'x')) return clip.copyKey(k === 'x');
      if (mod && k === 'v') return clip.pasteKey();
      if (mod && k === 'd') return run('edit:duplicate');
      if (mod && k === 'a') return run('edit:selectAll');
      if (mod || e.altKey) return;
      const sel = store.getSnapshot().session.selection.competencies;
      // Enter and the arrows belong to a focused button, tab or menu; they act on the map only from the
      // canvas (or with nothing focused).
      const onMap = e.target === document.body || !!(e.target as HTMLElement | null)?.closest?.('.canvas');
      switch (e.key) {
        case 'Delete':
        case 'Backspace':
          e.preventDefault();
          // The deleted card had the focus, which falls to the page: the next Tab carries on over the map
          // (not back to the toolbar) even when the user came in with the keyboard.
          if (onMap && sel.length) {
            canvasEngaged = true;
            // …from where the deleted one was: the competencies before and after it in the walk
            const { ids, rank } = readingOrder(store.getSnapshot().doc.framework.competencies);
            const gone = new Set<string>(sel);
            const at = rank.get(sel[0]!) ?? 0;
            resume = {
              next: ids.slice(at + 1).find((id) => !gone.has(id)),
              prev: ids.slice(0, at).reverse().find((id) => !gone.has(id)),
            };
          }
          return deleteSelection(store);
        case 'ArrowLeft':
        case 'ArrowRight':
        case 'ArrowUp':
        case 'ArrowDown': {
          if (!sel.length || !onMap) return;
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
          const back = resume && !sel.length && !store.getSnapshot().session.collapsedDomains.length ? (e.shiftKey ? resume.prev : resume.next) : undefined;
          resume = null;
          if (back && store.getSnapshot().doc.framework.competencies[back]) {
            revealCompetency(store, back as CompetencyId);
            return focusSelectedCard(store);
          }
          if (atWalkEnd(store, e.shiftKey ? -1 : 1)) return leaveCanvas(e.shiftKey ? -1 : 1);
          stepSelection(store, e.shiftKey ? -1 : 1);
          return focusSelectedCard(store);
        }
        case 'Enter':
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
          // Two selected (in click order): the first becomes a prerequisite of the second.
          if (sel.length === 2) {
            e.preventDefault();
            linkCompetencies(store, sel[0]!, sel[1]!);
          } else store.notify('info', 'Select two competencies (the prerequisite first, then Shift+click the next) and press K to link them.');
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
    const onCopy = (e: ClipboardEvent) => clip.copyEvent(e, isEditable(e.target));
    const onPaste = (e: ClipboardEvent) => clip.pasteEvent(e, isEditable(e.target));
    window.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, host]);
}
