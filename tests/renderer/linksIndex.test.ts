import fc from 'fast-check';
import { applyPatches, enableMapSet, enablePatches, produceWithPatches, type Patch } from 'immer';
import { describe, expect, it } from 'vitest';
import type { PrerequisiteLink } from '../../src-core/model/types';
import { linksOf } from '../../src-renderer/src/inspector/prerequisiteCandidates';

enableMapSet();
enablePatches();

type Links = Map<string, PrerequisiteLink>;
const comps = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'];
const link = (id: string, from: string, to: string, note?: string) => ({ id, from, to, ...(note ? { note } : {}) }) as unknown as PrerequisiteLink;

/** The lists as the inspector must show them: a pass over every link, in document order. */
const naive = (links: Links, id: string) => ({
  incoming: [...links.values()].filter((l) => l.to === id),
  outgoing: [...links.values()].filter((l) => l.from === id),
});

// The edits a user makes to links, as immer recipes on the Map (an edit replaces the Map; undo applies
// the inverse patches, which re-adds a removed link at the end).
type Edit =
  | { kind: 'link'; from: number; to: number }
  | { kind: 'unlink'; at: number }
  | { kind: 'note'; at: number; note: string }
  | { kind: 'reconnect'; at: number; from: number }
  | { kind: 'move-to-end'; at: number }
  | { kind: 'undo' }
  | { kind: 'selection' };
const idx = fc.nat({ max: 40 });
const c = fc.nat({ max: comps.length - 1 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('link' as const), from: c, to: c }),
  fc.record({ kind: fc.constant('unlink' as const), at: idx }),
  fc.record({ kind: fc.constant('note' as const), at: idx, note: fc.string({ maxLength: 5 }) }),
  fc.record({ kind: fc.constant('reconnect' as const), at: idx, from: c }),
  fc.record({ kind: fc.constant('move-to-end' as const), at: idx }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'selection' as const }),
);

describe('the inspector link lists of a competency', () => {
  it('match a pass over every link after any sequence of link edits and undos, and lists shown before an edit stay as they were', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(c, c), { maxLength: 12 }), fc.array(edit, { maxLength: 25 }), (start, edits) => {
        let links: Links = new Map(start.map(([f, t], i) => [`l${i}`, link(`l${i}`, comps[f]!, comps[t]!)]));
        let next = start.length;
        const undo: Patch[][] = [];
        const shown: { links: Links; id: string; lists: ReturnType<typeof linksOf>; expected: ReturnType<typeof naive> }[] = [];
        for (const e of edits) {
          const keys = [...links.keys()];
          const pick = (at: number) => keys[at % Math.max(1, keys.length)];
          if (e.kind === 'undo') {
            const inverse = undo.pop();
            if (inverse) links = applyPatches(links, inverse);
          } else if (e.kind !== 'selection') {
            const [out, , inverse] = produceWithPatches(links, (d) => {
              const k = e.kind === 'link' ? undefined : pick(e.at);
              if (e.kind === 'link') d.set(`l${next}`, link(`l${next++}`, comps[e.from]!, comps[e.to]!));
              else if (!k) return;
              else if (e.kind === 'unlink') d.delete(k);
              else if (e.kind === 'note') d.set(k, { ...d.get(k)!, note: e.note } as PrerequisiteLink);
              else if (e.kind === 'reconnect') d.set(k, { ...d.get(k)!, from: comps[e.from]! } as PrerequisiteLink);
              else {
                const l = d.get(k)!;
                d.delete(k);
                d.set(k, l);
              }
            });
            links = out;
            undo.push(inverse);
          }
          for (const id of comps) {
            const lists = linksOf(links, id);
            expect(lists).toEqual(naive(links, id));
            shown.push({ links, id, lists, expected: naive(links, id) });
          }
        }
        for (const s of shown) {
          expect({ incoming: [...s.lists.incoming], outgoing: [...s.lists.outgoing] }).toEqual(s.expected);
          expect(linksOf(s.links, s.id)).toEqual(s.expected); // an older version asked again (e.g. after undo)
        }
      }),
      { numRuns: 300 },
    );
  });
});
