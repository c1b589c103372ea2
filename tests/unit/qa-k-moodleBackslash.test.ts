import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src-core/csv/papa';
import { MOODLE_COLUMNS, writeMoodleCsv } from '../../src-core/export/moodle';
import type { Framework } from '../../src-core/model/types';
import { smallFramework } from './csv/fixtures';

/**
 * How Moodle splits the file into cells: PHP's `fgetcsv($fp, 0, ',', '"')`, whose escape character is
 * the backslash. Inside a quoted cell, `\` keeps the next character from ending the cell (both are kept);
 * `""` is one quote; a quote followed by anything else closes the cell.
 */
function phpFgetcsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '\\' && i + 1 < text.length) {
        field += c + text[++i];
      } else if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"' && !started) {
      quoted = true;
      started = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
      started = false;
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      started = false;
    } else {
      field += c;
      started = true;
    }
  }
  if (started || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const byCode = (fw: Framework, code: string) => Object.values(fw.competencies).find((c) => c.code === code)!;

function withBackslashes(): Framework {
  const fw = smallFramework();
  fw.title = 'Paths like C:\\';
  fw.description = 'Ends in a backslash \\';
  fw.domains[0]!.title = 'Domain \\';
  fw.domains[0]!.description = 'Say \\"this\\"';
  byCode(fw, '3.NF.2').statement = 'Read \\"a/b\\" aloud, ending with \\';
  byCode(fw, '3.NF.1').code = 'NF\\1'; // a prerequisite of 3.NF.2, so also a cross-reference
  fw.phases[0]!.label = 'Not yet \\';
  return fw;
}

describe('Moodle CSV read by PHP fgetcsv, whose escape character is the backslash (qa-k)', () => {
  it('keeps every row at 14 cells, as Moodle requires, and every cell as written', () => {
    const csv = writeMoodleCsv(withBackslashes());
    const php = phpFgetcsv(csv);
    const ours = parseCsv(csv).rows;
    // Before: "…C:\" ran into the next cells, and Moodle refused the file (inconsistent number of columns).
    expect(php.map((r) => r.length)).toEqual(ours.map(() => MOODLE_COLUMNS.length));
    expect(php).toEqual(ours);
  });

  it('shows the backslashes to people: ＼ in short names and scale items, &#92; in descriptions', () => {
    const fw = withBackslashes();
    const rows = parseCsv(writeMoodleCsv(fw)).rows;
    expect(rows[1]![2]).toBe('Paths like C:＼');
    expect(rows[1]![3]).toBe('<p>Ends in a backslash &#92;</p>');
    expect(rows[1]![5]!.split(',')[0]).toBe('Not yet ＼');
    const c2 = rows.find((r) => r[3]!.includes('aloud'))!;
    expect(c2[2]).toBe('Read \\"a/b\\" aloud, ending with \\'.replace(/\\/g, '＼'));
    expect(c2[3]).toContain('Read &#92;&quot;a/b&#92;&quot; aloud, ending with &#92;');
    // The code with a backslash is replaced by the id, in its row and in the cross-reference.
    const c1 = byCode(fw, 'NF\\1');
    expect(rows.some((r) => r[1] === c1.id)).toBe(true);
    expect(c2[10]).toBe(c1.id);
    expect(rows.every((r) => r.every((cell) => !cell.includes('\\')))).toBe(true);
  });
});
