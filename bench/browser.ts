/**
 * Browser benchmarks (phase 2): Playwright drives /usr/bin/chromium against the built renderer
 * (`out/renderer`, served by scripts/serve.mjs) opening `?open=<generated file>`:
 * open-to-interactive, pan/zoom fps (fitted and at zoom 1), drag cost per move, JS heap.
 *
 * Plugs into run.ts like the Node benchmarks: `browserBench(ctx)` returns sections. Until the canvas
 * supports `?open=` and exposes a ready signal, it reports why it was skipped instead of failing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext, Section } from './stats';

const root = join(import.meta.dirname, '..');

export async function browserBench(ctx: BenchContext): Promise<Section[]> {
  const built = existsSync(join(root, 'out/renderer/index.html'));
  const chromium = existsSync('/usr/bin/chromium');
  const reason = !built ? 'out/renderer is not built (run `npm run build`)' : !chromium ? '/usr/bin/chromium is missing' : 'the canvas benchmarks are not wired yet (phase 2)';
  ctx.log(`browser: skipped — ${reason}`);
  return [
    {
      title: 'Canvas in Chromium (browser)',
      header: ['what', 'result'],
      rows: [['open-to-interactive, pan fps, drag cost, heap', `skipped: ${reason}`]],
      note: 'Generated fixtures for these runs are written to bench/.results/ (`npx tsx bench/generate.ts 2500 10000`).',
    },
  ];
}
