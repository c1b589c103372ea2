import { promises as fs, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicFs } from '../../src-main/services/atomicWrite';
import { tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Real file calls, except that copying a file fills the disk half-way through. */
const diskFullOnCopy: AtomicFs = {
  open: (p, flags, mode) => fs.open(p, flags, mode),
  rename: (a, b) => fs.rename(a, b),
  unlink: (p) => fs.unlink(p),
  stat: (p) => fs.stat(p),
  copyFile: async (from, to) => {
    const data = await fs.readFile(from);
    await fs.writeFile(to, data.subarray(0, Math.floor(data.length / 2)));
    throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
  },
};

describe('the .bak kept by a save', () => {
  it('a disk that fills up while the backup is copied leaves the earlier .bak whole (and the file as it was)', async () => {
    const target = join(dir, 'plan.progressions');
    writeFileSync(target, 'version 2 — the one on disk');
    writeFileSync(`${target}.bak`, 'version 1 — the backup from the save before');
    await expect(writeFileAtomic(target, 'version 3 — not saved', { backup: true, fs: diskFullOnCopy })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(target, 'utf8')).toBe('version 2 — the one on disk');
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe('version 1 — the backup from the save before');
    expect(readdirSync(dir).sort()).toEqual(['plan.progressions', 'plan.progressions.bak']);
  });

  it('a normal save still keeps the previous version as .bak', async () => {
    const target = join(dir, 'plan.progressions');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, 'new', { backup: true });
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe('old');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['plan.progressions', 'plan.progressions.bak']);
  });
});
