import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { removeStandardsSet } from '../../../../src-core/commands';
import type { CompetencyId, StandardsSetId } from '../../../../src-core/model/ids';
import { formatLevels } from '../../../../src-core/model/levels';
import { ALIGNMENT_KINDS, type AlignmentKind, type Framework, type Standard, type StandardsSet } from '../../../../src-core/model/types';
import { revealCompetency } from '../../canvas/actions';
import { confirmAction } from '../../dialogs/confirm';
import { openDialog } from '../../dialogs/dialogState';
import { useEditor, useStore } from '../../store/useEditor';
import { Icon } from '../../ui/Icon';
import { useFolded } from '../../ui/useFolded';
import { alignCompetencies, childrenIndex, filterStandards, gradesOf, STANDARD_MIME, standardName, treeOrder } from './standardsModel';
import { standardsUi, useStandardsUi } from './standardsUi';
import { useStandardDrop } from './useStandardDrop';
import { AlignmentControls } from './AlignmentControls';
import './standards.css';

const MAX_RESULTS = 300;
const BIG_SET = 300;

/** The standards browser: the tree of each imported set, search, grade filter, alignment counts, drag to align. */
export function StandardsPanel() {
  const store = useStore();
  useStandardDrop(store);
  const sets = useEditor((s) => s.doc.framework.standardsSets);
  const ui = useStandardsUi();
  const list = Object.values(sets);
  const set = (ui.setId && sets[ui.setId]) || list[0];

  if (!set) {
    return (
      <div className="panel standards" data-testid="standards-panel">
        <h2 className="panel-title">Standards</h2>
        <p className="muted">No standards set yet. Import your state’s standards (a CASE package or a CSV file) to align competencies and see what is left uncovered.</p>
        <button className="btn btn-primary" onClick={() => openDialog({ kind: 'import', mode: 'case' })}>
          <Icon name="open" /> Import standards…
        </button>
      </div>
    );
  }
  return <SetBrowser key={set.id} set={set} sets={list} />;
}

// What the browser derives from a set, per set object (sets are immutable: an edit elsewhere keeps
// them), so showing the panel again, or another document version, does not walk thousands of standards.
const trees = new WeakMap<StandardsSet, { children: Map<string, Standard[]>; order: { s: Standard; depth: number }[]; grades: { code: string; label: string }[]; collapsed?: ReadonlySet<string> }>();
function treeOf(set: StandardsSet) {
  let t = trees.get(set);
  if (!t) {
    const children = childrenIndex(set);
    trees.set(set, (t = { children, order: treeOrder(set, children), grades: gradesOf(set) }));
  }
  return t;
}

/** Parents below the top level, collapsed when a big set is first shown. */
function initiallyCollapsed(set: StandardsSet): Set<string> {
  const t = treeOf(set);
  if (t.order.length <= BIG_SET) return new Set();
  if (!t.collapsed) t.collapsed = new Set(t.order.filter((e) => e.depth >= 1 && t.children.has(e.s.id)).map((e) => e.s.id));
  return new Set(t.collapsed);
}

// Alignments per standard of a set, per version of the alignments Map; a competency edit (a new
// competencies record) reuses them after checking that no alignment's competency is missing.
/** Competencies listed under a standard's detail until its "Show all". */
export const ALIGNED_SHOWN = 50;

const aligned = new WeakMap<Framework['alignments'], Map<string, { counts: Map<string, string[]>; competencies: Framework['competencies']; dangling: boolean }>>();
function alignedTo(fw: Framework, setId: string): Map<string, string[]> {
  let perSet = aligned.get(fw.alignments);
  if (!perSet) aligned.set(fw.alignments, (perSet = new Map()));
  const hit = perSet.get(setId);
  if (hit?.competencies === fw.competencies) return hit.counts;
  if (hit) {
    let dangling = false;
    for (const a of fw.alignments.values()) if (!fw.competencies[a.competencyId]) dangling = true;
    if (!hit.dangling && !dangling) {
      hit.competencies = fw.competencies;
      return hit.counts;
    }
  }
  // one pass: the alignments of this set whose competency is there, by standard (as alignmentsByStandard)
  const counts = new Map<string, string[]>();
  let dangling = false;
  for (const a of fw.alignments.values()) {
    if (!fw.competencies[a.competencyId]) {
      dangling = true;
      continue;
    }
    if (a.setId !== setId) continue;
    const list = counts.get(a.standardId);
    if (list) list.push(a.id);
    else counts.set(a.standardId, [a.id]);
  }
  perSet.set(setId, { counts, competencies: fw.competencies, dangling });
  return counts;
}

function SetBrowser({ set, sets }: { set: StandardsSet; sets: StandardsSet[] }) {
  const store = useStore();
  const fw = useEditor((s) => s.doc.framework);
  const selected = useEditor((s) => s.session.selection.competencies);
  const ui = useStandardsUi();
  const { query, grade } = ui;
  const setQuery = (q: string) => standardsUi.set({ query: q });
  const setGrade = (g: string) => standardsUi.set({ grade: g });
  const [active, setActive] = useState<string | null>(null);
  const [kind, setKind] = useState<AlignmentKind>('exact');
  // Large sets open with the first two levels shown (thousands of rows at once help nobody).
  const [collapsed, setCollapsed] = useState<Set<string>>(() => initiallyCollapsed(set));
  const listRef = useRef<HTMLDivElement>(null);

  const { children, order, grades } = treeOf(set);
  const counts = alignedTo(fw, set.id);
  const matches = useMemo(() => filterStandards(order, query, grade), [order, query, grade]);

  // Reveal requests (coverage, problems): expand the ancestors, select and scroll to the standard.
  useEffect(() => {
    const r = ui.reveal;
    if (!r || (r.setId && r.setId !== set.id) || !set.items[r.id]) return;
    setQuery('');
    setGrade('');
    setCollapsed((c) => {
      const next = new Set(c);
      for (let p = set.items[r.id]!.parentId; p && set.items[p]; p = set.items[p]!.parentId) next.delete(p);
      return next;
    });
    setActive(r.id);
    requestAnimationFrame(() => listRef.current?.querySelector(`[data-std="${CSS.escape(r.id)}"]`)?.scrollIntoView({ block: 'center' }));
  }, [ui.reveal, set]);

  const visible = useMemo(() => {
    if (matches) return matches.slice(0, MAX_RESULTS).map((s) => ({ s, depth: 0 }));
    const out: { s: Standard; depth: number }[] = [];
    let hideBelow = Infinity;
    for (const e of order) {
      if (e.depth > hideBelow) continue;
      hideBelow = collapsed.has(e.s.id) ? e.depth : Infinity;
      out.push(e);
    }
    return out;
  }, [matches, order, collapsed]);

  const toggle = useCallback(
    (id: string) =>
      setCollapsed((c) => {
        const next = new Set(c);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const activate = useCallback((id: string) => setActive((a) => (a === id ? null : id)), []);
  const collapseAll = () => setCollapsed(new Set(order.filter((e) => e.depth === 0 && children.has(e.s.id)).map((e) => e.s.id)));

  const alignedStandards = counts.size;
  return (
    <div className="panel standards" data-testid="standards-panel">
      <div className="panel-head">
        <h2 className="panel-title">Standards</h2>
        <button className="icon-btn" onClick={() => openDialog({ kind: 'import', mode: 'case' })} title="Import a standards set…" aria-label="Import standards">
          <Icon name="plus" />
        </button>
        <button
          className="icon-btn danger"
          title="Remove this standards set and its alignments"
          aria-label="Remove standards set"
          onClick={() => {
            // Say what goes with it: the designer's alignment work, counted (Undo brings it back).
            let links = 0;
            for (const list of counts.values()) links += list.length;
            const what =
              links === 0
                ? 'No competency is aligned to it.'
                : `${links === 1 ? 'Its 1 alignment' : `Its ${links.toLocaleString('en-US')} alignments`} (to ${alignedStandards === 1 ? '1 standard' : `${alignedStandards.toLocaleString('en-US')} standards`}) go with it; Undo brings them back.`;
            void confirmAction({ title: 'Remove standards set', message: `Remove “${set.title}”? ${what}`, confirmLabel: 'Remove standards set' }).then((ok) => {
              if (!ok) return;
              const r = store.run(removeStandardsSet(set.id as StandardsSetId));
              if (!r.ok) store.notify('error', r.error.message);
              standardsUi.set({ setId: null });
            });
          }}
        >
          <Icon name="trash" />
        </button>
      </div>
      {sets.length > 1 ? (
        <select className="input std-set" aria-label="Standards set" value={set.id} onChange={(e) => standardsUi.set({ setId: e.target.value })}>
          {sets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      ) : (
        <div className="std-set-title" title={set.source}>
          {set.title}
        </div>
      )}
      <div className="muted small std-meta">
        {Object.keys(set.items).length} standards · {alignedStandards} aligned{set.version ? ` · version ${set.version}` : ''}
      </div>
      <div className="std-filters">
        <input className="input" type="search" placeholder="Search code or text" aria-label="Search standards" value={query} onChange={(e) => setQuery(e.target.value)} />
        {grades.length > 0 && (
          <select className="input std-grade" aria-label="Filter by grade" value={grade} onChange={(e) => setGrade(e.target.value)}>
            <option value="">All grades</option>
            {grades.map((g) => (
              <option key={g.code} value={g.code}>
                {g.label}
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="std-hint muted small">
        Drag a standard onto a competency to align it{selected.length ? ', or use “Align selected”' : ''}.{' '}
        {!matches && (
          <button className="link-btn" onClick={collapseAll}>
            Collapse all
          </button>
        )}
      </div>
      {matches && (
        <div className="muted small std-count" data-testid="std-match-count">
          {matches.length === 0 ? 'No standard matches.' : `${matches.length} match${matches.length === 1 ? '' : 'es'}${matches.length > MAX_RESULTS ? ` (first ${MAX_RESULTS} shown)` : ''}`}
        </div>
      )}
      <div className="std-tree" ref={listRef} role="tree" aria-label={`Standards of ${set.title}`}>
        {visible.map(({ s, depth }) => {
          const isActive = active === s.id;
          return (
            <StandardRow
              key={s.id}
              s={s}
              depth={depth}
              setId={set.id}
              n={counts.get(s.id)?.length ?? 0}
              hasKids={!matches && children.has(s.id)}
              isCollapsed={collapsed.has(s.id)}
              isActive={isActive}
              parentName={matches && s.parentId && set.items[s.parentId] ? standardName(set.items[s.parentId]!) : null}
              onToggle={toggle}
              onActivate={activate}
              detail={isActive ? <StandardDetail fw={fw} set={set} s={s} alignmentIds={counts.get(s.id) ?? []} selected={selected} kind={kind} setKind={setKind} /> : null}
            />
          );
        })}
      </div>
    </div>
  );
}

/**
 * One row of the tree. Memoised: an edit elsewhere (a statement, a card moved) re-renders the browser,
 * but a row only when what it shows changed (its count of alignments, expanded or not, active or not).
 */
const StandardRow = memo(function StandardRow(props: {
  s: Standard;
  depth: number;
  setId: string;
  n: number;
  hasKids: boolean;
  isCollapsed: boolean;
  isActive: boolean;
  parentName: string | null;
  onToggle: (id: string) => void;
  onActivate: (id: string) => void;
  detail: ReactNode;
}) {
  const { s, depth, setId, n, hasKids, isCollapsed, isActive, parentName, onToggle, onActivate, detail } = props;
  return (
    <div className="std-node" role="treeitem" aria-selected={isActive} aria-expanded={hasKids ? !isCollapsed : undefined}>
      <div
        className={`std-row${isActive ? ' is-active' : ''}`}
        style={{ paddingLeft: 4 + depth * 14 }}
        data-std={s.id}
        data-code={s.code}
        data-testid="standard-row"
        draggable
        onDragStart={(e) => {
          e.dataTransfer.setData(STANDARD_MIME, JSON.stringify({ setId, standardId: s.id }));
          e.dataTransfer.setData('text/plain', `${s.code} ${s.statement}`.trim());
          e.dataTransfer.effectAllowed = 'copy';
        }}
        onClick={() => onActivate(s.id)}
        title={s.statement}
      >
        {hasKids ? (
          <button
            className="std-twist"
            aria-label={isCollapsed ? 'Expand' : 'Collapse'}
            onClick={(e) => {
              e.stopPropagation();
              onToggle(s.id);
            }}
          >
            <Icon name={isCollapsed ? 'arrowRight' : 'arrowDown'} size={12} />
          </button>
        ) : (
          <span className="std-twist" />
        )}
        <span className="std-text">
          {s.code && <span className="std-code">{s.code}</span>}
          <span className="std-statement">{s.statement}</span>
          {parentName !== null && <span className="std-parent">in {parentName}</span>}
        </span>
        <span className={`std-n${n ? ' has' : ''}`} title={`${n} competenc${n === 1 ? 'y' : 'ies'} aligned`} data-testid="std-aligned-count">
          {n}
        </span>
      </div>
      {detail}
    </div>
  );
});

function StandardDetail({
  fw,
  set,
  s,
  alignmentIds,
  selected,
  kind,
  setKind,
}: {
  fw: Framework;
  set: StandardsSet;
  s: Standard;
  alignmentIds: string[];
  selected: CompetencyId[];
  kind: AlignmentKind;
  setKind: (k: AlignmentKind) => void;
}) {
  const store = useStore();
  const already = new Set(alignmentIds.map((id) => fw.alignments.get(id)?.competencyId));
  const toAlign = selected.filter((id) => !already.has(id));
  // a standard many competencies are aligned to (hundreds on a big map): the first until Show all
  const aligned = useFolded(alignmentIds, ALIGNED_SHOWN, ' competencies', s.id, 'standard-aligned-show-all');
  return (
    <div className="std-detail" data-testid="standard-detail">
      <p className="std-full">{s.statement}</p>
      <div className="muted small">
        {[s.itemType, s.educationLevels.length ? formatLevels(s.educationLevels) : ''].filter(Boolean).join(' · ')}
      </div>
      {alignmentIds.length > 0 && (
        <ul className="std-aligned">
          {aligned.shown.map((aid) => {
            const a = fw.alignments.get(aid)!;
            const c = fw.competencies[a.competencyId]!;
            return (
              <li key={aid}>
                <button className="link-btn std-comp" onClick={() => revealCompetency(store, c.id)} title="Show on the canvas">
                  <b>{c.code || 'No code'}</b> {c.statement}
                </button>
                <AlignmentControls id={aid} kind={a.kind} />
              </li>
            );
          })}
        </ul>
      )}
      {aligned.more}
      <div className="std-align-row">
        <select className="input std-kind" aria-label="Kind of new alignment" value={kind} onChange={(e) => setKind(e.target.value as AlignmentKind)}>
          {ALIGNMENT_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
        <button className="btn btn-primary" disabled={toAlign.length === 0} onClick={() => alignCompetencies(store, toAlign, set.id, s.id, kind)} title={toAlign.length ? undefined : 'Select competencies on the canvas first'}>
          <Icon name="link" /> Align selected{toAlign.length > 1 ? ` (${toAlign.length})` : ''}
        </button>
      </div>
    </div>
  );
}
