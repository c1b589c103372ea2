import { openDialog } from '../dialogs/dialogState';
import { importCaseInBackground } from '../dialogs/import/caseImport';
import { caseMappingProblemsText } from '../dialogs/import/CaseMappingProblems';
import { loadCaseFramework } from '../dialogs/import/loadCaseFramework';
import type { EditorStore } from '../store/editorStore';
import { problemLines } from './BannerProblems';

/**
 * Opens a CASE package as Import ▸ CASE package "Open as a new framework" does — the same mapping (in a
 * Web Worker), the same report — into a new document without a file, named after the package (its title,
 * or the file's name when it has none) and not saved yet: Save asks where, and never writes over the package.
 * The report is shown. A package that cannot be read or mapped is explained in the banner as Import explains
 * it, and the document open before stays.
 *
 * `ask` protects unsaved changes made while the package was being read (the caller asked about those
 * before). Resolves true when the framework was opened.
 */
export async function openCasePackage(store: EditorStore, text: string, fileName: string, ask: (store: EditorStore) => boolean | Promise<boolean>): Promise<boolean> {
  const before = store.getSnapshot().doc.revision;
  store.notify('info', `Reading the CASE package ${fileName}…`);
  const r = await importCaseInBackground(text, fileName, () => undefined);
  if (!r.ok) {
    store.setSession({ notice: null, banner: { text: `Could not import ${fileName}: ${r.error.message}${r.error.path ? ` (at ${r.error.path})` : ''}` } });
    return false;
  }
  const outcome = r.value;
  if (!outcome.framework.ok) {
    const problems = outcome.framework.error.details ?? [];
    store.setSession({
      notice: null,
      banner: problems.length
        ? {
            text: `Could not open ${fileName} as a framework: ${caseMappingProblemsText(problems.length)} It can still be added as a standards set with Import ▸ CASE package.`,
            problems: problemLines(problems),
          }
        : { text: `Could not open ${fileName} as a framework: ${outcome.framework.error.message}` },
    });
    return false;
  }
  // edited while the package was read: those changes are asked about too
  if (store.getSnapshot().doc.revision !== before && !(await ask(store))) return false;
  loadCaseFramework(store, outcome, outcome.framework.framework, outcome.title);
  openDialog({ kind: 'case-opened', fileName, outcome });
  return true;
}
