import { writeFileSync } from 'node:fs';
import { fail, ok } from '../../../src-core/result';
import { readTextFile, type CliIo } from '../../../src-main/cli/io';
import { runCli } from '../../../src-main/cli/main';

export interface CliRunOptions {
  /** Paths served from memory. Other paths are read from disk (`disk: true`) or are "no such file". */
  files?: Record<string, string>;
  /** Read paths not in `files` from disk, and write `-o` outputs to disk. Default: false (all in memory). */
  disk?: boolean;
  isTty?: boolean;
}

/**
 * Runs the `progressions` CLI in-process and captures what it prints: the same entry point as the
 * binary, with a fake CliIo so tests need no child process.
 */
export async function runCliCaptured(args: string[], opts: CliRunOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const files = opts.files ?? {};
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    isTty: opts.isTty ?? false,
    readText: async (p) => (p in files ? ok(files[p]!) : opts.disk ? readTextFile(p) : fail('not-found', `${p}: no such file.`)),
    writeText: async (p, text) => {
      if (!opts.disk) return fail('read-only', 'writing files is not part of these tests');
      writeFileSync(p, text);
      return ok(undefined);
    },
  };
  const code = await runCli(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}
