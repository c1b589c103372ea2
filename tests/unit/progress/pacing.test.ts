import { describe, expect, it } from 'vitest';
import { DEFAULT_ESTIMATED_HOURS, pacingPlan } from '../../../src-core/progress/pacing';
import type { ProgressRecord } from '../../../src-core/progress/types';
import { codes, idOf, makeFramework, phaseId } from './helpers';

const fw = makeFramework([
  { code: 'A', hours: 3 },
  { code: 'B', after: ['A'], hours: 4 },
  { code: 'C', after: ['B'], hours: null },
]);
const rec = (code: string, phase: string): Record<string, ProgressRecord> => ({
  [idOf(fw, code)]: { learnerId: 's', competencyId: idOf(fw, code), phaseId: phaseId(fw, phase), date: '2026-01-05', evidence: '' },
});

describe('pacingPlan', () => {
  it('fills weeks with the hours per week in the suggested sequence, splitting competencies across weeks', () => {
    const r = pacingPlan(fw, {}, { hoursPerWeek: 5, startDate: '2026-09-07' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.value;
    expect(p.totalHours).toBe(3 + 4 + DEFAULT_ESTIMATED_HOURS);
    expect(p.weeks.map((w) => [w.week, w.startDate, w.endDate, w.hours])).toEqual([
      [1, '2026-09-07', '2026-09-13', 5],
      [2, '2026-09-14', '2026-09-20', 5],
      [3, '2026-09-21', '2026-09-27', 2],
    ]);
    expect(p.weeks[0]!.items.map((i) => [fw.competencies[i.competencyId]!.code, i.hours])).toEqual([
      ['A', 3],
      ['B', 2],
    ]);
    expect(p.items.map((i) => [fw.competencies[i.competencyId]!.code, i.startWeek, i.endWeek, i.estimated])).toEqual([
      ['A', 1, 1, true],
      ['B', 1, 2, true],
      ['C', 2, 3, false],
    ]);
    expect(p.finishDate).toBe('2026-09-27');
    expect(p.onPace).toBeNull();
  });

  it('starts from the learner’s position: mastered left out, a started competency keeps the rest of its hours', () => {
    const r = pacingPlan(fw, { ...rec('A', 'Proficient'), ...rec('B', 'Developing') }, { hoursPerWeek: 10, startDate: '2026-09-07', defaultHours: 6 });
    expect(r.ok && codes(fw, r.value.items.map((i) => i.competencyId))).toEqual(['B', 'C']);
    // Developing is rank 1 below the threshold at rank 2: (2 − 1) / 3 of 4 hours remain.
    expect(r.ok && r.value.items[0]!.hours).toBeCloseTo(4 / 3, 2);
    expect(r.ok && r.value.totalHours).toBeCloseTo(4 / 3 + 6, 2);
  });

  it('says whether the learner is on pace for the target date, and what pace would do', () => {
    const on = pacingPlan(fw, {}, { hoursPerWeek: 6, startDate: '2026-09-07', targetDate: '2026-09-20' });
    expect(on.ok && [on.value.onPace, on.value.finishDate, on.value.hoursPerWeekNeeded]).toEqual([true, '2026-09-20', 6]);
    const behind = pacingPlan(fw, {}, { hoursPerWeek: 2, startDate: '2026-09-07', targetDate: '2026-09-20' });
    expect(behind.ok && [behind.value.onPace, behind.value.weeks.length, behind.value.hoursPerWeekNeeded]).toEqual([false, 6, 6]);
  });

  it('is empty and on pace when everything is mastered', () => {
    const all = { ...rec('A', 'Advanced'), ...rec('B', 'Proficient'), ...rec('C', 'Proficient') };
    const r = pacingPlan(fw, all, { hoursPerWeek: 3, startDate: '2026-09-07', targetDate: '2026-09-07' });
    expect(r.ok && [r.value.weeks.length, r.value.totalHours, r.value.onPace]).toEqual([0, 0, true]);
  });

  it('refuses hours per week that are not positive, bad dates and absurdly long plans', () => {
    expect(pacingPlan(fw, {}, { hoursPerWeek: 0, startDate: '2026-09-07' }).ok).toBe(false);
    expect(pacingPlan(fw, {}, { hoursPerWeek: Number.NaN, startDate: '2026-09-07' }).ok).toBe(false);
    const bad = pacingPlan(fw, {}, { hoursPerWeek: 5, startDate: '2026-02-30' });
    expect(!bad.ok && bad.error.code).toBe('bad-date');
    const long = pacingPlan(fw, {}, { hoursPerWeek: 0.001, startDate: '2026-09-07' });
    expect(!long.ok && long.error.code).toBe('too-long');
  });
});
