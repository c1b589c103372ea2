/** Open (parse + schema + graph + coverage) vs plain JSON.parse, and save (serialize + write). */
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadFrameworkText, serializeFramework, toFrameworkFile } from '../../src-core/format/frameworkFile';
import { computeCoverage, coverageListsFor } from '../../src-core/checks';
import { buildPrerequisiteGraph } from '../../src-core/graph';
import type { Framework } from '../../src-core/model/types';
import { RESULTS_DIR, writeFixture } from '../generate';
import { collectGarbage, count, fmt, mb, measure, ratio, type BenchContext, type Sample, type Section } from '../stats';

const sample = (t: number[], runs: number): Sample => {
  t.sort((a, b) => a - b);
  const mid = t.length >> 1;
  return { median: t.length % 2 ? t[mid]! : (t[mid - 1]! + t[mid]!) / 2, min: t[0]!, max: t[t.length - 1]!, runs };
};

/**
 * Runs each function in turn, `warmup` rounds unmeasured then `runs` measured rounds. Per function:
 * wall-time sample (ms) and CPU-time sample (ms of `process.cpuUsage`, user + system, which other
 * processes on a shared box inflate far less than wall time).
 */
function interleaved<T extends (() => unknown)[]>(fns: [...T], runs: number, warmup: number): { [K in keyof T]: { wall: Sample; cpu: Sample } } {
  const wall = fns.map(() => [] as number[]);
  const cpu = fns.map(() => [] as number[]);
  // A full collection before each call (collectGarbage): the garbage the previous call left behind is not
  // collected on this one's time, so each figure is its own work and its own GC.
  for (let round = 0; round < warmup + runs; round++) {
    fns.forEach((fn, i) => {
      collectGarbage();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      fn();
      const t = performance.now() - t0;
      const c = process.cpuUsage(c0);
      if (round < warmup) return;
      wall[i]!.push(t);
      cpu[i]!.push((c.user + c.system) / 1000);
    });
  }
  return fns.map((_, i) => ({ wall: sample(wall[i]!, runs), cpu: sample(cpu[i]!, runs) })) as { [K in keyof T]: { wall: Sample; cpu: Sample } };
}

export async function fileBenches(ctx: BenchContext): Promise<Section[]> {
  const sizes = ctx.quick ? [200] : [1000, 5000, 20000, 100000];
  const open: string[][] = [];
  const save: string[][] = [];
  for (const n of sizes) {
    ctx.log(`files: ${n}`);
    const file = writeFixture(n);
    const text = readFileSync(file, 'utf8');
    const runs = ctx.quick ? 1 : n >= 100000 ? 3 : n <= 1000 ? 15 : 7;
    let loaded: Framework | undefined;
    // JSON.parse, the load alone and the whole open take turns, so load drift and the garbage each
    // run leaves behind fall on all three alike (their ratio is the figure issue 9 sets a target for).
    const [parseT, schemaOnlyT, openT] = interleaved(
      [
        () => JSON.parse(text),
        () => loadFrameworkText(text),
        () => {
          const r = loadFrameworkText(text);
          if (!r.ok) throw new Error(`generated file does not load: ${r.error.message}`);
          loaded = r.value.framework;
          // as the CLI and the app do: the records the schema check enumerated are handed on
          const lists = r.value.lists;
          buildPrerequisiteGraph(loaded, lists);
          computeCoverage(loaded, undefined, coverageListsFor(loaded, lists));
        },
      ],
      runs,
      ctx.quick ? 0 : n <= 1000 ? 5 : 1,
    );
    const [parse, schemaOnly, openS] = [parseT.wall, schemaOnlyT.wall, openT.wall];
    open.push([
      `${count(n)} (${mb(Buffer.byteLength(text))})`,
      fmt(parse),
      fmt(schemaOnly),
      fmt(openS),
      ratio(openS.median, parse.median),
      ratio(openT.cpu.median, parseT.cpu.median),
    ]);
    const fw = loaded!;
    const out = join(RESULTS_DIR, `save-${n}.json`);
    let s = '';
    const ser = await measure(() => {
      s = serializeFramework(fw);
    }, runs);
    const write = await measure(() => writeFileSync(out, serializeFramework(fw)), runs);
    rmSync(out, { force: true });
    // the file object (links and alignments Maps as JSON objects): a Map alone would stringify as {}
    const compact = await measure(() => JSON.stringify(toFrameworkFile(fw)), runs);
    save.push([count(n), fmt(ser), fmt(compact), fmt(write), mb(Buffer.byteLength(s))]);
  }
  return [
    {
      title: 'Open a framework file (Node)',
      header: ['competencies (file size)', 'JSON.parse', 'parse + migrate + schema', 'open: + graph + coverage', 'open ÷ JSON.parse', 'same, CPU time'],
      rows: open,
      note:
        'Text is read from disk before timing; the three columns are measured in turns (parse, load, open, parse, …), ' +
        'each after a full garbage collection (outside the timing), so no call pays for the garbage of the one before. ' +
        '"open" = `loadFrameworkText` (native JSON.parse — line/column only computed for broken JSON —, migrations, ' +
        'the schema check: a generated yes/no acceptor, with ajv run only to report the problems of an invalid file) ' +
        '+ prerequisite graph + standards coverage, both given the three large records as the schema check enumerated them ' +
        '(`LoadedFramework.lists`, as the CLI does) instead of enumerating them again. JSON.parse itself (and its garbage collection) bounds this figure. ' +
        '"same, CPU time" is the ratio of the median `process.cpuUsage` of the same runs: when other processes load the box, ' +
        'wall times swing by 2–4× while CPU time moves far less, so trust it when the two disagree.',
    },
    {
      title: 'Save a framework file (Node)',
      header: ['competencies', 'serializeFramework (pretty)', 'JSON.stringify (compact, reference)', 'serialize + write to disk', 'file size'],
      rows: save,
      note:
        'Saving turns the links and alignments Maps into JSON objects (`toFrameworkFile`) and is JSON.stringify with indentation; the compact ' +
        'reference is JSON.stringify of the same file object, conversion included. The disk write (page cache, no fsync here) adds little. The atomic save of the app adds one fsync and a rename.',
    },
  ];
}
