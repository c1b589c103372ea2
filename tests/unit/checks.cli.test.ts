import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportCase } from '../../src-core/case/export';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import type { Framework } from '../../src-core/model/types';
import { FwBuilder } from './checksBuilder';
import { runCliCaptured } from './helpers/cli';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs the CLI in-process against in-memory files. */
const cli = (args: string[], files: Record<string, string>, isTty = false) => runCliCaptured(args, { files, isTty });

const file = (fw: Framework) => serializeFramework(fw);

function sound() {
  return new FwBuilder().competencies('A', 'B', 'C').links('A>B', 'B>C');
}
function cyclic() {
  return new FwBuilder().competencies('A', 'B', 'C', 'D').links('A>B', 'B>C', 'C>A', 'C>D');
}

describe('progressions validate — exit codes', () => {
  it('exit 0 for a valid framework, with a one-line summary at the end', async () => {
    const r = await cli(['validate', 'ok.json'], { 'ok.json': file(sound().fw) });
    expect(r.code).toBe(0);
    const last = r.stdout.trimEnd().split('\n').pop()!;
    expect(last).toMatch(/^✓ Test framework: valid — 0 errors, 0 warnings, 0 notes, longest chain 3/);
    expect(r.stderr).toBe('');
  });
  it('exit 0 when there are only warnings', async () => {
    const b = sound().link('A>B');
    const r = await cli(['validate', 'w.json'], { 'w.json': file(b.fw) });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Warnings \(1\)\n {2}duplicate-link/);
  });
  it('exit 1 when errors are found, naming the cycle by codes', async () => {
    const r = await cli(['validate', 'c.json'], { 'c.json': file(cyclic().fw) });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Errors (1)');
    expect(r.stdout).toContain('A → B → C → A');
    expect(r.stdout.trimEnd().split('\n').pop()).toMatch(/^✗ Test framework: not valid — 1 error, 0 warnings, 0 notes, 1 cycle/);
  });
  it('exit 1 for a framework file that breaks the schema', async () => {
    const text = file(sound().fw).replace('"status": "draft"', '"status": "published"');
    const r = await cli(['validate', 'bad.json', '--json'], { 'bad.json': text });
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.stdout);
    expect(rep.ok).toBe(false);
    expect(rep.diagnostics[0]).toMatchObject({ severity: 'error', code: 'schema' });
  });
  it.each([
    ['a missing file', ['validate', 'nope.json'], /nope\.json: no such file/],
    ['broken JSON', ['validate', 'broken.json'], /line 1, column/],
    ['an unsupported format', ['validate', 'other.json'], /Not a supported format/],
    ['no file at all', ['validate'], /missing <file>/],
    ['an unknown option', ['validate', 'ok.json', '--bogus'], /Unknown option/i],
    ['an unreadable --standards file', ['validate', 'ok.json', '--standards', 'missing.json'], /--standards missing\.json: no such file/],
    ['a --standards file that holds no standards', ['validate', 'ok.json', '--standards', 'other.json'], /--standards other\.json: not a standards file/],
  ])('exit 2 for %s, with one clear line on stderr and nothing on stdout', async (_what, args, message) => {
    const files = { 'ok.json': file(sound().fw), 'broken.json': '{"format": ', 'other.json': '{"hello": "world"}' };
    const r = await cli([...args, '--json'], files);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(args.includes('--bogus') ? 2 : 1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('progressions validate --json', () => {
  it('prints exactly one JSON object with the documented shape', async () => {
    const b = cyclic().standards('S', ['G', '1<G', '2<G']).align('A', 'S', '1');
    const r = await cli(['validate', 'c.json', '--json'], { 'c.json': file(b.fw) });
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const rep = JSON.parse(r.stdout);
    expect(Object.keys(rep)).toEqual(['ok', 'format', 'counts', 'cycles', 'coverage', 'diagnostics']);
    expect(rep).toMatchObject({
      ok: false,
      format: 'progressions',
      counts: { competencies: 4, prerequisites: 4, standards: 3, alignments: 1 },
      cycles: [[b.id('A'), b.id('B'), b.id('C')]],
      coverage: { standards: 2, covered: 1, uncovered: [b.std('S', '2')], ratio: 0.5 },
    });
    for (const d of rep.diagnostics) {
      expect(Object.keys(d)).toEqual(['severity', 'code', 'message', 'ids']);
      expect(['error', 'warning', 'info']).toContain(d.severity);
      expect(d.ids.every((id: unknown) => typeof id === 'string')).toBe(true);
    }
    expect(rep.diagnostics.map((d: { code: string }) => d.code)).toEqual(['prerequisite-cycle', 'uncovered-standards', 'unaligned']);
  });
  it('coverage is null when there is no standards set', async () => {
    const r = await cli(['validate', 'ok.json', '--json'], { 'ok.json': file(sound().fw) });
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, cycles: [], coverage: null, diagnostics: [] });
  });
  it('adds the standards sets of --standards files (framework files and CASE packages) for coverage', async () => {
    const withSet = new FwBuilder().competencies('X').standards('T', ['1', '2', '3']);
    const b = sound().standards('T', ['1']).align('A', 'T', '1').align('B', 'T', '2');
    // The framework's own copy of T only has standard 1; the full set comes from the --standards file.
    b.fw.alignments.delete([...b.fw.alignments.keys()][1]!);
    const caseSet = exportCase(new FwBuilder().competencies('P', 'Q').fw, { version: '1.0' });
    const r = await cli(['validate', 'fw.json', '--standards', 'set.json', '--standards', 'case.json', '--json'], {
      'fw.json': file(b.fw),
      'set.json': file(withSet.fw),
      'case.json': JSON.stringify(caseSet),
    });
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout);
    // T: 3 standards (replacing the file's own copy), 1 covered; the CASE package adds its leaf items.
    expect(rep.coverage.covered).toBe(1);
    expect(rep.coverage.uncovered).toEqual(expect.arrayContaining([b.std('T', '2'), b.std('T', '3')]));
    expect(rep.coverage.standards).toBeGreaterThanOrEqual(5);
  });
  it('accepts a CSV standards list as --standards', async () => {
    const csv = 'code,statement,grade\n3.NF.1,Understand a fraction,3\n3.NF.2,Fractions on a number line,3\n';
    const r = await cli(['validate', 'ok.json', '--standards', 'std.csv', '--json'], { 'ok.json': file(sound().fw), 'std.csv': csv });
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep.coverage).toMatchObject({ standards: 2, covered: 0, ratio: 0 });
    expect(rep.coverage.uncovered).toHaveLength(2);
    expect(rep.counts.standards).toBe(2);
  });
  it('validates a CASE package, reporting CASE identifiers and the CASE format', async () => {
    const fw = cyclic().fw;
    const pkg = exportCase(fw, { version: '1.1' });
    const r = await cli(['validate', 'p.json', '--json'], { 'p.json': JSON.stringify(pkg) });
    const rep = JSON.parse(r.stdout);
    expect(rep.format).toBe('case-1.1');
    expect(r.code).toBe(1);
    expect(rep.counts).toMatchObject({ competencies: 4, prerequisites: 4 });
    const items = new Set((pkg.CFItems ?? []).map((i: { identifier: string }) => i.identifier.toLowerCase()));
    expect(rep.cycles).toHaveLength(1);
    for (const id of rep.cycles[0]) expect(items.has(id.toLowerCase())).toBe(true);
    const pkg10 = exportCase(sound().fw, { version: '1.0' });
    const r10 = await cli(['validate', 'p10.json', '--json'], { 'p10.json': JSON.stringify(pkg10) });
    expect(JSON.parse(r10.stdout)).toMatchObject({ format: 'case-1.0', cycles: [] });
  });
});

describe('progressions validate — readable report', () => {
  it('groups findings by severity and check, colours them on a terminal, and shortens long lists', async () => {
    const b = new FwBuilder();
    for (let i = 0; i < 14; i++) b.competency(`E${i}`, { statement: '' });
    b.competencies('A', 'B').links('A>B', 'B>A');
    const r = await cli(['validate', 'e.json'], { 'e.json': file(b.fw) }, true);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('\u001b[31m');
    const plain = r.stdout.replace(/\u001b\[\d+m/g, '');
    expect(plain).toMatch(/Errors \(15\)\n {2}prerequisite-cycle · Prerequisite cycles \(1\)\n.*\n {2}empty-statement · Competencies without a statement \(14\)/);
    expect(plain).toContain('… and 4 more (run with --json for the full list)');
    const plainRun = await cli(['validate', 'e.json'], { 'e.json': file(b.fw) }, false);
    expect(plainRun.stdout).not.toContain('\u001b[');
  });
  it('shows coverage per standards set', async () => {
    const b = sound().standards('S', ['1', '2']).align('A', 'S', '1');
    const r = await cli(['validate', 's.json'], { 's.json': file(b.fw) });
    expect(r.stdout).toContain('Set S: 1 of 2 leaf standards covered (50.0%)');
    expect(r.stdout).toContain('2 of 3 competencies aligned to no standard');
  });
});

describe('progressions stats', () => {
  it('still reports the size of a framework', async () => {
    const r = await cli(['stats', 'ok.json', '--json'], { 'ok.json': file(sound().fw) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'progressions', competencies: 3, prerequisites: 2 });
  });
});

describe('bin/progressions.mjs validate (a real process)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'validate-cli-'));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(repoRoot, 'bin/progressions.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  it('exits 1 with the JSON report on stdout for a cyclic framework, 0 for a sound one, 2 for a missing file', () => {
    writeFileSync(join(tmp, 'c.json'), file(cyclic().fw));
    writeFileSync(join(tmp, 'ok.json'), file(sound().fw));
    const bad = run('validate', join(tmp, 'c.json'), '--json');
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).cycles).toHaveLength(1);
    expect(run('validate', join(tmp, 'ok.json')).status).toBe(0);
    const missing = run('validate', join(tmp, 'missing.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });
});

const packagesDir = join(repoRoot, '../shared/reference/case/packages');
const packages = existsSync(packagesDir) ? readdirSync(packagesDir).filter((f) => f.endsWith('.json')) : [];

describe.skipIf(packages.length === 0)('real CASE packages (skipped: ../shared/reference/case/packages is absent in this checkout)', () => {
  it.each(packages)('%s validates without a crash and with sensible counts', async (name) => {
    const text = readFileSync(join(packagesDir, name), 'utf8');
    const res = await cli(['validate', name, '--json'], { [name]: text });
    expect([0, 1]).toContain(res.code);
    const rep = JSON.parse(res.stdout);
    expect(rep.format).toMatch(/^case-1\.[01]$/);
    const pkg = JSON.parse(text);
    const items = (pkg.CFItems ?? pkg.CFPackage?.CFItems ?? []) as unknown[];
    expect(rep.counts.competencies).toBeGreaterThan(0);
    expect(rep.counts.competencies).toBeLessThanOrEqual(items.length);
    const assoc = (pkg.CFAssociations ?? pkg.CFPackage?.CFAssociations ?? []) as { associationType?: string }[];
    const precedes = assoc.filter((a) => String(a.associationType).toLowerCase() === 'precedes').length;
    expect(rep.counts.prerequisites).toBeLessThanOrEqual(precedes);
    for (const c of rep.cycles) expect(c.length).toBeGreaterThan(1);
  });
});
