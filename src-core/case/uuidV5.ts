/**
 * UUID version 5 (RFC 9562: SHA-1 of the namespace bytes + the UTF-8 name), synchronous and
 * allocation-light. It gives exactly the values of the `uuid` package's `v5` (a property test checks
 * that), but the package spends most of a large CASE export in it (string → bytes conversion and one
 * hash object per id; a 100,000-competency export derives about a million ids). Pure TypeScript, so
 * the core, the renderer and workers run the same code.
 */

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
  // At most 3 bytes per UTF-16 unit (a surrogate pair: 4 bytes for 2 units), so one check suffices.
  if (o + 3 * s.length > buf.length) grow(o + 3 * s.length, o);
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) buf[o++] = c;
    else if (c < 0x800) {
      buf[o++] = 0xc0 | (c >> 6);
      buf[o++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          buf[o++] = 0xf0 | (c >> 18);
          buf[o++] = 0x80 | ((c >> 12) & 63);
          buf[o++] = 0x80 | ((c >> 6) & 63);
          buf[o++] = 0x80 | (c & 63);
          continue;
        }
      }
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      buf[o++] = 0xe0 | (c >> 12);
      buf[o++] = 0x80 | ((c >> 6) & 63);
      buf[o++] = 0x80 | (c & 63);
    }
  }
  return o;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => (i + 0x100).toString(16).slice(1));
const hex32 = (h: number) => HEX[(h >>> 24) & 255]! + HEX[(h >>> 16) & 255]! + HEX[(h >>> 8) & 255]! + HEX[h & 255]!;

/** The 16 bytes of a UUID string. */
export function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** The version-5 UUID of `name` in `namespace` (its 16 bytes), lower case. */
export function uuidV5(name: string, namespace: Uint8Array): string {
  buf.set(namespace, 0);
  const len = utf8Into(name, 16);
  // SHA-1 padding: 0x80, zeros, the 64-bit big-endian bit length; a multiple of 64 bytes in all.
  const total = ((len + 8) >> 6) * 64 + 64;
  if (buf.length < total) grow(total, len);
  buf[len] = 0x80;
  buf.fill(0, len + 1, total);
  const bits = len * 8;
  buf[total - 5] = Math.floor(bits / 2 ** 32) & 255;
  buf[total - 4] = (bits >>> 24) & 255;
  buf[total - 3] = (bits >>> 16) & 255;
  buf[total - 2] = (bits >>> 8) & 255;
  buf[total - 1] = bits & 255;

  let h0 = 0x67452301;
  let h1 = 0xefcdab89 | 0;
  let h2 = 0x98badcfe | 0;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0 | 0;
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) {
      const j = off + i * 4;
      W[i] = (buf[j]! << 24) | (buf[j + 1]! << 16) | (buf[j + 2]! << 8) | buf[j + 3]!;
    }
    for (let i = 16; i < 80; i++) {
      const x = W[i - 3]! ^ W[i - 8]! ^ W[i - 14]! ^ W[i - 16]!;
      W[i] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let i = 0; i < 80; i++) {
      let f: number;
      let k: number;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdc | 0;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6 | 0;
      }
      const t = (((a << 5) | (a >>> 27)) + f + e + k + W[i]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  // Version 5 in byte 6's high nibble, RFC variant in byte 8's top bits.
  h1 = (h1 & ~0xf000) | 0x5000;
  h2 = (h2 & 0x3fffffff) | 0x80000000;
  const s1 = hex32(h1);
  const s2 = hex32(h2);
  return `${hex32(h0)}-${s1.slice(0, 4)}-${s1.slice(4)}-${s2.slice(0, 4)}-${s2.slice(4)}${hex32(h3)}`;
}
