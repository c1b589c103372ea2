import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { applyCommand, updateCompetency, type Command } from '../../src-core/commands';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import type { Framework } from '../../src-core/model/types';
import { diffFrameworks } from '../../src-core/progress/diff';
import { loadComparisonFromText } from '../../src-renderer/src/features/learners/actions';
import { comparisonDiff, createLearnersStore } from '../../src-renderer/src/features/learners/learnersStore';

// With Learners › Compare open, every edit of the map took the whole diff again (about 60 ms on a
// 2,500-competency map, each keystroke in the inspector). The diff now follows the edit: what the edit did
// not touch is taken over from the last diff, and the result is what a diff from scratch says.

const text = readFileSync(join(import.meta.dirname, '../fixtures/progress/fractions-mini.json'), 'utf8');

function open(): Framework {
  const r = loadFrameworkText(text);
  if (!r.ok) throw new Error(r.error.message);
  return freeze(r.value.framework, true);
}

function edit(fw: Framework, cmd: Command): Framework {
  const r = applyCommand(fw, cmd);
  if (!r.ok) throw new Error(r.error.message);
  return r.framework;
}

describe('the comparison after each edit', () => {
  it('takes over what the edit left alone, and says what a diff from scratch says', () => {
    const fw = open();
    const learners = createLearnersStore();
    expect(loadComparisonFromText(fw, text, 'fractions-2025.progressions', learners)).toBe(true);
    const c = learners.getSnapshot().compare!;
    expect(comparisonDiff(c, fw).identical).toBe(true);

    const [x, y] = Object.values(fw.competencies);
    const v1 = edit(fw, updateCompetency(x!.id, { statement: 'Name unit fractions' }));
    const d1 = comparisonDiff(c, v1);
    expect(d1).toEqual(diffFrameworks(c.framework, v1));
    expect(d1.competencies.changed).toEqual([{ id: x!.id, fields: ['statement'] }]);

    const v2 = edit(v1, updateCompetency(y!.id, { code: 'NF.0' }));
    const d2 = comparisonDiff(c, v2);
    expect(d2).toEqual(diffFrameworks(c.framework, v2));
    // the first competency was not compared again: its entry is the one the last diff made
    expect(d2.competencies.changed.find((e) => e.id === x!.id)).toBe(d1.competencies.changed[0]);
    expect(comparisonDiff(c, v2)).toBe(d2);

    // undo: back to the document the comparison was made for, then redo
    expect(comparisonDiff(c, fw).identical).toBe(true);
    expect(comparisonDiff(c, v1)).toEqual(d1);
  });
});
