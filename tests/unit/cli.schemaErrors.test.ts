import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './helpers/cli';

const root = join(import.meta.dirname, '../..');
const fixture = (name: string) => readFileSync(join(root, 'tests/fixtures/invalid', name), 'utf8');
const files = { 'few.json': fixture('schema-problems.json'), 'many.json': fixture('schema-problems-many.json') };
const cli = (...args: string[]) => runCliCaptured(args, { files });

const INDICATOR =
  'competency “NF.1” (“Name a unit fraction 1/b as one of b…”) — phase Proficient, indicator 1: text must be a string (/framework/competencies/c0000000-0000-4000-8000-000000000001/phases/a0000000-0000-4000-8000-000000000003/indicators/0/text)';

describe('a framework file that breaks the schema, in the CLI', () => {
  it('validate prints every problem (not the first ten), each where it is in words with its JSON pointer; exit 1', async () => {
    const r = await cli('validate', 'many.json');
    expect(r.code).toBe(1);
    const listed = r.stdout.split('\n').filter((l) => l.startsWith('    competency “M.'));
    expect(listed).toHaveLength(60);
    expect(listed[59]).toBe(
      '    competency “M.60” (“Competency number 60 of the many”): estimated hours must be a number or null (/framework/competencies/c0000000-0000-4000-8000-000000000160/estimatedHours)',
    );
    expect(r.stdout).not.toContain('more (run with --json');
    expect(r.stdout).toContain('nothing else is checked until these are fixed');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('✗ many.json: not valid — 60 errors, 0 warnings, 0 notes');
  });

  it('validate --json keeps its shape: one schema diagnostic per problem, the message in words ending with the pointer, the pointer also as path', async () => {
    const r = await cli('validate', 'few.json', '--json');
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.stdout);
    expect(Object.keys(rep)).toEqual(['ok', 'format', 'counts', 'cycles', 'coverage', 'diagnostics']);
    expect(rep.diagnostics).toHaveLength(7);
    // nothing else is read from a file the schema refuses: no counts, cycles or coverage to report (README)
    expect(rep).toMatchObject({ ok: false, counts: { competencies: 0, prerequisites: 0, standards: 0, alignments: 0 }, cycles: [], coverage: null });
    for (const d of rep.diagnostics) {
      expect(Object.keys(d)).toEqual(['severity', 'code', 'message', 'ids', 'path']);
      expect(d).toMatchObject({ severity: 'error', code: 'schema' });
      expect(d.message.endsWith(` (${d.path})`)).toBe(true);
    }
    expect(rep.diagnostics[2]).toEqual({
      severity: 'error',
      code: 'schema',
      message: INDICATOR,
      ids: ['c0000000-0000-4000-8000-000000000001'],
      path: '/framework/competencies/c0000000-0000-4000-8000-000000000001/phases/a0000000-0000-4000-8000-000000000003/indicators/0/text',
    });
  });

  it('validate --json: each schema diagnostic names in `ids` the record its pointer is in (competency, link, alignment, domain, standard), none at the framework level', async () => {
    const rep = JSON.parse((await cli('validate', 'few.json', '--json')).stdout);
    expect(rep.diagnostics.map((d: { path: string; ids: string[] }) => [d.path.split('/').slice(2, 4).join('/'), d.ids])).toEqual([
      ['domains/0', ['d0000000-0000-4000-8000-000000000001']],
      ['competencies/c0000000-0000-4000-8000-000000000001', ['c0000000-0000-4000-8000-000000000001']],
      ['competencies/c0000000-0000-4000-8000-000000000001', ['c0000000-0000-4000-8000-000000000001']],
      ['competencies/c0000000-0000-4000-8000-000000000002', ['c0000000-0000-4000-8000-000000000002']],
      ['prerequisites/b0000000-0000-4000-8000-000000000001', ['b0000000-0000-4000-8000-000000000001']],
      ['standardsSets/50000000-0000-4000-8000-000000000001', ['3.NF.A.1']],
      ['alignments/70000000-0000-4000-8000-000000000001', ['70000000-0000-4000-8000-000000000001']],
    ]);

    // a property missing from a competency is in that competency; the framework's own fields are in no record
    const file = JSON.parse(files['few.json']);
    delete file.framework.competencies['c0000000-0000-4000-8000-000000000002'].statement;
    file.framework.title = 7;
    const r = await runCliCaptured(['validate', 'edited.json', '--json'], { files: { 'edited.json': JSON.stringify(file) } });
    const byPath = new Map(JSON.parse(r.stdout).diagnostics.map((d: { path: string; ids: string[] }) => [d.path, d.ids]));
    expect(byPath.get('/framework/competencies/c0000000-0000-4000-8000-000000000002')).toEqual(['c0000000-0000-4000-8000-000000000002']);
    expect(byPath.get('/framework/title')).toEqual([]);
  });

  it('other commands (stats) say the file does not match and list every problem on stderr; exit 2, nothing on stdout', async () => {
    const r = await cli('stats', 'few.json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('progressions stats: few.json does not match the framework format (7 problems):');
    expect(lines.slice(1)).toHaveLength(7);
    expect(lines).toContain(`  ${INDICATOR}`);
  });

  it('export refuses with every problem listed, even with --force', async () => {
    for (const extra of [[], ['--force']]) {
      const r = await cli('export', 'many.json', ...extra);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const errors = r.stderr.split('\n').filter((l) => l.startsWith('error competency “M.'));
      expect(errors).toHaveLength(60);
      expect(r.stderr).toContain('does not match the framework format (60 error(s)); it cannot be exported, even with --force.');
    }
  });

  it('broken JSON still reports its line and column', async () => {
    const r = await runCliCaptured(['validate', 'b.json'], { files: { 'b.json': '{\n  "format": "progressions.framework",\n  "formatVersion": 1,\n  "framework": {,}\n}' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 4, column 17/);
  });
});
