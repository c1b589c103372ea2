import { promises as nodeFs, watch as nodeWatch } from 'node:fs';
import { writeFileAtomic, type AtomicFs } from './atomicWrite';

/** What the desktop services need from the file system; tests pass fakes to inject failures. */
export interface FileSystem {
  /** `mode`: permission bits where the system has them (a file without any write bit is read-only). */
  /** `dev` and `ino` identify the file where the system numbers its files (0 or absent where it does not). */
  stat(path: string): Promise<{ size: number; mtimeMs: number; mode?: number; dev?: number; ino?: number; isFile(): boolean; isDirectory(): boolean }>;
  /** The path with links and `..` resolved (absent in fakes that do not care: paths are then taken as given). */
  realpath?(path: string): Promise<string>;
  readText(path: string): Promise<string>;
  /** The file's bytes, to read in the encoding they are in (absent in fakes: their text is then read as UTF-8). */
  readBytes?(path: string): Promise<Uint8Array>;
  /** Atomic replace (temp file + fsync + rename); with `backup` the old file is kept as `<path>.bak`. */
  writeAtomic(path: string, data: string | Uint8Array, options?: { backup?: boolean }): Promise<void>;
  mkdir(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  unlink(path: string): Promise<void>;
}

/** Stops a watch. */
export type Unwatch = () => void;

/** Watches a folder and reports the names of entries that change in it (node's `fs.watch`). */
export type WatchFolder = (folder: string, onChange: (fileName: string | null) => void) => Unwatch;

/**
 * The real file system. `atomicFs` lets a test swap the low-level calls of the atomic write
 * (to fail in the middle of a write) while everything else stays real.
 */
export function nodeFileSystem(options: { atomicFs?: AtomicFs } = {}): FileSystem {
  return {
    stat: (path) => nodeFs.stat(path),
    realpath: (path) => nodeFs.realpath(path),
    readText: (path) => nodeFs.readFile(path, 'utf8'),
    readBytes: (path) => nodeFs.readFile(path),
    writeAtomic: (path, text, o) => writeFileAtomic(path, text, { backup: o?.backup, fs: options.atomicFs }),
    mkdir: async (path) => {
      await nodeFs.mkdir(path, { recursive: true });
    },
    readdir: (path) => nodeFs.readdir(path),
    unlink: (path) => nodeFs.unlink(path),
  };
}

/** `fs.watch` on a folder; errors (folder removed, too many watchers) just end the watch. */
export const nodeWatchFolder: WatchFolder = (folder, onChange) => {
  try {
    const w = nodeWatch(folder, { persistent: false }, (_event, name) => onChange(name === null ? null : String(name)));
    w.on('error', () => w.close());
    return () => w.close();
  } catch {
    return () => undefined;
  }
};

/** A user-facing sentence for a failed file operation, from the OS error code. */
export function describeFsError(e: unknown, action: 'save' | 'read'): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
      return 'The disk is full.';
    case 'EDQUOT':
      return 'Your disk quota is used up.';
    case 'EROFS':
      return 'The disk or folder is read-only.';
    case 'EACCES':
    case 'EPERM':
      return action === 'save' ? 'You do not have permission to write in that folder (or the file is read-only).' : 'You do not have permission to read the file.';
    case 'ENOENT':
      return action === 'save' ? 'The folder no longer exists.' : 'The file no longer exists.';
    case 'EISDIR':
      return 'That is a folder, not a file.';
    case 'EBUSY':
      return 'The file is locked by another program.';
    case 'EMFILE':
    case 'ENFILE':
      return 'Too many files are open.';
    default:
      return (e as Error | undefined)?.message ?? String(e);
  }
}
