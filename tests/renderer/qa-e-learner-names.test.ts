import { describe, expect, it } from 'vitest';
import { importProgressCsv } from '../../src-core/progress/csv';
import { makeFramework } from '../unit/progress/helpers';

// A class list typed by hand or merged from two gradebooks: one student under two names, or one id typed in
// two cases. The rows are read (nothing is refused), but the teacher is told what to check.
const fw = makeFramework([{ code: 'M.NF.1' }, { code: 'M.NF.2', after: ['M.NF.1'] }]);

describe('progress CSV: a learner written two ways', () => {
  it('notes a learner given two names (the first is kept) and ids that differ only in capitals', () => {
    const text = [
      'learner,name,competency,phase,date,evidence',
      'maya,Maya R.,M.NF.1,Proficient,2026-09-15,a',
      'maya,Maya Rodriguez,M.NF.2,Developing,2026-09-16,b',
      'MAYA,Maya R.,M.NF.2,Proficient,2026-09-17,c',
      'leo,Leo T.,M.NF.1,Developing,2026-09-15,',
      'leo,Leo T. ,M.NF.1,Proficient,2026-09-20,',
    ].join('\r\n');
    const r = importProgressCsv(text, fw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.progress.learners).toEqual([
      { id: 'maya', name: 'Maya R.' },
      { id: 'MAYA', name: 'Maya R.' },
      { id: 'leo', name: 'Leo T.' },
    ]);
    expect(r.value.progress.records).toHaveLength(5);
    expect(r.value.notes).toEqual([
      'learner "maya" is named "Maya R." on row 2 and "Maya Rodriguez" on row 3; "Maya R." is used',
      'learners "maya" (row 2) and "MAYA" (row 4) differ only in capitals and are read as 2 learners; if they are one student, write the id the same way and import again',
    ]);
  });

  it('says nothing when every learner is written one way', () => {
    const text = ['learner,name,competency,phase,date', 'maya,Maya R.,M.NF.1,Proficient,2026-09-15', 'maya,,M.NF.2,Proficient,2026-09-16', 'leo,Leo,M.NF.1,Beginning,2026-09-15'].join('\n');
    const r = importProgressCsv(text, fw);
    expect(r.ok && r.value.notes).toEqual([]);
  });
});
