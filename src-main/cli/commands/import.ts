import { importCsvAsFramework, looksLikeCsv } from '../../../src-core/csv/importCsv';
import { serializeFramework } from '../../../src-core/format/frameworkFile';
import type { Framework } from '../../../src-core/model/types';
import { colors, EXIT_OK, EXIT_UNREADABLE, inputSource, isSameFile, prepareOutput, type CliIo } from '../io';
import type { CliCommand } from '../main';
import { readInput } from '../readInput';

const USAGE = 'progressions import <file> [-o <out>] [--quiet]';

/**
 * `progressions import`: converts a CASE 1.0 / 1.1 package (lenient import) or a CSV file (a
 * competency spreadsheet or a standards list, see docs/lms-exports.md) into a Progressions
 * framework file. The import report (what was read, accepted, ignored and why) goes to stderr;
 * the framework file to stdout or `-o`.
 * Exit 0 converted; 2 unreadable or unsupported input, or a failed write.
 */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Convert a CASE package or a CSV file into a Progressions framework file, with an import report.',
  usage: USAGE,
  details: [
    'Converts a CASE 1.0 / 1.1 package (lenient: real exporters\' deviations are accepted) or a CSV (our',
    'competency spreadsheet, or a standards list such as OpenSALT\'s layout) into our framework format.',
    '',
    'Options:',
    '  -o, --out <file>  write the framework file atomically; without it: stdout',
    '  -q, --quiet       no import report (what was read, accepted, converted or ignored) on stderr',
    '',
    'Exit codes: 0 converted, 2 input that cannot be understood (with the JSON pointer or row) or a failed write.',
  ].join('\n'),
  options: { out: { type: 'string', short: 'o' }, quiet: { type: 'boolean', short: 'q' } },
  async run({ positionals, values }, io) {
    if (positionals.length > 1) {
      io.err(`progressions import: unexpected argument "${positionals[1]}".\nUsage: ${USAGE}\n`);
      return EXIT_UNREADABLE;
    }
    const out = typeof values.out === 'string' ? values.out : undefined;
    if (out !== undefined) {
      // Checked before any work (a folder, a missing folder, a read-only file); written by io.writeText.
      const prepared = prepareOutput(out);
      if (!prepared.ok) {
        io.err(`progressions import: ${prepared.error.message}\n`);
        return EXIT_UNREADABLE;
      }
    }
    // CSV (engineer C): a competency spreadsheet or a standards list, detected from the content.
    const raw = positionals[0] ? await io.readText(positionals[0]) : undefined;
    // Read once: a pipe (`import <(curl …)`, /dev/stdin) is empty the second time.
    const input = raw?.ok && looksLikeCsv(raw.value) ? readCsvInput(positionals[0]!, raw.value, io) : await readInput('import', positionals[0], io, undefined, raw);
    if (!input) return EXIT_UNREADABLE;
    if (out !== undefined && input.format !== 'progressions' && isSameFile(positionals[0]!, out)) {
      io.err(`progressions import: -o ${out} is the input file itself: the framework file would replace the ${input.format.startsWith('CSV') ? 'spreadsheet' : `${input.format} package`} it was read from. Give another file name.\n`);
      return EXIT_UNREADABLE;
    }
    const c = colors(io.isTty);
    if (!values.quiet) {
      io.err(`${positionals[0]}: ${input.format}, “${input.framework.title}”\n`);
      for (const note of input.notes) io.err(`  ${c.dim(note)}\n`);
    }
    const text = serializeFramework(input.framework);
    if (out === undefined) {
      io.out(text);
      return EXIT_OK;
    }
    const written = await io.writeText(out, text);
    if (!written.ok) {
      io.err(`progressions import: ${written.error.message}\n`);
      return EXIT_UNREADABLE;
    }
    if (!values.quiet) io.err(`${c.green('✓')} wrote ${out}\n`);
    return EXIT_OK;
  },
};

/**
 * Reads a CSV input (engineer C, src-core/csv): prints one line and returns undefined when it
 * cannot be read; otherwise the framework, with the row problems as report lines.
 */
function readCsvInput(path: string, text: string, io: CliIo): { format: string; framework: Framework; notes: string[] } | undefined {
  const r = importCsvAsFramework(text, { source: inputSource(path) });
  if (!r.ok) {
    io.err(`progressions import: ${path}: ${r.error.message}\n`);
    return undefined;
  }
  const { kind, framework, notes, rowErrors } = r.value;
  const rows = rowErrors.map((e) => `row ${e.row}: ${e.severity}: ${e.message}`);
  // The kind is told by the header: say how to get the other one (a hand-made competency list with just
  // Code, Statement, Domain reads as a standards set, with no competency).
  const hint =
    kind === 'standards'
      ? ['read as a standards set (a list to align to), as no header only a competency spreadsheet has was found ("Prerequisites", "I can", "Domain code", "Estimated hours", "Phase: …"); to read the rows as competencies, add a "Prerequisites" column (it may stay empty)']
      : [];
  return { format: kind === 'competencies' ? 'CSV (competency spreadsheet)' : 'CSV (standards set)', framework, notes: [...hint, ...notes, ...rows] };
}
