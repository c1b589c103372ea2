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
  /** A collapsed domain's shrunk lane: the space across the flow its header may grow into (laneGeometry's `LaneRect`). */
  room?: readonly [number, number];
}

/**
 * How tall on screen a collapsed domain's band header is at least, where the space its competencies left allows:
 * its chevron, code and two lines of title in the smaller type. Zoomed far out its shrunk lane is thinner than a
 * header (its card is enlarged there, collapse/cardFit.ts); the header grows about the lane's middle. A column's
 * header grows to a full header's width ({@link FULL_MIN_COLUMN}) the same way.
 */
export const FOLDED_MIN_HEADER = 28;

/**
 * How much of a header is shown: `full` = chevron, code and title; `compact` (a narrow column) = the code
 * over the title in a smaller type, wrapped over the strip's height and ellipsed after that; `code` = the
 * code only. A lane too thin for its code has no header. Every header has the full name as its tooltip.
 */
export type HeaderMode = 'full' | 'compact' | 'code';

/** A lane's header in the strip (px along the strip from the map's top or left edge). */
export interface StripHeader<T> {
  item: T;
  start: number;
  size: number;
  mode: HeaderMode;
  /** Title lines shown (1–3 in `full` mode, {@link COMPACT_LINES} in `compact` mode; 0 in `code` mode); the title is ellipsed after them. */
  lines: number;
  /**
   * A `full` header in the smaller type of the compact header: a column narrower than {@link DENSE_MAX_COLUMN}
   * (whole words fit more often), a band thinner than {@link DENSE_MAX_BAND} (more title lines fit).
   */
  dense: boolean;
}

/** Line height of a header's text (`.lane-strip .lane-label` in app.css). */
export const HEADER_LINE = 15;
/** Line height of a header's text in the smaller type (compact and dense headers, lanes.css). */
export const COMPACT_LINE = 12;
/** Most title lines a header shows. */
const MAX_LINES = 3;
/** Padding above and below a header's text in a band's header. */
const PAD = 3;
/** Padding above and below a header's text in the smaller type. */
const DENSE_PAD = 2;
/** A band thinner than this on screen sets its title in the smaller type (more of it fits). */
export const DENSE_MAX_BAND = MAX_LINES * HEADER_LINE + 2 * PAD;
/** A band thinner than this on screen shows its code only. */
const FULL_MIN_BAND = COMPACT_LINE + 2 * DENSE_PAD;
/** A band thinner than this shows nothing (the code chip does not fit). */
const CODE_MIN_BAND = 12;
/** A column header narrower than this sets its code and title in the smaller type (whole words fit more often). */
export const DENSE_MAX_COLUMN = 112;
/** A column narrower than this shows its code over its title in the smaller type, without its chevron. */
export const FULL_MIN_COLUMN = 64;
/** A column narrower than this shows its code only (too few letters a line for words). */
export const COMPACT_MIN_COLUMN = 36;
/** A column narrower than this shows nothing. */
const CODE_MIN_COLUMN = 26;
/**
 * Title lines of a compact header: what fits in the top strip (70 px, `--lane-strip-h` in app.css) under
 * its 3 px rule, 2 px padding above and below and the 13 px code line: (70 − 3 − 4 − 13) / 12.
 */
export const COMPACT_LINES = 4;

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
    let from = side === 'left' ? l.y * k + ty : l.x * k + tx;
    let to = from + (side === 'left' ? l.height : l.width) * k;
    const min = side === 'left' ? FOLDED_MIN_HEADER : FULL_MIN_COLUMN;
    if (l.room && to - from < min) {
      const lo = l.room[0] * k + (side === 'left' ? ty : tx);
      const hi = l.room[1] * k + (side === 'left' ? ty : tx);
      const size = Math.min(min, hi - lo);
      const mid = (from + to) / 2;
      from = Math.min(Math.max(mid - size / 2, lo), hi - size);
      to = from + size;
    }
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
    out.push({
      item,
      start,
      size,
      mode,
      lines: mode === 'full' ? headerLines(side, size) : mode === 'compact' ? COMPACT_LINES : 0,
      dense: mode === 'full' && size < (side === 'top' ? DENSE_MAX_COLUMN : DENSE_MAX_BAND),
    });
    end = b;
  }
  return out;
}

function headerMode(side: StripSide, size: number): HeaderMode | null {
  if (side === 'left') return size >= FULL_MIN_BAND ? 'full' : size >= CODE_MIN_BAND ? 'code' : null;
  return size >= FULL_MIN_COLUMN ? 'full' : size >= COMPACT_MIN_COLUMN ? 'compact' : size >= CODE_MIN_COLUMN ? 'code' : null;
}

function headerLines(side: StripSide, size: number): number {
  if (side === 'top') return MAX_LINES;
  const [pad, line] = size < DENSE_MAX_BAND ? [DENSE_PAD, COMPACT_LINE] : [PAD, HEADER_LINE];
  return Math.max(1, Math.min(MAX_LINES, Math.floor((size - 2 * pad) / line)));
}
