import { describe, expect, it } from 'vitest';
import { readCompetencyCsv } from '../../src-core/csv/competencyCsv';

/** A hand-made competency sheet: prerequisites typed with commas, or in another case than the Code column. */
const sheet = 'Code,Statement,Prerequisites\r\nFR.1,First,\r\nFR.2,Second, fr.1 \r\nFR.3,Third,"FR.1, FR.2"\r\nFR.4,Fourth,FR.9;FR.3\r\n';

function links(text: string): string[] {
  const r = readCompetencyCsv(text);
  if (!r.ok) throw new Error(r.error.message);
  const code = (id: string) => r.value.framework.competencies[id as never]!.code;
  return [...r.value.framework.prerequisites.values()].map((l) => `${code(l.from)}>${code(l.to)}`).sort();
}

describe('prerequisites typed by hand', () => {
  it('"FR.1, FR.2" and "fr.1" are read as the competencies they name, each with a warning on its row', () => {
    expect(links(sheet)).toEqual(['FR.1>FR.2', 'FR.1>FR.3', 'FR.2>FR.3', 'FR.3>FR.4']);
    const r = readCompetencyCsv(sheet);
    expect(r.ok && r.value.rowErrors).toEqual([
      { row: 3, severity: 'warning', message: 'prerequisite fr.1 read as FR.1 (codes are matched as written in the Code column)' },
      { row: 4, severity: 'warning', message: 'prerequisites "FR.1, FR.2" read as FR.1; FR.2: separate codes with ";"' },
      { row: 5, severity: 'error', message: 'prerequisite FR.9 is not a competency in the file; the link was left out' },
    ]);
  });

  it('when the reading is not certain (two codes differ only in case, a part is unknown) it stays an error', () => {
    const r = readCompetencyCsv('Code,Statement,Prerequisites\r\nab,a,\r\nAB,b,\r\nC,c,Ab\r\nD,d,"ab, X"\r\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rowErrors).toEqual([
      { row: 4, severity: 'error', message: 'prerequisite Ab is not a competency in the file; the link was left out' },
      { row: 5, severity: 'error', message: 'prerequisite ab, X is not a competency in the file; the link was left out (separate codes with ";")' },
    ]);
    expect(r.value.framework.prerequisites.size).toBe(0);
  });
});

describe('alignments typed by hand', () => {
  it('"3.NF.A.1, 3.NF.A.2" is two standards (it became one unknown standard with that code), with a warning', () => {
    const r = readCompetencyCsv('Code,Statement,Alignments\r\nFR.1,First,"3.NF.A.1, 3.NF.A.2"\r\nFR.2,Second,3.NF.A.3 (partial); 3.NF.A.1\r\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const codes = Object.values(r.value.framework.standardsSets).flatMap((s) => Object.values(s.items).map((i) => i.code));
    expect(codes.sort()).toEqual(['3.NF.A.1', '3.NF.A.2', '3.NF.A.3']);
    expect(r.value.framework.alignments.size).toBe(4);
    expect(r.value.rowErrors).toEqual([{ row: 2, severity: 'warning', message: 'alignments "3.NF.A.1, 3.NF.A.2" read as 3.NF.A.1; 3.NF.A.2: separate codes with ";"' }]);
  });

  it('a sheet with Code, Statement, Alignments is a competency sheet (it was read as a standards list)', async () => {
    const { importCsvAsFramework } = await import('../../src-core/csv/importCsv');
    const r = importCsvAsFramework('Code,Statement,Alignments\r\nFR.1,First,3.NF.A.1\r\n');
    expect(r.ok && r.value.kind).toBe('competencies');
  });
});
