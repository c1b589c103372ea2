import { checkBaseUri, writeCasePackage } from '../../../src-core/case/export';
import { writeCompetencyCsv } from '../../../src-core/csv/competencyCsv';
import { CANVAS_CALCULATION_INT, canvasCsvAsPreviousProblem, canvasPreviousProblem, canvasRemovals, canvasRemovalsSummary, writeCanvasCsv, type CanvasCalculationMethod, type CanvasExportOptions } from '../../../src-core/export/canvas';
import { writeMoodleCsv } from '../../../src-core/export/moodle';
import { competenciesToPrint, domainsNamed, printableMapHtml, printScopeLabel, type PrintableOptions } from '../../../src-core/export/printable';
import { normalizeEducationLevel } from '../../../src-core/model/levels';
import { exportLossNote, type LossyExportFormat } from '../../../src-core/export/lossNotes';
import { validateFramework } from '../../../src-core/checks/validateFramework';
import { serializeFramework } from '../../../src-core/format/frameworkFile';
import { describeProblem } from '../../../src-core/format/schemaErrors';
import type { Framework } from '../../../src-core/model/types';
import { writeFileAtomicStreaming } from '../../services/atomicStream';
import { colors, describeWriteError, EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, isSameFile, prepareOutput, type CliIo, type OutputTarget } from '../io';
import type { CliCommand } from '../main';
import { readInput } from '../readInput';

/** What an output format needs from the command line. */
export interface ExportContext {
  baseUri?: string;
  includeComments: boolean;
  /** `--canvas-calculation`, `--canvas-no-friendly-description` (the canvas format only). */
  canvas?: CanvasExportOptions;
  /** `--audience`, `--paper`, `--summary`, `--domain`, `--grade` (the html format only). */
  print?: Omit<PrintableOptions, 'mapSvg'>;
  /** Writers add a line for whatever the format could not hold (printed after writing). */
  notes: string[];
}

/**
 * One output format of `progressions export`. `write` emits the whole output through `sink`
 * (chunk by chunk for large formats, so a file is streamed to disk with bounded memory).
 */
export interface ExportFormat {
  summary: string;
  write(fw: Framework, ctx: ExportContext, sink: (chunk: string) => void): void;
}

/**
 * The output formats, by `--format` name. `null` = not available in this build yet (exit 2).
 * The CSV, Moodle and Canvas entries belong to engineer C (src-core/csv, src-core/export).
 */
export const EXPORT_FORMATS: Record<string, ExportFormat | null> = {
  json: {
    summary: 'the Progressions framework file (framework.v1.schema.json)',
    write: (fw, _ctx, sink) => sink(serializeFramework(fw)),
  },
  'case-1.1': {
    summary: 'a CASE 1.1 package (lossless for Progressions)',
    write: (fw, ctx, sink) => writeCasePackage(fw, { version: '1.1', baseUri: ctx.baseUri, includeComments: ctx.includeComments, notes: ctx.notes }, sink),
  },
  'case-1.0': {
    summary: 'a CASE 1.0 package',
    write: (fw, ctx, sink) => writeCasePackage(fw, { version: '1.0', baseUri: ctx.baseUri, notes: ctx.notes }, sink),
  },
  // --- engineer C: competency spreadsheet, Moodle and Canvas writers (docs/lms-exports.md) ---
  csv: {
    summary: 'the competency spreadsheet: one row per competency (UTF-8 with BOM, quoted, CRLF)',
    write: (fw, ctx, sink) => {
      sink(writeCompetencyCsv(fw));
      noteLosses(fw, 'csv', ctx);
    },
  },
  moodle: {
    summary: "Moodle's competency framework CSV (Site administration › Competencies › Import)",
    write: (fw, ctx, sink) => {
      sink(writeMoodleCsv(fw));
      noteLosses(fw, 'moodle', ctx);
    },
  },
  canvas: {
    summary: 'Canvas LMS outcomes CSV (Outcomes › Import)',
    write: (fw, ctx, sink) => {
      sink(writeCanvasCsv(fw, ctx.canvas));
      noteLosses(fw, 'canvas', ctx);
    },
  },
  // --- end of C's entries ---
  html: {
    summary: 'the printable mastery map: one self-contained HTML page to print or save as PDF (no picture of the map)',
    write: (fw, ctx, sink) => sink(printableMapHtml(fw, ctx.print ?? { paper: 'a4', audience: 'student' })),
  },
};

/** The print options of `--format html`, or the problem with one of them (`--domain` and `--grade` are resolved against the framework later). */
export function parsePrintOptions(values: Record<string, unknown>): { ok: true; value: Omit<PrintableOptions, 'mapSvg' | 'only'> } | { ok: false; problem: string } {
  const audience = values.audience ?? 'student';
  if (audience !== 'student' && audience !== 'teacher') return { ok: false, problem: `--audience: "${String(audience)}" is not an audience; use student or teacher` };
  const paper = typeof values.paper === 'string' ? values.paper.toLowerCase() : 'a4';
  if (paper !== 'a4' && paper !== 'letter') return { ok: false, problem: `--paper: "${String(values.paper)}" is not a paper size; use a4 or letter` };
  return { ok: true, value: { audience, paper, layout: values.summary === true ? 'summary' : 'full' } };
}

/** Adds what a spreadsheet or LMS file leaves out of `fw` to the notes (the Export dialog shows the same). */
function noteLosses(fw: Framework, format: LossyExportFormat, ctx: ExportContext): void {
  const note = exportLossNote(fw, format);
  if (note) ctx.notes.push(note);
}

/**
 * The errors that stop an export (without `--force`), one line each: the framework's validation
 * errors (cycles, dangling links, missing threshold …; warnings do not block).
 */
export function exportBlockers(fw: Framework): string[] {
  return validateFramework(fw, { redundantLinks: false })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.code}: ${d.message}`);
}

const USAGE = `progressions export <file> [--format ${Object.keys(EXPORT_FORMATS).join('|')} (default case-1.1)] [-o <out>] [--base-uri <uri>] [--include-comments] [--canvas-calculation <method>[:<n>]] [--canvas-no-friendly-description] [--canvas-previous <file>] [--audience student|teacher] [--paper a4|letter] [--summary] [--domain <code|title>] [--grade <level>] [--force]`;

/**
 * `--canvas-calculation <method>[:<n>]`: Canvas's calculation method of every outcome and its number
 * (`decaying_average:65`, `n_mastery:3`, `highest`, `latest`), as Canvas accepts them; a problem otherwise.
 */
export function parseCanvasCalculation(text: string): { ok: true; value: CanvasExportOptions } | { ok: false; problem: string } {
  const m = /^([a-z_]+)(?::(.*))?$/.exec(text.trim());
  const method = m?.[1] as CanvasCalculationMethod | undefined;
  if (!m || !method || !Object.prototype.hasOwnProperty.call(CANVAS_CALCULATION_INT, method)) {
    return { ok: false, problem: `"${text}" is not a Canvas calculation method; use decaying_average[:1-99], n_mastery[:1-5], highest or latest` };
  }
  const range = CANVAS_CALCULATION_INT[method];
  if (m[2] === undefined) return { ok: true, value: { calculationMethod: method } };
  if (range === null) return { ok: false, problem: `${method} takes no number (Canvas leaves calculation_int empty for it)` };
  const n = /^\d+$/.test(m[2]) ? Number(m[2]) : NaN;
  if (!(n >= range.min && n <= range.max)) return { ok: false, problem: `${method} takes a whole number from ${range.min} to ${range.max}, not "${m[2]}"` };
  return { ok: true, value: { calculationMethod: method, calculationInt: n } };
}

/**
 * `progressions export`: reads a framework in any format `validate` reads and writes it in another.
 * Exit 0 written; 1 the framework has validation errors (listed; `--force` exports anyway);
 * 2 unreadable input, unknown format, unusable option or a failed write.
 */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Convert a framework to JSON, CASE 1.1 / 1.0, CSV, Moodle, Canvas or a printable HTML map (stdout or -o <file>).',
  usage: USAGE,
  details: [
    'Reads any format validate reads. Formats:',
    ...Object.entries(EXPORT_FORMATS).map(([k, f]) => `  ${k.padEnd(9)} ${f?.summary ?? 'not available in this version'}`),
    '',
    'Options:',
    '  -f, --format <f>      the output format (default case-1.1)',
    '  -o, --out <file>      write the file atomically (CASE streamed, in bounded memory); without it: stdout',
    '  --base-uri <uri>      the base of every CASE uri (default urn:progressions)',
    '  --include-comments    keep review comments (CASE 1.1)',
    '  --canvas-calculation <method>[:<n>]  canvas: how Canvas scores each outcome: decaying_average[:1-99]',
    '                        (the default, decaying_average:65), n_mastery[:1-5] (default 3), highest or latest',
    '  --canvas-no-friendly-description  canvas: leave out friendly_description (for Canvas versions that refuse it)',
    '  --canvas-previous <file>  canvas: the version of this framework last imported into Canvas (any format',
    '                        validate reads); its outcomes and groups that this version has not get rows with',
    '                        workflow_state "deleted", so the import removes them in Canvas (named in a note)',
    '  --audience <a>        html: student ("I can", a box per phase to tick; the default) or teacher',
    '  --paper <p>           html: a4 (the default) or letter',
    '  --summary             html: a table per domain, a row per competency, instead of every phase and indicator',
    '  --domain <d>          html: only this domain (its code, title or id) and its sub-domains',
    '  --grade <level>       html: only the competencies of this grade level (03, 3, K, Grade 3 …)',
    '  --force               export even when validation finds errors',
    '',
    'What the output cannot hold is named in "note" lines on stderr.',
    'Exit codes: 0 written, 1 the framework has validation errors (listed; --force exports anyway) or breaks',
    'the schema, 2 unreadable input or --canvas-previous (or another framework), unknown format, unusable base',
    'URI or Canvas calculation, unusable print option (an unknown domain, nothing to print), failed write.',
  ].join('\n'),
  options: {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    'base-uri': { type: 'string' },
    'include-comments': { type: 'boolean' },
    'canvas-calculation': { type: 'string' },
    'canvas-no-friendly-description': { type: 'boolean' },
    'canvas-previous': { type: 'string' },
    audience: { type: 'string' },
    paper: { type: 'string' },
    summary: { type: 'boolean' },
    domain: { type: 'string' },
    grade: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run({ positionals, values }, io) {
    const name = typeof values.format === 'string' ? values.format : 'case-1.1';
    if (!Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, name)) {
      io.err(`progressions export: unknown format "${name}". Formats: ${Object.keys(EXPORT_FORMATS).join(', ')}.\n`);
      return EXIT_UNREADABLE;
    }
    const format = EXPORT_FORMATS[name];
    if (!format) {
      io.err(`progressions export: the ${name} format is not available yet in this version.\n`);
      return EXIT_UNREADABLE;
    }
    const baseUri = typeof values['base-uri'] === 'string' ? values['base-uri'] : undefined;
    if (baseUri !== undefined) {
      const problem = checkBaseUri(baseUri);
      if (problem) {
        io.err(`progressions export: --base-uri: ${problem}\n`);
        return EXIT_UNREADABLE;
      }
    }
    let canvas: CanvasExportOptions | undefined;
    if (typeof values['canvas-calculation'] === 'string') {
      const parsed = parseCanvasCalculation(values['canvas-calculation']);
      if (!parsed.ok) {
        io.err(`progressions export: --canvas-calculation: ${parsed.problem}.\n`);
        return EXIT_UNREADABLE;
      }
      canvas = parsed.value;
    }
    if (values['canvas-no-friendly-description'] === true) canvas = { ...canvas, friendlyDescription: false };
    const printParsed = parsePrintOptions(values);
    if (!printParsed.ok) {
      io.err(`progressions export: ${printParsed.problem}.\n`);
      return EXIT_UNREADABLE;
    }
    if (positionals.length > 1) {
      io.err(`progressions export: unexpected argument "${positionals[1]}".\nUsage: ${USAGE}\n`);
      return EXIT_UNREADABLE;
    }

    // The output is checked before any work: a folder, a missing folder or a read-only file is refused at once.
    const out = typeof values.out === 'string' ? values.out : undefined;
    let target: OutputTarget | undefined;
    if (out !== undefined) {
      const prepared = prepareOutput(out);
      if (!prepared.ok) {
        io.err(`progressions export: ${prepared.error.message}\n`);
        return EXIT_UNREADABLE;
      }
      target = prepared.value;
    }

    let schemaProblems: string[] | undefined;
    const input = await readInput('export', positionals[0], io, (p) => (schemaProblems = p.map((x) => describeProblem(x))));
    const c = colors(io.isTty);
    if (schemaProblems) {
      // All of them (where in words, and the JSON pointer): a schema problem blocks the export outright.
      for (const line of schemaProblems) io.err(`${c.red('error')} ${line}\n`);
      io.err(`progressions export: ${positionals[0]} does not match the framework format (${schemaProblems.length} error(s)); it cannot be exported, even with --force.\n`);
      return EXIT_PROBLEMS;
    }
    if (!input) return EXIT_UNREADABLE;
    // `-o` naming the input itself: a framework file re-saved as one is fine; anything else would replace the
    // source with a conversion (a spreadsheet, or a package re-written without what the framework does not keep).
    if (out !== undefined && target && !target.inPlace && isSameFile(positionals[0]!, target.path) && !(input.format === 'progressions' && name === 'json')) {
      io.err(`progressions export: -o ${out} is the input file itself: writing ${name} there would replace the ${input.format === 'progressions' ? 'framework file' : `${input.format} package`} it was read from with a conversion. Give another file name.\n`);
      return EXIT_UNREADABLE;
    }
    for (const note of input.notes) io.err(`${c.dim(`note: ${note}`)}\n`);

    const fw = input.framework;
    const blockers = exportBlockers(fw);
    if (blockers.length > 0) {
      for (const line of blockers.slice(0, 100)) io.err(`${c.red('error')} ${line}\n`);
      if (blockers.length > 100) io.err(`… and ${blockers.length - 100} more\n`);
      if (!values.force) {
        io.err(`progressions export: refusing to export “${fw.title}”: ${blockers.length} validation error(s). Fix them, or pass --force to export anyway.\n`);
        return EXIT_PROBLEMS;
      }
      io.err(`progressions export: exporting despite ${blockers.length} validation error(s) (--force).\n`);
    }

    // Options the chosen format has no use for are said, not silently dropped (a script may expect CASE uris in a CSV).
    if (baseUri !== undefined && !name.startsWith('case-')) io.err(`${c.yellow('note')} --base-uri applies to the CASE formats only; ignored for ${name}.\n`);
    if (values['include-comments'] === true && name !== 'case-1.1') {
      io.err(`${c.yellow('note')} --include-comments applies to case-1.1 only; ${name === 'json' ? 'a framework file always keeps the review comments' : `ignored for ${name}`}.\n`);
    }
    if (canvas !== undefined && name !== 'canvas') io.err(`${c.yellow('note')} --canvas-calculation and --canvas-no-friendly-description apply to the canvas format only; ignored for ${name}.\n`);
    const previousPath = typeof values['canvas-previous'] === 'string' ? values['canvas-previous'] : undefined;
    if (previousPath !== undefined && name !== 'canvas') io.err(`${c.yellow('note')} --canvas-previous applies to the canvas format only; ignored for ${name}.\n`);
    if (previousPath !== undefined && name === 'canvas') {
      // The version Canvas has now: what it has and this one has not is deleted there (rows with workflow_state "deleted").
      if (out !== undefined && target && !target.inPlace && isSameFile(previousPath, target.path)) {
        io.err(`progressions export: -o ${out} is the --canvas-previous file itself: the outcomes CSV would replace the version it is compared with. Give another file name.\n`);
        return EXIT_UNREADABLE;
      }
      const prevText = await io.readText(previousPath);
      const csvProblem = prevText.ok ? canvasCsvAsPreviousProblem(prevText.value, previousPath) : null;
      if (csvProblem) {
        io.err(`progressions export: --canvas-previous ${csvProblem}.\n`);
        return EXIT_UNREADABLE;
      }
      const prev = await readInput('export', previousPath, io, undefined, prevText);
      if (!prev) {
        io.err(`progressions export: --canvas-previous ${previousPath} could not be read (above); nothing was written.\n`);
        return EXIT_UNREADABLE;
      }
      const problem = canvasPreviousProblem(fw, prev.framework);
      if (problem) {
        io.err(`progressions export: --canvas-previous ${previousPath}: ${problem}. Give the file of this framework that was last imported into Canvas.\n`);
        return EXIT_UNREADABLE;
      }
      canvas = { ...canvas, previous: prev.framework };
      const removed = canvasRemovalsSummary(canvasRemovals(fw, prev.framework, canvas));
      io.err(
        `${c.yellow('note')} --canvas-previous: ${
          removed
            ? `importing this file deletes from Canvas ${removed}, which ${previousPath} has and this version has not (rows with workflow_state "deleted", at the end).`
            : `nothing to delete from Canvas: every outcome and group of ${previousPath} is still in this version.`
        }\n`,
      );
    }
    const printGiven = ['audience', 'paper', 'summary', 'domain', 'grade'].filter((k) => values[k] !== undefined);
    if (printGiven.length > 0 && name !== 'html') io.err(`${c.yellow('note')} ${printGiven.map((k) => `--${k}`).join(', ')} appl${printGiven.length === 1 ? 'ies' : 'y'} to the html format only; ignored for ${name}.\n`);
    let print: ExportContext['print'];
    if (name === 'html') {
      const only: NonNullable<PrintableOptions['only']> = {};
      if (typeof values.domain === 'string') {
        const found = domainsNamed(fw, values.domain);
        if (found.length !== 1) {
          const known = fw.domains.map((d) => d.code.trim() || d.title).join(', ');
          io.err(`progressions export: --domain ${values.domain}: ${found.length === 0 ? `no domain of “${fw.title}” has this code, title or id` : `${found.length} domains have this code or title; give the id of one (${found.map((d) => d.id).join(', ')})`}. Domains: ${known || 'none'}.\n`);
          return EXIT_UNREADABLE;
        }
        only.domainId = found[0]!.id;
      }
      if (typeof values.grade === 'string') only.level = normalizeEducationLevel(values.grade);
      if (competenciesToPrint(fw, only).length === 0 && Object.keys(fw.competencies).length > 0) {
        io.err(`progressions export: nothing to print: no competency of “${fw.title}” is in ${printScopeLabel(fw, only)}.\n`);
        return EXIT_UNREADABLE;
      }
      print = { ...printParsed.value, only };
    }
    const ctx: ExportContext = { baseUri, includeComments: values['include-comments'] === true, canvas, print, notes: [] };
    if (out === undefined || target === undefined) {
      writeToStdout(format, fw, ctx, io);
    } else {
      try {
        writeFileAtomicStreaming(target.path, (write) => format.write(fw, ctx, write), { mode: target.mode, inPlace: target.inPlace });
      } catch (e) {
        io.err(`progressions export: could not write ${out}: ${describeWriteError(e, out)}\n`);
        return EXIT_UNREADABLE;
      }
    }
    for (const note of ctx.notes) io.err(`${c.yellow('note')} ${note}\n`);
    if (out !== undefined) io.err(`${c.green('✓')} wrote ${out} (${name})\n`);
    return EXIT_OK;
  },
};

/** Writes through `io.out` in pieces of about 64 KiB (never the whole output as one string). */
function writeToStdout(format: ExportFormat, fw: Framework, ctx: ExportContext, io: CliIo): void {
  let buf: string[] = [];
  let size = 0;
  format.write(fw, ctx, (chunk) => {
    buf.push(chunk);
    size += chunk.length;
    if (size >= 65536) {
      io.out(buf.join(''));
      buf = [];
      size = 0;
    }
  });
  if (size > 0) io.out(buf.join(''));
}
