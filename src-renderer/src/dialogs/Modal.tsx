import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Icon } from '../ui/Icon';
import { isTopDialog, useDialogFocus } from '../ui/useDialogFocus';
import './dialogs.css';

/**
 * A modal dialog over the app (Escape or the close button closes it; Tab stays inside; focus returns to the opener).
 * `alert` makes it an alertdialog (a question that needs an answer), `describedBy` the id of what it asks.
 */
export function Modal({
  title,
  onClose,
  children,
  wide,
  testId,
  alert,
  describedBy,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  testId?: string;
  alert?: boolean;
  describedBy?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // only the dialog on top closes (a confirm over the Import dialog: Escape answers the confirm)
      if (e.key === 'Escape' && isTopDialog(ref.current)) {
        e.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  useDialogFocus(ref);
  return createPortal(
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={`dialog pub-dialog${wide ? ' is-wide' : ''}`} role={alert ? 'alertdialog' : 'dialog'} aria-modal="true" aria-label={title} aria-describedby={describedBy} tabIndex={-1} ref={ref} data-testid={testId}>
        <div className="dialog-head">
          <h2>{title}</h2>
          <button className="icon-btn" onClick={onClose} aria-label="Close" title="Close (Esc)">
            <Icon name="close" />
          </button>
        </div>
        {children}
      </div>
    </div>,
    document.body,
  );
}

/** A spinner with a message, for anything that takes longer than a moment. */
export function Busy({ children }: { children: ReactNode }) {
  return (
    <div className="pub-busy" role="status" aria-live="polite" data-testid="busy">
      <span className="pub-spinner" aria-hidden />
      <span>{children}</span>
    </div>
  );
}

/** A list of findings with a title, collapsed when long. */
export function FindingList({ title, items, tone, open }: { title: string; items: string[]; tone?: 'error' | 'warning' | 'info'; open?: boolean }) {
  if (items.length === 0) return null;
  return (
    <details className={`pub-findings pub-${tone ?? 'info'}`} open={open ?? items.length <= 6}>
      <summary>
        {title} ({items.length})
      </summary>
      <ul>
        {items.slice(0, 500).map((t, i) => (
          <li key={i}>{t}</li>
        ))}
        {items.length > 500 && <li className="muted">… and {items.length - 500} more</li>}
      </ul>
    </details>
  );
}
