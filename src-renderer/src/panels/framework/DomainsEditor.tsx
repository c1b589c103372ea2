import { useMemo, useState } from 'react';
import { addDomain, moveDomain, removeDomain, updateDomain, type Command } from '../../../../src-core/commands';
import { createDomain, DOMAIN_PALETTE } from '../../../../src-core/model/defaults';
import { CollapseAllButtons, CollapseToggle } from '../../canvas/collapse/CollapseControls';
import { confirmAction } from '../../dialogs/confirm';
import { useEditor, useStore } from '../../store/useEditor';
import { CommitText } from '../../ui/fields';
import { Icon } from '../../ui/Icon';

/** Add, rename, recolour, reorder and remove domains (strands). */
export function DomainsEditor() {
  const store = useStore();
  const domains = useEditor((s) => s.doc.framework.domains);
  const counts = useEditor((s) => s.doc.framework.competencies);
  const [title, setTitle] = useState('');
  /** Runs an edit; a refusal is shown, and returned for a field that asked (it keeps the draft). */
  const run = (cmd: Command): string | undefined => {
    const r = store.run(cmd);
    if (r.ok) return undefined;
    store.notify('error', r.error.message);
    return r.error.message;
  };
  // One pass per version of the competencies (not one per domain: 25 domains × 10,000 competencies on every edit).
  const perDomain = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of Object.values(counts)) if (c.domainId) m.set(c.domainId, (m.get(c.domainId) ?? 0) + 1);
    return m;
  }, [counts]);
  const used = (id: string) => perDomain.get(id) ?? 0;
  const add = () => {
    if (!title.trim()) return;
    // a refused domain (a locked framework) stays typed in the field, not thrown away
    if (run(addDomain(createDomain({ title: title.trim() }, domains.length))) === undefined) setTitle('');
  };
  return (
    <section className="section" aria-label="Domains">
      <h2 className="section-title">Domains</h2>
      <p className="muted small">Strands that group competencies; each is a lane on the canvas.</p>
      <CollapseAllButtons />
      <ul className="domain-list">
        {domains.map((d, i) => (
          <li key={d.id} className="domain-item">
            <label className="color-swatch" style={{ background: d.color }} title="Colour">
              <input type="color" value={d.color} aria-label={`${d.title} colour`} onChange={(e) => run(updateDomain(d.id, { color: e.target.value }))} list="domain-palette" />
            </label>
            <CommitText className="input-code" ariaLabel={`${d.title} code`} value={d.code} placeholder="Code" onCommit={(v) => run(updateDomain(d.id, { code: v.trim() }))} />
            <CommitText wrap ariaLabel={`Domain ${i + 1} title`} value={d.title} validate={(v) => (v.trim() ? null : 'A domain needs a title.')} onCommit={(v) => run(updateDomain(d.id, { title: v.trim() }))} />
            <span className="domain-actions">
              <span className="muted small count" title="Competencies in this domain">
                {used(d.id)}
              </span>
              <CollapseToggle domainId={d.id} title={d.title} disabled={used(d.id) === 0 && !domains.some((x) => x.parentId === d.id)} />
              <button className="icon-btn" disabled={i === 0} onClick={() => run(moveDomain(d.id, i - 1))} aria-label={`Move ${d.title} up`}>
                <Icon name="arrowUp" size={14} />
              </button>
              <button className="icon-btn" disabled={i === domains.length - 1} onClick={() => run(moveDomain(d.id, i + 1))} aria-label={`Move ${d.title} down`}>
                <Icon name="arrowDown" size={14} />
              </button>
              <button
                className="icon-btn danger"
                onClick={() => {
                  // An empty domain goes at once; one with competencies asks first, as removing a phase does.
                  const n = used(d.id);
                  if (n === 0) return run(removeDomain(d.id));
                  const what = n === 1 ? 'Its competency stays, without a domain' : `Its ${n.toLocaleString()} competencies stay, without a domain`;
                  void confirmAction({ title: 'Remove domain', message: `Remove the domain “${d.title}”? ${what} (Undo brings it back).`, confirmLabel: 'Remove domain' }).then(
                    (ok) => ok && run(removeDomain(d.id)),
                  );
                }}
                aria-label={`Remove ${d.title}`}
                title="Remove (its competencies keep existing, without a domain)"
              >
                <Icon name="trash" size={14} />
              </button>
            </span>
          </li>
        ))}
      </ul>
      <datalist id="domain-palette">
        {DOMAIN_PALETTE.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <div className="add-row">
        <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add()} placeholder="New domain title…" aria-label="New domain title" />
        <button className="btn" onClick={add} disabled={!title.trim()}>
          <Icon name="plus" size={14} /> Add domain
        </button>
      </div>
    </section>
  );
}
