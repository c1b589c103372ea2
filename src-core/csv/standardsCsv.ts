import { v5 as uuidv5 } from 'uuid';
import { newUuid, type StandardId, type StandardsSetId } from '../model/ids';
import { isEducationLevel, normalizeEducationLevel } from '../model/levels';
import type { Standard, StandardsSet } from '../model/types';
import { fail, ok, type Result } from '../result';
import { notCsv } from './notCsv';
import { isBlankRow, parseCsv } from './papa';

/**
 * Standards-set CSV import with a column-mapping step.
 *
 * 1. `sniffStandardsCsv(text)` reads the header and the first rows and suggests which column holds
 *    what (the UI shows this as a preview with one drop-down per field).
 * 2. `readStandardsCsv(text, mapping, { title, source })` builds a read-only `StandardsSet` and lists
 *    every row it could not read fully, with the row number a spreadsheet shows (header = row 1).
 *
 * OpenSALT's spreadsheet layouts (its import template and its item export) are recognised from their
 * headers and need no mapping.
 */

/** The fields a standards CSV can fill. */
export type StandardsCsvField =
  | 'identifier'
  | 'code'
  | 'statement'
  | 'parent'
  | 'educationLevels'
  | 'itemType'
  | 'sequence'
  | 'outline';

/** Every mappable field, in the order the mapping step lists them. */
export const STANDARDS_CSV_FIELDS: readonly StandardsCsvField[] = [
  'code',
  'statement',
  'parent',
  'educationLevels',
  'itemType',
  'identifier',
  'sequence',
  'outline',
];

/** Labels for the mapping step. */
export const STANDARDS_CSV_FIELD_LABELS: Record<StandardsCsvField, string> = {
  code: 'Code (human coding scheme)',
  statement: 'Statement',
  parent: 'Parent code',
  educationLevels: 'Grade level(s)',
  itemType: 'Item type',
  identifier: 'Identifier',
  sequence: 'Order among siblings',
  outline: 'Outline number (1.2.3)',
};

/**
 * How parent/child relations are found:
 * - `parent-column`: the `parent` column holds the parent's code (or its identifier);
 * - `code-prefix`: the parent is the row whose code is the longest prefix, cut at `.` `-` `_` `/` or
 *   a trailing letter (`3.NF.A` is the parent of `3.NF.A.1`, `L.1.1` of `L.1.1a`);
 * - `outline`: the `outline` column holds a position path such as OpenSALT's `smartLevel`
 *   (`1.4.2` is a child of `1.4`);
 * - `none`: a flat list.
 */
export type StandardsHierarchy = 'parent-column' | 'code-prefix' | 'outline' | 'none';

/** Which column (0-based index) feeds each field, and how the hierarchy is built. */
export interface StandardsCsvMapping {
  columns: Record<StandardsCsvField, number | null>;
  hierarchy: StandardsHierarchy;
}

/** What `sniffStandardsCsv` found. */
export interface StandardsCsvSniff {
  headers: string[];
  /** The first 20 data rows, each padded or cut to the header's width. */
  previewRows: string[][];
  suggestedMapping: StandardsCsvMapping;
  /** `opensalt` when the headers are OpenSALT's (the suggested mapping can be used as is). */
  layout: 'opensalt' | 'generic';
  /** Data rows in the file (the header excluded, empty rows included). */
  rowCount: number;
  delimiter: string;
}

/** One row the reader could not read fully. `row` is 1-based, the header being row 1. */
export interface StandardsRowError {
  row: number;
  severity: 'error' | 'warning';
  message: string;
}

/** The import report: what was read, what was ignored and why. */
export interface StandardsCsvReport {
  layout: 'opensalt' | 'generic';
  hierarchy: StandardsHierarchy;
  /** Data rows (header excluded). */
  rows: number;
  emptyRows: number;
  standards: number;
  topLevel: number;
  skippedRows: number;
  errors: number;
  warnings: number;
  /** Human-readable lines for the import dialog and the CLI. */
  notes: string[];
}

/** What `readStandardsCsv` read: the set, the row problems and the report. */
export interface StandardsCsvImport {
  set: StandardsSet;
  rowErrors: StandardsRowError[];
  report: StandardsCsvReport;
}

/** Metadata of the standards set being read. */
export interface StandardsCsvOptions {
  title: string;
  /** Where the set came from: a file name, URL or publisher. */
  source: string;
  version?: string;
  /** The set's id; a fresh UUID when absent. Standard ids are derived from it deterministically. */
  id?: string;
}

const PREVIEW_ROWS = 20;

/** Namespace of the UUID v5 ids given to standards read from CSV without an identifier column. */
export const STANDARDS_CSV_NAMESPACE = '6f1c2a7e-3b4d-5e8f-9a0b-1c2d3e4f5a6b';

/** Header spellings per field, compared lower-case with everything but letters and digits removed. */
const HEADER_SYNONYMS: Record<StandardsCsvField, readonly string[]> = {
  identifier: ['identifier', 'id', 'guid', 'uuid', 'caseidentifier', 'cfitemidentifier', 'sourcedid', 'itemidentifier'],
  code: [
    'humancodingscheme',
    'code',
    'standardcode',
    'statementcode',
    'codednotation',
    'notation',
    'standardid',
    'standardnumber',
    'number',
    'hcs',
  ],
  statement: ['fullstatement', 'statement', 'standard', 'standardtext', 'text', 'description', 'title', 'competencytext'],
  parent: ['ischildof', 'childof', 'parent', 'parentcode', 'parentid', 'parentidentifier', 'parenthumancodingscheme', 'parentstandard'],
  educationLevels: [
    'educationlevel',
    'educationlevels',
    'educationallevel',
    'gradelevel',
    'gradelevels',
    'grade',
    'grades',
    'gradeband',
    'level',
    'levels',
  ],
  itemType: ['cfitemtype', 'itemtype', 'type', 'standardtype'],
  sequence: ['sequencenumber', 'sequence', 'order', 'position', 'sortorder'],
  outline: ['smartlevel', 'outline', 'outlinenumber', 'hierarchy', 'path'],
};

function normHeader(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The mapping suggested for a header row. Exported for the UI (re-suggest after edits). */
export function suggestStandardsMapping(headers: readonly string[]): StandardsCsvMapping {
  const norm = headers.map(normHeader);
  const columns = {} as Record<StandardsCsvField, number | null>;
  const taken = new Set<number>();
  // Fields in priority order, so that e.g. "description" is only the statement if nothing better is.
  for (const field of ['identifier', 'code', 'parent', 'outline', 'educationLevels', 'itemType', 'sequence', 'statement'] as const) {
    columns[field] = null;
    for (const syn of HEADER_SYNONYMS[field]) {
      const i = norm.findIndex((h, idx) => h === syn && !taken.has(idx));
      if (i >= 0) {
        columns[field] = i;
        taken.add(i);
        break;
      }
    }
  }
  const hierarchy: StandardsHierarchy =
    columns.parent !== null ? 'parent-column' : columns.outline !== null ? 'outline' : columns.code !== null ? 'code-prefix' : 'none';
  return { columns, hierarchy };
}

function detectLayout(headers: readonly string[]): 'opensalt' | 'generic' {
  const norm = new Set(headers.map(normHeader));
  return norm.has('fullstatement') && norm.has('humancodingscheme') ? 'opensalt' : 'generic';
}

function headerIndexOf(rows: string[][]): number {
  return rows.findIndex((r) => !isBlankRow(r));
}

/**
 * Reads the header and the first rows of a standards CSV and suggests a column mapping.
 * Fails on empty text or a file without any non-empty row.
 */
export function sniffStandardsCsv(text: string): Result<StandardsCsvSniff> {
  const wrong = notCsv(text);
  if (wrong) return wrong;
  const table = parseCsv(text);
  const h = headerIndexOf(table.rows);
  if (h < 0) return fail('empty-csv', 'The CSV file is empty: there is no header row and no data.', { path: 'row 1' });
  const headers = table.rows[h]!.map((c) => c.trim());
  const data = table.rows.slice(h + 1);
  const previewRows = data.slice(0, PREVIEW_ROWS).map((r) => headers.map((_, i) => r[i] ?? ''));
  return ok({
    headers,
    previewRows,
    suggestedMapping: suggestStandardsMapping(headers),
    layout: detectLayout(headers),
    rowCount: data.length,
    delimiter: table.delimiter,
  });
}

/** Candidate parent codes of `code`, longest first (`3.NF.A.1a` → `3.NF.A.1`, `3.NF.A`, `3.NF`, `3`). */
export function codePrefixes(code: string): string[] {
  const out: string[] = [];
  let c = code;
  for (;;) {
    let next: string | undefined;
    const letter = /^(.*\d)[a-z]$/.exec(c);
    if (letter) next = letter[1];
    else {
      const cut = Math.max(c.lastIndexOf('.'), c.lastIndexOf('-'), c.lastIndexOf('_'), c.lastIndexOf('/'));
      if (cut > 0) next = c.slice(0, cut);
    }
    if (!next || next === c) break;
    out.push(next);
    c = next;
  }
  return out;
}

/**
 * Splits and normalises a grade-level cell: `03, 04`, `3;4`, `K-2`, `9-12`, `09.10` (an OpenSALT
 * typo for `09,10`), `Grade 3`. Returns CEDS codes; unknown spellings are returned trimmed in
 * `unknown` (and kept by the caller, as the model keeps unknown codes and reports them).
 */
export function parseEducationLevels(cell: string): { levels: string[]; unknown: string[] } {
  const levels: string[] = [];
  const unknown: string[] = [];
  const add = (l: string) => {
    if (!levels.includes(l)) levels.push(l);
  };
  const tokens = cell
    .split(/[,;|/]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  for (const raw of tokens) {
    const range = /^(k|kg|\d{1,2})\s*[-–]\s*(\d{1,2})$/i.exec(raw);
    if (range) {
      const lo = /^k/i.test(range[1]!) ? 0 : Number(range[1]);
      const hi = Number(range[2]);
      if (lo <= hi && hi <= 13) {
        for (let g = lo; g <= hi; g++) add(g === 0 ? 'KG' : String(g).padStart(2, '0'));
        continue;
      }
    }
    const dotted = /^(\d{1,2})\.(\d{1,2})$/.exec(raw);
    if (dotted) {
      for (const p of [dotted[1]!, dotted[2]!]) add(normalizeEducationLevel(p));
      continue;
    }
    const whole = normalizeEducationLevel(raw);
    if (isEducationLevel(whole)) {
      add(whole);
      continue;
    }
    // "03 04": several codes separated by spaces.
    const parts = raw.split(/\s+/).map(normalizeEducationLevel);
    if (parts.length > 1 && parts.every(isEducationLevel)) {
      parts.forEach(add);
      continue;
    }
    add(whole);
    unknown.push(whole);
  }
  return { levels, unknown };
}

/** A sibling order from `3`, `3.`, `3)`, `c.` (= 3) or `C)`; null when it is none of these. */
function parseSequence(cell: string): number | null {
  const num = /^(\d+(?:\.\d+)?)[.)]?$/.exec(cell);
  if (num) return Number(num[1]);
  const letter = /^([a-z])[.)]?$/i.exec(cell);
  if (letter) return letter[1]!.toLowerCase().charCodeAt(0) - 96;
  return null;
}

interface RowDraft {
  row: number;
  id: string;
  code: string;
  statement: string;
  parentRef: string;
  levels: string[];
  itemType: string;
  sequence: number | null;
  outline: string;
  parentId: string | null;
}

function cellOf(r: readonly string[], col: number | null): string {
  if (col === null || col < 0) return '';
  return (r[col] ?? '').trim();
}

/**
 * Reads a standards set from CSV. With `mapping` undefined the suggested mapping is used (right for
 * OpenSALT files and for files whose headers name the fields). Fails closed when nothing can be
 * read: an empty file, a mapping with neither a statement nor a code column, a column outside the
 * file, or no row with a standard. Every other problem is a row error and the rest is imported.
 */
export function readStandardsCsv(
  text: string,
  mapping: StandardsCsvMapping | undefined,
  options: StandardsCsvOptions,
): Result<StandardsCsvImport> {
  const wrong = notCsv(text);
  if (wrong) return wrong;
  const table = parseCsv(text);
  const h = headerIndexOf(table.rows);
  if (h < 0) return fail('empty-csv', 'The CSV file is empty: there is no header row and no data.', { path: 'row 1' });
  const headers = table.rows[h]!.map((c) => c.trim());
  const layout = detectLayout(headers);
  const map = mapping ?? suggestStandardsMapping(headers);
  const cols = map.columns;

  for (const f of STANDARDS_CSV_FIELDS) {
    const c = cols[f];
    if (c !== null && c !== undefined && (!Number.isInteger(c) || c < 0 || c >= headers.length)) {
      return fail('bad-mapping', `The mapping puts "${STANDARDS_CSV_FIELD_LABELS[f]}" in column ${c + 1}, but the file has ${headers.length} column(s).`);
    }
  }
  if ((cols.statement ?? null) === null && (cols.code ?? null) === null) {
    return fail(
      'no-mapping',
      `Which column holds the statement? None of the headers (${headers.map((x) => `"${x}"`).join(', ')}) is a known name; map the columns first.`,
      { path: `row ${h + 1}` },
    );
  }
  const hierarchy = map.hierarchy;
  if (hierarchy === 'parent-column' && (cols.parent ?? null) === null) {
    return fail('bad-mapping', 'The hierarchy comes from a parent-code column, but no column is mapped as "Parent code".');
  }
  if (hierarchy === 'outline' && (cols.outline ?? null) === null) {
    return fail('bad-mapping', 'The hierarchy comes from outline numbers, but no column is mapped as "Outline number".');
  }
  if (hierarchy === 'code-prefix' && (cols.code ?? null) === null) {
    return fail('bad-mapping', 'The hierarchy comes from code prefixes, but no column is mapped as "Code".');
  }

  const setId = options.id ?? newUuid();
  const rowErrors: StandardsRowError[] = [];
  const err = (row: number, message: string) => rowErrors.push({ row, severity: 'error', message });
  const warn = (row: number, message: string) => rowErrors.push({ row, severity: 'warning', message });
  const parserProblemRows = new Set<number>();
  for (const p of table.problems) {
    err(p.row, p.message);
    parserProblemRows.add(p.row);
  }
  for (const p of table.warnings) warn(p.row, p.message);

  const drafts: RowDraft[] = [];
  const byId = new Map<string, RowDraft>();
  const byCode = new Map<string, RowDraft>();
  const byOutline = new Map<string, RowDraft>();
  const usedIds = new Set<string>();
  let emptyRows = 0;
  let skipped = 0;

  for (let i = h + 1; i < table.rows.length; i++) {
    const r = table.rows[i]!;
    const row = i + 1;
    if (isBlankRow(r)) {
      emptyRows++;
      continue;
    }
    if (r.length > headers.length && r.slice(headers.length).some((c) => c.trim() !== '')) {
      warn(row, `the row has ${r.length} cells but the header has ${headers.length}; the extra cells were ignored`);
    }
    const code = cellOf(r, cols.code);
    const statement = cellOf(r, cols.statement);
    if (code === '' && statement === '') {
      err(row, 'the row has neither a code nor a statement; it was skipped');
      skipped++;
      continue;
    }
    if (statement === '' && cols.statement !== null) warn(row, `standard ${code} has no statement`);

    let id = cellOf(r, cols.identifier);
    if (id !== '') {
      if (usedIds.has(id)) {
        const first = byId.get(id);
        err(row, `identifier "${id}" is already used on row ${first?.row ?? '?'}; this row was skipped`);
        skipped++;
        continue;
      }
    } else {
      id = uuidv5(`${setId}\n${code !== '' ? `code:${code}` : `row:${row}`}`, STANDARDS_CSV_NAMESPACE);
      if (usedIds.has(id)) id = uuidv5(`${setId}\nrow:${row}`, STANDARDS_CSV_NAMESPACE);
    }

    const levelCell = cellOf(r, cols.educationLevels);
    const { levels, unknown } = parseEducationLevels(levelCell);
    if (unknown.length > 0) {
      warn(row, `unknown grade level${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (kept as written; expected KG, 01…12 or similar)`);
    }

    let sequence: number | null = null;
    const seqCell = cellOf(r, cols.sequence);
    if (seqCell !== '') {
      sequence = parseSequence(seqCell);
      if (sequence === null) warn(row, `order "${seqCell}" is not a number; the row order is used instead`);
    }

    const outline = cellOf(r, cols.outline);
    const d: RowDraft = {
      row,
      id,
      code,
      statement,
      parentRef: cellOf(r, cols.parent),
      levels,
      itemType: cellOf(r, cols.itemType),
      sequence,
      outline,
      parentId: null,
    };
    usedIds.add(id);
    byId.set(id, d);
    if (code !== '') {
      const first = byCode.get(code);
      if (first) warn(row, `code ${code} is also used on row ${first.row}; references to ${code} mean row ${first.row}`);
      else byCode.set(code, d);
    }
    if (hierarchy === 'outline') {
      if (outline === '') warn(row, 'the row has no outline number; it was placed at the top level');
      else if (byOutline.has(outline)) warn(row, `outline number ${outline} is also used on row ${byOutline.get(outline)!.row}`);
      else byOutline.set(outline, d);
    }
    drafts.push(d);
  }

  // Parents.
  for (const d of drafts) {
    if (hierarchy === 'parent-column') {
      if (d.parentRef === '') continue;
      const p = byCode.get(d.parentRef) ?? byId.get(d.parentRef);
      if (!p) err(d.row, `parent "${d.parentRef}" is not in the file; the standard was placed at the top level`);
      else if (p === d) err(d.row, `standard ${d.code || d.id} is its own parent; it was placed at the top level`);
      else d.parentId = p.id;
    } else if (hierarchy === 'code-prefix') {
      if (d.code === '') continue;
      for (const c of codePrefixes(d.code)) {
        const p = byCode.get(c);
        if (p && p !== d) {
          d.parentId = p.id;
          break;
        }
      }
    } else if (hierarchy === 'outline') {
      const cut = d.outline.lastIndexOf('.');
      if (d.outline === '' || cut <= 0) continue;
      const parentOutline = d.outline.slice(0, cut);
      const p = byOutline.get(parentOutline);
      if (!p) err(d.row, `parent ${parentOutline} (from outline number ${d.outline}) is not in the file; the standard was placed at the top level`);
      else d.parentId = p.id;
    }
  }

  // Cycles (only a parent column can make them): cut each at its first row.
  if (hierarchy === 'parent-column') {
    const state = new Map<string, 'walking' | 'done'>();
    for (const start of drafts) {
      const path: RowDraft[] = [];
      let cur: RowDraft | undefined = start;
      while (cur && !state.has(cur.id)) {
        state.set(cur.id, 'walking');
        path.push(cur);
        cur = cur.parentId ? byId.get(cur.parentId) : undefined;
      }
      if (cur && state.get(cur.id) === 'walking') {
        const cycle = path.slice(path.indexOf(cur));
        const first = cycle.reduce((a, b) => (b.row < a.row ? b : a));
        const names = cycle.map((x) => `${x.code || x.id} (row ${x.row})`);
        err(first.row, `parent cycle: ${[...names, names[0]].join(' → ')}; row ${first.row} was placed at the top level`);
        first.parentId = null;
      }
      for (const x of path) state.set(x.id, 'done');
    }
  }

  // Order among siblings: the order column, else the last outline segment, else the row order.
  const siblings = new Map<string | null, RowDraft[]>();
  for (const d of drafts) {
    const list = siblings.get(d.parentId) ?? [];
    list.push(d);
    siblings.set(d.parentId, list);
  }
  const items = new Map<string, Standard>();
  for (const list of siblings.values()) {
    list.forEach((d, idx) => {
      let sequence = d.sequence;
      if (sequence === null && hierarchy === 'outline' && d.outline !== '') {
        const last = Number(d.outline.slice(d.outline.lastIndexOf('.') + 1));
        if (Number.isFinite(last)) sequence = last;
      }
      items.set(d.id, {
        id: d.id as StandardId,
        uri: '',
        code: d.code,
        statement: d.statement,
        itemType: d.itemType,
        parentId: d.parentId as StandardId | null,
        sequence: sequence ?? idx + 1,
        educationLevels: d.levels,
      });
    });
  }
  // Keep file order in the record (Object.fromEntries makes keys like "__proto__" plain own keys).
  const ordered = drafts.map((d) => [d.id, items.get(d.id)!] as const);

  if (ordered.length === 0) {
    return fail('no-standards', `No standard could be read from the CSV (${table.rows.length - h - 1} data row(s)).${rowErrors[0] ? ` First problem, row ${rowErrors[0].row}: ${rowErrors[0].message}.` : ''}`, {
      path: `row ${h + 2}`,
    });
  }

  rowErrors.sort((a, b) => a.row - b.row);
  const set: StandardsSet = {
    id: setId as StandardsSetId,
    title: options.title,
    source: options.source,
    version: options.version ?? '',
    caseDocumentId: '',
    caseDocumentUri: '',
    items: Object.fromEntries(ordered),
  };
  const topLevel = drafts.filter((d) => d.parentId === null).length;
  const errors = rowErrors.filter((e) => e.severity === 'error').length;
  const warnings = rowErrors.length - errors;
  const hierarchyNote: Record<StandardsHierarchy, string> = {
    'parent-column': `parents from the "${headers[cols.parent ?? -1] ?? ''}" column`,
    'code-prefix': 'parents from code prefixes',
    outline: `parents from the outline numbers in "${headers[cols.outline ?? -1] ?? ''}"`,
    none: 'no hierarchy (a flat list)',
  };
  const notes = [
    `${layout === 'opensalt' ? 'OpenSALT spreadsheet layout recognised. ' : ''}Read ${ordered.length} standard(s) from ${table.rows.length - h - 1} data row(s); ${topLevel} at the top level; ${hierarchyNote[hierarchy]}.`,
  ];
  if (emptyRows > 0) notes.push(`${emptyRows} empty row(s) ignored.`);
  if (skipped > 0) notes.push(`${skipped} row(s) skipped (see the row errors).`);
  const unmapped = headers.filter((_, i) => !STANDARDS_CSV_FIELDS.some((f) => cols[f] === i) && headers[i] !== '');
  if (unmapped.length > 0) notes.push(`Columns not imported: ${unmapped.join(', ')}.`);
  if (errors + warnings > 0) notes.push(`${errors} error(s) and ${warnings} warning(s) on rows; see the list.`);

  return ok({
    set,
    rowErrors,
    report: {
      layout,
      hierarchy,
      rows: table.rows.length - h - 1,
      emptyRows,
      standards: ordered.length,
      topLevel,
      skippedRows: skipped,
      errors,
      warnings,
      notes,
    },
  });
}
