import { useState } from 'react';
import { addPhase, movePhase, removePhase, setThresholdPhase, updatePhase, type Command } from '../../../../src-core/commands';
import { newId, type PhaseId } from '../../../../src-core/model/ids';
import { confirmAction } from '../../dialogs/confirm';
import { useEditor, useStore } from '../../store/useEditor';
import { CommitText } from '../../ui/fields';
import { Icon } from '../../ui/Icon';
import { keepFocusOnMove } from '../../ui/moveButtons';

/** Add, rename, describe, reorder and remove mastery phases; choose the mastery threshold. */
export function MasteryScaleEditor() {
  const store = useStore();
  const phases = useEditor((s) => s.doc.framework.phases);
  const [label, setLabel] = useState('');
  /** Runs an edit; a refusal is shown, and returned for a field that asked (it keeps the draft). */
  const run = (cmd: Command): string | undefined => {
    const r = store.run(cmd);
    if (r.ok) return undefined;
    store.notify('error', r.error.message);
    return r.error.message;
  };
  const add = () => {
    if (!label.trim()) return;
    // a refused phase (a locked framework) stays typed in the field, not thrown away
    if (run(addPhase({ id: newId<PhaseId>(), label: label.trim(), description: '' })) === undefined) setLabel('');
  };
  /** Moves a phase; when the button pressed can act no more (the phase reached an end), the keyboard
   *  goes to its other move button instead of staying on a disabled one. */
  const move = (button: HTMLButtonElement, id: PhaseId, to: number) => {
    if (run(movePhase(id, to)) !== undefined || (to !== 0 && to !== phases.length - 1)) return;
    keepFocusOnMove(button, to === 0);
  };
  return (
    <section className="section" aria-label="Mastery scale">
      <h2 className="section-title">Mastery scale</h2>
      <p className="muted small">Ordered from first steps to beyond mastery. One phase is the mastery threshold: students move on when they reach it.</p>
      <ol className="scale-list">
        {phases.map((p, i) => (
          <li key={p.id} className={`scale-item${p.threshold ? ' is-threshold' : ''}`}>
            <div className="scale-row">
              <span className="phase-rank">{i + 1}</span>
              <CommitText wrap className="input-strong" ariaLabel={`Phase ${i + 1} name`} value={p.label} validate={(v) => (v.trim() ? null : 'A phase needs a name.')} onCommit={(v) => run(updatePhase(p.id, { label: v.trim() }))} />
              <span className="scale-actions">
                <label className="threshold-radio" title="Mastery threshold">
                  <input type="radio" name="threshold" checked={p.threshold} onChange={() => run(setThresholdPhase(p.id))} aria-label={`${p.label} is the mastery threshold`} />
                  mastery
                </label>
                <button className="icon-btn" disabled={i === 0} onClick={(e) => move(e.currentTarget, p.id, i - 1)} aria-label={`Move ${p.label} up`}>
                  <Icon name="arrowUp" size={14} />
                </button>
                <button className="icon-btn" disabled={i === phases.length - 1} onClick={(e) => move(e.currentTarget, p.id, i + 1)} aria-label={`Move ${p.label} down`}>
                  <Icon name="arrowDown" size={14} />
                </button>
                <button
                  className="icon-btn danger"
                  // The threshold cannot be removed (removePhase refuses): say so before, not after a confirmation.
                  disabled={phases.length <= 1 || p.threshold}
                  aria-label={`Remove ${p.label}`}
                  title={p.threshold ? 'The mastery threshold cannot be removed: make another phase the threshold first' : phases.length <= 1 ? 'A mastery scale needs at least one phase' : `Remove ${p.label}`}
                  onClick={() => {
                    void confirmAction({
                      title: 'Remove phase',
                      message: `Remove the phase “${p.label}”? Its descriptors and indicators are removed from every competency (Undo brings them back).`,
                      confirmLabel: 'Remove phase',
                    }).then((ok) => ok && run(removePhase(p.id)));
                  }}
                >
                  <Icon name="trash" size={14} />
                </button>
              </span>
            </div>
            <CommitText multiline rows={2} ariaLabel={`${p.label} description`} value={p.description} placeholder="What this phase means across the framework" onCommit={(v) => run(updatePhase(p.id, { description: v }))} />
          </li>
        ))}
      </ol>
      <div className="add-row">
        <input className="input" value={label} onChange={(e) => setLabel(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add()} placeholder="New phase name…" aria-label="New phase name" />
        <button className="btn" onClick={add} disabled={!label.trim()}>
          <Icon name="plus" size={14} /> Add phase
        </button>
      </div>
    </section>
  );
}
