import type { CompetencyId, PhaseId } from '../model/ids';

/**
 * Learner progress: which mastery phase each learner has demonstrated per competency, when, and
 * on what evidence. Kept in its own file (`progress.v1.schema.json`), never in the framework:
 * frameworks are published, progress is private.
 */

/** One learner (a student). `id` is the student-information system's id or any stable label. */
export interface Learner {
  id: string;
  /** Display name; equals the id when nothing better is known (e.g. after a CSV import). */
  name: string;
}

/**
 * One demonstration: `learnerId` showed `competencyId` at `phaseId` on `date`.
 * Ids refer to the framework (`Progress.frameworkId`); they are checked against it when used.
 */
export interface ProgressRecord {
  learnerId: string;
  competencyId: CompetencyId;
  phaseId: PhaseId;
  /** Calendar date, `YYYY-MM-DD` (a real date: checked on load). */
  date: string;
  /** Evidence note, e.g. "exit ticket 3, fraction strips"; may be empty. */
  evidence: string;
}

/**
 * The progress of one learner or a class on one framework. `records` keep every demonstration
 * (history matters for calibration); the current phase per learner × competency is the record with
 * the latest date, the later record winning on equal dates (see `currentPhases`).
 */
export interface Progress {
  /** Id of the framework the records refer to (the CASE CFDocument identifier for CASE packages). */
  frameworkId: string;
  /** The framework's title when saved, for people reading the file; may be empty. */
  frameworkTitle: string;
  /** Learners in display order; ids are unique. */
  learners: Learner[];
  records: ProgressRecord[];
}

/** The `format` value of every progress file. */
export const PROGRESS_FORMAT_NAME = 'progressions.progress' as const;
/** The newest progress format version this build reads and writes. */
export const CURRENT_PROGRESS_FORMAT_VERSION = 1;

/** The on-disk progress file: a flat envelope (see `schemas/progress.v1.schema.json`). */
export interface ProgressFile {
  format: typeof PROGRESS_FORMAT_NAME;
  formatVersion: number;
  frameworkId: string;
  frameworkTitle?: string;
  learners: Learner[];
  records: ProgressRecord[];
}

/** An empty progress document for a framework. */
export function createProgress(frameworkId: string, frameworkTitle = ''): Progress {
  return { frameworkId, frameworkTitle, learners: [], records: [] };
}
