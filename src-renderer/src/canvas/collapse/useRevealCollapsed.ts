import { useEffect, useRef } from 'react';
import { useEditor, useStore } from '../../store/useEditor';
import { revealHidden } from './collapseActions';

/**
 * Nothing selected or asked for is ever invisible: when a competency inside a collapsed domain is
 * selected or shown (search, problems panel, inspector link jumps, Select all, paste, a domain
 * change in the inspector), the domains hiding it are expanded. (Tab skips hidden competencies.) Collapsing drops hidden competencies
 * from the selection first (collapseActions), so it never undoes itself.
 */
export function useRevealCollapsed(): void {
  const store = useStore();
  const centerOn = useEditor((s) => s.session.centerOn);
  const selected = useEditor((s) => s.session.selection.competencies);
  const competencies = useEditor((s) => s.doc.framework.competencies);
  // a centring request counts once (collapsing its domain later must not expand it again)
  const handled = useRef(centerOn);
  useEffect(() => {
    const fresh = centerOn && centerOn !== handled.current ? [centerOn.id] : [];
    handled.current = centerOn;
    if (!store.getSnapshot().session.collapsedDomains.length) return;
    revealHidden(store, [...fresh, ...selected]);
  }, [centerOn, selected, competencies, store]);
}
