import { useId, useSyncExternalStore } from 'react';
import { focusOrder, focusTarget } from '../ui/useFocusRescue';
import { Modal } from './Modal';

/** What a confirm dialog asks: a title, the question in full, and the button that does it ("Remove domain"). */
export interface ConfirmRequest {
  title: string;
  message: string;
  /** The destructive button, named for the action: "Remove domain", "Replace progress". */
  confirmLabel: string;
  /** "Cancel" unless said. */
  cancelLabel?: string;
}

interface Pending extends ConfirmRequest {
  n: number;
  resolve: (ok: boolean) => void;
  /** What had the focus when it was asked (the button that asks), with the controls of its part of the page. */
  opener: HTMLElement | null;
  area: HTMLElement | null;
  order: HTMLElement[];
}

let queue: readonly Pending[] = [];
let asked = 0;
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of [...listeners]) l();
};

/** The part of the page a control belongs to, for where the focus goes when the control is gone. */
const AREA = '[role="region"], [role="tabpanel"], section, aside, .panel, .dialog';

/**
 * Asks before a destructive action, in the app's own dialog (themed, read by screen readers, checked by the
 * accessibility audit), instead of the browser's `confirm()`. Resolves true when the user chose the action,
 * false on Cancel, Escape, the close button or a click outside. Questions asked while one is open wait their
 * turn. Cancel has the focus, so Enter never removes anything by accident; when the dialog closes the focus
 * goes back to the button that asked, or, when the action removed it, to the next control where it was.
 */
export function confirmAction(request: ConfirmRequest): Promise<boolean> {
  return new Promise((resolve) => {
    // No dialog host on the page (never in the app): the safe answer, nothing removed.
    if (listeners.size === 0) return resolve(false);
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && active !== document.body ? active : null;
    const area = opener?.closest<HTMLElement>(AREA) ?? null;
    queue = [...queue, { ...request, n: ++asked, resolve, opener, area, order: area ? focusOrder(area) : [] }];
    emit();
  });
}

function answer(p: Pending, ok: boolean): void {
  queue = queue.filter((q) => q !== p);
  emit();
  p.resolve(ok);
  // The caller acts once the promise settles (a microtask later), then the page updates: if the focus fell
  // to the page because the action took the opener away, put it on the next control in the opener's area.
  window.setTimeout(() => {
    if (queue.length || (document.activeElement && document.activeElement !== document.body)) return;
    if (!p.opener || !p.area) return;
    // the opener, else the control after it, else the first control of the area as it is now (a panel that
    // was redrawn, e.g. emptied by the removal, is found again by its test id)
    const id = p.area.dataset.testid;
    const now = p.area.isConnected ? p.area : id ? document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(id)}"]`) : null;
    if (!now) return;
    const to = (p.area.isConnected ? focusTarget(p.opener, p.order, p.area) : undefined) ?? focusOrder(now).find((c) => !(c as HTMLButtonElement).disabled && c.getClientRects().length > 0);
    to?.focus();
  }, 0);
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

function ConfirmDialog({ pending }: { pending: Pending }) {
  const id = useId();
  const cancel = () => answer(pending, false);
  return (
    <Modal title={pending.title} onClose={cancel} alert describedBy={`${id}-q`} testId="confirm-dialog">
      <p id={`${id}-q`} className="confirm-question">
        {pending.message}
      </p>
      <div className="pub-foot">
        <span className="pub-spacer" />
        <button className="btn" onClick={cancel} autoFocus data-testid="confirm-cancel">
          {pending.cancelLabel ?? 'Cancel'}
        </button>
        <button className="btn btn-danger" onClick={() => answer(pending, true)} data-testid="confirm-ok">
          {pending.confirmLabel}
        </button>
      </div>
    </Modal>
  );
}

/** Shows the question `confirmAction` asks (mounted once, in the app shell). */
export function ConfirmDialogHost() {
  const top = useSyncExternalStore(
    subscribe,
    () => queue[0] ?? null,
    () => null,
  );
  // keyed by the question: the next one in the queue is a new dialog (its own focus, its own opener)
  return top ? <ConfirmDialog key={top.n} pending={top} /> : null;
}
