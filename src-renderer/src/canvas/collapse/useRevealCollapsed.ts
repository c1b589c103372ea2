import { useEffect } from 'react';
import { useEditor, useStore } from '../../store/useEditor';
import { revealHidden } from './collapseActions';

/**
 * Every "show this competency" (search, problems panel, inspector link jumps, Tab) asks the canvas to
 * centre on it (`session.centerOn`): when it is inside a collapsed domain, that domain is expanded
 * (and so are the domains hiding the rest of the selection), so the user is never sent to something
 * invisible.
 */
export function useRevealCollapsed(): void {
  const store = useStore();
  const centerOn = useEditor((s) => s.session.centerOn);
  useEffect(() => {
    if (!centerOn) return;
    const { session } = store.getSnapshot();
    if (!session.collapsedDomains.length) return;
    revealHidden(store, [centerOn.id, ...session.selection.competencies]);
  }, [centerOn, store]);
}
