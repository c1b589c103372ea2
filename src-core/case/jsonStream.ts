/**
 * A JSON tree whose large parts are produced on demand, so that a package of 100,000 items can be
 * written chunk by chunk with bounded memory, and the same tree can be materialised into a plain
 * object. The streamed text is byte-identical to `JSON.stringify(materialize(tree), null, 2)`.
 */
export class LazyArray {
  constructor(readonly items: () => Iterable<unknown>) {}
}

/** An object whose members are produced on demand (members with `undefined` values are skipped). */
export class LazyObject {
  constructor(readonly entries: () => Iterable<readonly [string, unknown]>) {}
}

/**
 * A lazy array whose elements are produced as JSON text, already pretty-printed (2-space indent) for
 * an element that sits `depth` levels deep in the tree (the root's members are at depth 1, the
 * elements of a root member's array at depth 2): every line after the first is indented for that
 * depth, exactly as `JSON.stringify(tree, null, 2)` would place it. Streaming writes the texts as
 * they are; materialising parses each one. For the records of a large export, where building the text
 * from precomputed pieces is much cheaper than building objects and serialising them.
 */
export class LazyTextArray {
  constructor(
    readonly depth: number,
    readonly texts: () => Iterable<string>,
  ) {}
}

/** The plain value of a tree (lazy nodes expanded). */
export function materialize(v: unknown): unknown {
  if (v instanceof LazyArray) {
    const out: unknown[] = [];
    for (const x of v.items()) out.push(materialize(x));
    return out;
  }
  if (v instanceof LazyTextArray) {
    const out: unknown[] = [];
    for (const t of v.texts()) out.push(JSON.parse(t));
    return out;
  }
  if (v instanceof LazyObject) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of v.entries()) {
      if (x === undefined) continue;
      // A plain assignment of `__proto__` would set the prototype instead of adding a member.
      if (k === '__proto__') Object.defineProperty(out, k, { value: materialize(x), enumerable: true, writable: true, configurable: true });
      else out[k] = materialize(x);
    }
    return out;
  }
  return v;
}

/**
 * The default size of the chunks `streamJson` hands to its sink (UTF-16 code units). 64 K keeps each
 * chunk in the young generation, whose pages are reused: 256 K chunks (large-object space, fresh
 * pages each) made a 10,000-competency export to disk ~20 % slower in CPU time and did not help a
 * sink that keeps every chunk.
 */
export const DEFAULT_CHUNK_CHARS = 64 * 1024;

/** Elements of a lazy array serialised by one native `JSON.stringify` call. */
const BATCH = 64;

/**
 * Gathers small pieces of text and hands them to the sink in chunks of about `chunkChars`
 * characters: a sink call (and, behind it, a buffer write) per chunk rather than per piece.
 */
class ChunkWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(
    private readonly sink: (chunk: string) => void,
    private readonly chunkChars: number,
  ) {}
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= this.chunkChars) this.flush();
  }
  flush(): void {
    if (this.size === 0) return;
    const chunk = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.sink(chunk);
  }
}

/**
 * Pretty-printed JSON of `batch` (non-empty, plain values) as the elements of an array nested at
 * `indent`: the elements separated by `,\n${indent}  `, without the brackets. One native stringify
 * of the batch wrapped in as many arrays as `indent` is deep, so the engine writes the indentation
 * (no re-indenting pass over the text).
 */
function batchText(batch: unknown[], indent: string): string {
  const depth = indent.length >> 1;
  let wrapped: unknown = batch;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const s = JSON.stringify(wrapped, null, 2);
  // Opening: "[\n  " "[\n    " … down to the elements; closing: "\n" + indent + "]" … back out.
  let head = 0;
  let tail = 0;
  for (let k = 0; k <= depth; k++) {
    head += 2 + 2 * (k + 1);
    tail += 2 + 2 * k;
  }
  return s.slice(head, s.length - tail);
}

function write(v: unknown, out: ChunkWriter, indent: string): void {
  if (v instanceof LazyArray) {
    let first = true;
    const inner = indent + '  ';
    const separator = `,\n${inner}`;
    let batch: unknown[] = [];
    const flushBatch = () => {
      if (batch.length === 0) return;
      out.write(first ? `[\n${inner}` : separator);
      first = false;
      out.write(batchText(batch, indent));
      batch = [];
    };
    for (const x of v.items()) {
      if (x instanceof LazyArray || x instanceof LazyObject || x instanceof LazyTextArray) {
        flushBatch();
        out.write(first ? `[\n${inner}` : separator);
        first = false;
        write(x, out, inner);
      } else {
        batch.push(x);
        if (batch.length === BATCH) flushBatch();
      }
    }
    flushBatch();
    out.write(first ? '[]' : `\n${indent}]`);
    return;
  }
  if (v instanceof LazyTextArray) {
    const inner = indent + '  ';
    if (inner.length !== 2 * v.depth) throw new Error(`LazyTextArray: elements written for depth ${v.depth} placed at depth ${inner.length >> 1}`);
    const separator = `,\n${inner}`;
    let first = true;
    for (const t of v.texts()) {
      out.write(first ? `[\n${inner}` : separator);
      first = false;
      out.write(t);
    }
    out.write(first ? '[]' : `\n${indent}]`);
    return;
  }
  if (v instanceof LazyObject) {
    let first = true;
    const inner = indent + '  ';
    for (const [k, x] of v.entries()) {
      if (x === undefined) continue;
      out.write(`${first ? '{' : ','}\n${inner}${JSON.stringify(k)}: `);
      first = false;
      write(x, out, inner);
    }
    out.write(first ? '{}' : `\n${indent}}`);
    return;
  }
  const s = JSON.stringify(v, null, 2);
  // JSON text never contains a raw newline inside a string, so re-indenting is safe.
  out.write(indent === '' ? s : s.replace(/\n/g, `\n${indent}`));
}

/**
 * Writes a tree as pretty-printed JSON (2-space indent, like `JSON.stringify(v, null, 2)`) to `sink`
 * in chunks of about `chunkChars` characters (a lazy array's elements are serialised a batch at a
 * time), never the whole text at once. `suffix` is appended to the text (e.g. a final newline).
 */
export function streamJson(v: unknown, sink: (chunk: string) => void, options: { chunkChars?: number; suffix?: string } = {}): void {
  const out = new ChunkWriter(sink, Math.max(1, options.chunkChars ?? DEFAULT_CHUNK_CHARS));
  write(v, out, '');
  if (options.suffix) out.write(options.suffix);
  out.flush();
}
