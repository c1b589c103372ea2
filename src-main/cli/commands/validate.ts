import { schemaCheckFramework } from '../../../src-core/format/frameworkFile';
import { frameworkStats } from '../../../src-core/analytics/stats';
import type { Problem } from '../../../src-core/result';
import { colors, EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, type CliIo } from '../io';
import type { CliCommand } from '../main';
import { readInput } from '../readInput';

/** The `--json` report: a contract (README, "CLI"). */
export interface ValidateReport {
  ok: boolean;
  format: 'progressions' | 'case-1.0' | 'case-1.1';
  counts: { competencies: number; prerequisites: number; standards: number; alignments: number };
  cycles: string[][];
  coverage: { standards: number; covered: number; uncovered: string[]; ratio: number } | null;
  diagnostics: { severity: 'error' | 'warning' | 'info'; code: string; message: string; ids: string[] }[];
}

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'Check a framework file or CASE package; exit 0 valid, 1 errors found, 2 unreadable.',
  usage: 'progressions validate <file> [--standards <file>]... [--json]',
  options: { json: { type: 'boolean' }, standards: { type: 'string', multiple: true } },
  async run({ positionals, values }, io) {
    let schemaProblems: Problem[] | undefined;
    const input = await readInput('validate', positionals[0], io, (p) => (schemaProblems = p));
    if (schemaProblems) return printReport(schemaOnlyReport(schemaProblems), 'The file', values.json === true, io);
    if (!input) return EXIT_UNREADABLE;
    const fw = input.framework;
    const stats = frameworkStats(fw);
    const diagnostics: ValidateReport['diagnostics'] = schemaCheckFramework(fw).map((p) => ({
      severity: 'error',
      code: 'schema',
      message: `${p.path}: ${p.message}`,
      ids: [],
    }));
    const report: ValidateReport = {
      ok: !diagnostics.some((d) => d.severity === 'error'),
      format: input.format,
      counts: {
        competencies: stats.competencies,
        prerequisites: stats.prerequisites,
        standards: stats.standards,
        alignments: stats.alignments,
      },
      cycles: [],
      coverage: null,
      diagnostics,
    };
    return printReport(report, fw.title, values.json === true, io);
  },
};

/** The report for a file in our format that does not match the schema (nothing else can be checked). */
function schemaOnlyReport(problems: Problem[]): ValidateReport {
  return {
    ok: false,
    format: 'progressions',
    counts: { competencies: 0, prerequisites: 0, standards: 0, alignments: 0 },
    cycles: [],
    coverage: null,
    diagnostics: problems.map((p) => ({ severity: 'error', code: 'schema', message: `${p.path}: ${p.message}`, ids: [] })),
  };
}

function printReport(report: ValidateReport, title: string, json: boolean, io: CliIo): number {
  if (json) io.out(JSON.stringify(report) + '\n');
  else {
    const c = colors(io.isTty);
    for (const d of report.diagnostics) {
      io.out(`${d.severity === 'error' ? c.red('error') : c.yellow(d.severity)} ${d.code}: ${d.message}\n`);
    }
    const n = report.diagnostics.filter((d) => d.severity === 'error').length;
    io.out(report.ok ? c.green(`✓ ${title}: valid\n`) : c.red(`✗ ${title}: ${n} error(s)\n`));
  }
  return report.ok ? EXIT_OK : EXIT_PROBLEMS;
}
