import { unlinkPrerequisites, updatePrerequisiteNote } from '../../../src-core/commands';
import type { LinkId } from '../../../src-core/model/ids';
import { revealCompetency } from '../canvas/actions';
import { useEditor, useStore } from '../store/useEditor';
import { CommitText, Field } from '../ui/fields';
import { Icon } from '../ui/Icon';

/** A selected prerequisite link: its ends (jump-to), a note, delete. */
export function LinkInspector({ id }: { id: LinkId }) {
  const store = useStore();
  const link = useEditor((s) => s.doc.framework.prerequisites.get(id));
  const from = useEditor((s) => (link ? s.doc.framework.competencies[link.from] : undefined));
  const to = useEditor((s) => (link ? s.doc.framework.competencies[link.to] : undefined));
  if (!link || !from || !to) return null;
  return (
    <div className="panel">
      <div className="panel-head">
        <h2 className="panel-title">Prerequisite link</h2>
        <button className="icon-btn danger" onClick={() => store.run(unlinkPrerequisites([id]))} aria-label="Delete link" title="Delete link">
          <Icon name="trash" />
        </button>
      </div>
      <div className="link-pair">
        <button className="link-jump" onClick={() => revealCompetency(store, from.id)}>
          <span className="code">{from.code}</span>
          <span className="text">{from.statement}</span>
        </button>
        <div className="muted small link-arrow">
          <Icon name="arrowDown" size={14} /> must be mastered before
        </div>
        <button className="link-jump" onClick={() => revealCompetency(store, to.id)}>
          <span className="code">{to.code}</span>
          <span className="text">{to.statement}</span>
        </button>
      </div>
      <Field label="Note" htmlFor="field-link-note" hint="Why this order matters (optional).">
        <CommitText
          id="field-link-note"
          multiline
          rows={3}
          value={link.note}
          onCommit={(v) => {
            const r = store.run(updatePrerequisiteNote(id, v));
            if (r.ok) return undefined;
            store.notify('error', r.error.message);
            return r.error.message;
          }}
        />
      </Field>
    </div>
  );
}
