import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCompetencyCsv } from '../../../src-core/csv/competencyCsv';
import { writeCanvasCsv } from '../../../src-core/export/canvas';
import { writeMoodleCsv } from '../../../src-core/export/moodle';
import { loadFrameworkText, serializeFramework } from '../../../src-core/format/frameworkFile';
import { sharedPackages, smallFramework } from './fixtures';
import { runCliCaptured } from '../helpers/cli';

/** Runs the CLI in-process on real temp files. */
const cli = (args: string[]) => runCliCaptured(args, { disk: true });

const tmp = mkdtempSync(join(tmpdir(), 'csv-cli-'));
const fwFile = join(tmp, 'small.json');
writeFileSync(fwFile, serializeFramework(smallFramework()));

describe('progressions export --format csv|moodle|canvas', () => {
  it('writes the same bytes as the core writers, to stdout and with -o', async () => {
    const expected = { csv: writeCompetencyCsv(smallFramework()), moodle: writeMoodleCsv(smallFramework()), canvas: writeCanvasCsv(smallFramework()) };
    for (const [format, text] of Object.entries(expected)) {
      const r = await cli(['export', fwFile, '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(text);
      const out = join(tmp, `out.${format}.csv`);
      const w = await cli(['export', fwFile, '--format', format, '-o', out]);
      expect(w.code, w.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(text);
    }
  });
});

describe('progressions import <csv>', () => {
  it('converts a competency spreadsheet into a framework file, with the report on stderr', async () => {
    const csv = join(tmp, 'grade3.csv');
    writeFileSync(csv, writeCompetencyCsv(smallFramework()).replace('"3.NF.1; 3.NF.2"', '"3.NF.1; 9.ZZ.9"'));
    const r = await cli(['import', csv]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('CSV (competency spreadsheet), “grade3”');
    expect(r.stderr).toContain('row 4: error: prerequisite 9.ZZ.9 is not a competency in the file; the link was left out');
    const loaded = loadFrameworkText(r.stdout);
    expect(loaded.ok && Object.keys(loaded.value.framework.competencies)).toHaveLength(5);
  });

  it('converts a standards CSV into a framework holding that standards set', async () => {
    const csv = join(tmp, 'standards.csv');
    writeFileSync(csv, 'Code,Statement,Grade\n3.NF,Fractions,3\n3.NF.1,Unit fractions,3\n');
    const out = join(tmp, 'standards.json');
    const r = await cli(['import', csv, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const loaded = loadFrameworkText(readFileSync(out, 'utf8'));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const set = Object.values(loaded.value.framework.standardsSets)[0]!;
    expect(Object.values(set.items).map((s) => s.code)).toEqual(['3.NF', '3.NF.1']);
  });

  it('exit 2 for a CSV it cannot read, with one clear line', async () => {
    const csv = join(tmp, 'people.csv');
    writeFileSync(csv, 'name,age\nAda,36\n');
    const r = await cli(['import', csv]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^progressions import: \S*people\.csv: Which column holds the statement\?/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.skipIf(!existsSync(sharedPackages))('imports the OpenSALT CCSS ELA export (../shared; skipped when absent)', async () => {
    const r = await cli(['import', join(sharedPackages, 'opensalt_ccss-ela-items_export.csv')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('OpenSALT spreadsheet layout recognised. Read 1189 standard(s)');
    const loaded = loadFrameworkText(r.stdout);
    expect(loaded.ok && Object.keys(Object.values(loaded.value.framework.standardsSets)[0]!.items)).toHaveLength(1189);
  });
});
