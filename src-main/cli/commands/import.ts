import { serializeFramework } from '../../../src-core/format/frameworkFile';
import { colors, EXIT_OK, EXIT_UNREADABLE } from '../io';
import type { CliCommand } from '../main';
import { readInput } from '../readInput';

const USAGE = 'progressions import <file> [-o <out>] [--quiet]';

/**
 * `progressions import`: converts a CASE 1.0 / 1.1 package (lenient import; CSV is added by
 * engineer C through readFrameworkAny) into a Progressions framework file. The import report (what
 * was read, accepted, ignored and why) goes to stderr; the framework file to stdout or `-o`.
 * Exit 0 converted; 2 unreadable or unsupported input, or a failed write.
 */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Convert a CASE package into a Progressions framework file, with an import report.',
  usage: USAGE,
  options: { out: { type: 'string', short: 'o' }, quiet: { type: 'boolean', short: 'q' } },
  async run({ positionals, values }, io) {
    if (positionals.length > 1) {
      io.err(`progressions import: unexpected argument "${positionals[1]}".\nUsage: ${USAGE}\n`);
      return EXIT_UNREADABLE;
    }
    const input = await readInput('import', positionals[0], io);
    if (!input) return EXIT_UNREADABLE;
    const c = colors(io.isTty);
    if (!values.quiet) {
      io.err(`${positionals[0]}: ${input.format}, “${input.framework.title}”\n`);
      for (const note of input.notes) io.err(`  ${c.dim(note)}\n`);
    }
    const text = serializeFramework(input.framework);
    const out = typeof values.out === 'string' ? values.out : undefined;
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
