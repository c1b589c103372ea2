import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src-core/format/json';

/** A character an editor shows as nothing (or a space) where JSON expects a token: said by name, not as `"`. */
function messageOf(text: string): string {
  const r = parseJson(text);
  if (r.ok) throw new Error('parsed');
  return r.error.message;
}

describe('invisible characters between JSON tokens', () => {
  it('a no-break space pasted from a web page is named, with its line and column (it read: found " \\"a\\":1}")', () => {
    expect(messageOf('{\u00a0"a":1}')).toBe(
      'Not valid JSON at line 1, column 2: expected a property name in double quotes, found a no-break space (U+00A0), often pasted from a web page or a word processor, which JSON allows only inside a string.',
    );
  });

  it('a second byte order mark (two files joined, or a BOM written twice) is named', () => {
    expect(messageOf('\ufeff\ufeff{"a":1}')).toBe(
      'Not valid JSON at line 1, column 1: expected a value, found a byte order mark (U+FEFF) — a second one, or one in the middle of the file (two files joined?), which JSON allows only inside a string.',
    );
  });

  it('a zero-width space at the start of a line', () => {
    expect(messageOf('{"a":1,\n\u200b"b":2}')).toBe(
      'Not valid JSON at line 2, column 1: expected a property name in double quotes, found a zero-width space (U+200B), which JSON allows only inside a string.',
    );
  });

  it('inside a string they are text, and one BOM at the start is stripped', () => {
    expect(parseJson('\ufeff{"a":"x\u00a0\u200by"}')).toEqual({ ok: true, value: { a: 'x\u00a0\u200by' } });
    expect(messageOf('{"a":1,}x')).toMatch(/^Not valid JSON at line 1, column 7/);
  });
});
