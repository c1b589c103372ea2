import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A pipeline pipes: `curl …/framework.json | progressions validate - --json`, `export … -o - | gzip`. The CLI
// refused "-" as an input ("not supported") and wrote `-o -` to a file named "-" in the current folder.

const root = join(import.meta.dirname, '../..');
const example = join(root, 'resources/examples/grade3-5-fractions.json');
const run = (args: string[], input?: string | Buffer, cwd = root) => {
  const r = spawnSync(process.execPath, [join(root, 'bin/progressions.mjs'), ...args], { input: input ?? '', cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('"-" for standard input and output (qa-n)', () => {
  it('validate - reads the framework piped in, --json report on stdout', () => {
    const r = run(['validate', '-', '--json'], readFileSync(example));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, format: 'progressions', counts: { competencies: 36 } });
  });

  it('export -o - writes to stdout, never to a file named "-"', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'qa-n-stdout-'));
    try {
      const r = run(['export', example, '--format', 'json', '-o', '-'], undefined, cwd);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).framework.title).toBe('Grade 3–5 Fractions Progression');
      expect(r.stderr).not.toContain('wrote');
      expect(existsSync(join(cwd, '-'))).toBe(false);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('plan --progress - reads the CSV piped in', () => {
    const r = run(['plan', example, '--progress', '-', '--json'], readFileSync(join(root, 'tests/fixtures/progress/grade3-5-fractions.csv')));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).learners.length).toBeGreaterThan(0);
  });

  it('exit 2 with the reason: nothing piped in, or "-" given twice', () => {
    const empty = run(['stats', '-', '--json']);
    expect(empty.code).toBe(2);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toMatch(/empty/i);
    const twice = run(['diff', '-', '-'], readFileSync(example));
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('can be read only once in a run');
  });
});
