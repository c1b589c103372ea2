import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252, encodingNotice, firstNotUtf8, readImportText, readUtf8Text } from '../../src-core/format/decodeText';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => Uint8Array.from(b);
/** UTF-16 code units of `s`, little or big endian, after the byte order mark. */
function utf16(s: string, le: boolean): Uint8Array {
  const out = [le ? 0xff : 0xfe, le ? 0xfe : 0xff];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
}

// "Zoë Núñez", "“quoted” – €5" as Excel's "CSV (Comma delimited)" writes them on Windows (code page 1252)
const ZOE_1252 = bytes(0x5a, 0x6f, 0xeb, 0x20, 0x4e, 0xfa, 0xf1, 0x65, 0x7a);
const QUOTES_1252 = bytes(0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35);

describe('decodeText: a file\'s bytes to text, saying how', () => {
  it('reads UTF-8 as UTF-8', () => {
    expect(decodeText(utf8('learner,name\nzoe,Zoë Núñez\n'))).toEqual({ text: 'learner,name\nzoe,Zoë Núñez\n', encoding: 'utf-8' });
  });

  it('drops a UTF-8 byte order mark and says it was there', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...utf8('Zoë')))).toEqual({ text: 'Zoë', encoding: 'utf-8-bom' });
    // only the first one: a second is text
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41)).text).toBe('\ufeffA');
  });

  it('reads UTF-16 by its byte order mark, little and big endian', () => {
    expect(decodeText(utf16('code,statement\nA.1,Zoë’s “fractions”', true))).toEqual({ text: 'code,statement\nA.1,Zoë’s “fractions”', encoding: 'utf-16le' });
    expect(decodeText(utf16('Núñez', false))).toEqual({ text: 'Núñez', encoding: 'utf-16be' });
  });

  it('reads bytes that are Windows-1252 but not UTF-8 as Windows-1252, 0x80–0x9F included (€, curly quotes, dashes)', () => {
    expect(decodeText(ZOE_1252)).toEqual({ text: 'Zoë Núñez', encoding: 'windows-1252' });
    expect(decodeText(QUOTES_1252)).toEqual({ text: '“quoted” – €5', encoding: 'windows-1252' });
    // every byte is a character; the five the code page leaves undefined stay C1 controls (WHATWG)
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(all).toHaveLength(256);
    expect([...'\u0081\u008d\u008f\u0090\u009d'].every((c) => all.includes(c))).toBe(true);
    expect(all.slice(0x80, 0xa0)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    expect(all.slice(0xa0)).toBe(Array.from({ length: 96 }, (_, i) => String.fromCharCode(0xa0 + i)).join(''));
  });

  it('reads an empty file as empty UTF-8 text', () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' });
    expect(decodeText(bytes(0xef, 0xbb, 0xbf))).toEqual({ text: '', encoding: 'utf-8-bom' });
  });

  it('any text saved as UTF-8 (with or without a byte order mark) reads back as itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.boolean(), (s, bom) => {
        const encoded = utf8(s);
        const d = decodeText(bom ? bytes(0xef, 0xbb, 0xbf, ...encoded) : encoded);
        // a text that itself starts with U+FEFF saved without a mark reads as a marked one: the same text less its mark
        if (!bom && s.startsWith('\ufeff')) return d.encoding === 'utf-8-bom' && d.text === s.slice(1);
        return d.text === s && d.encoding === (bom ? 'utf-8-bom' : 'utf-8');
      }),
      { numRuns: 500 },
    );
  });

  it('any bytes decode to some text without throwing, one character per byte when read as Windows-1252', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        const d = decodeText(b);
        return typeof d.text === 'string' && (d.encoding !== 'windows-1252' || d.text.length === b.length);
      }),
    );
  });
});

describe('the notice the page shows', () => {
  it('names the guess and what to check for Windows-1252; nothing for UTF-8', () => {
    expect(encodingNotice('windows-1252')).toMatch(/^Read as Windows-1252 \(Western European\), the code page Excel uses for "CSV \(Comma delimited\)": check the accented names look right\./);
    expect(encodingNotice('utf-8')).toBeNull();
    expect(encodingNotice('utf-8-bom')).toBeNull();
    expect(encodingNotice(undefined)).toBeNull();
    expect(encodingNotice('utf-16le')).toMatch(/UTF-16/);
  });
});

describe('firstNotUtf8: where a file stops being UTF-8', () => {
  it('gives the line, the column and the text around the first byte that is not', () => {
    const b = bytes(...utf8('learner,name\r\nzoe,Zo'), 0xeb, ...utf8(' N'), 0xfa, 0xf1, ...utf8('ez\r\n'));
    expect(firstNotUtf8(b)).toEqual({ line: 2, column: 7, around: 'zoe,Zo\ufffd N\ufffd\ufffdez' });
    expect(firstNotUtf8(utf8('all fine – “yes”'))).toBeNull();
  });

  it('skips a "�" the file really holds (its three UTF-8 bytes) before the bad byte', () => {
    const b = bytes(...utf8('a\ufffdb\n😀c'), 0x96, ...utf8('d'));
    expect(firstNotUtf8(b)).toMatchObject({ line: 2, column: 4 });
  });
});

describe('readUtf8Text (framework files, CASE packages, the command line) and readImportText (files picked for import)', () => {
  const json1252 = bytes(...utf8('{"title": "Zo'), 0xeb, ...utf8('"}'));

  it('a framework or CASE file that is not UTF-8 is refused, with where and what', () => {
    const r = readUtf8Text(json1252, 'plan.json');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toBe(
      'plan.json: line 1, column 14 (“{"title": "Zo\ufffd"}”): this file is not UTF-8 text, so its accented letters, curly quotes and dashes would be misread. Framework files and CASE packages are UTF-8: save it as UTF-8 and try again.',
    );
    expect(readImportText(json1252, 'case.json').ok).toBe(false);
  });

  it('a CSV in the Windows code page is refused by the strict reader and read, saying so, for import', () => {
    const csv = bytes(...utf8('learner,name\nzoe,'), ...ZOE_1252, 0x0a);
    const strict = readUtf8Text(csv, 'class.csv');
    expect(!strict.ok && strict.error.message).toMatch(/^class\.csv: line 2, column 7 .*save it as "CSV UTF-8 \(comma delimited\)" instead/);
    expect(readImportText(csv, 'class.csv')).toEqual({ ok: true, value: { text: 'learner,name\nzoe,Zoë Núñez\n', encoding: 'windows-1252' } });
  });

  it('UTF-8 (a byte order mark kept for the readers by the strict one) and UTF-16 pass both', () => {
    expect(readUtf8Text(bytes(0xef, 0xbb, 0xbf, ...utf8('{}')), 'a.json')).toEqual({ ok: true, value: '\ufeff{}' });
    expect(readUtf8Text(utf16('{}', true), 'a.json')).toEqual({ ok: true, value: '{}' });
    expect(readImportText(utf16('a,b', false), 'a.csv')).toEqual({ ok: true, value: { text: 'a,b', encoding: 'utf-16be' } });
  });

  it('a workbook is handed on as text for the readers to name, not read as Windows-1252', () => {
    const xlsx = bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0xff, 0xfe, 0x93);
    const r = readImportText(xlsx, 'class.xlsx');
    expect(r.ok && r.value.text.startsWith('PK\u0003\u0004')).toBe(true);
    expect(r.ok && r.value.encoding).toBe('utf-8');
    expect(readUtf8Text(xlsx, 'class.xlsx').ok).toBe(true);
  });
});
