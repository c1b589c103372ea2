import { competenciesInOrder, domainsInOrder } from '../csv/order';
import { writeCsv } from '../csv/papa';
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
}

const MAX_TITLE = 255;
const MAX_FRIENDLY = 255;

function guid(id: string): string {
  return id.trim().replace(/\s+/g, '_');
}

/** The Canvas outcomes CSV of a framework. */
export function writeCanvasCsv(fw: Framework, options: CanvasExportOptions = {}): string {
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
  const width = header.length - 1 + ratings.length;
  const pad = (row: string[]) => [...row, ...Array<string>(Math.max(0, width - row.length)).fill('')];

  const used = new Set<string>();
  const uniqueGuid = (id: string, kind: string) => {
    let g = guid(id) || kind;
    if (used.has(g)) g = `${kind}-${g}`;
    while (used.has(g)) g = `${g}_`;
    used.add(g);
    return g;
  };

  const rootGuid = uniqueGuid(fw.id, 'framework');
  const group = (g: string, title: string, description: string, parent: string) =>
    pad([g, 'group', shorten(title, MAX_TITLE) || g, description.trim() === '' ? '' : `<p>${escapeHtmlLines(description)}</p>`, '', '', '', 'active', parent, '', ...(friendly ? [''] : [])]);

  const rows: string[][] = [pad(header)];
  rows.push(group(rootGuid, fw.title, fw.description, ''));
  const domainGuid = new Map<string, string>();
  for (const { domain } of domainsInOrder(fw)) {
    const g = uniqueGuid(domain.id, 'domain');
    const parent = domain.parentId !== null ? (domainGuid.get(domain.parentId) ?? rootGuid) : rootGuid;
    domainGuid.set(domain.id, g);
    const title = domain.code.trim() !== '' && domain.code.trim() !== domain.title.trim() ? `${domain.code.trim()} ${domain.title}` : domain.title;
    rows.push(group(g, title, domain.description, parent));
  }
  const index = exportIndex(fw);
  for (const c of competenciesInOrder(fw)) {
    const g = uniqueGuid(c.id, 'competency');
    const parent = c.domainId !== null ? (domainGuid.get(c.domainId) ?? rootGuid) : rootGuid;
    rows.push([
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
    ]);
  }
  return writeCsv(rows, { quoteAll: false, bom: false, newline: '\r\n' });
}
