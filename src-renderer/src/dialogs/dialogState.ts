import { useSyncExternalStore } from 'react';
import type { HostApi } from '../../../src-core/host/contract';
import type { CaseImportOutcome } from './import/caseImport';

/**
 * Which publishing dialog is open: import (CASE or standards CSV), export (with a preselected format), or
 * the report of a CASE package just opened as a framework (Open…, a drop, `?open=`: `fileName` is the package's).
 */
export type OpenDialog =
  | { kind: 'import'; mode: 'case' | 'csv' | 'competencies' }
  | { kind: 'export'; format?: string }
  | { kind: 'case-opened'; fileName: string; outcome: CaseImportOutcome }
  | null;

let current: OpenDialog = null;
const listeners = new Set<() => void>();

/** Opens (or closes with null) the import / export dialog. */
export function openDialog(d: OpenDialog): void {
  current = d;
  for (const l of [...listeners]) l();
}

/** The open dialog, read outside React. */
export function currentDialog(): OpenDialog {
  return current;
}

/** The open dialog (React). */
export function useOpenDialog(): OpenDialog {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
    () => current,
  );
}

/** The host API installed for this window (Electron preload, browser or memory host). */
export function host(): HostApi {
  if (!window.host) throw new Error('no host installed');
  return window.host;
}

/**
 * Maps a menu command (`import:case`, `export:case-1.1`, …) to a dialog; false when it is not one of
 * ours. The native menu sends these; the toolbar's Import / Export buttons open the same dialogs.
 */
export function openDialogForCommand(command: string): boolean {
  if (command === 'import:case') openDialog({ kind: 'import', mode: 'case' });
  else if (command === 'import:standards-csv') openDialog({ kind: 'import', mode: 'csv' });
  else if (command === 'import:csv') openDialog({ kind: 'import', mode: 'competencies' });
  else if (command.startsWith('export:')) openDialog({ kind: 'export', format: command.slice('export:'.length) });
  else return false;
  return true;
}
