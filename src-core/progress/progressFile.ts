import { isCasePackageLike } from '../case/read';
import { validateProgressV1 } from '../generated/progressV1Validator.js';
import { parseFileText } from '../format/json';
import { describedMismatch, schemaProblems, type LoadProblem, type SchemaProblem } from '../format/schemaErrors';
import type { ProblemLocation } from '../format/schemaLocation';
import { fail, ok, type Problem, type Result } from '../result';
import { FORMAT_NAME } from '../model/types';
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
  // Files people pick here by mistake: say what they are and where they go.
  if (env.format === undefined && isCasePackageLike(env)) {
    return fail(
      'not-progress',
      'This is a CASE package (standards), not a progress file. Import it with Import ▸ CASE package (or `progressions import <file>`); progress comes from a CSV (learner, competency, phase, date) or a progress file saved from the Learners panel.',
      { path: '/' },
    );
  }
  if (env.format === FORMAT_NAME) {
    return fail(
      'not-progress',
      'This is a Progressions framework file, not a progress file: open it with Open…. Progress comes from a CSV (learner, competency, phase, date) or a progress file saved from the Learners panel.',
      { path: '/format' },
    );
  }
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
    const problems = schemaProblems(validateProgressV1.errors, '', locateInProgressFile(value), value);
    // the schema's date pattern, in words
    for (const p of problems) if (p.message.startsWith('must match ^\\d{4}-\\d{2}-\\d{2}')) p.message = 'must be a date written YYYY-MM-DD';
    return withDetails(problems, 'schema');
  }
  const file = value as unknown as ProgressFile;
  const locate = locateInProgressFile(value);
  const problems: SchemaProblem[] = [];
  const at = (problem: Problem & { path: string }): SchemaProblem => ({ ...problem, ...locate(problem.path) });
  const learnerIds = new Map<string, number>();
  file.learners.forEach((l, i) => {
    const first = learnerIds.get(l.id);
    if (first !== undefined) {
      problems.push(at({ code: 'duplicate-learner', message: `"${l.id}" is also the id of learner ${first + 1}; learner ids must be unique`, path: `/learners/${i}/id` }));
    } else learnerIds.set(l.id, i);
  });
  file.records.forEach((r, i) => {
    if (!learnerIds.has(r.learnerId)) {
      problems.push(at({ code: 'unknown-learner', message: `"${r.learnerId}" is not one of the file's learners`, path: `/records/${i}/learnerId` }));
    }
    if (!isIsoDate(r.date)) {
      problems.push(at({ code: 'bad-date', message: `"${r.date}" is not a real calendar date`, path: `/records/${i}/date` }));
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

function withDetails(details: SchemaProblem[], code: string): { ok: false; error: LoadProblem } {
  return describedMismatch(details, 'progress file', code === 'schema' ? 'schema' : (details[0]?.code ?? code));
}

const RECORD_FIELDS: Record<string, string> = { learnerId: 'learner', competencyId: 'competency', phaseId: 'phase', date: 'date', evidence: 'evidence' };

/**
 * Where a JSON pointer into a progress file points, in words: `record 4 (learner "maya", 2026-01-10)` and
 * `date`, `learner 2 ("leo")` and `id`. The file failed a check, so every read is defensive; never throws.
 */
export function locateInProgressFile(value: unknown): (pointer: string) => ProblemLocation {
  const file = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const item = (list: string, i: number): Record<string, unknown> | undefined => {
    const l = Object.prototype.hasOwnProperty.call(file, list) ? file[list] : undefined;
    const v = Array.isArray(l) ? l[i] : undefined;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  };
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return (pointer) => {
    const [, list, index, field] = pointer.split('/');
    const i = Number(index);
    if ((list === 'records' || list === 'learners') && Number.isInteger(i) && i >= 0) {
      const it = item(list, i);
      if (list === 'records') {
        const who = str(it?.learnerId);
        const when = str(it?.date);
        const about = [who !== undefined ? `learner "${who}"` : '', when ?? ''].filter(Boolean).join(', ');
        const where = `record ${i + 1}${about ? ` (${about})` : ''}`;
        return field ? { where, field: RECORD_FIELDS[field] ?? field } : { where };
      }
      const id = str(it?.id);
      const where = `learner ${i + 1}${id !== undefined ? ` ("${id}")` : ''}`;
      return field ? { where, field } : { where };
    }
    if (list === 'frameworkId') return { where: 'the file', field: 'framework id' };
    if (list === 'records' || list === 'learners') return { where: `the file's ${list}` };
    return { where: 'the file' };
  };
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
