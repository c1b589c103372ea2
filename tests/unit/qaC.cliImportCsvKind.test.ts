import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './helpers/cli';

describe('import of a hand-made CSV: which kind it was read as, and how to get the other', () => {
  it('Code, Statement, Domain reads as a standards set, and the report says how to read it as competencies', async () => {
    const files = { 'list.csv': 'Code,Statement,Domain\r\nA.1,Count to 100,Numbers\r\n' };
    const r = await runCliCaptured(['import', 'list.csv'], { files });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/CSV \(standards set\)/);
    expect(r.stderr).toMatch(/to read the rows as competencies, add a "Prerequisites" column/);
    expect(Object.keys(JSON.parse(r.stdout).framework.competencies)).toHaveLength(0);

    const withPrerequisites = { 'list.csv': 'Code,Statement,Domain,Prerequisites\r\nA.1,Count to 100,Numbers,\r\n' };
    const c = await runCliCaptured(['import', 'list.csv'], { files: withPrerequisites });
    expect(c.stderr).toMatch(/CSV \(competency spreadsheet\)/);
    expect(c.stderr).not.toMatch(/add a "Prerequisites" column/);
    expect(Object.keys(JSON.parse(c.stdout).framework.competencies)).toHaveLength(1);
  });
});
