import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from '../../src-core/format/json';
import { runCliCaptured } from './helpers/cli';

const minimal = readFileSync(join(import.meta.dirname, '../fixtures/frameworks/v1-minimal.json'), 'utf8');

/** The minimal framework with its first competency written a second time, under the same id, with another statement (a bad merge). */
function withCompetencyTwice(): string {
  const file = JSON.parse(minimal) as { framework: { competencies: Record<string, { statement: string }> } };
  const [id, first] = Object.entries(file.framework.competencies)[0]!;
  const second = { ...first, statement: `CHANGED ${first.statement}` };
  const others = Object.entries(file.framework.competencies).slice(1);
  const members = [[id, first], ...others, [id, second]].map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const text = JSON.stringify({ ...file, framework: { ...file.framework, competencies: '@' } }, null, 2);
  return text.replace('"@"', `{\n${members.join(',\n')}\n  }`);
}

describe('a key written twice in one object (JSON.parse keeps the last silently)', () => {
  it('every command refuses the file (exit 2), naming the key, the object and both places', async () => {
    const files = { 'merged.json': withCompetencyTwice() };
    for (const args of [['validate', 'merged.json'], ['validate', 'merged.json', '--json'], ['stats', 'merged.json'], ['export', 'merged.json', '--format', 'json'], ['import', 'merged.json']]) {
      const r = await runCliCaptured(args, { files });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/merged\.json: a key appears twice in one object; a JSON reader keeps only the last/);
      expect(r.stderr).toMatch(/"c0000000-0000-4000-8000-000000000001" in \/framework\/competencies: line \d+, column \d+ and line \d+, column \d+/);
    }
  });

  it('the same framework without the repeat is read as before', async () => {
    expect((await runCliCaptured(['validate', 'f.json'], { files: { 'f.json': minimal } })).code).toBe(0);
  });

  it('findDuplicateKeys gives the pointer and both places; escaped keys and strings with quotes do not confuse it', () => {
    const text = '{\n  "a": {"x\\"y": 1, "b": "}\\\\", "x\\u0022y": 2},\n  "list": [{"k": 1, "k": 2}]\n}';
    expect(findDuplicateKeys(text)).toEqual([
      { pointer: '/a/x"y', key: 'x"y', first: { line: 2, column: 9 }, again: { line: 2, column: 32 } },
      { pointer: '/list/0/k', key: 'k', first: { line: 3, column: 13 }, again: { line: 3, column: 21 } },
    ]);
  });

  it('findDuplicateKeys finds nothing in any JSON.stringify output (no false alarm)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        expect(findDuplicateKeys(JSON.stringify(v, null, 1))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
