import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateFramework } from '../../src-core/checks';
import { levelRank } from '../../src-core/model/levels';
import { FwBuilder } from './checksBuilder';

const LEVELS = ['KG', '01', '03', '12', 'Year 3', ''] as const;

/** A random standards forest: each standard's parent (an earlier one or none), grade levels, assessable flag, and whether it is aligned. */
const standards = fc.array(
  fc.record({
    parent: fc.option(fc.nat(20), { nil: null }),
    levels: fc.array(fc.constantFrom(...LEVELS), { maxLength: 3 }),
    assessable: fc.constantFrom(undefined, true, false),
    aligned: fc.boolean(),
  }),
  { minLength: 1, maxLength: 20 },
);

describe('coverage by grade level (property)', () => {
  it('counts each counted standard once per grade level it lists (or under “No grade level”), in grade order', () => {
    fc.assert(
      fc.property(standards, (list) => {
        const b = new FwBuilder().competencies('A');
        b.standards('S', list.map((s, i) => (s.parent !== null && s.parent < i ? `${i}<${s.parent}` : `${i}`)));
        const items = b.fw.standardsSets[b.sid('S')]!.items;
        list.forEach((s, i) => {
          const item = items[b.std('S', String(i))]!;
          item.educationLevels = s.levels.slice();
          if (s.assessable !== undefined) item.assessable = s.assessable;
          if (s.aligned) b.align('A', 'S', String(i));
        });
        const set = validateFramework(b.fw).coverage!.sets[0]!;

        // Worked out plainly: which standards count, and the tally per level.
        const hasChildren = list.map((_, i) => list.some((s, k) => s.parent === i && i < k));
        const tally = new Map<string, { standards: number; covered: number }>();
        list.forEach((s, i) => {
          const counts = s.assessable === undefined ? !hasChildren[i] : s.assessable;
          if (!counts) return;
          for (const l of s.levels.length ? s.levels : ['']) {
            const t = tally.get(l) ?? { standards: 0, covered: 0 };
            t.standards++;
            if (s.aligned) t.covered++;
            tally.set(l, t);
          }
        });
        const expected = [...tally]
          .sort(([a], [b]) => (levelRank(a) ?? 999) - (levelRank(b) ?? 999) || a.localeCompare(b))
          .map(([key, t]) => ({ key, label: key || 'No grade level', ...t, ratio: t.standards ? t.covered / t.standards : 1 }));
        expect(set.byLevel).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
