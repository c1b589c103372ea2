import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src-main/cli/main';
import { runCliCaptured } from './helpers/cli';

/** `progressions <command> --help` answers what the README's CLI section says, for someone without the README. */
const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
const headings = [...readme.matchAll(/^### `progressions (\w+) ([^`]*)`$/gm)].map((m) => ({ name: m[1]!, synopsis: m[2]! }));

describe('command help', () => {
  it('the README documents every command, in the order of `progressions --help`', () => {
    expect(headings.map((h) => h.name)).toEqual(COMMANDS.map((c) => c.name));
    expect(headings.map((h) => h.name)).toEqual(['validate', 'stats', 'plan', 'export', 'import', 'diff']);
  });

  for (const { name, synopsis } of headings) {
    it(`${name} --help explains every option of the README's synopsis and the exit codes`, async () => {
      const r = await runCliCaptured([name, '--help']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const options = [...synopsis.matchAll(/--[a-z-]+/g)].map((m) => m[0]);
      for (const option of options) {
        // Named in the Options list with words after it, not only in the usage line.
        expect(r.stdout, option).toMatch(new RegExp(`^\\s+(-\\w, )?${option}\\b.*\\S.*$`, 'm'));
      }
      expect(r.stdout).toMatch(/^Exit codes: 0 /m);
    });

    it(`help ${name} is the same as ${name} --help`, async () => {
      expect((await runCliCaptured(['help', name])).stdout).toBe((await runCliCaptured([name, '--help'])).stdout);
    });
  }

  it('export --help lists every --format value', async () => {
    const r = await runCliCaptured(['export', '--help']);
    for (const f of ['case-1.1', 'case-1.0', 'json', 'csv', 'moodle', 'canvas']) expect(r.stdout).toMatch(new RegExp(`^  ${f} +\\S`, 'm'));
  });
});
