import { v5 as uuidv5 } from 'uuid';
import { createFramework, DOMAIN_PALETTE } from '../model/defaults';
import { isUuid, newUuid, type AlignmentId, type CompetencyId, type DomainId, type FrameworkId, type IndicatorId, type LinkId, type PhaseId, type StandardId, type StandardsSetId } from '../model/ids';
import {
  ALIGNMENT_KINDS,
  EVIDENCE_LABELS,
  EVIDENCE_TYPES,
  type AlignmentKind,
  type Competency,
  type Domain,
  type EvidenceType,
  type Framework,
  type MasteryPhase,
  type PhaseDescription,
  type Standard,
  type StandardsSet,
} from '../model/types';
import { prerequisiteCycles } from '../graph/scc';
import { buildPrerequisiteGraph } from '../graph/prerequisiteGraph';
import { fail, ok, type Result } from '../result';
import { competenciesInOrder } from './order';
import { notCsv } from './notCsv';
import { isBlankRow, parseCsv, writeCsv } from './papa';
import { parseEducationLevels } from './standardsCsv';

/**
 * The competency spreadsheet: one row per competency, for editing in Excel / LibreOffice / Sheets
 * and reading back. UTF-8 with a BOM, every field quoted, CRLF line ends.
 *
 * Columns (in this order; on import they are found by header name, so users may reorder them or
 * leave some out): Code, Statement, I can, Domain code, Domain, Education levels, Estimated hours,
 * Evidence types, Prerequisites, Alignments, Threshold descriptor, Notes, then for every mastery
 * phase `Phase: <label>` (the descriptor) and `Indicators: <label>` (one performance indicator per
 * line), and last `ID` (the competency's UUID, so that a round trip keeps identifiers).
 * The threshold phase's header ends in ` (mastery threshold)`.
 *
 * Lists inside a cell are separated by `; ` (prerequisite codes, alignment codes, evidence types)
 * or `, ` (education levels). An alignment is written `code` (exact) or `code (partial)` /
 * `code (related)`. Cells starting with `=`, `+`, `-`, `@`, tab or CR get a leading `'` so that a
 * spreadsheet shows them as text instead of running them as formulas; the reader removes it again.
 * Code cells a spreadsheet would read as a number or a date get one too (`escapeCodeCell`).
 */

/** The fixed leading columns of the competency spreadsheet, in export order. */
export const COMPETENCY_CSV_COLUMNS = [
  'Code',
  'Statement',
  'I can',
  'Domain code',
  'Domain',
  'Education levels',
  'Estimated hours',
  'Evidence types',
  'Prerequisites',
  'Alignments',
  'Threshold descriptor',
  'Notes',
] as const;

const PHASE_PREFIX = 'Phase: ';
const INDICATORS_PREFIX = 'Indicators: ';
const THRESHOLD_MARK = ' (mastery threshold)';
const ID_COLUMN = 'ID';

/** Namespace of the UUID v5 ids the reader derives (domains, links, alignments, indicators …). */
export const COMPETENCY_CSV_NAMESPACE = '2d8e6c0a-7f41-5b3e-8c9d-4a1b2c3d4e5f';

const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;

/** Makes a cell safe to open in a spreadsheet (no formula runs); `unescapeCell` undoes it exactly. */
export function escapeCell(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** Undoes `escapeCell`. */
export function unescapeCell(s: string): string {
  return ESCAPED_FORMULA.test(s) ? s.slice(1) : s;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*';
/**
 * Text a spreadsheet turns into a number, a date or a time when it opens a CSV file, so that saving the
 * sheet writes something else: `1.10` → 1.1, `007` → 7, `1e5` → 100000, `3-5` → 5 March, `1:2` → 01:02,
 * `Mar-1` → 1 March, `3.1` → 3 January in a German Excel.
 */
const SPREADSHEET_VALUE = new RegExp(
  `^\\s*(?:[+-]?[\\d.,:/ -]*\\d[\\d.,:/ -]*(?:e[+-]?\\d+)?%?|${MONTH}[-/ .]?\\d{1,4}|\\d{1,4}[-/ .]?${MONTH}(?:[-/ .]?\\d{1,4})?)\\s*$`,
  'i',
);

/**
 * `escapeCell` for a cell that names something by its code (Code, Domain code, Prerequisites,
 * Alignments): also a cell a spreadsheet would read as a number or a date gets a leading `'`, so that
 * Excel, LibreOffice or Sheets keep it as text (`1.10` stays `1.10`, not 1.1, which may be another
 * competency's code). `unescapeCodeCell` undoes it exactly, whether the spreadsheet kept the `'` or not.
 */
export function escapeCodeCell(s: string): string {
  return SPREADSHEET_VALUE.test(s.replace(/^'+/, '')) ? `'${s}` : escapeCell(s);
}

/** Undoes `escapeCodeCell`. */
export function unescapeCodeCell(s: string): string {
  return s.startsWith("'") && SPREADSHEET_VALUE.test(s.replace(/^'+/, '')) ? s.slice(1) : unescapeCell(s);
}

function alignmentEntry(code: string, kind: AlignmentKind): string {
  return kind === 'exact' ? code : `${code} (${kind})`;
}

/** The text of the competency spreadsheet for a framework (see the module comment for the layout). */
export function writeCompetencyCsv(fw: Framework): string {
  const phases = fw.phases;
  const header: string[] = [
    ...COMPETENCY_CSV_COLUMNS,
    ...phases.flatMap((p) => [`${PHASE_PREFIX}${p.label}${p.threshold ? THRESHOLD_MARK : ''}`, `${INDICATORS_PREFIX}${p.label}`]),
    ID_COLUMN,
  ];
  const domains = new Map(fw.domains.map((d) => [d.id, d]));
  const threshold = phases.find((p) => p.threshold);
  // A prerequisite is written by its code, unless the code cannot name it on reading back: empty, shared with
  // another competency (the reader takes the first row with it), or holding the list separator ";" (split
  // into two unknown codes, the link lost). Then by its ID, which the reader resolves as well.
  const codeCount = new Map<string, number>();
  for (const id in fw.competencies) {
    const code = fw.competencies[id]!.code.trim();
    codeCount.set(code, (codeCount.get(code) ?? 0) + 1);
  }
  const prereqs = new Map<string, string[]>();
  for (const l of fw.prerequisites.values()) {
    const from = fw.competencies[l.from];
    if (!from) continue;
    const list = prereqs.get(l.to) ?? [];
    const code = from.code.trim();
    list.push(code !== '' && !code.includes(';') && codeCount.get(code) === 1 ? code : from.id);
    prereqs.set(l.to, list);
  }
  const aligned = new Map<string, string[]>();
  for (const a of fw.alignments.values()) {
    const std = fw.standardsSets[a.setId]?.items[a.standardId];
    const code = std ? std.code || std.id : a.standardId;
    const list = aligned.get(a.competencyId) ?? [];
    list.push(alignmentEntry(code, a.kind));
    aligned.set(a.competencyId, list);
  }
  const sortList = (xs: string[] | undefined) => [...(xs ?? [])].sort().join('; ');

  const rows: string[][] = [header];
  for (const c of competenciesInOrder(fw)) {
    const d = c.domainId ? domains.get(c.domainId) : undefined;
    const row = [
      escapeCodeCell(c.code),
      c.statement,
      c.iCan,
      escapeCodeCell(d?.code ?? ''),
      d?.title ?? '',
      c.educationLevels.join(', '),
      c.estimatedHours === null ? '' : String(c.estimatedHours),
      c.evidenceTypes.join('; '),
      escapeCodeCell(sortList(prereqs.get(c.id))),
      escapeCodeCell(sortList(aligned.get(c.id))),
      threshold ? (c.phases[threshold.id]?.descriptor ?? '') : '',
      c.notes,
      ...phases.flatMap((p) => {
        const desc = c.phases[p.id];
        return [desc?.descriptor ?? '', (desc?.indicators ?? []).map((i) => i.text).join('\n')];
      }),
    ].map((v, k) => (k === 0 || k === 3 || k === 8 || k === 9 ? v : escapeCell(v)));
    row.push(c.id);
    rows.push(row);
  }
  return writeCsv(rows, { quoteAll: true, bom: true, newline: '\r\n' });
}

/** A row the reader could not read fully; `row` is 1-based with the header on row 1. */
export interface CompetencyRowError {
  row: number;
  severity: 'error' | 'warning';
  message: string;
}

/** What `readCompetencyCsv` read: the framework, the row problems and the import report. */
export interface CompetencyCsvImport {
  framework: Framework;
  rowErrors: CompetencyRowError[];
  /** Human-readable lines for the import report. */
  notes: string[];
}

/** Options of `readCompetencyCsv`. */
export interface CompetencyCsvOptions {
  /**
   * A framework to read into: its metadata, mastery scale (matched by phase label), domains
   * (matched by code, else title) and standards sets (alignment codes are looked up there) are
   * kept; competencies that have the same ID keep their position, pin and indicator ids.
   * Competencies, prerequisites and alignments come from the CSV only.
   */
  base?: Framework;
  /** Title of a new framework when there is no base. */
  title?: string;
  /**
   * Id of a new framework when there is no base (a fresh UUID when absent). Every other id is derived
   * from it, so the same id and sheet always give the same framework (the CLI derives it from the file name).
   */
  id?: string;
}

type Col =
  | 'code'
  | 'statement'
  | 'iCan'
  | 'domainCode'
  | 'domain'
  | 'levels'
  | 'hours'
  | 'evidence'
  | 'prerequisites'
  | 'alignments'
  | 'threshold'
  | 'notes'
  | 'id';

const COLUMN_NAMES: Record<Col, readonly string[]> = {
  code: ['code', 'humancodingscheme', 'competencycode'],
  statement: ['statement', 'competency', 'fullstatement', 'description'],
  iCan: ['ican', 'icanstatement', 'studentstatement', 'studentfriendly'],
  domainCode: ['domaincode', 'strandcode'],
  domain: ['domain', 'strand', 'domaintitle'],
  levels: ['educationlevels', 'educationlevel', 'gradelevels', 'gradelevel', 'grades', 'grade', 'levels'],
  hours: ['estimatedhours', 'hours'],
  evidence: ['evidencetypes', 'evidence', 'evidencetype'],
  prerequisites: ['prerequisites', 'prerequisite', 'prerequisitecodes'],
  alignments: ['alignments', 'alignment', 'standards', 'alignedstandards'],
  threshold: ['thresholddescriptor', 'masterythresholddescriptor', 'proficientdescriptor'],
  notes: ['notes', 'note'],
  id: ['id', 'identifier', 'uuid'],
};

function norm(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function evidenceOf(token: string): EvidenceType | undefined {
  const t = norm(token);
  return EVIDENCE_TYPES.find((e) => norm(e) === t || norm(EVIDENCE_LABELS[e]) === t);
}

function splitList(cell: string, sep: RegExp): string[] {
  return cell
    .split(sep)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

interface PhaseColumn {
  label: string;
  threshold: boolean;
  descriptor: number | null;
  indicators: number | null;
}

/**
 * Reads the competency spreadsheet back into a framework. Columns are found by header name; only
 * a Statement or a Code column is required. Fails closed on an empty file or a header without
 * either column; everything else is reported per row and the rest is read.
 */
export function readCompetencyCsv(text: string, options: CompetencyCsvOptions = {}): Result<CompetencyCsvImport> {
  const wrong = notCsv(text);
  if (wrong) return wrong;
  const table = parseCsv(text);
  const h = table.rows.findIndex((r) => !isBlankRow(r));
  if (h < 0) return fail('empty-csv', 'The CSV file is empty: there is no header row and no data.', { path: 'row 1' });
  const headers = table.rows[h]!.map((c) => c.trim());
  const rowErrors: CompetencyRowError[] = [];
  const err = (row: number, message: string) => rowErrors.push({ row, severity: 'error', message });
  const warn = (row: number, message: string) => rowErrors.push({ row, severity: 'warning', message });
  for (const p of table.problems) err(p.row, p.message);
  for (const p of table.warnings) warn(p.row, p.message);

  const col = {} as Record<Col, number | null>;
  const taken = new Set<number>();
  for (const k of Object.keys(COLUMN_NAMES) as Col[]) {
    col[k] = null;
    for (const name of COLUMN_NAMES[k]) {
      const i = headers.findIndex((x, idx) => !taken.has(idx) && norm(x) === name);
      if (i >= 0) {
        col[k] = i;
        taken.add(i);
        break;
      }
    }
  }
  if (col.statement === null && col.code === null) {
    return fail('no-columns', `The CSV has no "Statement" or "Code" column (found: ${headers.map((x) => `"${x}"`).join(', ')}).`, { path: `row ${h + 1}` });
  }

  // Phase columns, in header order.
  const phaseCols: PhaseColumn[] = [];
  const phaseByLabel = new Map<string, PhaseColumn>();
  headers.forEach((raw, i) => {
    let kind: 'descriptor' | 'indicators' | null = null;
    let rest = '';
    if (raw.toLowerCase().startsWith(PHASE_PREFIX.toLowerCase())) {
      kind = 'descriptor';
      rest = raw.slice(PHASE_PREFIX.length);
    } else if (raw.toLowerCase().startsWith(INDICATORS_PREFIX.toLowerCase())) {
      kind = 'indicators';
      rest = raw.slice(INDICATORS_PREFIX.length);
    }
    if (!kind) return;
    let threshold = false;
    if (rest.toLowerCase().endsWith(THRESHOLD_MARK.toLowerCase())) {
      threshold = true;
      rest = rest.slice(0, rest.length - THRESHOLD_MARK.length);
    }
    const label = rest.trim();
    let pc = phaseByLabel.get(label.toLowerCase());
    if (!pc) {
      pc = { label, threshold: false, descriptor: null, indicators: null };
      phaseByLabel.set(label.toLowerCase(), pc);
      phaseCols.push(pc);
    }
    if (threshold) pc.threshold = true;
    if (pc[kind] !== null) warn(h + 1, `the header has two "${raw}" columns; the first is read`);
    else pc[kind] = i;
    taken.add(i);
  });
  const unknownHeaders = headers.filter((x, i) => x !== '' && !taken.has(i));

  // The framework to fill.
  const base = options.base;
  const fwId = (base?.id ?? options.id ?? newUuid()) as FrameworkId;
  const did = (kind: string, key: string) => uuidv5(`${fwId}\n${kind}\n${key}`, COMPETENCY_CSV_NAMESPACE);
  const fw: Framework = base
    ? {
        ...structuredClone(base),
        competencies: {},
        prerequisites: new Map(),
        alignments: new Map(),
        comments: {},
      }
    : createFramework({ id: fwId, title: options.title ?? 'Imported competencies' });

  // Phases: from the header when it has phase columns (matched to the base scale by label).
  const notes: string[] = [];
  if (phaseCols.length === 0 && !base && options.id !== undefined) {
    // The default scale with ids derived like the rest (createFramework gives it fresh ones).
    fw.phases = fw.phases.map((p, i) => ({ ...p, id: did('phase', `default:${i + 1}`) as PhaseId }));
  }
  if (phaseCols.length > 0) {
    const baseByLabel = new Map((base?.phases ?? []).map((p) => [p.label.toLowerCase(), p]));
    const anyMarked = phaseCols.some((p) => p.threshold);
    if (phaseCols.filter((p) => p.threshold).length > 1) {
      warn(h + 1, `more than one phase is marked as the mastery threshold; "${phaseCols.find((p) => p.threshold)!.label}" is used`);
    }
    let thresholdSet = false;
    fw.phases = phaseCols.map((pc): MasteryPhase => {
      const b = baseByLabel.get(pc.label.toLowerCase());
      let threshold = anyMarked ? pc.threshold : (b?.threshold ?? false);
      if (threshold && thresholdSet) threshold = false;
      if (threshold) thresholdSet = true;
      return { id: (b?.id ?? did('phase', pc.label.toLowerCase())) as PhaseId, label: pc.label, description: b?.description ?? '', threshold };
    });
    if (!thresholdSet) warn(h + 1, 'no phase column is marked " (mastery threshold)"; set the threshold in the app');
  }
  const phaseIdByCol = new Map(phaseCols.map((pc, i) => [pc, fw.phases[i]!.id]));
  const thresholdPhase = fw.phases.find((p) => p.threshold);
  const thresholdCol = thresholdPhase ? phaseCols.find((pc) => phaseIdByCol.get(pc) === thresholdPhase.id) : undefined;

  // Domains: reuse by code, else by title; create the others in first-seen order.
  const domainByKey = new Map<string, Domain>();
  for (const d of fw.domains) {
    if (d.code !== '') domainByKey.set(`c:${d.code.toLowerCase()}`, d);
    if (d.title !== '') domainByKey.set(`t:${d.title.toLowerCase()}`, d);
  }
  const domainFor = (code: string, title: string): Domain | null => {
    if (code === '' && title === '') return null;
    const found = (code !== '' ? domainByKey.get(`c:${code.toLowerCase()}`) : undefined) ?? (code === '' ? domainByKey.get(`t:${title.toLowerCase()}`) : undefined);
    if (found) return found;
    const d: Domain = {
      id: did('domain', `${code}\n${title}`.toLowerCase()) as DomainId,
      code,
      title: title || code,
      description: '',
      color: DOMAIN_PALETTE[fw.domains.length % DOMAIN_PALETTE.length]!,
      parentId: null,
    };
    fw.domains.push(d);
    if (code !== '') domainByKey.set(`c:${code.toLowerCase()}`, d);
    if (title !== '') domainByKey.set(`t:${title.toLowerCase()}`, d);
    return d;
  };

  const cell = (r: readonly string[], c: number | null, trim = true): string => {
    if (c === null) return '';
    const v = unescapeCell(r[c] ?? '');
    return trim ? v.trim() : v;
  };
  /** A cell that names something by its code: written by `escapeCodeCell`. */
  const codeCell = (r: readonly string[], c: number | null): string => (c === null ? '' : unescapeCodeCell(r[c] ?? '').trim());

  interface Pending {
    row: number;
    comp: Competency;
    prerequisites: string[];
    alignments: string[];
  }
  const pending: Pending[] = [];
  const byCode = new Map<string, Pending>();
  const byId = new Map<string, Pending>();
  const usedIds = new Set<string>();
  let emptyRows = 0;

  for (let i = h + 1; i < table.rows.length; i++) {
    const r = table.rows[i]!;
    const row = i + 1;
    if (isBlankRow(r)) {
      emptyRows++;
      continue;
    }
    const code = codeCell(r, col.code);
    const statement = cell(r, col.statement, false);
    if (code === '' && statement.trim() === '') {
      err(row, 'the row has neither a code nor a statement; it was skipped');
      continue;
    }
    let id = cell(r, col.id).toLowerCase();
    if (id !== '' && !isUuid(id)) {
      warn(row, `ID "${id}" is not a UUID; a new id was given`);
      id = '';
    }
    if (id !== '' && usedIds.has(id)) {
      err(row, `ID ${id} is also used on an earlier row; this competency got a new id`);
      id = '';
    }
    if (id === '') id = did('competency', code !== '' && !byCode.has(code) ? `code:${code}` : `row:${row}`);
    usedIds.add(id);
    const prior = base?.competencies[id];

    const { levels, unknown } = parseEducationLevels(cell(r, col.levels));
    if (unknown.length > 0) warn(row, `unknown education level${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (kept as written)`);

    let estimatedHours: number | null = null;
    const hoursCell = cell(r, col.hours);
    if (hoursCell !== '') {
      const n = Number(hoursCell.replace(',', '.'));
      if (Number.isFinite(n) && n >= 0) estimatedHours = n;
      else err(row, `estimated hours "${hoursCell}" is not a number of hours (0 or more); left empty`);
    }

    const evidenceTypes: EvidenceType[] = [];
    for (const t of splitList(cell(r, col.evidence), /[;,]/)) {
      const e = evidenceOf(t);
      if (!e) warn(row, `unknown evidence type "${t}" was left out (known: ${EVIDENCE_TYPES.join(', ')})`);
      else if (!evidenceTypes.includes(e)) evidenceTypes.push(e);
    }

    const domain = domainFor(codeCell(r, col.domainCode), cell(r, col.domain));

    const phases: Record<string, PhaseDescription> = {};
    for (const pc of phaseCols) {
      const pid = phaseIdByCol.get(pc)!;
      let descriptor = cell(r, pc.descriptor, false);
      if (pc === thresholdCol && col.threshold !== null) {
        const t = cell(r, col.threshold, false);
        if (descriptor.trim() === '' && t.trim() !== '') descriptor = t;
        else if (t.trim() !== '' && t !== descriptor) {
          warn(row, `"Threshold descriptor" differs from "${headers[pc.descriptor ?? -1] ?? pc.label}"; the phase column was used`);
        }
      }
      const lines = cell(r, pc.indicators, false)
        .split(/\r\n|\n|\r/)
        .filter((l) => l.trim() !== '');
      if (descriptor.trim() === '' && lines.length === 0) continue;
      const old = prior?.phases[pid]?.indicators ?? [];
      const usedInd = new Set<string>();
      phases[pid] = {
        descriptor,
        indicators: lines.map((text, k) => {
          const same = old.find((o) => o.text === text && !usedInd.has(o.id));
          const indId = same?.id ?? did('indicator', `${id}\n${pid}\n${k}\n${text}`);
          usedInd.add(indId);
          return { id: indId as IndicatorId, text };
        }),
      };
    }
    if (phaseCols.length === 0 && col.threshold !== null && thresholdPhase) {
      const t = cell(r, col.threshold, false);
      if (t.trim() !== '') phases[thresholdPhase.id] = { descriptor: t, indicators: prior?.phases[thresholdPhase.id]?.indicators ?? [] };
    }

    const comp: Competency = {
      id: id as CompetencyId,
      code,
      statement,
      iCan: cell(r, col.iCan, false),
      domainId: domain?.id ?? null,
      educationLevels: levels,
      estimatedHours,
      evidenceTypes,
      notes: col.notes !== null ? cell(r, col.notes, false) : (prior?.notes ?? ''),
      phases,
      position: prior ? { ...prior.position } : { x: (pending.length % 6) * 260, y: Math.floor(pending.length / 6) * 180 },
      pinned: prior?.pinned ?? false,
    };
    const p: Pending = {
      row,
      comp,
      prerequisites: splitList(codeCell(r, col.prerequisites), /;/),
      alignments: splitList(codeCell(r, col.alignments), /;/),
    };
    if (code !== '') {
      const first = byCode.get(code);
      if (first) warn(row, `code ${code} is also used on row ${first.row}; prerequisites naming ${code} mean row ${first.row}`);
      else byCode.set(code, p);
    }
    pending.push(p);
    byId.set(id, p);
    fw.competencies[id] = comp;
  }

  // Prerequisites by code (the base's link ids and notes are kept for links that still exist).
  const baseLinks = new Map([...(base?.prerequisites.values() ?? [])].map((l) => [`${l.from}>${l.to}`, l]));
  const linkKeys = new Set<string>();
  // A hand-made sheet writes "FR.1, FR.2" or "fr.1": read them when the reading is certain, and say so.
  const byCodeFolded = new Map<string, (typeof pending)[number] | null>();
  for (const [code, q] of byCode) {
    const k = code.toLowerCase();
    byCodeFolded.set(k, byCodeFolded.has(k) ? null : q);
  }
  const exact = (ref: string) => byCode.get(ref) ?? byId.get(ref.toLowerCase());
  const folded = (ref: string) => exact(ref) ?? byCodeFolded.get(ref.toLowerCase()) ?? undefined;
  const resolve = (row: number, ref: string): (typeof pending)[number][] => {
    const one = exact(ref);
    if (one) return [one];
    const parts = ref.split(',').map((x) => x.trim()).filter((x) => x !== '');
    const found = parts.map(folded);
    if (parts.length > 1 && found.every((f) => f !== undefined)) {
      warn(row, `prerequisites "${ref}" read as ${found.map((f) => f!.comp.code).join('; ')}: separate codes with ";"`);
      return found as (typeof pending)[number][];
    }
    const f = parts.length === 1 ? folded(ref) : undefined;
    if (f) {
      warn(row, `prerequisite ${ref} read as ${f.comp.code} (codes are matched as written in the Code column)`);
      return [f];
    }
    err(row, `prerequisite ${ref} is not a competency in the file; the link was left out${ref.includes(',') ? ' (separate codes with ";")' : ''}`);
    return [];
  };
  for (const p of pending) {
    for (const ref of p.prerequisites.flatMap((r) => resolve(p.row, r).map((from) => ({ ref: r, from })))) {
      const from = ref.from;
      if (from === p) {
        err(p.row, `${ref.ref} cannot be its own prerequisite; the link was left out`);
        continue;
      }
      const key = `${from.comp.id}>${p.comp.id}`;
      if (linkKeys.has(key)) continue;
      linkKeys.add(key);
      const baseLink = baseLinks.get(key);
      const lid = (baseLink?.id ?? did('link', key)) as LinkId;
      fw.prerequisites.set(lid, { id: lid, from: from.comp.id, to: p.comp.id, note: baseLink?.note ?? '' });
    }
  }

  // Alignments by standard code, looked up in the framework's standards sets.
  const stdIndex = new Map<string, { set: StandardsSet; std: Standard }[]>();
  for (const set of Object.values(fw.standardsSets)) {
    for (const std of Object.values(set.items)) {
      for (const key of new Set([std.code, std.id])) {
        if (key === '') continue;
        const list = stdIndex.get(key) ?? [];
        list.push({ set, std });
        stdIndex.set(key, list);
      }
    }
  }
  const baseAlignments = new Map([...(base?.alignments.values() ?? [])].map((a) => [`${a.competencyId}>${a.setId}>${a.standardId}`, a]));
  let referenced: StandardsSet | undefined;
  let referencedCount = 0; // its items, counted: Object.keys per new code made the import quadratic
  const alignKeys = new Set<string>();
  for (const p of pending) {
    // "3.NF.A.1, 3.NF.A.2" typed by hand is two codes (standard codes hold no comma), not one unknown one.
    const entries = p.alignments.flatMap((entry) => {
      const bare = entry.replace(/\s*\((exact|partial|related)\)$/i, '').trim();
      const parts = entry.split(',').map((x) => x.trim()).filter((x) => x !== '');
      if (parts.length < 2 || stdIndex.has(bare)) return [entry];
      warn(p.row, `alignments "${entry}" read as ${parts.join('; ')}: separate codes with ";"`);
      return parts;
    });
    for (const entry of entries) {
      const m = /^(.*?)\s*\((exact|partial|related)\)$/i.exec(entry);
      const code = (m ? m[1]! : entry).trim();
      const kind = (m ? m[2]!.toLowerCase() : 'exact') as AlignmentKind;
      if (!ALIGNMENT_KINDS.includes(kind) || code === '') continue;
      let hit = stdIndex.get(code)?.[0];
      if ((stdIndex.get(code)?.length ?? 0) > 1) {
        warn(p.row, `standard ${code} is in more than one standards set; aligned to the one in "${hit!.set.title}"`);
      }
      if (!hit) {
        if (!referenced) {
          const sid = did('standards-set', 'referenced') as StandardsSetId;
          referenced = {
            id: sid,
            title: 'Standards referenced in the CSV',
            source: 'competency CSV import (codes only: import the standards set to see the statements)',
            version: '',
            caseDocumentId: '',
            caseDocumentUri: '',
            items: {},
          };
          fw.standardsSets[sid] = referenced;
        }
        const stdId = did('standard', code) as StandardId;
        const std: Standard = {
          id: stdId,
          uri: '',
          code,
          statement: '',
          itemType: 'Standard',
          parentId: null,
          sequence: ++referencedCount,
          educationLevels: [],
        };
        referenced.items[stdId] = std;
        hit = { set: referenced, std };
        stdIndex.set(code, [hit]);
      }
      const key = `${p.comp.id}>${hit.set.id}>${hit.std.id}`;
      if (alignKeys.has(key)) continue;
      alignKeys.add(key);
      const baseAl = baseAlignments.get(key);
      const aid = (baseAl?.id ?? did('alignment', key)) as AlignmentId;
      fw.alignments.set(aid, { id: aid, competencyId: p.comp.id, setId: hit.set.id, standardId: hit.std.id, kind });
    }
  }

  rowErrors.sort((a, b) => a.row - b.row);
  notes.push(`Read ${pending.length} competenc${pending.length === 1 ? 'y' : 'ies'}, ${fw.prerequisites.size} prerequisite link(s) and ${fw.alignments.size} alignment(s).`);
  const cycles = cycleNote(fw, pending);
  if (cycles) notes.push(cycles);
  if (emptyRows > 0) notes.push(`${emptyRows} empty row(s) ignored.`);
  if (referenced) {
    notes.push(`${referencedCount} aligned standard code(s) were not in any standards set of the framework; they were kept in a set "${referenced.title}" (codes only).`);
  }
  if (unknownHeaders.length > 0) notes.push(`Columns not imported: ${unknownHeaders.join(', ')}.`);
  // A standards spreadsheet (OpenSALT's export or import template) picked here loses its tree: say where it goes.
  const tree = unknownHeaders.filter((x) => /^(smart\s*level|is\s*child\s*of)$/i.test(x.trim()));
  if (tree.length > 0) {
    notes.push(
      `The sheet's hierarchy (${tree.join(', ')}, as in OpenSALT's standards spreadsheets) is not read: the rows became competencies in no domain, the groupings among them. To keep it, import the file as a standards set (Import ▸ Standards CSV) and align competencies to it.`,
    );
  }
  return ok({ framework: fw, rowErrors, notes });
}

/**
 * The sheet's prerequisites going round in a circle, said in the import report with the rows to fix (the
 * Problems panel and `progressions validate` list every cycle too, but a sheet is fixed in the sheet):
 * null when there is none.
 */
function cycleNote(fw: Framework, pending: readonly { row: number; comp: Competency }[]): string | null {
  if (fw.prerequisites.size === 0) return null;
  const cycles = prerequisiteCycles(buildPrerequisiteGraph(fw));
  if (cycles.length === 0) return null;
  const rowOf = new Map(pending.map((p) => [p.comp.id as string, p]));
  const name = (id: string) => {
    const p = rowOf.get(id);
    return p ? `${p.comp.code || p.comp.statement.slice(0, 40) || id} (row ${p.row})` : id;
  };
  const first = cycles[0]!.path.map(name).join(' → ');
  const more = cycles.length > 1 ? ` and ${cycles.length - 1} more` : '';
  return `The prerequisites go round in a circle: ${first}${more}. No student could start these; fix the Prerequisites column of one of these rows (validation names every cycle: the Problems panel, progressions validate).`;
}
