import { useState } from 'react';
import { addIndicator, moveIndicator, removeIndicator, setPhaseDescriptor, updateIndicator } from '../../../src-core/commands';
import { newId, type IndicatorId } from '../../../src-core/model/ids';
import type { Competency, MasteryPhase } from '../../../src-core/model/types';
import type { Command } from '../../../src-core/commands';
import { useEditor, useStore } from '../store/useEditor';
import { CommitText } from '../ui/fields';
import { Icon } from '../ui/Icon';
import { keepFocusOnMove } from '../ui/moveButtons';

/** Per mastery phase: what it looks like (descriptor) and its performance indicators. */
export function PhaseEditor({ competency }: { competency: Competency }) {
  const phases = useEditor((s) => s.doc.framework.phases);
  return (
    <section className="section" aria-label="Mastery phases">
      <h3 className="section-title">Mastery phases</h3>
      {phases.map((p, i) => (
        <PhaseBlock key={p.id} phase={p} index={i} competency={competency} />
      ))}
    </section>
  );
}

function PhaseBlock({ phase, index, competency }: { phase: MasteryPhase; index: number; competency: Competency }) {
  const store = useStore();
  const pd = competency.phases[phase.id];
  const indicators = pd?.indicators ?? [];
  const [open, setOpen] = useState(phase.threshold);
  const [adding, setAdding] = useState('');
  /** Runs an edit; a refusal is shown, and returned for a field that asked (it keeps the draft). */
  const run = (cmd: Command): string | undefined => {
    const r = store.run(cmd);
    if (r.ok) return undefined;
    store.notify('error', r.error.message);
    return r.error.message;
  };
  const described = !!(pd && (pd.descriptor.trim() || pd.indicators.length));
  /** Moves an indicator; when the button pressed can act no more (the indicator reached an end), the
   *  keyboard goes to its other move button instead of staying on a disabled one. */
  const move = (button: HTMLButtonElement, indicator: IndicatorId, to: number) => {
    if (run(moveIndicator(competency.id, phase.id, indicator, to)) !== undefined || (to !== 0 && to !== indicators.length - 1)) return;
    keepFocusOnMove(button, to === 0);
  };
  const add = () => {
    const text = adding.trim();
    if (!text) return;
    // a refused indicator (a locked framework) stays typed in the field, not thrown away
    if (run(addIndicator(competency.id, phase.id, { id: newId<IndicatorId>(), text })) === undefined) setAdding('');
  };
  return (
    <details className={`phase${phase.threshold ? ' is-threshold' : ''}`} open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid={`phase-${phase.label}`}>
      <summary>
        <span className="phase-rank">{index + 1}</span>
        <span className="phase-label">{phase.label}</span>
        {phase.threshold && <span className="pill">mastery</span>}
        <span className="phase-summary muted small">
          {described ? `${indicators.length} indicator${indicators.length === 1 ? '' : 's'}` : 'not described'}
        </span>
      </summary>
      <div className="phase-body">
        <CommitText
          multiline
          rows={2}
          ariaLabel={`${phase.label} descriptor`}
          value={pd?.descriptor ?? ''}
          placeholder={`What ${phase.label.toLowerCase()} looks like for this competency`}
          onCommit={(v) => run(setPhaseDescriptor(competency.id, phase.id, v))}
        />
        <ol className="indicators" aria-label={`${phase.label} performance indicators`}>
          {indicators.map((ind, i) => (
            <li key={ind.id} className="indicator">
              <CommitText
                value={ind.text}
                wrap
                ariaLabel={`${phase.label} indicator ${i + 1}`}
                onCommit={(v) => (v.trim() ? run(updateIndicator(competency.id, phase.id, ind.id, v)) : run(removeIndicator(competency.id, phase.id, ind.id)))}
              />
              <div className="indicator-actions">
                <button className="icon-btn" disabled={i === 0} onClick={(e) => move(e.currentTarget, ind.id, i - 1)} aria-label={`Move indicator ${i + 1} up`} title="Move up">
                  <Icon name="arrowUp" size={14} />
                </button>
                <button className="icon-btn" disabled={i === indicators.length - 1} onClick={(e) => move(e.currentTarget, ind.id, i + 1)} aria-label={`Move indicator ${i + 1} down`} title="Move down">
                  <Icon name="arrowDown" size={14} />
                </button>
                <button className="icon-btn danger" onClick={() => run(removeIndicator(competency.id, phase.id, ind.id))} aria-label={`Delete indicator ${i + 1}`} title="Delete">
                  <Icon name="trash" size={14} />
                </button>
              </div>
            </li>
          ))}
        </ol>
        <div className="add-row">
          <input
            className="input"
            value={adding}
            placeholder="Add a performance indicator…"
            aria-label={`New ${phase.label} indicator`}
            onChange={(e) => setAdding(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button className="btn" onClick={add} disabled={!adding.trim()} aria-label={`Add ${phase.label} indicator`}>
            <Icon name="plus" size={14} /> Add
          </button>
        </div>
      </div>
    </details>
  );
}
