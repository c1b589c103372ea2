import { describe, expect, it } from 'vitest';
import { recordPhase } from '../../src-renderer/src/features/learners/actions';
import { createLearnersStore, initialLearnersState } from '../../src-renderer/src/features/learners/learnersStore';
import { makeFramework } from '../unit/progress/helpers';

// A learner whose name ends in a full stop ("Maya R.") read "Took back FR.3.4 at Proficient for Maya R..":
// the message now ends with the record's date, as "Recorded …" does.
describe('Undo of a record recorded by hand', () => {
  it('says what was taken back without a doubled full stop after a name like "Maya R."', () => {
    const fw = makeFramework([{ code: 'M.NF.1' }]);
    const store = createLearnersStore(initialLearnersState(new Date('2026-09-20T00:00:00Z')));
    store.set({ progress: { frameworkId: fw.id, frameworkTitle: fw.title, learners: [{ id: 'maya', name: 'Maya R.' }], records: [] } });
    const c = Object.values(fw.competencies)[0]!;
    const phase = fw.phases.find((p) => p.threshold)!;
    recordPhase({ learnerId: 'maya', competencyId: c.id, phaseId: phase.id, date: '2026-09-20', evidence: 'quiz' }, store, fw);
    expect(store.getSnapshot().message!.text).toBe(`Recorded M.NF.1 at ${phase.label} for Maya R. (2026-09-20).`);
    store.getSnapshot().message!.action!.run();
    const text = store.getSnapshot().message!.text;
    expect(text).toBe(`Took back M.NF.1 at ${phase.label} for Maya R. (2026-09-20).`);
    expect(text).not.toMatch(/\.\.$/);
  });
});
