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

/** Whether `bytes` begin with a UTF-16 byte order mark (little or big endian): text that says it is UTF-16. */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/**
 * Reads a file's bytes as text, saying how: a UTF-8 byte order mark is dropped (`utf-8-bom`); UTF-16 is
 * read when its byte order mark says so (Excel's "Unicode text", Windows PowerShell's `>`); bytes that are
 * UTF-8 are UTF-8; anything else is read as Windows-1252, the code page Excel uses for "CSV (Comma
 * delimited)" on Western European and American Windows — the one guess, which the caller must tell the user
 * about (see {@link encodingNotice}). An empty file is empty UTF-8 text.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoderImpl('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoderImpl('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
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
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'Read as UTF-16 ("Unicode text"), as the file says at its start.';
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
 * not, with where. A UTF-8 byte order mark is kept in the text (the readers drop it); UTF-16 with its byte
 * order mark is read as such. A workbook or binary file is handed on as text (read leniently) for the
 * readers to name it (`notTextProblem`).
 */
export function readUtf8Text(bytes: Uint8Array, name: string): Result<string> {
  if (hasUtf16Bom(bytes)) return ok(decodeText(bytes).text);
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
