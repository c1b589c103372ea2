import { useMemo } from 'react';
import { listNames } from '../../../../src-core/checks/text';
import type { Framework } from '../../../../src-core/model/types';
import { bottlenecks, loadByGradeBand, longestChain } from '../../../../src-core/progress/analytics';
import type { LearnerStatus } from '../../../../src-core/progress/mastery';
import { suggestedSequence } from '../../../../src-core/progress/sequence';
import { useFolded } from '../../ui/useFolded';
import { learnersStore, useLearners } from './learnersStore';
import { codeOf, CompetencyButton, useFocusCompetency } from './shared';
import { learnerStructure, loadStructure } from '../../../../src-core/progress/structure';
import { useSameStanding } from './useSameStanding';

/** Steps of the suggested sequence listed until its "Show all". */
const SEQUENCE_ROWS = 150;

/** The suggested sequence as a numbered list (and on the canvas), plus progression analytics. */
export function PathView({ fw, status, learnerName }: { fw: Framework; status: LearnerStatus | null; learnerName?: string | null }) {
  const { showPath } = useLearners();
  const focus = useFocusCompetency();
  // taken again when the links, the order, the domains or the grade levels and hours change, not the words
  const structure = learnerStructure(fw);
  const standing = useSameStanding(status);
  const seq = useMemo(() => suggestedSequence(fw, new Set(standing?.mastered ?? [])), [structure, standing]); // eslint-disable-line react-hooks/exhaustive-deps
  const chain = useMemo(() => longestChain(fw), [structure.graph]); // eslint-disable-line react-hooks/exhaustive-deps
  const top = useMemo(() => bottlenecks(fw, 5), [structure]); // eslint-disable-line react-hooks/exhaustive-deps
  const load = loadStructure(fw);
  const bands = useMemo(() => loadByGradeBand(fw), [load]); // eslint-disable-line react-hooks/exhaustive-deps
  const ready = new Set(status?.ready ?? []);
  // the whole sequence is numbered on the canvas; the list shows its start until Show all (1,800 steps on a big map)
  const steps = useFolded(seq.order, SEQUENCE_ROWS, ' steps', status?.learnerId, 'show-all-steps');
  return (
    <div className="lrn-path">
      <section aria-labelledby="lrn-seq-h" data-testid="suggested-sequence">
        <h2 id="lrn-seq-h">Suggested sequence{status ? ` for ${learnerName ?? status.learnerId}` : ''}</h2>
        <label className="lrn-toggle">
          <input type="checkbox" checked={showPath} onChange={(e) => learnersStore.set({ showPath: e.target.checked })} /> Number the path on the canvas
        </label>
        {seq.order.length === 0 && (
          <p className="lrn-empty">
            {Object.keys(fw.competencies).length === 0
              ? 'This framework has no competencies yet: add some on the canvas (N) and link their prerequisites to get a suggested sequence.'
              : seq.unreachable.length > 0
                ? 'No competency can start: a prerequisite cycle holds them all (below).'
                : `Nothing left to learn: ${learnerName ?? status?.learnerId ?? 'the learner'} has mastered every competency.`}
          </p>
        )}
        <ol className="lrn-seq">
          {steps.shown.map((id) => (
            <li key={id} className={ready.has(id) ? 'is-ready' : undefined}>
              <CompetencyButton fw={fw} id={id} onFocus={focus}>
                {ready.has(id) && <span className="lrn-chip lrn-chip-ready">ready</span>}
              </CompetencyButton>
            </li>
          ))}
        </ol>
        {steps.more}
        {seq.unreachable.length > 0 && (
          <p className="lrn-warning" role="note">
            {/* one sentence however many the cycle holds back (on a big map, 1,400 codes made a wall of text) */}
            {seq.unreachable.length === 1
              ? `A prerequisite cycle keeps ${codeOf(fw, seq.unreachable[0]!)} out of any sequence.`
              : `A prerequisite cycle keeps ${seq.unreachable.length.toLocaleString('en-US')} competencies out of any sequence: ${listNames(seq.unreachable, (id) => codeOf(fw, id))}.`}{' '}
            Fix the cycle (see the problems list).
          </p>
        )}
      </section>
      <section aria-labelledby="lrn-analytics-h">
        <h2 id="lrn-analytics-h">Progression analytics</h2>
        <p>
          <strong>Longest prerequisite chain:</strong> {chain.length} competenc{chain.length === 1 ? 'y' : 'ies'} — the fewest steps from the start to the end.
        </p>
        <p className="lrn-chain">{chain.map((id) => codeOf(fw, id)).join(' → ')}</p>
        <h3>Bottlenecks (block the most others)</h3>
        {top.length === 0 ? (
          <p className="lrn-empty">No competency blocks another.</p>
        ) : (
          <ul className="lrn-list">
            {top.map((b) => (
              <li key={b.id}>
                <CompetencyButton fw={fw} id={b.id} onFocus={focus} />
                <span className="lrn-reason">
                  blocks {b.blocks} ({b.direct} directly)
                </span>
              </li>
            ))}
          </ul>
        )}
        <h3>Load per grade band</h3>
        <table className="lrn-table">
          <thead>
            <tr>
              <th scope="col">Grade band</th>
              <th scope="col">Competencies</th>
              <th scope="col">Estimated hours</th>
            </tr>
          </thead>
          <tbody>
            {bands.map((b) => (
              <tr key={b.band}>
                <th scope="row">{b.band}</th>
                <td>{b.competencies}</td>
                <td>
                  {b.hours}
                  {b.unestimated > 0 && <span className="lrn-reason"> (+{b.unestimated} without estimate)</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
