import { useMemo, useState } from 'react';
import { unlinkPrerequisites } from '../../../src-core/commands';
import type { CompetencyId, LinkId } from '../../../src-core/model/ids';
import type { Competency, Framework } from '../../../src-core/model/types';
import { linkCompetencies, revealCompetency } from '../canvas/actions';
import { useEditor, useStore } from '../store/useEditor';
import { Icon } from '../ui/Icon';
import { linkBlocks } from '../../../src-core/graph/paths';
import { competencyCount, linksOf, PICKER_LIMIT, prerequisiteCandidates } from './prerequisiteCandidates';

/** Incoming (requires) and outgoing (unlocks) prerequisite links, with jump-to, unlink and add. */
export function PrerequisiteList({ competency }: { competency: Competency }) {
  const store = useStore();
  const fw = useEditor((s) => s.doc.framework);
  const { incoming, outgoing } = linksOf(fw.prerequisites, competency.id);
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
    <Adder
      dir={dir}
      self={competency.id}
      competencies={fw.competencies}
      prerequisites={fw.prerequisites}
      picked={pick?.dir === dir ? pick.id : ''}
      onPick={(id) => setPick(id ? { dir, id } : null)}
      onLink={(id) => {
        const chosen = id ?? pick?.id;
        if (!chosen) return;
        const other = chosen as CompetencyId;
        if (dir === 'in' ? linkCompetencies(store, other, competency.id) : linkCompetencies(store, competency.id, other)) setPick(null);
      }}
    />
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

/**
 * One "add a link" picker. With more than {@link PICKER_LIMIT} other competencies it gets a search
 * field, lists at most that many matches, and builds its list only once it is used (focus, pointer
 * or typing), so selecting or editing a competency in a large framework costs no list at all.
 */
function Adder(props: {
  dir: 'in' | 'out';
  self: CompetencyId;
  competencies: Framework['competencies'];
  prerequisites: Framework['prerequisites'];
  picked: string;
  onPick: (id: string) => void;
  /** Links the one picked in the list, or `id` (Enter in the search field). */
  onLink: (id?: string) => void;
}) {
  const { dir, self, competencies, prerequisites, picked, onPick, onLink } = props;
  const large = competencyCount(competencies) - 1 > PICKER_LIMIT;
  const [used, setUsed] = useState(false);
  const [query, setQuery] = useState('');
  const { options, more } = useMemo(
    () => (large && !used ? { options: [], more: 0 } : prerequisiteCandidates(competencies, self, large ? query : '', large ? PICKER_LIMIT : Infinity)),
    [competencies, self, query, large, used],
  );
  // Offered but not linkable: already linked that way, or the link would close a cycle (the command would refuse it).
  const blocks = useMemo(
    () => (large && !used ? new Map<string, never>() : linkBlocks({ competencies, prerequisites }, self, dir)),
    [competencies, prerequisites, self, dir, large, used],
  );
  const label = dir === 'in' ? 'Add a prerequisite' : 'Add a dependent';
  const use = () => {
    if (!used) setUsed(true);
  };
  return (
    <>
      {large && (
        <input
          className="input"
          style={{ marginTop: 6 }}
          type="search"
          value={query}
          placeholder={dir === 'in' ? 'Find a prerequisite by code or statement' : 'Find a competency it unlocks'}
          aria-label={dir === 'in' ? 'Find a prerequisite' : 'Find a dependent'}
          onFocus={use}
          onChange={(e) => {
            use();
            setQuery(e.target.value);
            if (picked) onPick('');
          }}
          onKeyDown={(e) => {
            // Enter links the one picked in the list, else the first match that can be linked
            // (matches are in code order: typing a whole code puts that competency first)
            if (e.key !== 'Enter' || !query.trim()) return;
            e.preventDefault();
            const id = picked && !blocks.has(picked) && options.some((o) => o.id === picked) ? picked : options.find((o) => !blocks.has(o.id))?.id;
            if (!id) return;
            onLink(id);
            setQuery('');
          }}
          title="Enter links the first match (or the one picked below)"
        />
      )}
      <div className="add-row">
        <select className="input" aria-label={label} value={options.some((o) => o.id === picked) && !blocks.has(picked) ? picked : ''} onChange={(e) => onPick(e.target.value)} onFocus={use} onPointerDown={use}>
          <option value="">{dir === 'in' ? 'Add a prerequisite…' : 'Add a competency it unlocks…'}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id} disabled={blocks.has(o.id)}>
              {o.code || '—'} {o.statement.slice(0, 50)}
              {blocks.get(o.id) === 'linked' ? ' — linked already' : blocks.get(o.id) === 'cycle' ? ' — would make a cycle' : ''}
            </option>
          ))}
          {more > 0 && (
            <option value="" disabled>
              {more.toLocaleString()} more — type in the search field to narrow
            </option>
          )}
        </select>
        <button
          className="btn"
          disabled={!picked || blocks.has(picked)}
          onClick={(e) => {
            // the button turns disabled once linked: the keyboard goes back to the list, ready for another
            (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
            onLink();
          }}
        >
          Link
        </button>
      </div>
    </>
  );
}
