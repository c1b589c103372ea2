import { escapeCell, escapeCodeCell, unescapeCell, unescapeCodeCell } from '../csv/competencyCsv';
import { columnLetters, isBlankRow, parseCsv, writeCsv } from '../csv/papa';
import { notCsvProblem } from '../csv/notCsv';
import type { LoadProblem } from '../format/frameworkFile';
import type { CompetencyId, PhaseId } from '../model/ids';
import type { Competency, Framework } from '../model/types';
import { ok, type Problem, type Result } from '../result';
import { isIsoDate } from './dates';
import type { Learner, Progress, ProgressRecord } from './types';

/**
 * Progress CSV: one row per demonstration, with a header row naming the columns
 * `learner,competency,phase,date,evidence` (any order, any case). `competency` is a competency's
 * code or id, `phase` a mastery phase label (case-insensitive) or id, `date` `YYYY-MM-DD`;
 * `evidence` may be empty or its column left out. An optional `name` column gives learners'
 * display names. Rows are numbered as in a spreadsheet: the header is row 1; columns are named by
 * their header and, in `path`, by their letters (`B3`).
 */

/** Header spellings accepted for each column (compared lower-cased, spaces/underscores/dashes removed). */
const COLUMN_ALIASES: Record<ProgressColumn, readonly string[]> = {
  learner: ['learner', 'learnerid', 'student', 'studentid', 'studentnumber'],
  competency: ['competency', 'competencycode', 'competencyid', 'code', 'learningtarget', 'target', 'targetcode'],
  phase: ['phase', 'masteryphase', 'level', 'proficiency', 'proficiencylevel', 'masterylevel', 'mastery'],
  date: ['date', 'dateassessed', 'assessmentdate', 'assessedon'],
  evidence: ['evidence', 'evidencenote', 'note', 'notes', 'comment', 'comments'],
  name: ['name', 'learnername', 'studentname'],
};
type ProgressColumn = 'learner' | 'competency' | 'phase' | 'date' | 'evidence' | 'name';
const REQUIRED: readonly ProgressColumn[] = ['learner', 'competency', 'phase', 'date'];

/** Most row problems reported at once (the rest are counted in `total`). */
const MAX_ROW_PROBLEMS = 1000;

/** The outcome of a progress CSV import. */
export interface ProgressCsvImport {
  progress: Progress;
  /** Data rows read (blank rows not counted). */
  rows: number;
  /** What the import accepted or ignored (e.g. an extra column, a repeated row), for the import report. */
  notes: string[];
}

/**
 * One problem of a progress CSV, where it is as a spreadsheet shows it. `message` is the whole line in
 * words (`row 3, column "competency": no competency has the code or id "M.NF.9"`); `path` is the
 * cell (`B3`) when the problem is in one cell, else the row (`row 3`); `row` is 1-based with the
 * header on row 1, `columnName` the column's header as written in the file. File-level problems (an
 * empty file, a workbook instead of a CSV) have neither.
 */
export interface ProgressCsvProblem extends Problem {
  row?: number;
  columnName?: string;
}

/** Why a progress CSV was refused: the first problem in `message`, the listed ones in `details`, how many in all in `total`. */
export interface ProgressCsvError extends LoadProblem {
  details: ProgressCsvProblem[];
  /** Problems found, including those beyond the listed ones. */
  total: number;
  /**
   * Set when every problem is a date the spreadsheet wrote another way and each can be read one way
   * (one order of month and day fits them all): importing again with `{ dateOrder: order }` reads them.
   * `example` is the first such date as written and as it would be read.
   */
  readDates?: { order: DateOrder; count: number; example: { written: string; read: string } };
  /**
   * Set when every problem is a phase written as a whole number 1…N (a gradebook's 1–4 scale): importing
   * again with `{ phaseNumbers: true }` reads each as that level of the scale, counted from the lowest.
   */
  readPhaseNumbers?: { count: number; example: { written: string; read: string } };
  /** Data rows read, when the problems are in the rows (blank rows not counted). */
  rows?: number;
}

/** Options of {@link importProgressCsv}. */
export interface ProgressCsvOptions {
  /**
   * Read dates a spreadsheet wrote another way (`9/15/2026`, `2026-09-15 00:00:00`, `22.09.2026`) instead of
   * refusing them, slashed ones in this order; the import notes how many were read so. Without it only
   * `YYYY-MM-DD` is accepted (the CLI's contract).
   */
  dateOrder?: DateOrder;
  /** Read a whole number 1…N in the phase column as that level of the scale, counted from the lowest (1 = the first phase). */
  phaseNumbers?: boolean;
}

const normHeader = (h: string) => h.trim().toLowerCase().replace(/[\s_-]+/g, '');

/** A column's letters as a spreadsheet shows them (0 → A, 26 → AA). */
export { columnLetters };

/** A cell's text for a message: quoted, long text cut. */
function shown(cell: string, max = 40): string {
  const t = cell.trim();
  return JSON.stringify(t.length > max ? `${t.slice(0, max - 1)}…` : t);
}

/** Finds competencies by id or code: exact first, then case-insensitively; codes may be ambiguous. */
export function competencyResolver(fw: Framework): (ref: string) => { id: CompetencyId } | { error: string } {
  const byLowerId = new Map<string, Competency>();
  const byCode = new Map<string, Competency[]>();
  const byLowerCode = new Map<string, Competency[]>();
  for (const c of Object.values(fw.competencies)) {
    byLowerId.set(c.id.toLowerCase(), c);
    const code = c.code.trim();
    if (!code) continue;
    (byCode.get(code) ?? byCode.set(code, []).get(code)!).push(c);
    const lc = code.toLowerCase();
    (byLowerCode.get(lc) ?? byLowerCode.set(lc, []).get(lc)!).push(c);
  }
  return (raw) => {
    const ref = raw.trim();
    if (fw.competencies[ref]) return { id: ref as CompetencyId };
    const hits = byCode.get(ref) ?? (byLowerId.get(ref.toLowerCase()) ? [byLowerId.get(ref.toLowerCase())!] : byLowerCode.get(ref.toLowerCase()));
    if (!hits || hits.length === 0) return { error: `no competency in this framework has the code or id ${shown(ref)}` };
    if (hits.length > 1) return { error: `the code ${shown(ref)} is shared by ${hits.length} competencies; write the competency's id instead` };
    return { id: hits[0]!.id };
  };
}

/** Finds a mastery phase by label (case-insensitive, trimmed) or id. */
export function phaseResolver(fw: Framework): (ref: string) => { id: PhaseId } | { error: string } {
  const byLabel = new Map<string, PhaseId>();
  for (const p of fw.phases) {
    const k = p.label.trim().toLowerCase();
    if (k && !byLabel.has(k)) byLabel.set(k, p.id);
  }
  const scale = fw.phases.map((p) => p.label).join(', ');
  return (raw) => {
    const ref = raw.trim();
    const hit = byLabel.get(ref.toLowerCase()) ?? fw.phases.find((p) => p.id === ref || p.id.toLowerCase() === ref.toLowerCase())?.id;
    return hit ? { id: hit } : { error: `${shown(ref)} is not a mastery phase of this framework (the scale is ${scale || 'empty'})` };
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Which comes first in a date written with slashes or dashes (`9/15/2026` month first, `15/09/2026` day first). */
export type DateOrder = 'month-first' | 'day-first';

/**
 * What a date a spreadsheet wrote in another way may mean: the one `YYYY-MM-DD` date when only one
 * reading is possible (`order` says which order that needed, if any), the two when both orders give a
 * real date, or null when it cannot be read. Read: a date with a time (`2026-09-15 00:00:00`, what
 * spreadsheets and student-information systems write for a date cell), `2026/09/15`, day.month.year
 * (`22.09.2026`), and month/day or day/month with slashes or dashes, with a 4- or 2-digit year (20yy).
 */
export function readSpreadsheetDate(raw: string): { iso: string; order?: DateOrder } | { monthFirst: string; dayFirst: string } | null {
  const s = raw.trim();
  const ymd = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const withTime = /^(\d{4})-(\d{2})-(\d{2})[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  // (year first is never day-first: `2026-9-5`, typed without the zeros, is 5 September)
  const yFirst = withTime ?? /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$/.exec(s)?.filter((_, i) => i !== 2);
  if (yFirst) {
    const iso = ymd(yFirst[1]!, yFirst[2]!, yFirst[3]!);
    return isIsoDate(iso) ? { iso } : null;
  }
  // Day.month.year is what spreadsheets in much of Europe show; it is not ambiguous.
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (dotted) {
    const iso = ymd(dotted[3]!, dotted[2]!, dotted[1]!);
    return isIsoDate(iso) ? { iso } : null;
  }
  // A month by its name is not ambiguous: `15-Sep-26` (Excel's d-mmm-yy), `15 September 2026`, `Sep 15, 2026`.
  const named = readNamedMonthDate(s);
  if (named !== undefined) return named ? { iso: named } : null;
  const slashed = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(s);
  // a 2-digit year only after slashes (`26-09-15` is as likely year-month-day)
  if (!slashed || (slashed[2] === '-' && slashed[4]!.length === 2)) return null;
  const year = slashed[4]!.length === 2 ? `20${slashed[4]}` : slashed[4]!;
  const monthFirst = ymd(year, slashed[1]!, slashed[3]!);
  const dayFirst = ymd(year, slashed[3]!, slashed[1]!);
  const mf = isIsoDate(monthFirst);
  const df = isIsoDate(dayFirst);
  if (mf && df) return monthFirst === dayFirst ? { iso: monthFirst } : { monthFirst, dayFirst };
  if (mf) return { iso: monthFirst, order: 'month-first' };
  if (df) return { iso: dayFirst, order: 'day-first' };
  return null;
}

/**
 * A date with its month written as a (3 letters or more of its English) name, day before or after it, year
 * last (4 digits, or 2 read as 20yy): the `YYYY-MM-DD` date; null for such a date that does not exist
 * (`31-Sep-26`); undefined when `s` is not written that way at all.
 */
function readNamedMonthDate(s: string): string | null | undefined {
  const dayFirst = /^(\d{1,2})[-\s.]+([A-Za-z]{3,9})\.?[-\s,]+(\d{4}|\d{2})$/.exec(s);
  const monthFirst = dayFirst ? null : /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(s);
  if (!dayFirst && !monthFirst) return undefined;
  const [day, name, year] = dayFirst ? [dayFirst[1]!, dayFirst[2]!, dayFirst[3]!] : [monthFirst![2]!, monthFirst![1]!, monthFirst![3]!];
  const n = name.toLowerCase();
  const month = MONTHS.findIndex((m) => m.toLowerCase().startsWith(n)); // Sep, Sept, September
  if (month < 0) return undefined;
  const iso = `${year.length === 2 ? `20${year}` : year}-${String(month + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Why a date cell is not a `YYYY-MM-DD` calendar date, in words (with the date it may mean). */
function dateProblem(date: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (m < 1 || m > 12) return `${shown(date)} is not a real date: there is no month ${m} (dates are written YYYY-MM-DD)`;
    return `${shown(date)} is not a real date: ${MONTHS[m - 1]} ${y} has no day ${d}`;
  }
  const reading = readSpreadsheetDate(date);
  const hint = !reading
    ? ''
    : 'iso' in reading
      ? ` (did you mean ${reading.iso}?)`
      : ` (${reading.monthFirst} if it is month/day/year, ${reading.dayFirst} if it is day/month/year)`;
  return `${shown(date)} is not written YYYY-MM-DD${hint}; a spreadsheet may have changed the date format — set the column's format to text or yyyy-mm-dd and save again`;
}

const DELIMITER_WORDS: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': '|' };

/**
 * Reads a progress CSV against a framework. Fails closed: any malformed row, unknown competency or
 * phase, empty learner or bad date fails the whole import, so nothing is half-imported; every
 * problem says its row (as a spreadsheet numbers it) and column (by its header) and what is wrong
 * in words (`details`, the first one in `message`). A row that repeats an earlier one exactly is
 * read once and noted. Learners are listed in order of first appearance; their name is the `name`
 * column or else the id. (Excel's `sep=;` first line: see `parseCsv`.)
 */
export function importProgressCsv(text: string, fw: Framework, options: ProgressCsvOptions = {}): Result<ProgressCsvImport, ProgressCsvError> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (src.trim() === '') return failWith([{ code: 'empty', message: 'The file is empty: a progress CSV starts with a header row learner,competency,phase,date,evidence and has one row per demonstration.' }]);
  const wrong = notCsvProblem(src);
  if (wrong) return failWith([{ code: wrong.code, message: wrong.message }]);
  const parsed = parseCsv(src);
  const problems: ProgressCsvProblem[] = [];
  let total = 0;
  const report = (problem: ProgressCsvProblem) => {
    total++;
    if (problems.length < MAX_ROW_PROBLEMS) problems.push(problem);
  };
  const rowProblem = (row: number, code: string, what: string) => report({ code, message: `row ${row}: ${what}`, path: `row ${row}`, row });
  for (const e of parsed.problems) rowProblem(e.row, 'malformed-csv', e.message);
  if (problems.length) return failWith(problems, total);

  const rows = parsed.rows;
  let h = 0;
  while (h < rows.length && isBlankRow(rows[h]!)) h++;
  const header = rows[h] ?? [];
  const headerRow = h + 1;
  const col: Partial<Record<ProgressColumn, number>> = {};
  const notes: string[] = [];
  // "�" in a cell: a sheet not saved as UTF-8 (names like "José" arrive as "Jos�"); imported, with a note per row
  for (const w of parsed.warnings) notes.push(`row ${w.row}: ${w.message}`);
  header.forEach((name, i) => {
    const n = normHeader(name);
    const hit = (Object.keys(COLUMN_ALIASES) as ProgressColumn[]).find((k) => COLUMN_ALIASES[k].includes(n));
    if (hit && col[hit] !== undefined) {
      notes.push(`column ${columnLetters(i)} ${shown(name)} is a second ${hit} column; column ${columnLetters(col[hit]!)} ${shown(header[col[hit]!]!)} is used`);
    } else if (hit) col[hit] = i;
    else if (name.trim()) notes.push(`ignored column ${columnLetters(i)} ${shown(name)}`);
  });
  const missingCols = REQUIRED.filter((k) => col[k] === undefined);
  if (missingCols.length) {
    const found = header.filter((x) => x.trim());
    const foundList = found.length === 0 ? 'it is empty' : `it has ${found.slice(0, 8).map((x) => shown(x, 24)).join(', ')}${found.length > 8 ? `, … (${found.length} cells)` : ''}`;
    const delimiter = parsed.delimiter !== ',' ? ` (cells separated by ${DELIMITER_WORDS[parsed.delimiter] ?? parsed.delimiter})` : '';
    const noneKnown = missingCols.length === REQUIRED.length && col.evidence === undefined && col.name === undefined;
    const what = noneKnown
      ? `row ${headerRow} should be the header naming the columns learner, competency, phase and date (evidence and name are optional), but ${foundList}${delimiter}`
      : `the header (row ${headerRow}) has no ${missingCols.map((k) => `"${k}"`).join(', ')} column${missingCols.length > 1 ? 's' : ''}: a progress CSV needs learner, competency, phase and date (evidence and name are optional); ${foundList}`;
    return failWith([{ code: 'missing-column', message: what, path: `row ${headerRow}`, row: headerRow }]);
  }

  const competency = competencyResolver(fw);
  const phase = phaseResolver(fw);
  const learners = new Map<string, Learner>();
  const records: ProgressRecord[] = [];
  /** First row of each distinct record (learner, competency, phase, date, evidence), to find repeated rows. */
  const seen = new Map<string, number>();
  /** The row each learner first appears on, and the first other name a later row gives them. */
  const firstRow = new Map<string, number>();
  const renamed = new Map<string, { row: number; name: string }>();
  const repeats: [row: number, first: number][] = [];
  const columnName = (k: ProgressColumn) => header[col[k]!]!.trim();
  /** A problem in one cell; `what` starting with "is empty" reads on from the column's name, anything else after a colon. */
  const cellProblem = (row: number, k: ProgressColumn, code: string, what: string) =>
    report({
      code,
      message: `row ${row}, column "${columnName(k)}"${what.startsWith('is empty') ? ' ' : ': '}${what}`,
      path: `${columnLetters(col[k]!)}${row}`,
      row,
      columnName: columnName(k),
    });
  let dataRows = 0;
  /** Dates written another way: read ones (with the option), readable ones, the orders they need, an example. */
  const readAs: [written: string, read: string][] = [];
  let readable = 0;
  const needs = new Set<DateOrder>();
  let ambiguous = false;
  let datesExample: { written: string; monthFirst: string; dayFirst: string } | undefined;
  /** Phases written as level numbers: read ones (with the option), readable ones, an example. */
  const levelsRead: [written: string, read: string][] = [];
  let levels = 0;
  let levelExample: { written: string; read: string } | undefined;
  for (let i = h + 1; i < rows.length; i++) {
    const r = rows[i]!;
    const rowNo = i + 1;
    if (isBlankRow(r)) continue;
    dataRows++;
    if (r.length > header.length && r.slice(header.length).some((c) => c.trim() !== '')) {
      const extra = r.slice(header.length).findIndex((c) => c.trim() !== '') + header.length;
      rowProblem(
        rowNo,
        'malformed-row',
        `${r.length} cells but the header has ${header.length} columns; cell ${columnLetters(extra)}${rowNo} ${shown(r[extra]!)} is past the last column (put a cell that contains a ${DELIMITER_WORDS[parsed.delimiter] ?? parsed.delimiter} in double quotes)`,
      );
      continue;
    }
    const missing = REQUIRED.filter((k) => col[k]! >= r.length);
    if (missing.length) {
      rowProblem(rowNo, 'malformed-row', `only ${r.length} cell${r.length === 1 ? '' : 's'}, so it has no ${missing.map((k) => `"${columnName(k)}"`).join(', ')} (the header has ${header.length} columns)`);
      continue;
    }
    const cell = (k: ProgressColumn) => (col[k] !== undefined ? (r[col[k]!] ?? '') : '').trim();
    // ids and codes a spreadsheet would turn into numbers or dates were written marked as text ('007, '1.10)
    const learnerId = unescapeCodeCell(cell('learner'));
    const c = competency(unescapeCodeCell(cell('competency')));
    let p = phase(cell('phase'));
    // a gradebook's 1–4: the Nth level of the scale, read with the option, else suggested
    const level = /^\d+$/.test(cell('phase')) ? Number(cell('phase')) : 0;
    const levelPhase = 'error' in p && level >= 1 && level <= fw.phases.length ? fw.phases[level - 1]! : undefined;
    if (levelPhase && options.phaseNumbers) {
      p = { id: levelPhase.id };
      levelsRead.push([cell('phase'), levelPhase.label]);
    } else if (levelPhase) {
      levels++;
      levelExample ??= { written: cell('phase'), read: levelPhase.label };
    }
    let date = cell('date');
    let bad = false;
    if (date && !isIsoDate(date)) {
      const reading = readSpreadsheetDate(date);
      const read = !reading ? undefined : 'iso' in reading ? reading.iso : reading[options.dateOrder === 'day-first' ? 'dayFirst' : 'monthFirst'];
      if (reading && 'iso' in reading && reading.order) needs.add(reading.order);
      if (reading && !('iso' in reading)) ambiguous = true;
      if (read && options.dateOrder && (!('iso' in reading!) || !reading.order || reading.order === options.dateOrder)) {
        readAs.push([date, read]);
        date = read;
      } else if (read) {
        readable++;
        datesExample ??= { written: date, monthFirst: 'iso' in reading! ? read : reading!.monthFirst, dayFirst: 'iso' in reading! ? read : reading!.dayFirst };
      }
    }
    if (!learnerId) {
      cellProblem(rowNo, 'learner', 'empty-learner', "is empty: write the learner's id");
      bad = true;
    }
    if (!cell('competency')) {
      cellProblem(rowNo, 'competency', 'unknown-competency', "is empty: write the competency's code or id");
      bad = true;
    } else if ('error' in c) {
      cellProblem(rowNo, 'competency', 'unknown-competency', c.error);
      bad = true;
    }
    if (!cell('phase')) {
      cellProblem(rowNo, 'phase', 'unknown-phase', `is empty: write a mastery phase (${fw.phases.map((x) => x.label).join(', ')})`);
      bad = true;
    } else if ('error' in p) {
      cellProblem(rowNo, 'phase', 'unknown-phase', levelPhase ? `${p.error}; if the numbers count its levels from 1, ${shown(cell('phase'))} is ${levelPhase.label}` : p.error);
      bad = true;
    }
    if (!date) {
      cellProblem(rowNo, 'date', 'bad-date', 'is empty: write the date of the demonstration as YYYY-MM-DD');
      bad = true;
    } else if (!isIsoDate(date)) {
      cellProblem(rowNo, 'date', 'bad-date', dateProblem(date));
      bad = true;
    }
    if (bad || 'error' in c || 'error' in p) continue;
    const evidence = unescapeCell(cell('evidence'));
    const key = JSON.stringify([learnerId, c.id, p.id, date, evidence]);
    const first = seen.get(key);
    if (first !== undefined) {
      repeats.push([rowNo, first]);
      continue;
    }
    seen.set(key, rowNo);
    const name = unescapeCell(cell('name'));
    const known = learners.get(learnerId);
    if (!known) {
      learners.set(learnerId, { id: learnerId, name: name || learnerId });
      firstRow.set(learnerId, rowNo);
    } else if (name && known.name === known.id) known.name = name;
    else if (name && name.trim() !== known.name.trim() && !renamed.has(learnerId)) renamed.set(learnerId, { row: rowNo, name });
    records.push({ learnerId, competencyId: c.id, phaseId: p.id, date, evidence });
  }
  if (problems.length) {
    const fail = failWith(problems, total);
    fail.error.rows = dataRows;
    // Every problem a readable date, and one order fits them all: say so, so the app can offer to read them.
    const order: DateOrder | undefined = needs.size === 2 ? undefined : needs.size === 1 ? [...needs][0] : ambiguous ? undefined : 'month-first';
    // (dates and level numbers may come together, from one gradebook: each is offered when the two cover every problem)
    if (datesExample && readable + levels === total && order) {
      fail.error.readDates = { order, count: readable, example: { written: datesExample.written, read: order === 'day-first' ? datesExample.dayFirst : datesExample.monthFirst } };
    }
    if (levelExample && levels + (fail.error.readDates ? readable : 0) === total) fail.error.readPhaseNumbers = { count: levels, example: levelExample };
    return fail;
  }
  if (levelsRead.length) {
    const [written, read] = levelsRead[0]!;
    notes.push(`read ${levelsRead.length} phase${levelsRead.length === 1 ? '' : 's'} written as numbers as the levels of the scale counted from 1 (e.g. ${shown(written)} as ${read})`);
  }
  if (readAs.length) {
    const [written, read] = readAs[0]!;
    notes.push(`read ${readAs.length} date${readAs.length === 1 ? '' : 's'} written another way as YYYY-MM-DD (e.g. ${shown(written)} as ${read})`);
  }
  // A header without rows is a class with nothing recorded yet: no progress, said in the notes (the CLI's
  // `plan --learner` plans a new student from it; the learners panel refuses to replace progress with it).
  if (dataRows === 0) notes.push(`the file has a header (row ${headerRow}) but no rows of progress below it`);
  notes.push(...learnerNameNotes([...learners.values()], firstRow, renamed));
  if (repeats.length === 1) notes.push(`row ${repeats[0]![0]} repeats row ${repeats[0]![1]} exactly; read once`);
  else if (repeats.length > 1) {
    const listed = repeats.slice(0, 10).map(([row, firstRow]) => `${row} (= ${firstRow})`);
    notes.push(`${repeats.length} rows repeat an earlier row exactly and were read once: rows ${listed.join(', ')}${repeats.length > 10 ? ', …' : ''}`);
  }
  return ok({
    progress: { frameworkId: fw.id, frameworkTitle: fw.title, learners: [...learners.values()], records },
    rows: dataRows,
    notes,
  });
}

/**
 * What a teacher should check about the learners a CSV names, as import notes (the rows are read anyway):
 * one learner given two names (the first is kept), and two learners whose ids differ only in capitals
 * ("maya" and "MAYA": most likely one student typed two ways, read as two).
 */
function learnerNameNotes(learners: readonly { id: string; name: string }[], firstRow: ReadonlyMap<string, number>, renamed: ReadonlyMap<string, { row: number; name: string }>): string[] {
  const notes: string[] = [];
  for (const [id, other] of renamed) {
    const l = learners.find((x) => x.id === id)!;
    notes.push(`learner ${shown(id)} is named ${shown(l.name)} on row ${firstRow.get(id)} and ${shown(other.name)} on row ${other.row}; ${shown(l.name)} is used`);
  }
  const byFolded = new Map<string, string[]>();
  for (const l of learners) {
    const k = l.id.toLowerCase();
    (byFolded.get(k) ?? byFolded.set(k, []).get(k)!).push(l.id);
  }
  for (const ids of byFolded.values()) {
    if (ids.length < 2) continue;
    const listed = ids.map((id) => `${shown(id)} (row ${firstRow.get(id)})`);
    notes.push(`learners ${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]} differ only in capitals and are read as ${ids.length} learners; if they are one student, write the id the same way and import again`);
  }
  return notes;
}

function failWith(details: ProgressCsvProblem[], total = details.length): { ok: false; error: ProgressCsvError } {
  const first = details[0]!;
  const extra = total - 1;
  const error: ProgressCsvError = {
    code: first.code,
    message: `${first.message}${extra > 0 ? ` (and ${extra} more problem${extra > 1 ? 's' : ''})` : ''}`,
    details,
    total,
  };
  if (first.path !== undefined) error.path = first.path;
  return { ok: false, error };
}

/**
 * Progress as CSV text (`learner,name,competency,phase,date,evidence`), with competency codes (ids
 * when a code is empty or shared) and phase labels, so the file reads back with {@link importProgressCsv}.
 * Free-text cells that a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`) get a leading
 * `'`, which the reader removes again; so do learner ids and competency codes that a spreadsheet would
 * turn into a number or a date (`007` → 7, a new learner; `1.10` → 1.1, another competency) when the
 * file is opened and saved there (`escapeCodeCell`).
 */
export function progressToCsv(progress: Progress, fw: Framework): string {
  const codeCount = new Map<string, number>();
  for (const c of Object.values(fw.competencies)) codeCount.set(c.code.trim(), (codeCount.get(c.code.trim()) ?? 0) + 1);
  const names = new Map(progress.learners.map((l) => [l.id, l.name]));
  const rows = progress.records.map((r) => {
    const c = fw.competencies[r.competencyId];
    const code = c && c.code.trim() && codeCount.get(c.code.trim()) === 1 ? c.code.trim() : r.competencyId;
    const label = fw.phases.find((p) => p.id === r.phaseId)?.label ?? r.phaseId;
    return [escapeCodeCell(r.learnerId), escapeCell(names.get(r.learnerId) ?? r.learnerId), escapeCodeCell(code), label, r.date, escapeCell(r.evidence)];
  });
  // A byte order mark so spreadsheets read UTF-8 names right; only cells that need it are quoted.
  return writeCsv([['learner', 'name', 'competency', 'phase', 'date', 'evidence'], ...rows], { quoteAll: false, bom: true, newline: '\r\n' });
}
