import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateFile } from '../../src-core/format/migrate';
import { parseJson } from '../../src-core/format/json';
import { fail, ok } from '../../src-core/result';
import type { CliIo } from '../../src-main/cli/io';
import { cliVersion, runCli } from '../../src-main/cli/main';
import { runCliCaptured } from './helpers/cli';

/** A district's CI script against the `progressions` CLI: exit codes and messages it relies on. */
const root = join(import.meta.dirname, '../..');
const example = join(root, 'resources/examples/grade3-5-fractions.json');
const progress = join(root, 'tests/fixtures/progress/grade3-5-fractions.csv');
const standardsCsv = join(root, 'tests/fixtures/standards/state-math-sample.csv');
const cli = (args: string[], files?: Record<string, string>) => runCliCaptured(args, { disk: true, files });
const tmp = mkdtempSync(join(tmpdir(), 'qa-d-'));

describe('progressions help <command>', () => {
  it('an unknown command is exit 2 with its name on stderr, as `progressions <typo>` is (it was the general help, exit 0)', async () => {
    const r = await cli(['help', 'expot']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/unknown command "expot"\. Commands: validate, stats, plan, export, import, diff\./);
    expect((await cli(['help', 'export'])).code).toBe(0);
  });
});

describe('-o naming a folder by a trailing "/"', () => {
  it('is refused before any work, saying it names a folder (it said "a part of the path is a file", after exporting)', async () => {
    for (const args of [
      ['export', example, '-o', join(tmp, 'out') + '/'],
      ['import', example, '-o', join(tmp, 'out') + '/'],
      ['diff', example, example, '-o', join(tmp, 'out') + '/'],
    ]) {
      const r = await cli(args);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr, args[0]).toContain(`progressions ${args[0]}: could not write ${join(tmp, 'out')}/: it ends in "/", so it names a folder (and the folder ${join(tmp, 'out')} does not exist); give a file name, e.g. ${join(tmp, 'out')}.json.`);
      expect(r.stderr, args[0]).not.toMatch(/ENOTDIR|✓ wrote/);
    }
    expect(existsSync(join(tmp, 'out'))).toBe(false);
    // An existing folder named with its slash: the folder message, as without the slash.
    const r = await cli(['export', example, '-o', `${tmp}/`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`it is a folder; give a file name, e.g. ${join(tmp, 'framework.json')}.`);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('plan --learner ""', () => {
  it('an empty id (an unset shell variable) is exit 2, not a plan for a learner named "" with exit 0', async () => {
    for (const id of ['', '  ']) {
      const r = await cli(['plan', example, '--progress', progress, '--learner', id, '--json']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/--learner is empty: give a learner's id/);
    }
    const ok = await cli(['plan', example, '--progress', progress, '--learner', 'maya', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).learners.map((l: { id: string }) => l.id)).toEqual(['maya']);
  });
});

describe('validate --standards given twice', () => {
  it('the same standards set is counted once (coverage was halved by the copy), with a note on stderr', async () => {
    const once = await cli(['validate', example, '--standards', standardsCsv, '--json']);
    const twice = await cli(['validate', example, '--standards', standardsCsv, '--standards', standardsCsv, '--json']);
    expect(once.code).toBe(0);
    expect(twice.code).toBe(0);
    const a = JSON.parse(once.stdout);
    const b = JSON.parse(twice.stdout);
    expect(b.counts).toEqual(a.counts);
    expect(b.coverage).toEqual(a.coverage);
    expect(twice.stderr).toMatch(/note: the standards set “state-math-sample” was already given \(.*state-math-sample\.csv\); it is counted once\./);
    // The framework itself as --standards, twice: its own sets, once.
    const own = JSON.parse((await cli(['validate', example, '--json'])).stdout);
    const self = JSON.parse((await cli(['validate', example, '--standards', example, '--standards', example, '--json'])).stdout);
    expect(self.counts).toEqual(own.counts);
    expect(self.coverage).toEqual(own.coverage);
  });
});

describe('formatVersion that is not a whole number', () => {
  const versionMessage = (text: string) => {
    const parsed = parseJson(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const r = migrateFile(parsed.value as Record<string, unknown>);
    return r.ok ? '' : r.error.message;
  };
  it('1e400 (read as Infinity) and a missing field are said as such (they read "found null" / "found undefined")', async () => {
    expect(versionMessage('{"format":"progressions.framework","formatVersion":1e400,"framework":{}}')).toBe(
      'formatVersion must be a positive whole number, found a number too large to be a version.',
    );
    expect(versionMessage('{"format":"progressions.framework","framework":{}}')).toBe(
      'formatVersion must be a positive whole number, found nothing (the field is missing).',
    );
    expect(versionMessage('{"format":"progressions.framework","formatVersion":"1","framework":{}}')).toBe(
      'formatVersion must be a positive whole number, found "1".',
    );
    const r = await cli(['validate', 'v.json'], { 'v.json': '{"format":"progressions.framework","formatVersion":1e400,"framework":{}}' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('progressions validate: v.json: formatVersion must be a positive whole number, found a number too large to be a version.\n');
  });
});

describe('import of a competency spreadsheet from which nothing can be read', () => {
  it('is exit 2 with the first row problem (it wrote an empty framework, exit 0), as a standards CSV without a standard is', async () => {
    const bad = await cli(['import', 'sheet.csv'], { 'sheet.csv': 'Code,Statement,Prerequisites\r\n,,x\r\n,,\r\n' });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe(
      'progressions import: sheet.csv: No competency could be read from the CSV: every row has a problem; the first, row 2: the row has neither a code nor a statement; it was skipped.\n',
    );
    const empty = await cli(['import', 'template.csv'], { 'template.csv': 'Code,Statement,Prerequisites\r\n' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('progressions import: template.csv: No competency could be read from the CSV: it has a header but no row below it.\n');
    const standards = await cli(['import', 'standards.csv'], { 'standards.csv': 'Code,Statement\r\n' });
    expect(standards.code).toBe(2);
    // One row read is enough: the rest are reported and the framework is written.
    const one = await cli(['import', 'one.csv'], { 'one.csv': 'Code,Statement,Prerequisites\r\nA,Alpha,\r\n,,x\r\n' });
    expect(one.code).toBe(0);
    expect(one.stderr).toContain('row 3: error: the row has neither a code nor a statement');
    expect(Object.keys(JSON.parse(one.stdout).framework.competencies)).toHaveLength(1);
  });
});

describe('export options the chosen format has no use for', () => {
  const science = join(root, 'resources/examples/student-science-inquiry.json');
  it('--base-uri outside CASE and --include-comments outside CASE 1.1 are said on stderr (they were ignored without a word)', async () => {
    const csv = await cli(['export', science, '--format', 'csv', '--base-uri', 'https://case.example.org/ims/case/v1p1']);
    expect(csv.code).toBe(0);
    expect(csv.stderr).toContain('note --base-uri applies to the CASE formats only; ignored for csv.\n');
    const json = await cli(['export', science, '--format', 'json', '--include-comments']);
    expect(json.stderr).toContain('note --include-comments applies to case-1.1 only; a framework file always keeps the review comments.\n');
    const c10 = await cli(['export', science, '--format', 'case-1.0', '--include-comments']);
    expect(c10.stderr).toContain('note --include-comments applies to case-1.1 only; ignored for case-1.0.\n');
    const c11 = await cli(['export', science, '--include-comments', '--base-uri', 'https://case.example.org/ims/case/v1p1']);
    expect(c11.code).toBe(0);
    expect(c11.stderr).not.toMatch(/applies to/);
  });
});

describe('progressions --version', () => {
  it('prints the version of package.json (it was a constant, to be kept in step by hand)', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const r = await cli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`progressions ${pkg.version}\n`);
    }
    expect(cliVersion()).toBe(pkg.version);
  });
});

describe('a key written twice in a --standards file or a progress file', () => {
  it('is refused with both places (exit 2), as it is in the framework file — the first copy was dropped without a word', async () => {
    const fw = readFileSync(example, 'utf8');
    // The framework as a standards file, with one of its standards written twice (a bad merge).
    const m = /\n(\s+)"([^"]+)": \{\n\s+"id": "\2",\n\s+"uri"/.exec(fw)!;
    const start = m.index + 1;
    const end = fw.indexOf(`\n${m[1]}}`, start) + m[1]!.length + 2;
    const twice = `${fw.slice(0, end)},\n${fw.slice(start, end)}${fw.slice(end)}`;
    expect(JSON.parse(twice)).toBeTruthy();
    const v = await cli(['validate', example, '--standards', 'merged.json', '--json'], { 'merged.json': twice });
    expect(v.code).toBe(2);
    expect(v.stdout).toBe('');
    expect(v.stderr).toMatch(/^progressions validate: --standards merged\.json: a key appears twice in one object; .*\n {2}"[^"]+" in \/framework\/standardsSets\/[^/]+\/items: line \d+, column \d+ and line \d+, column \d+\n$/);

    const progressFile = readFileSync(join(root, 'tests/fixtures/progress/progress-v1.json'), 'utf8').replace('"learnerId": "ben", ', '"learnerId": "ana", "learnerId": "ben", ');
    const mini = join(root, 'tests/fixtures/progress/fractions-mini.json');
    const p = await cli(['plan', mini, '--progress', 'progress.json', '--json'], { 'progress.json': progressFile });
    expect(p.code).toBe(2);
    expect(p.stdout).toBe('');
    expect(p.stderr).toMatch(/^progressions plan: progress\.json: a key appears twice in one object; .*\n {2}"learnerId" in \/records\/2: line 13, column \d+ and line 13, column \d+\n$/);
    // Without the copy, both read.
    expect((await cli(['plan', mini, '--progress', join(root, 'tests/fixtures/progress/progress-v1.json'), '--json'])).code).toBe(0);
  });
});

describe('import from a pipe (`import <(curl …)`, `… | progressions import /dev/stdin`)', () => {
  it('reads its input once: a pipe is empty the second time (it said "The file is empty.", exit 2)', async () => {
    const once = new Map([['/dev/fd/63', readFileSync(join(root, 'tests/fixtures/case/sample.case-1.1.json'), 'utf8')]]);
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (t) => void out.push(t),
      err: (t) => void err.push(t),
      isTty: false,
      // A pipe: its text the first time, nothing after.
      readText: async (p) => {
        const text = once.get(p) ?? '';
        once.set(p, '');
        return text === '' ? fail('empty', 'The file is empty.') : ok(text);
      },
      writeText: async () => fail('read-only', 'no writing here'),
    };
    const code = await runCli(['import', '/dev/fd/63', '--quiet'], io);
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out.join('')).format).toBe('progressions.framework');
  });
});

describe('stats: estimated hours', () => {
  it('are summed to the hundredth, without binary noise (0.1 + 0.2 printed 0.30000000000000004)', async () => {
    const fw = JSON.parse(readFileSync(join(root, 'tests/fixtures/frameworks/v1-minimal.json'), 'utf8'));
    const [a, b] = Object.values(fw.framework.competencies) as { estimatedHours: number | null }[];
    a!.estimatedHours = 0.1;
    b!.estimatedHours = 0.2;
    const files = { 'hours.json': JSON.stringify(fw) };
    const json = await cli(['stats', 'hours.json', '--json'], files);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).estimatedHours).toBe(0.3);
    const text = await cli(['stats', 'hours.json'], files);
    expect(text.stdout).toMatch(/^ {2}estimatedHours {7}0\.3$/m);
  });
});

describe('a binary file or a workbook where a framework or a standards file is expected', () => {
  it('is named as such: not "save it as CSV" for a framework, not broken JSON ("found PK\\u0003…") for --standards', async () => {
    const files = { 'blob.bin': '\u0000\u0001\u0002\u0003garbage\u0000\u0007', 'book.xlsx': 'PK\u0003\u0004\u0014\u0000\u0000\u0000\b\u0000' };
    const v = await cli(['validate', 'blob.bin'], files);
    expect(v.code).toBe(2);
    expect(v.stderr).toBe('progressions validate: blob.bin: This file is not text (it holds binary data): expected a Progressions framework file or a CASE package, which are JSON text.\n');
    const s = await cli(['validate', example, '--standards', 'book.xlsx', '--json'], files);
    expect(s.code).toBe(2);
    expect(s.stdout).toBe('');
    expect(s.stderr).toMatch(/^progressions validate: --standards book\.xlsx: This file is an Excel or OpenDocument workbook, not a CSV: open it in the spreadsheet and save it as "CSV UTF-8 \(comma delimited\)"/);
  });
});

describe('diff -o naming one of its inputs', () => {
  it('is refused (exit 2) and the framework stays — it was replaced by its own change log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-d-diff-'));
    const older = join(dir, 'v1.json');
    const newer = join(dir, 'v2.json');
    const text = readFileSync(example, 'utf8');
    writeFileSync(older, text);
    writeFileSync(newer, text.replace('"version": "1.0.0"', '"version": "1.1.0"'));
    for (const target of [older, newer]) {
      for (const flag of [[], ['--json']]) {
        const r = await cli(['diff', older, newer, ...flag, '-o', target]);
        expect(r.code).toBe(2);
        expect(r.stderr).toBe(`progressions diff: -o ${target} is the input file ${target} itself: the change log would replace it. Give another file name (e.g. changes.md).\n`);
      }
    }
    expect(readFileSync(older, 'utf8')).toBe(text);
    expect(JSON.parse(readFileSync(newer, 'utf8')).framework.version).toBe('1.1.0');
    const ok = await cli(['diff', older, newer, '-o', join(dir, 'changes.md')]);
    expect(ok.code).toBe(0);
    expect(readFileSync(join(dir, 'changes.md'), 'utf8')).toMatch(/^# Changes to /);
  });
});
