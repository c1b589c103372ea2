import { escapeCell, unescapeCell } from '../csv/competencyCsv';
import { isBlankRow, parseCsv, writeCsv } from '../csv/papa';
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
 * display names. Rows are numbered as in a spreadsheet: the header is row 1.
 */

/** Header spellings accepted for each column (compared lower-cased, spaces/underscores/dashes removed). */
const COLUMN_ALIASES: Record<ProgressColumn, readonly string[]> = {
  learner: ['learner', 'learnerid', 'student', 'studentid'],
  competency: ['competency', 'competencycode', 'competencyid', 'code'],
  phase: ['phase', 'masteryphase', 'level', 'proficiency'],
  date: ['date'],
  evidence: ['evidence', 'evidencenote', 'note', 'notes'],
  name: ['name', 'learnername', 'studentname'],
};
type ProgressColumn = 'learner' | 'competency' | 'phase' | 'date' | 'evidence' | 'name';
const REQUIRED: readonly ProgressColumn[] = ['learner', 'competency', 'phase', 'date'];

/** Most row problems reported at once (the rest are counted). */
const MAX_ROW_PROBLEMS = 100;

/** The outcome of a progress CSV import. */
export interface ProgressCsvImport {
  progress: Progress;
  /** Data rows read (blank rows not counted). */
  rows: number;
  /** What the import accepted or ignored (e.g. an extra column), for the import report. */
  notes: string[];
}

const normHeader = (h: string) => h.trim().toLowerCase().replace(/[\s_-]+/g, '');

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
    if (!hits || hits.length === 0) return { error: `unknown competency "${ref}" (no competency has this code or id)` };
    if (hits.length > 1) return { error: `competency code "${ref}" is ambiguous: ${hits.length} competencies have it; use the id` };
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
    return hit ? { id: hit } : { error: `unknown phase "${ref}" (the scale is ${scale || 'empty'})` };
  };
}

/**
 * Reads a progress CSV against a framework. Fails closed: any malformed row, unknown competency or
 * phase, empty learner or bad date fails the whole import with row-numbered problems (`details`,
 * first one in `message`), so nothing is half-imported. Learners are listed in order of first
 * appearance; their name is the `name` column or else the id.
 */
export function importProgressCsv(text: string, fw: Framework): Result<ProgressCsvImport, LoadProblem> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (src.trim() === '') return failWith([{ code: 'empty', message: 'The CSV is empty: expected a header row learner,competency,phase,date,evidence.', path: 'row 1' }]);
  const parsed = parseCsv(src);
  const problems: Problem[] = [];
  let more = 0;
  const report = (row: number, code: string, message: string) => {
    if (problems.length >= MAX_ROW_PROBLEMS) more++;
    else problems.push({ code, message: `row ${row}: ${message}`, path: `row ${row}` });
  };
  for (const e of parsed.problems) report(e.row, 'malformed-csv', e.message);
  if (problems.length) return failWith(problems, more);

  const rows = parsed.rows;
  const isBlank = isBlankRow;
  let h = 0;
  while (h < rows.length && isBlank(rows[h]!)) h++;
  const header = rows[h] ?? [];
  const col: Partial<Record<ProgressColumn, number>> = {};
  const notes: string[] = [];
  header.forEach((name, i) => {
    const n = normHeader(name);
    const hit = (Object.keys(COLUMN_ALIASES) as ProgressColumn[]).find((k) => COLUMN_ALIASES[k].includes(n));
    if (hit && col[hit] === undefined) col[hit] = i;
    else if (name.trim()) notes.push(`ignored column "${name.trim()}"`);
  });
  const missingCols = REQUIRED.filter((k) => col[k] === undefined);
  if (missingCols.length) {
    return failWith([
      {
        code: 'missing-column',
        message: `row ${h + 1}: the header has no ${missingCols.map((k) => `"${k}"`).join(', ')} column${missingCols.length > 1 ? 's' : ''} (expected learner,competency,phase,date,evidence; found ${header.map((x) => JSON.stringify(x.trim())).join(',')})`,
        path: `row ${h + 1}`,
      },
    ]);
  }

  const competency = competencyResolver(fw);
  const phase = phaseResolver(fw);
  const learners = new Map<string, Learner>();
  const records: ProgressRecord[] = [];
  let dataRows = 0;
  for (let i = h + 1; i < rows.length; i++) {
    const r = rows[i]!;
    const rowNo = i + 1;
    if (isBlank(r)) continue;
    dataRows++;
    if (r.length > header.length && r.slice(header.length).some((c) => c.trim() !== '')) {
      report(rowNo, 'malformed-row', `${r.length} fields but the header has ${header.length} (quote fields that contain the delimiter)`);
      continue;
    }
    const cell = (k: ProgressColumn) => (col[k] !== undefined ? (r[col[k]!] ?? '') : '').trim();
    if (REQUIRED.some((k) => col[k]! >= r.length)) {
      report(rowNo, 'malformed-row', `${r.length} field${r.length === 1 ? '' : 's'} but the header has ${header.length}`);
      continue;
    }
    const learnerId = unescapeCell(cell('learner'));
    const c = competency(cell('competency'));
    const p = phase(cell('phase'));
    const date = cell('date');
    let bad = false;
    if (!learnerId) {
      report(rowNo, 'empty-learner', 'learner is empty');
      bad = true;
    }
    if (!cell('competency')) {
      report(rowNo, 'unknown-competency', 'competency is empty');
      bad = true;
    } else if ('error' in c) {
      report(rowNo, 'unknown-competency', c.error);
      bad = true;
    }
    if (!cell('phase')) {
      report(rowNo, 'unknown-phase', 'phase is empty');
      bad = true;
    } else if ('error' in p) {
      report(rowNo, 'unknown-phase', p.error);
      bad = true;
    }
    if (!isIsoDate(date)) {
      report(rowNo, 'bad-date', date ? `date "${date}" is not a calendar date written YYYY-MM-DD` : 'date is empty (expected YYYY-MM-DD)');
      bad = true;
    }
    if (bad || 'error' in c || 'error' in p) continue;
    const name = unescapeCell(cell('name'));
    const known = learners.get(learnerId);
    if (!known) learners.set(learnerId, { id: learnerId, name: name || learnerId });
    else if (name && known.name === known.id) known.name = name;
    records.push({ learnerId, competencyId: c.id, phaseId: p.id, date, evidence: unescapeCell(cell('evidence')) });
  }
  if (problems.length) return failWith(problems, more);
  return ok({
    progress: { frameworkId: fw.id, frameworkTitle: fw.title, learners: [...learners.values()], records },
    rows: dataRows,
    notes,
  });
}

function failWith(details: Problem[], more = 0): { ok: false; error: LoadProblem } {
  const first = details[0]!;
  const extra = details.length - 1 + more;
  const all = more ? [...details, { code: 'more', message: `… and ${more} more problems`, path: '' }] : details;
  return {
    ok: false,
    error: {
      code: first.code,
      message: `${first.message}${extra > 0 ? ` (and ${extra} more problem${extra > 1 ? 's' : ''})` : ''}`,
      path: first.path,
      details: all,
    },
  };
}

/**
 * Progress as CSV text (`learner,name,competency,phase,date,evidence`), with competency codes (ids
 * when a code is empty or shared) and phase labels, so the file reads back with {@link importProgressCsv}.
 * Free-text cells that a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`) get a leading
 * `'`, which the reader removes again.
 */
export function progressToCsv(progress: Progress, fw: Framework): string {
  const codeCount = new Map<string, number>();
  for (const c of Object.values(fw.competencies)) codeCount.set(c.code.trim(), (codeCount.get(c.code.trim()) ?? 0) + 1);
  const names = new Map(progress.learners.map((l) => [l.id, l.name]));
  const rows = progress.records.map((r) => {
    const c = fw.competencies[r.competencyId];
    const code = c && c.code.trim() && codeCount.get(c.code.trim()) === 1 ? c.code.trim() : r.competencyId;
    const label = fw.phases.find((p) => p.id === r.phaseId)?.label ?? r.phaseId;
    return [escapeCell(r.learnerId), escapeCell(names.get(r.learnerId) ?? r.learnerId), code, label, r.date, escapeCell(r.evidence)];
  });
  // A byte order mark so spreadsheets read UTF-8 names right; only cells that need it are quoted.
  return writeCsv([['learner', 'name', 'competency', 'phase', 'date', 'evidence'], ...rows], { quoteAll: false, bom: true, newline: '\r\n' });
}
