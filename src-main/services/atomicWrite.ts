import { randomBytes } from 'node:crypto';
import { promises as realFs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file-system calls an atomic write needs; tests pass a fake to inject failures. */
export interface AtomicFs {
  open(path: string, flags: string, mode?: number): Promise<{
    writeFile(data: string | Uint8Array): Promise<void>;
    /** Sets the permissions exactly, past the umask (optional: fakes may leave it out). */
    chmod?(mode: number): Promise<void>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  stat(path: string): Promise<{ isFile(): boolean; mode?: number }>;
}

export interface AtomicWriteOptions {
  /** Keep the previous version beside the file as `<name>.bak`. */
  backup?: boolean;
  /** Permissions of the new file (default: those of the file it replaces, else 0o644 less the umask). */
  mode?: number;
  fs?: AtomicFs;
}

/**
 * Writes `data` to `target` so that the file on disk is always either the old or the new version:
 * write a temp file in the same folder, flush it to disk, then rename it over the target. With
 * `backup`, the old file is first copied to `<target>.bak` (through a temp copy of its own, so the
 * earlier `.bak` stays whole if the copy fails). The new version keeps the old one's permissions.
 * On any failure the temp file is removed and the error is thrown with the target untouched.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? (realFs as unknown as AtomicFs);
  const tempName = () => join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const tmp = tempName();
  let bakTmp: string | undefined;
  let handle: Awaited<ReturnType<AtomicFs['open']>> | undefined;
  try {
    // Replacing a file keeps its permissions (a private 0600 file must not come back world-readable).
    const old = await fs.stat(target).catch(() => undefined);
    const mode = options.mode ?? (old?.isFile() && typeof old.mode === 'number' ? old.mode & 0o7777 : 0o644);
    handle = await fs.open(tmp, 'wx', mode);
    if (options.mode !== undefined || old?.isFile()) await handle.chmod?.(mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (options.backup) {
      const exists = await fs.stat(target).then((s) => s.isFile(), () => false);
      if (exists) {
        // Copied beside it first, then renamed: a copy cut short (disk full) never replaces the earlier .bak.
        bakTmp = tempName();
        await fs.copyFile(target, bakTmp);
        await fs.rename(bakTmp, `${target}.bak`);
        bakTmp = undefined;
      }
    }
    await fs.rename(tmp, target);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    if (bakTmp) await fs.unlink(bakTmp).catch(() => undefined);
    throw e;
  }
}
