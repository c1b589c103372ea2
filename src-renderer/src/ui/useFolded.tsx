import { useState, type ReactNode } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, summary, [tabindex]';

/** The list or table just before the Show all button (a sibling of it or of the paragraph it sits in). */
function listBefore(button: HTMLElement): HTMLElement | null {
  for (let el: HTMLElement | null = button, depth = 0; el && depth < 3; el = el.parentElement, depth++) {
    const prev = el.previousElementSibling;
    if (prev instanceof HTMLElement && prev.matches('ul, ol, table')) return prev;
  }
  return null;
}

/**
 * After Show all, the keyboard goes on at the first row it brought (its first control, else the row itself),
 * instead of wherever the browser drops it once the button is gone.
 */
function focusRow(list: HTMLElement | null, index: number): void {
  if (!list) return;
  const rows = list.matches('table') ? list.querySelectorAll<HTMLElement>(':scope > tbody > tr') : list.querySelectorAll<HTMLElement>(':scope > li');
  const row = rows[index];
  if (!row) return;
  const target = row.querySelector<HTMLElement>(FOCUSABLE) ?? row;
  if (target === row && !row.hasAttribute('tabindex')) row.tabIndex = -1;
  target.focus();
}

/**
 * The first `limit` of a long list, until its "Show all" button (`more`, null when nothing is folded) is
 * pressed: a panel on a map of thousands renders a few hundred rows, not all of them at once. The list folds
 * again when `of` changes (another standards set, another learner).
 */
export function useFolded<T>(items: readonly T[], limit: number, what: string, of?: unknown, testId?: string): { shown: readonly T[]; more: ReactNode } {
  const [openFor, setOpenFor] = useState<{ of: unknown } | null>(null);
  const open = openFor !== null && openFor.of === of;
  if (open || items.length <= limit) return { shown: items, more: null };
  return {
    shown: items.slice(0, limit),
    more: (
      <button
        className="link-btn small"
        onClick={(e) => {
          const list = listBefore(e.currentTarget);
          setOpenFor({ of });
          // the rows are in the page by the next frame (a click's update is rendered at once)
          requestAnimationFrame(() => focusRow(list, limit));
        }}
        data-testid={testId}
      >
        Show all {items.length.toLocaleString('en-US')}
        {what}
      </button>
    ),
  };
}
