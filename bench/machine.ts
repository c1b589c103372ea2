import { cpus, totalmem } from 'node:os';
import { availableParallelism, loadavg } from 'node:os';

/** The machine line at the top of BENCHMARKS.md. */
export function machineInfo(): string[] {
  const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  return [
    `- Machine: ${availableParallelism()} cores (\`nproc\`), ${cpu}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM`,
    `- Node ${process.version} on ${process.platform}/${process.arch}`,
    `- Load average at start (1/5/15 min): ${loadavg().map((x) => x.toFixed(2)).join(' / ')} — other processes on the box add noise to the min–max ranges`,
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
  ];
}
