import { useEffect, useState, type RefObject } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** The controls of `root` that Tab can reach, in order (hidden ones left out). */
function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

/** The open modal dialogs, the last one on top (a confirm asked from inside the Import dialog). */
const open: HTMLElement[] = [];

/** True when `root` is the topmost open dialog: only it answers Tab and Escape. */
export function isTopDialog(root: HTMLElement | null): boolean {
  return root !== null && open[open.length - 1] === root;
}

/**
 * Keeps keyboard focus in a modal dialog while it is open: Tab and Shift+Tab cycle through its controls
 * instead of wandering to the page behind it, and when the dialog closes the focus goes back to what had
 * it before (the button that opened it), so a keyboard user carries on where they were.
 */
export function useDialogFocus(ref: RefObject<HTMLElement | null>): void {
  // Read while rendering the dialog the first time, before an autoFocus inside it moves the focus.
  const [before] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    // A dialog that replaced another (export ▸ printable map) goes back to where that one sent the focus.
    const now = document.activeElement as HTMLElement | null;
    const back = before && before !== document.body && before.isConnected ? before : now && !root.contains(now) ? now : null;
    if (!root.contains(document.activeElement)) (root.querySelector<HTMLElement>('[autofocus]') ?? root).focus();
    open.push(root);
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Tab' || !isTopDialog(root)) return;
      const els = focusables(root);
      if (!els.length) {
        e.preventDefault();
        return;
      }
      const first = els[0]!;
      const last = els[els.length - 1]!;
      const at = document.activeElement;
      const outside = !root.contains(at);
      if (e.shiftKey && (at === first || at === root || outside)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (at === last || outside)) {
        e.preventDefault();
        first.focus();
      }
    };
    // Capture on the window: the page's own Tab handling (walking competencies) must not see it first.
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      const at = open.lastIndexOf(root);
      if (at >= 0) open.splice(at, 1);
      if (back && back !== document.body && back.isConnected) back.focus();
    };
  }, [ref, before]);
}
