import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src-main/services/atomicWrite';

/** The app's Save (and `import -o`) replace a file through a temp file and a rename: its permissions must survive. */
describe('writeFileAtomic keeps the permissions of the file it replaces', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qaC-mode-'));

  it('a private file (0600) stays private, a group-writable one (0664) stays so', async () => {
    for (const mode of [0o600, 0o664]) {
      const file = join(dir, `f-${mode.toString(8)}.json`);
      writeFileSync(file, 'old');
      chmodSync(file, mode);
      await writeFileAtomic(file, 'new', { backup: true });
      expect(readFileSync(file, 'utf8')).toBe('new');
      expect(statSync(file).mode & 0o777).toBe(mode);
    }
  });

  it('a new file gets the usual 0644 (less the umask)', async () => {
    const file = join(dir, 'new.json');
    await writeFileAtomic(file, 'x');
    expect(statSync(file).mode & 0o777).toBe(0o644 & ~process.umask());
  });
});
