import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from './helpers/cli';

// `progressions diff <old> <new>`: what a district publishes with a new version (README, "progressions diff").
const root = join(import.meta.dirname, '../..');
const examplePath = join(root, 'resources/examples/grade3-5-fractions.json');
const example = readFileSync(examplePath, 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'cli-diff-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The example with FR.3.1's statement changed, FR.3.2 (its links and alignments) removed, a competency added. */
function nextVersion(version?: string): string {
  const f = JSON.parse(example);
  const fw = f.framework;
  const byCode = (code: string) => Object.keys(fw.competencies).find((id) => fw.competencies[id].code === code)!;
  const a = byCode('FR.3.1');
  const b = byCode('FR.3.2');
  fw.competencies[a].statement = 'Partition a whole into b equal parts.';
  delete fw.competencies[b];
  for (const [k, l] of Object.entries<{ from: string; to: string }>(fw.prerequisites)) if (l.from === b || l.to === b) delete fw.prerequisites[k];
  for (const [k, x] of Object.entries<{ competencyId: string }>(fw.alignments)) if (x.competencyId === b) delete fw.alignments[k];
  const id = '00000000-0000-4000-8000-00000000abcd';
  fw.competencies[id] = { ...fw.competencies[a], id, code: 'FR.3.NEW', statement: 'A new competency.' };
  if (version) fw.version = version;
  return JSON.stringify(f, null, 2);
}

const files = { 'v1.json': example, 'v2.json': nextVersion(), 'v2-bumped.json': nextVersion('1.1.0') };
const cli = (args: string[]) => runCliCaptured(args, { files });

describe('progressions diff', () => {
  it('two identical versions: "No changes.", exit 0 (also with --exit-code and --check-version)', async () => {
    for (const extra of [[], ['--exit-code'], ['--check-version']]) {
      const r = await cli(['diff', 'v1.json', 'v1.json', ...extra]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('No changes.');
      expect(r.stderr).toBe('');
    }
  });

  it('prints the change log: removed, changed and added competencies, removed links and alignments', async () => {
    const r = await cli(['diff', 'v1.json', 'v2-bumped.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('From version 1.0.0 to version 1.1.0.');
    expect(r.stdout).toMatch(/## Competencies\n\n### Added \(1\)\n\n- \*\*FR\.3\.NEW\*\* A new competency\./);
    expect(r.stdout).toMatch(/### Removed \(1\)\n\n- \*\*FR\.3\.2\*\*/);
    expect(r.stdout).toContain('- **FR.3.1** Partition a whole into b equal parts.: statement');
    expect(r.stdout).toMatch(/## Prerequisite links\n\n### Removed \(\d+\)/);
    expect(r.stdout).toMatch(/## Alignments\n\n### Removed \(1\)/);
    expect(r.stdout).toContain('## Framework\n\n- version changed');
    expect(r.stderr).toBe('');
  });

  it('--exit-code: 1 when they differ; --check-version: 1 only when the content changed but the version did not', async () => {
    expect((await cli(['diff', 'v1.json', 'v2-bumped.json', '--exit-code'])).code).toBe(1);
    expect((await cli(['diff', 'v1.json', 'v2-bumped.json', '--check-version'])).code).toBe(0);
    const same = await cli(['diff', 'v1.json', 'v2.json', '--check-version']);
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('the content changed but both versions are “1.0.0”: raise the version of the new one before publishing it.');
    // without the flag, the same note and exit 0
    const plain = await cli(['diff', 'v1.json', 'v2.json']);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain('raise the version');
  });

  it('--json: one object with the versions, counts and each item by id and code', async () => {
    const r = await cli(['diff', 'v1.json', 'v2.json', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      identical: false,
      versionUnchanged: true,
      old: { title: 'Grade 3–5 Fractions Progression', version: '1.0.0', status: 'adopted', format: 'progressions' },
      new: { version: '1.0.0', format: 'progressions' },
      framework: [],
    });
    expect(j.counts.competencies).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(j.counts.alignments).toEqual({ added: 0, removed: 1, changed: 0 });
    expect(j.competencies.added).toEqual([{ id: '00000000-0000-4000-8000-00000000abcd', code: 'FR.3.NEW' }]);
    expect(j.competencies.removed).toEqual([{ id: expect.any(String), code: 'FR.3.2' }]);
    expect(j.competencies.changed).toEqual([{ id: expect.any(String), code: 'FR.3.1', fields: ['statement'] }]);
    expect(j.links.removed.length).toBe(j.counts.links.removed);
    for (const l of j.links.removed) expect(l.fromCode === 'FR.3.2' || l.toCode === 'FR.3.2').toBe(true);
    expect(j.alignments.removed[0]).toMatchObject({ code: 'FR.3.2', standardCode: '3.NF.A.1', kind: 'exact' });
    expect(Object.keys(j)).toEqual(['identical', 'versionUnchanged', 'old', 'new', 'counts', 'framework', 'domains', 'competencies', 'links', 'phases', 'standardsSets', 'alignments']);
    expect(Object.keys(j.counts)).toEqual(['domains', 'competencies', 'links', 'phases', 'standardsSets', 'alignments']);
  });

  it('--json names domains and standards sets that changed, with counts of the standards changed in a set', async () => {
    const f = JSON.parse(example);
    const d0 = f.framework.domains[0];
    d0.title = 'Renamed strand';
    const set = Object.values<{ items: Record<string, { statement: string }> }>(f.framework.standardsSets)[0]!;
    Object.values(set.items)[0]!.statement = 'Reworded standard';
    const r = await runCliCaptured(['diff', 'v1.json', 'v3.json', '--json'], { files: { 'v1.json': example, 'v3.json': JSON.stringify(f) } });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.domains.changed).toEqual([{ id: d0.id, code: d0.code, title: 'Renamed strand', fields: ['title'] }]);
    expect(j.standardsSets.changed).toEqual([
      { id: expect.any(String), title: expect.any(String), standards: Object.keys(set.items).length, standardsChanged: { added: 0, removed: 0, changed: 1 }, fields: ['standards'] },
    ]);
  });

  it('a published CASE package against the framework file it came from: no changes', async () => {
    const pkg = join(tmp, 'published.case.json');
    const ex = await runCliCaptured(['export', examplePath, '-o', pkg], { disk: true });
    expect(ex.code).toBe(0);
    const r = await runCliCaptured(['diff', pkg, examplePath, '--json'], { disk: true });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.identical).toBe(true);
    expect(j.old.format).toBe('case-1.1');
  });

  it('-o writes the change log to a file', async () => {
    const out = join(tmp, 'CHANGES.md');
    const r = await runCliCaptured(['diff', examplePath, examplePath, '-o', out], { disk: true });
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('No changes.');
    expect(r.stderr).toContain(`wrote ${out} (no changes)`);
  });

  it('bad input: one clear line and exit 2', async () => {
    const one = await cli(['diff', 'v1.json']);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/give two files, the older version first/);
    const missing = await cli(['diff', 'v1.json', 'nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('progressions diff: nope.json: no such file.\n');
    const three = await cli(['diff', 'v1.json', 'v1.json', 'v2.json']);
    expect(three.code).toBe(2);
    const folder = await runCliCaptured(['diff', examplePath, examplePath, '-o', tmp], { disk: true });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/it is a folder/);
  });

  it('is listed in the help, with its options', async () => {
    expect((await cli(['--help'])).stdout).toMatch(/ {2}diff {7}Compare two versions of a framework/);
    const h = await cli(['help', 'diff']);
    for (const opt of ['--json', '--out', '--layout', '--exit-code', '--check-version']) expect(h.stdout).toContain(opt);
  });
});
