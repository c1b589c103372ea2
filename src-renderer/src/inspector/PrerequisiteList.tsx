import { useMemo, useState } from 'react';
import { unlinkPrerequisites } from '../../../src-core/commands';
import type { CompetencyId, LinkId } from '../../../src-core/model/ids';
import type { Competency } from '../../../src-core/model/types';
import { linkCompetencies, revealCompetency } from '../canvas/actions';
import { useEditor, useStore } from '../store/useEditor';
import { Icon } from '../ui/Icon';

/** Incoming (requires) and outgoing (unlocks) prerequisite links, with jump-to, unlink and add. */
export function PrerequisiteList({ competency }: { competency: Competency }) {
  const store = useStore();
  const fw = useEditor((s) => s.doc.framework);
  const { incoming, outgoing, others } = useMemo(() => {
    const links = Object.values(fw.prerequisites);
    const others = Object.values(fw.competencies)
      .filter((c) => c.id !== competency.id)
      .sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }));
    return { incoming: links.filter((l) => l.to === competency.id), outgoing: links.filter((l) => l.from === competency.id), others };
  }, [fw.prerequisites, fw.competencies, competency.id]);
  const [pick, setPick] = useState<{ dir: 'in' | 'out'; id: string } | null>(null);

  const row = (linkId: LinkId, otherId: CompetencyId) => {
    const o = fw.competencies[otherId];
    return (
      <li key={linkId} className="link-row">
        <button className="link-jump" onClick={() => revealCompetency(store, otherId)} title="Show on the canvas">
          <span className="code">{o?.code || '—'}</span>
          <span className="text">{o?.statement}</span>
        </button>
        <button className="icon-btn danger" onClick={() => store.run(unlinkPrerequisites([linkId]))} aria-label={`Remove link with ${o?.code}`} title="Remove link">
          <Icon name="close" size={14} />
        </button>
      </li>
    );
  };
  const adder = (dir: 'in' | 'out') => (
    <div className="add-row">
      <select
        className="input"
        aria-label={dir === 'in' ? 'Add a prerequisite' : 'Add a dependent'}
        value={pick?.dir === dir ? pick.id : ''}
        onChange={(e) => setPick({ dir, id: e.target.value })}
      >
        <option value="">{dir === 'in' ? 'Add a prerequisite…' : 'Add a competency it unlocks…'}</option>
        {others.map((o) => (
          <option key={o.id} value={o.id}>
            {o.code || '—'} {o.statement.slice(0, 50)}
          </option>
        ))}
      </select>
      <button
        className="btn"
        disabled={pick?.dir !== dir || !pick.id}
        onClick={() => {
          if (!pick?.id) return;
          const other = pick.id as CompetencyId;
          if (dir === 'in' ? linkCompetencies(store, other, competency.id) : linkCompetencies(store, competency.id, other)) setPick(null);
        }}
      >
        Link
      </button>
    </div>
  );
  return (
    <section className="section" aria-label="Prerequisites">
      <h3 className="section-title">Requires ({incoming.length})</h3>
      <ul className="link-list">{incoming.map((l) => row(l.id, l.from))}</ul>
      {adder('in')}
      <h3 className="section-title">Unlocks ({outgoing.length})</h3>
      <ul className="link-list">{outgoing.map((l) => row(l.id, l.to))}</ul>
      {adder('out')}
    </section>
  );
}
