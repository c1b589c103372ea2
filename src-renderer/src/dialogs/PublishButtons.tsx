import { Icon } from '../ui/Icon';
import { openDialog, useOpenDialog } from './dialogState';
import { ExportDialog } from './export/ExportDialog';
import { CaseOpenedDialog } from './import/CaseOpenedDialog';
import { ImportDialog } from './import/ImportDialog';

/** The toolbar's Import and Export buttons, and the dialog they open (also opened from the menu). */
export function PublishButtons() {
  const open = useOpenDialog();
  return (
    <>
      <button className="tb-btn tb-overflow-2" onClick={() => openDialog({ kind: 'import', mode: 'case' })} title="Import standards or a framework: CASE package, standards CSV, competencies CSV" aria-label="Import…" data-testid="open-import">
        <Icon name="import" />
        <span className="tb-touch-label">Import</span>
      </button>
      <button className="tb-btn tb-overflow-2" onClick={() => openDialog({ kind: 'export' })} title="Export: CASE, JSON, CSV, Moodle, Canvas, image, printable map" aria-label="Export…" data-testid="open-export">
        <Icon name="export" />
        <span className="tb-touch-label">Export</span>
      </button>
      {open?.kind === 'import' && <ImportDialog mode={open.mode} />}
      {open?.kind === 'export' && <ExportDialog format={open.format} />}
      {open?.kind === 'case-opened' && <CaseOpenedDialog fileName={open.fileName} outcome={open.outcome} />}
    </>
  );
}
