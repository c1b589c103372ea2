import { describe, expect, it } from 'vitest';
import { generateFramework } from '../../bench/generate';
import { MAX_PACING_WEEKS, pacingPlan } from '../../src-core/progress/pacing';

// QA (curriculum designer, 2,500-competency K–12 map): the pacing plan of a learner said "At 3 hours a week the
// 8339.65 hours left would take 2780 weeks, more than 520; plan more hours per week." — no word of how many hours
// would do, and figures as a program prints them. It now says the least number of hours a week that fits, and
// that number does make a plan.

describe('a pacing plan too long to make', () => {
  const fw = generateFramework({ competencies: 1500, seed: 3, layout: false });

  it('says how many hours a week would fit in the longest plan, in readable figures', () => {
    const r = pacingPlan(fw, {}, { hoursPerWeek: 3, startDate: '2026-09-07' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('too-long');
    const m = /^At 3 hours a week the ([\d,]+(?:\.\d)?) hours left would take ([\d,]+) weeks, more than the 520 weeks \(10 years\) a plan can span; plan at least (\d+(?:\.\d)?) hours a week\.$/.exec(r.error.message);
    expect(m, r.error.message).not.toBeNull();
    expect(m![1]).toMatch(/^\d{1,3}(,\d{3})+/); // thousands grouped
    // the hours it suggests make a plan, within the limit
    const enough = Number(m![3]);
    const plan = pacingPlan(fw, {}, { hoursPerWeek: enough, startDate: '2026-09-07' });
    expect(plan.ok).toBe(true);
    expect(plan.ok && plan.value.weeks.length).toBeLessThanOrEqual(MAX_PACING_WEEKS);
    // and one tenth less does not
    expect(pacingPlan(fw, {}, { hoursPerWeek: Math.round((enough - 0.1) * 10) / 10, startDate: '2026-09-07' }).ok).toBe(false);
  });
});
