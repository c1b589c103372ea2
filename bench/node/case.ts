/**
 * CASE export / import (B's src-core/case). Export and the streamed 100k export are measured once B's
 * export lands (looked up by name); import is measured on the real SBAC package and on our own exports.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import type { Framework } from '../../src-core/model/types';
import { writeFileAtomicStreaming } from '../../src-main/services/atomicStream';
import { generateFramework, RESULTS_DIR } from '../generate';
import { optionalCore, pick } from '../optional';
import { count, fmt, mb, measure, ms, type BenchContext, type Sample, type Section } from '../stats';

type ImportCase = (v: unknown) => { ok: boolean; error?: { message: string } };
type ExportCase = (fw: Framework, o: { version: '1.0' | '1.1' }) => unknown;
type WriteCase = (fw: Framework, o: { version: '1.0' | '1.1' }, sink: (chunk: string) => void) => void;

/**
 * `measure` that also takes the CPU time of each run (`process.cpuUsage`, user + system): on a box
 * other processes load, wall times swing by 2–4× while CPU time moves far less.
 */
async function measureCpu(fn: () => unknown, runs: number): Promise<{ wall: Sample; cpu: number }> {
  const cpu: number[] = [];
  const wall = await measure(() => {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }, runs);
  const measured = cpu.slice(cpu.length - runs).sort((a, b) => a - b); // the first was the warm-up
  return { wall, cpu: measured[measured.length >> 1]! };
}

export async function caseBench(ctx: BenchContext): Promise<Section> {
  const mod = await optionalCore('case/index.ts');
  const importCase = pick<ImportCase>(mod, 'importCaseFramework');
  const exportCase = pick<ExportCase>(mod, 'exportCase');
  const writeCase = pick<WriteCase>(mod, 'writeCasePackage');
  const rows: string[][] = [];
  const runs = ctx.quick ? 1 : 3;

  const importOf = async (label: string, text: string) => {
    if (!importCase) return;
    const s = await measureCpu(() => {
      const r = importCase(JSON.parse(text));
      if (!r.ok) throw new Error(`CASE import failed: ${r.error?.message}`);
    }, runs);
    const p = await measureCpu(() => JSON.parse(text), runs);
    rows.push([`import ${label}`, fmt(s.wall), `${mb(text.length)}; JSON.parse alone ${fmt(p.wall)}; CPU time ${ms(s.cpu)} (JSON.parse ${ms(p.cpu)})`]);
  };

  const sbac = join(import.meta.dirname, '../../../shared/reference/case/packages/sbac_math-content-specification_v1p0.json');
  if (existsSync(sbac)) await importOf('SBAC math content specification (real CASE 1.0 package)', readFileSync(sbac, 'utf8'));

  if (exportCase && writeCase) {
    for (const n of ctx.quick ? [200] : [1000, 10000]) {
      ctx.log(`case: export ${n}`);
      const fw = generateFramework({ competencies: n });
      let text = '';
      const obj = await measure(() => (text = JSON.stringify(exportCase(fw, { version: '1.1' }), null, 2)), runs);
      const chunks: string[] = [];
      const streamed = await measureCpu(() => {
        chunks.length = 0;
        writeCase(fw, { version: '1.1' }, (c) => chunks.push(c));
      }, runs);
      // What the CLI does: the chunks go through a 1 MiB buffer to a temp file that is renamed over the target.
      mkdirSync(RESULTS_DIR, { recursive: true });
      const file = join(RESULTS_DIR, `case-export-${n}.json`);
      const toFile = await measureCpu(() => writeFileAtomicStreaming(file, (w) => writeCase(fw, { version: '1.1' }, w)), runs);
      rmSync(file, { force: true });
      rows.push([`export ${count(n)} competencies, CASE 1.1 object + JSON.stringify`, fmt(obj), mb(text.length)]);
      rows.push([`export ${count(n)} competencies, CASE 1.1 streamed text (writeCasePackage)`, fmt(streamed.wall), `${count(chunks.length)} chunks kept in memory; CPU time ${ms(streamed.cpu)}`]);
      rows.push([`export ${count(n)} competencies, CASE 1.1 streamed to a file (as the CLI writes it)`, fmt(toFile.wall), `writeFileAtomicStreaming (fsync included); CPU time ${ms(toFile.cpu)}`]);
      await importOf(`${count(n)} competencies (our CASE 1.1 export)`, text);
    }
  }
  if (!ctx.quick) rows.push(['streamed export, 100,000 competencies', ...(await streamed100k(ctx))]);

  return {
    title: 'CASE export and import (Node)',
    header: ['what', 'time', 'notes'],
    rows: rows.length ? rows : [['CASE export/import', 'not landed yet', '—']],
    note:
      '3 runs each (exports are slow). Export = the whole CASE 1.1 package of a generated framework (items, associations, rubrics for the phases). ' +
      '"Streamed text" keeps every chunk (as the renderer does before it saves), "to a file" writes them through the CLI\'s atomic streaming write. ' +
      'Import = lenient read + mapping to a framework + schema check, JSON.parse included. "CPU time" = median ' +
      '`process.cpuUsage` of the same runs (wall times swing with the load of a shared box). The 100k export runs in a child ' +
      'process that samples its heap while writing to disk; it must stream (never build one giant string).' +
      (exportCase ? '' : ' Export rows appear once src-core/case exports exportCase / writeCasePackage.'),
  };
}

/** Runs bench/node/caseStream.ts in a child process; returns [time, notes]. */
async function streamed100k(ctx: BenchContext): Promise<[string, string]> {
  const script = join(import.meta.dirname, 'caseStream.ts');
  if (!existsSync(script)) return ['—', 'streaming harness missing'];
  ctx.log('case: streamed 100k export (child process)');
  return new Promise((resolve) => {
    const child = fork(script, ['100000'], { execArgv: ['--import', 'tsx', '--max-old-space-size=2048'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.on('exit', () => {
      try {
        const r = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { ms?: number; peakHeap?: number; peakRss?: number; bytes?: number; baseHeap?: number; skipped?: string };
        if (r.skipped) resolve(['—', r.skipped]);
        else resolve([`${(r.ms! / 1000).toFixed(2)} s (n=1)`, `peak heap ${mb(r.peakHeap!)} (framework alone ${mb(r.baseHeap!)}), peak RSS ${mb(r.peakRss!)}, file ${mb(r.bytes!)}`]);
      } catch {
        resolve(['—', 'the streaming child process failed']);
      }
    });
  });
}
