import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomicStreaming, type AtomicStreamFs } from '../../src-main/services/atomicStream';

const dir = () => mkdtempSync(join(tmpdir(), 'atomic-stream-'));

describe('writeFileAtomicStreaming', () => {
  it('writes every chunk, multi-byte text included, through a small buffer', () => {
    const d = dir();
    const target = join(d, 'out.json');
    const chunks = Array.from({ length: 500 }, (_, i) => `chunk ${i} — “é”🙂\n`);
    writeFileAtomicStreaming(target, (write) => chunks.forEach(write), { bufferBytes: 64 });
    expect(readFileSync(target, 'utf8')).toBe(chunks.join(''));
    expect(readdirSync(d)).toEqual(['out.json']); // no temp file left
  });

  it('writes chunks larger than the buffer', () => {
    const target = join(dir(), 'big.txt');
    const big = 'x'.repeat(100_000);
    writeFileAtomicStreaming(target, (write) => {
      write('a');
      write(big);
      write('b');
    }, { bufferBytes: 1024 });
    expect(readFileSync(target, 'utf8')).toBe(`a${big}b`);
  });

  it('leaves the old file untouched and no temp file when the producer fails', () => {
    const d = dir();
    const target = join(d, 'out.json');
    writeFileSync(target, 'old');
    expect(() =>
      writeFileAtomicStreaming(target, (write) => {
        write('new, half');
        throw new Error('producer broke');
      }),
    ).toThrow('producer broke');
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(d)).toEqual(['out.json']);
  });

  it('leaves the old file untouched when the disk write fails', () => {
    const d = dir();
    const target = join(d, 'out.json');
    writeFileSync(target, 'old');
    const failing: AtomicStreamFs = {
      ...(fs as unknown as AtomicStreamFs),
      openSync: fs.openSync,
      closeSync: fs.closeSync,
      unlinkSync: fs.unlinkSync,
      renameSync: fs.renameSync,
      fsyncSync: fs.fsyncSync,
      writeSync: () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    expect(() => writeFileAtomicStreaming(target, (write) => write('new'), { fs: failing })).toThrow(/ENOSPC/);
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(d)).toEqual(['out.json']);
  });

  it('fails when the folder does not exist', () => {
    expect(() => writeFileAtomicStreaming(join(dir(), 'missing', 'out.json'), (w) => w('x'))).toThrow(/ENOENT/);
  });
});
