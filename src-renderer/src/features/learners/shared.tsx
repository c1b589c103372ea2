import type { CompetencyId } from '../../../../src-core/model/ids';
import type { Competency, Framework } from '../../../../src-core/model/types';
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

/** A competency's code, else a short id. */
/** The student-language statement of a competency: its "I can", else its statement turned into one. */
export function iCan(c: Competency): string {
  const s = c.iCan.trim();
  if (s) return s;
  const st = c.statement.trim();
  return st ? `I can ${st.charAt(0).toLowerCase()}${st.slice(1)}` : 'I can … (not written yet)';
}

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
