import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCompetencyCsv } from '../../src-core/csv/competencyCsv';
import { readStandardsCsv, sniffStandardsCsv } from '../../src-core/csv/standardsCsv';
import { decodeText, decodeUtf16, encodingNotice, readImportText, readUtf8Text, utf16WithoutBom } from '../../src-core/format/decodeText';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import { readFrameworkAny } from '../../src-core/formats/readAny';
import { importProgressCsv } from '../../src-core/progress/csv';

// Some Windows tools and exports write UTF-16 LE (or BE) without a byte order mark. Where the zero bytes of
// its first characters leave no doubt it is read as UTF-16; anything ambiguous or binary is still refused
// with what it is; a UTF-8 or Windows-1252 text is never taken for it.

const root = join(import.meta.dirname, '../..');
const fixture = (p: string) => readFileSync(join(root, p), 'utf8').replace(/^\uFEFF/, '');
/** `s` as UTF-16 code units, little or big endian, without a byte order mark. */
function utf16(s: string, le = true): Uint8Array {
  const b = Buffer.from(s, 'utf16le');
  if (!le) b.swap16();
  return new Uint8Array(b);
}
const utf8 = (s: string) => new TextEncoder().encode(s);
/** A reader's result as JSON, its generated ids and timestamps numbered by first appearance (they are new on every read). */
function shape(v: unknown): string {
  const seen = new Map<string, number>();
  return JSON.stringify(v).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d\d-\d\dT[\d:.]+Z/g, (m) => {
    if (!seen.has(m)) seen.set(m, seen.size);
    return `#${seen.get(m)}`;
  });
}

describe('UTF-16 without a byte order mark (qa-r)', () => {
  it('reads JSON and CSV text, little and big endian, accents, curly quotes and emoji intact', () => {
    for (const text of ['{\n  "title": "Zoë’s “fractions” 🍰"\n}\n', 'code,statement\r\nA.1,Núñez – €5\r\n', 'code\tstatement\nS.1\tnumérateur\n', '[1,2]', '"a"']) {
      for (const le of [true, false]) {
        const encoding = le ? 'utf-16le' : 'utf-16be';
        expect(utf16WithoutBom(utf16(text, le)), `${encoding} ${JSON.stringify(text)}`).toEqual({ text, encoding });
        expect(decodeText(utf16(text, le))).toEqual({ text, encoding });
        expect(readImportText(utf16(text, le), 'f')).toEqual({ ok: true, value: { text, encoding } });
        expect(readUtf8Text(utf16(text, le), 'f')).toEqual({ ok: true, value: text });
      }
    }
    // a mark still wins, and is dropped
    expect(decodeUtf16(Uint8Array.from([0xff, 0xfe, ...utf16('{}')]))).toEqual({ text: '{}', encoding: 'utf-16le' });
    expect(encodingNotice('utf-16le')).toBe('Read as UTF-16 ("Unicode text"), as the file’s first bytes show.');
  });

  it('reads a text that is mostly not Latin (Greek, Chinese) once its first character and a quarter of the rest are', () => {
    const greek = 'code,statement\nΜ.1,Κλάσματα και δεκαδικοί αριθμοί\n';
    expect(decodeText(utf16(greek))).toEqual({ text: greek, encoding: 'utf-16le' });
    const json = JSON.stringify({ title: '分数与小数', code: 'M.1' }, null, 2);
    expect(decodeText(utf16(json, false))).toEqual({ text: json, encoding: 'utf-16be' });
  });

  it('refuses what is ambiguous or binary: the readers then say what the file is', () => {
    const ambiguous: [string, Uint8Array][] = [
      ['one character', utf16('{')],
      ['an odd number of bytes', Uint8Array.from([...utf16('code,statement\n'), 0x41])],
      ['a first character that is not Latin', utf16('分数,小数\n分数,小数\n')],
      ['mostly characters that are not Latin', utf16('a分数小数分数小数分数小数分数小数')],
      ['a NUL character', utf16('code\u0000statement')],
      ['control characters (binary data)', utf16('ab\u0001\u0002\u0003')],
      ['an unpaired surrogate', utf16('{"a": "\ud800"}')],
      ['UTF-32', Uint8Array.from(Buffer.from('7b0000002200000061000000', 'hex'))],
      ['binary data', Uint8Array.from([0x41, 0x00, 0x00, 0x00, 0xff, 0x13])],
    ];
    for (const [what, bytes] of ambiguous) {
      expect(utf16WithoutBom(bytes), what).toBeNull();
      expect(decodeText(bytes).encoding, what).not.toMatch(/utf-16/);
    }
    // still named, with how to save the file (not read as a one-column table or garbled JSON)
    const odd = Uint8Array.from([...utf16('code,statement\nA.1,x\n'), 0x0a]);
    const csv = readImportText(odd, 'odd.csv');
    const read = csv.ok ? sniffStandardsCsv(csv.value.text) : csv;
    expect(!read.ok && read.error.message).toMatch(/^This file is saved as UTF-16 \("Unicode text"\), not as a CSV in UTF-8/);
    const json = readUtf8Text(Uint8Array.from([...utf16('{"format": "progressions.framework"}'), 0x0a]), 'odd.json');
    const loaded = json.ok ? loadFrameworkText(json.value) : json;
    expect(!loaded.ok && loaded.error.message).toMatch(/^This file is saved as UTF-16 \("Unicode"\), not as UTF-8: save it as UTF-8/);
  });

  it('never fires on UTF-8 text (any text without a NUL character), with or without its mark', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }).filter((s) => !s.includes('\u0000')), fc.boolean(), (s, bom) => {
        const bytes = utf8(bom ? `\ufeff${s}` : s);
        return utf16WithoutBom(bytes) === null && decodeUtf16(bytes) === null && !decodeText(bytes).encoding.startsWith('utf-16');
      }),
      { numRuns: 1000 },
    );
    // the same with mostly ASCII texts, shaped like a CSV or a JSON file
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary-ascii', maxLength: 12 }).map((c) => c.replaceAll('\u0000', ' ')), { maxLength: 6 }), { maxLength: 8 }), (rows) => {
        const csv = utf8(rows.map((r) => r.join(',')).join('\r\n'));
        const json = utf8(JSON.stringify(rows));
        return utf16WithoutBom(csv) === null && utf16WithoutBom(json) === null;
      }),
      { numRuns: 500 },
    );
  });

  it('never fires on Windows-1252 text (any bytes but zero, as Excel\'s "CSV (Comma delimited)" writes them)', () => {
    fc.assert(
      // (a text that begins "ÿþ" or "þÿ" is UTF-16 by its byte order mark, as it always was: not this rule)
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 400 }).map((b) => b.map((x) => x || 0x20)).filter((b) => !((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))), (bytes) => {
        const d = decodeText(bytes);
        return utf16WithoutBom(bytes) === null && (d.encoding === 'utf-8' || d.encoding === 'utf-8-bom' || d.encoding === 'windows-1252');
      }),
      { numRuns: 1000 },
    );
  });

  it('any text of Latin-1 characters and line breaks, saved as UTF-16 either way without a mark, reads back as itself (or, mostly other characters, is not read as UTF-16)', () => {
    const latin1 = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }), fc.constantFrom(0x09, 0x0a, 0x0d)).map((c) => String.fromCharCode(c));
    const other = fc.constantFrom('’', '“', '”', '–', '€', '分', '🍰', 'Ω');
    fc.assert(
      fc.property(fc.integer({ min: 0x21, max: 0x7e }), fc.array(fc.oneof({ weight: 6, arbitrary: latin1 }, { weight: 1, arbitrary: other }), { minLength: 1, maxLength: 300 }), fc.boolean(), (first, rest, le) => {
        const s = String.fromCharCode(first) + rest.join('');
        const d = decodeText(utf16(s, le));
        const head = s.slice(0, 2048);
        const latin1 = [...head].filter((c) => c.charCodeAt(0) < 0x100).length;
        // mostly other characters (emoji are two code units each): not unambiguous, so not read as UTF-16
        if (latin1 * 4 < head.length) return !d.encoding.startsWith('utf-16');
        return d.text === s && d.encoding === (le ? 'utf-16le' : 'utf-16be');
      }),
      { numRuns: 500 },
    );
  });
});

describe('every reader reads a UTF-16 file without a byte order mark as its UTF-8 original (qa-r)', () => {
  const picked = (text: string, le: boolean) => {
    const r = readImportText(utf16(text, le), 'file');
    if (!r.ok) throw new Error(r.error.message);
    return r.value.text;
  };

  for (const le of [true, false]) {
    const order = le ? 'little endian' : 'big endian';

    it(`standards CSV (${order})`, () => {
      const text = fixture('tests/fixtures/standards/state-math-sample.csv');
      const a = readStandardsCsv(picked(text, le), undefined, { title: 'T', source: 't.csv' });
      const b = readStandardsCsv(text, undefined, { title: 'T', source: 't.csv' });
      expect(a.ok).toBe(true);
      expect(shape(a)).toBe(shape(b));
    });

    it(`competencies CSV (${order})`, () => {
      const text = fixture('tests/fixtures/competencies/two-domains-typed.csv');
      const a = readCompetencyCsv(picked(text, le));
      expect(a.ok).toBe(true);
      expect(shape(a)).toBe(shape(readCompetencyCsv(text)));
    });

    it(`progress CSV (${order})`, () => {
      const loaded = loadFrameworkText(fixture('resources/examples/grade3-5-fractions.json'));
      if (!loaded.ok) throw new Error(loaded.error.message);
      const fw = loaded.value.framework;
      const text = fixture('tests/fixtures/progress/grade3-5-fractions.csv');
      const a = importProgressCsv(picked(text, le), fw);
      expect(a.ok).toBe(true);
      expect(shape(a)).toBe(shape(importProgressCsv(text, fw)));
    });

    it(`framework file and CASE package, as Open… reads them (${order})`, () => {
      for (const p of ['resources/examples/grade3-5-fractions.json', 'tests/fixtures/case/sample.case-1.1.json', 'tests/fixtures/case/sample.case-1.0.json']) {
        const text = fixture(p);
        const r = readUtf8Text(utf16(text, le), p);
        expect(r).toEqual({ ok: true, value: text });
        expect(readFrameworkAny(r.ok ? r.value : '').ok, p).toBe(true);
      }
    });
  }
});
