import { v5 as uuidv5 } from 'uuid';
import { createFramework } from '../model/defaults';
import type { FrameworkId, PhaseId } from '../model/ids';
import type { Framework } from '../model/types';
import { fail, ok, type Result } from '../result';
import { readCompetencyCsv } from './competencyCsv';
import { isBlankRow, parseCsv } from './papa';
import { readStandardsCsv } from './standardsCsv';

/**
 * One entry point for "import a CSV file as a framework" (the CLI `import` command, the app's
 * File › Import): a competency spreadsheet becomes the framework's competencies; any other CSV is
 * read as a standards set (OpenSALT layouts or recognisable headers, no mapping step) in a new,
 * empty framework.
 */

/** A competency spreadsheet, or a standards list. */
export type CsvKind = 'competencies' | 'standards';

/** A CSV read as a framework, with what kind of CSV it was. */
export interface CsvFrameworkImport {
  kind: CsvKind;
  framework: Framework;
  /** Row problems, 1-based spreadsheet rows (header = row 1). */
  rowErrors: { row: number; severity: 'error' | 'warning'; message: string }[];
  /** The import report, one line each. */
  notes: string[];
}

/** Options of `importCsvAsFramework`. */
export interface CsvImportOptions {
  /** Title of the new framework (and of the standards set); defaults to the source name. */
  title?: string;
  /** File name or URL, recorded as the standards set's source. */
  source?: string;
  /** Force the kind instead of detecting it from the headers. */
  kind?: CsvKind;
  /** The framework's id; by default derived from the kind and the title (see importCsvAsFramework). */
  id?: string;
}

/** Namespace of the UUID v5 ids of a CSV import (framework, standards set, default phases). */
export const CSV_IMPORT_NAMESPACE = 'c3a7e1d2-5b6f-4a8e-9d0c-7e2f1a3b4c5d';

/** Headers only the competency spreadsheet has (compared lower-case, letters and digits only). */
const COMPETENCY_MARKERS = ['ican', 'prerequisites', 'alignments', 'evidencetypes', 'estimatedhours', 'thresholddescriptor', 'domaincode'];

/**
 * True when text is not JSON (our files and CASE packages are JSON objects) but has a delimited
 * header row: the cheap content check the CLI `import` command uses to pick the CSV reader.
 */
export function looksLikeCsv(text: string): boolean {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t === '' || t.startsWith('{') || t.startsWith('[')) return false;
  const header = parseCsv(t.slice(0, 4096)).rows.find((r) => !isBlankRow(r)) ?? [];
  return header.length >= 2;
}

/** Which kind of CSV this is, from its header row. */
export function detectCsvKind(text: string): CsvKind {
  const rows = parseCsv(text).rows;
  const header = rows.find((r) => !isBlankRow(r)) ?? [];
  const norm = header.map((h) => h.toLowerCase().replace(/[^a-z0-9]/g, ''));
  const competency =
    norm.some((h) => COMPETENCY_MARKERS.includes(h)) ||
    header.some((h) => /^\s*(phase|indicators):/i.test(h));
  return competency ? 'competencies' : 'standards';
}

/** Reads a competency or standards CSV as a framework (see the module comment). */
export function importCsvAsFramework(text: string, options: CsvImportOptions = {}): Result<CsvFrameworkImport> {
  const source = options.source ?? 'CSV file';
  const title = options.title ?? source.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
  const kind = options.kind ?? detectCsvKind(text);
  // Ids from the file's name: importing an updated sheet again keeps the ids of what did not change (a
  // standard keeps its id, so alignments to it hold), and the same sheet gives the same file.
  const id = options.id ?? uuidv5(`csv-import\n${kind}\n${title}`, CSV_IMPORT_NAMESPACE);
  if (kind === 'competencies') {
    const r = readCompetencyCsv(text, { title, id });
    if (!r.ok) return r;
    // Nothing read is input that cannot be understood (as a standards CSV without a standard is), not an
    // empty framework written with exit 0 for a pipeline to publish.
    if (Object.keys(r.value.framework.competencies).length === 0) {
      const first = r.value.rowErrors.find((e) => e.severity === 'error');
      return fail(
        'no-competencies',
        `No competency could be read from the CSV: ${first ? `every row has a problem; the first, row ${first.row}: ${first.message}.` : 'it has a header but no row below it.'}`,
        { path: `row ${first?.row ?? 2}` },
      );
    }
    return ok({ kind, framework: r.value.framework, rowErrors: r.value.rowErrors, notes: r.value.notes });
  }
  const r = readStandardsCsv(text, undefined, { title, source, id: uuidv5(`${id}\nstandards-set`, CSV_IMPORT_NAMESPACE) });
  if (!r.ok) {
    return r.error.code === 'no-mapping'
      ? fail(
          'no-mapping',
          `${r.error.message} A competency spreadsheet needs a "Statement" or "Code" column; a standards CSV needs a statement column (e.g. "fullStatement", "Statement", "Standard").`,
          { path: r.error.path },
        )
      : r;
  }
  const framework = createFramework({ id: id as FrameworkId, title });
  framework.phases = framework.phases.map((p, i) => ({ ...p, id: uuidv5(`${id}\nphase\n${i + 1}`, CSV_IMPORT_NAMESPACE) as PhaseId }));
  framework.standardsSets[r.value.set.id] = r.value.set;
  return ok({ kind, framework, rowErrors: r.value.rowErrors, notes: r.value.report.notes });
}
