/**
 * Where the lane headers go in the lane strip beside the map (LaneLabels): one header per lane in view,
 * at its lane's place and size on screen, kept inside the visible part of a lane partly scrolled out.
 * Pure and O(lanes) per call — it runs on every pan and zoom frame.
 */

/** Which side of the map the strip is on: left of horizontal lanes (bands), above vertical ones (columns). */
export type StripSide = 'left' | 'top';

/** A lane in flow coordinates (what React Flow's lane nodes hold). */
export interface FlowLane {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How much of a header is shown: chevron, code and title; the code only; nothing is not placed. */
export type HeaderMode = 'full' | 'code';

/** A lane's header in the strip (px along the strip from the map's top or left edge). */
export interface StripHeader<T> {
  item: T;
  start: number;
  size: number;
  mode: HeaderMode;
  /** Title lines shown (1–3) in `full` mode; the title is ellipsed after them. */
  lines: number;
}

/** Line height of a header's text (`.lane-strip .lane-label` in app.css). */
export const HEADER_LINE = 15;
/** Padding above and below a header's text in a band's header. */
const PAD = 3;
/** A band thinner than this on screen shows its code only. */
const FULL_MIN_BAND = HEADER_LINE + 2 * PAD;
/** A band thinner than this shows nothing (the code chip does not fit). */
const CODE_MIN_BAND = 12;
/** A column narrower than this shows its code only. */
const FULL_MIN_COLUMN = 64;
/** A column narrower than this shows nothing. */
const CODE_MIN_COLUMN = 26;
/** Most title lines a header shows. */
const MAX_LINES = 3;

/**
 * The headers of the lanes in view. `transform` is React Flow's `[x, y, zoom]`; `extent` the map's
 * height (left strip) or width (top strip) on screen. A lane partly out of view has its header in
 * the visible part; headers never overlap (lanes may, when competencies are dragged into another
 * domain's lane): a later one starts where the one before ends, and is dropped when too little is left.
 */
export function stripHeaders<T extends FlowLane>(lanes: readonly T[], transform: readonly [number, number, number], side: StripSide, extent: number): StripHeader<T>[] {
  const [tx, ty, k] = transform;
  const seen: { item: T; a: number; b: number }[] = [];
  for (const l of lanes) {
    const from = side === 'left' ? l.y * k + ty : l.x * k + tx;
    const to = from + (side === 'left' ? l.height : l.width) * k;
    const a = Math.max(from, 0);
    const b = Math.min(to, extent);
    if (b > a) seen.push({ item: l, a, b });
  }
  // in screen order (stable: ties keep domain order)
  seen.sort((p, q) => p.a - q.a);
  const out: StripHeader<T>[] = [];
  let end = -Infinity;
  for (const { item, a, b } of seen) {
    const start = Math.max(a, end);
    const size = b - start;
    const mode = headerMode(side, size);
    if (!mode) continue;
    out.push({ item, start, size, mode, lines: mode === 'full' ? headerLines(side, size) : 0 });
    end = b;
  }
  return out;
}

function headerMode(side: StripSide, size: number): HeaderMode | null {
  if (side === 'left') return size >= FULL_MIN_BAND ? 'full' : size >= CODE_MIN_BAND ? 'code' : null;
  return size >= FULL_MIN_COLUMN ? 'full' : size >= CODE_MIN_COLUMN ? 'code' : null;
}

function headerLines(side: StripSide, size: number): number {
  if (side === 'top') return MAX_LINES;
  return Math.max(1, Math.min(MAX_LINES, Math.floor((size - 2 * PAD) / HEADER_LINE)));
}
