import { prerequisiteGraph } from '../graph/prerequisiteGraph';
import type { CompetencyId } from '../model/ids';
import type { Framework, MasteryPhase } from '../model/types';
import { competencyOrder, competencyRanks, sortByRank } from './order';
import type { Progress, ProgressRecord } from './types';

/**
 * The mastery scale of a framework as ranks: phase id → position (0 = lowest), and the rank of the
 * mastery threshold. A scale without a threshold phase is invalid (the checks report it); it is
 * read as if its highest phase were the threshold, so learner views still work.
 */
export interface PhaseScale {
  phases: readonly MasteryPhase[];
  rank: ReadonlyMap<string, number>;
  thresholdRank: number;
}

/** The {@link PhaseScale} of a framework. */
export function phaseScale(fw: Pick<Framework, 'phases'>): PhaseScale {
  const rank = new Map<string, number>();
  fw.phases.forEach((p, i) => rank.set(p.id, i));
  const t = fw.phases.findIndex((p) => p.threshold);
  return { phases: fw.phases, rank, thresholdRank: t >= 0 ? t : fw.phases.length - 1 };
}

/** True when `phaseId` is at or above the mastery threshold of the scale. */
export function isMasteredPhase(scale: PhaseScale, phaseId: string): boolean {
  const r = scale.rank.get(phaseId);
  return r !== undefined && r >= scale.thresholdRank;
}

/**
 * The current record per learner and competency: the one with the latest date; on equal dates the
 * record that comes later in `progress.records` wins (a correction entered the same day).
 * Returns learner id → competency id → record.
 */
export function currentPhases(progress: Pick<Progress, 'records'>): Map<string, Map<string, ProgressRecord>> {
  const out = new Map<string, Map<string, ProgressRecord>>();
  for (const r of progress.records) {
    let m = out.get(r.learnerId);
    if (!m) out.set(r.learnerId, (m = new Map()));
    const prev = m.get(r.competencyId);
    if (!prev || r.date >= prev.date) m.set(r.competencyId, r);
  }
  return out;
}

/** Where a learner stands on one competency. */
export type CompetencyState = 'mastered' | 'ready' | 'blocked';

/** A competency a learner cannot start yet, and the unmastered direct prerequisites that block it. */
export interface BlockedCompetency {
  id: CompetencyId;
  /** Direct prerequisites not yet mastered, in display order; never empty. */
  missing: CompetencyId[];
}

/**
 * One learner's position on a framework.
 * Invariants: every competency of the framework is in exactly one of `mastered`, `ready`, `blocked`
 * (and `state` says which); `inProgress` ⊆ not mastered; lists are in display order.
 */
export interface LearnerStatus {
  learnerId: string;
  /** Current record per competency (latest wins), for competencies and phases the framework knows. */
  current: Record<string, ProgressRecord>;
  /** At or above the mastery threshold. */
  mastered: CompetencyId[];
  /** Ready next: not mastered, and every direct prerequisite mastered (no prerequisites → ready). */
  ready: CompetencyId[];
  /** Not mastered and not ready, with the missing prerequisites. */
  blocked: BlockedCompetency[];
  /** Not mastered but with a recorded phase below the threshold (started). */
  inProgress: CompetencyId[];
  state: Record<string, CompetencyState>;
}

/**
 * Where each given learner stands (mastered / ready next / blocked and by what). Records of
 * competencies or phases the framework does not have are ignored here; `checkProgress` reports them.
 * Works on frameworks with prerequisite cycles: competencies on a cycle are simply never ready.
 */
export function learnerStatuses(fw: Framework, progress: Pick<Progress, 'records'>, learnerIds: readonly string[]): LearnerStatus[] {
  const scale = phaseScale(fw);
  const ranks = competencyRanks(fw);
  const g = prerequisiteGraph(fw);
  const current = currentPhases(progress);
  // Walk nodes in display order, so the lists come out sorted without sorting per learner.
  const walk = Int32Array.from(competencyOrder(fw), (id) => g.index.get(id)!);
  return learnerIds.map((learnerId) => {
    const mine = current.get(learnerId) ?? new Map<string, ProgressRecord>();
    const cur: Record<string, ProgressRecord> = {};
    const masteredFlag = new Uint8Array(g.n);
    for (const [cid, rec] of mine) {
      const v = g.index.get(cid);
      if (v === undefined || !scale.rank.has(rec.phaseId)) continue;
      cur[cid] = rec;
      if (isMasteredPhase(scale, rec.phaseId)) masteredFlag[v] = 1;
    }
    const mastered: CompetencyId[] = [];
    const ready: CompetencyId[] = [];
    const blocked: BlockedCompetency[] = [];
    const inProgress: CompetencyId[] = [];
    const state: Record<string, CompetencyState> = {};
    for (const v of walk) {
      const id = g.ids[v]!;
      if (masteredFlag[v]) {
        mastered.push(id);
        state[id] = 'mastered';
        continue;
      }
      if (cur[id]) inProgress.push(id);
      const missing: CompetencyId[] = [];
      for (let e = g.inStart[v]!, end = g.inStart[v + 1]!; e < end; e++) {
        const u = g.inFrom[e]!;
        if (!masteredFlag[u]) missing.push(g.ids[u]!);
      }
      if (missing.length === 0) {
        ready.push(id);
        state[id] = 'ready';
      } else {
        blocked.push({ id, missing: missing.length > 1 ? sortByRank(missing, ranks) : missing });
        state[id] = 'blocked';
      }
    }
    return { learnerId, current: cur, mastered, ready, blocked, inProgress, state };
  });
}

/** Where one learner stands; see {@link learnerStatuses}. */
export function learnerStatus(fw: Framework, progress: Pick<Progress, 'records'>, learnerId: string): LearnerStatus {
  return learnerStatuses(fw, progress, [learnerId])[0]!;
}

/**
 * How a class stands on one competency, for grouping and just-in-time support. The four groups
 * partition the learners: `mastered`; `inProgress` = a phase below the threshold is recorded;
 * `ready` = nothing recorded yet and every prerequisite mastered; `blocked` = nothing recorded and
 * some prerequisite not mastered.
 */
export interface CompetencySummary {
  competencyId: CompetencyId;
  mastered: string[];
  inProgress: string[];
  ready: string[];
  blocked: string[];
}

/** Per competency (display order), which learners have mastered it, are on it, are ready, are blocked. */
export function classSummary(fw: Framework, progress: Progress, learnerIds: readonly string[] = progress.learners.map((l) => l.id)): CompetencySummary[] {
  const statuses = learnerStatuses(fw, progress, learnerIds);
  const ranks = competencyRanks(fw);
  const ids = sortByRank(Object.keys(fw.competencies) as CompetencyId[], ranks);
  return ids.map((competencyId) => {
    const s: CompetencySummary = { competencyId, mastered: [], inProgress: [], ready: [], blocked: [] };
    for (const st of statuses) {
      const state = st.state[competencyId];
      if (state === 'mastered') s.mastered.push(st.learnerId);
      else if (st.current[competencyId]) s.inProgress.push(st.learnerId);
      else if (state === 'ready') s.ready.push(st.learnerId);
      else s.blocked.push(st.learnerId);
    }
    return s;
  });
}
