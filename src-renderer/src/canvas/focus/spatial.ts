import type { Framework } from '../../../../src-core/model/types';
import { NODE_H, NODE_W } from '../geometry';

/** Where an arrow key points. */
export type Direction = 'left' | 'right' | 'up' | 'down';

export const ARROW_DIRECTIONS: Readonly<Record<string, Direction>> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/**
 * The card an arrow key goes to from `from` on the map: the nearest card whose centre lies that way — within
 * 45° of the arrow if there is one, else anywhere on that side — scored by the distance along the arrow plus
 * twice the distance across it, so the card straight ahead wins over a nearer one off to the side. Cards in
 * `hidden` (inside a collapsed domain) are not on the map. Undefined when nothing lies that way (or `from` is
 * not a competency). One pass over the competencies: nothing is kept between key presses.
 */
export function nearestInDirection(
  competencies: Framework['competencies'],
  from: string,
  dir: Direction,
  hidden?: ReadonlyMap<string, unknown> | ReadonlySet<string> | null,
): string | undefined {
  const start = competencies[from as keyof typeof competencies];
  if (!start) return undefined;
  // every card has the same footprint: centres compare as top-left corners do
  const x0 = start.position.x + NODE_W / 2;
  const y0 = start.position.y + NODE_H / 2;
  const horizontal = dir === 'left' || dir === 'right';
  const sign = dir === 'right' || dir === 'down' ? 1 : -1;
  let best: string | undefined;
  let bestScore = Infinity;
  let bestInCone = false;
  for (const id in competencies) {
    if (id === from || hidden?.has(id)) continue;
    const p = competencies[id as keyof typeof competencies]!.position;
    const dx = p.x + NODE_W / 2 - x0;
    const dy = p.y + NODE_H / 2 - y0;
    const along = sign * (horizontal ? dx : dy);
    if (along < 1) continue; // not that way (a card level with this one is not "below" it)
    const across = Math.abs(horizontal ? dy : dx);
    const inCone = across <= along;
    if (bestInCone && !inCone) continue;
    const score = along + 2 * across;
    if ((inCone && !bestInCone) || score < bestScore) {
      best = id;
      bestScore = score;
      bestInCone = inCone;
    }
  }
  return best;
}
