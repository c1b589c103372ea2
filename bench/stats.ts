/** Timing helpers and the report model shared by every benchmark. */

export interface Sample {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/**
 * A full garbage collection when node runs with --expose-gc (as `npm run bench` does), else nothing. Not
 * for every figure: it also leaves the CPU caches cold (a validation of a record just copied took 2× as
 * long after one), so it is used where each call's garbage would otherwise fall on the next call.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Runs `fn` once to warm up (unless `warmup` is 0), then `runs` times; milliseconds. */
export async function measure(fn: () => unknown, runs = 5, warmup = 1): Promise<Sample> {
  for (let i = 0; i < warmup; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  const mid = t.length >> 1;
  return { median: t.length % 2 ? t[mid]! : (t[mid - 1]! + t[mid]!) / 2, min: t[0]!, max: t[t.length - 1]!, runs };
}

/** `12.3 ms (11.9–13.0, n=5)` */
export function fmt(s: Sample | undefined): string {
  if (!s) return '—';
  return `${ms(s.median)} (${ms(s.min)}–${ms(s.max)}, n=${s.runs})`;
}

export function ms(v: number): string {
  if (v >= 10_000) return `${(v / 1000).toFixed(1)} s`;
  if (v >= 1000) return `${(v / 1000).toFixed(2)} s`;
  if (v >= 100) return `${v.toFixed(0)} ms`;
  if (v >= 10) return `${v.toFixed(1)} ms`;
  return `${v.toFixed(2)} ms`;
}

export function ratio(a: number, b: number): string {
  if (!(b > 0) || !(a > 0)) return '—';
  const r = a / b;
  return r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(2)}×`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** One section of BENCHMARKS.md. */
export interface Section {
  title: string;
  /** What the figures mean and what limits them. */
  note: string;
  header: string[];
  rows: string[][];
}

export function sectionMarkdown(s: Section): string {
  const lines = [`## ${s.title}`, '', `| ${s.header.join(' | ')} |`, `|${s.header.map(() => '---').join('|')}|`];
  for (const r of s.rows) lines.push(`| ${r.join(' | ')} |`);
  lines.push('', s.note, '');
  return lines.join('\n');
}

/** What each benchmark gets: sizes to run and whether this is the quick CI mode. */
export interface BenchContext {
  quick: boolean;
  /** Competency counts for the file/validation benchmarks. */
  sizes: number[];
  log: (msg: string) => void;
}
