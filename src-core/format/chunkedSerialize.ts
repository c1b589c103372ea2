import { CURRENT_FORMAT_VERSION, FORMAT_NAME, type Framework } from '../model/types';

/** How {@link frameworkFileChunks} writes the file text. */
export interface FileTextChunkOptions {
  /**
   * `true` (the default): pretty-printed with two spaces, byte for byte the text `serializeFramework`
   * returns. `false`: JSON without whitespace (and the same final newline) — the same JSON value in
   * about half the time and two thirds of the text, e.g. for the recovery journal.
   */
  pretty?: boolean;
  /**
   * How much text (in characters) a chunk holds at least before it is handed out, except the last.
   * Small chunks let a caller stop sooner; each chunk costs a little more than writing its text.
   */
  chunkChars?: number;
}

/**
 * A value whose containers hold more entries than this in all (a competency holds ~40, a link 4) is
 * written entry by entry; a smaller one in one `JSON.stringify`.
 */
const SMALL = 64;
const DEFAULT_CHUNK_CHARS = 32 * 1024;

/**
 * The text of a framework's file (`{ format, formatVersion, framework }`, the links and alignments
 * Maps as JSON objects), handed out in chunks as it is written, so a caller can spread the work over
 * several short tasks (the recovery journal does so between frames: `JSON.stringify` of a
 * 10,000-competency document is one 200 ms piece of work). Joined, the chunks are exactly the JSON of
 * `toFrameworkFile(framework)` — with `pretty` (the default) byte-identical to
 * `serializeFramework(framework)` — including its key order (a Map's keys in the order the JSON object
 * of it has them: array-index keys first, ascending) and own `__proto__` keys.
 *
 * Each chunk is bounded work: the document is walked, and every value small enough (a few dozen entries
 * in all, nested ones included: a competency, a link, a standard) is written with one `JSON.stringify`;
 * only a single huge value (a many-megabyte statement) makes a long chunk. The framework must not change
 * while the chunks are taken; the editor's document is immutable (immer), so a snapshot of it holds still.
 */
export function* frameworkFileChunks(framework: Framework, opts: FileTextChunkOptions = {}): Generator<string, void, undefined> {
  const w = new ChunkWriter(opts.pretty ?? true, Math.max(1, opts.chunkChars ?? DEFAULT_CHUNK_CHARS));
  yield* w.value({ format: FORMAT_NAME, formatVersion: CURRENT_FORMAT_VERSION, framework }, 0);
  w.push('\n');
  yield w.take();
}

/** The whole text of {@link frameworkFileChunks}, in one piece (tests and one-shot callers). */
export function frameworkFileText(framework: Framework, opts: Omit<FileTextChunkOptions, 'chunkChars'> = {}): string {
  let out = '';
  for (const c of frameworkFileChunks(framework, { ...opts, chunkChars: Number.MAX_SAFE_INTEGER })) out += c;
  return out;
}

/** A container the writer walks entry by entry, or null for a value written in one piece. */
type Walkable = { kind: 'array'; items: readonly unknown[] } | { kind: 'object'; obj: Readonly<Record<string, unknown>> } | { kind: 'map'; map: ReadonlyMap<string, unknown> };

/** An object `JSON.stringify` writes as its own enumerable properties (no `toJSON` method, not a Map/Date/boxed value). */
function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/**
 * How many entries the containers in `v` hold in all, counted only until `budget` is used up (then
 * a number above it); -1 for a value that is no container (or one written by its own `toJSON`).
 */
function weight(v: unknown, budget: number): number {
  if (typeof v !== 'object' || v === null) return -1;
  if (v instanceof Map) return budget + 1; // always walked: written as a JSON object, never as `{}`
  let n = 0;
  if (Array.isArray(v)) {
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return -1;
    n = v.length;
    for (let i = 0; i < v.length && n <= budget; i++) {
      const x: unknown = v[i];
      if (typeof x === 'object' && x !== null) n += Math.max(0, weight(x, budget - n));
    }
    return n;
  }
  if (!isPlainObject(v)) return -1;
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    if (++n > budget) break;
    const x = v[k];
    if (typeof x === 'object' && x !== null) n += Math.max(0, weight(x, budget - n));
  }
  return n;
}

/** A container holding more than a few dozen entries, nested ones included, is walked; anything else is written whole. */
function walkable(v: unknown): Walkable | null {
  if (weight(v, SMALL) <= SMALL) return null;
  if (Array.isArray(v)) return { kind: 'array', items: v };
  if (v instanceof Map) return { kind: 'map', map: v as ReadonlyMap<string, unknown> };
  return { kind: 'object', obj: v as Record<string, unknown> };
}

/** A canonical array index ("0", "17", below 2³² − 1): a JSON object lists those keys first, ascending. */
function isArrayIndex(k: string): boolean {
  const n = k.length;
  if (n === 0 || n > 10) return false;
  const c0 = k.charCodeAt(0);
  if (c0 === 48) return n === 1;
  for (let i = 0; i < n; i++) {
    const c = k.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return Number(k) < 4294967295;
}

/** A Map's keys in the order of the JSON object made of it (`recordOfMap`): array indices first, ascending, then the rest in Map order. */
function mapKeysInObjectOrder(map: ReadonlyMap<string, unknown>): string[] {
  const keys: string[] = [];
  let indices: string[] | null = null;
  for (const k of map.keys()) {
    if (isArrayIndex(k)) (indices ??= []).push(k);
    else keys.push(k);
  }
  if (!indices) return keys;
  indices.sort((a, b) => Number(a) - Number(b));
  return indices.concat(keys);
}

class ChunkWriter {
  /** The text written since the last chunk was handed out, and its length. */
  private parts: string[] = [];
  private size = 0;
  /** `newline[d]`: a line break and the indentation of depth d (empty strings when not pretty). */
  private readonly newline: string[] = [];
  private readonly wrappers: number[] = [];
  constructor(
    private readonly pretty: boolean,
    private readonly chunkChars: number,
  ) {}

  push(s: string): void {
    this.parts.push(s);
    this.size += s.length;
  }

  /** Whether enough text is waiting to make a chunk. */
  full(): boolean {
    return this.size >= this.chunkChars;
  }

  take(): string {
    const s = this.parts.join('');
    this.parts = [];
    this.size = 0;
    return s;
  }

  private nl(depth: number): string {
    if (!this.pretty) return '';
    return (this.newline[depth] ??= '\n' + '  '.repeat(depth));
  }

  /** `v` written whole, as a value at `depth` (nested lines indented to it); undefined where JSON omits it. */
  private whole(v: unknown, depth: number): string | undefined {
    if (!this.pretty) return JSON.stringify(v);
    if (depth === 0 || typeof v !== 'object' || v === null || typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      const s = JSON.stringify(v, null, 2) as string | undefined;
      return s === undefined || depth === 0 || s.indexOf('\n') < 0 ? s : s.replace(/\n/g, this.nl(depth));
    }
    // Indented as deep as it sits in the file by JSON.stringify itself: `v` inside `depth` arrays, and
    // the arrays' own lines cut off (quicker than a second pass over the text to indent it).
    let wrapped: unknown = v;
    for (let d = 0; d < depth; d++) wrapped = [wrapped];
    const s = JSON.stringify(wrapped, null, 2);
    const cut = this.wrapperLength(depth);
    return s.slice(cut + 2 * depth, s.length - cut); // (before it, also the indentation of its first line)
  }

  /** How many characters `depth` nested one-element arrays add at either end of their element's text. */
  private wrapperLength(depth: number): number {
    // "[\n" + "  [\n" + … before, "\n" + … + "]" after: the same length
    return (this.wrappers[depth] ??= depth * 2 + depth * (depth - 1));
  }

  /** Writes `v` at `depth`, handing out the text whenever a chunk is full. */
  *value(v: unknown, depth: number, c: Walkable | null = walkable(v)): Generator<string, void, undefined> {
    if (!c) {
      this.push(this.whole(v, depth) ?? 'null');
      return;
    }
    const inner = this.nl(depth + 1);
    const colon = this.pretty ? ': ' : ':';
    let first = true;
    if (c.kind === 'array') {
      this.push('[');
      for (const x of c.items) {
        this.push(first ? inner : ',' + inner);
        first = false;
        yield* this.entry(x, depth + 1);
      }
      this.push(first ? ']' : this.nl(depth) + ']');
      return;
    }
    const keys = c.kind === 'map' ? mapKeysInObjectOrder(c.map) : Object.keys(c.obj);
    this.push('{');
    for (const k of keys) {
      const x = c.kind === 'map' ? c.map.get(k) : c.obj[k];
      const sub = walkable(x);
      const head = (first ? inner : ',' + inner) + JSON.stringify(k) + colon;
      if (sub) {
        first = false;
        this.push(head);
        yield* this.value(x, depth + 1, sub);
      } else {
        const s = this.whole(x, depth + 1);
        if (s === undefined) continue; // undefined, a function: JSON leaves the property out
        first = false;
        this.push(head + s);
      }
      if (this.full()) yield this.take();
    }
    this.push(first ? '}' : this.nl(depth) + '}');
  }

  /** An array element: walked when large, else whole (`null` where JSON writes null for it). */
  private *entry(x: unknown, depth: number): Generator<string, void, undefined> {
    const sub = walkable(x);
    if (sub) yield* this.value(x, depth, sub);
    else this.push(this.whole(x, depth) ?? 'null');
    if (this.full()) yield this.take();
  }
}
