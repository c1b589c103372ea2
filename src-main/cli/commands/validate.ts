import { isCasePackageLike, readCasePackage } from '../../../src-core/case/read';
import { caseToStandardsSet } from '../../../src-core/case/toStandards';
import { CHECKS, validateFramework, type Diagnostic, type ValidationResult } from '../../../src-core/checks';
import { importCsvAsFramework, looksLikeCsv } from '../../../src-core/csv/importCsv';
import { notTextProblem } from '../../../src-core/csv/notCsv';
import { isFrameworkEnvelope, loadFrameworkValue, schemaCheckFramework } from '../../../src-core/format/frameworkFile';
import { parseJson } from '../../../src-core/format/json';
import type { Framework, StandardsSet } from '../../../src-core/model/types';
import { describeProblem, type SchemaProblem } from '../../../src-core/format/schemaErrors';
import { fail, ok, type Result } from '../../../src-core/result';
import { colors, EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, inputSource, type CliIo } from '../io';
import type { CliCommand } from '../main';
import { duplicateKeyLines, readInput } from '../readInput';

/** The `--json` report: a contract (README, "CLI"). Exactly these fields, in this order. */
export interface ValidateReport {
  ok: boolean;
  format: 'progressions' | 'case-1.0' | 'case-1.1';
  counts: { competencies: number; prerequisites: number; standards: number; alignments: number };
  /** One entry per cyclic group of competencies: its members, in the order of one loop through them. */
  cycles: string[][];
  /** Coverage over every standards set (the file's own and `--standards` ones), or null when there is none. */
  coverage: { standards: number; covered: number; uncovered: string[]; ratio: number } | null;
  /**
   * `path` only on `schema` diagnostics: the JSON pointer of the problem (also at the end of its message,
   * which says where it is in words first); their `ids` hold the id of the record the pointer is in, if any.
   */
  diagnostics: { severity: 'error' | 'warning' | 'info'; code: string; message: string; ids: string[]; path?: string }[];
}

const USAGE = 'progressions validate <file> [--standards <file>]... [--json]';
/** How many findings of one check the readable report prints before "… and N more". */
const SHOWN_PER_CHECK = 10;

/**
 * `progressions validate`: checks a framework file or a CASE 1.0 / 1.1 package (detected from the
 * content). Exit 0 no errors (warnings allowed), 1 errors found, 2 the input (or a `--standards`
 * file) cannot be read or is not a supported format.
 */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'Check a framework file or CASE package; exit 0 valid, 1 errors found, 2 unreadable.',
  usage: USAGE,
  details: [
    'Reads our framework files and CASE 1.0 / 1.1 packages (detected from the content).',
    '',
    'Options:',
    '  --standards <file>  add a standards set to measure coverage against: a CASE package, a framework file',
    '                      or a standards CSV (repeatable)',
    '  --json              exactly one JSON object on stdout: { ok, format, counts, cycles, coverage, diagnostics }',
    '',
    'Exit codes: 0 valid (warnings allowed), 1 errors found (a file that breaks the schema: one "schema"',
    'diagnostic per problem), 2 the file or a --standards file cannot be read or is not a supported format.',
    'Every check code: docs/validation.md.',
  ].join('\n'),
  options: { json: { type: 'boolean' }, standards: { type: 'string', multiple: true } },
  async run({ positionals, values }, io) {
    if (positionals.length > 1) {
      io.err(`progressions validate: unexpected argument "${positionals[1]}" (give --standards before each standards file).\nUsage: ${USAGE}\n`);
      return EXIT_UNREADABLE;
    }
    const json = values.json === true;
    let schemaProblems: SchemaProblem[] | undefined;
    const input = await readInput('validate', positionals[0], io, (p) => (schemaProblems = p));
    if (schemaProblems) return printReport(schemaOnlyReport(schemaProblems), undefined, positionals[0]!, json, io);
    if (!input) return EXIT_UNREADABLE;

    const extra: StandardsSet[] = [];
    /** Where each set came from, by id: the same set given twice (a glob, a link) is counted once. */
    const givenBy = new Map<string, string>();
    for (const path of (values.standards as string[] | undefined) ?? []) {
      // Row problems of a CSV standards list go to stderr (stdout stays one JSON object with --json), so a
      // script never computes coverage from a half-read list without a word.
      const sets = await readStandardsFile(path, io, (line) => io.err(`progressions validate: --standards ${line}\n`));
      if (!sets.ok) {
        io.err(`progressions validate: --standards ${sets.error.message}\n`);
        return EXIT_UNREADABLE;
      }
      for (const set of sets.value) {
        const first = givenBy.get(set.id);
        if (first !== undefined) {
          io.err(`progressions validate: --standards ${path}: note: the standards set “${set.title}” was already given (${first}); it is counted once.\n`);
          continue;
        }
        givenBy.set(set.id, path);
        extra.push(set);
      }
    }

    const fw = input.framework;
    // A file of ours: validation reuses the records the schema check just enumerated.
    const result = validateFramework(fw, { standardsSets: extra, lists: input.lists });
    const schema = input.format === 'progressions' ? [] : schemaCheckFramework(fw);
    const report = toReport(input.format, result, schema);
    return printReport(report, result, fw.title || positionals[0]!, json, io);
  },
};

/** The JSON contract from a validation result (plus schema problems of a converted CASE package). */
export function toReport(format: ValidateReport['format'], r: ValidationResult, schema: readonly SchemaProblem[] = []): ValidateReport {
  const diagnostics: ValidateReport['diagnostics'] = schema.map(schemaDiagnostic);
  for (const d of r.diagnostics) diagnostics.push({ severity: d.severity, code: d.code, message: d.message, ids: d.ids });
  return {
    ok: r.ok && schema.length === 0,
    format,
    counts: {
      competencies: r.summary.competencies,
      prerequisites: r.summary.prerequisites,
      standards: r.summary.standards,
      alignments: r.summary.alignments,
    },
    cycles: r.cycles.map((c) => c.members),
    coverage: r.coverage
      ? { standards: r.coverage.standards, covered: r.coverage.covered, uncovered: r.coverage.uncovered, ratio: r.coverage.ratio }
      : null,
    diagnostics,
  };
}

/**
 * The standards sets in a `--standards` file: a CASE package (one set), a framework file of ours
 * (its sets), or a CSV standards list. Failures are values with a one-line message; `onRowProblem`
 * receives each row problem of a CSV list as one line (`<path>: row N: error|warning: …`).
 */
export async function readStandardsFile(
  path: string,
  io: Pick<CliIo, 'readText'>,
  onRowProblem?: (line: string) => void,
): Promise<Result<StandardsSet[]>> {
  const text = await io.readText(path);
  if (!text.ok) return fail(text.error.code, text.error.message);
  if (looksLikeCsv(text.value)) {
    const csv = importCsvAsFramework(text.value, { kind: 'standards', source: inputSource(path) });
    if (!csv.ok) return fail(csv.error.code, `${path}: ${csv.error.message}`);
    for (const e of csv.value.rowErrors) onRowProblem?.(`${path}: row ${e.row}: ${e.severity}: ${e.message}`);
    return setsOf(path, csv.value.framework);
  }
  const parsed = parseJson(text.value);
  if (!parsed.ok) {
    // A workbook or binary file: named as such, not as broken JSON ("found PK\u0003\u0004…").
    const notText = parsed.error.code === 'not-json' ? notTextProblem(text.value) : null;
    return fail(notText?.code ?? parsed.error.code, `${path}: ${notText?.message ?? parsed.error.message}`);
  }
  // A standard written twice under one id would count once, the first copy lost: refused, as the framework is.
  const dups = duplicateKeyLines(path, text.value);
  if (dups) return fail('duplicate-keys', dups.join('\n'));
  if (isCasePackageLike(parsed.value)) {
    const read = readCasePackage(parsed.value);
    if (!read.ok) return fail(read.error.code, `${path}: ${read.error.message}`);
    return ok([caseToStandardsSet(read.value.pkg, { source: path })]);
  }
  if (isFrameworkEnvelope(parsed.value)) {
    const loaded = loadFrameworkValue(parsed.value);
    if (!loaded.ok) return fail(loaded.error.code, `${path}: ${loaded.error.message}`);
    return setsOf(path, loaded.value.framework);
  }
  return fail('unsupported-format', `${path}: not a standards file (expected a CASE package, a Progressions framework file or a CSV standards list).`);
}

function setsOf(path: string, fw: Framework): Result<StandardsSet[]> {
  const sets = Object.values(fw.standardsSets);
  if (sets.length === 0) return fail('no-standards', `${path}: the file holds no standards set.`);
  return ok(sets);
}

/** The report for a file in our format that does not match the schema (nothing else can be checked). */
function schemaOnlyReport(problems: SchemaProblem[]): ValidateReport {
  return {
    ok: false,
    format: 'progressions',
    counts: { competencies: 0, prerequisites: 0, standards: 0, alignments: 0 },
    cycles: [],
    coverage: null,
    diagnostics: problems.map(schemaDiagnostic),
  };
}

/**
 * A schema problem as a diagnostic: where it is in words, what is wrong, the JSON pointer (also as `path`);
 * `ids` holds the id of the record the pointer is in (a competency, link, alignment …), none at the framework level.
 */
function schemaDiagnostic(p: SchemaProblem): ValidateReport['diagnostics'][number] {
  return { severity: 'error', code: 'schema', message: describeProblem(p), ids: p.recordId !== undefined ? [p.recordId] : [], path: p.path ?? '/' };
}

const SEVERITY_HEADINGS = { error: 'Errors', warning: 'Warnings', info: 'Notes' } as const;

function printReport(report: ValidateReport, result: ValidationResult | undefined, title: string, json: boolean, io: CliIo): number {
  const code = report.ok ? EXIT_OK : EXIT_PROBLEMS;
  if (json) {
    io.out(JSON.stringify(report) + '\n');
    return code;
  }
  const c = colors(io.isTty);
  const lines: string[] = [];
  const n = report.counts;
  lines.push(
    result
      ? `${c.bold(title)} ${c.dim(`(${report.format}: ${n.competencies} competencies, ${n.prerequisites} prerequisites, ${n.standards} standards, ${n.alignments} alignments)`)}`
      : `${c.bold(title)} ${c.dim('(a framework file that does not match the file format: nothing else is checked until these are fixed)')}`,
  );

  for (const severity of ['error', 'warning', 'info'] as const) {
    const ds = report.diagnostics.filter((d) => d.severity === severity);
    if (ds.length === 0) continue;
    const paint = severity === 'error' ? c.red : severity === 'warning' ? c.yellow : c.cyan;
    lines.push('', paint(c.bold(`${SEVERITY_HEADINGS[severity]} (${ds.length})`)));
    const byCode = new Map<string, ValidateReport['diagnostics']>();
    for (const d of ds) {
      const list = byCode.get(d.code);
      if (list) list.push(d);
      else byCode.set(d.code, [d]);
    }
    for (const [code, list] of byCode) {
      const title = code in CHECKS ? CHECKS[code as Diagnostic['code']].title : 'File format';
      lines.push(`  ${paint(code)} ${c.dim(`· ${title} (${list.length})`)}`);
      // Schema problems all: each one must be fixed before anything else can be checked.
      const shown = code === 'schema' ? list.length : SHOWN_PER_CHECK;
      for (const d of list.slice(0, shown)) lines.push(`    ${d.message}`);
      if (list.length > shown) lines.push(c.dim(`    … and ${list.length - shown} more (run with --json for the full list)`));
    }
  }

  const cov = result?.coverage;
  if (cov) {
    lines.push('', c.bold('Coverage'));
    for (const s of cov.sets) {
      const which = s.basis === 'leaf' ? 'leaf standards' : s.basis === 'assessable' ? 'standards marked assessable' : 'assessable and leaf standards';
      lines.push(`  ${s.title}: ${s.covered} of ${s.standards} ${which} covered (${percent(s.ratio)})`);
    }
    lines.push(
      n.competencies === 0
        ? `  no competencies yet, so nothing is aligned`
        : cov.unaligned.length === 0
        ? `  every competency is aligned to at least one standard`
        : `  ${cov.unaligned.length} of ${n.competencies} competencies aligned to no standard`,
    );
  }

  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = report.diagnostics.filter((d) => d.severity === 'warning').length;
  const infos = report.diagnostics.length - errors - warnings;
  const parts = [plural(errors, 'error'), plural(warnings, 'warning'), plural(infos, 'note')];
  if (result) {
    const s = result.summary;
    parts.push(s.acyclic ? `longest chain ${s.longestChain}` : plural(result.cycles.length, 'cycle'));
    parts.push(plural(s.roots, 'starting point'));
    if (cov) parts.push(`coverage ${percent(cov.ratio)}`);
  }
  const mark = report.ok ? c.green('✓') : c.red('✗');
  const verdict = report.ok ? c.green('valid') : c.red('not valid');
  lines.push('', `${mark} ${title}: ${verdict} — ${parts.join(', ')}`);
  io.out(lines.join('\n') + '\n');
  return code;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function percent(r: number): string {
  const p = r * 100;
  return `${p === 100 || p === 0 ? p.toFixed(0) : p.toFixed(1)}%`;
}
