import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LazyArray, LazyObject, LazyTextArray, materialize, streamJson } from '../../../src-core/case/jsonStream';

/**
 * Wraps plain JSON values into lazy nodes at random, so arrays at every depth are streamed in batches
 * or as element texts pretty-printed for their depth (`depth` = the depth of `v` itself).
 */
const lazify = (v: unknown, pick: () => boolean, depth = 0): unknown => {
  if (Array.isArray(v)) {
    if (pick() && pick()) return new LazyTextArray(depth + 1, () => v.map((x) => JSON.stringify(x, null, 2).replace(/\n/g, `\n${'  '.repeat(depth + 1)}`)));
    const xs = v.map((x) => lazify(x, pick, depth + 1));
    return pick() ? new LazyArray(() => xs) : xs;
  }
  if (v && typeof v === 'object') {
    const es = Object.entries(v).map(([k, x]) => [k, lazify(x, pick, depth + 1)] as const);
    return pick() ? new LazyObject(() => es) : Object.fromEntries(es);
  }
  return v;
};

const text = (tree: unknown, chunkChars?: number) => {
  const chunks: string[] = [];
  streamJson(tree, (c) => chunks.push(c), { chunkChars, suffix: '\n' });
  return { text: chunks.join(''), chunks };
};

describe('streamJson', () => {
  it('writes the text of JSON.stringify(materialize(tree), null, 2) for lazy arrays at any depth, in any chunk size', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.integer({ min: 1, max: 300 }), fc.integer(), (value, chunkChars, seed) => {
        let s = seed;
        const tree = lazify(value, () => ((s = (s * 1103515245 + 12345) | 0) & 1) === 0);
        const expected = JSON.stringify(materialize(tree), null, 2) + '\n';
        expect(text(tree, chunkChars).text).toBe(expected);
        expect(text(tree).text).toBe(expected);
      }),
    );
  });
  it('batches a long lazy array into chunks near the requested size', () => {
    const tree = new LazyObject(() => [['a', new LazyObject(() => [['items', new LazyArray(() => Array.from({ length: 5000 }, (_, i) => ({ id: i, tags: ['x', 'y'] })))]])]]);
    const { text: t, chunks } = text(tree, 4096);
    expect(t).toBe(JSON.stringify(materialize(tree), null, 2) + '\n');
    expect(chunks.length).toBeGreaterThan(20);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(4096 + 10_000);
  });
  it('refuses element texts written for another depth (a bug, not a file problem)', () => {
    const tree = new LazyObject(() => [['a', new LazyTextArray(3, () => ['1'])]]);
    expect(() => text(tree)).toThrow(/depth 3.*depth 2/);
  });
  it('keeps a member called __proto__ when materialising', () => {
    const v = materialize(new LazyObject(() => [['__proto__', 1], ['b', undefined], ['c', 2]]));
    expect(Object.keys(v as object)).toEqual(['__proto__', 'c']);
    expect(JSON.stringify(v)).toBe('{"__proto__":1,"c":2}');
  });
});
