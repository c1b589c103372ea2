import { useMemo, useState } from 'react';
import type { Framework } from '../../../../src-core/model/types';
import { classSummary, learnerStatuses } from '../../../../src-core/progress/mastery';
import type { Progress } from '../../../../src-core/progress/types';
import { useFolded } from '../../ui/useFolded';
import { saveClassSummary } from './actions';
import { learnersStore } from './learnersStore';
import { codeOf, CompetencyButton, useFocusCompetency } from './shared';
import { learnerStructure } from '../../../../src-core/progress/structure';

type Group = 'mastered' | 'inProgress' | 'ready' | 'blocked';
const GROUPS: { key: Group; label: string }[] = [
  { key: 'ready', label: 'Ready' },
  { key: 'inProgress', label: 'In progress' },
  { key: 'mastered', label: 'Mastered' },
  { key: 'blocked', label: 'Blocked' },
];

/** Competencies in the class table until its "Show all". */
const CLASS_ROWS = 300;

/** Per competency: how many learners are ready, in progress, mastered, blocked — and who (for grouping). */
export function ClassView({ fw, progress }: { fw: Framework; progress: Progress }) {
  // where the class stands changes with the links, the order, the scale or the progress, not with the words
  const structure = learnerStructure(fw);
  const rows = useMemo(() => classSummary(fw, progress), [structure, progress]); // eslint-disable-line react-hooks/exhaustive-deps
  const focus = useFocusCompetency();
  const [open, setOpen] = useState<{ id: string; group: Group } | null>(null);
  const names = new Map(progress.learners.map((l) => [l.id, l.name]));
  const who = (r: (typeof rows)[number], g: Group) => `${GROUPS.find((x) => x.key === g)!.label} in ${codeOf(fw, r.competencyId)}: ${r[g].map((l) => names.get(l) ?? l).join(', ') || 'nobody'}`;
  const opened = open ? rows.find((r) => r.competencyId === open.id) : undefined;
  // a row per competency: on a 2,500-competency map the first 300 until Show all (all 2,500 froze the tab for seconds)
  const table = useFolded(rows, CLASS_ROWS, ' competencies', undefined, 'show-all-class-rows');
  return (
    <div className="lrn-class" data-testid="class-summary">
      <p className="lrn-hint">
        {progress.learners.length} learner{progress.learners.length === 1 ? '' : 's'}. Click a number to see who, e.g. to form a group for just-in-time support.
      </p>
      <LearnerRoster fw={fw} progress={progress} />
      <h2 className="lrn-class-h">Each competency</h2>
      <p>
        <button type="button" onClick={() => void saveClassSummary(fw)} data-testid="export-class-summary">
          Export the summary (CSV)…
        </button>
      </p>
      {/* who is in the group just opened, read out (the list itself appears in the row) */}
      <p className="visually-hidden" role="status">
        {opened && open ? who(opened, open.group) : ''}
      </p>
      <table className="lrn-table">
        <thead>
          <tr>
            <th scope="col">Competency</th>
            {GROUPS.map((g) => (
              <th key={g.key} scope="col">
                {g.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.shown.map((r) => (
            <tr key={r.competencyId}>
              <th scope="row">
                <CompetencyButton fw={fw} id={r.competencyId} onFocus={focus} />
                {open?.id === r.competencyId && (
                  <div className="lrn-who">
                    {GROUPS.find((g) => g.key === open.group)!.label}: {r[open.group].map((l) => names.get(l) ?? l).join(', ') || 'nobody'}
                  </div>
                )}
              </th>
              {GROUPS.map((g) => (
                <td key={g.key}>
                  <button
                    type="button"
                    className={`lrn-count lrn-count-${g.key}`}
                    disabled={r[g.key].length === 0}
                    aria-label={`${r[g.key].length} ${g.label.toLowerCase()} in ${codeOf(fw, r.competencyId)}`}
                    aria-pressed={open?.id === r.competencyId && open.group === g.key}
                    onClick={() => setOpen(open?.id === r.competencyId && open.group === g.key ? null : { id: r.competencyId, group: g.key })}
                  >
                    {r[g.key].length}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.more && <p className="lrn-hint">{table.more} (the exported summary has every competency)</p>}
    </div>
  );
}

/**
 * Each learner side by side: how much they have mastered, what they are working on, how much is ready,
 * and when progress was last recorded — to compare students and see who needs a conference. A name opens
 * that learner.
 */
function LearnerRoster({ fw, progress }: { fw: Framework; progress: Progress }) {
  const ids = useMemo(() => progress.learners.map((l) => l.id), [progress]);
  const structure = learnerStructure(fw);
  const statuses = useMemo(() => learnerStatuses(fw, progress, ids), [structure, progress, ids]); // eslint-disable-line react-hooks/exhaustive-deps
  const last = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of progress.records) if (fw.competencies[r.competencyId] && (m.get(r.learnerId) ?? '') < r.date) m.set(r.learnerId, r.date);
    return m;
  }, [structure.graph, progress]); // eslint-disable-line react-hooks/exhaustive-deps
  const total = Object.keys(fw.competencies).length;
  // two learners of one name (ids differing only in capitals, two rows of a gradebook) are told apart by their id
  const shared = useMemo(() => {
    const seen = new Map<string, number>();
    for (const l of progress.learners) seen.set(l.name.trim().toLowerCase(), (seen.get(l.name.trim().toLowerCase()) ?? 0) + 1);
    return (name: string) => (seen.get(name.trim().toLowerCase()) ?? 0) > 1;
  }, [progress]);
  return (
    <section aria-labelledby="lrn-roster-h" data-testid="learner-roster">
      <h2 id="lrn-roster-h" className="lrn-class-h">
        Each learner
      </h2>
      <table className="lrn-table lrn-roster">
        <thead>
          <tr>
            <th scope="col">Learner</th>
            <th scope="col">Mastered</th>
            <th scope="col">Working on</th>
            <th scope="col" title="Not started yet, and every prerequisite mastered (as in the table of competencies below)">
              Ready
            </th>
            <th scope="col">Last recorded</th>
          </tr>
        </thead>
        <tbody>
          {progress.learners.map((l, i) => {
            const st = statuses[i]!;
            // Ready to start: what they are working on is counted once, under Working on (as each competency's row counts it)
            const ready = st.ready.filter((id) => !st.current[id]).length;
            return (
              <tr key={l.id}>
                <th scope="row">
                  <button type="button" className="lrn-link" onClick={() => learnersStore.set({ learnerId: l.id, tab: 'learner' })} title={`Show what ${l.name} has mastered, is ready for and is blocked on`}>
                    {l.name}
                    {shared(l.name) && l.name !== l.id ? ` (${l.id})` : ''}
                  </button>
                </th>
                <td>
                  {st.mastered.length} of {total}
                  <span className="lrn-meter" aria-hidden="true">
                    <span style={{ width: `${total ? (100 * st.mastered.length) / total : 0}%` }} />
                  </span>
                </td>
                <td>{st.inProgress.length}</td>
                <td>{ready}</td>
                <td>{last.get(l.id) ?? 'never'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
