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

/** The plain value of a tree (lazy nodes expanded). */
export function materialize(v: unknown): unknown {
  if (v instanceof LazyArray) {
    const out: unknown[] = [];
    for (const x of v.items()) out.push(materialize(x));
    return out;
  }
  if (v instanceof LazyObject) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of v.entries()) {
      if (x === undefined) continue;
      Object.defineProperty(out, k, { value: materialize(x), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return v;
}

/**
 * Writes a tree as pretty-printed JSON (2-space indent, like `JSON.stringify(v, null, 2)`) to `sink`
 * in chunks: one chunk per element of a lazy array, never the whole text at once.
 */
export function streamJson(v: unknown, sink: (chunk: string) => void, indent = ''): void {
  if (v instanceof LazyArray) {
    let first = true;
    const inner = indent + '  ';
    for (const x of v.items()) {
      sink(first ? `[\n${inner}` : `,\n${inner}`);
      first = false;
      streamJson(x, sink, inner);
    }
    sink(first ? '[]' : `\n${indent}]`);
    return;
  }
  if (v instanceof LazyObject) {
    let first = true;
    const inner = indent + '  ';
    for (const [k, x] of v.entries()) {
      if (x === undefined) continue;
      sink(`${first ? '{' : ','}\n${inner}${JSON.stringify(k)}: `);
      first = false;
      streamJson(x, sink, inner);
    }
    sink(first ? '{}' : `\n${indent}}`);
    return;
  }
  const s = JSON.stringify(v, null, 2);
  // JSON text never contains a raw newline inside a string, so re-indenting is safe.
  sink(indent === '' ? s : s.replace(/\n/g, `\n${indent}`));
}
