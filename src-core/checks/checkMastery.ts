import type { PhaseDescription } from '../model/types';
import type { CheckContext } from './context';

/** True when a phase description says something: a descriptor or an indicator with text. */
function described(pd: PhaseDescription | undefined): boolean {
  if (!pd) return false;
  if (pd.descriptor.trim()) return true;
  for (const i of pd.indicators) if (i.text.trim()) return true;
  return false;
}

/**
 * Mastery completeness: `threshold-count` (the scale has exactly one threshold),
 * `threshold-undescribed` (every competency has a descriptor and at least one performance indicator
 * at the threshold — a warning while drafting, an error once the framework is `adopted`),
 * `phase-order` (a phase left blank between two described ones) and `unknown-phase`.
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

  const threshold = thresholds.length === 1 ? thresholds[0]! : undefined;
  const severity = fw.status === 'adopted' ? 'error' : 'warning';
  const why = fw.status === 'adopted' ? 'an adopted framework must describe it for every competency' : 'it must be described before the framework can be adopted';
  // Phase id → rank, in a null-prototype dictionary (the keys met in `c.phases` are internalized).
  const phaseIndex = Object.create(null) as Record<string, number>;
  phases.forEach((p, i) => (phaseIndex[p.id] = i));
  const thresholdId = threshold?.id;
  const bitsUsable = phases.length > 2 && phases.length <= 30;
  const undescribed: { id: string; missing: string }[] = [];
  let anyDescribed = false;

  for (const c of ctx.competencies.values) {
    const ph = c.phases;
    // One pass over the described phases: a bit per described phase of the scale.
    let mask = 0;
    for (const key in ph) {
      const i = phaseIndex[key];
      if (i === undefined) {
        if (described(ph[key])) {
          ctx.add('unknown-phase', 'competency', [c.id], `${ctx.name(c.id)} describes a mastery phase that is not on the scale (${key}); that text is never shown.`);
        }
      } else if (bitsUsable && described(ph[key])) mask |= 1 << i;
    }
    if (thresholdId !== undefined) {
      const pd = ph[thresholdId];
      const hasDescriptor = pd !== undefined && pd.descriptor.trim() !== '';
      let hasIndicator = false;
      if (pd) {
        for (const ind of pd.indicators) {
          if (ind.text.trim() !== '') {
            hasIndicator = true;
            break;
          }
        }
      }
      if (hasDescriptor && hasIndicator) anyDescribed = true;
      else {
        const missing = !hasDescriptor && !hasIndicator ? 'no descriptor and no performance indicator' : !hasDescriptor ? 'no descriptor' : 'no performance indicator';
        undescribed.push({ id: c.id, missing });
      }
    }
    // phase-order: the described phases are not one unbroken run of the scale.
    if (mask !== 0) {
      const low = mask & -mask;
      const run = mask + low; // carries through the lowest run of set bits
      if ((run & mask) !== 0) {
        const lowest = 31 - Math.clz32(low);
        let gap = lowest;
        while (mask & (1 << gap)) gap++;
        let highest = gap;
        while (!(mask & (1 << highest))) highest++;
        ctx.add(
          'phase-order',
          'competency',
          [c.id],
          `${ctx.name(c.id)} describes ${phases[lowest]!.label} and ${phases[highest]!.label} but not ${phases[gap]!.label} in between; describe the phases in order so students can see each step.`,
        );
      }
    }
  }

  if (undescribed.length === 0 || !threshold) return;
  if (!anyDescribed && undescribed.length > 1) {
    // Nothing is described yet (a new or imported framework): one finding, not one per competency.
    ctx.add(
      'threshold-undescribed',
      'competency',
      undescribed.map((u) => u.id),
      `None of the ${undescribed.length} competencies describes ${threshold.label}, the mastery threshold, with a descriptor and a performance indicator; ${why}.`,
      { severity },
    );
    return;
  }
  for (const u of undescribed) {
    ctx.add('threshold-undescribed', 'competency', [u.id], `${ctx.name(u.id)} has ${u.missing} at ${threshold.label}, the mastery threshold; ${why}.`, { severity });
  }
}
