import type { CompetencyClip } from '../../../../src-core/commands';
import { schemaCheckFramework } from '../../../../src-core/format/frameworkFile';
import { describeProblem } from '../../../../src-core/format/schemaErrors';
import { createCompetency, createFramework } from '../../../../src-core/model/defaults';
import { newId, type LinkId } from '../../../../src-core/model/ids';
import type { Competency, Framework, PrerequisiteLink } from '../../../../src-core/model/types';

/** Clipboard text marker, so pasting random JSON is not mistaken for competencies. */
export const CLIP_FORMAT = 'progressions.clip';

export interface ClipText extends CompetencyClip {
  format: typeof CLIP_FORMAT;
  /** Phase id → label of the source framework, so paste can match phases of another document by label. */
  phaseLabels: Record<string, string>;
}

/** The clipboard JSON for the given competencies (links among them included). */
export function copyClip(fw: Framework, ids: readonly string[]): string {
  const set = new Set(ids);
  const clip: ClipText = {
    format: CLIP_FORMAT,
    competencies: ids.map((id) => fw.competencies[id]).filter((c) => c !== undefined),
    prerequisites: [...fw.prerequisites.values()].filter((l) => set.has(l.from) && set.has(l.to)),
    phaseLabels: Object.fromEntries(fw.phases.map((p) => [p.id, p.label])),
  };
  return JSON.stringify(clip);
}

/** Reads clipboard text back; null when it is not a competency clip. */
export function parseClip(text: string): ClipText | null {
  try {
    const v = JSON.parse(text) as Partial<ClipText>;
    if (v?.format !== CLIP_FORMAT || !Array.isArray(v.competencies) || !Array.isArray(v.prerequisites)) return null;
    if (!v.competencies.every((c) => c && typeof c.id === 'string' && typeof c.code === 'string' && c.position && typeof c.position.x === 'number')) {
      return null;
    }
    return { ...v, phaseLabels: v.phaseLabels ?? {} } as ClipText;
  } catch {
    return null;
  }
}

/**
 * What in a clip's competencies and links a framework file could not hold (a clip from another version,
 * or edited by hand: levels as text, an indicator that is not text …), in words; null when it is sound.
 * Checked against the file schema on a framework of the clip alone, so the cost is the clip's size: pasting
 * it as is would put a competency in the document that the canvas and the inspector cannot show.
 */
export function clipProblem(clip: CompetencyClip): string | null {
  const fw = createFramework();
  // as paste makes them: a field a clip of an older version lacks takes its default; the domain is its own
  // check (an unknown one is cleared)
  fw.competencies = Object.fromEntries(clip.competencies.map((c: Competency) => [c.id, createCompetency({ ...c, domainId: null })]));
  fw.prerequisites = new Map(
    clip.prerequisites.map((l: PrerequisiteLink) => {
      const id = newId<LinkId>();
      return [id, { id, from: l?.from, to: l?.to, note: l?.note ?? '' }];
    }),
  );
  const problems = schemaCheckFramework(fw);
  return problems.length ? describeProblem(problems[0]!, { pointer: false }) : null;
}
