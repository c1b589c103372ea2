import { basename, dirname, join, resolve } from 'node:path';
import type { FileSystem } from './files';

/**
 * The path a file is known by: symbolic links and `..` resolved, spelled as the file system spells it
 * (the native realpath gives a case-insensitive disk's own spelling). A file that does not exist yet
 * (a Save As target) keeps its name inside its folder's real path; a path nothing resolves stays as given.
 * Saving to this path writes the file a link points at instead of replacing the link with a copy.
 */
export async function canonicalPath(fs: Pick<FileSystem, 'realpath'>, path: string): Promise<string> {
  const p = resolve(path);
  if (!fs.realpath) return p;
  try {
    return await fs.realpath(p);
  } catch {
    // not there (yet): its folder may still be reached through a link
  }
  try {
    return join(await fs.realpath(dirname(p)), basename(p));
  } catch {
    return p;
  }
}

/**
 * Whether two canonical paths name the same file: the same path, or where the file system numbers its
 * files, the same device and inode (two spellings realpath did not bring together, e.g. another case
 * on a case-insensitive disk, or a hard link). A file that is missing is only itself.
 */
export async function isSameFile(fs: Pick<FileSystem, 'stat'>, a: string, b: string): Promise<boolean> {
  if (a === b) return true;
  try {
    const [x, y] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return !!x.ino && !!y.ino && x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}
