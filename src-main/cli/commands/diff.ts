import { changeLogMarkdown, diffFrameworks, standardsChanges, type DiffSection, type FrameworkDiff } from '../../../src-core/progress/diff';
import type { Framework } from '../../../src-core/model/types';
import { colors, EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, isSameFile, prepareOutput } from '../io';
import type { CliCommand } from '../main';
import { readInput } from '../readInput';

const USAGE = 'progressions diff <old> <new> [--json] [-o <out>] [--layout] [--exit-code] [--check-version]';

/** A competency's code, or '' when it has none (or is not there). */
function codeOf(fw: Framework, id: string): string {
  return fw.competencies[id]?.code.trim() ?? '';
}

/** One section of the diff with each item named (codes, labels) next to its id, for scripts and people. */
function named<Id extends string, T extends object>(s: DiffSection<Id>, a: Framework, b: Framework, name: (fw: Framework, id: Id) => T) {
  return {
    added: s.added.map((id) => ({ id, ...name(b, id) })),
    removed: s.removed.map((id) => ({ id, ...name(a, id) })),
    changed: s.changed.map((c) => ({ id: c.id, ...name(b, c.id), fields: c.fields })),
  };
}

/** The `--json` report (README, "progressions diff"). */
export function diffReport(a: Framework, b: Framework, d: FrameworkDiff, formats: { old: string; new: string }) {
  const about = (fw: Framework, format: string) => ({ title: fw.title, version: fw.version, status: fw.status, format });
  const count = (s: DiffSection<string>) => ({ added: s.added.length, removed: s.removed.length, changed: s.changed.length });
  return {
    identical: d.identical,
    versionUnchanged: !d.identical && a.version.trim() === b.version.trim(),
    old: about(a, formats.old),
    new: about(b, formats.new),
    counts: {
      domains: count(d.domains),
      competencies: count(d.competencies),
      links: count(d.links),
      phases: count(d.phases),
      standardsSets: count(d.standardsSets),
      alignments: count(d.alignments),
    },
    framework: d.framework,
    domains: named(d.domains, a, b, (fw, id) => {
      const x = fw.domains.find((v) => v.id === id);
      return { code: x?.code.trim() ?? '', title: x?.title ?? '' };
    }),
    competencies: named(d.competencies, a, b, (fw, id) => ({ code: codeOf(fw, id) })),
    links: named(d.links, a, b, (fw, id) => {
      const l = fw.prerequisites.get(id);
      return { from: l?.from ?? '', to: l?.to ?? '', fromCode: l ? codeOf(fw, l.from) : '', toCode: l ? codeOf(fw, l.to) : '' };
    }),
    phases: named(d.phases, a, b, (fw, id) => ({ label: fw.phases.find((p) => p.id === id)?.label ?? '' })),
    standardsSets: named(d.standardsSets, a, b, (fw, id) => {
      const set = fw.standardsSets[id];
      const before = fw === b ? a.standardsSets[id] : undefined;
      return { title: set?.title ?? '', standards: set ? Object.keys(set.items).length : 0, ...(set && before ? { standardsChanged: standardsChanges(before, set) } : {}) };
    }),
    alignments: named(d.alignments, a, b, (fw, id) => {
      const x = fw.alignments.get(id);
      const st = x ? fw.standardsSets[x.setId]?.items[x.standardId] : undefined;
      return { competencyId: x?.competencyId ?? '', code: x ? codeOf(fw, x.competencyId) : '', setId: x?.setId ?? '', standardId: x?.standardId ?? '', standardCode: st?.code ?? '', kind: x?.kind ?? '' };
    }),
  };
}

/**
 * `progressions diff`: what changed from one version of a framework to the next, as the app's change
 * log (Markdown) or a JSON report. Exit 0 (with `--exit-code`: 1 when they differ; with
 * `--check-version`: 1 when the content changed but the version did not), 2 unreadable input or output.
 */
export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'Compare two versions of a framework: a change log of what was added, removed and changed.',
  usage: USAGE,
  details: [
    'Reads any format validate reads (a framework file, a CASE package) for each side. Domains, competencies,',
    'phases, standards sets and links are matched by id (a link whose id changed but which joins the same',
    'competencies is the same link), alignments by id, else by competency and standard. Framework details (title,',
    'version, status …) are compared too; layout (card positions) only with --layout.',
    '',
    'Options:',
    '  --json             one JSON object on stdout (or -o): identical, versionUnchanged, old / new (title, version,',
    '                     status, format), counts, and each added / removed / changed item with its id and code',
    '  -o, --out <file>   write the change log (or the JSON) to a file, atomically; without it: stdout',
    '  --layout           count moved or (un)pinned competencies as changed',
    '  --exit-code        exit 1 when the two differ (as `git diff --exit-code`)',
    '  --check-version    exit 1 when the content changed but the version did not (a gate before publishing)',
    '',
    'Exit codes: 0 compared (identical or not, unless --exit-code / --check-version say otherwise), 1 see those',
    'options, 2 a file cannot be read, is not a supported format or breaks the schema, or the output cannot be written.',
  ].join('\n'),
  options: {
    json: { type: 'boolean' },
    out: { type: 'string', short: 'o' },
    layout: { type: 'boolean' },
    'exit-code': { type: 'boolean' },
    'check-version': { type: 'boolean' },
  },
  async run({ positionals, values }, io) {
    if (positionals.length < 2) {
      io.err(`progressions diff: give two files, the older version first.\nUsage: ${USAGE}\n`);
      return EXIT_UNREADABLE;
    }
    if (positionals.length > 2) {
      io.err(`progressions diff: unexpected argument "${positionals[2]}".\nUsage: ${USAGE}\n`);
      return EXIT_UNREADABLE;
    }
    const out = typeof values.out === 'string' ? values.out : undefined;
    if (out !== undefined) {
      const prepared = prepareOutput(out);
      if (!prepared.ok) {
        io.err(`progressions diff: ${prepared.error.message}\n`);
        return EXIT_UNREADABLE;
      }
      // `diff old.json new.json -o new.json` (a slip for new.md) would replace a version with its change log.
      const input = positionals.find((p) => !prepared.value.inPlace && isSameFile(p, prepared.value.path));
      if (input !== undefined) {
        io.err(`progressions diff: -o ${out} is the input file ${input} itself: the change log would replace it. Give another file name (e.g. changes.md).\n`);
        return EXIT_UNREADABLE;
      }
    }
    const older = await readInput('diff', positionals[0], io);
    if (!older) return EXIT_UNREADABLE;
    const newer = await readInput('diff', positionals[1], io);
    if (!newer) return EXIT_UNREADABLE;
    const a = older.framework;
    const b = newer.framework;
    const d = diffFrameworks(a, b, { includeLayout: values.layout === true });
    const report = diffReport(a, b, d, { old: older.format, new: newer.format });
    const text = values.json ? JSON.stringify(report) + '\n' : changeLogMarkdown(a, b, d) + '\n';
    if (out === undefined) io.out(text);
    else {
      const written = await io.writeText(out, text);
      if (!written.ok) {
        io.err(`progressions diff: ${written.error.message}\n`);
        return EXIT_UNREADABLE;
      }
    }
    const c = colors(io.isTty);
    if (report.versionUnchanged) {
      io.err(`${c.yellow('note')} the content changed but both versions are ${a.version.trim() ? `“${a.version.trim()}”` : 'unversioned'}: raise the version of the new one before publishing it.\n`);
    }
    if (out !== undefined) io.err(`${c.green('✓')} wrote ${out} (${d.identical ? 'no changes' : 'changes'})\n`);
    if (values['check-version'] === true && report.versionUnchanged) return EXIT_PROBLEMS;
    if (values['exit-code'] === true && !d.identical) return EXIT_PROBLEMS;
    return EXIT_OK;
  },
};
