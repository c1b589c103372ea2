import { useMemo, useState } from 'react';
import type { CompetencyId } from '../../../../src-core/model/ids';
import { useEditor, useStore } from '../../store/useEditor';
import { Icon } from '../../ui/Icon';
import { revealCompetency } from '../actions';
import { createCompetencySearch, resultText } from './findCompetencies';

const NONE: never[] = [];

/**
 * Finds competencies by code or text; Enter / click centres the match on the canvas. It searches only
 * while its results list is shown, and not again after an edit that changed no searchable text (perf:
 * a query left in the box cost a search of the whole map on every edit).
 */
export function SearchBox() {
  const store = useStore();
  const query = useEditor((s) => s.session.search.query);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const shown = open && !!query.trim();
  const competencies = useEditor((s) => (shown ? s.doc.framework.competencies : null));
  const search = useMemo(() => createCompetencySearch(12), []);
  const results = competencies ? search(competencies, query) : NONE;
  const go = (id: CompetencyId) => {
    revealCompetency(store, id);
    setOpen(false);
  };
  return (
    <div className="search" role="search">
      <Icon name="search" />
      <input
        id="search-input"
        type="search"
        placeholder="Search code or text"
        aria-label="Search competencies"
        value={query}
        autoComplete="off"
        onFocus={() => setOpen(true)}
        // At once, not on a timer: a close still pending when the user came back to the box (Ctrl+F right
        // after clicking elsewhere) shut the list under the query typed meanwhile. A press on a result keeps
        // the focus here (its mousedown is prevented), so the list needs no grace period to take the click.
        onBlur={() => setOpen(false)}
        onChange={(e) => {
          setActive(0);
          setOpen(true);
          store.setSession({ search: { open: true, query: e.target.value } });
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            if (!open) return setOpen(true); // shows the list again after a pick
            setActive((a) => Math.min(a + 1, results.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            // the list may be closed (after a pick): Enter goes to the match again
            const hit = (shown ? results : search(store.getSnapshot().doc.framework.competencies, query))[active];
            if (!hit) return;
            e.preventDefault();
            go(hit.id);
          }
        }}
      />
      {shown && (
        <ul className="search-results" role="listbox" aria-label="Search results">
          {results.length === 0 && <li className="muted search-none">No competency matches “{query}”</li>}
          {results.map((c, i) => (
            <li
              key={c.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                go(c.id);
              }}
            >
              <span className="code">{c.code || '—'}</span>
              <span className="text">{resultText(c, query)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
