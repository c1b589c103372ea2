import type { Framework } from '../model/types';

/** Headline numbers of a framework (the CLI's `stats`, the app's status bar). */
export interface FrameworkStats {
  competencies: number;
  prerequisites: number;
  domains: number;
  phases: number;
  indicators: number;
  standardsSets: number;
  standards: number;
  alignments: number;
  comments: number;
  /** Competencies whose threshold phase has a descriptor and at least one indicator. */
  thresholdDescribed: number;
  estimatedHours: number;
}

export function frameworkStats(fw: Framework): FrameworkStats {
  const threshold = fw.phases.find((p) => p.threshold);
  let indicators = 0;
  let thresholdDescribed = 0;
  let hours = 0;
  for (const c of Object.values(fw.competencies)) {
    for (const pd of Object.values(c.phases)) indicators += pd.indicators.length;
    const t = threshold ? c.phases[threshold.id] : undefined;
    if (t && t.descriptor.trim() && t.indicators.some((i) => i.text.trim())) thresholdDescribed++;
    hours += c.estimatedHours ?? 0;
  }
  let standards = 0;
  for (const s of Object.values(fw.standardsSets)) standards += Object.keys(s.items).length;
  return {
    competencies: Object.keys(fw.competencies).length,
    prerequisites: fw.prerequisites.size,
    domains: fw.domains.length,
    phases: fw.phases.length,
    indicators,
    standardsSets: Object.keys(fw.standardsSets).length,
    standards,
    alignments: fw.alignments.size,
    comments: Object.keys(fw.comments).length,
    thresholdDescribed,
    // a sum of decimal hours carries binary noise (0.1 + 0.2 = 0.30000000000000004): to the hundredth
    estimatedHours: Math.round(hours * 100) / 100,
  };
}
