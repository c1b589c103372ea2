import type { CompetencyId, DomainId } from '../../../src-core/model/ids';
import { ALIGN_LABELS, type AlignMode } from '../canvas/align/align';
import { alignSelection, deleteSelection, duplicateSelection, pinSelection } from '../canvas/actions';
import { moveToDomainCommand } from '../canvas/lanes/moveToDomain';
import { batch } from '../store/batch';
import { useEditor, useStore } from '../store/useEditor';
import { Icon } from '../ui/Icon';

/** Several competencies selected: align, domain, pin, duplicate, delete together. */
export function MultiInspector({ ids }: { ids: CompetencyId[] }) {
  const store = useStore();
  const domains = useEditor((s) => s.doc.framework.domains);
  return (
    <div className="panel">
      <h2 className="panel-title">{ids.length} competencies selected</h2>
      <section className="section">
        <h3 className="section-title">Arrange</h3>
        <div className="button-grid">
          {(Object.keys(ALIGN_LABELS) as AlignMode[]).map((m) => (
            <button key={m} className="btn" onClick={() => alignSelection(store, m)}>
              {ALIGN_LABELS[m]}
            </button>
          ))}
        </div>
      </section>
      <section className="section">
        <h3 className="section-title">Domain</h3>
        <select
          className="input"
          aria-label="Set domain of the selection"
          value=""
          onChange={(e) => {
            if (!e.target.value) return;
            const domainId = (e.target.value === '__none' ? null : e.target.value) as DomainId | null;
            const title = domains.find((d) => d.id === domainId)?.title ?? 'no domain';
            const r = store.run(batch(`move ${ids.length} competencies to ${title}`, [moveToDomainCommand(store, ids, domainId)]));
            if (!r.ok) store.notify('error', r.error.message);
          }}
        >
          <option value="">Move to domain…</option>
          <option value="__none">No domain</option>
          {domains.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </section>
      <div className="row-actions">
        <button className="btn" onClick={() => pinSelection(store, true)}>
          <Icon name="pin" /> Pin
        </button>
        <button className="btn" onClick={() => pinSelection(store, false)}>
          Unpin
        </button>
        <button className="btn" onClick={() => duplicateSelection(store)}>
          <Icon name="duplicate" /> Duplicate
        </button>
        <button className="btn danger" onClick={() => deleteSelection(store)}>
          <Icon name="trash" /> Delete
        </button>
      </div>
    </div>
  );
}
