import type { CompetencyId } from '../../../../src-core/model/ids';
import type { Competency, Framework } from '../../../../src-core/model/types';
import type { LearnerStatus } from '../../../../src-core/progress/mastery';
import { useEditor, useStore } from '../../store/useEditor';

/** The open framework. */
export function useFramework(): Framework {
  return useEditor((s) => s.doc.framework);
}

/** Selects a competency and centres the canvas on it. */
export function useFocusCompetency(): (id: CompetencyId) => void {
  const store = useStore();
  return (id) => store.setSession({ selection: { competencies: [id], links: [] }, centerOn: { id, seq: Date.now() } });
}

/** The student-language statement of a competency: its "I can", else its statement turned into one. */
export function iCan(c: Competency): string {
  const s = c.iCan.trim();
  if (s) return s;
  const st = c.statement.trim();
  return st ? `I can ${st.charAt(0).toLowerCase()}${st.slice(1)}` : 'I can … (not written yet)';
}

/** A competency's code, else a short id. */
export function codeOf(fw: Framework, id: string): string {
  return fw.competencies[id]?.code.trim() || `#${id.slice(0, 8)}`;
}

/** A competency as a clickable line: code in bold, statement after it. */
export function CompetencyButton({ fw, id, onFocus, children }: { fw: Framework; id: CompetencyId; onFocus: (id: CompetencyId) => void; children?: React.ReactNode }) {
  const c = fw.competencies[id];
  return (
    <button type="button" className="lrn-comp" onClick={() => onFocus(id)} title={`${c?.statement || c?.iCan || codeOf(fw, id)} — show on the canvas`} data-code={c?.code}>
      <span className="lrn-code">{codeOf(fw, id)}</span>
      <span className="lrn-statement">{c?.statement || c?.iCan || 'No statement yet'}</span>
      {children}
    </button>
  );
}

/**
 * What a learner is working on, in "I can" words, each with its code and the phase reached: the list of
 * the student view and of each printed class sheet.
 */
export function WorkingOnList({ fw, status, className, testId }: { fw: Framework; status: Pick<LearnerStatus, 'inProgress' | 'current'>; className?: string; testId: string }) {
  return (
    <ul className={className} data-testid={testId}>
      {status.inProgress.map((id) => {
        const rec = status.current[id];
        const phase = rec ? fw.phases.find((p) => p.id === rec.phaseId) : undefined;
        return (
          <li key={id}>
            {iCan(fw.competencies[id]!)} <span className="sv-code">({codeOf(fw, id)})</span>
            {phase && (
              <>
                {' '}
                — I am at <strong>{phase.label}</strong>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
