import { notTextProblem } from '../csv/notCsv';
import { fail, ok, type Result } from '../result';

/** How a file's bytes were read as text. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const TEXT_ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'];

/** A file's text and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Where the first byte that is not UTF-8 is, with the text around it (as a lenient UTF-8 reader shows it). */
export interface NotUtf8At {
  line: number;
  column: number;
  around: string;
}

type Decoder = { decode(input: Uint8Array): string };
type DecoderClass = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => Decoder;

// Browsers, Electron and Node all have TextDecoder; the core is compiled without DOM or Node typings.
const TextDecoderImpl = (globalThis as unknown as { TextDecoder: DecoderClass }).TextDecoder;

/**
 * Windows-1252 bytes 0x80–0x9F (€, curly quotes, dashes, Š, Ž, Ÿ …); every other byte is the code point of
 * the same number (ISO-8859-1). The five bytes the code page leaves undefined stay C1 controls, as the WHATWG
 * Encoding Standard reads them. Done by hand: Node's TextDecoder('windows-1252') reads 0x80–0x9F as C1
 * controls (Latin-1), so the desktop app would turn "“Zoë”" into control characters where a browser does not.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Reads `bytes` as Windows-1252 (every byte is one character: this never fails). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, i + CHUNK);
    for (let j = i; j < end; j++) {
      const b = bytes[j]!;
      codes.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b);
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Whether `bytes` are UTF-8 (a byte order mark included). */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoderImpl('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** How many code units at the start of a file {@link utf16WithoutBom} looks at (the rest is only decoded). */
const SNIFF_UNITS = 2048;

/**
 * UTF-16 without a byte order mark, read where its bytes leave no doubt (some Windows tools and exports
 * write it): the text, or null. A JSON or CSV file begins with a letter, a digit, `{`, `[` or `"`, which
 * UTF-16 writes as that byte and a zero (`{\0"\0` little endian, `\0{\0"` big endian). So the first
 * code unit must be a Latin-1 character with its zero byte on one side; the file must have an even
 * number of bytes and decode as UTF-16 without an unpaired surrogate; within its first 2,048 code
 * units, at least a quarter must be Latin-1 characters (the zero bytes recur), and none a control
 * character other than tab, line breaks and form feed, nor U+FFFE / U+FFFF (binary data, UTF-32 and
 * NUL characters fail here). UTF-8 and Windows-1252 text has no zero byte unless it holds a NUL
 * character, so this never reads such a text.
 */
export function utf16WithoutBom(bytes: Uint8Array): DecodedText | null {
  const n = bytes.length;
  if (n < 4 || n % 2 !== 0) return null;
  const le = bytes[0] !== 0 && bytes[1] === 0;
  if (!le && !(bytes[0] === 0 && bytes[1] !== 0)) return null;
  const units = Math.min(n / 2, SNIFF_UNITS);
  let latin1 = 0;
  for (let i = 0; i < units; i++) {
    const lo = bytes[2 * i + (le ? 0 : 1)]!;
    const hi = bytes[2 * i + (le ? 1 : 0)]!;
    const u = (hi << 8) | lo;
    if (u < 0x20 ? u !== 0x09 && u !== 0x0a && u !== 0x0c && u !== 0x0d : (u >= 0x7f && u <= 0x9f) || u >= 0xfffe) return null;
    if (hi === 0) latin1++;
  }
  if (latin1 * 4 < units) return null;
  try {
    const encoding = le ? 'utf-16le' : 'utf-16be';
    return { text: new TextDecoderImpl(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    return null;
  }
}

/**
 * A file's bytes as UTF-16 text when they are UTF-16: by its byte order mark (dropped), or without one
 * where {@link utf16WithoutBom} finds no doubt. Null for anything else.
 */
export function decodeUtf16(bytes: Uint8Array): DecodedText | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoderImpl('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoderImpl('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  return utf16WithoutBom(bytes);
}

/**
 * Reads a file's bytes as text, saying how: a UTF-8 byte order mark is dropped (`utf-8-bom`); UTF-16 is
 * read when its byte order mark says so (Excel's "Unicode text", Windows PowerShell's `>`) or, without
 * one, when its zero bytes leave no doubt ({@link utf16WithoutBom}); bytes that are UTF-8 are UTF-8;
 * anything else is read as Windows-1252, the code page Excel uses for "CSV (Comma delimited)" on Western
 * European and American Windows — the one guess, which the caller must tell the user about (see
 * {@link encodingNotice}). An empty file is empty UTF-8 text.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const utf16 = decodeUtf16(bytes);
  if (utf16) return utf16;
  let text: string;
  try {
    text = new TextDecoderImpl('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), encoding: 'utf-8-bom' } : { text, encoding: 'utf-8' };
}

/**
 * The one plain sentence the page shows when a file was not read as UTF-8 (null when it was): the guess
 * (Windows-1252) and what to check; UTF-16, which its byte order mark names, is said without a warning.
 */
export function encodingNotice(encoding: TextEncodingName | undefined): string | null {
  if (encoding === 'windows-1252') {
    return 'Read as Windows-1252 (Western European), the code page Excel uses for "CSV (Comma delimited)": check the accented names look right. Saving the sheet as "CSV UTF-8 (comma delimited)" avoids the guess.';
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'Read as UTF-16 ("Unicode text"), as the file’s first bytes show.';
  return null;
}

/** Where the first byte of `bytes` that is not UTF-8 is, or null when they all are. */
export function firstNotUtf8(bytes: Uint8Array): NotUtf8At | null {
  if (isUtf8(bytes)) return null;
  // A lenient reader puts "�" where the bytes stop being UTF-8; a "�" the file itself holds before that
  // (written as the three bytes EF BF BD) is not it: find the first one whose bytes are not EF BF BD.
  const text = new TextDecoderImpl('utf-8', { ignoreBOM: true }).decode(bytes);
  let at = -1;
  let byte = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    if (c === 0xfffd && !(bytes[byte] === 0xef && bytes[byte + 1] === 0xbf && bytes[byte + 2] === 0xbd)) {
      at = i;
      break;
    }
    // a replacement character stands for one or more bad bytes; any other character for its UTF-8 length
    byte += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (c > 0xffff) i++;
  }
  if (at < 0) at = Math.max(0, text.indexOf('\ufffd'));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const line = (text.slice(0, at).match(/\n/g)?.length ?? 0) + 1;
  const around = text.slice(Math.max(lineStart, at - 25), at + 25).split(/\r?\n/)[0]!.trim();
  return { line, column: at - lineStart + 1, around };
}

/**
 * The refusal of a file that must be UTF-8 and is not: where its first other byte is and what to do
 * (`name` is how the file is named to the user: its path on the command line, its name in the app).
 */
export function notUtf8Message(name: string, at: NotUtf8At, text: string): string {
  const where = `${name}: line ${at.line}, column ${at.column} (“${at.around}”): this file is not UTF-8 text, so its accented letters, curly quotes and dashes would be misread.`;
  return /^\s*[{[]/.test(text)
    ? `${where} Framework files and CASE packages are UTF-8: save it as UTF-8 and try again.`
    : `${where} A spreadsheet saved as "CSV (Comma delimited)" uses the Windows code page: save it as "CSV UTF-8 (comma delimited)" instead and try again.`;
}

/**
 * A file that must be UTF-8 (a framework file, a CASE package, the command line's input): its text, or why
 * not, with where. A UTF-8 byte order mark is kept in the text (the readers drop it); UTF-16 is read as
 * such by its byte order mark, or without one where its zero bytes leave no doubt ({@link decodeUtf16}).
 * A workbook, a binary file or UTF-16 that is not unambiguous is handed on as text (read leniently) for
 * the readers to name it (`notTextProblem`).
 */
export function readUtf8Text(bytes: Uint8Array, name: string): Result<string> {
  const utf16 = decodeUtf16(bytes);
  if (utf16) return ok(utf16.text);
  // one pass for the usual case (a big framework file read once): text without "�" was UTF-8
  const lenient = new TextDecoderImpl('utf-8', { ignoreBOM: true }).decode(bytes);
  if (!lenient.includes('\ufffd') || isUtf8(bytes) || notTextProblem(lenient)) return ok(lenient);
  return fail('not-utf8', notUtf8Message(name, firstNotUtf8(bytes) ?? { line: 1, column: 1, around: '' }, lenient), { path: name });
}

/**
 * A file picked for import: a CSV may be in the Windows code page (read as such, and said so); a JSON file
 * (CASE package, progress file, framework) must be UTF-8, as JSON is, and is refused with where it is not.
 * A workbook or binary file is handed on as text for the readers to name it.
 */
export function readImportText(bytes: Uint8Array, name: string): Result<DecodedText> {
  const d = decodeText(bytes);
  if (d.encoding !== 'windows-1252') return ok(d);
  if (notTextProblem(d.text)) return ok({ text: new TextDecoderImpl('utf-8', { ignoreBOM: true }).decode(bytes), encoding: 'utf-8' });
  if (/^\s*[{[]/.test(d.text)) {
    const strict = readUtf8Text(bytes, name);
    if (!strict.ok) return strict;
  }
  return ok(d);
}
