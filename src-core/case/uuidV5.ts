/**
 * UUID version 5 (RFC 9562: SHA-1 of the namespace bytes + the UTF-8 name), synchronous and
 * allocation-free apart from the returned string. It gives exactly the values of the `uuid` package's
 * `v5` (a property test checks that), but the package spends most of a large CASE export in it
 * (string → bytes conversion and one hash object per id; a 100,000-competency export derives about
 * a million ids). Pure TypeScript, so the core, the renderer and workers run the same code.
 *
 * Speed notes (CPU profile of a 10,000-competency export, ~155,000 ids of two SHA-1 blocks each):
 * the name is written as UTF-8 into one reused byte buffer, the 80 rounds run as four branch-free
 * loops over one reused schedule, and the text is made by a single `String.fromCharCode` call (a flat
 * string; concatenating hex pairs built a rope of ~20 pieces per id and was 4× slower).
 */

/** The message schedule of one 64-byte block. */
const W = new Int32Array(80);
let buf = new Uint8Array(256);

function grow(min: number, keep: number): void {
  const bigger = new Uint8Array(Math.max(min, buf.length * 2));
  bigger.set(buf.subarray(0, keep));
  buf = bigger;
}

/** Writes the UTF-8 bytes of `s` into `buf` from `offset` (lone surrogates as U+FFFD); returns the end. */
function utf8Into(s: string, offset: number): number {
  let o = offset;
  const n = s.length;
  // At most 3 bytes per UTF-16 unit (a surrogate pair: 4 bytes for 2 units), plus the SHA-1 padding
  // (at most 72 bytes), so one check suffices and the padding needs none.
  if (o + 3 * n + 72 > buf.length) grow(o + 3 * n + 72, o);
  const b = buf;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) b[o++] = c;
    else if (c < 0x800) {
      b[o++] = 0xc0 | (c >> 6);
      b[o++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          b[o++] = 0xf0 | (c >> 18);
          b[o++] = 0x80 | ((c >> 12) & 63);
          b[o++] = 0x80 | ((c >> 6) & 63);
          b[o++] = 0x80 | (c & 63);
          continue;
        }
      }
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      b[o++] = 0xe0 | (c >> 12);
      b[o++] = 0x80 | ((c >> 6) & 63);
      b[o++] = 0x80 | (c & 63);
    }
  }
  return o;
}

/** Character codes of the 16 lower-case hex digits. */
const HEX_CODE = new Uint8Array(16);
for (let i = 0; i < 16; i++) HEX_CODE[i] = '0123456789abcdef'.charCodeAt(i);
/** The hex digit (character code) of `h` at bit `shift`. */
const hx = (h: number, shift: number): number => HEX_CODE[(h >>> shift) & 15]!;

/** The 16 bytes of a UUID string. */
export function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The version-5 UUID of `name` in `namespace` (its 16 bytes), lower case. */
export function uuidV5(name: string, namespace: Uint8Array): string {
  buf.set(namespace, 0);
  return digest(utf8Into(name, 16));
}

/**
 * The version-5 UUID of the name `a + b + c + d` in `namespace`, without building the name: a
 * name made of pieces is a rope that would be flattened (copied) before its bytes could be read.
 */
export function uuidV5Of(namespace: Uint8Array, a: string, b: string, c = '', d = ''): string {
  // A surrogate pair split across two pieces is one character of the whole name: join those (never
  // the case for the names Progressions derives, which put ASCII separators between pieces).
  let high = endsHigh(a);
  if (b !== '') {
    if (high && isLow(b.charCodeAt(0))) return uuidV5(a + b + c + d, namespace);
    high = endsHigh(b);
  }
  if (c !== '') {
    if (high && isLow(c.charCodeAt(0))) return uuidV5(a + b + c + d, namespace);
    high = endsHigh(c);
  }
  if (d !== '' && high && isLow(d.charCodeAt(0))) return uuidV5(a + b + c + d, namespace);
  buf.set(namespace, 0);
  let o = utf8Into(a, 16);
  o = utf8Into(b, o);
  o = utf8Into(c, o);
  o = utf8Into(d, o);
  return digest(o);
}

/** True when `x` ends with a high surrogate. */
const endsHigh = (x: string): boolean => x.length > 0 && isHigh(x.charCodeAt(x.length - 1));

/** SHA-1 of `buf[0, len)` turned into a version-5 UUID. */
function digest(len: number): string {
  const b = buf;
  // SHA-1 padding: 0x80, zeros, the 64-bit big-endian bit length; a multiple of 64 bytes in all.
  const total = ((len + 8) >> 6) * 64 + 64;
  b[len] = 0x80;
  b.fill(0, len + 1, total - 5);
  const bits = len * 8;
  b[total - 5] = Math.floor(bits / 2 ** 32) & 255;
  b[total - 4] = (bits >>> 24) & 255;
  b[total - 3] = (bits >>> 16) & 255;
  b[total - 2] = (bits >>> 8) & 255;
  b[total - 1] = bits & 255;

  let h0 = 0x67452301;
  let h1 = 0xefcdab89 | 0;
  let h2 = 0x98badcfe | 0;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0 | 0;
  const w = W;
  for (let off = 0; off < total; off += 64) {
    for (let i = 0, j = off; i < 16; i++, j += 4) w[i] = (b[j]! << 24) | (b[j + 1]! << 16) | (b[j + 2]! << 8) | b[j + 3]!;
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let bb = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let t: number;
    for (let i = 0; i < 20; i++) {
      t = (((a << 5) | (a >>> 27)) + (d ^ (bb & (c ^ d))) + e + 0x5a827999 + w[i]!) | 0;
      e = d;
      d = c;
      c = (bb << 30) | (bb >>> 2);
      bb = a;
      a = t;
    }
    for (let i = 20; i < 40; i++) {
      t = (((a << 5) | (a >>> 27)) + (bb ^ c ^ d) + e + 0x6ed9eba1 + w[i]!) | 0;
      e = d;
      d = c;
      c = (bb << 30) | (bb >>> 2);
      bb = a;
      a = t;
    }
    for (let i = 40; i < 60; i++) {
      t = (((a << 5) | (a >>> 27)) + ((bb & c) | (d & (bb | c))) + e - 0x70e44324 + w[i]!) | 0; // k = 0x8f1bbcdc
      e = d;
      d = c;
      c = (bb << 30) | (bb >>> 2);
      bb = a;
      a = t;
    }
    for (let i = 60; i < 80; i++) {
      t = (((a << 5) | (a >>> 27)) + (bb ^ c ^ d) + e - 0x359d3e2a + w[i]!) | 0; // k = 0xca62c1d6
      e = d;
      d = c;
      c = (bb << 30) | (bb >>> 2);
      bb = a;
      a = t;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + bb) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  // Version 5 in byte 6's high nibble, RFC variant in byte 8's top bits.
  h1 = (h1 & ~0xf000) | 0x5000;
  h2 = (h2 & 0x3fffffff) | 0x80000000;
  // prettier-ignore
  return String.fromCharCode(
    hx(h0, 28), hx(h0, 24), hx(h0, 20), hx(h0, 16), hx(h0, 12), hx(h0, 8), hx(h0, 4), hx(h0, 0), 45,
    hx(h1, 28), hx(h1, 24), hx(h1, 20), hx(h1, 16), 45, hx(h1, 12), hx(h1, 8), hx(h1, 4), hx(h1, 0), 45,
    hx(h2, 28), hx(h2, 24), hx(h2, 20), hx(h2, 16), 45, hx(h2, 12), hx(h2, 8), hx(h2, 4), hx(h2, 0),
    hx(h3, 28), hx(h3, 24), hx(h3, 20), hx(h3, 16), hx(h3, 12), hx(h3, 8), hx(h3, 4), hx(h3, 0),
  );
}
