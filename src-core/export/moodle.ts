import { domainsInOrder, competenciesInOrder } from '../csv/order';
import { writeCsv } from '../csv/papa';
import type { Framework } from '../model/types';
import { competencyDescriptionHtml, exportIndex } from './describe';
import { escapeHtmlLines, shorten } from './html';

/**
 * Moodle competency framework CSV, as read by Moodle's "Import competency framework" tool
 * (`admin/tool/lpimportcsv`, Site administration › Competencies) — the same layout Moodle's own
 * framework export writes.
 *
 * - Row 2 describes the framework (`Is framework` = 1): ID number = the framework's id, short name =
 *   its title, the scale built from the mastery phases (`Scale values` = the phase labels, low to
 *   high; `Scale configuration` marks the threshold phase as the default — the rating a completion
 *   rule gives — and it and every phase above it as proficient) and a `Taxonomy` per level of the tree.
 * - Domains become parent competencies (nested domains nest), competencies sit under their domain
 *   (or at the top level when they have none). ID number = the code (the id when the code is empty,
 *   too long, has `<`/`>`, `\` or `%2C`, or repeats one Moodle takes for the same — see `moodleIdNumberKey`); short name = the statement cut to 100 characters (with ＜ ＞ for < >, which Moodle would strip); the
 *   description (HTML) carries the full statement, the "I can" version, the phases with descriptors
 *   and indicators, evidence types and aligned standards.
 * - Moodle has no prerequisite links, only undirected "related competencies": each competency lists
 *   its prerequisites in `Cross-referenced competency ID numbers` (commas in ID numbers written
 *   `%2C`, as Moodle expects). The direction survives only in the description ("Master first: …").
 */

/** The 14 columns of Moodle's framework import, in order, with Moodle's own header texts. */
export const MOODLE_COLUMNS = [
  'Parent ID number',
  'ID number',
  'Short name',
  'Description',
  'Description format',
  'Scale values',
  'Scale configuration',
  'Rule type (optional)',
  'Rule outcome (optional)',
  'Rule config (optional)',
  'Cross-referenced competency ID numbers',
  'Exported ID (optional)',
  'Is framework',
  'Taxonomy',
] as const;

/** Moodle's `FORMAT_HTML`. */
const FORMAT_HTML = '1';
const MAX_ID_NUMBER = 100;
const MAX_SHORT_NAME = 100;

/**
 * Moodle runs short names through `strip_tags`, which would eat "<, = and >" as a tag: the
 * short name (only) gets the full-width signs ＜ ＞ instead; the description keeps the real ones.
 */
function shortName(text: string, fallback: string): string {
  return plainText(shorten(text, MAX_SHORT_NAME).replace(/</g, '\uFF1C').replace(/>/g, '\uFF1E')) || fallback;
}

/**
 * Moodle reads the file with PHP's `fgetcsv`, whose escape character is the backslash: a `\` before a
 * quote keeps the quote from closing the cell, so a cell ending in `\` (or holding `\"`) ran into the
 * next cells and Moodle refused the whole file ("inconsistent number of columns"). Plain text (short
 * names, scale items) gets the full-width ＼ instead, HTML (descriptions) the entity `&#92;`, and an ID
 * number with a backslash is replaced by the id.
 */
function plainText(s: string): string {
  return s.replace(/\\/g, '\uFF3C');
}
function html(s: string): string {
  return s.replace(/\\/g, '&#92;');
}

/** Moodle scale items are comma-separated, so a comma inside a phase label becomes a semicolon. */
function scaleItem(label: string): string {
  return plainText(label.replace(/,/g, ';').trim()) || '-';
}

/**
 * The `Scale configuration` JSON: `[{"scaleid":…}, {"id":n,"scaledefault":0|1,"proficient":0|1}, …]`
 * with 1-based item ids. Moodle replaces the scale id on import with the scale it finds or creates.
 *
 * The threshold phase and every phase above it are proficient. Moodle's *default* is the rating a
 * competency gets when an automated rule completes it (a course or activity completed), so it is the
 * threshold phase: completing what was set to prove a competency rates it as mastered, not at the
 * lowest phase. Moodle refuses a scale without a default and a proficient item, so a scale with no
 * threshold (a validation error, exported only with `--force`) takes its top phase as the threshold.
 */
export function moodleScaleConfiguration(fw: Pick<Framework, 'phases'>): string {
  const found = fw.phases.findIndex((p) => p.threshold);
  const t = found >= 0 ? found : fw.phases.length - 1;
  const entries: unknown[] = [{ scaleid: '0' }];
  fw.phases.forEach((_, i) => {
    if (i >= t) entries.push({ id: i + 1, scaledefault: i === t ? 1 : 0, proficient: 1 });
  });
  return JSON.stringify(entries);
}

/** A numeric string as PHP 8 reads one: optional white space, sign, digits, decimals, exponent. */
const PHP_NUMERIC = /^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\r\v\f]*$/;

/**
 * When Moodle takes two ID numbers for the same one. Its importer finds a competency's parent with
 * PHP's `==`, which compares two numeric strings as numbers (`"1.1" == "1.10"`, `"3" == "03"`), so the
 * children of domain `1.1` would also be put under `1.10` — created twice, and the import stops on the
 * taken ID number; and on MySQL (case- and accent-insensitive collations) `A.1` and `a.1` are one ID
 * number. A code whose key is taken gets the competency's or domain's id instead.
 */
export function moodleIdNumberKey(idNumber: string): string {
  if (PHP_NUMERIC.test(idNumber)) return `#${Number(idNumber.trim())}`;
  return idNumber.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The Moodle competency framework CSV of a framework (UTF-8, quoted, no BOM). */
export function writeMoodleCsv(fw: Framework): string {
  const used = new Set<string>(); // moodleIdNumberKey of every ID number given out
  const idNumber = (code: string, id: string): string => {
    const c = code.trim();
    // `%2C` would be read back as a comma in the cross-references; for `\` see `plainText`.
    const ok = c !== '' && c.length <= MAX_ID_NUMBER && !/[<>\\]|%2C/.test(c) && !used.has(moodleIdNumberKey(c));
    const v = ok ? c : id;
    used.add(moodleIdNumberKey(v));
    return v;
  };
  const frameworkId = idNumber('', fw.id);

  const domains = domainsInOrder(fw);
  const domainIdNumber = new Map<string, string>();
  const domainDepth = new Map<string, number>();
  for (const { domain, depth } of domains) {
    domainIdNumber.set(domain.id, idNumber(domain.code, domain.id));
    domainDepth.set(domain.id, depth);
  }
  const comps = competenciesInOrder(fw);
  const index = exportIndex(fw);
  const compIdNumber = new Map<string, string>();
  for (const c of comps) compIdNumber.set(c.id, idNumber(c.code, c.id));

  // Taxonomy: one term per level of the tree (level 1 = top).
  const levelKinds: ('domain' | 'competency')[][] = [];
  const mark = (depth: number, kind: 'domain' | 'competency') => {
    (levelKinds[depth] ??= []).push(kind);
  };
  for (const { domain, depth } of domains) mark(depth, 'domain');
  for (const c of comps) mark(c.domainId !== null && domainDepth.has(c.domainId) ? domainDepth.get(c.domainId)! + 1 : 0, 'competency');
  const taxonomy = Array.from(levelKinds, (kinds) => (kinds?.includes('competency') && !kinds.includes('domain') ? 'competency' : 'domain')).join(',');

  const empty = ['', '', '', '', ''] as const; // Scale values … Rule config: only on the framework row
  const rows: string[][] = [[...MOODLE_COLUMNS]];
  rows.push([
    '',
    frameworkId,
    shortName(fw.title, frameworkId),
    fw.description.trim() === '' ? '' : html(`<p>${escapeHtmlLines(fw.description)}</p>`),
    FORMAT_HTML,
    fw.phases.map((p) => scaleItem(p.label)).join(','),
    moodleScaleConfiguration(fw),
    '',
    '',
    '',
    '',
    '',
    '1',
    taxonomy,
  ]);
  const emitted = new Set<string>();
  for (const { domain } of domains) {
    // Only a parent on an earlier row: a domain in a parent cycle (a validation error) goes to the top.
    const parent = domain.parentId !== null && emitted.has(domain.parentId) ? domainIdNumber.get(domain.parentId)! : '';
    emitted.add(domain.id);
    rows.push([
      parent,
      domainIdNumber.get(domain.id)!,
      shortName(domain.title, domainIdNumber.get(domain.id)!),
      domain.description.trim() === '' ? '' : html(`<p>${escapeHtmlLines(domain.description)}</p>`),
      FORMAT_HTML,
      ...empty,
      '',
      '',
      '0',
      '',
    ]);
  }
  for (const c of comps) {
    const related = index.prerequisitesOf(c).map((p) => compIdNumber.get(p.id)!.replace(/,/g, '%2C'));
    rows.push([
      c.domainId !== null ? (domainIdNumber.get(c.domainId) ?? '') : '',
      compIdNumber.get(c.id)!,
      shortName(c.statement, compIdNumber.get(c.id)!),
      html(competencyDescriptionHtml(fw, c, index)),
      FORMAT_HTML,
      ...empty,
      related.join(','),
      '',
      '0',
      '',
    ]);
  }
  return writeCsv(rows, { quoteAll: true, bom: false, newline: '\n' });
}
