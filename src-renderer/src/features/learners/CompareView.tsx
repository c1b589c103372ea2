import { useMemo } from 'react';
import type { CompetencyId } from '../../../../src-core/model/ids';
import type { Framework } from '../../../../src-core/model/types';
import { fieldsText, type DiffSection } from '../../../../src-core/progress/diff';
import { exportChangeLog, pickComparison } from './actions';
import { useFolded } from '../../ui/useFolded';
import { comparisonDiff, learnersStore, useLearners } from './learnersStore';
import { codeOf, useFocusCompetency } from './shared';

/** Compare the open framework with another version: lists, canvas colours, change log export. */
export function CompareView({ fw }: { fw: Framework }) {
  const { compare, showDiff } = useLearners();
  const focus = useFocusCompetency();
  // taken against the framework as it is now: an edit made with the comparison open shows in its lists
  const diff = useMemo(() => (compare ? comparisonDiff(compare, fw) : null), [compare, fw]);
  if (!compare || !diff) {
    return (
      <div className="lrn-compare">
        <p className="lrn-hint">Compare this framework with another version of it (an older file): added, removed and changed domains, competencies, links, phases, standards sets and alignments.</p>
        <button type="button" onClick={() => void pickComparison(fw)}>
          Choose the other version…
        </button>
      </div>
    );
  }
  const { framework: old, name } = compare;
  const compName = (f: Framework, id: string) => `${codeOf(f, id)} ${f.competencies[id]?.statement ?? ''}`.trim();
  const linkName = (f: Framework, id: string) => {
    const l = f.prerequisites.get(id);
    return l ? `${codeOf(f, l.from)} → ${codeOf(f, l.to)}` : id;
  };
  const phaseName = (f: Framework, id: string) => f.phases.find((p) => p.id === id)?.label ?? id;
  const domainName = (f: Framework, id: string) => {
    const d = f.domains.find((x) => x.id === id);
    return d ? `${d.code.trim()} ${d.title}`.trim() || id : id;
  };
  const setName = (f: Framework, id: string) => f.standardsSets[id]?.title || id;
  const alignName = (f: Framework, id: string) => {
    const a = f.alignments.get(id);
    if (!a) return id;
    const st = f.standardsSets[a.setId]?.items[a.standardId];
    return `${codeOf(f, a.competencyId)} ↔ ${st?.code || st?.statement || a.standardId} (${a.kind})`;
  };
  const section = (title: string, s: DiffSection<string>, label: (f: Framework, id: string) => string, clickable = false) => (
    <DiffList key={title} title={title} section={s} label={label} fw={fw} old={old} onFocus={clickable ? focus : undefined} />
  );
  return (
    <div className="lrn-compare" data-testid="compare-versions">
      <p className="lrn-hint">
        Comparing <strong>{name}</strong>{old.version ? ` (version ${old.version})` : ''} → this framework{fw.version ? ` (version ${fw.version})` : ''}.
      </p>
      <div className="lrn-form-row">
        <label className="lrn-toggle">
          <input type="checkbox" checked={showDiff} onChange={(e) => learnersStore.set({ showDiff: e.target.checked })} /> Colour the canvas (green added, orange changed)
        </label>
        <button type="button" onClick={() => void exportChangeLog(fw)}>
          Export change log…
        </button>
        <button type="button" onClick={() => learnersStore.set({ compare: null })}>
          Close comparison
        </button>
      </div>
      {diff.identical && <p>No differences.</p>}
      {diff.framework.length > 0 && <p>Framework details changed: {fieldsText(diff.framework)}.</p>}
      {section('Domains', diff.domains, domainName)}
      {section('Competencies', diff.competencies, compName, true)}
      {section('Prerequisite links', diff.links, linkName)}
      {section('Mastery phases', diff.phases, phaseName)}
      {section('Standards sets', diff.standardsSets, setName)}
      {section('Alignments', diff.alignments, alignName)}
    </div>
  );
}

/** Rows of one kind of change listed until its "Show all" (a renumbered map of 2,500 made 13,000 elements). */
const DIFF_ROWS = 150;

/** One kind of change: its counts, then what was added, removed and changed (the first rows until Show all). */
function DiffList({ title, section: s, label, fw, old, onFocus }: { title: string; section: DiffSection<string>; label: (f: Framework, id: string) => string; fw: Framework; old: Framework; onFocus?: (id: CompetencyId) => void }) {
  const rows = useMemo(
    () => [
      ...s.added.map((id) => ({ kind: 'added' as const, id, fields: null })),
      ...s.removed.map((id) => ({ kind: 'removed' as const, id, fields: null })),
      ...s.changed.map((c) => ({ kind: 'changed' as const, id: c.id, fields: c.fields })),
    ],
    [s],
  );
  const { shown, more } = useFolded(rows, DIFF_ROWS, ' changes', old, `show-all-${title.toLowerCase().replace(/\W+/g, '-')}`);
  const name = (id: string) => (onFocus ? <button type="button" className="lrn-link" onClick={() => onFocus(id as CompetencyId)}>{label(fw, id)}</button> : label(fw, id));
  return (
    <section>
      <h2 className="lrn-diff-h">
        {title}: {s.added.length} added, {s.removed.length} removed, {s.changed.length} changed
      </h2>
      <ul className="lrn-diff">
        {shown.map((r) =>
          r.kind === 'added' ? (
            <li key={`a${r.id}`} className="is-added">
              + {name(r.id)}
            </li>
          ) : r.kind === 'removed' ? (
            <li key={`r${r.id}`} className="is-removed">
              − {label(old, r.id)}
            </li>
          ) : (
            <li key={`c${r.id}`} className="is-changed">
              ~ {name(r.id)} <span className="lrn-reason">({fieldsText(r.fields)})</span>
            </li>
          ),
        )}
      </ul>
      {more}
    </section>
  );
}
