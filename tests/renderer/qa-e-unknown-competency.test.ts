import { describe, expect, it } from 'vitest';
import { checkProgress } from '../../src-core/progress/checkProgress';
import type { CompetencyId, PhaseId } from '../../src-core/model/ids';
import { makeFramework } from '../unit/progress/helpers';

// A teacher unlocks the map and deletes a competency that has records: the panel said "2 records name a
// competency this framework does not have (5fe0942c-000b-538c-b710-b66726669850); ignored." — a raw id,
// nobody named. It now says whose records, what may have happened and that nothing is lost.
describe('progress records of a competency the framework does not have', () => {
  it('names whose records they are, shortens the id and says they are kept', () => {
    const fw = makeFramework([{ code: 'M.NF.1' }]);
    const phase = fw.phases[0]!.id as PhaseId;
    const gone = '5fe0942c-000b-538c-b710-b66726669850' as CompetencyId;
    const progress = {
      frameworkId: fw.id,
      frameworkTitle: fw.title,
      learners: [
        { id: 'maya', name: 'Maya R.' },
        { id: 'ari', name: 'Ari K.' },
      ],
      records: [
        { learnerId: 'maya', competencyId: gone, phaseId: phase, date: '2026-09-15', evidence: '' },
        { learnerId: 'ari', competencyId: gone, phaseId: phase, date: '2026-09-16', evidence: '' },
        { learnerId: 'maya', competencyId: gone, phaseId: phase, date: '2026-09-20', evidence: '' },
      ],
    };
    const [d] = checkProgress(fw, progress);
    expect(d!.code).toBe('progress-unknown-competency');
    expect(d!.message).toBe(
      '3 records (Maya R., Ari K.) are of a competency this framework does not have (id 5fe0942c…): deleted from the map, or recorded for another version? They are left out of the views here and kept in the progress.',
    );
    const one = checkProgress(fw, { ...progress, records: progress.records.slice(1, 2) })[0]!;
    expect(one.message).toBe('1 record (Ari K.) is of a competency this framework does not have (id 5fe0942c…): deleted from the map, or recorded for another version? It is left out of the views here and kept in the progress.');
  });
});
