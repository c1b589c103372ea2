import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src-core/csv/papa';
import { moodleScaleConfiguration, writeMoodleCsv } from '../../src-core/export/moodle';
import type { MasteryPhase } from '../../src-core/model/types';
import { smallFramework } from './csv/fixtures';

type ScaleItem = { id: number; scaledefault: number; proficient: number };

/** The scale configuration as Moodle reads it: the scale id first, then the configured items. */
function items(config: string): ScaleItem[] {
  const [head, ...rest] = JSON.parse(config) as [{ scaleid: string }, ...ScaleItem[]];
  expect(head).toEqual({ scaleid: '0' });
  return rest;
}

const phases = (labels: string[], threshold: number): MasteryPhase[] =>
  smallFramework().phases.slice(0, 1).flatMap((p) => labels.map((label, i) => ({ ...p, id: `${p.id}-${i}` as MasteryPhase['id'], label, threshold: i === threshold })));

describe('Moodle scale configuration (qa-k)', () => {
  // Moodle's docs: the default is "the value assigned when the competency is completed by an automated
  // rule" (a course or activity completion). The lowest phase there rated every such student "Beginning":
  // not proficient, so completing the course never counted as mastering the competency.
  it('makes the threshold phase the default, the value a completion rule gives, so it counts as proficient', () => {
    const rows = parseCsv(writeMoodleCsv(smallFramework())).rows;
    const scale = items(rows[1]![6]!);
    const defaults = scale.filter((s) => s.scaledefault === 1);
    expect(defaults).toHaveLength(1);
    expect(rows[1]![5]!.split(',')[defaults[0]!.id - 1]).toBe('Proficient');
    expect(defaults[0]!.proficient).toBe(1);
  });

  it('marks the threshold and every phase above it proficient, nothing below', () => {
    for (const t of [0, 1, 2, 3, 4]) {
      const scale = items(moodleScaleConfiguration({ phases: phases(['A', 'B', 'C', 'D', 'E'], t) }));
      expect(scale.filter((s) => s.proficient === 1).map((s) => s.id)).toEqual([1, 2, 3, 4, 5].slice(t));
      expect(scale.filter((s) => s.scaledefault === 1).map((s) => s.id)).toEqual([t + 1]);
    }
  });

  it('always has a default and a proficient item, as Moodle requires of a scale configuration', () => {
    for (const labels of [['Only'], ['Not yet', 'Yes'], ['A', 'B', 'C']]) {
      const scale = items(moodleScaleConfiguration({ phases: phases(labels, -1) }));
      expect(scale.some((s) => s.scaledefault === 1)).toBe(true);
      expect(scale.some((s) => s.proficient === 1)).toBe(true);
    }
  });
});
