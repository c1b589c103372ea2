import { useEffect, useMemo, useState } from 'react';
import type { CompetencyId, PhaseId } from '../../../../src-core/model/ids';
import type { Framework } from '../../../../src-core/model/types';
import { localTodayIso } from '../../../../src-core/progress/dates';
import type { LearnerStatus } from '../../../../src-core/progress/mastery';
import { learnerStatusOf } from '../../../../src-core/progress/structure';
import type { Progress } from '../../../../src-core/progress/types';
import { useEditor } from '../../store/useEditor';
import { useFolded } from '../../ui/useFolded';
import { recordPhase } from './actions';
import { learnersStore, useLearners } from './learnersStore';
import { phaseColors } from './phaseColors';
import { codeOf, CompetencyButton, useFocusCompetency } from './shared';

/** Rows of each list shown until its "Show all" (a learner on a 2,500-competency map had 22,000 elements here). */
const LIST_LIMIT = 150;

/** One learner: recording a new phase, then ready next (with why), blocked (by what), mastered, and every record. */
export function LearnerView({ fw, progress, learnerId }: { fw: Framework; progress: Progress; learnerId: string }) {
  const status = learnerStatusOf(fw, progress, learnerId);
  const focus = useFocusCompetency();
  const colors = useMemo(() => phaseColors(fw.phases), [fw.phases]);
  const phaseChip = (id: string) => {
    const rec = status.current[id];
    if (!rec) return null;
    const p = fw.phases.find((x) => x.id === rec.phaseId);
    const col = colors.get(rec.phaseId);
    return (
      <span className="lrn-chip" style={{ background: col?.fill, color: col?.ink }} title={`${rec.date}${rec.evidence ? ` — ${rec.evidence}` : ''}`}>
        {p?.label}
      </span>
    );
  };
  // whether each competency has a prerequisite, counted once (not once per listed competency over every link)
  const hasPrerequisite = useMemo(() => {
    const s = new Set<string>();
    for (const l of fw.prerequisites.values()) if (fw.competencies[l.from]) s.add(l.to);
    return s;
  }, [fw]);
  // on a big map a learner has hundreds ready, over a thousand blocked or mastered: the first of each until Show all
  const ready = useFolded(status.ready, LIST_LIMIT, '', learnerId, 'show-all-ready');
  const blocked = useFolded(status.blocked, LIST_LIMIT, '', learnerId, 'show-all-blocked');
  const mastered = useFolded(status.mastered, LIST_LIMIT, '', learnerId, 'show-all-mastered');
  return (
    <div className="lrn-learner">
      {/* First: recording what a student showed is the teacher's errand here, a Tab or two away from the tabs
          (below the lists, it was some 90 Tab presses away on the example map) */}
      <RecordForm fw={fw} learnerId={learnerId} learnerName={progress.learners.find((l) => l.id === learnerId)?.name ?? learnerId} status={status} next={nextLearner(progress, learnerId)} />
      <section aria-labelledby="lrn-ready-h" data-testid="ready-next">
        <h2 id="lrn-ready-h">Ready next ({status.ready.length})</h2>
        {status.ready.length === 0 && <p className="lrn-empty">Nothing is ready: everything is mastered or blocked.</p>}
        <ul className="lrn-list">
          {ready.shown.map((id) => (
            <li key={id}>
              <CompetencyButton fw={fw} id={id} onFocus={focus}>
                {phaseChip(id)}
              </CompetencyButton>
              <span className="lrn-reason">{hasPrerequisite.has(id) ? 'All prerequisites mastered' : 'No prerequisites'}</span>
            </li>
          ))}
        </ul>
        {ready.more}
      </section>
      <section aria-labelledby="lrn-blocked-h" data-testid="blocked">
        <h2 id="lrn-blocked-h">Blocked ({status.blocked.length})</h2>
        <ul className="lrn-list">
          {blocked.shown.map((b) => (
            <li key={b.id}>
              <CompetencyButton fw={fw} id={b.id} onFocus={focus}>
                {phaseChip(b.id)}
              </CompetencyButton>
              <span className="lrn-reason">
                Needs{' '}
                {b.missing.map((m, i) => (
                  <span key={m}>
                    {i > 0 && ', '}
                    <button type="button" className="lrn-link" onClick={() => focus(m)} aria-label={`${codeOf(fw, m)}, needed first — show it on the canvas`}>
                      {codeOf(fw, m)}
                    </button>
                  </span>
                ))}
              </span>
            </li>
          ))}
        </ul>
        {blocked.more}
      </section>
      <section aria-labelledby="lrn-mastered-h" data-testid="mastered">
        <h2 id="lrn-mastered-h">Mastered ({status.mastered.length})</h2>
        <ul className="lrn-list">
          {mastered.shown.map((id) => (
            <li key={id}>
              <CompetencyButton fw={fw} id={id} onFocus={focus}>
                {phaseChip(id)}
              </CompetencyButton>
            </li>
          ))}
        </ul>
        {mastered.more}
      </section>
      <RecordHistory fw={fw} progress={progress} learnerId={learnerId} />
    </div>
  );
}

/** Records a phase for the competency selected on the canvas ("typed in on the canvas"). */
/** The learner after `learnerId` in the class list (the first after the last), or null with one learner. */
function nextLearner(progress: Progress, learnerId: string): { id: string; name: string } | null {
  const all = progress.learners;
  if (all.length < 2) return null;
  return all[(all.findIndex((l) => l.id === learnerId) + 1) % all.length] ?? null;
}

function RecordForm({ fw, learnerId, learnerName, status, next }: { fw: Framework; learnerId: string; learnerName: string; status: LearnerStatus; next: { id: string; name: string } | null }) {
  const selected = useEditor((s) => s.session.selection.competencies[0] ?? null);
  const threshold = fw.phases.find((p) => p.threshold) ?? fw.phases[0];
  const [phaseId, setPhaseId] = useState<string>(threshold?.id ?? '');
  const [date, setDate] = useState(() => localTodayIso());
  const [evidence, setEvidence] = useState('');
  const c = selected ? fw.competencies[selected] : undefined;
  const now = c ? status.current[c.id] : undefined;
  // a record of this learner and competency just taken back (Undo): its phase, date and evidence are back in the
  // form, to record it right (a wrong phase) without typing the evidence again
  const message = useLearners().message;
  useEffect(() => {
    const r = message?.tookBack;
    if (!r || r.learnerId !== learnerId || r.competencyId !== c?.id) return;
    setPhaseId(r.phaseId);
    setDate(r.date);
    setEvidence(r.evidence);
  }, [message]); // eslint-disable-line react-hooks/exhaustive-deps -- when a record is taken back, not as the selection changes
  return (
    <section className="lrn-record" aria-labelledby="lrn-record-h">
      <h2 id="lrn-record-h">Record progress</h2>
      {!c ? (
        <p className="lrn-empty">Select a competency on the canvas (or in the lists below) to record the phase {learnerName} showed.</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!fw.phases.some((p) => p.id === phaseId) || !/^\d{4}-\d{2}-\d{2}$/.test(date) || date > localTodayIso()) return;
            recordPhase({ learnerId, competencyId: c.id as CompetencyId, phaseId: phaseId as PhaseId, date, evidence: evidence.trim() }, undefined, fw);
            setEvidence('');
          }}
        >
          <p>
            <strong>{codeOf(fw, c.id)}</strong> {c.statement}
          </p>
          {/* a teacher going from student to student (the learner list scrolled out of sight on a small screen)
              sees whose record this is and where they stand, on the form itself */}
          <p className="lrn-record-now" data-testid="record-now">
            {learnerName}: {now ? `${fw.phases.find((p) => p.id === now.phaseId)?.label ?? 'unknown phase'} since ${now.date}` : 'nothing recorded yet'}
          </p>
          <label>
            Phase{' '}
            <select value={phaseId} onChange={(e) => setPhaseId(e.target.value)}>
              {fw.phases.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                  {p.threshold ? ' (mastery)' : ''}
                </option>
              ))}
            </select>
          </label>
          <label>
            {/* not after today: a mistyped year (2062) would count as the latest record and hide every later one */}
            Date <input type="date" value={date} required max={localTodayIso()} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label>
            Evidence <input type="text" value={evidence} placeholder="e.g. exit ticket, fraction strips" onChange={(e) => setEvidence(e.target.value)} />
          </label>
          <button type="submit">Record for {learnerName}</button>
          {/* student after student on the same competency, without going back up to the learner list */}
          {next && (
            <button type="button" className="lrn-next-learner" onClick={() => learnersStore.set({ learnerId: next.id })} data-testid="record-next-learner">
              Next learner: {next.name} →
            </button>
          )}
        </form>
      )}
    </section>
  );
}

/**
 * Every record of the learner, newest first — what was shown, when, with what evidence (the phase chips
 * above show only the latest, and only on hover). Records of competencies or phases the framework does not
 * have are listed too, marked, since the views ignore them.
 */
function RecordHistory({ fw, progress, learnerId }: { fw: Framework; progress: Progress; learnerId: string }) {
  const rows = useMemo(
    () =>
      progress.records
        .map((r, i) => ({ r, i }))
        .filter(({ r }) => r.learnerId === learnerId)
        .sort((a, b) => (a.r.date < b.r.date ? 1 : a.r.date > b.r.date ? -1 : b.i - a.i)),
    [progress, learnerId],
  );
  const { shown, more } = useFolded(rows, LIST_LIMIT, ' records', learnerId, 'show-all-records');
  if (rows.length === 0) return null;
  return (
    <details className="lrn-history" data-testid="learner-records">
      <summary>
        All records ({rows.length}), newest first
      </summary>
      <table className="lrn-table">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Competency</th>
            <th scope="col">Phase</th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ r, i }) => {
            const known = !!fw.competencies[r.competencyId];
            const phase = fw.phases.find((p) => p.id === r.phaseId);
            return (
              <tr key={i}>
                <td>{r.date}</td>
                <td>{known ? codeOf(fw, r.competencyId) : `${r.competencyId.slice(0, 8)}… (not in this framework)`}</td>
                <td>{phase?.label ?? 'unknown phase'}</td>
                <td>{r.evidence}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {more}
    </details>
  );
}
