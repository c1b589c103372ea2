import { useState } from 'react';
import { addDomain, updateCompetency, type CompetencyPatch } from '../../../src-core/commands';
import { createDomain } from '../../../src-core/model/defaults';
import { batch } from '../store/batch';
import type { CompetencyId, DomainId } from '../../../src-core/model/ids';
import { EDUCATION_LEVELS } from '../../../src-core/model/levels';
import { EVIDENCE_LABELS, EVIDENCE_TYPES, type EvidenceType } from '../../../src-core/model/types';
import { deleteSelection, pinSelection } from '../canvas/actions';
import { moveToDomainCommand, runDomainChange } from '../canvas/lanes/moveToDomain';
import { useEditor, useStore } from '../store/useEditor';
import { ChipSelect, CommitText, Field } from '../ui/fields';
import { Icon } from '../ui/Icon';
import { CompetencyProblems } from './CompetencyProblems';
import { PhaseEditor } from './PhaseEditor';
import { PrerequisiteList } from './PrerequisiteList';
import { AlignmentPicker } from '../panels/standards/AlignmentPicker';

const GRADE_OPTIONS = EDUCATION_LEVELS.filter((l) => /^(PK|KG|0\d|1[0-2])$/.test(l.code)).map((l) => ({
  value: l.code as string,
  label: l.code === 'KG' ? 'K' : l.code === 'PK' ? 'PK' : String(Number(l.code)),
  title: l.title,
}));
const NEW_DOMAIN = '__new-domain';
const EVIDENCE_OPTIONS = EVIDENCE_TYPES.map((t) => ({ value: t, label: EVIDENCE_LABELS[t] }));

/** Edits one competency: its fields, mastery phases and prerequisites. */
export function CompetencyInspector({ id }: { id: CompetencyId }) {
  const store = useStore();
  const c = useEditor((s) => s.doc.framework.competencies[id]);
  const domains = useEditor((s) => s.doc.framework.domains);
  const [newDomain, setNewDomain] = useState<string | null>(null);
  const codeTaken = (code: string) =>
    code.trim() !== '' && Object.values(store.getSnapshot().doc.framework.competencies).some((o) => o.id !== id && o.code.trim() === code.trim());
  if (!c) return null;
  const addNewDomain = () => {
    const title = newDomain?.trim();
    if (!title) return;
    const d = createDomain({ title }, domains.length);
    // a refused domain (a locked framework) stays typed in its row
    if (runDomainChange(store, batch(`add domain ${title}`, [addDomain(d), moveToDomainCommand(store, [id], d.id)]), id).ok) closeNewDomain();
  };
  /** Closes the new-domain row and gives the keyboard back to the Domain field (not lost to the page). */
  const closeNewDomain = () => {
    setNewDomain(null);
    document.getElementById('field-domain')?.focus();
  };
  /** Runs an edit; a refusal is shown, and returned for the field that asked (it keeps the draft). */
  const update = (patch: CompetencyPatch): string | undefined => {
    const r = store.run(updateCompetency(id, patch));
    if (r.ok) return undefined;
    store.notify('error', r.error.message);
    return r.error.message;
  };
  const domain = domains.find((d) => d.id === c.domainId);
  const extraLevels = c.educationLevels.filter((l) => !GRADE_OPTIONS.some((o) => o.value === l));
  return (
    <div className="panel inspector" data-testid="inspector">
      <div className="panel-head">
        <span className="domain-swatch" style={{ background: domain?.color ?? 'var(--border-strong)' }} />
        <h2 className="panel-title">{c.code || 'Untitled competency'}</h2>
        <button className={`icon-btn${c.pinned ? ' is-on' : ''}`} onClick={() => pinSelection(store, !c.pinned)} title={c.pinned ? 'Unpin' : 'Pin: keep its place when tidying'} aria-pressed={c.pinned} aria-label="Pin">
          <Icon name="pin" />
        </button>
        <button className="icon-btn danger" onClick={() => deleteSelection(store)} title="Delete competency and its links" aria-label="Delete competency">
          <Icon name="trash" />
        </button>
      </div>

      <div className="field-row">
        <Field label="Code" htmlFor="field-code">
          <CommitText
            id="field-code"
            value={c.code}
            placeholder="e.g. 3.NF.A.1"
            onCommit={(v) => update({ code: v.trim() })}
            validate={(v) => (codeTaken(v) ? `Another competency already uses the code ${v.trim()}.` : null)}
            // Enter in the code goes on to the statement: N, type the code, Enter, type the statement.
            onEnter={() => document.getElementById('field-statement')?.focus()}
          />
        </Field>
        <Field label="Hours" htmlFor="field-hours">
          <CommitText
            id="field-hours"
            value={c.estimatedHours === null ? '' : String(c.estimatedHours)}
            placeholder="—"
            validate={(v) => (v.trim() === '' || (Number.isFinite(Number(v)) && Number(v) >= 0) ? null : 'Hours must be a number of 0 or more.')}
            onCommit={(v) => update({ estimatedHours: v.trim() === '' ? null : Number(v) })}
          />
        </Field>
      </div>
      <Field label="Statement" htmlFor="field-statement">
        <CommitText
          id="field-statement"
          multiline
          rows={3}
          value={c.statement}
          placeholder="What the student must master"
          onCommit={(v) => update({ statement: v })}
          // Ctrl+Enter keeps the statement and goes back to the card on the map: N then adds the next one beside it.
          onEnter={() => focusCard(id)}
        />
      </Field>
      <Field label="“I can” statement" htmlFor="field-ican" hint="Student-facing language.">
        <CommitText id="field-ican" multiline rows={2} value={c.iCan} placeholder="I can…" onCommit={(v) => update({ iCan: v })} onEnter={() => focusCard(id)} />
      </Field>
      <Field label="Domain" htmlFor="field-domain">
        <select
          id="field-domain"
          className="input"
          value={c.domainId ?? ''}
          onChange={(e) => {
            if (e.target.value === NEW_DOMAIN) return setNewDomain('');
            // the card goes into the new domain's lane, in the same undo step
            runDomainChange(store, moveToDomainCommand(store, [id], (e.target.value || null) as DomainId | null), id);
          }}
        >
          <option value="">No domain</option>
          {domains.map((d) => (
            <option key={d.id} value={d.id}>
              {d.code ? `${d.code} — ` : ''}
              {d.title}
            </option>
          ))}
          <option value={NEW_DOMAIN}>New domain…</option>
        </select>
        {newDomain !== null && (
          <div className="add-row">
            <input
              className="input"
              autoFocus
              value={newDomain}
              placeholder="Name of the new domain (strand)"
              aria-label="New domain name"
              onChange={(e) => setNewDomain(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') addNewDomain();
                if (e.key === 'Escape') closeNewDomain();
              }}
            />
            <button className="btn" onClick={addNewDomain} disabled={!newDomain.trim()}>
              Add
            </button>
          </div>
        )}
      </Field>
      <Field label="Education levels">
        <ChipSelect label="Education levels" options={GRADE_OPTIONS} value={c.educationLevels.filter((l) => !extraLevels.includes(l))} onChange={(next) => update({ educationLevels: [...next, ...extraLevels] })} />
        {extraLevels.length > 0 && <div className="field-hint">Also: {extraLevels.join(', ')}</div>}
      </Field>
      <Field label="Evidence of mastery">
        <ChipSelect<EvidenceType> label="Evidence types" options={EVIDENCE_OPTIONS} value={c.evidenceTypes} onChange={(next) => update({ evidenceTypes: next })} />
      </Field>
      <Field label="Notes" htmlFor="field-notes">
        <CommitText id="field-notes" multiline rows={2} value={c.notes} placeholder="Notes for teachers and designers" onCommit={(v) => update({ notes: v })} />
      </Field>

      <CompetencyProblems id={id} />
      <PhaseEditor competency={c} />
      <PrerequisiteList competency={c} />
      <AlignmentPicker competency={c} />
    </div>
  );
}

/** Puts the keyboard on a competency's card on the map (when it is drawn), so the map's shortcuts (N, K, arrows…) apply to it. */
function focusCard(id: string): void {
  const card = document.querySelector<HTMLElement>(`.canvas .react-flow__node[data-id="${CSS.escape(id)}"]`);
  if (card) card.focus({ preventScroll: true });
  else (document.activeElement as HTMLElement | null)?.blur();
}
