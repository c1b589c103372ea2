import { importCaseFramework } from '../case/import';
import { isCasePackageLike } from '../case/read';
import { looksLikeCsv } from '../csv/importCsv';
import { notTextProblem } from '../csv/notCsv';
import { isFrameworkEnvelope, loadFrameworkValue, type LoadProblem } from '../format/frameworkFile';
import { parseJson } from '../format/json';
import type { FrameworkRecordLists } from '../model/recordLists';
import type { Framework } from '../model/types';
import { fail, ok, type Result } from '../result';

/** Input formats the CLI and the app read as a framework. */
export type InputFormat = 'progressions' | 'case-1.0' | 'case-1.1';

export interface ReadOutcome {
  format: InputFormat;
  framework: Framework;
  /** What the reader accepted, converted or ignored (an import report); empty for our own files. */
  notes: string[];
  /** Our own files: the large records as the schema check enumerated them (see `LoadedFramework.lists`). */
  lists?: FrameworkRecordLists;
}

/**
 * Reads a framework from text in any supported format, detected from the content (not the file name):
 * a Progressions framework file, or a CASE 1.0 / 1.1 package.
 */
export function readFrameworkAny(text: string): Result<ReadOutcome, LoadProblem> {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    // a workbook, UTF-16 or binary file: say what it is and how to save it as CSV, not where the JSON broke
    const notText = parsed.error.code === 'not-json' ? notTextProblem(text) : null;
    if (notText) {
      // Binary data is no spreadsheet either: say what was expected here, not how to save a CSV.
      const message = notText.code === 'binary' ? 'This file is not text (it holds binary data): expected a Progressions framework file or a CASE package, which are JSON text.' : notText.message;
      return fail(notText.code, message);
    }
    if (parsed.error.code === 'not-json' && looksLikeCsv(text)) {
      return fail(
        'csv-input',
        'This is a CSV file, not a framework file or CASE package. Convert it first with `progressions import <file.csv> -o <framework.json>` (or File ▸ Import in the app).',
      );
    }
    return parsed;
  }
  const value = parsed.value;
  if (isFrameworkEnvelope(value)) {
    const loaded = loadFrameworkValue(value);
    if (!loaded.ok) return loaded;
    const notes = loaded.value.migrated.map((m) => `upgraded: ${m}`);
    return ok({ format: 'progressions', framework: loaded.value.framework, notes, lists: loaded.value.lists });
  }
  if (isCasePackageLike(value)) {
    // CASE 1.1 when caseVersion is "1.1" or any 1.1-only field is present, else 1.0.
    const imported = importCaseFramework(value);
    if (!imported.ok) return imported;
    const { version, framework, notes } = imported.value;
    return ok({ format: version === '1.1' ? 'case-1.1' : 'case-1.0', framework, notes });
  }
  return fail(
    'unsupported-format',
    'Not a supported format: expected a Progressions framework file ("format": "progressions.framework") or a CASE package (with "CFDocument").',
    { path: '/' },
  );
}

