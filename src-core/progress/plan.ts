import type { CompetencyId } from '../model/ids';
import type { Framework } from '../model/types';
import { learnerStatuses, type BlockedCompetency, type LearnerStatus } from './mastery';
import { suggestedSequence } from './sequence';
import type { Progress } from './types';

/**
 * One learner's plan, exactly as `progressions plan --json` prints it (a stable contract for
 * student-information systems, documented in the README). Ids are the framework's competency ids,
 * which are the CASE identifiers when the framework was read from a CASE package.
 */
export interface LearnerPlan {
  id: string;
  mastered: CompetencyId[];
  ready: CompetencyId[];
  blocked: BlockedCompetency[];
  /** Suggested sequence of every competency not yet mastered, ready-next first. */
  sequence: CompetencyId[];
}

/** The whole `plan --json` output: `{ "learners": [ … ] }`. */
export interface PlanReport {
  learners: LearnerPlan[];
}

/** Competencies held back by a prerequisite cycle, per learner, for a warning beside the plan. */
export interface PlanOutcome {
  report: PlanReport;
  /** Learner id → competencies no sequence can reach (on or behind a cycle); only non-empty entries. */
  unreachable: Record<string, CompetencyId[]>;
  /** The full status behind each plan (current phases, in progress), same order as `report.learners`. */
  statuses: LearnerStatus[];
}

/**
 * Plans for the given learners (default: every learner of the progress, in its order). The
 * `blocked` entries carry exactly the keys `id` and `missing`, so the JSON matches the contract.
 */
export function planLearners(fw: Framework, progress: Progress, learnerIds: readonly string[] = progress.learners.map((l) => l.id)): PlanOutcome {
  const statuses = learnerStatuses(fw, progress, learnerIds);
  const unreachable: Record<string, CompetencyId[]> = {};
  const learners = statuses.map((s) => {
    const seq = suggestedSequence(fw, new Set(s.mastered));
    if (seq.unreachable.length) unreachable[s.learnerId] = seq.unreachable;
    return {
      id: s.learnerId,
      mastered: s.mastered,
      ready: s.ready,
      blocked: s.blocked.map((b) => ({ id: b.id, missing: b.missing })),
      sequence: seq.order,
    };
  });
  return { report: { learners }, unreachable, statuses };
}
