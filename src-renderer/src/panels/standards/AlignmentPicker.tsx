import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ALIGNMENT_KINDS, type Alignment, type AlignmentKind, type Competency, type Framework, type Standard } from '../../../../src-core/model/types';
import { useEditor, useStore } from '../../store/useEditor';
import { alignCompetencies, codeScore, standardName } from './standardsModel';
import { revealStandard } from './standardsUi';
import { AlignmentControls } from './AlignmentControls';
import './standards.css';

const LIMIT = 12;
const NONE: readonly Alignment[] = [];

// Alignments per competency, once per version of the alignments Map: selecting another competency
// (or editing anything but alignments) is a lookup, not a pass over every alignment of the map.
const byCompetency = new WeakMap<Framework['alignments'], Map<string, Alignment[]>>();
/** The alignments of one competency, in document order. */
export function alignmentsOf(alignments: Framework['alignments'], competencyId: string): readonly Alignment[] {
  let m = byCompetency.get(alignments);
  if (!m) {
    m = new Map();
    for (const a of alignments.values()) {
      const list = m.get(a.competencyId);
      if (list) list.push(a);
      else m.set(a.competencyId, [a]);
    }
    byCompetency.set(alignments, m);
  }
  return m.get(competencyId) ?? NONE;
}

/**
 * The inspector's "Standards" section for one competency: its alignments (kind, remove) and a
 * searchable picker over every imported standards set to add one. Every change is one undo step.
 */
export function AlignmentPicker({ competency }: { competency: Competency }) {
  const store = useStore();
  const sets = useEditor((s) => s.doc.framework.standardsSets);
  const alignments = useEditor((s) => s.doc.framework.alignments);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<AlignmentKind>('exact');
  const mine = alignmentsOf(alignments, competency.id);
  const taken = useMemo(() => new Set(mine.map((a) => `${a.setId}|${a.standardId}`)), [mine]);
  const results = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const words = q.split(/\s+/);
    const out: { setId: string; setTitle: string; s: Standard; score: number }[] = [];
    for (const set of Object.values(sets)) {
      for (const s of Object.values(set.items)) {
        const code = s.code.toLowerCase();
        const score = codeScore(code, q) || (words.every((w) => `${code} ${s.statement.toLowerCase()}`.includes(w)) ? 1 : 0);
        if (score) out.push({ setId: set.id, setTitle: set.title, s, score });
      }
    }
    return out.sort((a, b) => b.score - a.score || a.s.code.localeCompare(b.s.code, undefined, { numeric: true })).slice(0, LIMIT);
  }, [query, sets]);
  const nSets = Object.keys(sets).length;
  // The keyboard's choice among the standards found (Enter aligns it, ↑/↓ choose another): the one
  // last chosen while it is still found and not yet aligned, else the first not yet aligned.
  const [chosen, setChosen] = useState<string | null>(null);
  const keyOf = (r: (typeof results)[number]) => `${r.setId}|${r.s.id}`;
  const free = results.map((r) => !taken.has(keyOf(r)));
  const byChoice = results.findIndex((r, i) => free[i] && keyOf(r) === chosen);
  const active = byChoice >= 0 ? byChoice : free.indexOf(true);
  const listId = useId();
  const align = (r: (typeof results)[number]) => {
    if (alignCompetencies(store, [competency.id], r.setId, r.s.id, kind)) {
      setQuery('');
      setChosen(null);
    }
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' && query) {
      // empties the search; the competency stays selected
      e.preventDefault();
      e.stopPropagation();
      setQuery('');
      return setChosen(null);
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      const r = results[active];
      if (active >= 0 && r) align(r);
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const step = e.key === 'ArrowDown' ? 1 : -1;
    for (let i = active + step; i >= 0 && i < results.length; i += step) {
      if (free[i]) return setChosen(keyOf(results[i]!));
    }
  };
  // The picker sits at the foot of a long inspector: bring what was found into view (the field stays in view).
  const addRef = useRef<HTMLDivElement>(null);
  const shown = query.trim() ? results.length : -1;
  useEffect(() => {
    if (shown >= 0) addRef.current?.scrollIntoView({ block: 'nearest' });
  }, [shown]);

  return (
    <section className="section align-picker" data-testid="alignment-picker">
      <div className="section-title">Standards</div>
      {mine.length === 0 && <p className="muted small">Not aligned to any standard.</p>}
      <ul className="std-aligned">
        {mine.map((a) => {
          const s = sets[a.setId]?.items[a.standardId];
          return (
            <li key={a.id} data-testid="alignment">
              <button className="link-btn std-comp" onClick={() => revealStandard(store, a.standardId, a.setId)} title={s ? `${s.statement}\n(${sets[a.setId]!.title})` : 'Missing standard'}>
                <b>{s ? standardName(s) : 'missing standard'}</b> {s?.code ? s.statement : ''}
              </button>
              <AlignmentControls id={a.id} kind={a.kind} />
            </li>
          );
        })}
      </ul>
      {nSets === 0 ? (
        <p className="muted small">Import a standards set (Standards panel) to align this competency.</p>
      ) : (
        <div className="align-add" ref={addRef}>
          <div className="std-align-row">
            <input
              className="input"
              type="search"
              placeholder="Find a standard to align…"
              aria-label="Find a standard to align"
              // a combobox over the list of results; aria-controls only while the list is there (an id that
              // points at nothing is an error for screen readers)
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={results.length > 0}
              aria-controls={results.length > 0 ? listId : undefined}
              aria-activedescendant={results.length > 0 && active >= 0 ? `${listId}-${active}` : undefined}
              title="Enter aligns the chosen standard; ↑ ↓ choose another"
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setChosen(null);
              }}
              onKeyDown={onKeyDown}
            />
            <select className="input std-kind" aria-label="Kind of new alignment" value={kind} onChange={(e) => setKind(e.target.value as AlignmentKind)}>
              {ALIGNMENT_KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </div>
          {query.trim() && results.length === 0 && (
            <p className="align-results align-none muted small" role="status">
              No standard matches “{query}”.
            </p>
          )}
          {results.length > 0 && (
            <ul className="align-results" role="listbox" aria-label="Standards found" id={listId}>
              {results.map((r, i) => {
                const done = !free[i];
                return (
                  <li key={keyOf(r)} role="none">
                    <button
                      role="option"
                      id={`${listId}-${i}`}
                      aria-selected={i === active}
                      disabled={done}
                      className={`align-result${i === active ? ' is-active' : ''}`}
                      ref={i === active ? (el) => el?.scrollIntoView?.({ block: 'nearest' }) : undefined}
                      onClick={() => align(r)}
                      title={done ? 'Already aligned' : `Align (${kind})`}
                    >
                      <span className="std-code">{r.s.code || '—'}</span>
                      <span className="align-statement">{r.s.statement}</span>
                      {nSets > 1 && <span className="std-parent">{r.setTitle}</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
