import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from './helpers/cli';

// Every command reads a file Windows PowerShell 5 (`>`) or Notepad ("Unicode") saved as UTF-16 with its byte
// order mark, as the app does; UTF-16 without the mark too where its zero bytes leave no doubt (qa-r), and is
// refused (exit 2) with how to save it as UTF-8 where they do not.
// (The UTF-16 copies keep the originals' names: ids derived from a CSV's name must match.)

const root = join(import.meta.dirname, '../..');
const example = join(root, 'resources/examples/grade3-5-fractions.json');
const utf16 = (path: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), 'utf16le')]);
let dir = '';
const at = (n: string) => join(dir, n);
const cli = (...args: string[]) => runCliCaptured(args, { disk: true });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qa-n-utf16-'));
  writeFileSync(at('grade3-5-fractions.json'), utf16(example));
  writeFileSync(at('grade3-5-fractions.csv'), utf16(join(root, 'tests/fixtures/progress/grade3-5-fractions.csv')));
  writeFileSync(at('state-math-sample.csv'), utf16(join(root, 'tests/fixtures/standards/state-math-sample.csv')));
  writeFileSync(at('sample.case-1.1.json'), utf16(join(root, 'tests/fixtures/case/sample.case-1.1.json')));
  writeFileSync(at('nobom.json'), Buffer.from(readFileSync(example, 'utf8'), 'utf16le'));
  // without the mark, big endian, one stray byte at the end: not unambiguous UTF-16
  writeFileSync(at('odd.json'), Buffer.concat([Buffer.from(readFileSync(example, 'utf8'), 'utf16le').swap16(), Buffer.from([0x0a])]));
  mkdirSync(at('nobom'));
  for (const path of ['tests/fixtures/progress/grade3-5-fractions.csv', 'tests/fixtures/standards/state-math-sample.csv', 'tests/fixtures/case/sample.case-1.1.json']) {
    writeFileSync(at(join('nobom', basename(path))), Buffer.from(readFileSync(join(root, path), 'utf8').replace(/^\uFEFF/, ''), 'utf16le').swap16());
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('UTF-16 inputs on the command line (qa-n)', () => {
  it('every command reads them as the UTF-8 originals', async () => {
    const same = async (args16: string[], args8: string[]) => {
      const a = await cli(...args16);
      const b = await cli(...args8);
      expect(a.code, args16.join(' ')).toBe(b.code);
      expect(a.code, args16.join(' ')).toBe(0);
      expect(a.stdout.replaceAll(dir, '').replaceAll(example, '')).toBe(b.stdout.replaceAll(dir, '').replaceAll(example, ''));
    };
    await same(['stats', at('grade3-5-fractions.json'), '--json'], ['stats', example, '--json']);
    await same(['validate', at('grade3-5-fractions.json'), '--json', '--standards', at('state-math-sample.csv')], ['validate', example, '--json', '--standards', join(root, 'tests/fixtures/standards/state-math-sample.csv')]);
    await same(['export', at('grade3-5-fractions.json'), '--format', 'canvas'], ['export', example, '--format', 'canvas']);
    await same(['plan', at('grade3-5-fractions.json'), '--progress', at('grade3-5-fractions.csv'), '--json'], ['plan', example, '--progress', join(root, 'tests/fixtures/progress/grade3-5-fractions.csv'), '--json']);
    await same(['diff', at('grade3-5-fractions.json'), example, '--json', '--exit-code'], ['diff', example, example, '--json', '--exit-code']);
    await same(['import', at('sample.case-1.1.json'), '--quiet'], ['import', join(root, 'tests/fixtures/case/sample.case-1.1.json'), '--quiet']);
  });

  it('UTF-16 without its byte order mark, little and big endian, is read as the UTF-8 original by every command (qa-r)', async () => {
    const same = async (args16: string[], args8: string[]) => {
      const a = await cli(...args16);
      const b = await cli(...args8);
      expect(a.code, args16.join(' ')).toBe(0);
      expect(a.code, args16.join(' ')).toBe(b.code);
      expect(a.stdout.replaceAll(dir, '').replaceAll(example, '').replaceAll('/nobom/', '/')).toBe(b.stdout.replaceAll(dir, '').replaceAll(example, '').replaceAll(join(root, 'tests/fixtures/standards'), '').replaceAll(join(root, 'tests/fixtures/progress'), '').replaceAll(join(root, 'tests/fixtures/case'), ''));
    };
    const fixture = (p: string) => join(root, p);
    await same(['stats', at('nobom.json'), '--json'], ['stats', example, '--json']);
    await same(['validate', at('nobom.json'), '--json', '--standards', at('nobom/state-math-sample.csv')], ['validate', example, '--json', '--standards', fixture('tests/fixtures/standards/state-math-sample.csv')]);
    await same(['export', at('nobom.json'), '--format', 'canvas'], ['export', example, '--format', 'canvas']);
    await same(['plan', at('nobom.json'), '--progress', at('nobom/grade3-5-fractions.csv'), '--json'], ['plan', example, '--progress', fixture('tests/fixtures/progress/grade3-5-fractions.csv'), '--json']);
    await same(['diff', at('nobom.json'), example, '--json', '--exit-code'], ['diff', example, example, '--json', '--exit-code']);
    await same(['import', at('nobom/sample.case-1.1.json'), '--quiet'], ['import', fixture('tests/fixtures/case/sample.case-1.1.json'), '--quiet']);
  });

  it('UTF-16 that is not unambiguous (no mark, an odd number of bytes): exit 2, nothing on stdout, what to do on stderr', async () => {
    for (const args of [['validate', at('odd.json'), '--json'], ['stats', at('odd.json')], ['export', at('odd.json')], ['diff', at('odd.json'), example]]) {
      const r = await cli(...args);
      expect(r.code, args[0]).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/saved as UTF-16 \("Unicode"\), not as UTF-8: save it as UTF-8/);
    }
  });
});
