import { randomBytes } from 'node:crypto';
import * as realFs from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The synchronous file-system calls a streaming atomic write needs; tests pass a fake to inject failures. */
export interface AtomicStreamFs {
  openSync(path: string, flags: string, mode?: number): number;
  writeSync(fd: number, data: Uint8Array): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  /** Sets the new file's permissions exactly (optional: fakes may leave it out). */
  fchmodSync?(fd: number, mode: number): void;
}

export interface AtomicStreamOptions {
  fs?: AtomicStreamFs;
  /** Bytes gathered before each write to disk (default 1 MiB). */
  bufferBytes?: number;
  /** Permissions of the new file (default 0o644): pass the old file's to keep them. */
  mode?: number;
  /**
   * Write into `target` itself, no temp file and no rename: for a device or a pipe (`/dev/stdout`,
   * `/dev/null`, a FIFO), which must never be replaced by a regular file.
   */
  inPlace?: boolean;
}

/**
 * Writes what `produce` emits, chunk by chunk, to `target` so that the file on disk is always either
 * the old or the complete new version: the chunks go to a temp file in the same folder (through a
 * fixed-size buffer, so memory stays bounded however much is written), which is flushed to disk and
 * then renamed over the target. If `produce` or any write throws, the temp file is removed, the
 * target is untouched and the error is rethrown. Synchronous, because producers such as
 * `writeCasePackage` emit through a synchronous sink.
 */
export function writeFileAtomicStreaming(target: string, produce: (write: (chunk: string) => void) => void, options: AtomicStreamOptions = {}): void {
  const fs = options.fs ?? (realFs as unknown as AtomicStreamFs);
  const size = options.bufferBytes ?? 1024 * 1024;
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const buffer = Buffer.allocUnsafe(size);
  let used = 0;
  let fd: number | undefined;
  const flush = () => {
    let off = 0;
    while (off < used) off += fs.writeSync(fd!, buffer.subarray(off, used));
    used = 0;
  };
  if (options.inPlace) {
    fd = fs.openSync(target, 'w');
    try {
      produce((chunk) => {
        if (chunk.length === 0) return;
        const bytes = Buffer.from(chunk, 'utf8');
        let off = 0;
        while (off < bytes.length) off += fs.writeSync(fd!, bytes.subarray(off));
      });
    } finally {
      fs.closeSync(fd);
    }
    return;
  }
  try {
    fd = fs.openSync(tmp, 'wx', options.mode ?? 0o644);
    if (options.mode !== undefined) fs.fchmodSync?.(fd, options.mode);
    produce((chunk) => {
      if (chunk.length === 0) return;
      // Worst case 3 bytes per UTF-16 unit; large chunks bypass the buffer.
      if (chunk.length * 3 > size) {
        flush();
        const bytes = Buffer.from(chunk, 'utf8');
        let off = 0;
        while (off < bytes.length) off += fs.writeSync(fd!, bytes.subarray(off));
        return;
      }
      if (used + chunk.length * 3 > size) flush();
      used += buffer.write(chunk, used, 'utf8');
    });
    flush();
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* nothing to remove */
    }
    throw e;
  }
}

/** How old a temp file of an atomic write must be to count as left by an interrupted one (a live write touches it every second or so). */
export const STALE_TEMP_MS = 5 * 60 * 1000;

/**
 * Removes the temp files an interrupted atomic write of `target` left beside it (`.<name>.<12 hex>.tmp`,
 * the names both atomic writers use), if older than `olderThanMs`: a process killed mid-export (Ctrl-C, a
 * cancelled CI job) cannot clean up, and a 100,000-competency package leaves nearly 1 GB. Returns the names
 * removed; never throws.
 */
export function removeStaleTempFiles(target: string, olderThanMs = STALE_TEMP_MS, now = Date.now()): string[] {
  const dir = dirname(target);
  const prefix = `.${basename(target)}.`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = realFs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length))) continue;
    try {
      const p = join(dir, name);
      const st = realFs.lstatSync(p);
      if (!st.isFile() || now - st.mtimeMs < olderThanMs) continue;
      realFs.unlinkSync(p);
      removed.push(name);
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}
