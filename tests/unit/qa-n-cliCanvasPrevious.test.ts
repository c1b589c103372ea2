import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src-core/csv/papa';
import { runCliCaptured } from './helpers/cli';

// `progressions export --format canvas --canvas-previous <file>`: the version last imported into Canvas, so
// that what the district removed since is deleted in Canvas on the next import (it stayed there before).

const fixture = join(import.meta.dirname, '../fixtures/exports-small.framework.json');
const removed = '00000000-0000-4000-8000-000300000004';
const removedDomain = '00000000-0000-4000-8000-000200000002';
let dir = '';
const at = (name: string) => join(dir, name);
const cli = (...args: string[]) => runCliCaptured(args, { disk: true });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qa-n-canvas-'));
  const file = JSON.parse(readFileSync(fixture, 'utf8'));
  writeFileSync(at('v1.json'), JSON.stringify(file, null, 2));
  const f = file.framework;
  delete f.competencies[removed];
  for (const [k, l] of Object.entries<{ from: string; to: string }>(f.prerequisites)) if (l.from === removed || l.to === removed) delete f.prerequisites[k];
  for (const [k, a] of Object.entries<{ competencyId: string }>(f.alignments)) if (a.competencyId === removed) delete f.alignments[k];
  f.domains = f.domains.filter((d: { id: string }) => d.id !== removedDomain);
  f.competencies['00000000-0000-4000-8000-000300000003'].domainId = '00000000-0000-4000-8000-000200000001';
  writeFileSync(at('v2.json'), JSON.stringify(file, null, 2));
  f.id = '00000000-0000-4000-8000-0000000000ff';
  writeFileSync(at('other.json'), JSON.stringify(file, null, 2));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deletedRows = (csv: string) => {
  const [h, ...rows] = parseCsv(csv).rows;
  return rows.filter((r) => r[h!.indexOf('workflow_state')] === 'deleted').map((r) => `${r[h!.indexOf('object_type')]} ${r[0]}`);
};

describe('progressions export --canvas-previous (qa-n)', () => {
  it('adds deleted rows for what the previous version had, names them on stderr, exit 0', async () => {
    const r = await cli('export', at('v2.json'), '--format', 'canvas', '--canvas-previous', at('v1.json'));
    expect(r.code).toBe(0);
    expect(deletedRows(r.stdout)).toEqual([`outcome ${removed}`, `group ${removedDomain}`]);
    expect(r.stderr).toContain('importing this file deletes from Canvas 1 outcome (3.NF.3d) and 1 group (NF.EQ');
    // without it: no deleted rows (what Canvas kept for ever)
    expect(deletedRows((await cli('export', at('v2.json'), '--format', 'canvas')).stdout)).toEqual([]);
  });

  it('reads the previous version as a CASE package too (what the district may have published)', async () => {
    expect((await cli('export', at('v1.json'), '--format', 'case-1.1', '-o', at('v1.case.json'))).code).toBe(0);
    const r = await cli('export', at('v2.json'), '--format', 'canvas', '--canvas-previous', at('v1.case.json'), '-o', at('v2.canvas.csv'));
    expect(r.code).toBe(0);
    expect(deletedRows(readFileSync(at('v2.canvas.csv'), 'utf8'))).toEqual([`outcome ${removed}`, `group ${removedDomain}`]);
  });

  it('says when nothing is to be deleted', async () => {
    const r = await cli('export', at('v1.json'), '--format', 'canvas', '--canvas-previous', at('v1.json'));
    expect(r.code).toBe(0);
    expect(deletedRows(r.stdout)).toEqual([]);
    expect(r.stderr).toContain('nothing to delete from Canvas');
  });

  it('exit 2, nothing written: a previous file that cannot be read, or another framework', async () => {
    const missing = await cli('export', at('v2.json'), '--format', 'canvas', '--canvas-previous', at('nope.json'), '-o', at('out1.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    expect(missing.stderr).toContain('--canvas-previous');
    expect(() => readFileSync(at('out1.csv'))).toThrow();
    const other = await cli('export', at('v2.json'), '--format', 'canvas', '--canvas-previous', at('other.json'));
    expect(other.code).toBe(2);
    expect(other.stdout).toBe('');
    expect(other.stderr).toContain('is another framework');
  });

  it('exit 2 for the Canvas CSV itself given as the previous version, saying what to give instead', async () => {
    expect((await cli('export', at('v1.json'), '--format', 'canvas', '-o', at('v1.canvas.csv'))).code).toBe(0);
    const r = await cli('export', at('v2.json'), '--format', 'canvas', '--canvas-previous', at('v1.canvas.csv'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('v1.canvas.csv is a Canvas outcomes CSV; give the framework file (or CASE package) it was exported from');
  });

  it('refuses -o naming the previous file (it would be replaced by the CSV)', async () => {
    writeFileSync(at('keep.json'), readFileSync(at('v1.json')));
    const r = await cli('export', at('v2.json'), '--format', 'canvas', '--canvas-previous', at('keep.json'), '-o', at('keep.json'));
    expect(r.code).toBe(2);
    expect(readFileSync(at('keep.json'), 'utf8')).toBe(readFileSync(at('v1.json'), 'utf8'));
  });

  it('notes it has no effect with another format', async () => {
    const r = await cli('export', at('v2.json'), '--format', 'moodle', '--canvas-previous', at('v1.json'));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--canvas-previous applies to the canvas format only; ignored for moodle');
  });

  it('is in export --help', async () => {
    const r = await cli('export', '--help');
    expect(r.stdout).toContain('--canvas-previous <file>');
  });
});
