import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { makeServices, sampleFramework, tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const W = 1;
/** `text` in Windows-1252 (the characters these tests use outside ASCII). */
function cp1252(text: string): Buffer {
  const map: Record<string, number> = { ë: 0xeb, ú: 0xfa, ñ: 0xf1, é: 0xe9, '“': 0x93, '”': 0x94, '–': 0x96, '€': 0x80 };
  return Buffer.from([...text].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}

describe('files picked for import are read in their encoding (desktop)', () => {
  it('a progress CSV saved by Excel in the Windows code page reads with its names intact, and says it was read as Windows-1252', async () => {
    const s = makeServices(dir);
    const p = join(dir, 'class.csv');
    await fs.writeFile(p, cp1252('learner,name,competency,phase,date\r\nzoe,Zoë Núñez,FR.3.1,Proficient,2026-09-15\r\n'));
    s.dialogs.open.push(p);
    expect(await s.docs.pickImport(W, { accept: ['csv', 'json'] })).toEqual({
      ok: true,
      value: { name: 'class.csv', text: 'learner,name,competency,phase,date\r\nzoe,Zoë Núñez,FR.3.1,Proficient,2026-09-15\r\n', encoding: 'windows-1252' },
    });
  });

  it('UTF-8 with a byte order mark, and UTF-16 by its mark', async () => {
    const s = makeServices(dir);
    await fs.writeFile(join(dir, 'bom.csv'), `\ufeffcode,statement\nA.1,“Zoë” – €5\n`);
    await fs.writeFile(join(dir, 'unicode.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('code,statement\nA.1,Núñez\n', 'utf16le')]));
    s.dialogs.open.push(join(dir, 'bom.csv'), join(dir, 'unicode.txt'));
    expect(await s.docs.pickImport(W, { accept: ['csv'] })).toEqual({ ok: true, value: { name: 'bom.csv', text: 'code,statement\nA.1,“Zoë” – €5\n', encoding: 'utf-8-bom' } });
    expect(await s.docs.pickImport(W, { accept: ['csv', 'txt'] })).toEqual({ ok: true, value: { name: 'unicode.txt', text: 'code,statement\nA.1,Núñez\n', encoding: 'utf-16le' } });
  });

  it('a CASE package (JSON) that is not UTF-8 is refused with where and what, as the command line does', async () => {
    const s = makeServices(dir);
    await fs.writeFile(join(dir, 'case.json'), cp1252('{\n  "CFDocument": {\n    "title": "Mathématiques"\n  }\n}\n'));
    s.dialogs.open.push(join(dir, 'case.json'));
    const r = await s.docs.pickImport(W, { accept: ['json'] });
    expect(!r.ok && r.error.code).toBe('not-utf8');
    expect(!r.ok && r.error.message).toMatch(/^case\.json: line 3, column 19 \(.*Math.*\): this file is not UTF-8 text.* Framework files and CASE packages are UTF-8/);
  });

  it('the size limit still holds, counted in bytes', async () => {
    const s = makeServices(dir, { maxBytes: 40 });
    await fs.writeFile(join(dir, 'big.csv'), cp1252(`code,statement\n${'é'.repeat(60)}\n`));
    s.dialogs.open.push(join(dir, 'big.csv'));
    const r = await s.docs.pickImport(W, { accept: ['csv'] });
    expect(!r.ok && r.error.code).toBe('too-large');
  });
});

describe('a framework file to open must be UTF-8', () => {
  it('one in the Windows code page is refused, saying where, instead of opening with "�" in its titles', async () => {
    const s = makeServices(dir);
    const good = join(dir, 'plan.progressions');
    const text = serializeFramework(sampleFramework('Mathématiques – “fractions”'));
    await fs.writeFile(good, text);
    const bad = join(dir, 'ansi.progressions');
    await fs.writeFile(bad, cp1252(text));
    const r = await s.docs.openPath(W, bad);
    expect(!r.ok && r.error.code).toBe('not-utf8');
    expect(!r.ok && r.error.message).toMatch(/^Cannot open "ansi\.progressions": line \d+, column \d+ \(.*Math.*\): this file is not UTF-8 text.*save it as UTF-8/);
    const opened = await s.docs.openPath(W, good);
    expect(opened.ok && opened.value.text).toBe(text);
  });
});
