import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeServices, tempDir } from './helpers';

// Import (desktop) of a CSV some Windows tool wrote as UTF-16 without a byte order mark: read as UTF-16 where
// its zero bytes leave no doubt, and said so under the import summary; handed on undecoded otherwise, for the
// CSV readers to name it (qa-r).

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());
const W = 1;

describe('files picked for import in UTF-16 without a byte order mark (desktop, qa-r)', () => {
  it('little and big endian read with their accents intact, as UTF-16', async () => {
    const s = makeServices(dir);
    const text = 'code\tstatement\r\nA.1\tNúñez – “fractions”\r\n';
    await fs.writeFile(join(dir, 'le.txt'), Buffer.from(text, 'utf16le'));
    await fs.writeFile(join(dir, 'be.csv'), Buffer.from(text, 'utf16le').swap16());
    s.dialogs.open.push(join(dir, 'le.txt'), join(dir, 'be.csv'));
    expect(await s.docs.pickImport(W, { accept: ['csv', 'txt'] })).toEqual({ ok: true, value: { name: 'le.txt', text, encoding: 'utf-16le' } });
    expect(await s.docs.pickImport(W, { accept: ['csv', 'txt'] })).toEqual({ ok: true, value: { name: 'be.csv', text, encoding: 'utf-16be' } });
  });

  it('an odd number of bytes is not read as UTF-16 (the CSV readers name it)', async () => {
    const s = makeServices(dir);
    await fs.writeFile(join(dir, 'odd.csv'), Buffer.concat([Buffer.from('code,statement\nA.1,x\n', 'utf16le'), Buffer.from([0x0a])]));
    s.dialogs.open.push(join(dir, 'odd.csv'));
    const r = await s.docs.pickImport(W, { accept: ['csv'] });
    expect(r.ok && r.value?.encoding).toBe('utf-8');
    expect(r.ok && r.value?.text.startsWith('c\u0000o\u0000d\u0000e')).toBe(true);
  });
});
