import { readFile, stat, writeFile } from 'node:fs/promises';
import { MAX_FILE_BYTES } from '../../src-core/model/types';
import { fail, ok, type Result } from '../../src-core/result';
import { writeFileAtomic } from '../services/atomicWrite';

/** Exit codes: a contract scripts rely on (README, "CLI"). */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_UNREADABLE = 2;

/** Everything a CLI command touches outside itself, so tests can run commands in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is a terminal (colours on). */
  isTty: boolean;
  readText(path: string): Promise<Result<string>>;
  writeText(path: string, text: string): Promise<Result<void>>;
}

export function nodeIo(): CliIo {
  // `progressions export … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    readText: readTextFile,
    writeText: async (path, text) => {
      try {
        await writeFileAtomic(path, text);
        return ok(undefined);
      } catch (e) {
        return fail('write-failed', `Could not write ${path}: ${(e as Error).message}`);
      }
    },
  };
}

/** Reads a UTF-8 text file with a clear message for each way it can fail. */
export async function readTextFile(path: string): Promise<Result<string>> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) return fail('is-directory', `${path} is a folder, not a file.`);
    if (s.size > MAX_FILE_BYTES) {
      return fail('too-large', `${path} is ${(s.size / 1024 / 1024).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
    }
    return ok(await readFile(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('not-found', `${path}: no such file.`);
    if (code === 'EACCES' || code === 'EPERM') return fail('not-readable', `${path}: permission denied.`);
    return fail('not-readable', `${path}: ${(e as Error).message}`);
  }
}

/** Tiny ANSI helpers; no colour unless `on`. */
export function colors(on: boolean) {
  const wrap = (c: number) => (s: string) => (on ? `\u001b[${c}m${s}\u001b[0m` : s);
  return { red: wrap(31), yellow: wrap(33), green: wrap(32), cyan: wrap(36), dim: wrap(2), bold: wrap(1) };
}
