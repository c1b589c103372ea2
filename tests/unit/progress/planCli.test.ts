import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworkText, serializeFramework } from '../../../src-core/format/frameworkFile';
import { serializeProgress } from '../../../src-core/progress/progressFile';
import { runCliCaptured } from '../helpers/cli';

const root = join(import.meta.dirname, '../../..');
const FRAMEWORK = join(root, 'tests/fixtures/progress/fractions-mini.json');
const CSV = join(root, 'tests/fixtures/progress/fractions-mini.csv');
const loaded = loadFrameworkText(readFileSync(FRAMEWORK, 'utf8'));
if (!loaded.ok) throw new Error(loaded.error.message);
const fw = loaded.value.framework;
const id = (code: string) => Object.values(fw.competencies).find((c) => c.code === code)!.id;

/** Runs `progressions plan` in-process; `files` are served from memory, other paths from disk. */
const plan = (args: string[], files?: Record<string, string>) => runCliCaptured(['plan', ...args], { files, disk: true });

const HEADER = 'learner,competency,phase,date,evidence\n';

describe('progressions plan --json', () => {
  it('prints exactly the documented shape with competency ids, one entry per learner', async () => {
    const r = await plan([FRAMEWORK, '--progress', CSV, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['learners']);
    expect(report.learners.map((l: { id: string }) => l.id)).toEqual(['ana', 'ben', 'cai']);
    for (const l of report.learners) {
      expect(Object.keys(l)).toEqual(['id', 'mastered', 'ready', 'blocked', 'sequence']);
      for (const b of l.blocked) expect(Object.keys(b)).toEqual(['id', 'missing']);
    }
    expect(report.learners[0]).toEqual({
      id: 'ana',
      mastered: [id('NF.1'), id('G.1')],
      ready: [id('NF.2')],
      blocked: [
        { id: id('NF.3'), missing: [id('NF.2')] },
        { id: id('NF.4'), missing: [id('NF.3')] },
      ],
      sequence: [id('NF.2'), id('NF.3'), id('NF.4')],
    });
    // ben reached Advanced on G.1 after a Developing record: the latest record counts.
    expect(report.learners[1].mastered).toEqual([id('G.1')]);
    // cai started NF.1 but has not mastered its prerequisite G.1.
    expect(report.learners[2].ready).toEqual([id('G.1')]);
    expect(report.learners[2].blocked[0]).toEqual({ id: id('NF.1'), missing: [id('G.1')] });
  });

  it('limits the output to one learner with --learner', async () => {
    const r = await plan([FRAMEWORK, '--progress', CSV, '--learner', 'ben', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.learners.map((l: { id: string }) => l.id)).toEqual(['ben']);
    expect(report.learners[0].sequence).toEqual([id('NF.1'), id('NF.2'), id('NF.3'), id('NF.4')]);
  });

  it('reads a progress JSON file as well as a CSV', async () => {
    const progress = {
      frameworkId: fw.id,
      frameworkTitle: fw.title,
      learners: [{ id: 'dee', name: 'Dee' }],
      records: [{ learnerId: 'dee', competencyId: id('G.1'), phaseId: fw.phases[2]!.id, date: '2026-02-01', evidence: '' }],
    };
    const r = await plan([FRAMEWORK, '--progress', 'p.json', '--json'], { 'p.json': serializeProgress(progress) });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).learners[0].ready).toEqual([id('NF.1')]);
    const other = await plan([FRAMEWORK, '--progress', 'p.json', '--json'], { 'p.json': serializeProgress({ ...progress, frameworkId: 'another', frameworkTitle: 'Decimals' }) });
    expect(other.code).toBe(0);
    expect(other.stderr).toBe('progressions plan: p.json: warning: this progress was recorded for another framework (Decimals).\n');
    const stale = await plan([FRAMEWORK, '--progress', 'p.json'], {
      'p.json': serializeProgress({ ...progress, records: [{ ...progress.records[0]!, competencyId: 'gone' as never }] }),
    });
    expect(stale.code).toBe(2);
    expect(stale.stderr).toMatch(/p\.json: \/records\/0: unknown competency "gone"/);
    // A file that breaks its format: every problem after the first is placed in words too, not by its text alone.
    const broken = await plan([FRAMEWORK, '--progress', 'p.json'], {
      'p.json': serializeProgress({
        ...progress,
        records: [
          { ...progress.records[0]!, learnerId: 'zed' },
          { ...progress.records[0]!, date: '2026-02-30' },
        ],
      }),
    });
    expect(broken.code).toBe(2);
    const lines = broken.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[1]).toMatch(/^  record 2 \(learner "dee", 2026-02-30\): .*2026-02-30.*\(\/records\/1\/date\)$/);
  });

  it('warns about a prerequisite cycle but still plans (exit 0)', async () => {
    const cyc = structuredClone(fw);
    const l = [...cyc.prerequisites.values()][0]!;
    cyc.prerequisites.set('00000000-0000-4000-8900-000000000001', { id: '00000000-0000-4000-8900-000000000001' as never, from: l.to, to: l.from, note: '' });
    const r = await plan(['fw.json', '--progress', CSV, '--json', '--learner', 'ben'], { 'fw.json': serializeFramework(cyc) });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: a prerequisite cycle keeps \d+ competencies out of every sequence \(.*NF\.1/);
    expect(JSON.parse(r.stdout).learners[0].sequence).toEqual([]);
  });
});

describe('progressions plan on a CASE package', () => {
  it('reports CASE identifiers, and accepts competencies by human coding scheme or identifier', async () => {
    const pkg = join(root, 'tests/fixtures/progress/case-mini.json');
    const A = 'c1a0e6a2-7d3e-4c1b-9a55-0000000000a1';
    const B = 'c1a0e6a2-7d3e-4c1b-9a55-0000000000a2';
    const C = 'c1a0e6a2-7d3e-4c1b-9a55-0000000000a3';
    const r = await plan([pkg, '--progress', 'p.csv', '--json'], { 'p.csv': `${HEADER}s1,F.1,Proficient,2026-01-10,\ns2,${B},Developing,2026-01-10,\n` });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      learners: [
        { id: 's1', mastered: [A], ready: [B], blocked: [{ id: C, missing: [B] }], sequence: [B, C] },
        { id: 's2', mastered: [], ready: [A], blocked: [{ id: B, missing: [A] }, { id: C, missing: [B] }], sequence: [A, B, C] },
      ],
    });
  });
});

describe('progressions plan text output', () => {
  it('lists mastered, ready next with statements, blocked with what they need, and the sequence', async () => {
    const r = await plan([FRAMEWORK, '--progress', CSV, '--learner', 'ana']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ana — 2 mastered, 1 ready next, 2 blocked');
    expect(r.stdout).toContain('Ready next:\n    NF.2  Represent fractions on a number line. (Developing, 2026-01-27)');
    expect(r.stdout).toContain('NF.3 — needs NF.2');
    expect(r.stdout).toContain('Suggested sequence: 1. NF.2  2. NF.3  3. NF.4');
  });
});

describe('progressions plan exit code 2', () => {
  it('for an unknown competency, with the row number', async () => {
    const r = await plan([FRAMEWORK, '--progress', 'p.csv'], { 'p.csv': `${HEADER}ana,G.1,Proficient,2026-01-12,\nana,NF.9,Proficient,2026-01-12,\n` });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('progressions plan: p.csv: row 3, column "competency": no competency in this framework has the code or id "NF.9"\n');
  });

  it('for an unknown phase, with the row number and the scale', async () => {
    const r = await plan([FRAMEWORK, '--progress', 'p.csv'], { 'p.csv': `${HEADER}ana,G.1,Mastered,2026-01-12,\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^progressions plan: p\.csv: row 2, column "phase": "Mastered" is not a mastery phase of this framework \(the scale is Beginning, Developing, Proficient, Advanced\)/);
  });

  it('for a malformed CSV, listing every bad row', async () => {
    const r = await plan([FRAMEWORK, '--progress', 'p.csv', '--json'], {
      'p.csv': `${HEADER}ana,G.1,Proficient,2026-01-12,a,b\nana,G.1\nana,G.1,Proficient,12/01/2026,\n`,
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'progressions plan: p.csv: row 2: 6 cells but the header has 5 columns; cell F2 "b" is past the last column (put a cell that contains a comma in double quotes) (and 2 more problems)',
      '  row 3: only 2 cells, so it has no "phase", "date" (the header has 5 columns)',
      `  row 4, column "date": "12/01/2026" is not written YYYY-MM-DD (2026-12-01 if it is month/day/year, 2026-01-12 if it is day/month/year); a spreadsheet may have changed the date format — set the column's format to text or yyyy-mm-dd and save again`,
    ]);
  });

  it('for a CSV without the required columns', async () => {
    const r = await plan([FRAMEWORK, '--progress', 'p.csv'], { 'p.csv': 'student,score\nana,3\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^progressions plan: p\.csv: the header \(row 1\) has no "competency", "phase", "date" columns: a progress CSV needs learner, competency, phase and date \(evidence and name are optional\); it has "student", "score"/);
  });

  it('for an unreadable or unsupported framework', async () => {
    const missing = await plan(['nope.json', '--progress', CSV]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: no such file/);
    const junk = await plan(['fw.json', '--progress', CSV], { 'fw.json': '{"title": ' });
    expect(junk.code).toBe(2);
    expect(junk.stderr).toMatch(/Not valid JSON at line 1/);
  });

  it('for a missing progress file and a missing --progress', async () => {
    expect((await plan([FRAMEWORK, '--progress', 'gone.csv'])).code).toBe(2);
    const noFlag = await plan([FRAMEWORK]);
    expect(noFlag.code).toBe(2);
    expect(noFlag.stderr).toMatch(/missing --progress/);
  });

  it('plans from the start for a learner with no records yet, warning about the id', async () => {
    const who = await plan([FRAMEWORK, '--progress', CSV, '--learner', 'zed', '--json']);
    expect(who.code).toBe(0);
    expect(who.stderr).toMatch(/no records for learner "zed" \(learners: ana, ben, cai\)/);
    const out = JSON.parse(who.stdout) as { learners: { id: string; mastered: string[]; ready: string[] }[] };
    expect(out.learners.map((l) => l.id)).toEqual(['zed']);
    expect(out.learners[0]!.mastered).toEqual([]);
    expect(out.learners[0]!.ready.length).toBeGreaterThan(0);
    // a class with nothing recorded yet (a header alone): the same plan from the start, exit 0
    const none = await plan([FRAMEWORK, '--progress', 'p.csv', '--learner', 'zed', '--json'], { 'p.csv': 'learner,competency,phase,date,evidence\n' });
    expect(none.code).toBe(0);
    expect(none.stderr).toMatch(/note: the file has a header \(row 1\) but no rows of progress below it/);
    expect((JSON.parse(none.stdout) as { learners: { id: string; ready: string[] }[] }).learners[0]).toMatchObject({ id: 'zed', ready: out.learners[0]!.ready });
  });
});

describe('bin/progressions.mjs plan (spawned)', () => {
  it('prints the JSON plan and exits 0, and exits 2 on a bad row', () => {
    const bin = join(root, 'bin/progressions.mjs');
    const good = spawnSync(process.execPath, [bin, 'plan', FRAMEWORK, '--progress', CSV, '--json', '--learner', 'cai'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout).learners[0].sequence).toEqual([id('G.1'), id('NF.1'), id('NF.2'), id('NF.3'), id('NF.4')]);
    const bad = spawnSync(process.execPath, [bin, 'plan', FRAMEWORK, '--progress', FRAMEWORK], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/progressions plan: .*fractions-mini\.json: /);
  });
});
