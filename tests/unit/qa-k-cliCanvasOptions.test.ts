import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src-core/csv/papa';
import { parseCanvasCalculation } from '../../src-main/cli/commands/export';
import { runCliCaptured } from './helpers/cli';

// docs/lms-exports.md promised a choice of Canvas calculation method and a file without
// friendly_description (for Canvas versions that refuse the column), but only a core function had them:
// a district exporting with the CLI could not get either.

const example = join(import.meta.dirname, '../../resources/examples/grade3-5-fractions.json');
const cli = (...args: string[]) => runCliCaptured(args, { disk: true });

function outcomes(csv: string) {
  const [header, ...rows] = parseCsv(csv).rows;
  const col = (name: string) => header!.indexOf(name);
  return { header: header!, rows: rows.filter((r) => r[col('object_type')] === 'outcome'), col };
}

describe('progressions export --format canvas options (qa-k)', () => {
  it('--canvas-calculation sets the method and number of every outcome', async () => {
    const r = await cli('export', example, '--format', 'canvas', '--canvas-calculation', 'n_mastery:4');
    expect(r.code).toBe(0);
    const { rows, col } = outcomes(r.stdout);
    expect(rows.length).toBe(36);
    expect(new Set(rows.map((x) => `${x[col('calculation_method')]}:${x[col('calculation_int')]}`))).toEqual(new Set(['n_mastery:4']));
    const latest = outcomes((await cli('export', example, '--format', 'canvas', '--canvas-calculation', 'latest')).stdout);
    expect(new Set(latest.rows.map((x) => `${x[latest.col('calculation_method')]}:${x[latest.col('calculation_int')]}`))).toEqual(new Set(['latest:']));
  });

  it('--canvas-no-friendly-description leaves the column out, rows and ratings still aligned', async () => {
    const r = await cli('export', example, '--format', 'canvas', '--canvas-no-friendly-description');
    expect(r.code).toBe(0);
    const { header, rows, col } = outcomes(r.stdout);
    expect(header).not.toContain('friendly_description');
    expect(rows.every((x) => x.length === header.length)).toBe(true);
    expect(rows[0]!.slice(col('ratings'), col('ratings') + 2)).toEqual(['4', 'Advanced']);
  });

  it('refuses what Canvas would refuse, with exit 2 and one clear line', async () => {
    for (const [value, words] of [
      ['n_mastery:9', 'from 1 to 5'],
      ['decaying_average:0', 'from 1 to 99'],
      ['latest:3', 'takes no number'],
      ['average', 'not a Canvas calculation method'],
    ] as const) {
      const r = await cli('export', example, '--format', 'canvas', '--canvas-calculation', value);
      expect(r.code, value).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(words);
    }
  });

  it('says the options have no effect on another format', async () => {
    const r = await cli('export', example, '--format', 'moodle', '--canvas-calculation', 'highest');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('apply to the canvas format only; ignored for moodle');
  });

  it('parses every form Canvas accepts', () => {
    expect(parseCanvasCalculation('decaying_average')).toEqual({ ok: true, value: { calculationMethod: 'decaying_average' } });
    expect(parseCanvasCalculation('decaying_average:80')).toEqual({ ok: true, value: { calculationMethod: 'decaying_average', calculationInt: 80 } });
    expect(parseCanvasCalculation('highest')).toEqual({ ok: true, value: { calculationMethod: 'highest' } });
    expect(parseCanvasCalculation('n_mastery:2.5').ok).toBe(false);
  });
});
