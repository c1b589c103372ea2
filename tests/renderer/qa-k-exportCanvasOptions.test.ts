import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import { buildTextExport } from '../../src-renderer/src/dialogs/export/exportFormats';
import { runCliCaptured } from '../unit/helpers/cli';

// The Export dialog's Canvas choices write the very file `progressions export --format canvas` writes with
// the same --canvas-calculation / --canvas-no-friendly-description: the app and a script agree, byte for byte.

const example = join(import.meta.dirname, '../../resources/examples/grade3-5-fractions.json');
const loaded = loadFrameworkText(readFileSync(example, 'utf8'));
if (!loaded.ok) throw new Error(loaded.error.message);
const fw = loaded.value.framework;
const cli = (...args: string[]) => runCliCaptured(['export', example, '--format', 'canvas', ...args], { disk: true });

describe('Export dialog: Canvas calculation and friendly descriptions (qa-k)', () => {
  it('the defaults (decaying average 65, friendly descriptions) are the CLI’s defaults', async () => {
    const app = buildTextExport(fw, 'canvas', '', { canvas: { calculationMethod: 'decaying_average', calculationInt: 65, friendlyDescription: true } }).chunks.join('');
    expect(app).toBe((await cli()).stdout);
    expect(buildTextExport(fw, 'canvas', '').chunks.join('')).toBe(app);
  });

  it('n number of times, without friendly descriptions: the CLI’s n_mastery:4 --canvas-no-friendly-description', async () => {
    const app = buildTextExport(fw, 'canvas', '', { canvas: { calculationMethod: 'n_mastery', calculationInt: 4, friendlyDescription: false } }).chunks.join('');
    const r = await cli('--canvas-calculation', 'n_mastery:4', '--canvas-no-friendly-description');
    expect(app).toBe(r.stdout);
    expect(app).toContain(',n_mastery,4,');
    expect(app.split('\r\n')[0]).not.toContain('friendly_description');
  });

  it('highest score: no number, as Canvas wants', async () => {
    const app = buildTextExport(fw, 'canvas', '', { canvas: { calculationMethod: 'highest', calculationInt: undefined, friendlyDescription: true } }).chunks.join('');
    expect(app).toBe((await cli('--canvas-calculation', 'highest')).stdout);
    expect(app).toContain(',highest,,');
  });
});
