import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_MAX_INPUT_BYTES } from '../../src-main/cli/io';
import { MAX_FILE_BYTES } from '../../src-core/model/types';
import { runCliCaptured } from './helpers/cli';

// The CLI reads files larger than the app's 200 MB limit (up to the longest string Node.js holds), so
// `import` reads back what `export` streams out: the CASE package of a 20,000-competency framework is ~280 MB.
const root = join(import.meta.dirname, '../..');
const example = join(root, 'resources/examples/grade3-5-fractions.json');
const tmp = mkdtempSync(join(tmpdir(), 'cli-size-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const cli = (args: string[]) => runCliCaptured(args, { disk: true });

describe('CLI input size', () => {
  it('is above the app limit and at most what a string holds', () => {
    expect(CLI_MAX_INPUT_BYTES).toBeGreaterThan(MAX_FILE_BYTES);
    expect(CLI_MAX_INPUT_BYTES).toBeLessThanOrEqual(2 ** 30);
  });

  it('a framework file over the app limit (here padded with spaces) is read and validated', async () => {
    const file = join(tmp, 'big.json');
    const text = readFileSync(example);
    const fd = openSync(file, 'w');
    writeSync(fd, text);
    const pad = Buffer.alloc(16 * 1024 * 1024, 0x20);
    for (let written = text.length; written <= MAX_FILE_BYTES; written += pad.length) writeSync(fd, pad);
    closeSync(fd);
    const r = await cli(['validate', file, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).counts.competencies).toBe(36);
  }, 60_000);

  it('a file over the CLI limit is refused before it is read, saying the limit (exit 2)', async () => {
    const file = join(tmp, 'huge.json');
    writeFileSync(file, '');
    const fd = openSync(file, 'r+');
    ftruncateSync(fd, CLI_MAX_INPUT_BYTES + 1); // sparse: no disk used
    closeSync(fd);
    const r = await cli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/huge\.json is 512 MB; the command line reads files of up to 511 MB/);
  });
});
