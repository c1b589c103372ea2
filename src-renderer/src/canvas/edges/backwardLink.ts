import { NODE_H, NODE_W } from '../geometry';

/** A card as the backward-link routing sees it (flow coordinates). */
export interface CardBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Whether a link from (sx, sy) to (tx, ty) runs backwards along its row (`across` 'y': the target's
 * left edge well left of the source's right edge, at about the same height) or column ('x'), where an
 * ordinary curve would lie along the row behind the cards. Between rows the curve is seen; it stays.
 */
export function runsBackwards(sx: number, sy: number, tx: number, ty: number, across: 'x' | 'y'): boolean {
  return across === 'y' ? tx < sx - NODE_W / 2 && Math.abs(ty - sy) < NODE_H : ty < sy - NODE_H / 2 && Math.abs(tx - sx) < NODE_W;
}

/** How far past the cards a link that runs backwards passes, and how wide it turns. */
const BELOW = 22;
const TURN = 48;

/**
 * Where a backward link can run past the cards it would otherwise cross, its ends' included (flow
 * coordinates). Rows (`across` = 'y'): the level under every card between x = lo and hi, starting from
 * the level of its ends (`from`). Columns ('x'): the line right of every card between y = lo and hi.
 * Lanes and collapsed domains do not count (a link may cross a lane's band).
 */
export function clearLine(cards: Iterable<CardBox>, across: 'x' | 'y', lo: number, hi: number, from: number): number {
  const list = [...cards];
  let at = from;
  // Until no card in the way is left: moving the line past one card may put it across the next.
  for (let moved = true, rounds = 0; moved && rounds < 8; rounds++) {
    moved = false;
    for (const c of list) {
      const [start, size, along, length] = across === 'y' ? [c.y, c.height, c.x, c.width] : [c.x, c.width, c.y, c.height];
      const end = start + size;
      if (along + length < lo || along > hi || end <= at || start >= at + BELOW) continue;
      at = end;
      moved = true;
    }
  }
  return at;
}

/**
 * The path of a link that runs backwards from (sx, sy) to (tx, ty): out of its source, round past the
 * cards in the way (below them on rows, `across` 'y'; right of them in columns, 'x') and into its target
 * from the usual side. Shared by the canvas and the map image export.
 */
export function backwardLinkPath(sx: number, sy: number, tx: number, ty: number, across: 'x' | 'y', cards: Iterable<CardBox>): string {
  if (across === 'y') {
    const line = clearLine(cards, 'y', tx, sx, Math.max(sy, ty)) + BELOW;
    return `M ${sx},${sy} C ${sx + TURN},${sy} ${sx + TURN},${line} ${sx},${line} L ${tx},${line} C ${tx - TURN},${line} ${tx - TURN},${ty} ${tx},${ty}`;
  }
  const line = clearLine(cards, 'x', ty, sy, Math.max(sx, tx)) + BELOW;
  return `M ${sx},${sy} C ${sx},${sy + TURN} ${line},${sy + TURN} ${line},${sy} L ${line},${ty} C ${line},${ty - TURN} ${tx},${ty - TURN} ${tx},${ty}`;
}

