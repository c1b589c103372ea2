import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build script without types
import { generateValidators } from '../../scripts/validatorCodegen.mjs';

const root = join(import.meta.dirname, '../..');

describe('precompiled schema validators', () => {
  it('are up to date with schemas/ (run `npm run gen` when this fails)', () => {
    const files = generateValidators(root) as { file: string; code: string }[];
    expect(files.length).toBeGreaterThan(0);
    for (const { file, code } of files) {
      expect(readFileSync(join(root, file), 'utf8'), file).toBe(code);
    }
  });

  it('contain no eval and no runtime require, so they run under a strict CSP', () => {
    for (const { file, code } of generateValidators(root) as { file: string; code: string }[]) {
      expect(code, file).not.toMatch(/\bnew Function\b|\beval\(|require\(/);
    }
  });
});
