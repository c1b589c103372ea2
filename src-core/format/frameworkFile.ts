import { isCasePackageLike } from '../case/read';
import { looksLikeCsv } from '../csv/importCsv';
import { notTextProblem } from '../csv/notCsv';
import { acceptFrameworkV1, validateFrameworkV1 } from '../generated/frameworkV1Validator.js';
import type { FrameworkRecordLists } from '../model/recordLists';
import { fail, ok, type Problem, type Result } from '../result';
import { frameworkFromJson, frameworkToJson } from '../model/frameworkJson';
import { CURRENT_FORMAT_VERSION, FORMAT_NAME, type Framework, type FrameworkFile } from '../model/types';
import { parseFileText } from './json';
import { migrateFile } from './migrate';
import { describedMismatch, schemaProblems, type LoadProblem, type SchemaProblem } from './schemaErrors';
import { locateInFrameworkFile } from './schemaLocation';

export type { LoadProblem } from './schemaErrors';

export interface LoadedFramework {
  framework: Framework;
  /** The version the file had on disk (before migration). */
  formatVersion: number;
  /** Migration steps applied, if the file was older than this build. */
  migrated: string[];
  /**
   * The framework's competencies, prerequisites and alignments records as the schema check enumerated
   * them: hand them to `validateFramework` (`lists`), `buildPrerequisiteGraph` or `coverageListsFor`
   * together with `framework`, before anything changes it, to spare enumerating them again. Absent only if the
   * fast acceptor and ajv ever disagreed (then callers enumerate the records themselves).
   */
  lists?: FrameworkRecordLists;
}

/** True when a parsed value looks like our envelope (used for format detection). */
export function isFrameworkEnvelope(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === FORMAT_NAME;
}

/**
 * Checks a parsed value against the published schema, migrating older versions first.
 * Every failure is a value: not an envelope, newer version, schema errors with JSON pointers.
 */
export function loadFrameworkValue(value: unknown): Result<LoadedFramework, LoadProblem> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('not-framework', 'This JSON is not a Progressions framework file (expected an object with "format": "progressions.framework").', { path: '/' });
  }
  const env = value as Record<string, unknown>;
  if (env.format === undefined && isCasePackageLike(env)) {
    return fail(
      'not-framework',
      'This is a CASE package, not a Progressions framework file. Import it (Import ▸ CASE package, or `progressions import <file>`) to open it as a framework or add it as a standards set.',
      { path: '/' },
    );
  }
  if (env.format === 'progressions.progress') {
    return fail(
      'not-framework',
      'This is a learner progress file, not a framework file. Open the framework it belongs to, then load this file with Learners ▸ Import progress (or `progressions plan <framework> --progress <file>`).',
      { path: '/format' },
    );
  }
  if (env.format !== FORMAT_NAME) {
    return fail(
      'not-framework',
      env.format === undefined
        ? 'This JSON is not a Progressions framework file: it has no "format" property.'
        : `This JSON is not a Progressions framework file: "format" is ${JSON.stringify(env.format)}, expected "${FORMAT_NAME}".`,
      { path: '/format' },
    );
  }
  const migrated = migrateFile(env);
  if (!migrated.ok) return migrated;
  const file = migrated.value.file;
  // The fast acceptor enumerates the large records anyway: it hands their keys and values over.
  const lists: Partial<FrameworkRecordLists> = {};
  if (!acceptFrameworkV1(file, lists as Parameters<typeof acceptFrameworkV1>[1]) && !validateFrameworkV1(file)) {
    return describedMismatch(frameworkSchemaProblems(file), 'framework');
  }
  const complete = lists.competencies && lists.prerequisites && lists.alignments ? (lists as FrameworkRecordLists) : undefined;
  const framework = frameworkFromJson((file as unknown as FrameworkFile).framework, complete);
  return ok({
    framework,
    formatVersion: env.formatVersion as number,
    migrated: migrated.value.applied,
    lists: complete,
  });
}

/** Parses and loads a framework file's text. */
export function loadFrameworkText(text: string): Result<LoadedFramework, LoadProblem> {
  const parsed = parseFileText(text);
  if (!parsed.ok) {
    // A workbook or CSV picked to open: say what it is and where it goes, not "Not valid JSON at line 1, column 1".
    const notText = parsed.error.code === 'not-json' ? notTextProblem(text) : null;
    if (notText) return fail('not-framework', notText.message, { path: 'line 1' });
    if (parsed.error.code === 'not-json' && looksLikeCsv(text)) {
      return fail(
        'not-framework',
        'This looks like a CSV file, not a Progressions framework file (JSON). Bring standards or competencies in from a CSV with Import ▸ Standards CSV or Competencies CSV (or `progressions import <file>`); learner progress with Learners ▸ Import progress.',
        { path: 'line 1' },
      );
    }
    return parsed;
  }
  return loadFrameworkValue(parsed.value);
}

/** The envelope for a framework at the current format version. */
export function toFrameworkFile(framework: Framework): FrameworkFile {
  return { format: FORMAT_NAME, formatVersion: CURRENT_FORMAT_VERSION, framework: frameworkToJson(framework) };
}

/** The file text as saved: pretty-printed JSON with a final newline. */
export function serializeFramework(framework: Framework): string {
  return JSON.stringify(toFrameworkFile(framework), null, 2) + '\n';
}

/**
 * Runs the schema check on a framework (e.g. before export) and returns its problems, each saying
 * where it is in words as well as by JSON pointer (`describeProblem`).
 */
export function schemaCheckFramework(framework: Framework): SchemaProblem[] {
  const file = toFrameworkFile(framework);
  return validateFrameworkV1(file) ? [] : frameworkSchemaProblems(file);
}

/** The problems ajv found in a framework file (just checked with `validateFrameworkV1`), placed in words. */
function frameworkSchemaProblems(file: unknown): SchemaProblem[] {
  return schemaProblems(validateFrameworkV1.errors, '', (pointer) => locateInFrameworkFile(file, pointer), file);
}

