import { useEffect, type RefObject } from 'react';

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** Whether the keyboard can land on `el` now: still in `root`, enabled and shown. */
function usable(el: HTMLElement, root: HTMLElement): boolean {
  return el.isConnected && root.contains(el) && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0;
}

/** The controls of `root` in order, as they are before an action (to find what was next to one after it). */
export function focusOrder(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
}

/**
 * Where the focus goes once an action removed, moved or disabled `had`: `had` if it is still there, else the
 * next control after where it was in `order` (taken before the action), else the one before; none when
 * `root` has none left.
 */
export function focusTarget(had: HTMLElement, order: readonly HTMLElement[], root: HTMLElement): HTMLElement | undefined {
  const at = order.indexOf(had);
  if (usable(had, root)) return had;
  return order.slice(at + 1).find((c) => usable(c, root)) ?? order.slice(0, Math.max(0, at)).reverse().find((c) => usable(c, root));
}

/**
 * Keeps the keyboard focus in `root` when an action there removes, moves or disables the control that had
 * it (Remove link, Delete indicator, Move up, Remove domain…). Without this the browser drops the focus to
 * the page, and a keyboard or screen reader user starts again from the top of the window. The focus goes
 * back to the control if it is still there (a row moved up), else to the next control after where it was,
 * else to the one before. Nothing happens when the action put the focus somewhere on purpose.
 */
export function useFocusRescue(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let stop = () => {};
    const stopSoon = () => stop();
    const onAction = () => {
      const had = document.activeElement;
      if (!(had instanceof HTMLElement) || !el.contains(had)) return;
      stop();
      // the order before the action: what was next to the control once it is gone
      const order = focusOrder(el);
      const rescue = () => {
        if (document.activeElement && document.activeElement !== document.body) return;
        focusTarget(had, order, el)?.focus();
      };
      // The action's handler runs first (a confirm included); its update may come a little later: watch
      // the panel for a moment (a removed control fires no focusout, a disabled one does).
      let timer = window.setTimeout(rescue, 0);
      const later = () => {
        window.clearTimeout(timer);
        timer = window.setTimeout(rescue, 0);
      };
      const watch = new MutationObserver(later);
      watch.observe(el, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
      el.addEventListener('focusout', later);
      // the focus landed somewhere (the rescue's, or the user's next move): done
      document.addEventListener('focusin', stopSoon);
      const end = window.setTimeout(() => stop(), 1000);
      stop = () => {
        window.clearTimeout(timer);
        window.clearTimeout(end);
        watch.disconnect();
        el.removeEventListener('focusout', later);
        document.removeEventListener('focusin', stopSoon);
        stop = () => {};
      };
    };
    // a click comes from the pointer, Enter or Space on a button; Enter in a field may remove it too (Escape
    // and the others are left alone: some put the keyboard back on the map on purpose)
    const onKey = (e: KeyboardEvent) => e.key === 'Enter' && onAction();
    el.addEventListener('click', onAction, true);
    el.addEventListener('keydown', onKey, true);
    return () => {
      stop();
      el.removeEventListener('click', onAction, true);
      el.removeEventListener('keydown', onKey, true);
    };
  }, [root]);
}
