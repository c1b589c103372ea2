import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworkText } from '../../../src-core/format/frameworkFile';
import { importProgressCsv } from '../../../src-core/progress/csv';
import { pacingPlan } from '../../../src-core/progress/pacing';
import { planLearners } from '../../../src-core/progress/plan';
import { learnerStatus } from '../../../src-core/progress/mastery';
import { codes } from './helpers';

const root = join(import.meta.dirname, '../../..');
const loaded = loadFrameworkText(readFileSync(join(root, 'resources/examples/grade3-5-fractions.json'), 'utf8'));
if (!loaded.ok) throw new Error(loaded.error.message);
const fw = loaded.value.framework;
const imported = importProgressCsv(readFileSync(join(root, 'tests/fixtures/progress/grade3-5-fractions.csv'), 'utf8'), fw);
if (!imported.ok) throw new Error(imported.error.message);
const progress = imported.value.progress;

describe('the grade 3–5 fractions example with a class progress CSV', () => {
  it('reads the class with display names', () => {
    expect(progress.learners).toEqual([
      { id: 'maya', name: 'Maya R.' },
      { id: 'leo', name: 'Leo T.' },
      { id: 'ari', name: 'Ari K.' },
    ]);
  });

  it('gives each learner their ready-next competencies', () => {
    const maya = learnerStatus(fw, progress, 'maya');
    expect(codes(fw, maya.mastered)).toEqual(['FR.3.1', 'FR.3.2', 'FR.3.3']);
    expect(codes(fw, maya.ready)).toEqual(['FR.3.4', 'FR.3.8', 'FR.4.3']);
    expect(codes(fw, learnerStatus(fw, progress, 'leo').ready)).toEqual(['FR.3.1']);
    expect(codes(fw, learnerStatus(fw, progress, 'ari').ready)).toEqual(['FR.3.6', 'FR.3.7', 'FR.3.8', 'FR.4.3', 'FR.3.9']);
  });

  it('suggests sequences that respect every prerequisite link of the example', () => {
    for (const l of planLearners(fw, progress).report.learners) {
      const pos = new Map(l.sequence.map((id, i) => [id, i]));
      const mastered = new Set(l.mastered);
      expect(l.sequence.length + l.mastered.length).toBe(Object.keys(fw.competencies).length);
      for (const link of fw.prerequisites.values()) {
        if (mastered.has(link.from)) continue;
        expect(pos.get(link.from)!, `${l.id}: ${fw.competencies[link.from]!.code} before ${fw.competencies[link.to]!.code}`).toBeLessThan(pos.get(link.to)!);
      }
    }
  });

  it('paces the rest of the progression for a learner', () => {
    const maya = learnerStatus(fw, progress, 'maya');
    const plan = pacingPlan(fw, maya.current, { hoursPerWeek: 4, startDate: '2026-10-19', targetDate: '2027-06-15' });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.items.length).toBe(33);
    expect(plan.value.weeks.length).toBe(Math.ceil(plan.value.totalHours / 4 - 1e-9));
    expect(plan.value.onPace).toBe(plan.value.finishDate <= '2027-06-15');
  });
});
