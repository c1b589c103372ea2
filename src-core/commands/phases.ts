import type { PhaseId } from '../model/ids';
import type { Framework } from '../model/types';
import { forgetCaseIdentifiers } from '../model/caseIdentifiers';
import { base, command, refuse, type Command } from './command';

const label = (fw: Framework, id: PhaseId) => fw.phases.find((p) => p.id === id)?.label || 'phase';

/** Adds a mastery phase to the framework scale (at `index`, default the top). Never the threshold. */
export function addPhase(phase: { id: PhaseId; label: string; description?: string }, index?: number): Command {
  return command('addPhase', `add phase ${phase.label}`, (fw) => {
    if (fw.phases.some((p) => p.id === phase.id)) return refuse('duplicate-id', 'A phase with this id already exists.');
    if (!phase.label.trim()) return refuse('empty-label', 'A mastery phase needs a name.');
    const at = index === undefined ? fw.phases.length : Math.max(0, Math.min(index, fw.phases.length));
    fw.phases.splice(at, 0, { id: phase.id, label: phase.label, description: phase.description ?? '', threshold: false });
  });
}

/** Renames or re-describes a phase. */
export function updatePhase(id: PhaseId, patch: { label?: string; description?: string }): Command {
  return command(
    'updatePhase',
    'edit phase',
    (fw) => {
      const p = fw.phases.find((x) => x.id === id);
      if (!p) return refuse('not-found', 'That mastery phase no longer exists.');
      if (patch.label !== undefined && !patch.label.trim()) return refuse('empty-label', 'A mastery phase needs a name.');
      if (patch.label !== undefined) p.label = patch.label;
      if (patch.description !== undefined) p.description = patch.description;
    },
    (before) => `edit phase ${label(before, id)}`,
  );
}

/**
 * Removes a phase and every competency's descriptor and indicators for it. The last phase and the
 * threshold phase cannot be removed (choose another threshold first).
 */
export function removePhase(id: PhaseId): Command {
  return command(
    'removePhase',
    'remove phase',
    (fw) => {
      const i = fw.phases.findIndex((x) => x.id === id);
      if (i < 0) return refuse('not-found', 'That mastery phase no longer exists.');
      if (fw.phases.length === 1) return refuse('last-phase', 'A mastery scale needs at least one phase.');
      if (fw.phases[i]!.threshold) return refuse('threshold-phase', `“${fw.phases[i]!.label}” is the mastery threshold; choose another threshold before removing it.`);
      fw.phases.splice(i, 1);
      const gone: string[] = [id];
      for (const c of Object.values(base(fw).competencies)) {
        const pd = c.phases[id];
        if (!pd) continue;
        for (const ind of pd.indicators) gone.push(ind.id);
        delete fw.competencies[c.id]!.phases[id];
      }
      forgetCaseIdentifiers(fw, base(fw), gone);
    },
    (before) => `remove phase ${label(before, id)}`,
  );
}

/** Moves a phase within the (low → high) scale. */
export function movePhase(id: PhaseId, toIndex: number): Command {
  return command(
    'movePhase',
    'reorder phases',
    (fw) => {
      const i = fw.phases.findIndex((x) => x.id === id);
      if (i < 0) return refuse('not-found', 'That mastery phase no longer exists.');
      const [p] = fw.phases.splice(i, 1);
      fw.phases.splice(Math.max(0, Math.min(toIndex, fw.phases.length)), 0, p!);
    },
    (before) => `move phase ${label(before, id)}`,
  );
}

/** Makes `id` the one mastery-threshold phase. */
export function setThresholdPhase(id: PhaseId): Command {
  return command(
    'setThresholdPhase',
    'set mastery threshold',
    (fw) => {
      if (!fw.phases.some((x) => x.id === id)) return refuse('not-found', 'That mastery phase no longer exists.');
      for (const p of fw.phases) {
        const want = p.id === id;
        if (p.threshold !== want) p.threshold = want;
      }
    },
    (before) => `set mastery threshold to ${label(before, id)}`,
  );
}
