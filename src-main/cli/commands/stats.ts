import { frameworkStats } from '../../../src-core/analytics/stats';
import { EXIT_OK, EXIT_UNREADABLE } from '../io';
import type { CliCommand } from '../main';
import { readInput } from '../readInput';

export const statsCommand: CliCommand = {
  name: 'stats',
  summary: 'Print the size of a framework: competencies, links, phases, indicators, standards, alignments.',
  usage: 'progressions stats <file> [--json]',
  details: [
    'Counts: competencies, prerequisites, domains, phases, indicators, standards sets, standards, alignments,',
    'comments, competencies whose threshold phase is described, estimated hours.',
    '',
    'Options:',
    '  --json  one JSON object on stdout',
    '',
    'Exit codes: 0 done, 2 the file cannot be read, is not a supported format or breaks the schema.',
  ].join('\n'),
  options: { json: { type: 'boolean' } },
  async run({ positionals, values }, io) {
    const input = await readInput('stats', positionals[0], io);
    if (!input) return EXIT_UNREADABLE;
    const stats = frameworkStats(input.framework);
    if (values.json) {
      io.out(JSON.stringify({ format: input.format, title: input.framework.title, ...stats }) + '\n');
    } else {
      io.out(`${input.framework.title} (${input.format})\n`);
      for (const [k, v] of Object.entries(stats)) io.out(`  ${k.padEnd(20)} ${v}\n`);
    }
    return EXIT_OK;
  },
};
