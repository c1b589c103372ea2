import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src-core/csv/papa';
import { runCliCaptured } from './helpers/cli';

/** One cell typed with an opening quote and no closing one, in a standards list of five rows. */
const sheet = 'Code,Statement\r\nA.1,First\r\nA.2,"Second, started with a quote\r\nA.3,Third\r\nA.4,Fourth\r\nA.5,Fifth\r\n';

describe('a quoted cell that is never closed', () => {
  it('does not swallow the rows after it: they stay rows, and its own row names the problem', () => {
    const t = parseCsv(sheet);
    expect(t.rows.map((r) => r[0])).toEqual(['Code', 'A.1', 'A.2', 'A.3', 'A.4', 'A.5']);
    expect(t.rows[2]).toEqual(['A.2', 'Second', ' started with a quote']);
    expect(t.problems).toEqual([{ row: 3, message: expect.stringMatching(/quoted cell is not closed .*every line after it.*check this cell/) }]);
    // where, as a spreadsheet names it: the cell that opens the quote is the row's second
    expect(t.problems[0]!.message).toContain('in cell B3 (column 2)');
  });

  it('import reads all five standards and lists row 3 (it read two, the second holding the other rows’ text)', async () => {
    const r = await runCliCaptured(['import', 'standards.csv'], { files: { 'standards.csv': sheet } });
    expect(r.code).toBe(0);
    const items = Object.values((JSON.parse(r.stdout).framework.standardsSets as Record<string, { items: Record<string, { code: string; statement: string }> }>))[0]!.items;
    expect(Object.values(items).map((i) => i.code)).toEqual(['A.1', 'A.2', 'A.3', 'A.4', 'A.5']);
    expect(Object.values(items).every((i) => !i.statement.includes('\n'))).toBe(true);
    expect(r.stderr).toMatch(/row 3: error: a quoted cell is not closed/);
  });

  it('an unclosed quote on the last line (a cut-off file) is still named, and the rows before it kept', () => {
    const t = parseCsv('Code,Statement\r\nA.1,First\r\nA.2,"cut off');
    expect(t.rows.map((r) => r[0])).toEqual(['Code', 'A.1', 'A.2']);
    expect(t.problems).toEqual([{ row: 3, message: expect.stringMatching(/quoted cell is not closed .* in cell B3 \(column 2\)/) }]);
  });

  it('a well-formed multi-line quoted cell is untouched', () => {
    const t = parseCsv('Code,Indicators\r\nA.1,"one\r\ntwo ""quoted""\r\nthree"\r\nA.2,x\r\n');
    expect(t.rows).toEqual([['Code', 'Indicators'], ['A.1', 'one\r\ntwo "quoted"\r\nthree'], ['A.2', 'x']]);
    expect(t.problems).toEqual([]);
  });
});
