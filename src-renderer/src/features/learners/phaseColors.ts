import type { MasteryPhase } from '../../../../src-core/model/types';

/** Fill and ink of a phase chip / node tint. */
export interface PhaseColor {
  fill: string;
  ink: string;
}

const BELOW = ['#fde2e1', '#fdebd0', '#fff3bf', '#f4f7c5'];
const AT = { fill: '#d3f9d8', ink: '#237a36' }; // inks are ≥ 4.5:1 on their fills (WCAG 1.4.3)
const ABOVE = { fill: '#d0ebff', ink: '#1864ab' };

/**
 * Colours of the mastery scale: phases below the threshold go from rose to yellow, the threshold is
 * green, phases above it blue. Colours never carry meaning alone: chips also print the label.
 */
export function phaseColors(phases: readonly MasteryPhase[]): Map<string, PhaseColor> {
  const t = Math.max(0, phases.findIndex((p) => p.threshold));
  const out = new Map<string, PhaseColor>();
  phases.forEach((p, i) => {
    if (i < t) {
      const k = t <= 1 ? BELOW.length - 1 : Math.round((i / (t - 1)) * (BELOW.length - 1));
      out.set(p.id, { fill: BELOW[k]!, ink: '#7a4b00' });
    } else if (i === t) out.set(p.id, AT);
    else out.set(p.id, ABOVE);
  });
  return out;
}
