import { openDialog, useOpenDialog } from './dialogState';
import { ExportDialog } from './export/ExportDialog';
import { CaseOpenedDialog } from './import/CaseOpenedDialog';
import { ImportDialog } from './import/ImportDialog';

/** A tray with an arrow in (import) or out (export), in the style of ui/Icon. */
function TrayIcon({ out }: { out?: boolean }) {
  return (
    <svg className="icon" width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d={out ? 'M12 15V4M7 9l5-5 5 5M4 16v4h16v-4' : 'M12 4v11M7 10l5 5 5-5M4 16v4h16v-4'} />
    </svg>
  );
}

/** The toolbar's Import and Export buttons, and the dialog they open (also opened from the menu). */
export function PublishButtons() {
  const open = useOpenDialog();
  return (
    <>
      <button className="tb-btn" onClick={() => openDialog({ kind: 'import', mode: 'case' })} title="Import standards or a framework: CASE package, standards CSV, competencies CSV" aria-label="Import…" data-testid="open-import">
        <TrayIcon />
      </button>
      <button className="tb-btn" onClick={() => openDialog({ kind: 'export' })} title="Export: CASE, JSON, CSV, Moodle, Canvas, image, printable map" aria-label="Export…" data-testid="open-export">
        <TrayIcon out />
      </button>
      {open?.kind === 'import' && <ImportDialog mode={open.mode} />}
      {open?.kind === 'export' && <ExportDialog format={open.format} />}
      {open?.kind === 'case-opened' && <CaseOpenedDialog fileName={open.fileName} outcome={open.outcome} />}
    </>
  );
}
