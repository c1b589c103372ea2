import type { Framework } from '../../../src-core/model/types';
import { importProgressCsv } from '../../../src-core/progress/csv';
import type { LearnerStatus } from '../../../src-core/progress/mastery';
import { planLearners, type PlanReport } from '../../../src-core/progress/plan';
import { loadProgressText } from '../../../src-core/progress/progressFile';
import { describeProblem } from '../../../src-core/format/schemaErrors';
import type { Progress } from '../../../src-core/progress/types';
import { colors, EXIT_OK, EXIT_UNREADABLE, type CliIo } from '../io';
import type { CliCommand } from '../main';
import { duplicateKeyLines, readInput } from '../readInput';

/**
 * `progressions plan <framework> --progress <progress.csv> [--learner <id>] [--json]`: where each
 * learner stands and what comes next. A stable contract for student-information systems (README,
 * "CLI"): with `--json` one object `{ "learners": [ { "id", "mastered", "ready", "blocked":
 * [ { "id", "missing" } ], "sequence" } ] }` with competency ids (CASE identifiers for CASE
 * packages). Exit 0 on success; 2 for an unreadable framework, a malformed progress CSV or an
 * unknown competency or phase (row-numbered messages on stderr). A `--learner` without records gets a
 * plan from the start, with a warning on stderr.
 */
export const planCommand: CliCommand = {
  name: 'plan',
  summary: 'Show each learner’s mastered, ready-next and blocked competencies and a suggested sequence.',
  usage: 'progressions plan <framework> --progress <progress.csv> [--learner <id>] [--json]',
  details: [
    'The CSV has a header row and the columns learner,competency,phase,date,evidence (any order; competency =',
    'a code or id, phase = a mastery phase label, date = YYYY-MM-DD; an optional name column). A progress file',
    '("format": "progressions.progress") is accepted in place of the CSV.',
    '',
    'Options:',
    '  --progress <file>  the progress CSV or progress file (required)',
    '  --learner <id>     plan one learner (one with no records yet gets a plan from the start, with a warning)',
    '  --json             one JSON object on stdout: { learners: [ { id, mastered, ready, blocked, sequence } ] }',
    '',
    'Exit codes: 0 done (a prerequisite cycle only adds a warning), 2 an unreadable framework, a malformed CSV or',
    'an unknown competency or phase (named by row and column).',
  ].join('\n'),
  options: { progress: { type: 'string' }, learner: { type: 'string' }, json: { type: 'boolean' } },
  async run({ positionals, values }, io) {
    const progressPath = typeof values.progress === 'string' ? values.progress : undefined;
    if (!positionals[0] || !progressPath) {
      io.err(`progressions plan: missing ${!positionals[0] ? '<framework>' : '--progress <progress.csv>'}.\nUsage: ${planCommand.usage}\n`);
      return EXIT_UNREADABLE;
    }
    if (positionals.length > 1) {
      io.err(`progressions plan: unexpected argument "${positionals[1]}".\nUsage: ${planCommand.usage}\n`);
      return EXIT_UNREADABLE;
    }
    // `--learner "$ID"` with the variable unset: a plan for a learner named "" would look like success.
    if (typeof values.learner === 'string' && values.learner.trim() === '') {
      io.err(`progressions plan: --learner is empty: give a learner's id (or leave --learner out to plan every learner).\nUsage: ${planCommand.usage}\n`);
      return EXIT_UNREADABLE;
    }
    const input = await readInput('plan', positionals[0], io);
    if (!input) return EXIT_UNREADABLE;
    const fw = input.framework;

    const progress = await readProgress(progressPath, fw, io);
    if (!progress) return EXIT_UNREADABLE;

    let learnerIds = progress.learners.map((l) => l.id);
    const wanted = typeof values.learner === 'string' ? values.learner.trim() : undefined;
    if (wanted !== undefined) {
      if (!learnerIds.includes(wanted)) {
        const known = learnerIds.slice(0, 10).join(', ') + (learnerIds.length > 10 ? ', …' : '');
        // A learner with no records yet (a new student) still gets a plan: nothing mastered, the
        // competencies without prerequisites ready. The warning catches a mistyped id.
        io.err(`progressions plan: warning: ${progressPath} has no records for learner "${wanted}"${learnerIds.length ? ` (learners: ${known})` : ' (the file has no learners)'}; planning from the start.\n`);
      }
      learnerIds = [wanted];
    }

    const { report, unreachable, statuses } = planLearners(fw, progress, learnerIds);
    const held = [...new Set(Object.values(unreachable).flat())];
    if (held.length) {
      io.err(
        `progressions plan: warning: a prerequisite cycle keeps ${held.length} competenc${held.length === 1 ? 'y' : 'ies'} out of every sequence (${held
          .slice(0, 10)
          .map((id) => label(fw, id))
          .join(', ')}${held.length > 10 ? ', …' : ''}); run \`progressions validate\` to see the cycle.\n`,
      );
    }
    if (values.json) io.out(JSON.stringify(report) + '\n');
    else io.out(textReport(fw, progress, report, statuses, io.isTty));
    return EXIT_OK;
  },
};

/** Reads a progress CSV (or a progress JSON file) for `fw`; prints the problems and returns undefined on failure. */
async function readProgress(path: string, fw: Framework, io: CliIo): Promise<Progress | undefined> {
  const text = await io.readText(path);
  if (!text.ok) {
    io.err(`progressions plan: ${text.error.message}\n`);
    return undefined;
  }
  const isJson = text.value.replace(/^\ufeff/, '').trimStart().startsWith('{');
  const read = isJson ? loadProgressText(text.value) : importProgressCsv(text.value, fw);
  // A learner's record written twice under one key (a bad merge) would lose the first copy: refused, as a framework is.
  const dups = isJson && read.ok ? duplicateKeyLines(path, text.value) : undefined;
  if (dups) {
    io.err(`progressions plan: ${dups[0]}\n`);
    for (const line of dups.slice(1)) io.err(`${line}\n`);
    return undefined;
  }
  if (!read.ok) {
    const e = read.error;
    io.err(`progressions plan: ${path}: ${e.message}\n`);
    // A CSV problem's message names its row and column; a progress file's is placed in words (where, field, pointer).
    for (const d of (e.details ?? []).slice(1, 50)) io.err(`  ${isJson ? describeProblem(d) : d.message}\n`);
    return undefined;
  }
  if ('progress' in read.value) {
    for (const note of read.value.notes) io.err(`progressions plan: ${path}: note: ${note}\n`);
    return read.value.progress;
  }
  const progress = read.value;
  if (progress.frameworkId !== fw.id) {
    io.err(`progressions plan: ${path}: warning: this progress was recorded for another framework (${progress.frameworkTitle || progress.frameworkId}).\n`);
  }
  // A progress file names competencies and phases by id: check them like the CSV reader does.
  const phases = new Set(fw.phases.map((p) => p.id as string));
  const bad = progress.records.findIndex((r) => !fw.competencies[r.competencyId] || !phases.has(r.phaseId));
  if (bad >= 0) {
    const r = progress.records[bad]!;
    const what = !fw.competencies[r.competencyId] ? `unknown competency "${r.competencyId}"` : `unknown phase "${r.phaseId}"`;
    io.err(`progressions plan: ${path}: /records/${bad}: ${what} (not in ${fw.title || 'the framework'}).\n`);
    return undefined;
  }
  return progress;
}

/** A competency as people read it: its code, else its id. */
function label(fw: Framework, id: string): string {
  return fw.competencies[id]?.code.trim() || id;
}

function textReport(fw: Framework, progress: Progress, report: PlanReport, statuses: LearnerStatus[], tty: boolean): string {
  const c = colors(tty);
  const names = new Map(progress.learners.map((l) => [l.id, l.name]));
  const line = (id: string) => {
    const comp = fw.competencies[id];
    const text = (comp?.statement || comp?.iCan || '').replace(/\s+/g, ' ').trim();
    return `${label(fw, id)}${text ? `  ${c.dim(text.length > 70 ? `${text.slice(0, 69)}…` : text)}` : ''}`;
  };
  const out: string[] = [`${fw.title || 'Framework'}: ${report.learners.length} learner${report.learners.length === 1 ? '' : 's'}`];
  report.learners.forEach((l, k) => {
    const current = statuses[k]!.current;
    // A started competency shows the phase reached so far, e.g. "(Developing, 2026-01-27)".
    const started = (id: string) => {
      const rec = current[id];
      const label = rec ? fw.phases.find((p) => p.id === rec.phaseId)?.label : undefined;
      return label ? c.yellow(` (${label}, ${rec!.date})`) : '';
    };
    const name = names.get(l.id);
    out.push('', c.bold(`${l.id}${name && name !== l.id ? ` (${name})` : ''}`) + c.dim(` — ${l.mastered.length} mastered, ${l.ready.length} ready next, ${l.blocked.length} blocked`));
    out.push(`  ${c.green('Mastered')}: ${l.mastered.length ? l.mastered.map((id) => label(fw, id)).join(', ') : 'none yet'}`);
    out.push(`  ${c.cyan('Ready next')}:`);
    for (const id of l.ready) out.push(`    ${line(id)}${started(id)}`);
    if (!l.ready.length) out.push('    nothing (all mastered or blocked)');
    if (l.blocked.length) {
      out.push(`  ${c.yellow('Blocked')}:`);
      for (const b of l.blocked) out.push(`    ${label(fw, b.id)} — needs ${b.missing.map((id) => label(fw, id)).join(', ')}${started(b.id)}`);
    }
    if (l.sequence.length) out.push(`  Suggested sequence: ${l.sequence.map((id, i) => `${i + 1}. ${label(fw, id)}`).join('  ')}`);
  });
  return out.join('\n') + '\n';
}
