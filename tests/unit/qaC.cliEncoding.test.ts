import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './helpers/cli';

/**
 * A district's spreadsheet saved by Excel as "CSV (Comma delimited)" is in the Windows code page
 * (Windows-1252), not UTF-8: é is the byte E9, curly quotes 93/94, an en dash 96.
 */
const root = join(import.meta.dirname, '../..');
const example = join(root, 'resources/examples/grade3-5-fractions.json');
const tmp = mkdtempSync(join(tmpdir(), 'qaC-enc-'));
const cli = (args: string[]) => runCliCaptured(args, { disk: true });

/** `text` encoded as Windows-1252 (only the characters this test uses outside ASCII). */
function windows1252(text: string): Buffer {
  const map: Record<string, number> = { é: 0xe9, '“': 0x93, '”': 0x94, '–': 0x96 };
  return Buffer.from([...text].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}

const competencies = 'Code,Statement,Prerequisites\r\nFR.1,Partition a whole into equal parts,\r\nFR.2,Explain why “one fourth” is one of four equal parts – a fraction of the whole,FR.1\r\n';
const standards = 'code,statement\r\nS.1,Understand a fraction 1/b\r\nS.2,Compare two fractions – with the same numérateur\r\n';

describe('a CSV in the Windows code page (Excel\'s "CSV (Comma delimited)")', () => {
  it('import refuses it (exit 2) naming the line, column and text, instead of writing "�" for its letters', async () => {
    const file = join(tmp, 'competencies-ansi.csv');
    writeFileSync(file, windows1252(competencies));
    const out = join(tmp, 'imported.json');
    const r = await cli(['import', file, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/competencies-ansi\.csv: line 3, column 18 \(.*one fourth.*\): this file is not UTF-8 text/);
    expect(r.stderr).toMatch(/save it as "CSV UTF-8 \(comma delimited\)"/);
    expect(existsSync(out)).toBe(false);
  });

  it('the same sheet saved as CSV UTF-8 imports with its quotes and dashes intact', async () => {
    const file = join(tmp, 'competencies-utf8.csv');
    writeFileSync(file, `\ufeff${competencies}`);
    const out = join(tmp, 'imported-utf8.json');
    const r = await cli(['import', file, '-o', out, '--quiet']);
    expect(r.code).toBe(0);
    const saved = readFileSync(out, 'utf8');
    expect(saved).toContain('Explain why “one fourth” is one of four equal parts – a fraction of the whole');
    expect(saved).not.toContain('\ufffd');
  });

  it('validate --standards and plan --progress refuse it too, by line and column (exit 2)', async () => {
    const std = join(tmp, 'standards-ansi.csv');
    writeFileSync(std, windows1252(standards));
    const v = await cli(['validate', example, '--standards', std, '--json']);
    expect(v.code).toBe(2);
    expect(v.stdout).toBe('');
    expect(v.stderr).toMatch(/--standards .*standards-ansi\.csv: line 3, column 27 .*not UTF-8 text/);

    const progress = join(tmp, 'progress-ansi.csv');
    writeFileSync(progress, windows1252('learner,name,competency,phase,date,evidence\r\nmaya,Renée,FR.3.1,Proficient,2026-09-15,\r\n'));
    const p = await cli(['plan', example, '--progress', progress]);
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/progress-ansi\.csv: line 2, column 9 .*not UTF-8 text/);
  });

  it('a framework file in the Windows code page is refused with a JSON word, not a spreadsheet one', async () => {
    const file = join(tmp, 'framework-ansi.json');
    writeFileSync(file, windows1252(readFileSync(example, 'utf8').replace(/[^\x00-\x7f]/g, (c) => (c === '–' ? c : '-'))));
    const r = await cli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/framework-ansi\.json: line \d+, column \d+ .*not UTF-8 text.*save it as UTF-8/);
    expect(r.stderr).not.toMatch(/CSV UTF-8/);
  });

  it('a workbook is still named as such', async () => {
    const book = join(tmp, 'sheet.xlsx');
    writeFileSync(book, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xff, 0xfe, 0x80, 0x81]));
    expect((await cli(['import', book])).stderr).toMatch(/Excel or OpenDocument workbook/);
  });
});

describe('UTF-16 with its byte order mark (Windows PowerShell `>`, Notepad "Unicode", Excel "Unicode text")', () => {
  it('a framework file written by PowerShell `export … --format json > out.json` is read (it was "not text … not a CSV")', async () => {
    for (const [name, bytes] of [
      ['le.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(example, 'utf8'), 'utf16le')])],
      ['be.json', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(readFileSync(example, 'utf8'), 'utf16le').swap16()])],
    ] as const) {
      const file = join(tmp, name);
      writeFileSync(file, bytes);
      const r = await cli(['validate', file]);
      expect(r.code, name).toBe(0);
      expect(r.stdout).toMatch(/Grade 3–5 Fractions Progression: valid/);
    }
  });

  it('Excel\'s "Unicode text" (tab-separated UTF-16) imports, accents intact', async () => {
    const file = join(tmp, 'unicode.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('code\tstatement\r\nS.1\tFractions – numérateur\r\n', 'utf16le')]));
    const r = await cli(['import', file, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Fractions – numérateur');
  });
});


describe('UTF-16 JSON reaching core undecoded (Open… in the app)', () => {
  it('is named as UTF-16 with how to save it as UTF-8, not as binary data or a spreadsheet', async () => {
    const { notTextProblem } = await import('../../src-core/csv/notCsv');
    const asUtf8 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{\n  "format": "progressions.framework"\n}', 'utf16le')]).toString('utf8');
    const p = notTextProblem(asUtf8);
    expect(p?.message).toMatch(/^This file is saved as UTF-16 \("Unicode"\), not as UTF-8: save it as UTF-8/);
    expect(p?.message).not.toMatch(/CSV|spreadsheet|binary/);
  });
});
