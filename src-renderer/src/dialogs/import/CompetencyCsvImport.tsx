import { useState } from 'react';
import type { TextEncodingName } from '../../../../src-core/format/decodeText';
import { readCompetencyCsv, type CompetencyCsvImport as Read } from '../../../../src-core/csv/competencyCsv';
import { confirmDiscard } from '../../app/documents';
import { autoLayout } from '../../layout/autoLayout';
import { useStore } from '../../store/useEditor';
import { Icon } from '../../ui/Icon';
import { host } from '../dialogState';
import { Busy, FindingList } from '../Modal';
import { EncodingNotice } from './EncodingNotice';

/**
 * Competencies from CSV (the spreadsheet the Competencies CSV export writes, or one made by hand with
 * at least a Code or Statement column): opened as a new framework, with row errors listed.
 */
export function CompetencyCsvImport({ onDone }: { onDone: () => void }) {
  const store = useStore();
  const [file, setFile] = useState<string | null>(null);
  const [encoding, setEncoding] = useState<TextEncodingName | undefined>(undefined);
  const [read, setRead] = useState<Read | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async () => {
    setError(null);
    const picked = await host().pickImport({ accept: ['csv', 'tsv', 'txt'], title: 'Import competencies from CSV' });
    if (!picked.ok) return setError(picked.error.message);
    if (!picked.value) return;
    setBusy(true);
    await new Promise((r) => setTimeout(r, 20));
    const r = readCompetencyCsv(picked.value.text, { title: picked.value.name.replace(/\.(csv|tsv|txt)$/i, '') });
    setBusy(false);
    setFile(picked.value.name);
    setEncoding(picked.value.encoding);
    if (!r.ok) {
      setRead(null);
      return setError(`Could not read ${picked.value.name}: ${r.error.message}`);
    }
    setRead(r.value);
  };

  const errors = read?.rowErrors.filter((e) => e.severity === 'error') ?? [];
  const warnings = read?.rowErrors.filter((e) => e.severity === 'warning') ?? [];
  return (
    <div data-testid="competency-csv-import">
      <p className="muted">A spreadsheet with one competency per row (as the Competencies CSV export writes it): code, statement, “I can”, domain, levels, prerequisites by code. It opens as a new framework.</p>
      <button className="btn btn-primary" onClick={() => void pick()} disabled={busy} data-testid="pick-competency-csv">
        <Icon name="open" /> Choose a CSV file…
      </button>
      {busy && <Busy>Reading the CSV file…</Busy>}
      {error && (
        <div className="pub-error" role="alert" data-testid="import-error">
          {error}
        </div>
      )}
      {read && (
        <div data-testid="competency-csv-report">
          <div className="pub-summary">
            <span>
              <b>{file}</b>
            </span>
            <span>
              <b>{Object.keys(read.framework.competencies).length}</b> {Object.keys(read.framework.competencies).length === 1 ? 'competency' : 'competencies'}
            </span>
            <span>
              <b>{read.framework.prerequisites.size}</b> prerequisite {read.framework.prerequisites.size === 1 ? 'link' : 'links'}
            </span>
            <span>
              <b>{read.framework.domains.length}</b> {read.framework.domains.length === 1 ? 'domain' : 'domains'}
            </span>
            <span className={errors.length ? 'pub-row-errors' : undefined}>
              <b>{errors.length}</b> row {errors.length === 1 ? 'error' : 'errors'}
            </span>
            {warnings.length > 0 && (
              <span>
                <b>{warnings.length}</b> row {warnings.length === 1 ? 'warning' : 'warnings'}
              </span>
            )}
          </div>
          <EncodingNotice encoding={encoding} />
          {/* Errors and warnings apart, so the count in the summary matches the list under it. */}
          <FindingList title="Row errors" tone="error" items={errors.map((e) => `Row ${e.row}: ${e.message}`)} />
          <FindingList title="Row warnings" tone="warning" items={warnings.map((e) => `Row ${e.row}: ${e.message}`)} />
          <FindingList title="Import report" items={read.notes} />
        </div>
      )}
      <div className="pub-foot">
        <button className="btn" onClick={onDone}>
          Cancel
        </button>
        <button
          className="btn btn-primary"
          disabled={!read}
          data-testid="import-apply"
          onClick={async () => {
            if (!read || !(await confirmDiscard(store))) return;
            const name = (file ?? 'competencies.csv').replace(/\.(csv|tsv|txt)$/i, '');
            store.load({ framework: read.framework, name: `${name}.json`, docToken: null }, { dirty: true });
            store.notify('info', `Opened ${Object.keys(read.framework.competencies).length} competencies from ${file} as a new framework (not saved yet), laid out by prerequisites.`);
            // A spreadsheet has no places for its cards: lay them out by prerequisites in domain lanes
            // (one undo step), not in a grid in row order with every domain's lane across the others.
            void autoLayout(store);
            onDone();
          }}
        >
          Open framework
        </button>
      </div>
    </div>
  );
}
