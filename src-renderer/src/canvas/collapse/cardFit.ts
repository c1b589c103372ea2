/**
 * How big a collapsed domain's card may be drawn, and where, at a given zoom.
 *
 * Zoomed far out a card is enlarged so it stays readable (`wantedCardScale`), but never past the
 * room it has: the space its lanes had before it folded (the lanes of the domains it stands for; the lane drawn
 * shrinks to the card, lanes/foldedLanes.ts) and the cards around it. The room
 * is worked out once per collapse (`collapsedCardFits`, O(collapsed domains²), a handful); per zoom
 * change only `collapsedCardPlacement` runs, per collapsed card (cheap arithmetic, no pass over the map).
 */

/** A rectangle in canvas units. */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** What a collapsed card needs to know to be placed at any zoom (plain numbers: node data compares them). */
export type CardFit = {
  /** Largest scale at which it cannot overlap a card without a room (both scaled about their centres); `Infinity` when there is none. */
  maxScale: number;
  /** Its room (canvas units): the union of its lanes; `null` without lanes (then only `maxScale` bounds it). */
  roomX0: number | null;
  roomY0: number | null;
  roomX1: number | null;
  roomY1: number | null;
  /** It may slide inside its room to grow bigger (it has a room, and no two rooms overlap). */
  shift: boolean;
};

/** Where a card is drawn: `scale` about its centre, after a translation by (`dx`, `dy`) canvas units. */
export interface CardPlacement {
  scale: number;
  dx: number;
  dy: number;
}

/** Narrowest a collapsed domain's card is wanted on screen, however far out the canvas is zoomed. */
export const COLLAPSED_MIN_SCREEN_W = 150;
/** Screen pixels kept clear between an enlarged card and the edge of its room (lane labels poke ≤ 2 px out of a lane). */
export const CARD_MARGIN_PX = 4;

/**
 * How much a collapsed domain's card (`width` canvas units wide) is wanted enlarged at zoom `zoom`:
 * 1 when it is at least `COLLAPSED_MIN_SCREEN_W` px wide on screen, more when zoomed further out.
 * Rounded up to 1/50, so the scale changes in steps.
 */
export function wantedCardScale(zoom: number, width: number): number {
  const w = width * zoom;
  if (!(w > 0) || w >= COLLAPSED_MIN_SCREEN_W) return 1;
  return Math.ceil((COLLAPSED_MIN_SCREEN_W / w) * 50) / 50;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * The fit of each card (top-left `position`, `width` × `height` canvas units, `room` = its lanes or
 * `null`), in input order. Rooms that overlap (lanes of interleaved domains, or one folded domain's
 * lanes around another's) are cut apart at the midline between the two cards' centres, across the
 * axis on which the centres are further apart (in card sizes), so every room keeps its card's centre
 * and no two rooms overlap: cards inside their rooms cannot overlap. Cards without a room are kept
 * apart from the others by `maxScale`: equal scales `s` about their centres do not overlap while
 * `s ≤ max(|dx| / width, |dy| / height)`, so each takes the smallest such bound (and does not slide).
 * O(cards²): run once per collapse, not per frame.
 */
export function collapsedCardFits(cards: readonly { position: { x: number; y: number }; room: Rect | null }[], width: number, height: number): CardFit[] {
  const rooms = cards.map((c) => (c.room ? { ...c.room } : null));
  const maxScale = cards.map(() => Infinity);
  for (let i = 0; i < cards.length; i++) {
    const a = cards[i]!.position;
    for (let j = i + 1; j < cards.length; j++) {
      const b = cards[j]!.position;
      const ra = rooms[i];
      const rb = rooms[j];
      const mx = Math.abs(a.x - b.x) / width;
      const my = Math.abs(a.y - b.y) / height;
      if (!ra || !rb) {
        maxScale[i] = Math.min(maxScale[i]!, Math.max(mx, my));
        maxScale[j] = Math.min(maxScale[j]!, Math.max(mx, my));
        continue;
      }
      if (!overlaps(ra, rb)) continue;
      if (mx === 0 && my === 0) {
        // one centre: nothing separates them but their own size
        maxScale[i] = maxScale[j] = 1;
        continue;
      }
      const [lo, hi] = (my >= mx ? a.y <= b.y : a.x <= b.x) ? [ra, rb] : [rb, ra];
      if (my >= mx) {
        const cut = (a.y + b.y) / 2 + height / 2;
        lo.y1 = Math.min(lo.y1, cut);
        hi.y0 = Math.max(hi.y0, cut);
      } else {
        const cut = (a.x + b.x) / 2 + width / 2;
        lo.x1 = Math.min(lo.x1, cut);
        hi.x0 = Math.max(hi.x0, cut);
      }
    }
  }
  return cards.map((_, i) => {
    const r = rooms[i];
    return { maxScale: maxScale[i]!, roomX0: r?.x0 ?? null, roomY0: r?.y0 ?? null, roomX1: r?.x1 ?? null, roomY1: r?.y1 ?? null, shift: r !== null };
  });
}

const floor50 = (x: number) => Math.floor(x * 50 + 1e-9) / 50;

/** One axis: the largest scale the room allows, and the slide that keeps the scaled card inside it. */
function axis(lo: number | null, hi: number | null, start: number, size: number, inset: number, shift: boolean): { cap: number; slide: (scale: number) => number } {
  if (lo === null || hi === null) return { cap: Infinity, slide: () => 0 };
  const a = lo + inset;
  const b = hi - inset;
  const mid = start + size / 2;
  const room = shift ? b - a : 2 * Math.min(mid - a, b - mid);
  return {
    cap: room / size,
    slide: (scale) => {
      if (!shift) return 0;
      const s = scale * size;
      const from = mid - s / 2;
      if (b - a < s) return 0;
      return Math.min(Math.max(from, a), b - s) - from;
    },
  };
}

/**
 * Where the card of a collapsed domain (top-left `position`, `width` × `height`, `fit`) is drawn at zoom
 * `zoom`: enlarged towards `wantedCardScale`, but no further than its room (less `CARD_MARGIN_PX` on
 * screen each side) and `maxScale` allow, and never below its own size; when it may slide, moved the
 * least that keeps it inside its room (it still covers its own centre, where its links end, unless that
 * lies within the margin). The scale is in 1/50 steps and the slide in whole screen pixels.
 */
export function collapsedCardPlacement(position: { x: number; y: number }, fit: CardFit, zoom: number, width: number, height: number): CardPlacement {
  const wanted = wantedCardScale(zoom, width);
  if (wanted <= 1) return { scale: 1, dx: 0, dy: 0 };
  const inset = CARD_MARGIN_PX / zoom;
  const x = axis(fit.roomX0, fit.roomX1, position.x, width, inset, fit.shift);
  const y = axis(fit.roomY0, fit.roomY1, position.y, height, inset, fit.shift);
  const scale = Math.max(1, Math.min(wanted, floor50(Math.min(fit.maxScale, x.cap, y.cap))));
  if (scale === 1) return { scale, dx: 0, dy: 0 };
  const px = (v: number) => Math.round(v * zoom) / zoom;
  return { scale, dx: px(x.slide(scale)), dy: px(y.slide(scale)) };
}

/** The card's box on the canvas (canvas units) as drawn with `placement`. */
export function placedCardRect(position: { x: number; y: number }, placement: CardPlacement, width: number, height: number): Rect {
  const cx = position.x + width / 2 + placement.dx;
  const cy = position.y + height / 2 + placement.dy;
  const w = (width * placement.scale) / 2;
  const h = (height * placement.scale) / 2;
  return { x0: cx - w, y0: cy - h, x1: cx + w, y1: cy + h };
}
