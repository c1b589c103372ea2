import { useMemo } from 'react';
import { useEditor, useStore } from '../store/useEditor';
import { Icon } from '../ui/Icon';
import { createCompetency } from '../canvas/actions';

/** The inspector with nothing selected: what the framework holds and how to start. */
export function NothingSelected() {
  const store = useStore();
  const fw = useEditor((s) => s.doc.framework);
  const stats = useMemo(() => {
    const comps = Object.values(fw.competencies);
    const threshold = fw.phases.find((p) => p.threshold);
    const ready = threshold ? comps.filter((c) => (c.phases[threshold.id]?.indicators.length ?? 0) > 0).length : 0;
    return { comps: comps.length, links: fw.prerequisites.size, domains: fw.domains.length, ready, threshold: threshold?.label };
  }, [fw]);
  return (
    <div className="panel">
      <h2 className="panel-title">{fw.title || 'Untitled framework'}</h2>
      <div className="stat-grid">
        <div className="stat">
          <b>{stats.comps}</b> competencies
        </div>
        <div className="stat">
          <b>{stats.links}</b> prerequisite links
        </div>
        <div className="stat">
          <b>{stats.domains}</b> domains
        </div>
        <div className="stat">
          <b>{stats.ready}</b> with {stats.threshold ?? 'threshold'} indicators
        </div>
      </div>
      <p className="muted">Select a competency on the canvas to edit it, or a link to add a note.</p>
      <button className="btn" onClick={() => createCompetency(store)}>
        <Icon name="plus" /> Add a competency
      </button>
    </div>
  );
}
