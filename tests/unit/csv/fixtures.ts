import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadFrameworkText } from '../../../src-core/format/frameworkFile';
import type { Framework } from '../../../src-core/model/types';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixturesDir = join(repoRoot, 'tests/fixtures');
export const goldenDir = join(fixturesDir, 'golden');
/** The real OpenSALT / CASE files, present in CI and on the team's machines, not in a user's clone. */
export const sharedPackages = join(repoRoot, '../shared/reference/case/packages');

/** The small hand-made framework every export golden file is written from (fixed ids). */
export function smallFramework(): Framework {
  const r = loadFrameworkText(readFileSync(join(fixturesDir, 'exports-small.framework.json'), 'utf8'));
  if (!r.ok) throw new Error(`fixture does not load: ${r.error.message}`);
  return r.value.framework;
}

/**
 * Compares `actual` with the golden file byte for byte. `UPDATE_GOLDEN=1 npx vitest run …` rewrites
 * the golden files (review the diff before committing).
 */
export function expectGolden(name: string, actual: string): void {
  const file = join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual, 'utf8');
  if (!existsSync(file)) throw new Error(`golden file ${name} is missing; run with UPDATE_GOLDEN=1 to create it`);
  expect(actual, `differs from tests/fixtures/golden/${name} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(file, 'utf8'));
}
