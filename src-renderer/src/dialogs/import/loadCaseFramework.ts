import type { Framework } from '../../../../src-core/model/types';
import { autoLayout } from '../../layout/autoLayout';
import type { EditorStore } from '../../store/editorStore';
import type { CaseImportOutcome } from './caseImport';

/**
 * Puts the framework mapped from a CASE package in the window as a new document without a file, not
 * saved yet (Save asks where: the package is never written over). Import ▸ CASE package "as a framework"
 * and opening a package directly (Open…, a drop, `?open=`) both come here.
 */
export function loadCaseFramework(store: EditorStore, outcome: CaseImportOutcome, framework: Framework, name: string): void {
  store.load({ framework, name, docToken: null }, { dirty: true });
  // A package from another publisher has no places for its items (Progressions' own keep theirs in
  // extensions): lay them out by prerequisites in domain lanes (one undo step), not in a grid in package order.
  const place = !outcome.ours;
  store.notify('info', `Opened “${outcome.title}” from CASE ${outcome.version} as a new framework (not saved yet)${place ? ', laid out by prerequisites' : ''}.`);
  if (place) void autoLayout(store);
}
