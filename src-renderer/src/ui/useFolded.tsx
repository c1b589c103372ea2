import { useState, type ReactNode } from 'react';

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
      <button className="link-btn small" onClick={() => setOpenFor({ of })} data-testid={testId}>
        Show all {items.length}
        {what}
      </button>
    ),
  };
}
