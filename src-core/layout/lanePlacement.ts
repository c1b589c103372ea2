/**
 * Domain lanes and where a competency's card goes when it changes domain. A lane is drawn around a
 * domain's cards: a band (rows, `horizontal`: prerequisites flow left → right) or a column
 * (`vertical`: top → bottom). Along the flow axis a lane spans the whole map, so only the axis across
 * it decides which lane a point is in. Pure: the editor, the CLI and any other front end place cards
 * the same way.
 */
import type { Domain, Position } from '../model/types';

/** How domain lanes are drawn: bands (`horizontal`), columns (`vertical`) or not at all (`none`). */
export type LaneOrientation = 'horizontal' | 'vertical' | 'none';

/** Room a lane leaves around its competencies (the editor's lanes draw the same). */
export const LANE_PAD = 24;
/** Room a lane leaves before its first competencies (top of a band, top of a column). */
export const LANE_TOP_PAD = 30;
/** Size of a competency's card on the canvas. */
export const CARD_SIZE: Readonly<{ width: number; height: number }> = { width: 240, height: 112 };
/** Gap kept between a placed card and its neighbours (px). */
export const CARD_GAP = 24;
/** Gap between a new lane and the lanes before it (px, between their rectangles). */
export const NEW_LANE_GAP = 16;

/** A competency's card as the lanes see it. */
export interface LaneCard {
  id: string;
  position: Position;
  domainId: string | null;
}

/** Where a domain's cards lie across the flow axis (y of bands, x of columns): top-left corners' min, far edges' max. */
export interface LaneSpan {
  min: number;
  max: number;
}

/** Which way the lanes run, and the size of a card. */
export interface LaneOptions {
  orientation: 'horizontal' | 'vertical';
  /** Card size (default {@link CARD_SIZE}). */
  size?: { width: number; height: number };
}

const acrossOf = (p: Position, horizontal: boolean) => (horizontal ? p.y : p.x);
const alongOf = (p: Position, horizontal: boolean) => (horizontal ? p.x : p.y);

/**
 * Each domain's span across the flow axis, from its cards that are not in `exclude` (the cards being
 * moved: the lanes they are dropped into are the lanes without them). O(cards).
 */
export function laneSpans(cards: Iterable<LaneCard>, opts: LaneOptions, exclude?: ReadonlySet<string>): Map<string, LaneSpan> {
  const horizontal = opts.orientation === 'horizontal';
  const size = opts.size ?? CARD_SIZE;
  const across = horizontal ? size.height : size.width;
  const spans = new Map<string, LaneSpan>();
  for (const c of cards) {
    if (!c.domainId || exclude?.has(c.id)) continue;
    const a = acrossOf(c.position, horizontal);
    const s = spans.get(c.domainId);
    if (s) {
      s.min = Math.min(s.min, a);
      s.max = Math.max(s.max, a + across);
    } else spans.set(c.domainId, { min: a, max: a + across });
  }
  return spans;
}

/** A lane's extent across the flow axis (its rectangle's top and bottom in rows, left and right in columns). */
export function laneExtent(span: LaneSpan, orientation: 'horizontal' | 'vertical'): LaneSpan {
  return { min: span.min - (orientation === 'horizontal' ? LANE_TOP_PAD : LANE_PAD), max: span.max + LANE_PAD };
}

/**
 * Whether the lanes in `orientation` would lie across one another: two domains, neither nested in the
 * other, whose lanes overlap across the flow axis by more than a sliver. That is what a map laid out in
 * the other orientation looks like once its lanes turn (each lane spans its domain's cards, and those run
 * across the new lanes). O(cards + domains²): once per toggle or open, never per frame.
 */
export function lanesOverlap(cards: Iterable<LaneCard>, domains: readonly Domain[], orientation: LaneOrientation): boolean {
  if (orientation === 'none' || domains.length < 2) return false;
  const spans = laneSpans(cards, { orientation });
  const byId = new Map(domains.map((d) => [d.id as string, d]));
  /** `a` is `b` or nested in it (a guard against a parent loop in a broken file). */
  const within = (a: string, b: string): boolean => {
    for (let d = byId.get(a), k = 0; d && k <= byId.size; d = d.parentId ? byId.get(d.parentId) : undefined, k++) if (d.id === b) return true;
    return false;
  };
  const lanes = domains.filter((d) => spans.has(d.id)).map((d) => ({ id: d.id as string, ...laneExtent(spans.get(d.id)!, orientation) }));
  const SLIVER = 8;
  for (let i = 0; i < lanes.length; i++) {
    for (let j = i + 1; j < lanes.length; j++) {
      const a = lanes[i]!;
      const b = lanes[j]!;
      if (Math.min(a.max, b.max) - Math.max(a.min, b.min) > SLIVER && !within(a.id, b.id) && !within(b.id, a.id)) return true;
    }
  }
  return false;
}

/** What a drop at a point does to a card's domain. */
export type DropTarget =
  /** The card keeps its domain: the point is in its own lane, or in no lane. */
  | { kind: 'keep' }
  /** The point is in another domain's lane (the innermost one): the card moves to that domain. */
  | { kind: 'move'; domainId: string }
  /** The innermost lane under the point is a collapsed domain's: nothing can be dropped into it. */
  | { kind: 'collapsed'; domainId: string };

/** How deep a domain is nested (0 = top level). */
function depthOf(byId: ReadonlyMap<string, Domain>, id: string): number {
  let n = 0;
  for (let d = byId.get(id); d?.parentId && n <= byId.size; d = byId.get(d.parentId)) n++;
  return n;
}

/**
 * The domain a card dropped with its centre at `point` belongs to. Only the lanes in `spans` count
 * (those of the cards not being dragged, {@link laneSpans}); a point in the card's own lane keeps the
 * domain, as does a point outside every lane. Of several lanes under the point (nested domains, lanes
 * drawn over each other) the innermost wins: the most deeply nested domain, then the narrowest lane,
 * then the later one in domain order. `collapsed` = domains drawn collapsed (a collapsed domain's nested
 * ones included). For many points against the same lanes, use {@link dropIndex}.
 */
export function dropTarget(
  point: Position,
  ownDomainId: string | null,
  spans: ReadonlyMap<string, LaneSpan>,
  domains: readonly Domain[],
  orientation: 'horizontal' | 'vertical',
  collapsed?: ReadonlySet<string>,
): DropTarget {
  return dropIndex(spans, domains, orientation, collapsed).at(point, ownDomainId);
}

/** {@link dropTarget} for many points against the same lanes (a drag: one per pointer move and dragged card). */
export interface DropIndex {
  /** O(log lanes). */
  at(point: Position, ownDomainId: string | null): DropTarget;
}

/**
 * The lanes of `spans` cut into slices across the flow axis, each slice knowing its innermost lane:
 * built in O(lanes²) once, then each {@link DropIndex.at} costs O(log lanes).
 */
export function dropIndex(spans: ReadonlyMap<string, LaneSpan>, domains: readonly Domain[], orientation: 'horizontal' | 'vertical', collapsed?: ReadonlySet<string>): DropIndex {
  const byId = new Map(domains.map((d) => [d.id as string, d]));
  const lanes: { id: string; min: number; max: number; depth: number }[] = [];
  for (const d of domains) {
    const s = spans.get(d.id);
    if (s) lanes.push({ id: d.id, ...laneExtent(s, orientation), depth: depthOf(byId, d.id) });
  }
  const extents = new Map(lanes.map((l) => [l.id, l]));
  const cuts = [...new Set(lanes.flatMap((l) => [l.min, l.max]))].sort((a, b) => a - b);
  /** The innermost lane containing a (closed intervals), in domain order on ties. */
  const innermost = (a: number): string | null => {
    let best: (typeof lanes)[number] | null = null;
    for (const l of lanes) {
      if (a < l.min || a > l.max) continue;
      if (!best || l.depth > best.depth || (l.depth === best.depth && l.max - l.min <= best.max - best.min)) best = l;
    }
    return best?.id ?? null;
  };
  // slot 2i: the cut i itself; slot 2i + 1: between cut i and cut i + 1
  const slots: (string | null)[] = [];
  for (let i = 0; i < cuts.length; i++) {
    slots.push(innermost(cuts[i]!));
    if (i + 1 < cuts.length) slots.push(innermost((cuts[i]! + cuts[i + 1]!) / 2));
  }
  return {
    at(point, ownDomainId) {
      const a = acrossOf(point, orientation === 'horizontal');
      const own = ownDomainId ? extents.get(ownDomainId) : undefined;
      if (own && own.min <= a && a <= own.max) return { kind: 'keep' };
      // the first cut at or after a
      let lo = 0;
      let hi = cuts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cuts[mid]! < a) lo = mid + 1;
        else hi = mid;
      }
      const id = lo < cuts.length && cuts[lo] === a ? slots[2 * lo] : lo === 0 || lo === cuts.length ? null : slots[2 * lo - 1];
      if (!id) return { kind: 'keep' };
      return collapsed?.has(id) ? { kind: 'collapsed', domainId: id } : { kind: 'move', domainId: id };
    },
  };
}

/** The along-axis start nearest to `want` where a card does not come within `gap` of the `blocked` cards' along starts. */
function nearestFree(want: number, blocked: readonly number[], length: number, gap: number): number {
  if (!blocked.length) return want;
  // intervals of forbidden starts, merged
  const iv = blocked.map((b) => [b - length - gap, b + length + gap] as [number, number]).sort((p, q) => p[0] - q[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of iv) {
    const last = merged[merged.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const hit = merged.find(([s, e]) => s < want && want < e);
  if (!hit) return want;
  return want - hit[0] <= hit[1] - want ? hit[0] : hit[1];
}

/**
 * Where the cards `ids` go to sit in `domainId`'s lane, each near where it is in `cards` (its wished
 * place: where it was dropped, or where it was before its domain changed), with no card within
 * {@link CARD_GAP} of another:
 * - the lane exists (the domain has other cards): inside it across the flow axis, as near as possible to
 *   the wished place (a wish inside the lane is kept when free), the same place along the lane where
 *   there is room, else the nearest free one along it, or a new row/column at the lane's edge when that
 *   does not run into another lane;
 * - the domain has no other card (no lane drawn yet): just past every other lane (and card), so its lane
 *   appears without overlapping them, at the same place along the flow axis.
 * `domainId` null (no domain): a card inside a lane moves past every lane (it would look like that
 * lane's); one outside every lane stays. Returns the new top-left corners of the cards that move.
 * O(cards × rows tried); the cards are placed one after the other.
 */
export function placeInLane(cards: readonly LaneCard[], ids: readonly string[], domainId: string | null, opts: LaneOptions): Record<string, Position> {
  const horizontal = opts.orientation === 'horizontal';
  const size = opts.size ?? CARD_SIZE;
  const along = horizontal ? size.width : size.height;
  const across = horizontal ? size.height : size.width;
  const moving = new Set(ids);
  const wished = new Map<string, Position>();
  /** The other cards (and those placed so far), sorted by where they start across the flow axis. */
  const obs: { ac: number; al: number }[] = [];
  let acrossEnd = -Infinity;
  for (const c of cards) {
    if (moving.has(c.id)) wished.set(c.id, c.position);
    else {
      const ac = acrossOf(c.position, horizontal);
      obs.push({ ac, al: alongOf(c.position, horizontal) });
      acrossEnd = Math.max(acrossEnd, ac + across);
    }
  }
  obs.sort((a, b) => a.ac - b.ac);
  /** The first obstacle starting across after `v`. */
  const firstAfter = (v: number): number => {
    let lo = 0;
    let hi = obs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (obs[mid]!.ac <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const addObstacle = (p: Position): void => {
    const o = { ac: acrossOf(p, horizontal), al: alongOf(p, horizontal) };
    obs.splice(firstAfter(o.ac), 0, o);
    acrossEnd = Math.max(acrossEnd, o.ac + across);
  };
  const spans = laneSpans(cards, opts, moving);
  const out: Record<string, Position> = {};
  const at = (al: number, ac: number): Position => (horizontal ? { x: al, y: ac } : { x: ac, y: al });
  /** Where a new lane (or a card outside every lane) starts across: past every lane and card. */
  const pastAll = (): number => {
    let end = acrossEnd;
    for (const s of spans.values()) end = Math.max(end, laneExtent(s, opts.orientation).max);
    return end === -Infinity ? 0 : end + NEW_LANE_GAP + (horizontal ? LANE_TOP_PAD : LANE_PAD);
  };
  /** The nearest free along-axis start in the row (column) starting at `ac`: O(log cards + cards near the row). */
  const freeAlong = (ac: number, want: number): number => {
    const blocked: number[] = [];
    for (let i = firstAfter(ac - across - CARD_GAP); i < obs.length && obs[i]!.ac < ac + across + CARD_GAP; i++) blocked.push(obs[i]!.al);
    return nearestFree(want, blocked, along, CARD_GAP);
  };

  if (domainId === null) {
    const lanes = [...spans.values()].map((s) => laneExtent(s, opts.orientation));
    const inLane = (p: Position) => {
      const centre = acrossOf(p, horizontal) + across / 2;
      return lanes.some((e) => e.min <= centre && centre <= e.max);
    };
    // the cards that stay (outside every lane) are in the way of those that move
    const leaving: string[] = [];
    for (const id of ids) {
      const p = wished.get(id);
      if (!p) continue;
      if (inLane(p)) leaving.push(id);
      else addObstacle(p);
    }
    let row: number | null = null;
    for (const id of leaving) {
      const p = wished.get(id)!;
      row ??= pastAll();
      const q = at(freeAlong(row, alongOf(p, horizontal)), row);
      out[id] = q;
      addObstacle(q);
    }
    return out;
  }

  const span = spans.get(domainId);
  // the other lanes, which a grown lane must not run into
  const otherLanes: LaneSpan[] = [];
  for (const [d, s] of spans) if (d !== domainId) otherLanes.push(laneExtent(s, opts.orientation));
  let band: LaneSpan | null = span ? { ...span } : null;
  for (const id of ids) {
    const p = wished.get(id);
    if (!p) continue;
    const wantAlong = alongOf(p, horizontal);
    let q: Position;
    if (!band) {
      const row = pastAll();
      q = at(freeAlong(row, wantAlong), row);
    } else {
      const b = band;
      const wantAcross = Math.max(b.min, Math.min(acrossOf(p, horizontal), b.max - across));
      // rows (columns) to try: the wish brought into the lane, the lane's edges, rows a card apart down the
      // lane, the rows of its cards near the wish (to line up with them), and a new row (column) on either
      // side when the lane may grow there
      const step = across + CARD_GAP;
      const rows = new Set<number>([wantAcross, b.min, b.max - across]);
      for (let r = b.min + step; r + across < b.max; r += step) rows.add(r);
      const near = Math.max(b.min, wantAcross - 2 * step);
      for (let i = firstAfter(near - 1); i < obs.length && obs[i]!.ac <= Math.min(b.max - across, wantAcross + 2 * step); i++) rows.add(obs[i]!.ac);
      for (const grown of [b.max + CARD_GAP, b.min - CARD_GAP - across]) {
        const e = laneExtent({ min: Math.min(b.min, grown), max: Math.max(b.max, grown + across) }, opts.orientation);
        if (!otherLanes.some((o) => o.min < e.max && e.min < o.max)) rows.add(grown);
      }
      // nearest rows first: a row further across than the best cost so far cannot beat it
      const order = [...rows].sort((r1, r2) => Math.abs(r1 - wantAcross) - Math.abs(r2 - wantAcross));
      let best: { cost: number; al: number; ac: number } | null = null;
      for (const ac of order) {
        if (best && Math.abs(ac - wantAcross) >= best.cost) break;
        const al = freeAlong(ac, wantAlong);
        const cost = Math.abs(al - wantAlong) + Math.abs(ac - wantAcross);
        if (!best || cost < best.cost) best = { cost, al, ac };
      }
      q = at(best!.al, best!.ac);
    }
    out[id] = q;
    addObstacle(q);
    const ac = acrossOf(q, horizontal);
    band = band ? { min: Math.min(band.min, ac), max: Math.max(band.max, ac + across) } : { min: ac, max: ac + across };
  }
  return out;
}
