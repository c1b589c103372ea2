import { validateProgressV1 } from '../generated/progressV1Validator.js';
import { parseFileText } from '../format/json';
import { formatMismatch, schemaProblems, type LoadProblem } from '../format/schemaErrors';
import { fail, ok, type Problem, type Result } from '../result';
import { isIsoDate } from './dates';
import {
  CURRENT_PROGRESS_FORMAT_VERSION,
  PROGRESS_FORMAT_NAME,
  type Progress,
  type ProgressFile,
} from './types';

/** True when a parsed value looks like a progress file (used for format detection). */
export function isProgressEnvelope(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === PROGRESS_FORMAT_NAME;
}

/**
 * Checks a parsed value against `progress.v1.schema.json` and the rules the schema cannot say:
 * learner ids are unique, every record names a listed learner, every date is a real calendar date.
 * Every failure is a value with a JSON pointer (`/records/3/date`); `details` lists all problems.
 */
export function loadProgressValue(value: unknown): Result<Progress, LoadProblem> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('not-progress', `This JSON is not a Progressions progress file (expected an object with "format": "${PROGRESS_FORMAT_NAME}").`, { path: '/' });
  }
  const env = value as Record<string, unknown>;
  if (env.format !== PROGRESS_FORMAT_NAME) {
    return fail(
      'not-progress',
      env.format === undefined
        ? 'This JSON is not a Progressions progress file: it has no "format" property.'
        : `This JSON is not a Progressions progress file: "format" is ${JSON.stringify(env.format)}, expected "${PROGRESS_FORMAT_NAME}".`,
      { path: '/format' },
    );
  }
  if (typeof env.formatVersion === 'number' && env.formatVersion > CURRENT_PROGRESS_FORMAT_VERSION) {
    return fail(
      'too-new',
      `This progress file has format version ${env.formatVersion}, newer than this version of Progressions reads (${CURRENT_PROGRESS_FORMAT_VERSION}). Update Progressions to open it.`,
      { path: '/formatVersion' },
    );
  }
  if (!validateProgressV1(value)) {
    return withDetails(schemaProblems(validateProgressV1.errors), 'schema');
  }
  const file = value as unknown as ProgressFile;
  const problems: Problem[] = [];
  const learnerIds = new Set<string>();
  file.learners.forEach((l, i) => {
    if (learnerIds.has(l.id)) {
      problems.push({ code: 'duplicate-learner', message: `learner id "${l.id}" is listed twice`, path: `/learners/${i}/id` });
    }
    learnerIds.add(l.id);
  });
  file.records.forEach((r, i) => {
    if (!learnerIds.has(r.learnerId)) {
      problems.push({ code: 'unknown-learner', message: `learner "${r.learnerId}" is not in "learners"`, path: `/records/${i}/learnerId` });
    }
    if (!isIsoDate(r.date)) {
      problems.push({ code: 'bad-date', message: `"${r.date}" is not a calendar date`, path: `/records/${i}/date` });
    }
  });
  if (problems.length) return withDetails(problems, 'invalid');
  return ok({
    frameworkId: file.frameworkId,
    frameworkTitle: file.frameworkTitle ?? '',
    learners: file.learners.map((l) => ({ id: l.id, name: l.name })),
    records: file.records.map((r) => ({ ...r })),
  });
}

function withDetails(details: Problem[], code: string): { ok: false; error: LoadProblem } {
  return formatMismatch(details, 'progress', code === 'schema' ? 'schema' : undefined);
}

/** Parses and loads a progress file's text. */
export function loadProgressText(text: string): Result<Progress, LoadProblem> {
  const parsed = parseFileText(text);
  if (!parsed.ok) return parsed;
  return loadProgressValue(parsed.value);
}

/** The envelope for progress at the current format version. */
export function toProgressFile(progress: Progress): ProgressFile {
  return {
    format: PROGRESS_FORMAT_NAME,
    formatVersion: CURRENT_PROGRESS_FORMAT_VERSION,
    frameworkId: progress.frameworkId,
    frameworkTitle: progress.frameworkTitle,
    learners: progress.learners,
    records: progress.records,
  };
}

/** The file text as saved: pretty-printed JSON with a final newline. */
export function serializeProgress(progress: Progress): string {
  return JSON.stringify(toProgressFile(progress), null, 2) + '\n';
}
