import { competenciesInOrder, domainsInOrder } from '../csv/order';
import { parseCsv, writeCsv } from '../csv/papa';
import type { Framework } from '../model/types';
import { competencyDescriptionHtml, exportIndex } from './describe';
import { escapeHtmlLines, shorten } from './html';

/**
 * Canvas LMS outcomes CSV, for Canvas's Outcomes import (Account or Course › Outcomes › Import,
 * or the Outcome Imports API with `import_type=instructure_csv`).
 *
 * - One root outcome group for the framework, one group per domain under it (nested domains
 *   nest); `parent_guids` always names earlier rows, as Canvas requires.
 * - One outcome per competency, in its domain's group: `title` = the statement (cut to 255
 *   characters), `display_name` = the code, `description` = HTML with the statement, the "I can"
 *   version, phases with descriptors and indicators, evidence and standards; `friendly_description`
 *   = the "I can" statement (Canvas shows it to students; at most 255 characters).
 * - The mastery phases are the ratings, highest first: the top phase is worth as many points as
 *   there are phases, the lowest 1; `mastery_points` = the points of the threshold phase. Ratings
 *   are the trailing columns (points, description, points, description …) after a `ratings` header.
 * - `vendor_guid` = the competency's / domain's / framework's id (spaces, which Canvas forbids,
 *   become `_`), so importing again updates the same outcomes instead of adding copies.
 *
 * Empty cells are written unquoted: Canvas reads an unquoted empty cell as "no value", which groups
 * need in the rating columns.
 */

/** Canvas's calculation methods for an outcome's mastery score. */
export type CanvasCalculationMethod = 'decaying_average' | 'n_mastery' | 'highest' | 'latest';

/**
 * The number each method takes (`calculation_int`), as Canvas accepts it: the weight of the latest score
 * in percent (decaying average), how many times at mastery (n mastery); `null`: none (Canvas wants it empty).
 */
export const CANVAS_CALCULATION_INT: Record<CanvasCalculationMethod, { min: number; max: number; default: number } | null> = {
  decaying_average: { min: 1, max: 99, default: 65 },
  n_mastery: { min: 1, max: 5, default: 3 },
  highest: null,
  latest: null,
};

/** Options of `writeCanvasCsv`. */
export interface CanvasExportOptions {
  /** Default `decaying_average` (Canvas's own default). */
  calculationMethod?: CanvasCalculationMethod;
  /** For `decaying_average` 1–99 (default 65), for `n_mastery` 1–5 (default 3); unused otherwise. */
  calculationInt?: number;
  /**
   * Write the `friendly_description` column (the "I can" statement). Default true; turn it off for
   * older self-hosted Canvas versions that refuse unknown columns.
   */
  friendlyDescription?: boolean;
  /**
   * The version of this framework last imported into Canvas. Its outcomes and groups that this version has
   * not (by `vendor_guid`, as that export wrote them) get rows with `workflow_state` = `deleted` at the end
   * of the file, so re-importing removes them in Canvas. It must be the same framework (same id): see
   * {@link canvasPreviousProblem}.
   */
  previous?: Framework;
}

/** What a Canvas export with `previous` deletes in Canvas: the rows with `workflow_state` = `deleted`. */
export interface CanvasRemovals {
  /** Competencies of the previous version that this one has not (their outcomes). */
  outcomes: { guid: string; code: string; title: string }[];
  /** Domains of the previous version that this one has not (their groups). */
  groups: { guid: string; title: string }[];
}

const MAX_TITLE = 255;
const MAX_FRIENDLY = 255;

function guid(id: string): string {
  return id.trim().replace(/\s+/g, '_');
}

interface CanvasRow {
  guid: string;
  kind: 'group' | 'outcome';
  /** Groups: how deep in the tree (the framework's group 0); outcomes: -1. */
  depth: number;
  code: string;
  cells: string[];
}

const WORKFLOW_STATE = 7;
const PARENT_GUIDS = 8;

/** The header and one row per group and outcome of `fw`, in file order (groups before what they hold). */
function canvasRows(fw: Framework, options: CanvasExportOptions): { header: string[]; rows: CanvasRow[]; width: number } {
  const method = options.calculationMethod ?? 'decaying_average';
  const range = CANVAS_CALCULATION_INT[method];
  const calcInt = range ? String(Math.min(range.max, Math.max(range.min, Math.round(options.calculationInt ?? range.default)))) : '';
  const friendly = options.friendlyDescription ?? true;

  const n = fw.phases.length;
  const t = fw.phases.findIndex((p) => p.threshold);
  // Highest phase first; points n … 1.
  const ratings: string[] = [];
  for (let i = n - 1; i >= 0; i--) ratings.push(String(i + 1), fw.phases[i]!.label);
  const masteryPoints = t >= 0 ? String(t + 1) : '';

  const header = [
    'vendor_guid',
    'object_type',
    'title',
    'description',
    'display_name',
    'calculation_method',
    'calculation_int',
    'workflow_state',
    'parent_guids',
    'mastery_points',
    ...(friendly ? ['friendly_description'] : []),
    'ratings',
  ];

  const used = new Set<string>();
  const uniqueGuid = (id: string, kind: string) => {
    let g = guid(id) || kind;
    if (used.has(g)) g = `${kind}-${g}`;
    while (used.has(g)) g = `${g}_`;
    used.add(g);
    return g;
  };

  const rootGuid = uniqueGuid(fw.id, 'framework');
  const group = (g: string, depth: number, title: string, description: string, parent: string): CanvasRow => ({
    guid: g,
    kind: 'group',
    depth,
    code: '',
    cells: [g, 'group', shorten(title, MAX_TITLE) || g, description.trim() === '' ? '' : `<p>${escapeHtmlLines(description)}</p>`, '', '', '', 'active', parent, '', ...(friendly ? [''] : [])],
  });

  const rows: CanvasRow[] = [group(rootGuid, 0, fw.title, fw.description, '')];
  const domainGuid = new Map<string, string>();
  for (const { domain, depth } of domainsInOrder(fw)) {
    const g = uniqueGuid(domain.id, 'domain');
    const parent = domain.parentId !== null ? (domainGuid.get(domain.parentId) ?? rootGuid) : rootGuid;
    domainGuid.set(domain.id, g);
    const title = domain.code.trim() !== '' && domain.code.trim() !== domain.title.trim() ? `${domain.code.trim()} ${domain.title}` : domain.title;
    rows.push(group(g, depth + 1, title, domain.description, parent));
  }
  const index = exportIndex(fw);
  for (const c of competenciesInOrder(fw)) {
    const g = uniqueGuid(c.id, 'competency');
    const parent = c.domainId !== null ? (domainGuid.get(c.domainId) ?? rootGuid) : rootGuid;
    rows.push({
      guid: g,
      kind: 'outcome',
      depth: -1,
      code: c.code.trim(),
      cells: [
        g,
        'outcome',
        shorten(c.statement, MAX_TITLE) || c.code || g,
        competencyDescriptionHtml(fw, c, index),
        c.code.trim(),
        method,
        calcInt,
        'active',
        parent,
        masteryPoints,
        ...(friendly ? [shorten(c.iCan, MAX_FRIENDLY)] : []),
        ...ratings,
      ],
    });
  }
  return { header, rows, width: header.length - 1 + ratings.length };
}

/**
 * The rows of `previous` (as its own export wrote them) whose `vendor_guid` this export has not, turned into
 * deletions: outcomes first, then groups, deepest first. They come after every active row, because Canvas
 * deletes a group with what it still holds: by then the active rows have moved what stays into its new group.
 * `parent_guids` is empty: Canvas unlinks a deleted outcome from every group anyway, and a parent named there
 * would have to be a group of this same file.
 */
function deletedRows(current: CanvasRow[], previous: CanvasRow[]): CanvasRow[] {
  const keep = new Set(current.map((r) => r.guid));
  const gone = previous.filter((r) => !keep.has(r.guid));
  const outcomes = gone.filter((r) => r.kind === 'outcome');
  const groups = gone.filter((r) => r.kind === 'group').sort((a, b) => b.depth - a.depth);
  return [...outcomes, ...groups].map((r) => {
    const cells = [...r.cells];
    cells[WORKFLOW_STATE] = 'deleted';
    cells[PARENT_GUIDS] = '';
    return { ...r, cells };
  });
}

/**
 * Why `previous` cannot be the version of `fw` last imported into Canvas, or null: another framework (another
 * id) would have every outcome of it deleted in Canvas.
 */
export function canvasPreviousProblem(fw: Framework, previous: Framework): string | null {
  if (previous.id === fw.id) return null;
  return `it is another framework (“${previous.title}”, id ${previous.id}), not an earlier version of “${fw.title}” (id ${fw.id}): its outcomes would all be deleted in Canvas`;
}

/**
 * Why `text` cannot be the previous version because it is a Canvas outcomes CSV (its header starts with
 * `vendor_guid` and has `object_type`), or null: the previous version is the framework it was exported from.
 */
export function canvasCsvAsPreviousProblem(text: string, name: string): string | null {
  const header = (parseCsv(text.split(/\r?\n/, 1)[0] ?? '').rows[0] ?? []).map((h) => h.trim());
  if (header[0] !== 'vendor_guid' || !header.includes('object_type')) return null;
  return `${name} is a Canvas outcomes CSV; give the framework file (or CASE package) it was exported from — the version Canvas has now`;
}

/** What `writeCanvasCsv(fw, { …options, previous })` deletes in Canvas (the same rows, as a list). */
export function canvasRemovals(fw: Framework, previous: Framework, options: CanvasExportOptions = {}): CanvasRemovals {
  const rows = deletedRows(canvasRows(fw, options).rows, canvasRows(previous, options).rows);
  return {
    outcomes: rows.filter((r) => r.kind === 'outcome').map((r) => ({ guid: r.guid, code: r.code, title: r.cells[2]! })),
    groups: rows.filter((r) => r.kind === 'group').map((r) => ({ guid: r.guid, title: r.cells[2]! })),
  };
}

/** "2 outcomes (FR.9, FR.10) and 1 group (…)": what a Canvas export with a previous version deletes, in words; null: nothing. */
export function canvasRemovalsSummary(removals: CanvasRemovals): string | null {
  const { outcomes, groups } = removals;
  if (outcomes.length === 0 && groups.length === 0) return null;
  const codes = outcomes.map((o) => o.code || o.title).slice(0, 10);
  const more = outcomes.length > codes.length ? `, … ${outcomes.length - codes.length} more` : '';
  const parts = [
    ...(outcomes.length ? [`${outcomes.length} outcome${outcomes.length === 1 ? '' : 's'} (${codes.join(', ')}${more})`] : []),
    ...(groups.length ? [`${groups.length} group${groups.length === 1 ? '' : 's'} (${groups.slice(0, 5).map((g) => g.title).join(', ')}${groups.length > 5 ? ', …' : ''})`] : []),
  ];
  return parts.join(' and ');
}

/**
 * The Canvas outcomes CSV of a framework. With `options.previous` (the version last imported into Canvas,
 * the same framework), what that version had and this one has not is deleted: see {@link CanvasExportOptions.previous}.
 */
export function writeCanvasCsv(fw: Framework, options: CanvasExportOptions = {}): string {
  const { header, rows, width } = canvasRows(fw, options);
  if (!options.previous) return writeCanvasTable(header, rows, width);
  const problem = canvasPreviousProblem(fw, options.previous);
  if (problem) throw new Error(`The previous version cannot be used: ${problem}.`);
  const before = canvasRows(options.previous, options);
  return writeCanvasTable(header, [...rows, ...deletedRows(rows, before.rows)], Math.max(width, before.width));
}

function writeCanvasTable(header: string[], rows: CanvasRow[], width: number): string {
  const pad = (row: string[]) => [...row, ...Array<string>(Math.max(0, width - row.length)).fill('')];
  return writeCsv([pad(header), ...rows.map((r) => pad(r.cells))], { quoteAll: false, bom: false, newline: '\r\n' });
}
