import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { CHECKS, type Diagnostic } from '../../../../src-core/checks';
import { graphEnds, layering, prerequisiteGraph } from '../../../../src-core/graph';
import type { CompetencyId, LinkId } from '../../../../src-core/model/ids';
import type { Framework } from '../../../../src-core/model/types';
import { useValidation } from '../../diagnostics/useDiagnostics';
import type { EditorStore } from '../../store/editorStore';
import { useEditor, useStore } from '../../store/useEditor';
import { Icon } from '../../ui/Icon';
import { revealStandard } from '../standards/standardsUi';
import { canvasBridge } from '../../canvas/canvasBridge';
import { highlightCss } from './highlight';
import './problems.css';

type Severity = Diagnostic['severity'];
/** Problems listed per severity before "Show more" (thousands of rows would slow every edit). */
const PAGE = 200;
const SEVERITIES: { key: Severity; title: string }[] = [
  { key: 'error', title: 'Errors' },
  { key: 'warning', title: 'Warnings' },
  { key: 'info', title: 'Info' },
];

/** Headline numbers of the progression: roots, leaves, longest chain (cheap: one graph pass). */
export function progressionSummary(fw: Framework): { roots: number; leaves: number; isolated: number; longestChain: number; longestChainIds: CompetencyId[] } {
  const g = prerequisiteGraph(fw);
  const ends = graphEnds(g);
  const lay = layering(g);
  return { roots: ends.roots, leaves: ends.leaves, isolated: ends.isolated.length, longestChain: lay.longestChain, longestChainIds: lay.longestChainIds };
}

/** Selects what a problem is about and shows it: competencies on the canvas, standards in the browser. */
export function showProblem(store: EditorStore, d: Diagnostic): void {
  const fw = store.getSnapshot().doc.framework;
  const target = d.target ?? 'competency';
  if (target === 'standard') {
    if (d.ids[0]) revealStandard(store, d.ids[0]);
    return;
  }
  if (target === 'domain' || target === 'phase' || target === 'framework') {
    store.setSession({ panel: 'framework' });
    return;
  }
  const comps = (target === 'competency' ? d.ids : (d.path ?? [])).filter((id) => fw.competencies[id]) as CompetencyId[];
  const links = (d.links ?? []).filter((id) => fw.prerequisites.has(id)) as LinkId[];
  const first = comps[0];
  // A problem about several competencies or about links (a cycle, a duplicate link) is shown whole:
  // the view fits them all, both ends of every link, instead of centring the first one.
  const shown = new Set<string>(comps);
  for (const id of links) {
    const l = fw.prerequisites.get(id)!;
    shown.add(l.from);
    shown.add(l.to);
  }
  const prev = store.getSnapshot().session.centerOn?.seq ?? 0;
  store.setSession({
    selection: { competencies: [...new Set(comps)], links },
    ...(first && shown.size <= 1 ? { centerOn: { id: first, seq: prev + 1 } } : {}),
  });
  if (shown.size > 1) setTimeout(() => canvasBridge.fitTo?.([...shown]), 30);
}

/**
 * One problem in the list. Memoised on what it shows: every edit validates again and writes the
 * messages afresh, but most rows read the same, so they are not rendered again.
 */
const ProblemRow = memo(function ProblemRow({ k, code, message, path, active, onPick }: { k: string; code: string; message: string; path: string | null; active: boolean; onPick: (k: string) => void }) {
  return (
    <li>
      <button type="button" className={`prob-item${active ? ' is-active' : ''}`} data-code={code} data-testid="problem" onClick={() => onPick(k)}>
        <span className="prob-kind">{CHECKS[code as Diagnostic['code']]?.title ?? code}</span>
        <span className="prob-msg">{message}</span>
        {path !== null && <span className="prob-path">{path}</span>}
      </button>
    </li>
  );
});

function key(d: Diagnostic, i: number): string {
  return `${d.code}:${i}:${d.ids.slice(0, 3).join(',')}`;
}

/** The problems panel: live diagnostics grouped by severity; click one to select and centre it. */
export function ProblemsPanel() {
  const store = useStore();
  const fw = useEditor((s) => s.doc.framework);
  const validation = useValidation();
  const diags = validation.diagnostics as Diagnostic[];
  // The live validation has these figures already (from the graph it keeps across edits that touch no
  // link); computing them again here rebuilt the prerequisite graph on every edit.
  const own = validation.summary;
  const summary = useMemo(() => own ?? progressionSummary(fw), [own, own ? null : fw]); // eslint-disable-line react-hooks/exhaustive-deps
  const [active, setActive] = useState<string | null>(null);
  const [open, setOpen] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: false });
  const [shown, setShown] = useState<Record<Severity, number>>({ error: PAGE, warning: PAGE, info: PAGE });

  const groups = useMemo(() => {
    const by: Record<Severity, { d: Diagnostic; k: string }[]> = { error: [], warning: [], info: [] };
    diags.forEach((d, i) => by[d.severity].push({ d, k: key(d, i) }));
    return by;
  }, [diags]);
  const activeDiag = useMemo(() => Object.values(groups).flat().find((x) => x.k === active)?.d ?? null, [groups, active]);

  // Highlight the active problem's competencies (a cycle along its path) and links on the canvas.
  const css = useMemo(() => {
    if (!activeDiag) return '';
    const t = activeDiag.target ?? 'competency';
    if (t !== 'competency' && t !== 'link') return '';
    const comps = activeDiag.path ?? (t === 'competency' ? activeDiag.ids : []);
    return highlightCss(comps, activeDiag.links ?? []);
  }, [activeDiag]);

  useEffect(() => {
    if (active && !activeDiag) setActive(null);
  }, [active, activeDiag]);

  // One callback for every row (rows are memoised): it looks the problem up in the latest groups.
  const latest = useRef(groups);
  latest.current = groups;
  const pick = useCallback(
    (k: string) => {
      const d = Object.values(latest.current).flat().find((x) => x.k === k)?.d;
      setActive((a) => (k === a ? null : k));
      if (d) showProblem(store, d);
    },
    [store],
  );

  const chainCodes = summary.longestChainIds.map((id) => fw.competencies[id]?.code || '?');

  return (
    <div className="panel problems" data-testid="problems-panel">
      {css && createPortal(<style data-testid="problem-highlight">{css}</style>, document.head)}
      <div className="panel-head">
        <h2 className="panel-title">Problems</h2>
        <span className={`prob-count prob-error${groups.error.length ? '' : ' is-zero'}`} title="Errors" data-testid="count-error">
          {groups.error.length}
        </span>
        <span className={`prob-count prob-warning${groups.warning.length ? '' : ' is-zero'}`} title="Warnings" data-testid="count-warning">
          {groups.warning.length}
        </span>
        <span className="prob-count prob-info is-zero" title="Info" data-testid="count-info">
          {groups.info.length}
        </span>
      </div>
      <div className="stat-grid prob-stats">
        <div className="stat">
          <b>{Object.keys(fw.competencies).length}</b>competencies
        </div>
        <div className="stat">
          <b>{fw.prerequisites.size}</b>prerequisite links
        </div>
        <div className="stat" title="Competencies with no prerequisite that unlock at least one other">
          <b data-testid="stat-roots">{summary.roots}</b>starting points (roots)
        </div>
        <div className="stat" title="Competencies that require others and unlock none">
          <b data-testid="stat-leaves">{summary.leaves}</b>end points (leaves)
        </div>
        <div className="stat" title={chainCodes.length ? `Longest chain: ${chainCodes.join(' → ')}` : undefined}>
          <b data-testid="stat-chain">{summary.longestChain}</b>longest chain
        </div>
        <div className="stat" title="Competencies with no prerequisite link at all">
          <b>{summary.isolated}</b>without links
        </div>
      </div>
      {diags.length === 0 && (
        <p className="prob-none">
          <Icon name="check" /> No problems found.
        </p>
      )}
      {SEVERITIES.map(({ key: sev, title }) =>
        groups[sev].length === 0 ? null : (
          <section key={sev} className={`section prob-group prob-${sev}`} aria-label={title}>
            <button type="button" className="prob-group-head" aria-expanded={open[sev]} onClick={() => setOpen((o) => ({ ...o, [sev]: !o[sev] }))}>
              <Icon name={open[sev] ? 'arrowDown' : 'arrowRight'} size={14} />
              <span className="section-title">{title}</span>
              <span className={`prob-count prob-${sev}`}>{groups[sev].length}</span>
            </button>
            {open[sev] && (
              <ul className="prob-list">
                {groups[sev].slice(0, shown[sev]).map(({ d, k }) => (
                  <ProblemRow
                    key={k}
                    k={k}
                    code={d.code}
                    message={d.message}
                    path={d.path && d.code === 'prerequisite-cycle' ? d.path.map((id) => fw.competencies[id]?.code || '?').join(' → ') : null}
                    active={k === active}
                    onPick={pick}
                  />
                ))}
                {groups[sev].length > shown[sev] && (
                  <li>
                    <button type="button" className="link-btn small" onClick={() => setShown((x) => ({ ...x, [sev]: x[sev] + PAGE }))}>
                      Show {Math.min(PAGE, groups[sev].length - shown[sev])} more of {groups[sev].length - shown[sev]}
                    </button>
                  </li>
                )}
              </ul>
            )}
          </section>
        ),
      )}
    </div>
  );
}
