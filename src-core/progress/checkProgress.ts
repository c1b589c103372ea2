import type { Framework } from '../model/types';
import type { Progress } from './types';

/** A finding about progress data (same shape as the framework checks' diagnostics). */
export interface ProgressDiagnostic {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  /** Learner ids and competency ids involved. */
  ids: string[];
}

/**
 * Checks progress against the framework it is used with: records of competencies or phases the
 * framework does not have (e.g. after an edit removed them) are ignored by the learner views, so
 * they are reported here; progress saved for another framework is a warning.
 */
export function checkProgress(fw: Framework, progress: Progress): ProgressDiagnostic[] {
  const out: ProgressDiagnostic[] = [];
  if (progress.frameworkId && progress.frameworkId !== fw.id) {
    out.push({
      severity: 'warning',
      code: 'progress-other-framework',
      message: `This progress was recorded for another framework (${progress.frameworkTitle || progress.frameworkId}).`,
      ids: [],
    });
  }
  const phases = new Set(fw.phases.map((p) => p.id as string));
  /** Records of each competency the framework does not have: how many, and whose (learner ids, in order). */
  const unknownC = new Map<string, { n: number; learners: Set<string> }>();
  const unknownP = new Map<string, number>();
  for (const r of progress.records) {
    if (!fw.competencies[r.competencyId]) {
      const u = unknownC.get(r.competencyId) ?? unknownC.set(r.competencyId, { n: 0, learners: new Set() }).get(r.competencyId)!;
      u.n++;
      u.learners.add(r.learnerId);
    } else if (!phases.has(r.phaseId)) unknownP.set(r.phaseId, (unknownP.get(r.phaseId) ?? 0) + 1);
  }
  // Whose records they are, in words (a teacher who just deleted a competency from the map reads this, and an id
  // alone says nothing to them); the id shortened as the learner's record history shows it.
  const names = new Map(progress.learners.map((l) => [l.id, l.name || l.id]));
  const whose = (learners: Set<string>) => {
    const who = [...new Set([...learners].map((id) => names.get(id) ?? id))];
    return who.length > 3 ? `${who.slice(0, 3).join(', ')} and ${who.length - 3} more` : who.join(', ');
  };
  for (const [id, { n, learners }] of unknownC) {
    const shortId = id.length > 12 ? `${id.slice(0, 8)}…` : id;
    out.push({
      severity: 'warning',
      code: 'progress-unknown-competency',
      message: `${n} record${n > 1 ? 's' : ''} (${whose(learners)}) ${n > 1 ? 'are' : 'is'} of a competency this framework does not have (id ${shortId}): deleted from the map, or recorded for another version? ${n > 1 ? 'They are' : 'It is'} left out of the views here and kept in the progress.`,
      ids: [id],
    });
  }
  for (const [id, n] of unknownP) {
    out.push({ severity: 'warning', code: 'progress-unknown-phase', message: `${n} record${n > 1 ? 's name' : ' names'} a mastery phase this framework's scale does not have (${id}); ignored.`, ids: [id] });
  }
  return out;
}

/**
 * A note on records dated after today (a mistyped year): the latest date counts, so such a record would
 * hide every later demonstration of that competency by that learner.
 */
export function futureDatesNote(p: Progress, fw: Framework, today: string): string | null {
  const future = p.records.filter((r) => r.date > today);
  if (!future.length) return null;
  const r = future[0]!;
  const who = p.learners.find((l) => l.id === r.learnerId)?.name ?? r.learnerId;
  const code = fw.competencies[r.competencyId]?.code.trim() || r.competencyId;
  return `${future.length === 1 ? 'a record is' : `${future.length} records are`} dated after today (e.g. ${who}, ${code} on ${r.date}); the latest date counts, so a mistyped year hides what is recorded later — check ${future.length === 1 ? 'it' : 'them'}`;
}
