import type { Framework } from '../../../src-core/model/types';
import type { LaneOrientation } from '../store/session';
import { laneExtents, lanesOf } from './lanes/laneGeometry';

/**
 * Whether the map's lanes in `orientation` would lie across one another: two domains, neither inside
 * the other, whose bands (rows) or columns overlap by more than a sliver. That is what a map laid out
 * in the other orientation looks like once its lanes turn (each lane spans its domain's cards, and
 * those run across the new lanes): the caller then says that Auto-layout arranges the map to match.
 * O(competencies + domains²) — run once per toggle, never per frame.
 */
export function lanesOverlap(fw: Pick<Framework, 'competencies' | 'domains'>, orientation: LaneOrientation): boolean {
  if (orientation === 'none' || fw.domains.length < 2) return false;
  const lanes = lanesOf(fw.domains, orientation, laneExtents(fw, orientation));
  const parent = new Map(fw.domains.map((d) => [d.id as string, d.parentId as string | null]));
  const within = (a: string, b: string): boolean => {
    // a is b or nested in it (a guard against a parent loop in a broken file)
    for (let x: string | null | undefined = a, k = 0; x && k <= fw.domains.length; x = parent.get(x), k++) if (x === b) return true;
    return false;
  };
  const rows = orientation === 'horizontal';
  const SLIVER = 8;
  for (let i = 0; i < lanes.length; i++) {
    const a = lanes[i]!;
    const a0 = rows ? a.y : a.x;
    const a1 = a0 + (rows ? a.height : a.width);
    for (let j = i + 1; j < lanes.length; j++) {
      const b = lanes[j]!;
      if (within(a.domainId, b.domainId) || within(b.domainId, a.domainId)) continue;
      const b0 = rows ? b.y : b.x;
      const b1 = b0 + (rows ? b.height : b.width);
      if (Math.min(a1, b1) - Math.max(a0, b0) > SLIVER) return true;
    }
  }
  return false;
}
