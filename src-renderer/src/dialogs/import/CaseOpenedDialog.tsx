import { useCallback } from 'react';
import { formatCaseReport } from '../../../../src-core/case';
import { openDialog } from '../dialogState';
import { FindingList, Modal } from '../Modal';
import type { CaseImportOutcome } from './caseImport';
import { CaseReportSummary } from './ImportDialog';

const where = (e: { message: string; count: number; path: string }) => `${e.message}${e.count > 1 ? ` — ${e.count} times, first at ${e.path}` : ` — at ${e.path}`}`;

/**
 * The import report of a CASE package opened directly (Open…, Open Recent, a drop, the OS, `?open=`):
 * the same report Import ▸ CASE package shows before "Open as a new framework" — what was read, what was
 * accepted and converted, what was left out and why, the mapping's notes — and that the framework is a
 * new document, not the package: Save asks where to keep it.
 */
export function CaseOpenedDialog({ fileName, outcome }: { fileName: string; outcome: CaseImportOutcome }) {
  const close = useCallback(() => openDialog(null), []);
  const { report } = outcome;
  const reportLines = formatCaseReport(report).slice(1);
  const fw = outcome.framework.ok ? outcome.framework : null;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    <Modal title="CASE package opened as a framework" onClose={close} testId="case-opened">
      <div data-testid="case-report">
        <h3 className="pub-h3">
          {outcome.title} <span className="pill">CASE {outcome.version}</span>
        </h3>
        <p data-testid="case-opened-what">
          {fileName} is a CASE package, so it was imported as a new framework
          {fw
            ? ` (${count(Object.keys(fw.framework.competencies).length, 'competency', 'competencies')}, ${count(fw.framework.prerequisites.size, 'prerequisite link', 'prerequisite links')}, ${count(fw.framework.domains.length, 'domain', 'domains')})`
            : ''}
          . It is not saved yet: Save asks where to keep it as a Progressions file, and the package itself is never changed.
        </p>
        <CaseReportSummary report={report} />
        <FindingList title="Accepted (converted)" items={report.accepted.map(where)} tone="info" />
        <FindingList title="Ignored, and why" items={report.ignored.map(where)} tone="warning" />
        {reportLines.length === 0 && <p className="muted small">Everything in the package was read as is.</p>}
        {fw && <FindingList title="Notes on the mapping" items={fw.notes.filter((n) => !reportLines.includes(n) && !n.startsWith('read '))} />}
      </div>
      <div className="pub-foot">
        <button className="btn btn-primary" onClick={close} data-testid="case-opened-ok">
          OK
        </button>
      </div>
    </Modal>
  );
}
