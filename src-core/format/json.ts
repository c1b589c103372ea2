import { MAX_FILE_BYTES } from '../model/types';
import { fail, ok, type Result } from '../result';

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: end - last };
}

/**
 * Finds where a JSON text stops being valid: the offset of the first bad character and what was
 * expected there. Iterative (no recursion), so absurdly deep nesting cannot overflow the stack.
 * Only called after `JSON.parse` failed, to turn its message into a line and column.
 */
export function locateJsonError(text: string): { offset: number; expected: string; trailingComma?: number } {
  let i = 0;
  const n = text.length;
  /** Where the comma that opened the current 'key' / 'value' state is (a trailing comma is the commonest hand-edit slip). */
  let comma = -1;
  const stack: ('{' | '[')[] = [];
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  // Parses one string starting at text[i] === '"'; returns false at a bad character.
  const str = (): boolean => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            return false;
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          return false;
        }
      } else i++;
    }
    return false;
  };
  const NUM = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  // state: expecting a value
  type State = 'value' | 'afterValue' | 'key' | 'keyOrEnd' | 'valueOrEnd';
  let state: State = 'value';
  for (;;) {
    ws();
    if (state === 'value' || state === 'valueOrEnd') {
      if (i >= n) return { offset: i, expected: 'a value' };
      const c = text[i]!;
      if (state === 'value' && c === ']' && comma >= 0) return { offset: i, expected: 'a value', trailingComma: comma };
      if (state === 'valueOrEnd' && c === ']') {
        stack.pop();
        i++;
        state = 'afterValue';
        continue;
      }
      if (c === '{') {
        stack.push('{');
        i++;
        state = 'keyOrEnd';
        continue;
      }
      if (c === '[') {
        stack.push('[');
        i++;
        state = 'valueOrEnd';
        continue;
      }
      if (c === '"') {
        if (!str()) return { offset: i, expected: 'a valid string character' };
        state = 'afterValue';
        continue;
      }
      let matched = false;
      for (const lit of ['true', 'false', 'null']) {
        if (text.startsWith(lit, i)) {
          i += lit.length;
          matched = true;
          break;
        }
      }
      if (!matched) {
        NUM.lastIndex = i;
        const m = NUM.exec(text);
        if (!m) return { offset: i, expected: 'a value' };
        i += m[0].length;
      }
      state = 'afterValue';
      continue;
    }
    if (state === 'keyOrEnd' || state === 'key') {
      if (i >= n) return { offset: i, expected: state === 'key' ? 'a property name' : "a property name or '}'" };
      if (state === 'keyOrEnd' && text[i] === '}') {
        stack.pop();
        i++;
        state = 'afterValue';
        continue;
      }
      if (state === 'key' && text[i] === '}' && comma >= 0) return { offset: i, expected: 'a property name in double quotes', trailingComma: comma };
      if (text[i] !== '"') return { offset: i, expected: 'a property name in double quotes' };
      if (!str()) return { offset: i, expected: 'a valid string character' };
      ws();
      if (text[i] !== ':') return { offset: i, expected: "':'" };
      i++;
      comma = -1;
      state = 'value';
      continue;
    }
    // afterValue
    const top = stack[stack.length - 1];
    if (!top) {
      if (i < n) return { offset: i, expected: 'the end of the text' };
      return { offset: n, expected: 'nothing (the text is valid)' };
    }
    if (i >= n) return { offset: i, expected: top === '{' ? "',' or '}'" : "',' or ']'" };
    const c = text[i];
    if (c === ',') {
      comma = i;
      i++;
      state = top === '{' ? 'key' : 'value';
      continue;
    }
    if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
      stack.pop();
      i++;
      continue;
    }
    return { offset: i, expected: top === '{' ? "',' or '}'" : "',' or ']'" };
  }
}

/** Characters that show as nothing (or as a space) in an editor, by name. */
const INVISIBLE: Record<string, string> = {
  '\u00a0': 'a no-break space (U+00A0), often pasted from a web page or a word processor',
  '\u00ad': 'a soft hyphen (U+00AD)',
  '\u200b': 'a zero-width space (U+200B)',
  '\u200c': 'a zero-width non-joiner (U+200C)',
  '\u200d': 'a zero-width joiner (U+200D)',
  '\u200e': 'a left-to-right mark (U+200E)',
  '\u200f': 'a right-to-left mark (U+200F)',
  '\u2028': 'a line separator (U+2028)',
  '\u2029': 'a paragraph separator (U+2029)',
  '\u2060': 'a word joiner (U+2060)',
  '\u3000': 'an ideographic space (U+3000)',
  '\ufeff': 'a byte order mark (U+FEFF) — a second one, or one in the middle of the file (two files joined?)',
};

/** What an invisible character at `offset` is, in words (a quoted snippet would show only `"`), or undefined. */
function invisibleAt(src: string, offset: number): string | undefined {
  const what = INVISIBLE[src[offset]!];
  return what ? `${what}, which JSON allows only inside a string` : undefined;
}

/** `JSON.parse` with a located, readable error instead of an exception. Strips a UTF-8 BOM. */
export function parseJson(text: string): Result<unknown> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (src.trim() === '') return fail('empty', 'The file is empty.');
  try {
    return ok(JSON.parse(src));
  } catch {
    const { offset, expected, trailingComma } = locateJsonError(src);
    if (trailingComma !== undefined) {
      // Said where the slip is (the comma), not where the parser gave up (the bracket after it, often a line later).
      const { line, column } = lineColumn(src, trailingComma);
      const close = src[offset];
      return fail('not-json', `Not valid JSON at line ${line}, column ${column}: a comma after the last ${close === '}' ? 'property' : 'item'} before '${close}' (JSON allows none there; delete it).`, {
        line,
        column,
        path: `line ${line}, column ${column}`,
      });
    }
    const { line, column } = lineColumn(src, offset);
    // What is there, up to the end of its line: a quoted snippet with "\n" escapes in it reads as code, not text.
    const found = offset >= src.length ? 'the end of the file' : invisibleAt(src, offset) ?? JSON.stringify(src.slice(offset, offset + 12).split(/\r?\n/)[0] || src.slice(offset, offset + 1));
    return fail('not-json', `Not valid JSON at line ${line}, column ${column}: expected ${expected}, found ${found}.`, {
      line,
      column,
      path: `line ${line}, column ${column}`,
    });
  }
}

/** The text of a file we open (framework, progress …): refused above the size limit, then parsed. */
export function parseFileText(text: string): Result<unknown> {
  if (text.length > MAX_FILE_BYTES) {
    return fail('too-large', `The file is larger than ${Math.round(MAX_FILE_BYTES / 1024 / 1024)} MB; Progressions does not open files that large.`);
  }
  return parseJson(text);
}

/** A key that occurs twice in one JSON object: `JSON.parse` keeps the last value, the first is lost. */
export interface DuplicateKey {
  /** The JSON pointer of the (last) value, e.g. `/framework/competencies/c0…1`. */
  pointer: string;
  key: string;
  /** Where the first and the repeated key are (1-based). */
  first: { line: number; column: number };
  again: { line: number; column: number };
}

/**
 * The keys that occur more than once in one object of a JSON text (at most `max`), which `JSON.parse`
 * reads silently as the last one — a competency written twice under the same id by a bad merge would
 * vanish. Expects text `JSON.parse` accepted (a leading BOM is skipped); one pass, no recursion.
 * Objects nested deeper than `maxDepth` containers are not checked (in a framework file the record maps
 * and records sit at depth 3 to 6; the many small objects below them cost most and lose least).
 */
export function findDuplicateKeys(text: string, max = 20, maxDepth = 6): DuplicateKey[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const found: { pointer: string; key: string; first: number; again: number }[] = [];
  /** Per open container: an object's keys (key → offset of its first occurrence), or null for an array. */
  const keys: (Map<string, number> | null)[] = [];
  /** Per open container: the key or index of the value being read in it. */
  const path: (string | number)[] = [];
  let expectKey = false;
  const n = src.length;
  let i = 0;
  while (i < n && found.length < max) {
    const c = src.charCodeAt(i);
    if (c === 34) {
      // a string: find its closing quote (one not escaped by an odd number of backslashes)
      let j = i + 1;
      for (;;) {
        j = src.indexOf('"', j);
        if (j < 0) return report();
        let b = j - 1;
        while (src.charCodeAt(b) === 92) b--;
        if ((j - 1 - b) % 2 === 0) break;
        j++;
      }
      if (expectKey && keys[keys.length - 1]) {
        const raw = src.slice(i + 1, j);
        const key = raw.includes('\\') ? (JSON.parse(src.slice(i, j + 1)) as string) : raw;
        const m = keys[keys.length - 1]!;
        const first = m.get(key);
        if (first !== undefined) found.push({ pointer: pointerOf([...path.slice(0, -1), key]), key, first, again: i });
        else m.set(key, i);
        path[path.length - 1] = key;
      }
      expectKey = false;
      i = j + 1;
    } else if (c === 123) {
      // An object too deep to check is entered like an array, without key tracking (its commas count nothing).
      keys.push(keys.length < maxDepth ? new Map() : null);
      path.push('');
      expectKey = true;
      i++;
    } else if (c === 91) {
      keys.push(null);
      path.push(0);
      i++;
    } else if (c === 125 || c === 93) {
      keys.pop();
      path.pop();
      expectKey = false;
      i++;
    } else if (c === 44) {
      if (keys[keys.length - 1]) expectKey = true;
      else if (typeof path[path.length - 1] === 'number') path[path.length - 1] = (path[path.length - 1] as number) + 1;
      i++;
    } else i++;
  }
  return report();

  function report(): DuplicateKey[] {
    // Lines and columns in one pass over the text, for all offsets at once.
    const offsets = found.flatMap((f) => [f.first, f.again]).sort((a, b) => a - b);
    const at = new Map<number, { line: number; column: number }>();
    let line = 1;
    let lineStart = 0;
    let k = 0;
    for (let p = 0; p < n && k < offsets.length; p++) {
      while (k < offsets.length && offsets[k] === p) at.set(offsets[k++]!, { line, column: p - lineStart + 1 });
      if (src.charCodeAt(p) === 10) {
        line++;
        lineStart = p + 1;
      }
    }
    return found.map((f) => ({ pointer: f.pointer, key: f.key, first: at.get(f.first)!, again: at.get(f.again)! }));
  }
}

/** A JSON pointer (RFC 6901) from its segments. */
function pointerOf(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
