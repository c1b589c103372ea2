import { useDiagnostics } from '../diagnostics/useDiagnostics';
import { useStore } from '../store/useEditor';
import { Icon } from '../ui/Icon';
import { problemsOf } from './problemsByCompetency';

/** The validation problems of one competency, with a way to the Problems panel. */
export function CompetencyProblems({ id }: { id: string }) {
  const store = useStore();
  const all = useDiagnostics();
  const mine = problemsOf(all, id);
  if (!mine.length) return null;
  return (
    <section className="section" aria-label="Problems">
      <h3 className="section-title">Problems ({mine.length})</h3>
      <ul className="diag-list">
        {mine.map((d, i) => (
          <li key={`${d.code}-${i}`} className={`diag diag-${d.severity}`}>
            <Icon name="warning" size={14} />
            <span>{d.message}</span>
          </li>
        ))}
      </ul>
      <button className="btn" onClick={() => store.setSession({ panel: 'problems' })}>
        All problems of the framework
      </button>
    </section>
  );
}
