import { prerequisiteGraph } from '../../../../src-core/graph';
import type { Framework } from '../../../../src-core/model/types';

/**
 * The competencies within `depth` prerequisite steps of `id`, upstream (what it requires) and
 * downstream (what it unlocks). Focus mode dims everything else.
 */
export function focusSet(fw: Pick<Framework, 'competencies' | 'prerequisites'>, id: string, depth: number): Set<string> {
  const g = prerequisiteGraph(fw);
  const start = g.index.get(id);
  const out = new Set<string>();
  if (start === undefined) return out;
  out.add(id);
  const walk = (starts: Int32Array, next: Int32Array) => {
    let frontier = [start];
    const seen = new Set<number>([start]);
    for (let d = 0; d < depth && frontier.length; d++) {
      const nextFrontier: number[] = [];
      for (const v of frontier) {
        for (let e = starts[v]!; e < starts[v + 1]!; e++) {
          const w = next[e]!;
          if (seen.has(w)) continue;
          seen.add(w);
          out.add(g.ids[w]!);
          nextFrontier.push(w);
        }
      }
      frontier = nextFrontier;
    }
  };
  walk(g.inStart, g.inFrom);
  walk(g.outStart, g.outTo);
  return out;
}
