import { constants as bufferConstants } from 'node:buffer';
import { realpathSync, statSync, writeSync, type Stats } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readUtf8Text } from '../../src-core/format/decodeText';
import { fail, ok, type Result } from '../../src-core/result';
import { removeStaleTempFiles } from '../services/atomicStream';
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
  // Any other failure (a full disk behind `> out.json`) is a failed write: one line, exit 2, no stack.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`progressions: could not write the output: ${describeWriteError(e)}\n`);
    process.exit(EXIT_UNREADABLE);
  });
  return {
    out: writeStdoutSync,
    err: (t) => process.stderr.write(t),
    isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    readText: readTextFile,
    writeText: async (path, text) => {
      const target = prepareOutput(path);
      if (!target.ok) return target;
      try {
        if (target.value.inPlace) await writeFile(target.value.path, text);
        else await writeFileAtomic(target.value.path, text, { mode: target.value.mode });
        return ok(undefined);
      } catch (e) {
        return fail('write-failed', `could not write ${path}: ${describeWriteError(e, path)}`);
      }
    },
  };
}

/** A cell to sleep on (Atomics.wait) while a full pipe drains. */
const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes to stdout synchronously, waiting while a pipe is full: `process.stdout.write` queues what a slow
 * reader has not taken yet in memory, so `export big.json | gzip` grew to 1.4 GB and then failed (ENOBUFS)
 * at 100,000 competencies. A reader that closes the pipe (`| head`) ends the run quietly; any other failure
 * is one line and exit 2.
 */
function writeStdoutSync(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(1, bytes, off, bytes.length - off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(sleepCell, 0, 0, 2);
        continue;
      }
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      process.stderr.write(`progressions: could not write the output: ${describeWriteError(e)}\n`);
      process.exit(EXIT_UNREADABLE);
    }
  }
}

/** Where `-o <out>` writes: the file itself (a symbolic link's target), how, and the mode to keep. */
export interface OutputTarget {
  path: string;
  /** A device or a pipe (`/dev/stdout`, `/dev/null`, `>(gzip …)`): written into, never replaced. */
  inPlace: boolean;
  /** The permissions of the file being replaced, kept on the new version. */
  mode?: number;
}

/**
 * Checks an output path before any work is done, and says where the bytes go: an existing regular file
 * is replaced atomically (through a symbolic link: the file it points at, keeping its permissions); a
 * device or a pipe is written into. Refused, with the reason in words: an empty name, a folder, a
 * folder that does not exist, a read-only file. Temp files an interrupted write of the same file left
 * (older than a few minutes) are removed. Messages here and from `writeText` read on from the command's
 * prefix (`progressions export: could not write …`), so they start in lower case.
 */
export function prepareOutput(out: string): Result<OutputTarget> {
  const no = (why: string) => fail('write-failed', `could not write ${out === '' ? '""' : out}: ${why}`, { path: out });
  if (out.trim() === '') return no('the output file name is empty.');
  // `-o reports/` names a folder, whether or not it exists yet: refused before any work, in those words (the
  // write itself would fail only at the end, with ENOTDIR: "a part of the path is a file").
  if (/[\\/]$/.test(out) && !/^[\\/]+$/.test(out)) {
    const folder = out.replace(/[\\/]+$/, '');
    let exists = false;
    try {
      exists = statSync(out).isDirectory();
    } catch {
      // not there
    }
    return no(
      exists
        ? `it is a folder; give a file name, e.g. ${join(folder, 'framework.json')}.`
        : `it ends in "${out.slice(-1)}", so it names a folder (and the folder ${folder} does not exist); give a file name, e.g. ${folder}.json.`,
    );
  }
  let st: Stats | undefined;
  try {
    st = statSync(out); // follows symbolic links
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return no(describeWriteError(e, out));
  }
  if (!st) {
    const folder = dirname(out);
    try {
      if (!statSync(folder).isDirectory()) return no(`${folder} is not a folder.`);
    } catch (e) {
      return no((e as NodeJS.ErrnoException).code === 'ENOENT' ? `the folder ${folder} does not exist.` : describeWriteError(e, out));
    }
    removeStaleTempFiles(out);
    return ok({ path: out, inPlace: false });
  }
  if (st.isDirectory()) return no(`it is a folder; give a file name, e.g. ${join(out, 'framework.json')}.`);
  if (!st.isFile()) return ok({ path: out, inPlace: true });
  let path = out;
  try {
    path = realpathSync(out); // through a symbolic link: replace the file it points at, not the link
  } catch {
    // keep the name given
  }
  if ((st.mode & 0o222) === 0) return no('the file is read-only; make it writable (or remove it) to replace it.');
  removeStaleTempFiles(path);
  return ok({ path, inPlace: false, mode: st.mode & 0o7777 });
}

/** True when the two paths name the same existing file (through links too). */
export function isSameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** A failed write in words, from the system's error code (never the name of the temp file). */
export function describeWriteError(e: unknown, out?: string): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const folder = out !== undefined ? dirname(out) : undefined;
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full (ENOSPC).';
    case 'EDQUOT':
      return 'the disk quota is used up (EDQUOT).';
    case 'EROFS':
      return 'the disk is read-only (EROFS).';
    case 'EFBIG':
      return 'the file is too large for this disk (EFBIG).';
    case 'EIO':
      return 'the disk reported an input/output error (EIO).';
    case 'EACCES':
    case 'EPERM':
      return folder !== undefined ? `permission denied: the folder ${folder} is not writable for you (${code}).` : `permission denied (${code}).`;
    case 'ENOENT':
      return folder !== undefined ? `the folder ${folder} does not exist (ENOENT).` : 'no such file or folder (ENOENT).';
    case 'EISDIR':
      return 'it is a folder (EISDIR).';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder (ENOTDIR).';
    default: {
      const m = (e as Error | undefined)?.message ?? String(e);
      // Never show the temp file's name: the user did not give it.
      return m.replace(/,? ?(open|rename|write|fsync|close) '[^']*'( -> '[^']*')?/g, '').trim() || String(code);
    }
  }
}

/**
 * The largest input the CLI reads: the longest string Node.js can hold (~512 MB; a UTF-8 file of at most
 * that many bytes decodes to at most that many characters). Larger than the app's limit
 * (`MAX_FILE_BYTES`, 200 MB, which bounds what a window holds) so that `import` reads back what `export`
 * streams out: a CASE package of a 20,000-competency framework is ~280 MB.
 */
export const CLI_MAX_INPUT_BYTES = bufferConstants.MAX_STRING_LENGTH;

/**
 * Reads a UTF-8 text file with a clear message for each way it can fail. A file that is not UTF-8 is
 * refused with where its first other byte is (line, column, the text around it), never read with "�" in
 * place of its letters: typically a CSV Excel saved as "CSV (Comma delimited)", in the Windows code page.
 * UTF-16 is decoded, by its byte order mark or, without one, where its zero bytes leave no doubt;
 * workbooks and binary files are handed on as text, for the readers to name them.
 */
export async function readTextFile(path: string): Promise<Result<string>> {
  if (path === '-') return readStandardInput();
  try {
    const s = await stat(path);
    if (s.isDirectory()) return fail('is-directory', `${path} is a folder, not a file.`);
    if (s.size > CLI_MAX_INPUT_BYTES) {
      return fail(
        'too-large',
        `${path} is ${(s.size / 1024 / 1024).toFixed(0)} MB; the command line reads files of up to ${Math.floor(CLI_MAX_INPUT_BYTES / 1024 / 1024)} MB (the longest text Node.js can hold).`,
      );
    }
    // UTF-16 with its byte order mark (Windows PowerShell's `>`, Notepad's "Unicode", Excel's "Unicode text"),
    // or without one where its zero bytes leave no doubt, is read as such. Anything else not UTF-8 is refused
    // with where (src-core's decodeText).
    return readUtf8Text(await readFile(path), path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('not-found', `${path}: no such file.`);
    if (code === 'EACCES' || code === 'EPERM') return fail('not-readable', `${path}: permission denied.`);
    return fail('not-readable', `${path}: ${(e as Error).message}`);
  }
}

/** An input as messages and reports name it: `-` is standard input. */
export function inputSource(path: string): string {
  return path === '-' ? 'standard input' : path;
}

let standardInputRead = false;

/**
 * `-` as an input: everything piped into standard input (`curl … | progressions validate -`), read as a file
 * is (UTF-8, or UTF-16 as `decodeUtf16` finds it; within the same size limit). It can be read once per run, and a
 * terminal (nothing piped in) is refused rather than waited on.
 */
async function readStandardInput(): Promise<Result<string>> {
  const name = 'standard input ("-")';
  if (standardInputRead) return fail('stdin-twice', `${name} can be read only once in a run; give the other input as a file.`);
  standardInputRead = true;
  if (process.stdin.isTTY) return fail('no-stdin', `${name}: nothing is piped into it; pipe the file in (e.g. \`curl … | progressions validate -\`) or give its path.`);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > CLI_MAX_INPUT_BYTES) {
        process.stdin.destroy();
        return fail('too-large', `${name} is larger than ${Math.floor(CLI_MAX_INPUT_BYTES / 1024 / 1024)} MB, the most the command line reads (the longest text Node.js can hold).`);
      }
      chunks.push(chunk);
    }
  } catch (e) {
    return fail('not-readable', `${name}: ${(e as Error).message}`);
  }
  return readUtf8Text(Buffer.concat(chunks), name);
}

/** Tiny ANSI helpers; no colour unless `on`. */
export function colors(on: boolean) {
  const wrap = (c: number) => (s: string) => (on ? `\u001b[${c}m${s}\u001b[0m` : s);
  return { red: wrap(31), yellow: wrap(33), green: wrap(32), cyan: wrap(36), dim: wrap(2), bold: wrap(1) };
}
