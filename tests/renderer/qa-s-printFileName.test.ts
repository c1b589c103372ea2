import { describe, expect, it } from 'vitest';
import { fileStem, printFileName } from '../../src-renderer/src/dialogs/export/exportFormats';
import { smallFramework } from '../unit/csv/fixtures';

// Two prints of one map (the whole map in full, one domain's summary, one grade …) get different file names.
describe('the printable map file name', () => {
  it('names the part printed, the layout, the audience and the paper', () => {
    const fw = smallFramework();
    const stem = fileStem(fw);
    expect(printFileName(fw, { audience: 'student', paper: 'a4', layout: 'full', only: {} })).toBe(`${stem}.student.a4`);
    expect(printFileName(fw, { audience: 'teacher', paper: 'letter', layout: 'summary', only: { domainId: '00000000-0000-4000-8000-000200000002', level: '03' } })).toBe(
      `${stem}.nf-eq.grade-03.summary.teacher.letter`,
    );
    expect(printFileName(fw, { audience: 'student', paper: 'a4', layout: 'summary', only: { competencyIds: ['a'] } })).toBe(`${stem}.selection.summary.student.a4`);
  });
});
