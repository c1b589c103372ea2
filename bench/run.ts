/**
 * `npm run bench` — the benchmark harness. Runs every benchmark with baselines side by side in one
 * process and writes BENCHMARKS.md.
 *
 *   npm run bench                  full run (several minutes), writes BENCHMARKS.md
 *   npm run bench -- --quick       CI: tiny sizes, checks the harness still runs (< 60 s), writes
 *                                  bench/.results/BENCHMARKS.quick.md only
 *   npm run bench -- --only=layout,validation   a subset (writes bench/.results/BENCHMARKS.partial.md)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserBench } from './browser';
import { RESULTS_DIR } from './generate';
import { machineInfo } from './machine';
import { caseBench } from './node/case';
import { fileBenches } from './node/files';
import { layoutBench } from './node/layout';
import { validationBench } from './node/validation';
import { sectionMarkdown, type BenchContext, type Section } from './stats';

/** Hand-written notes appended to BENCHMARKS.md (measurements that cannot be re-run, findings). */
const NOTES = join(import.meta.dirname, 'notes.md');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');

const BENCHES: Record<string, (ctx: BenchContext) => Promise<Section | Section[]>> = {
  validation: validationBench,
  files: fileBenches,
  case: caseBench,
  layout: layoutBench,
  browser: browserBench,
};

async function main(): Promise<number> {
  const unknown = only?.filter((n) => !(n in BENCHES)) ?? [];
  if (unknown.length) {
    console.error(`bench: unknown --only name ${unknown.map((n) => JSON.stringify(n)).join(', ')}; one of ${Object.keys(BENCHES).join(', ')}`);
    return 2;
  }
  const t0 = performance.now();
  const ctx: BenchContext = { quick, sizes: [], log: (m) => console.error(`[bench ${((performance.now() - t0) / 1000).toFixed(0)}s] ${m}`) };
  const head = machineInfo();
  const sections: Section[] = [];
  for (const [name, run] of Object.entries(BENCHES)) {
    if (only && !only.includes(name)) continue;
    const out = await run(ctx);
    sections.push(...(Array.isArray(out) ? out : [out]));
  }
  const md = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts). Medians with min–max of n runs (n is given per figure; slow',
    'baselines run fewer times). Targets are in issue 9; nothing here is asserted by tests.',
    '',
    ...head,
    `- Mode: ${quick ? 'quick (CI smoke run, tiny sizes)' : only ? `partial (${only.join(', ')})` : 'full'}; total ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    '',
    ...sections.map(sectionMarkdown),
    ...(existsSync(NOTES) && !quick ? [readFileSync(NOTES, 'utf8')] : []),
  ].join('\n');
  mkdirSync(RESULTS_DIR, { recursive: true });
  const target = quick ? join(RESULTS_DIR, 'BENCHMARKS.quick.md') : only ? join(RESULTS_DIR, 'BENCHMARKS.partial.md') : join(import.meta.dirname, '..', 'BENCHMARKS.md');
  writeFileSync(target, md);
  console.log(md);
  console.error(`bench: wrote ${target}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('bench failed:', err);
    process.exit(1);
  },
);
