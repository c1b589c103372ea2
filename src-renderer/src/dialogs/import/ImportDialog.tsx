import { useCallback, useMemo, useState } from 'react';
import { formatCaseReport, type CaseImportReport } from '../../../../src-core/case';
import { addStandardsSet } from '../../../../src-core/commands';
import {
  readStandardsCsv,
  sniffStandardsCsv,
  STANDARDS_CSV_FIELD_LABELS,
  STANDARDS_CSV_FIELDS,
  type StandardsCsvField,
  type StandardsCsvMapping,
  type StandardsCsvSniff,
  type StandardsHierarchy,
} from '../../../../src-core/csv/standardsCsv';
import type { StandardsSet } from '../../../../src-core/model/types';
import type { PickedFile } from '../../../../src-core/host/contract';
import { confirmDiscard } from '../../app/documents';
import { standardsUi } from '../../panels/standards/standardsUi';
import type { EditorStore } from '../../store/editorStore';
import { useStore } from '../../store/useEditor';
import { Icon } from '../../ui/Icon';
import { host, openDialog } from '../dialogState';
import { Busy, FindingList, Modal } from '../Modal';
import { importCaseInBackground, type CaseImportOutcome } from './caseImport';
import { CaseMappingProblems } from './CaseMappingProblems';
import { CompetencyCsvImport } from './CompetencyCsvImport';
import { EncodingNotice } from './EncodingNotice';
import { loadCaseFramework } from './loadCaseFramework';

type Mode = 'case' | 'csv' | 'competencies';

type FetchCase = (req: { url: string }) => Promise<{ ok: true; value: { text: string; name: string } } | { ok: false; error: { message: string } }>;

/** The host's CASE-server download (`import:fetchCase`), where the host offers it. */
function fetchCaseOf(h: object): FetchCase | undefined {
  const f = (h as { fetchCase?: FetchCase }).fetchCase;
  return typeof f === 'function' ? f.bind(h) : undefined;
}

function kb(text: string): string {
  const n = text.length;
  return n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

/** Adds a standards set to the open framework and shows it in the standards browser. */
function addSet(store: EditorStore, set: StandardsSet): string | null {
  const r = store.run(addStandardsSet(set));
  if (!r.ok) {
    return r.error.code === 'duplicate-id' ? `“${set.title}” is already in this framework (same CASE document). Remove it in the Standards panel first to import it again.` : r.error.message;
  }
  standardsUi.set({ setId: set.id, reveal: null });
  store.setSession({ panel: 'standards' });
  store.notify('info', `Imported ${Object.keys(set.items).length} standards from “${set.title}”.`);
  return null;
}

/** Import: a CASE package as a standards set or as a framework; a standards CSV with column mapping. */
export function ImportDialog({ mode: initialMode }: { mode: Mode }) {
  const [mode, setMode] = useState<Mode>(initialMode);
  const close = useCallback(() => openDialog(null), []);
  return (
    <Modal title="Import" onClose={close} wide={mode === 'csv'} testId="import-dialog">
      <div className="pub-tabs" role="tablist">
        <button role="tab" aria-selected={mode === 'case'} className={`pub-tab${mode === 'case' ? ' is-active' : ''}`} onClick={() => setMode('case')}>
          CASE package
        </button>
        <button role="tab" aria-selected={mode === 'csv'} className={`pub-tab${mode === 'csv' ? ' is-active' : ''}`} onClick={() => setMode('csv')}>
          Standards CSV
        </button>
        <button role="tab" aria-selected={mode === 'competencies'} className={`pub-tab${mode === 'competencies' ? ' is-active' : ''}`} onClick={() => setMode('competencies')}>
          Competencies CSV
        </button>
      </div>
      {mode === 'case' ? <CaseImport onDone={close} /> : mode === 'csv' ? <CsvImport onDone={close} /> : <CompetencyCsvImport onDone={close} />}
    </Modal>
  );
}

function CaseImport({ onDone }: { onDone: () => void }) {
  const store = useStore();
  const [file, setFile] = useState<{ name: string; size: string } | null>(null);
  const [stage, setStage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<CaseImportOutcome | null>(null);
  const [as, setAs] = useState<'standards' | 'framework'>('standards');

  const [url, setUrl] = useState('');
  const fetchCase = fetchCaseOf(host());

  const pick = async () => {
    setError(null);
    const picked = await host().pickImport({ accept: ['json'], title: 'Import a CASE package' });
    if (!picked.ok) return setError(picked.error.message);
    if (!picked.value) return;
    await read(picked.value.text, picked.value.name);
  };

  const fetchFromServer = async () => {
    if (!fetchCase || !url.trim()) return;
    setError(null);
    setOutcome(null);
    setFile({ name: url.trim(), size: '' });
    setStage('Downloading the package…');
    const r = await fetchCase({ url: url.trim() });
    if (!r.ok) {
      setStage(null);
      return setError(`Could not download ${url.trim()}: ${r.error.message}`);
    }
    await read(r.value.text, r.value.name);
  };

  const read = async (text: string, name: string) => {
    setOutcome(null);
    setFile({ name, size: kb(text) });
    setStage('Reading…');
    const r = await importCaseInBackground(text, name, setStage);
    setStage(null);
    if (!r.ok) return setError(`Could not import ${name}: ${r.error.message}${r.error.path ? ` (at ${r.error.path})` : ''}`);
    setOutcome(r.value);
    setAs(r.value.ours ? 'framework' : 'standards');
  };

  const apply = async () => {
    if (!outcome) return;
    if (as === 'standards') {
      const err = addSet(store, outcome.set);
      if (err) return setError(err);
      return onDone();
    }
    if (!outcome.framework.ok) return setError(outcome.framework.error.message);
    if (!(await confirmDiscard(store))) return;
    // named after the package, as when the package itself is opened (its title, else the file's name)
    loadCaseFramework(store, outcome, outcome.framework.framework, outcome.title);
    onDone();
  };

  const report = outcome?.report;
  const reportLines = report ? formatCaseReport(report).slice(1) : [];
  return (
    <div data-testid="case-import">
      <p className="muted">
        A CASE 1.0 or 1.1 package (JSON) from your state or district, OpenSALT or another CASE publisher. Import it as a <b>standards set</b> to align competencies to, or <b>open it as a framework</b> to extend it.
      </p>
      <button className="btn btn-primary" onClick={() => void pick()} disabled={!!stage} data-testid="pick-case">
        <Icon name="open" /> Choose a CASE package…
      </button>
      {fetchCase && (
        <form
          className="pub-url"
          onSubmit={(e) => {
            e.preventDefault();
            void fetchFromServer();
          }}
        >
          <input
            className="input"
            type="url"
            placeholder="…or a CASE server address: https://…/ims/case/v1p1/CFPackages/{id}"
            aria-label="CASE server address"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <button className="btn" type="submit" disabled={!!stage || !url.trim()}>
            Download
          </button>
        </form>
      )}
      {stage && (
        <Busy>
          {stage} {file && <span className="muted">({file.name}, {file.size})</span>}
        </Busy>
      )}
      {error && (
        <div className="pub-error" role="alert" data-testid="import-error">
          {error}
        </div>
      )}
      {outcome && report && (
        <div data-testid="case-report">
          <h3 className="pub-h3">
            {outcome.title} <span className="pill">CASE {outcome.version}</span>
          </h3>
          <CaseReportSummary report={report} />
          <FindingList title="Accepted (converted)" items={report.accepted.map((e) => `${e.message}${e.count > 1 ? ` — ${e.count} times, first at ${e.path}` : ` — at ${e.path}`}`)} tone="info" />
          <FindingList title="Ignored, and why" items={report.ignored.map((e) => `${e.message}${e.count > 1 ? ` — ${e.count} times, first at ${e.path}` : ` — at ${e.path}`}`)} tone="warning" />
          {reportLines.length === 0 && <p className="muted small">Everything in the package was read as is.</p>}
          <div className="pub-choices" role="radiogroup" aria-label="Import as">
            <label className={`pub-choice${as === 'standards' ? ' is-on' : ''}`}>
              <input type="radio" name="case-as" checked={as === 'standards'} onChange={() => setAs('standards')} />
              <span>
                Add as a standards set <small>{Object.keys(outcome.set.items).length} standards, read-only; align competencies to them and see coverage.</small>
              </span>
            </label>
            <label className={`pub-choice${as === 'framework' ? ' is-on' : ''}`}>
              <input type="radio" name="case-as" checked={as === 'framework'} onChange={() => setAs('framework')} disabled={!outcome.framework.ok} />
              <span>
                Open as a new framework{' '}
                <small>
                  {outcome.framework.ok
                    ? `${Object.keys(outcome.framework.framework.competencies).length} competencies, ${outcome.framework.framework.prerequisites.size} prerequisite links, ${outcome.framework.framework.domains.length} domains — replaces the open document.`
                    : outcome.framework.error.details?.length
                      ? 'not possible: the mapped framework breaks the file format (see below).'
                      : outcome.framework.error.message}
                </small>
              </span>
            </label>
          </div>
          {!outcome.framework.ok && <CaseMappingProblems error={outcome.framework.error} />}
          {as === 'standards' && <FindingList title="Notes on the standards tree" items={outcome.setNotes} />}
          {as === 'framework' && outcome.framework.ok && <FindingList title="Notes on the mapping" items={outcome.framework.notes.filter((n) => !reportLines.includes(n) && !n.startsWith('read '))} />}
        </div>
      )}
      <div className="pub-foot">
        <button className="btn" onClick={onDone}>
          Cancel
        </button>
        <button className="btn btn-primary" disabled={!outcome || !!stage} onClick={apply} data-testid="import-apply">
          {as === 'framework' ? 'Open framework' : 'Add standards set'}
        </button>
      </div>
    </div>
  );
}

const HIERARCHY_LABELS: Record<StandardsHierarchy, string> = {
  'parent-column': 'By the parent-code column',
  'code-prefix': 'By code prefix (3.NF.A is the parent of 3.NF.A.1)',
  outline: 'By outline number (1.2 is the parent of 1.2.3)',
  none: 'Flat list',
};

/** The counts line of a CASE import report: "585 items · 1 rubric · 1 deviation accepted …" (singular for one). */
export function CaseReportSummary({ report }: { report: CaseImportReport }) {
  const counts: [number, string, string][] = [
    [report.read.items, 'item', 'items'],
    [report.read.associations, 'association', 'associations'],
    [report.read.rubrics, 'rubric', 'rubrics'],
    [report.accepted.length, 'deviation accepted', 'deviations accepted'],
    [report.ignored.length, 'kind of data ignored', 'kinds of data ignored'],
  ];
  return (
    <div className="pub-summary">
      {counts.map(([n, one, many]) => (
        <span key={many}>
          <b>{n}</b> {n === 1 ? one : many}
        </span>
      ))}
    </div>
  );
}

function CsvImport({ onDone }: { onDone: () => void }) {
  const store = useStore();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [sniff, setSniff] = useState<StandardsCsvSniff | null>(null);
  const [mapping, setMapping] = useState<StandardsCsvMapping | null>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async () => {
    setError(null);
    const picked = await host().pickImport({ accept: ['csv', 'tsv', 'txt'], title: 'Import standards from CSV' });
    if (!picked.ok) return setError(picked.error.message);
    if (!picked.value) return;
    setBusy(true);
    await new Promise((r) => setTimeout(r, 20));
    const s = sniffStandardsCsv(picked.value.text);
    setBusy(false);
    if (!s.ok) {
      setSniff(null);
      return setError(`Could not read ${picked.value.name}: ${s.error.message}`);
    }
    setFile(picked.value);
    setSniff(s.value);
    setMapping(s.value.suggestedMapping);
    setTitle(picked.value.name.replace(/\.(csv|tsv|txt)$/i, ''));
  };

  const result = useMemo(() => {
    if (!file || !mapping) return null;
    return readStandardsCsv(file.text, mapping, { title: title.trim() || file.name, source: file.name });
  }, [file, mapping, title]);

  const setColumn = (f: StandardsCsvField, v: string) => setMapping((m) => (m ? { ...m, columns: { ...m.columns, [f]: v === '' ? null : Number(v) } } : m));
  const fieldOf = (col: number) => (mapping ? STANDARDS_CSV_FIELDS.find((f) => mapping.columns[f] === col) : undefined);

  return (
    <div data-testid="csv-import">
      <p className="muted">
        A spreadsheet of standards (CSV): say which column holds the code, statement, parent and grade level. OpenSALT’s spreadsheet layout is recognised without mapping.
      </p>
      <button className="btn btn-primary" onClick={() => void pick()} disabled={busy} data-testid="pick-csv">
        <Icon name="open" /> Choose a CSV file…
      </button>
      {busy && <Busy>Reading the CSV file…</Busy>}
      {error && (
        <div className="pub-error" role="alert" data-testid="import-error">
          {error}
        </div>
      )}
      {sniff && mapping && file && (
        <>
          <div className="pub-summary">
            <span>
              <b>{file.name}</b>
            </span>
            <span>
              <b>{sniff.rowCount}</b> data rows
            </span>
            <span>{sniff.layout === 'opensalt' ? 'OpenSALT layout recognised' : `${sniff.headers.length} columns`}</span>
          </div>
          <EncodingNotice encoding={file.encoding} />
          <div className="pub-map">
            <label htmlFor="csv-title">Set title</label>
            <input id="csv-title" className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
            {STANDARDS_CSV_FIELDS.map((f) => (
              <FieldMap key={f} field={f} headers={sniff.headers} value={mapping.columns[f]} onChange={(v) => setColumn(f, v)} />
            ))}
            <label htmlFor="csv-hierarchy">Hierarchy</label>
            <select id="csv-hierarchy" className="input" value={mapping.hierarchy} onChange={(e) => setMapping({ ...mapping, hierarchy: e.target.value as StandardsHierarchy })}>
              {(Object.keys(HIERARCHY_LABELS) as StandardsHierarchy[]).map((h) => (
                <option key={h} value={h}>
                  {HIERARCHY_LABELS[h]}
                </option>
              ))}
            </select>
          </div>
          <div className="section-title">Preview (first {sniff.previewRows.length} rows)</div>
          <div className="pub-table-wrap">
            <table className="pub-table" data-testid="csv-preview">
              <thead>
                <tr>
                  <th>Row</th>
                  {sniff.headers.map((h, i) => (
                    <th key={i}>
                      {fieldOf(i) && <span className="pub-field">{fieldOf(i)}</span>}
                      {h || `Column ${i + 1}`}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {sniff.previewRows.map((r, ri) => (
                  <tr key={ri}>
                    <td className="muted">{ri + 2}</td>
                    {r.map((c, ci) => (
                      <td key={ci} className={fieldOf(ci) ? 'is-mapped' : undefined} title={c}>
                        {c}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result && !result.ok && (
            <div className="pub-error" role="alert">
              {result.error.message}
            </div>
          )}
          {result?.ok && (
            <div data-testid="csv-report">
              <div className="pub-summary">
                <span>
                  <b>{result.value.report.standards}</b> standards
                </span>
                <span>
                  <b>{result.value.report.topLevel}</b> at the top level
                </span>
                <span>
                  <b>{result.value.report.skippedRows}</b> rows skipped
                </span>
                <span className={result.value.report.errors ? 'pub-row-errors' : undefined}>
                  <b>{result.value.report.errors}</b> row {result.value.report.errors === 1 ? 'error' : 'errors'}
                </span>
                <span>
                  <b>{result.value.report.warnings}</b> {result.value.report.warnings === 1 ? 'warning' : 'warnings'}
                </span>
              </div>
              {/* Errors and warnings apart, so each count in the summary matches a list under it. */}
              <FindingList title="Row errors" tone="error" items={result.value.rowErrors.filter((e) => e.severity === 'error').map((e) => `Row ${e.row}: ${e.message}`)} />
              <FindingList title="Row warnings" tone="warning" items={result.value.rowErrors.filter((e) => e.severity === 'warning').map((e) => `Row ${e.row}: ${e.message}`)} />
              <FindingList title="Import report" items={result.value.report.notes} />
            </div>
          )}
        </>
      )}
      <div className="pub-foot">
        <button className="btn" onClick={onDone}>
          Cancel
        </button>
        <button
          className="btn btn-primary"
          disabled={!result?.ok}
          data-testid="import-apply"
          onClick={() => {
            if (!result?.ok) return;
            const err = addSet(store, result.value.set);
            if (err) return setError(err);
            onDone();
          }}
        >
          Add standards set
        </button>
      </div>
    </div>
  );
}

function FieldMap({ field, headers, value, onChange }: { field: StandardsCsvField; headers: string[]; value: number | null; onChange: (v: string) => void }) {
  const id = `csv-map-${field}`;
  return (
    <>
      <label htmlFor={id}>{STANDARDS_CSV_FIELD_LABELS[field]}</label>
      <select id={id} className="input" value={value === null ? '' : String(value)} onChange={(e) => onChange(e.target.value)}>
        <option value="">— none —</option>
        {headers.map((h, i) => (
          <option key={i} value={i}>
            {h || `Column ${i + 1}`}
          </option>
        ))}
      </select>
    </>
  );
}
