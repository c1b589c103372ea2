import { copySelection, deleteSelection, pasteText } from '../canvas/actions';
import type { EditorStore } from '../store/editorStore';
import { pasteRemembered, rememberClip } from './appCommands';

/** The part of a copy / cut / paste event the shortcuts use. */
export interface ClipboardEventLike {
  readonly type: string;
  readonly clipboardData: Pick<DataTransfer, 'getData' | 'setData'> | null;
  preventDefault(): void;
}

/** What the clipboard shortcuts need from the page (the browser's in the app; a stand-in in tests). */
export interface ClipboardPage {
  /** The page text currently selected ('' when none). */
  selectedText(): string;
  /** Drops the page's text selection, a collapsed one (a caret) too. */
  clearSelection(): void;
  /** The async clipboard, when the host has one. */
  clipboard(): Pick<Clipboard, 'readText' | 'writeText'> | undefined;
}

/** Ctrl/Cmd+C, X and V on the map, and the copy / cut / paste events that go with them. */
export interface ClipboardShortcuts {
  /** A pointer press anywhere on the page; `onCanvas` when it was on the map. */
  pointerDown(onCanvas: boolean): void;
  /** Ctrl/Cmd+C (or X when `cut`) pressed on the map (not in a field). */
  copyKey(cut: boolean): void;
  /** Ctrl/Cmd+V pressed on the map (not in a field). */
  pasteKey(): void;
  /** A copy or cut event; `inField` when its target is a text field (the field's own copy then). */
  copyEvent(e: ClipboardEventLike, inField: boolean): void;
  /** A paste event; `inField` when its target is a text field (the field's own paste then). */
  pasteEvent(e: ClipboardEventLike, inField: boolean): void;
}

/**
 * The map's clipboard keys. Copy puts the selected competencies on the clipboard as JSON text (the copy
 * event's data, and the async clipboard for hosts where key presses raise no clipboard events); paste
 * adds the competencies of a clip. Both paths agree on what is copied, so the clipboard never ends up
 * with whichever of two writes landed last:
 * - page text the user selected is copied as text (the competencies are not);
 * - a press on the map drops the page's text selection (its caret too), as a click elsewhere on a page
 *   does — a Shift+click or Shift+drag (multi-select, box select) would otherwise extend it from the last
 *   text clicked over the panels and notices, and that stray text was copied instead of the selected
 *   competencies (or the copy raced the async clipboard's write of them);
 * - a paste event that carries no text (some hosts) falls back to the async clipboard, then to the last
 *   clip copied in this window, as a key press that raised no paste event does.
 */
export function createClipboardShortcuts(store: EditorStore, page: ClipboardPage): ClipboardShortcuts {
  let pasteSeen = false;
  const copiesPageText = () => page.selectedText() !== '';
  const pasteFromClipboard = () => {
    const clipboard = page.clipboard();
    void (clipboard ? clipboard.readText() : Promise.reject(new Error('no clipboard')))
      .then((t) => pasteText(store, t) || pasteRemembered(store))
      .catch(() => pasteRemembered(store));
  };
  return {
    pointerDown(onCanvas) {
      // the caret too: a Shift+press extends the selection from it
      if (onCanvas) page.clearSelection();
    },
    copyKey(cut) {
      if (copiesPageText()) return; // the native copy takes the text
      const text = copySelection(store);
      if (!text) return;
      rememberClip(text);
      void page.clipboard()?.writeText(text).catch(() => undefined);
      if (cut) setTimeout(() => store.getSnapshot().session.selection.competencies.length && deleteSelection(store), 0);
    },
    pasteKey() {
      pasteSeen = false;
      // Fallback when no paste event follows the key press.
      setTimeout(() => {
        if (!pasteSeen) pasteFromClipboard();
      }, 60);
    },
    copyEvent(e, inField) {
      if (inField || copiesPageText()) return;
      const text = copySelection(store);
      if (!text || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', text);
      rememberClip(text);
      e.preventDefault();
      if (e.type === 'cut') deleteSelection(store);
    },
    pasteEvent(e, inField) {
      pasteSeen = true;
      if (inField) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!text) return pasteFromClipboard();
      if (pasteText(store, text)) e.preventDefault();
    },
  };
}
