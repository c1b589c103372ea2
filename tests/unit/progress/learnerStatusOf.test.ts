import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { generateFramework } from '../../../bench/generate';
import { applyCommand, linkPrerequisite, unlinkPrerequisites, updateCompetency, type Command } from '../../../src-core/commands';
import type { CompetencyId, LinkId } from '../../../src-core/model/ids';
import type { Framework } from '../../../src-core/model/types';
import { learnerStatus } from '../../../src-core/progress/mastery';
import type { Progress } from '../../../src-core/progress/types';
import { learnerStatusOf } from '../../../src-core/progress/structure';

// The Learners panel and its Learner tab each took where the chosen learner stands on every edit (twice per
// keystroke on a big map). `learnerStatusOf` shares one, kept while the graph, the order and the scale are.

const base = freeze(generateFramework({ competencies: 40, seed: 7, layout: false }), true);
const ids = Object.keys(base.competencies) as CompetencyId[];
const [, p1, p2] = base.phases;
const progress = {
  learners: [{ id: 'ana', name: 'Ana' }, { id: 'ben', name: 'Ben' }],
  records: ids.slice(0, 15).map((competencyId, i) => ({ learnerId: i % 2 ? 'ana' : 'ben', competencyId, phaseId: (i % 3 ? p2 : p1)!.id, date: '2026-10-01', evidence: '' })),
} as unknown as Progress;

const edit = (fw: Framework, c: Command) => {
  const r = applyCommand(fw, c);
  if (!r.ok) throw new Error(r.error.message);
  return r.framework;
};

describe('learnerStatusOf', () => {
  it('is where the learner stands, the same object for both views and after an edit of words', () => {
    const a = learnerStatusOf(base, progress, 'ana');
    expect(a).toEqual(learnerStatus(structuredClone(base), progress, 'ana'));
    expect(learnerStatusOf(base, progress, 'ana')).toBe(a);
    const reworded = edit(base, updateCompetency(ids[3]!, { statement: 'Reworded', iCan: 'I can reword' }));
    expect(learnerStatusOf(reworded, progress, 'ana')).toBe(a);
    expect(learnerStatusOf(reworded, progress, 'ben')).toEqual(learnerStatus(structuredClone(reworded), progress, 'ben'));
  });

  it('follows a link edit, a code edit and new progress', () => {
    const a = learnerStatusOf(base, progress, 'ana');
    const linked = edit(base, linkPrerequisite({ id: 'qa-link' as LinkId, from: ids[2]!, to: ids[30]! }));
    expect(learnerStatusOf(linked, progress, 'ana')).toEqual(learnerStatus(structuredClone(linked), progress, 'ana'));
    const unlinked = edit(base, unlinkPrerequisites([[...base.prerequisites.keys()][0]! as LinkId]));
    expect(learnerStatusOf(unlinked, progress, 'ana')).toEqual(learnerStatus(structuredClone(unlinked), progress, 'ana'));
    const recoded = edit(base, updateCompetency(ids[0]!, { code: 'ZZ.99' }));
    expect(learnerStatusOf(recoded, progress, 'ana')).toEqual(learnerStatus(structuredClone(recoded), progress, 'ana'));
    const more = { ...progress, records: [...progress.records, { learnerId: 'ana', competencyId: ids[20]!, phaseId: p2!.id, date: '2026-10-02', evidence: '' }] } as unknown as Progress;
    const b = learnerStatusOf(base, more, 'ana');
    expect(b).not.toBe(a);
    expect(b).toEqual(learnerStatus(structuredClone(base), more, 'ana'));
  });
});
