import { useEffect, useMemo, useRef, useState } from 'react';
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
            <input className="input" type="search" placeholder="Find a standard to align…" aria-label="Find a standard to align" value={query} onChange={(e) => setQuery(e.target.value)} />
            <select className="input std-kind" aria-label="Kind of new alignment" value={kind} onChange={(e) => setKind(e.target.value as AlignmentKind)}>
              {ALIGNMENT_KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </div>
          {query.trim() && (
            <ul className="align-results" role="listbox" aria-label="Standards found">
              {results.length === 0 && <li className="muted small">No standard matches “{query}”.</li>}
              {results.map((r) => {
                const done = taken.has(`${r.setId}|${r.s.id}`);
                return (
                  <li key={`${r.setId}|${r.s.id}`}>
                    <button
                      role="option"
                      aria-selected={false}
                      disabled={done}
                      className="align-result"
                      onClick={() => {
                        if (alignCompetencies(store, [competency.id], r.setId, r.s.id, kind)) setQuery('');
                      }}
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
