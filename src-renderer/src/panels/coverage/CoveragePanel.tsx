import { memo, useMemo, useState } from 'react';
import { computeCoverage, type CoverageSlice, type SetCoverage } from '../../../../src-core/checks';
import type { CompetencyId } from '../../../../src-core/model/ids';
import { formatLevels } from '../../../../src-core/model/levels';
import type { Competency, Framework, StandardsSet } from '../../../../src-core/model/types';
import { useValidation } from '../../diagnostics/useDiagnostics';
import { revealCompetency } from '../../canvas/actions';
import { host, openDialog } from '../../dialogs/dialogState';
import { fileStem } from '../../dialogs/export/exportFormats';
import { useEditor, useStore } from '../../store/useEditor';
import { Icon } from '../../ui/Icon';
import { useFolded } from '../../ui/useFolded';
import { standardName } from '../standards/standardsModel';
import { revealStandard, standardsUi, useStandardsUi } from '../standards/standardsUi';
import { coverageReportCsv, crosswalk, crosswalkSummary, groupRows, heat } from './coverageModel';
import './coverage.css';

const pct = (r: number) => (r > 0 && r < 0.01 ? '<1%' : `${Math.round(r * 100)}%`);
const LIST_LIMIT = 150;
/** Crosswalk rows shown until "Show all". */
const XW_ROWS = 300;

/** The coverage view: per standards set, overall / by domain / by grade, uncovered standards, unaligned competencies, crosswalk. */
export function CoveragePanel() {
  const store = useStore();
  const fw = useEditor((s) => s.doc.framework);
  const validation = useValidation();
  // The live validation measures coverage over the same sets (the framework's own) on every edit and
  // keeps the same object while no alignment, standard or competency id changed: take it from there.
  const own = 'coverage' in validation ? validation.coverage : undefined;
  const cov = useMemo(() => (own !== undefined ? own : computeCoverage(fw)), [own, own === undefined ? fw : null]); // eslint-disable-line react-hooks/exhaustive-deps
  const byLevel = useMemo(() => cov?.sets.map((sc) => sc.byLevel.map((x) => ({ ...x, label: x.key ? formatLevels([x.key]) : 'No grade' }))), [cov]);
  const byDomain = useMemo(() => cov?.byDomain.map((d) => ({ key: d.domainId, label: d.label, standards: d.competencies, covered: d.aligned, ratio: d.ratio })), [cov]);
  const { setId } = useStandardsUi();
  const setSetId = (id: string) => standardsUi.set({ setId: id });
  const [uncoveredOnly, setUncoveredOnly] = useState(false);
  if (!cov) {
    return (
      <div className="panel coverage" data-testid="coverage-panel">
        <h2 className="panel-title">Coverage</h2>
        <p className="muted">Import a standards set to see which standards your competencies cover.</p>
        <button className="btn btn-primary" onClick={() => openDialog({ kind: 'import', mode: 'case' })}>
          <Icon name="open" /> Import standards…
        </button>
      </div>
    );
  }
  const scIndex = Math.max(0, cov.sets.findIndex((s) => s.setId === setId));
  const sc = cov.sets[scIndex]!;
  const set = fw.standardsSets[sc.setId]!;
  return (
    <div className="panel coverage" data-testid="coverage-panel">
      <h2 className="panel-title">Coverage</h2>
      {cov.sets.length > 1 && (
        <select className="input" aria-label="Standards set" value={sc.setId} onChange={(e) => setSetId(e.target.value)}>
          {cov.sets.map((s) => (
            <option key={s.setId} value={s.setId}>
              {s.title}
            </option>
          ))}
        </select>
      )}
      <SetSummary sc={sc} />
      <div className="cov-actions">
        <label className="cov-toggle">
          <input type="checkbox" checked={uncoveredOnly} onChange={(e) => setUncoveredOnly(e.target.checked)} data-testid="cov-uncovered-only" /> Uncovered only
        </label>
        <ExportCsvButton fw={fw} set={set} sc={sc} />
      </div>
      <GroupTable set={set} sc={sc} uncoveredOnly={uncoveredOnly} />
      <SliceTable title="By grade" slices={byLevel![scIndex]!} uncoveredOnly={uncoveredOnly} />
      <SliceTable title="Competencies aligned (any set), by domain" slices={byDomain!} uncoveredOnly={uncoveredOnly} />
      <UncoveredList set={set} sc={sc} />
      <UnalignedList competencies={fw.competencies} ids={cov.unaligned} />
      {cov.sets.length > 1 && <Crosswalk fw={fw} sets={Object.values(fw.standardsSets)} coverage={cov.sets} />}
    </div>
  );
}

function SetSummary({ sc }: { sc: SetCoverage }) {
  const basis = sc.basis === 'leaf' ? 'leaf standards (grouping items such as grades and clusters do not count)' : sc.basis === 'assessable' ? 'standards marked assessable' : 'standards marked assessable, and leaf standards';
  return (
    <div className="cov-summary" data-testid="cov-summary">
      <div className="cov-big">
        <b data-testid="cov-ratio">{pct(sc.ratio)}</b>
        <span>
          <span data-testid="cov-covered">{sc.covered}</span> of {sc.standards} covered
        </span>
      </div>
      <div className="cov-bar" role="progressbar" aria-valuenow={Math.round(sc.ratio * 100)} aria-valuemin={0} aria-valuemax={100} aria-label={`Coverage of ${sc.title}`}>
        <span style={{ width: pct(sc.ratio) }} />
      </div>
      <div className="muted small">Counting {basis}.</div>
    </div>
  );
}

function ExportCsvButton({ fw, set, sc }: { fw: Framework; set: StandardsSet; sc: SetCoverage }) {
  const store = useStore();
  return (
    <button
      className="btn"
      data-testid="cov-export"
      onClick={async () => {
        const r = await host().saveExport({ suggestedName: `${fileStem(fw)}.coverage.csv`, content: coverageReportCsv(fw, set, sc), mimeType: 'text/csv', filters: [{ name: 'CSV', extensions: ['csv'] }] });
        if (!r.ok) store.notify('error', r.error.message);
        else if (r.value) store.notify('info', `Exported ${r.value.name}`);
      }}
    >
      <Icon name="save" /> Export CSV…
    </button>
  );
}

/** Coverage by standards domain: the set's groups in tree order, same-named groups named with their parents. */
function GroupTable({ set, sc, uncoveredOnly }: { set: StandardsSet; sc: SetCoverage; uncoveredOnly: boolean }) {
  const slices = useMemo(() => groupRows(set, sc.byGroup), [set, sc.byGroup]);
  return <SliceTable title="By standards domain" slices={slices} uncoveredOnly={uncoveredOnly} setId={sc.setId} />;
}

// The tables and lists below are memoised on the coverage objects they show, which the live validation
// keeps while an edit changes no alignment, standard or competency id: typing a statement or moving a
// card re-renders none of their rows.
const SliceTable = memo(function SliceTable({ title, slices, uncoveredOnly, setId }: { title: string; slices: CoverageSlice[]; uncoveredOnly: boolean; setId?: string }) {
  const store = useStore();
  const onPick = setId ? (k: string | null) => k && revealStandard(store, k, setId) : undefined;
  const rows = uncoveredOnly ? slices.filter((s) => s.covered < s.standards) : slices;
  if (slices.length === 0) return null;
  return (
    <section className="section">
      <div className="section-title">{title}</div>
      {rows.length === 0 ? (
        <p className="muted small">Everything is covered.</p>
      ) : (
        <table className="cov-table">
          <tbody>
            {rows.map((s) => (
              <tr key={String(s.key)}>
                <td className="cov-label" title={s.label}>
                  {onPick && s.key ? (
                    <button className="link-btn" onClick={() => onPick(s.key)}>
                      {s.label}
                    </button>
                  ) : (
                    s.label || 'No grade'
                  )}
                </td>
                <td className="cov-num">
                  {s.covered}/{s.standards}
                </td>
                <td className="cov-heat" style={{ background: heat(s.ratio) }}>
                  {pct(s.ratio)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
});

const UncoveredList = memo(function UncoveredList({ set, sc }: { set: StandardsSet; sc: SetCoverage }) {
  const store = useStore();
  const { shown, more } = useFolded(sc.uncovered, LIST_LIMIT, '');
  return (
    <section className="section">
      <div className="section-title">
        Uncovered standards (<span data-testid="cov-uncovered-count">{sc.uncovered.length}</span>)
      </div>
      {sc.uncovered.length === 0 ? (
        <p className="cov-done">
          <Icon name="check" /> Every standard is covered.
        </p>
      ) : (
        <ul className="cov-list" data-testid="cov-uncovered">
          {shown.map((id) => {
            const s = set.items[id];
            return (
              <li key={id}>
                <button className="cov-item" onClick={() => revealStandard(store, id, set.id)} title="Show in the standards browser" data-code={s?.code}>
                  <span className="std-code">{s ? standardName(s) : id}</span>
                  {s?.code && <span className="cov-text">{s.statement}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {more}
    </section>
  );
});

/** Re-renders only when the list, or one of the competencies it shows, changed. */
function sameUnaligned(a: { competencies: Record<string, Competency>; ids: CompetencyId[] }, b: { competencies: Record<string, Competency>; ids: CompetencyId[] }): boolean {
  if (a.ids !== b.ids) return false;
  if (a.competencies === b.competencies) return true;
  const n = Math.min(a.ids.length, LIST_LIMIT);
  for (let i = 0; i < n; i++) if (a.competencies[a.ids[i]!] !== b.competencies[a.ids[i]!]) return false;
  return true;
}

const UnalignedList = memo(function UnalignedList({ competencies, ids }: { competencies: Record<string, Competency>; ids: CompetencyId[] }) {
  const store = useStore();
  return (
    <section className="section">
      <div className="section-title">Competencies without alignment ({ids.length})</div>
      {ids.length === 0 ? (
        <p className="cov-done">
          <Icon name="check" /> Every competency is aligned.
        </p>
      ) : (
        <ul className="cov-list" data-testid="cov-unaligned">
          {ids.slice(0, LIST_LIMIT).map((id) => {
            const c = competencies[id];
            return (
              <li key={id}>
                <button className="cov-item" onClick={() => revealCompetency(store, id)} title="Show on the canvas">
                  <span className="std-code">{c?.code || 'No code'}</span>
                  <span className="cov-text">{c?.statement}</span>
                </button>
              </li>
            );
          })}
          {ids.length > LIST_LIMIT && <li className="muted small">… and {ids.length - LIST_LIMIT} more</li>}
        </ul>
      )}
    </section>
  );
}, sameUnaligned);

function Crosswalk({ fw, sets, coverage }: { fw: Framework; sets: StandardsSet[]; coverage: SetCoverage[] }) {
  const store = useStore();
  const [aId, setA] = useState(sets[0]!.id as string);
  const [bId, setB] = useState(sets[1]!.id as string);
  const a = fw.standardsSets[aId] ?? sets[0]!;
  const b = fw.standardsSets[bId] ?? sets[1]!;
  const rows = useMemo(() => crosswalk(fw, a, b), [fw.alignments, fw.competencies, a, b]); // eslint-disable-line react-hooks/exhaustive-deps
  const bCov = coverage.find((c) => c.setId === b.id);
  const table = useFolded(rows, XW_ROWS, ' competencies', undefined, 'xw-show-all-rows');
  const unmatched = useFolded(bCov?.uncovered ?? [], LIST_LIMIT, '', b.id);
  const names = (list: { code: string; statement: string }[]) => list.map(standardName).join(', ');
  return (
    <section className="section" data-testid="crosswalk">
      <div className="section-title">Crosswalk</div>
      <div className="cov-xw-pick">
        <select className="input" aria-label="Old standards set" value={a.id} onChange={(e) => setA(e.target.value)}>
          {sets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <Icon name="arrowRight" />
        <select className="input" aria-label="New standards set" value={b.id} onChange={(e) => setB(e.target.value)}>
          {sets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      {a.id === b.id ? (
        <p className="muted small">Pick two different sets.</p>
      ) : (
        <>
          <p className="muted small">
            {crosswalkSummary(rows)}
          </p>
          <table className="cov-table cov-xw">
            <thead>
              <tr>
                <th>Competency</th>
                <th>{a.title}</th>
                <th>{b.title}</th>
              </tr>
            </thead>
            <tbody>
              {table.shown.map((r) => {
                const c = fw.competencies[r.competencyId]!;
                return (
                  <tr key={r.competencyId} className={r.a.length && !r.b.length ? 'is-gap' : undefined}>
                    <td>
                      <button className="link-btn" onClick={() => revealCompetency(store, c.id)}>
                        {c.code || 'No code'}
                      </button>
                    </td>
                    <td>{names(r.a) || '—'}</td>
                    <td>{names(r.b) || '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {table.more}
          {bCov && (
            <>
              <div className="section-title cov-sub">Unmatched in {b.title} ({bCov.uncovered.length})</div>
              <ul className="cov-list" data-testid="xw-unmatched">
                {unmatched.shown.map((id) => {
                  const s = b.items[id];
                  return (
                    <li key={id}>
                      <button className="cov-item" onClick={() => revealStandard(store, id, b.id)}>
                        <span className="std-code">{s ? standardName(s) : id}</span>
                        {s?.code && <span className="cov-text">{s.statement}</span>}
                      </button>
                    </li>
                  );
                })}
              </ul>
              {unmatched.more}
            </>
          )}
        </>
      )}
    </section>
  );
}
