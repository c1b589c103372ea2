import type { CompetencyId } from '../model/ids';
import type { Framework } from '../model/types';
import { fail, ok, type Result } from '../result';
import { addDays, isIsoDate, toDayNumber } from './dates';
import { phaseScale } from './mastery';
import { suggestedSequence } from './sequence';
import type { ProgressRecord } from './types';

/**
 * Hours assumed for a competency without an estimate (`estimatedHours: null`). Five hours is about
 * a week of a typical 45–60 minute daily lesson; set `defaultHours` to change it.
 */
export const DEFAULT_ESTIMATED_HOURS = 5;
/** Plans longer than this many weeks (ten school years of 52 weeks) are refused as unrealistic. */
export const MAX_PACING_WEEKS = 520;

/** Inputs of {@link pacingPlan}: the learner's weekly time, the calendar and optional target. */
export interface PacingOptions {
  /** Learning hours per week the learner can give this framework; > 0. */
  hoursPerWeek: number;
  /** First day of week 1, `YYYY-MM-DD`. */
  startDate: string;
  /** The date the learner should reach the end by, `YYYY-MM-DD`; omit for a plan without a target. */
  targetDate?: string;
  /** Hours for competencies without an estimate; default {@link DEFAULT_ESTIMATED_HOURS}. */
  defaultHours?: number;
}

/** One competency in a pacing plan. */
export interface PacingItem {
  competencyId: CompetencyId;
  /** Hours still to learn (less than the estimate when a phase below the threshold is recorded). */
  hours: number;
  /** False when the default was used because the competency has no estimate. */
  estimated: boolean;
  /** Weeks (1-based) in which the learner works on it. */
  startWeek: number;
  endWeek: number;
}

/** One calendar week of a pacing plan. */
export interface PacingWeek {
  week: number;
  /** First and last day of the week, `YYYY-MM-DD`. */
  startDate: string;
  endDate: string;
  /** Planned hours this week (≤ hoursPerWeek). */
  hours: number;
  items: { competencyId: CompetencyId; hours: number }[];
}

/** A week-by-week plan from a learner's current position to the end of the progression. */
export interface PacingPlan {
  items: PacingItem[];
  weeks: PacingWeek[];
  totalHours: number;
  /** Last day of the last planned week; equals the day before `startDate` when nothing is left. */
  finishDate: string;
  targetDate: string | null;
  /** Whether the plan ends on or before the target date; null without a target. */
  onPace: boolean | null;
  /** Hours per week needed to finish by the target; null without a target or when it has passed. */
  hoursPerWeekNeeded: number | null;
  /** Competencies a prerequisite cycle keeps out of the plan. */
  unreachable: CompetencyId[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;
/** Hours in a message: thousands grouped, at most one decimal ("8,339.7", "16.1", "3"). */
const hoursText = (h: number) => h.toLocaleString('en-US', { maximumFractionDigits: 1 });

/**
 * Plans the learner's remaining competencies week by week, in the suggested sequence, filling each
 * week with `hoursPerWeek` hours (a competency may span weeks). Mastered competencies are skipped;
 * one with a recorded phase below the threshold keeps the share of its hours not yet covered:
 * at rank r of a threshold at rank t, `(t − r) / (t + 1)` of the estimate remains
 * (Beginning → 2/3, Developing → 1/3 on the default scale). `current` is the learner's current
 * record per competency (`LearnerStatus.current`); pass `{}` for a learner with no records.
 */
export function pacingPlan(
  fw: Framework,
  current: Readonly<Record<string, ProgressRecord>>,
  options: PacingOptions,
): Result<PacingPlan> {
  const { hoursPerWeek, startDate, targetDate } = options;
  const defaultHours = options.defaultHours ?? DEFAULT_ESTIMATED_HOURS;
  if (!(hoursPerWeek > 0) || !Number.isFinite(hoursPerWeek)) {
    return fail('bad-hours', 'Hours per week must be a number greater than 0.', { path: 'hoursPerWeek' });
  }
  if (!(defaultHours >= 0) || !Number.isFinite(defaultHours)) {
    return fail('bad-hours', 'Default hours must be a number of 0 or more.', { path: 'defaultHours' });
  }
  if (!isIsoDate(startDate)) return fail('bad-date', `Start date "${startDate}" is not a date (YYYY-MM-DD).`, { path: 'startDate' });
  if (targetDate !== undefined && !isIsoDate(targetDate)) {
    return fail('bad-date', `Target date "${targetDate}" is not a date (YYYY-MM-DD).`, { path: 'targetDate' });
  }

  const scale = phaseScale(fw);
  const mastered = new Set<string>();
  const remainingShare = new Map<string, number>();
  for (const [cid, rec] of Object.entries(current)) {
    const r = scale.rank.get(rec.phaseId);
    if (r === undefined) continue;
    if (r >= scale.thresholdRank) mastered.add(cid);
    else remainingShare.set(cid, (scale.thresholdRank - r) / (scale.thresholdRank + 1));
  }
  const seq = suggestedSequence(fw, mastered);

  const items: PacingItem[] = [];
  let total = 0;
  for (const id of seq.order) {
    const c = fw.competencies[id]!;
    const base = c.estimatedHours ?? defaultHours;
    const hours = round2(base * (remainingShare.get(id) ?? 1));
    items.push({ competencyId: id, hours, estimated: c.estimatedHours !== null, startWeek: 0, endWeek: 0 });
    total += hours;
  }
  total = round2(total);
  const weekCount = Math.ceil(total / hoursPerWeek - 1e-9);
  if (weekCount > MAX_PACING_WEEKS) {
    return fail(
      'too-long',
      // how many hours a week would do, in numbers a person reads (not "8339.65 hours … 2780 weeks")
      `At ${hoursPerWeek} hours a week the ${hoursText(total)} hours left would take ${weekCount.toLocaleString('en-US')} weeks, more than the ${MAX_PACING_WEEKS} weeks (10 years) a plan can span; plan at least ${hoursText(Math.ceil((total / MAX_PACING_WEEKS) * 10) / 10)} hours a week.`,
      { path: 'hoursPerWeek' },
    );
  }

  const weeks: PacingWeek[] = [];
  const weekAt = (i: number): PacingWeek => {
    while (weeks.length <= i) {
      const k = weeks.length;
      weeks.push({ week: k + 1, startDate: addDays(startDate, 7 * k), endDate: addDays(startDate, 7 * k + 6), hours: 0, items: [] });
    }
    return weeks[i]!;
  };
  let w = 0;
  let room = hoursPerWeek;
  for (const item of items) {
    let left = item.hours;
    item.startWeek = w + 1;
    if (left === 0) {
      weekAt(w).items.push({ competencyId: item.competencyId, hours: 0 });
      item.endWeek = w + 1;
      continue;
    }
    while (left > 1e-9) {
      if (room <= 1e-9) {
        w++;
        room = hoursPerWeek;
      }
      const take = Math.min(left, room);
      const week = weekAt(w);
      week.items.push({ competencyId: item.competencyId, hours: round2(take) });
      week.hours = round2(week.hours + take);
      left -= take;
      room -= take;
    }
    item.endWeek = w + 1;
  }

  const finishDate = weeks.length ? weeks[weeks.length - 1]!.endDate : addDays(startDate, -1);
  let onPace: boolean | null = null;
  let hoursPerWeekNeeded: number | null = null;
  if (targetDate !== undefined) {
    onPace = finishDate <= targetDate;
    const days = toDayNumber(targetDate)! - toDayNumber(startDate)! + 1;
    hoursPerWeekNeeded = days <= 0 ? null : round2((total * 7) / days);
  }
  return ok({
    items,
    weeks,
    totalHours: total,
    finishDate,
    targetDate: targetDate ?? null,
    onPace,
    hoursPerWeekNeeded,
    unreachable: seq.unreachable,
  });
}
