/**
 * String helpers for the hot loops of the checks: the same answers as `String.prototype.trim`, without
 * allocating when the text starts (and ends) with a visible ASCII character — nearly always.
 */

/**
 * "A.1, A.2 and A.3" / "A.1, … A.8 and 1,426 more": the first `limit` items by name (only those are named,
 * so a list of thousands costs no more than eight), for messages that must stay one readable sentence.
 */
export function listNames<T>(items: readonly T[], name: (item: T) => string, limit = 8): string {
  const shown = items.slice(0, limit).map(name);
  const more = items.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more.toLocaleString('en-US')} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** True when `s` is empty or only white space (the same as `s.trim() === ''`). */
export function isBlank(s: string): boolean {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  if (c > 32 && c < 127) return false; // a visible ASCII character: something is left after trimming
  return s.trim() === '';
}

/** `s.trim()`, returning `s` itself when there is nothing to trim at either end. */
export function trimmed(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(n - 1);
  if (a > 32 && a < 127 && b > 32 && b < 127) return s;
  return s.trim();
}

/**
 * Groups equal strings: for each `keys[i]` that is not '', the index of the first equal key. Open
 * addressing over a typed array with a string hash of our own (about twice as fast as a `Map` for
 * 20,000 fresh strings, which would each be hashed and inserted into a growing table).
 *
 * `hashes`, when given, holds {@link stringHash} of every key (computed while the strings were at hand),
 * so keys are only read again when two hashes are equal.
 *
 * @returns `first[i]` (-1 for '') and how many keys share `first[i]`'s value in `count[first[i]]`.
 */
export function groupEqual(keys: readonly string[], hashes?: Int32Array): { first: Int32Array; count: Int32Array } {
  const n = keys.length;
  const first = new Int32Array(n).fill(-1);
  const count = new Int32Array(n);
  let size = 16;
  while (size < 2 * n) size <<= 1;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const hs = hashes ?? new Int32Array(n);
  if (!hashes) for (let i = 0; i < n; i++) hs[i] = stringHash(keys[i]!);
  for (let i = 0; i < n; i++) {
    const h = hs[i]!;
    if (h === 0) continue;
    let p = h & mask;
    for (;;) {
      const o = table[p]!;
      if (o === -1) {
        table[p] = i;
        first[i] = i;
        count[i] = 1;
        break;
      }
      if (hs[o] === h && keys[o] === keys[i]) {
        first[i] = o;
        count[o]!++;
        break;
      }
      p = (p + 1) & mask;
    }
  }
  return { first, count };
}

/** A hash of `s` for {@link groupEqual}: 0 exactly for '', never 0 otherwise. */
export function stringHash(s: string): number {
  const len = s.length;
  if (len === 0) return 0;
  let h = len;
  for (let j = 0; j < len; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x9e3779b1);
  h ^= h >>> 15;
  return h === 0 ? 1 : h;
}
