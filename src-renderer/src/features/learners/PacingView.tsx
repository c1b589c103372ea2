import { useMemo } from 'react';
import type { Framework } from '../../../../src-core/model/types';
import type { LearnerStatus } from '../../../../src-core/progress/mastery';
import { DEFAULT_ESTIMATED_HOURS, pacingPlan } from '../../../../src-core/progress/pacing';
import { learnersStore, useLearners } from './learnersStore';
import { codeOf } from './shared';
import { learnerStructure, loadStructure } from '../../../../src-core/progress/structure';
import { useSameStanding } from './useSameStanding';

/** Week-by-week pacing from the learner's current position, and whether they are on pace for a target. */
export function PacingView({ fw, status, learnerName }: { fw: Framework; status: LearnerStatus | null; learnerName?: string | null }) {
  const { pacing } = useLearners();
  // the plan follows the sequence and the hours, not the words: an edited statement keeps it
  const structure = learnerStructure(fw);
  const load = loadStructure(fw);
  const standing = useSameStanding(status);
  const plan = useMemo(
    () => pacingPlan(fw, standing?.current ?? {}, { hoursPerWeek: pacing.hoursPerWeek, startDate: pacing.startDate, targetDate: pacing.targetDate || undefined }),
    [structure, load, standing, pacing], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const set = (p: Partial<typeof pacing>) => learnersStore.set((s) => ({ pacing: { ...s.pacing, ...p } }));
  return (
    <div className="lrn-pacing" data-testid="pacing-plan">
      <form className="lrn-form-row" onSubmit={(e) => e.preventDefault()}>
        <label>
          Hours per week{' '}
          <input type="number" min={0.5} step={0.5} value={pacing.hoursPerWeek} onChange={(e) => set({ hoursPerWeek: Number(e.target.value) })} />
        </label>
        <label>
          Start <input type="date" value={pacing.startDate} onChange={(e) => set({ startDate: e.target.value })} />
        </label>
        <label>
          Target <input type="date" value={pacing.targetDate} onChange={(e) => set({ targetDate: e.target.value })} />
        </label>
      </form>
      <p className="lrn-hint">
        {status ? `Plan for ${learnerName ?? status.learnerId} from where they stand now.` : 'Plan from the start of the progression (choose a learner to plan from their position).'}
      </p>
      <p className="lrn-hint">Competencies without an estimate count {DEFAULT_ESTIMATED_HOURS} hours; a competency already started counts only the part left.</p>
      {!pacing.startDate ? (
        <p className="lrn-warning" role="alert">
          Choose a start date to plan the weeks.
        </p>
      ) : !plan.ok ? (
        <p className="lrn-warning" role="alert">
          {plan.error.message}
        </p>
      ) : pacing.targetDate && pacing.targetDate < pacing.startDate ? (
        <p className="lrn-warning" role="alert" data-testid="pace-status">
          The target date ({pacing.targetDate}) is before the start ({pacing.startDate}): choose a later target, or clear it to see when the plan ends.
        </p>
      ) : plan.value.weeks.length === 0 ? (
        <p className="lrn-empty" data-testid="pace-status">
          {Object.keys(fw.competencies).length === 0
            ? 'This framework has no competencies yet: add some on the canvas (N), with estimated hours, to plan the weeks.'
            : `Nothing left to plan: ${status ? `${learnerName ?? status.learnerId} has` : 'every competency is'} mastered${status ? ' every competency' : ''}.`}
        </p>
      ) : (
        <>
          <p className={`lrn-pace ${plan.value.onPace === false ? 'is-behind' : plan.value.onPace ? 'is-on' : ''}`} data-testid="pace-status">
            {formatHours(plan.value.totalHours)} hours left over {plan.value.weeks.length} week{plan.value.weeks.length === 1 ? '' : 's'}, finishing by {plan.value.finishDate}.
            {plan.value.onPace === true && ' On pace for the target date.'}
            {plan.value.onPace === false &&
              ` Not on pace for ${plan.value.targetDate}${plan.value.hoursPerWeekNeeded !== null ? `: about ${formatHours(plan.value.hoursPerWeekNeeded)} hours a week would be needed` : ''}.`}
          </p>
          <table className="lrn-table">
            <thead>
              <tr>
                <th scope="col">Week</th>
                <th scope="col">Dates</th>
                <th scope="col">Competencies (hours)</th>
              </tr>
            </thead>
            <tbody>
              {plan.value.weeks.map((w) => (
                <tr key={w.week}>
                  <th scope="row">{w.week}</th>
                  <td>
                    {w.startDate} – {w.endDate}
                  </td>
                  <td>{w.items.map((i) => `${codeOf(fw, i.competencyId)} (${formatHours(i.hours)})`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

/** Hours as a person reads them: whole hours, or one decimal ("1.3", not "1.3333"). */
export function formatHours(h: number): string {
  return Number.isInteger(h) ? String(h) : h.toFixed(1).replace(/\.0$/, '');
}
