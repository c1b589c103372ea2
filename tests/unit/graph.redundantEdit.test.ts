import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraphFromLists, layering, redundantLinks, redundantLinksAfterEdit } from '../../src-core/graph';
import type { PrerequisiteLink } from '../../src-core/model/types';

/** A DAG over nodes 0…n-1 (edges go from a lower to a higher number), as links with stable ids. */
const dag = fc.integer({ min: 3, max: 30 }).chain((n) =>
  fc.tuple(
    fc.constant(n),
    fc.uniqueArray(
      fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([a, b]) => a < b),
      { maxLength: 3 * n, selector: ([a, b]) => `${a}>${b}` },
    ),
  ),
);
const edit = fc.array(fc.oneof(fc.record({ add: fc.tuple(fc.nat(), fc.nat()) }), fc.record({ remove: fc.nat() })), { minLength: 1, maxLength: 3 });

const link = (id: string, a: number, b: number): PrerequisiteLink => ({ id, from: String(a), to: String(b), note: '' }) as PrerequisiteLink;

describe('redundant links after a link edit (property)', () => {
  it('searching again only from the affected sources gives exactly what a search from scratch gives', () => {
    let updated = 0;
    fc.assert(
      fc.property(dag, edit, ([n, edges], ops) => {
        const ids = Array.from({ length: n }, (_, i) => String(i));
        const links0 = edges.map(([a, b], k) => link(`e${k}`, a, b));
        const g0 = buildGraphFromLists(ids, links0);
        const d0 = layering(g0).depth;
        const r0 = redundantLinks(g0, d0);
        let links1 = [...links0];
        ops.forEach((op, k) => {
          if ('add' in op) {
            const a = op.add[0] % n;
            const b = op.add[1] % n;
            if (a < b) links1.push(link(`x${k}`, a, b)); // keeps the graph acyclic
          } else if (links1.length) links1 = links1.filter((_, i) => i !== op.remove % links1.length);
        });
        const g1 = buildGraphFromLists(ids, links1);
        const d1 = layering(g1).depth;
        const full = redundantLinks(g1, d1);
        const inc = redundantLinksAfterEdit(g1, d1, { graph: g0, depth: d0, result: r0 });
        if (!inc) return;
        updated++;
        expect(inc.links).toEqual(full.links);
        expect([...inc.path]).toEqual([...full.path]); // each chain as node numbers, merged alike
        expect([...inc.pathStart]).toEqual([...full.pathStart]);
        expect([...inc.sources]).toEqual([...full.sources]);
        expect(inc.complete).toBe(full.complete);
      }),
      { numRuns: 1500 },
    );
    expect(updated).toBeGreaterThan(300); // most edits are updated, not searched from scratch
  });
});
