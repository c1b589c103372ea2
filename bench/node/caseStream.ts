/**
 * Child process of the CASE benchmark: generates a framework, streams B's CASE export
 * (`writeCasePackage`) to disk in 1 MB writes and prints one JSON line {ms, peakHeap, peakRss, bytes}.
 * Heap is sampled on every write; the generated framework itself is part of the heap.
 */
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { generateFramework, RESULTS_DIR } from '../generate';
import { optionalCore, pick } from '../optional';
import type { Framework } from '../../src-core/model/types';

type WriteCase = (fw: Framework, o: { version: '1.0' | '1.1' }, sink: (chunk: string) => void) => void;

const n = Number(process.argv[2] ?? 100000);
const write = pick<WriteCase>(await optionalCore('case/index.ts'), 'writeCasePackage');
if (!write) {
  console.log(JSON.stringify({ skipped: 'no streamed export (writeCasePackage) yet' }));
  process.exit(0);
}
const fw = generateFramework({ competencies: n });
const file = join(RESULTS_DIR, `case-${n}.json`);
let peakHeap = 0;
let peakRss = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakRss = Math.max(peakRss, m.rss);
};
sample();
const baseHeap = peakHeap;
const t0 = performance.now();
const fd = openSync(file, 'w');
let buf: string[] = [];
let size = 0;
const flush = () => {
  writeSync(fd, buf.join(''));
  buf = [];
  size = 0;
  sample();
};
write(fw, { version: '1.1' }, (chunk) => {
  buf.push(chunk);
  size += chunk.length;
  if (size >= 1 << 20) flush();
});
flush();
closeSync(fd);
const ms = performance.now() - t0;
const bytes = statSync(file).size;
rmSync(file, { force: true });
console.log(JSON.stringify({ ms, peakHeap, peakRss, bytes, baseHeap }));
