import { randomBytes } from 'node:crypto';
import { promises as realFs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file-system calls an atomic write needs; tests pass a fake to inject failures. */
export interface AtomicFs {
  open(path: string, flags: string, mode?: number): Promise<{
    writeFile(data: string | Uint8Array): Promise<void>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  stat(path: string): Promise<{ isFile(): boolean }>;
}

export interface AtomicWriteOptions {
  /** Keep the previous version beside the file as `<name>.bak`. */
  backup?: boolean;
  /** Permissions of the new file (default 0o644, less the umask): pass the old file's to keep them. */
  mode?: number;
  fs?: AtomicFs;
}

/**
 * Writes `data` to `target` so that the file on disk is always either the old or the new version:
 * write a temp file in the same folder, flush it to disk, then rename it over the target. With
 * `backup`, the old file is first copied to `<target>.bak`. On any failure the temp file is removed
 * and the error is thrown with the target untouched.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? (realFs as unknown as AtomicFs);
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: Awaited<ReturnType<AtomicFs['open']>> | undefined;
  try {
    handle = await fs.open(tmp, 'wx', options.mode ?? 0o644);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (options.backup) {
      const exists = await fs.stat(target).then((s) => s.isFile(), () => false);
      if (exists) await fs.copyFile(target, `${target}.bak`);
    }
    await fs.rename(tmp, target);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  }
}
