import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT_UNREADABLE, nodeIo, type CliIo } from './io';
import { diffCommand } from './commands/diff';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { planCommand } from './commands/plan';
import { statsCommand } from './commands/stats';
import { validateCommand } from './commands/validate';

/** One CLI command: its help text, its options (node:util parseArgs) and what it does. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** What each option does, the exit codes (README, "CLI"): printed by `<command> --help` and `help <command>`. */
  details?: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: { positionals: string[]; values: Record<string, unknown> }, io: CliIo): Promise<number>;
}

export const COMMANDS: CliCommand[] = [validateCommand, statsCommand, planCommand, exportCommand, importCommand, diffCommand];

function helpText(): string {
  const lines = [
    'progressions — validate, convert and publish mastery-based learning progressions',
    '',
    'Usage: progressions <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    '',
    'Run `progressions <command> --help` for the options of one command.',
    'A file given as `-` is read from standard input (once per run); `-o -` writes to standard output.',
    'Exit codes: 0 ok, 1 problems found, 2 input unreadable or unsupported.',
  ];
  return lines.join('\n') + '\n';
}

/** The version of the installed package (package.json), so `--version` never lags behind a release. */
export function cliVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** One command's help: usage, summary, and what its options do. */
function commandHelp(cmd: CliCommand): string {
  return `Usage: ${cmd.usage}\n\n${cmd.summary}\n${cmd.details ? `\n${cmd.details.replace(/\s+$/, '')}\n` : ''}`;
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' && rest[0] !== undefined) {
    const cmd = COMMANDS.find((c) => c.name === rest[0]);
    if (cmd) {
      io.out(commandHelp(cmd));
      return 0;
    }
    // `progressions help expot`: a typo, as `progressions expot` is (exit 2), not a successful help.
    io.err(`progressions: unknown command "${rest[0]}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.\n`);
    return EXIT_UNREADABLE;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name ? 0 : EXIT_UNREADABLE;
  }
  if (name === '--version' || name === '-v') {
    io.out(`progressions ${cliVersion()}\n`);
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.err(`progressions: unknown command "${name}". Run \`progressions --help\`.\n`);
    return EXIT_UNREADABLE;
  }
  let parsed: { positionals: string[]; values: Record<string, unknown> };
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...cmd.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }) as { positionals: string[]; values: Record<string, unknown> };
  } catch (e) {
    io.err(`progressions ${cmd.name}: ${(e as Error).message}\nUsage: ${cmd.usage}\n`);
    return EXIT_UNREADABLE;
  }
  // `-o -`: standard output, as `-` is standard input (never a file named "-").
  if (parsed.values.out === '-') delete parsed.values.out;
  if (parsed.values.help) {
    io.out(commandHelp(cmd));
    return 0;
  }
  try {
    return await cmd.run(parsed, io);
  } catch (e) {
    // A bug, not an input problem: still one clear line, no stack unless asked for.
    io.err(`progressions ${cmd.name}: internal error: ${(e as Error).message}\n`);
    if (process.env.PROGRESSIONS_DEBUG) io.err(`${(e as Error).stack}\n`);
    return EXIT_UNREADABLE;
  }
}
