import { isCasePackageLike } from '../case/read';
import { FORMAT_NAME } from '../model/types';
import { fail, type Problem } from '../result';

/**
 * Why text handed to a CSV reader is no CSV at all, in words, or `null` when it may be one: a workbook
 * (.xlsx / .ods), UTF-16 text, binary data or another encoding — each with how to save a CSV from the
 * spreadsheet — or a JSON document (a CASE package or a framework file picked by mistake, with where it
 * goes; without this a JSON file reads as a one-column table whose header is `{`). Every CSV reader
 * (standards, competencies, progress) asks this first. A leading BOM is allowed.
 */
export function notCsvProblem(text: string): Problem | null {
  const t = text.replace(/^\uFEFF/, '');
  const binary = notTextProblem(t);
  if (binary) return binary;
  const j = t.trimStart();
  if (!j.startsWith('{') && !j.startsWith('[')) return null;
  let value: unknown;
  try {
    value = JSON.parse(j);
  } catch {
    return { code: 'not-csv', message: 'This file is not a CSV: it starts like a JSON document ("{" or "[" on line 1). Choose a CSV file (comma-, semicolon- or tab-separated, one header row).', path: 'row 1' };
  }
  const o = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  if (o && o.format === undefined && isCasePackageLike(o)) {
    return { code: 'not-csv', message: 'This is a CASE package (JSON), not a CSV: import it from the CASE package tab.', path: 'row 1' };
  }
  if (o && o.format === FORMAT_NAME) {
    return { code: 'not-csv', message: 'This is a Progressions framework file (JSON), not a CSV: open it with Open….', path: 'row 1' };
  }
  return { code: 'not-csv', message: 'This is a JSON file, not a CSV: choose a CSV file (comma-, semicolon- or tab-separated, one header row).', path: 'row 1' };
}

/** {@link notCsvProblem} as a failed result, for the readers that return one. */
export function notCsv(text: string): ReturnType<typeof fail> | null {
  const p = notCsvProblem(text);
  return p ? fail(p.code, p.message, { path: p.path }) : null;
}

/**
 * Why a file is not text a reader can take, in words, or `null` when it is text: a workbook (.xlsx /
 * .ods), UTF-16 text, binary data or another encoding — each saying how to save a CSV from the
 * spreadsheet. Every file reader asks it (the CSV readers through {@link notCsvProblem}; the JSON readers
 * when the text is not JSON), so a workbook is named wherever it is picked.
 */
export function notTextProblem(text: string): Problem | null {
  const t = text.replace(/^\uFEFF/, '');
  if (t.startsWith('PK\u0003\u0004')) {
    return { code: 'not-csv', message: 'This file is an Excel or OpenDocument workbook, not a CSV: open it in the spreadsheet and save it as "CSV UTF-8 (comma delimited)", then import that file.', path: 'row 1' };
  }
  const head = t.slice(0, 4096);
  if (head.includes('\u0000')) {
    // UTF-16 text ("Unicode text" in Excel) read as UTF-8 has a NUL after every ASCII letter.
    // (Tabs and line breaks too: JSON begins "{" and a line break, a tab-separated sheet has tabs.)
    const utf16 = /^(?:[\ufffd\ufeff]*)(?:[\t\n\r\x20-\x7e]\u0000){4}/.test(head) || /^(?:[\ufffd\ufeff]*)(?:\u0000[\t\n\r\x20-\x7e]){4}/.test(head);
    // A JSON document saved as UTF-16 (Windows PowerShell's `>` does that) is not a spreadsheet.
    const json = /^[\ufffd\ufeff]*\u0000?[{[]/.test(head);
    return utf16 && json
      ? { code: 'not-csv', message: 'This file is saved as UTF-16 ("Unicode"), not as UTF-8: save it as UTF-8 (Windows PowerShell writes UTF-16 with `>`; use `-o <file>` or `| Out-File -Encoding utf8`) and open it again.', path: 'line 1' }
      : utf16
      ? { code: 'not-csv', message: 'This file is saved as UTF-16 ("Unicode text"), not as a CSV in UTF-8: save it from the spreadsheet as "CSV UTF-8 (comma delimited)" and import that file.', path: 'row 1' }
      : { code: 'binary', message: 'This file is not text (it holds binary data), so it is not a CSV: save it from the spreadsheet as "CSV UTF-8 (comma delimited)".', path: 'row 1' };
  }
  const bad = (head.match(/\ufffd/g) ?? []).length;
  if (bad > 8 && bad > head.length / 20) {
    return { code: 'not-csv', message: 'This file is not UTF-8 text (an old Excel workbook, or a CSV in another encoding): save it from the spreadsheet as "CSV UTF-8 (comma delimited)".', path: 'row 1' };
  }
  return null;
}
