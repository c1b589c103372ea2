import { caseToStandardsSet, importCaseFramework, readCasePackage, type CaseImportReport } from '../../../../src-core/case';
import type { CaseVersion } from '../../../../src-core/case/types';
import { parseJson } from '../../../../src-core/format/json';
import { looksLikeCsv } from '../../../../src-core/csv/importCsv';
import { FORMAT_NAME, type Framework, type StandardsSet } from '../../../../src-core/model/types';
import type { LoadProblem } from '../../../../src-core/format/schemaErrors';
import type { Problem } from '../../../../src-core/result';

/** Everything the import dialog needs from a CASE package, computed off the UI thread. */
export interface CaseImportOutcome {
  version: CaseVersion;
  title: string;
  /** True when the package came from Progressions (it carries our `extensions.progressions`). */
  ours: boolean;
  report: CaseImportReport;
  /** The package as a read-only standards set, with the mapping's notes. */
  set: StandardsSet;
  setNotes: string[];
  /** The package as a framework (or why it cannot be one: every schema problem of the mapped framework in `details`), with the mapping's notes. */
  framework: { ok: true; framework: Framework; notes: string[] } | { ok: false; error: LoadProblem };
}

export type CaseImportReply =
  | { type: 'progress'; id: number; stage: string }
  | { type: 'done'; id: number; result: { ok: true; value: CaseImportOutcome } | { ok: false; error: Problem } };

/** Parses and maps a CASE package (the worker runs this; also the fallback on the UI thread). */
export function runCaseImport(text: string, name: string, progress: (stage: string) => void = () => {}): { ok: true; value: CaseImportOutcome } | { ok: false; error: Problem } {
  progress('Reading JSON…');
  const parsed = parseJson(text);
  // The message already says "Not valid JSON at line L, column C"; no path, so the dialog does not repeat it.
  if (!parsed.ok) {
    // A CSV picked here: send it to the CSV tabs rather than report "Not valid JSON at line 1, column 1".
    if (parsed.error.code === 'not-json' && looksLikeCsv(text)) {
      return { ok: false, error: { code: 'not-case', message: 'This looks like a CSV file, not a CASE package (JSON): import it from the Standards CSV or Competencies CSV tab.' } };
    }
    return { ok: false, error: { code: parsed.error.code, message: parsed.error.message } };
  }
  if (typeof parsed.value === 'object' && parsed.value !== null && (parsed.value as { format?: unknown }).format === FORMAT_NAME) {
    return {
      ok: false,
      error: {
        code: 'not-case',
        message: 'This is a Progressions framework file, not a CASE package. Open it with Open… (Ctrl/Cmd+O); to align to standards, import a CASE package or a standards CSV.',
      },
    };
  }
  progress('Reading the CASE package…');
  const read = readCasePackage(parsed.value);
  if (!read.ok) return read;
  const { pkg, report, version } = read.value;
  progress('Building the standards tree…');
  const setNotes: string[] = [];
  const set = caseToStandardsSet(pkg, { source: name, notes: setNotes });
  progress('Mapping competencies…');
  const fw = importCaseFramework(parsed.value);
  const ext = pkg.CFDocument.extensions as Record<string, unknown> | undefined;
  // A package without a title (accepted as ""): the report, the set and the framework take the file's name.
  if (fw.ok && fw.value.framework.title.trim() === '') fw.value.framework.title = set.title;
  return {
    ok: true,
    value: {
      version,
      title: pkg.CFDocument.title.trim() !== '' ? pkg.CFDocument.title : set.title,
      ours: !!ext && typeof ext.progressions === 'object' && ext.progressions !== null,
      report,
      set,
      setNotes,
      framework: fw.ok ? { ok: true, framework: fw.value.framework, notes: fw.value.notes } : { ok: false, error: fw.error },
    },
  };
}

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: Extract<CaseImportReply, { type: 'done' }>['result']) => void; progress: (s: string) => void }>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./caseImport.worker.ts', import.meta.url), { type: 'module', name: 'case-import' });
    worker.onmessage = (e: MessageEvent<CaseImportReply>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      if (e.data.type === 'progress') p.progress(e.data.stage);
      else {
        pending.delete(e.data.id);
        p.resolve(e.data.result);
      }
    };
    worker.onerror = (e) => {
      for (const p of pending.values()) p.resolve({ ok: false, error: { code: 'worker-failed', message: `Reading the package failed: ${e.message || 'the import worker stopped'}.` } });
      pending.clear();
      worker = null;
    };
  } catch {
    worker = null;
  }
  return worker;
}

/**
 * Reads a CASE package in a Web Worker so a 4 MB package never freezes the window; falls back to
 * the UI thread (after letting the progress indicator paint) where workers are unavailable.
 */
export function importCaseInBackground(text: string, name: string, progress: (stage: string) => void): Promise<Extract<CaseImportReply, { type: 'done' }>['result']> {
  const w = getWorker();
  if (!w) {
    return new Promise((resolve) => setTimeout(() => resolve(runCaseImport(text, name, progress)), 30));
  }
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve, progress });
    w.postMessage({ id, text, name });
  });
}
