import type { CheckContext } from './context';

/**
 * `threshold-count`: the mastery scale has exactly one threshold phase. (What each competency
 * describes at the phases is checked in `checkCompetencies`.)
 */
export function checkMastery(ctx: CheckContext): void {
  const fw = ctx.fw;
  const phases = fw.phases;
  const thresholds = phases.filter((p) => p.threshold);
  if (phases.length === 0) {
    ctx.add('threshold-count', 'framework', [], 'The mastery scale has no phases: add phases (for example Beginning, Developing, Proficient, Advanced) and mark one as the mastery threshold.');
  } else if (thresholds.length === 0) {
    ctx.add('threshold-count', 'phase', phases.map((p) => p.id), 'No phase of the mastery scale is marked as the mastery threshold: mark the phase that means “mastered”.');
  } else if (thresholds.length > 1) {
    ctx.add(
      'threshold-count',
      'phase',
      thresholds.map((p) => p.id),
      `The mastery scale has ${thresholds.length} threshold phases (${thresholds.map((p) => p.label).join(', ')}); exactly one phase may mean “mastered”.`,
    );
  }
}
