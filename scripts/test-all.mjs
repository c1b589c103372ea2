#!/usr/bin/env node
// The test command (`npm test`): builds, runs every suite (vitest unit/main tests, Playwright e2e in
// Chromium, the benchmark harness in --quick mode) and prints one summed `N passed, N failed` line.
// Exits non-zero when any runner fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ELECTRON_SKIP_BINARY_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
mkdirSync('.cache/test', { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit`
const want = (k) => only.length === 0 || only.includes(k);
const run = (cmd, args, extraEnv = {}) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } }).status ?? 1;
};

let passed = 0;
let failed = 0;
let skipped = 0;
let runnerFailed = false;

if (want('unit')) {
  const rc = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.cache/test/vitest.json']);
  if (existsSync('.cache/test/vitest.json')) {
    const r = JSON.parse(readFileSync('.cache/test/vitest.json', 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  }
  if (rc !== 0) runnerFailed = true;
}

if (want('e2e')) {
  if (run('npx', ['electron-vite', 'build']) !== 0) {
    runnerFailed = true;
    failed++;
  } else {
    const rc = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: '.cache/test/playwright.json' });
    if (existsSync('.cache/test/playwright.json')) {
      const s = JSON.parse(readFileSync('.cache/test/playwright.json', 'utf8')).stats ?? {};
      passed += (s.expected ?? 0) + (s.flaky ?? 0);
      failed += s.unexpected ?? 0;
      skipped += s.skipped ?? 0;
    }
    if (rc !== 0) runnerFailed = true;
  }
}

if (want('bench') && existsSync('bench/run.ts')) {
  const rc = run('npx', ['tsx', '--expose-gc', 'bench/run.ts', '--quick']);
  if (rc === 0) passed++;
  else {
    failed++;
    runnerFailed = true;
  }
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(runnerFailed || failed > 0 ? 1 : 0);
