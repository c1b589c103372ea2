import { LANE_PAD, LANE_TOP_PAD } from '../../../../src-core/layout/lanePlacement';

/** A collapsed domain's card as the lanes need it: where it is, and the domains it stands for (the collapsed one first). */
export interface FoldedCard {
  domainIds: readonly string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A lane's box (flow units), as `LaneRect` and the lane nodes' data have it. */
interface LaneBox {
  domainId: string;
  x: number;
  y: number;
  width: number;
  height: number;
  room?: readonly [number, number];
}

/**
 * The lanes with every collapsed domain's lane shrunk to its card: across the flow axis it is the card with the
 * room a lane leaves around its cards (LANE_TOP_PAD before, LANE_PAD after, as `laneGeometry` pads them), never
 * wider than the lanes it replaces; along the flow axis it still spans the whole drawing, as every lane does. A
 * collapsed domain's nested domains are in its card: their lanes go (the collapsed domain's own lane stands for
 * them all; the first of them when it has none of its own), and keeps in `room` where the lanes it replaces were.
 * Other lanes are returned as they are, in order.
 * O(lanes + folded domains).
 */
export function foldLanes<T extends LaneBox>(lanes: readonly T[], cards: readonly FoldedCard[], orientation: 'horizontal' | 'vertical'): T[] {
  if (!cards.length || !lanes.length) return lanes as T[];
  const horizontal = orientation === 'horizontal';
  const byDomain = new Map<string, T>();
  for (const l of lanes) byDomain.set(l.domainId, l);
  const replaced = new Map<string, T | null>();
  for (const card of cards) {
    let keep: T | undefined;
    let lo = Infinity;
    let hi = -Infinity;
    for (const id of card.domainIds) {
      const l = byDomain.get(id);
      if (!l) continue;
      keep ??= l;
      lo = Math.min(lo, horizontal ? l.y : l.x);
      hi = Math.max(hi, horizontal ? l.y + l.height : l.x + l.width);
      replaced.set(id, null);
    }
    if (!keep) continue;
    const start = horizontal ? card.y - LANE_TOP_PAD : card.x - LANE_PAD;
    const end = horizontal ? card.y + card.height + LANE_PAD : card.x + card.width + LANE_PAD;
    const a = Math.max(lo, start);
    const b = Math.min(hi, end);
    const room = [lo, hi] as const;
    replaced.set(keep.domainId, horizontal ? { ...keep, y: a, height: b - a, room } : { ...keep, x: a, width: b - a, room });
  }
  const out: T[] = [];
  for (const l of lanes) {
    const r = replaced.get(l.domainId);
    if (r === undefined) out.push(l);
    else if (r) out.push(r);
  }
  return out;
}
