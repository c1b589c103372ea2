import Papa, { type PapaParseConfig } from 'papaparse/papaparse.js';

/** A problem found while splitting CSV text into rows, on a 1-based spreadsheet row number. */
export interface CsvRowProblem {
  /** 1-based row as a spreadsheet shows it (the header is row 1). */
  row: number;
  message: string;
}

/** CSV text split into rows of cells (strings, untrimmed), with the parser's problems. */
export interface CsvTable {
  /** Every record of the file, the header included; row `i` is spreadsheet row `i + 1`. */
  rows: string[][];
  problems: CsvRowProblem[];
  /**
   * Rows holding "�" (U+FFFD), which a file not saved as UTF-8 gets in place of its accented letters,
   * quotes and dashes once read as UTF-8: warnings, as the rest is read (the first few rows, then a count).
   */
  warnings: CsvRowProblem[];
  /** The delimiter found (`,` `;` or tab). */
  delimiter: string;
}

/** The byte order mark spreadsheets write at the start of UTF-8 CSV files. */
export const BOM = '\uFEFF';

/**
 * Splits CSV text into records with Papa Parse (RFC 4180: quoted fields may hold commas, quotes
 * and line breaks; CRLF, LF or CR line ends). A leading BOM is dropped. Empty records are kept, so
 * that index + 1 is always the row number a spreadsheet shows — except one final empty record
 * produced by a trailing line break. The delimiter is the one an Excel `sep=;` first line names (that
 * line is not a row), else detected from the header row (comma, semicolon, tab or pipe).
 */
export function parseCsv(text: string): CsvTable {
  let body = text.startsWith(BOM) ? text.slice(1) : text;
  // Excel's `sep=;` first line names the delimiter; a spreadsheet does not show it as a row.
  const sep = /^sep=([^\r\n])\r?\n/i.exec(body);
  if (sep) body = body.slice(sep[0].length);
  const config: PapaParseConfig = { header: false, dynamicTyping: false, skipEmptyLines: false, delimiter: sep ? sep[1]! : detectDelimiter(body) };
  let result = Papa.parse(body, config);
  // A quoted cell that is never closed swallows every line after it, to the end of the file, into
  // one cell: the rows after it would be lost without a word. Read such a cell without its opening
  // quote instead (the rows after it stay rows) and say so on its row (a few times at most).
  const reopened: CsvRowProblem[] = [];
  for (let pass = 0; pass < 10; pass++) {
    const e = result.errors.find((x) => x.code === 'MissingQuotes');
    // Papa Parse's index is just after the opening quote (checked both ways, should that change).
    const i = e?.index ?? -1;
    const at = body[i - 1] === '"' ? i - 1 : body[i] === '"' ? i : -1;
    if (!e || at < 0 || !/[\r\n]/.test(body.slice(at))) break;
    body = body.slice(0, at) + body.slice(at + 1);
    const row = (e.row ?? 0) + 1;
    reopened.push({ row, message: `a quoted cell is not closed (a " is missing)${cellOf(result.data, row)} and would have taken in every line after it, to the end of the file; it was read without its opening ", so the rows after it are read as rows — check this cell` });
    result = Papa.parse(body, config);
  }
  const rows = result.data.map((r) => (Array.isArray(r) ? r.map((c) => (typeof c === 'string' ? c : String(c ?? ''))) : []));
  const last = rows[rows.length - 1];
  if (last && last.length <= 1 && (last[0] ?? '') === '') rows.pop();
  const problems: CsvRowProblem[] = [...reopened];
  for (const e of result.errors) {
    // "UndetectableDelimiter" only means a one-column file: Papa then assumes a comma, which is right.
    if (e.code === 'UndetectableDelimiter') continue;
    // Ragged rows are handled by the readers (missing cells are empty, extra cells reported there).
    if (e.code === 'TooFewFields' || e.code === 'TooManyFields') continue;
    const row = (e.row ?? 0) + 1;
    problems.push({ row, message: csvErrorMessage(e.code, e.message, e.code === 'MissingQuotes' ? cellOf(result.data, row) : '') });
  }
  return { rows, problems, warnings: replacementCharWarnings(rows), delimiter: result.meta.delimiter || ',' };
}

/** How many rows holding "�" are named one by one before the rest are counted. */
const SHOWN_REPLACEMENT_ROWS = 3;

function replacementCharWarnings(rows: readonly string[][]): CsvRowProblem[] {
  const out: CsvRowProblem[] = [];
  let more = 0;
  rows.forEach((cells, r) => {
    const c = cells.findIndex((cell) => cell.includes('\ufffd'));
    if (c < 0) return;
    if (out.length === SHOWN_REPLACEMENT_ROWS) {
      more++;
      return;
    }
    const cell = cells[c]!;
    const at = cell.indexOf('\ufffd');
    const around = cell.slice(Math.max(0, at - 20), at + 20).replace(/\s+/g, ' ').trim();
    out.push({
      row: r + 1,
      message: `column ${c + 1} (“${around}”) holds "�", what a file not saved as UTF-8 shows in place of accented letters, quotes and dashes: save the sheet as "CSV UTF-8 (comma delimited)" and import it again, or check this text`,
    });
  });
  if (more > 0) out.push({ row: out[out.length - 1]!.row, message: `… and ${more} more row(s) hold "�" too` });
  return out;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter of the first record: the candidate that occurs most often outside quotes (comma
 * on a tie or when there is none). Papa Parse's own guess looks at the data rows too, where
 * quoted text full of semicolons can outvote the commas of a well-formed file.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if ([...counts.values()].some((n) => n > 0)) break;
    } else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * Where the unclosed quoted cell of `row` (1-based) is, as a spreadsheet names it: ", cell C3". A cell never
 * closed runs to the end of its record, so it is the record's last cell as parsed.
 */
function cellOf(data: unknown[], row: number): string {
  const r = data[row - 1];
  return Array.isArray(r) && r.length > 0 ? ` in cell ${columnLetters(r.length - 1)}${row} (column ${r.length})` : '';
}

/** A column's letters as a spreadsheet shows them (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function csvErrorMessage(code: string, fallback: string, where: string): string {
  switch (code) {
    case 'MissingQuotes':
      return `a quoted cell is not closed (a " is missing)${where}, so the rest of the row may be read wrongly`;
    case 'InvalidQuotes':
      return 'a cell has a stray " inside it; write "" for a quote inside a quoted cell';
    default:
      return fallback;
  }
}

/** True when every cell of a record is empty or only spaces. */
export function isBlankRow(row: readonly string[]): boolean {
  return row.every((c) => c.trim() === '');
}

/** How `writeCsv` writes. */
export interface CsvWriteOptions {
  /** Quote every field (what spreadsheets open most predictably); default true. */
  quoteAll?: boolean;
  /** Start with a UTF-8 byte order mark so Excel reads the text as UTF-8; default true. */
  bom?: boolean;
  /** Record separator; default CRLF (RFC 4180). */
  newline?: '\r\n' | '\n';
}

/**
 * Writes rows as CSV with Papa Parse. Embedded quotes are doubled; cells with delimiters, quotes or
 * line breaks are always quoted. With `quoteAll: false` only such cells are quoted — empty cells
 * then stay unquoted, which some importers (Canvas) read as "no value" rather than "".
 */
export function writeCsv(rows: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  const { quoteAll = true, bom = true, newline = '\r\n' } = options;
  const text = Papa.unparse(
    rows.map((r) => [...r]),
    { quotes: quoteAll, delimiter: ',', newline, header: false },
  );
  return (bom ? BOM : '') + text + newline;
}
