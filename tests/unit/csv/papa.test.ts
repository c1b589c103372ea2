import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv, writeCsv } from '../../../src-core/csv/papa';

describe('parseCsv / writeCsv', () => {
  it('takes the delimiter from the header row, not from quoted text in the data', () => {
    const text = 'code,statement\n"A","one; two; three; four"\n"B","x;y;z;w;v"\n';
    expect(detectDelimiter(text)).toBe(',');
    expect(parseCsv(text).rows[1]).toEqual(['A', 'one; two; three; four']);
    expect(detectDelimiter('code;statement\nA;"1,2,3,4,5"\n')).toBe(';');
    expect(detectDelimiter('code\tstatement\n')).toBe('\t');
    expect(detectDelimiter('"a,b;c;d"\n')).toBe(',');
    expect(detectDelimiter('\n\ncode;statement\n')).toBe(';');
  });

  it('keeps empty records so that row numbers match a spreadsheet, drops only the final line break', () => {
    expect(parseCsv('a\n\nb\n').rows).toEqual([['a'], [''], ['b']]);
    expect(parseCsv('').rows).toEqual([]);
  });

  it('round-trips any cells through write and parse', () => {
    const rows = [
      ['a', 'b,c', 'd"e', 'f\r\ng', '', ' h ', '=1', '漢😀'],
      ['', '', '', '', '', '', '', ''],
    ];
    const text = writeCsv(rows);
    expect(text.startsWith('\uFEFF"a","b,c","d""e"')).toBe(true);
    expect(parseCsv(text).rows).toEqual(rows);
    expect(parseCsv(writeCsv(rows, { quoteAll: false, bom: false, newline: '\n' })).rows).toEqual(rows);
  });
});
