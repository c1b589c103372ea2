import { dropTarget, laneSpans } from '../../src-core/layout/lanePlacement';
import type { DomainId } from '../../src-core/model/ids';
import type { Framework, Position } from '../../src-core/model/types';
import { NODE_H, NODE_W } from '../../src-renderer/src/canvas/geometry';
import type { LaneOrientation } from '../../src-renderer/src/store/session';

/**
 * The framework with each competency of `positions` in the domain a drop there gives it (core
 * `dropTarget` against the lanes of the cards not moved): what the lanes during a drag show.
 */
export function withDropDomains<F extends Pick<Framework, 'competencies' | 'domains'>>(fw: F, orientation: LaneOrientation, positions: Record<string, Position>): F {
  if (orientation === 'none' || !fw.domains.length) return fw;
  const moving = new Set(Object.keys(positions).filter((id) => fw.competencies[id]));
  const spans = laneSpans(Object.values(fw.competencies), { orientation, size: { width: NODE_W, height: NODE_H } }, moving);
  const competencies = { ...fw.competencies };
  for (const id of moving) {
    const c = competencies[id]!;
    const p = positions[id]!;
    const t = dropTarget({ x: p.x + NODE_W / 2, y: p.y + NODE_H / 2 }, c.domainId, spans, fw.domains, orientation);
    if (t.kind === 'move') competencies[id] = { ...c, domainId: t.domainId as DomainId };
  }
  return { ...fw, competencies };
}
