import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

describe('progressions CLI in a pipe', () => {
  it('exits quietly when the reader closes the pipe early (`| head`)', async () => {
    const child = spawn(process.execPath, [join(root, 'bin/progressions.mjs'), 'export', join(root, 'resources/examples/grade3-5-fractions.json'), '--format', 'case-1.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });
});
