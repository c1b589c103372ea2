import { reachableFrom } from '../../../../src-core/graph/paths';
import type { Framework } from '../../../../src-core/model/types';

/**
 * The competencies within `depth` prerequisite steps of `id`, upstream (what it requires) and
 * downstream (what it unlocks). Focus mode dims everything else.
 */
export function focusSet(fw: Pick<Framework, 'competencies' | 'prerequisites'>, id: string, depth: number): Set<string> {
  if (!fw.competencies[id]) return new Set();
  return new Set<string>([id, ...reachableFrom(fw, id, 'in', depth), ...reachableFrom(fw, id, 'out', depth)]);
}
