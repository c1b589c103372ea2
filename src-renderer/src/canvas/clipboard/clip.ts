import type { CompetencyClip } from '../../../../src-core/commands';
import type { Framework } from '../../../../src-core/model/types';

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
