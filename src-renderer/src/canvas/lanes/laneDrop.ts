import { collapsedSet } from '../../../../src-core/view/collapse';
import { assignDomains, moveCompetencies, type Command } from '../../../../src-core/commands';
import { dropIndex, laneSpans } from '../../../../src-core/layout/lanePlacement';
import type { Framework, Position } from '../../../../src-core/model/types';
import type { LaneOrientation } from '../../store/session';
import { NODE_H, NODE_W } from '../geometry';

/** What a drop of dragged cards does. */
export type LaneDrop =
  /** Commit this (one undo step); `joined` = whether some card changes domain (the notice then says so). */
  | { kind: 'commit'; command: Command; joined: boolean }
  /** Nothing moves (the cards go back): `message` says why. */
  | { kind: 'refuse'; message: string };

/**
 * A drop of dragged cards (`drag`: competency id → top-left where dropped). A card whose centre is in
 * another domain's lane and not in its own joins that domain (the innermost lane under it), a domainless
 * card dropped in a lane joins it, in the same undo step as the move (core `assignDomains`, which also
 * brings it wholly inside the lane, clear of the cards there); elsewhere the cards only move. The lanes
 * are those of the cards not dragged (while a card is dragged its own lane stretches to follow it).
 * A collapsed domain's lane takes nothing: the drop is refused. Runs once per drop, O(map) — never per
 * pointer move.
 */
export function laneDrop(fw: Framework, orientation: LaneOrientation, collapsedDomains: readonly string[], drag: Readonly<Record<string, Position>>): LaneDrop {
  const ids = Object.keys(drag);
  const move = (): LaneDrop => ({ kind: 'commit', command: moveCompetencies(drag), joined: false });
  if (orientation === 'none' || fw.domains.length === 0) return move();
  const spans = laneSpans(Object.values(fw.competencies), { orientation }, new Set(ids));
  const index = dropIndex(spans, fw.domains, orientation, collapsedSet(fw.domains, collapsedDomains));
  const changes: Record<string, string> = {};
  let joined = false;
  for (const id of ids) {
    const c = fw.competencies[id];
    if (!c) continue;
    const p = drag[id]!;
    const t = index.at({ x: p.x + NODE_W / 2, y: p.y + NODE_H / 2 }, c.domainId);
    if (t.kind === 'collapsed') {
      const title = fw.domains.find((d) => d.id === t.domainId)?.title ?? 'That domain';
      return { kind: 'refuse', message: `${title} is collapsed: expand it to move competencies into it.` };
    }
    if (t.kind === 'move') {
      changes[id] = t.domainId;
      joined = true;
    }
  }
  if (!joined) return move();
  return { kind: 'commit', command: assignDomains(changes, { orientation, positions: drag }), joined };
}

/**
 * The domain of the lane under a point (flow coordinates; the innermost lane), or null outside every
 * lane, over a collapsed domain's lane or with lanes off: where a competency created there (a
 * double-click on the canvas) belongs. O(map), once per call.
 */
export function laneDomainAt(fw: Framework, orientation: LaneOrientation, collapsedDomains: readonly string[], point: Position): string | null {
  if (orientation === 'none' || fw.domains.length === 0) return null;
  const spans = laneSpans(Object.values(fw.competencies), { orientation });
  const t = dropIndex(spans, fw.domains, orientation, collapsedSet(fw.domains, collapsedDomains)).at(point, null);
  return t.kind === 'move' ? t.domainId : null;
}
