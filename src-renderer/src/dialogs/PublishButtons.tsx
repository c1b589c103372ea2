import type { HostApi } from '../../../src-core/host/contract';
import { Icon } from '../ui/Icon';
import { openDialog, useOpenDialog } from './dialogState';
import { ExportDialog } from './export/ExportDialog';
import { ImportDialog } from './import/ImportDialog';

/** The toolbar's Import… and Export… buttons, and the dialog they open (also opened from the menu). */
export function PublishButtons(_: { host?: HostApi }) {
  const open = useOpenDialog();
  return (
    <>
      <button className="tb-btn tb-text" onClick={() => openDialog({ kind: 'import', mode: 'case' })} title="Import a CASE package or a standards CSV" data-testid="open-import">
        <Icon name="open" /> Import…
      </button>
      <button className="tb-btn tb-text" onClick={() => openDialog({ kind: 'export' })} title="Export: CASE, JSON, CSV, Moodle, Canvas, image, printable map" data-testid="open-export">
        <Icon name="save" /> Export…
      </button>
      {open?.kind === 'import' && <ImportDialog mode={open.mode} />}
      {open?.kind === 'export' && <ExportDialog format={open.format} />}
    </>
  );
}
