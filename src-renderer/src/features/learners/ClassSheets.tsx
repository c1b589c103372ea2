import { useMemo } from 'react';
import type { Framework } from '../../../../src-core/model/types';
import { learnerStatuses } from '../../../../src-core/progress/mastery';
import { suggestedSequence } from '../../../../src-core/progress/sequence';
import type { Progress } from '../../../../src-core/progress/types';
import { codeOf, iCan, WorkingOnList } from './shared';
import './classSheets.css';

/** How many next steps a sheet lists before "and N more". */
const NEXT_SHOWN = 8;

/**
 * One printed page per learner (in name order), for a teacher to hand out: whose it is, how much is mastered, what
 * they are working on (and at which phase), their next steps in "I can" words, and how many targets
 * come later. The same facts as each learner's student view, short enough for one sheet.
 */
export function ClassSheets({ fw, progress }: { fw: Framework; progress: Progress }) {
  const sheets = useMemo(() => {
    // In name order, as a teacher hands them out.
    const learners = [...progress.learners].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }));
    return learnerStatuses(fw, progress, learners.map((l) => l.id)).map((status, i) => {
      const seq = suggestedSequence(fw, new Set(status.mastered));
      const next = seq.order.filter((id) => status.state[id] === 'ready'); // as the student view lists them
      return { learner: learners[i]!, status, next };
    });
  }, [fw, progress]);
  const total = Object.keys(fw.competencies).length;
  const threshold = fw.phases.find((p) => p.threshold);
  const today = new Date().toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
  return (
    <div className="sv-sheets" data-testid="class-sheets">
      {sheets.map(({ learner, status, next }) => (
        <section key={learner.id} className="sv-sheet" aria-label={`${learner.name}’s learning map`} data-testid="class-sheet" data-learner={learner.id}>
          <header className="sv-sheet-head">
            <h2>{learner.name}</h2>
            <p className="sv-sub">
              My learning map · {fw.title} · {today}
            </p>
          </header>
          <p>
            I have mastered <strong data-testid="sheet-mastered">{status.mastered.length}</strong> of {total} learning targets
            {threshold ? ` (at ${threshold.label} or above)` : ''}.
          </p>
          <div className="sv-meter" aria-hidden="true">
            <span style={{ width: `${total ? (100 * status.mastered.length) / total : 0}%` }} />
          </div>
          <h3>I am working on</h3>
          {status.inProgress.length === 0 ? (
            <p className="sv-none">Nothing started yet.</p>
          ) : (
            <WorkingOnList fw={fw} status={status} testId="sheet-working-on" />
          )}
          <h3>My next steps</h3>
          {next.length === 0 ? (
            <p className="sv-none">{status.mastered.length === total ? 'I have mastered every target. 🎉' : 'Nothing new is waiting: finish what I am working on, or talk with my teacher.'}</p>
          ) : (
            <ol data-testid="sheet-next">
              {next.slice(0, NEXT_SHOWN).map((id) => (
                <li key={id}>
                  <span className="sv-check" aria-hidden="true">☐</span> {iCan(fw.competencies[id]!)} <span className="sv-code">({codeOf(fw, id)})</span>
                </li>
              ))}
              {next.length > NEXT_SHOWN && <li className="sv-more">… and {next.length - NEXT_SHOWN} more ready for me</li>}
            </ol>
          )}
          {status.blocked.length > 0 && (
            <p className="sv-later-count">
              {status.blocked.length === 1 ? '1 more target comes' : `${status.blocked.length} more targets come`} later, once what comes first is mastered.
            </p>
          )}
          <footer className="sv-sheet-foot">Phases of mastery: {fw.phases.map((p) => `${p.label}${p.threshold ? ' (mastery)' : ''}`).join(' → ')}</footer>
        </section>
      ))}
    </div>
  );
}
