import type { Framework, Position } from '../../../../src-core/model/types';
import type { CollapseView } from '../../../../src-core/view/collapse';
import { NODE_H, NODE_W } from '../geometry';

/**
 * Level of detail for large maps. Zoomed out, React Flow's DOM nodes and SVG edges are replaced by
 * one <canvas> that draws every competency as a rectangle in its domain colour and every prerequisite
 * as a straight line: painting cost stops depending on React and the DOM. Zoomed in, React Flow
 * renders full nodes, only those in view (`onlyRenderVisibleElements`).
 */

/** Maps smaller than this always render in full (every node readable at any zoom it fits at). */
export const LOD_MIN_COMPETENCIES = 300;
/** Below this zoom the overview is drawn; above `LOD_EXIT_ZOOM` full nodes return (hysteresis). */
export const LOD_ENTER_ZOOM = 0.45;
export const LOD_EXIT_ZOOM = 0.55;

/** Next level of detail for a zoom, given the current one (no flicker around the threshold). */
export function nextOverview(current: boolean, zoom: number, competencies: number): boolean {
  if (competencies < LOD_MIN_COMPETENCIES) return false;
  return current ? zoom < LOD_EXIT_ZOOM : zoom < LOD_ENTER_ZOOM;
}

/** What the overview draws, in flow coordinates; built once per document change, not per frame. */
export interface OverviewScene {
  /** x, y per competency (top-left), in `colors` order groups. */
  xy: Float64Array;
  /** Index ranges of `xy` (by competency) sharing one fill colour. */
  groups: { color: string; start: number; end: number }[];
  /** Line segments x1, y1, x2, y2 per prerequisite (source's outgoing side → target's incoming side). */
  lines: Float64Array;
  /** Indices (into `xy`) of selected competencies. */
  selected: Int32Array;
  w: number;
  h: number;
  /** Competency id → index into `xy` (lets `withSelection` mark a new selection without a rebuild). */
  index?: ReadonlyMap<string, number>;
  /** Collapsed domains, each one block (its competencies are not in `xy`), in the domain colour. */
  blocks?: { x: number; y: number; w: number; h: number; color: string; title: string; count: number }[];
  /** Per line of `lines`: the indices (into `xy`) of its two competencies, -1 for a collapsed domain's end. */
  lineEnds?: Int32Array;
  /** Focus mode: 1 per competency outside the focus (drawn faint, as the full canvas dims it). */
  dimmed?: Uint8Array;
}

/** Opacity of what focus mode dims (the full nodes use 0.18 too). */
const DIM_ALPHA = 0.18;

/**
 * The same scene with everything outside `focus` (focus mode's competencies) marked dimmed, and its
 * links with it; `null` clears it. No per-competency work when there is no focus.
 */
export function withFocus(scene: OverviewScene, focus: ReadonlySet<string> | null): OverviewScene {
  if (!focus || !scene.index) return scene.dimmed ? { ...scene, dimmed: undefined } : scene;
  const dimmed = new Uint8Array(scene.xy.length / 2).fill(1);
  for (const id of focus) {
    const i = scene.index.get(id);
    if (i !== undefined) dimmed[i] = 0;
  }
  return { ...scene, dimmed };
}

/** The same scene with `selected` marked: a selection change reuses the scene (no per-competency work). */
export function withSelection(scene: OverviewScene, selected: readonly string[]): OverviewScene {
  const index = scene.index;
  if (!index) return scene;
  return { ...scene, selected: Int32Array.from(selected.map((id) => index.get(id)).filter((v): v is number => v !== undefined)) };
}

const NO_DOMAIN = '#8a94a6';

export function overviewScene(
  fw: Pick<Framework, 'competencies' | 'prerequisites' | 'domains'>,
  opts: {
    dragPositions?: Record<string, Position> | null;
    direction: 'LR' | 'TB';
    selected?: readonly string[];
    /** Collapsed domains (canvas/collapse/): drawn as one block each, their links aggregated. */
    collapse?: CollapseView | null;
    /** Size of a collapsed domain's block (the collapsed node's size). */
    blockSize?: { w: number; h: number };
  },
): OverviewScene {
  const color = new Map(fw.domains.map((d) => [d.id as string, d.color]));
  const byColor = new Map<string, { id: string; p: Position }[]>();
  const hidden = opts.collapse?.hiddenBy;
  for (const c of Object.values(fw.competencies)) {
    if (hidden?.has(c.id)) continue;
    const col = (c.domainId && color.get(c.domainId)) || NO_DOMAIN;
    let list = byColor.get(col);
    if (!list) byColor.set(col, (list = []));
    list.push({ id: c.id, p: opts.dragPositions?.[c.id] ?? c.position });
  }
  const n = Object.keys(fw.competencies).length - (hidden?.size ?? 0);
  const xy = new Float64Array(2 * n);
  const index = new Map<string, number>();
  const groups: OverviewScene['groups'] = [];
  let i = 0;
  for (const [col, list] of byColor) {
    const start = i;
    for (const { id, p } of list) {
      xy[2 * i] = p.x;
      xy[2 * i + 1] = p.y;
      index.set(id, i++);
    }
    groups.push({ color: col, start, end: i });
  }
  const links = [...fw.prerequisites.values()];
  const collapse = opts.collapse;
  const lines = new Float64Array(4 * (links.length + (collapse?.aggregated.length ?? 0)));
  const lineEnds = new Int32Array(2 * (links.length + (collapse?.aggregated.length ?? 0)));
  let m = 0;
  const lr = opts.direction === 'LR';
  for (const l of links) {
    const a = index.get(l.from);
    const b = index.get(l.to);
    if (a === undefined || b === undefined) continue;
    lineEnds[m / 2] = a;
    lineEnds[m / 2 + 1] = b;
    lines[m++] = xy[2 * a]! + (lr ? NODE_W : NODE_W / 2);
    lines[m++] = xy[2 * a + 1]! + (lr ? NODE_H / 2 : NODE_H);
    lines[m++] = xy[2 * b]! + (lr ? 0 : NODE_W / 2);
    lines[m++] = xy[2 * b + 1]! + (lr ? NODE_H / 2 : 0);
  }
  let blocks: OverviewScene['blocks'];
  if (collapse?.groups.length) {
    const size = opts.blockSize ?? { w: NODE_W, h: NODE_H };
    const domains = new Map(fw.domains.map((d) => [d.id as string, d]));
    const box = new Map<string, { x: number; y: number; w: number; h: number }>();
    blocks = collapse.groups.map((g) => {
      const d = domains.get(g.domainId);
      const b = { x: g.position.x, y: g.position.y, w: size.w, h: size.h, color: d?.color || NO_DOMAIN, title: d?.title ?? '', count: g.competencyIds.length };
      box.set(g.id, b);
      return b;
    });
    // An end of an aggregated edge: a block, or a visible competency.
    const end = (id: string): { x: number; y: number; w: number; h: number } | null => {
      const b = box.get(id);
      if (b) return b;
      const i = index.get(id);
      return i === undefined ? null : { x: xy[2 * i]!, y: xy[2 * i + 1]!, w: NODE_W, h: NODE_H };
    };
    for (const e of collapse.aggregated) {
      const a = end(e.source);
      const b = end(e.target);
      if (!a || !b) continue;
      lineEnds[m / 2] = index.get(e.source) ?? -1;
      lineEnds[m / 2 + 1] = index.get(e.target) ?? -1;
      lines[m++] = a.x + (lr ? a.w : a.w / 2);
      lines[m++] = a.y + (lr ? a.h / 2 : a.h);
      lines[m++] = b.x + (lr ? 0 : b.w / 2);
      lines[m++] = b.y + (lr ? b.h / 2 : 0);
    }
  }
  const selected = Int32Array.from((opts.selected ?? []).map((id) => index.get(id)).filter((v): v is number => v !== undefined));
  return { xy, groups, lines: lines.subarray(0, m), lineEnds: lineEnds.subarray(0, m / 2), selected, w: NODE_W, h: NODE_H, index, ...(blocks ? { blocks } : {}) };
}

/** The part of the scene a viewport shows: what `drawOverview` paints (exported for tests). */
export function visibleIndices(scene: OverviewScene, transform: readonly [number, number, number], width: number, height: number): number[] {
  const [tx, ty, k] = transform;
  const out: number[] = [];
  for (let i = 0; i < scene.xy.length / 2; i++) {
    const x = scene.xy[2 * i]! * k + tx;
    const y = scene.xy[2 * i + 1]! * k + ty;
    if (x + scene.w * k >= 0 && y + scene.h * k >= 0 && x <= width && y <= height) out.push(i);
  }
  return out;
}

/**
 * Paints the scene for a viewport `transform` = [x, y, zoom] (React Flow's) on a 2D context whose
 * backing store is `dpr` times the CSS size. Nodes are filled rectangles (a 1-px minimum so nothing
 * visible disappears), links one stroked path.
 */
export function drawOverview(
  ctx: CanvasRenderingContext2D,
  scene: OverviewScene,
  transform: readonly [number, number, number],
  size: { width: number; height: number; dpr: number },
  theme: { link: string; selected: string },
  /** Smallest on-screen size of a collapsed domain's block (the minimap passes a tiny one). */
  blockMin: { w: number; h: number } = { w: BLOCK_MIN_W, h: BLOCK_MIN_H },
): void {
  const [tx, ty, k] = transform;
  const { width, height, dpr } = size;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.link;
  const L = scene.lines;
  const dim = scene.dimmed;
  const ends = scene.lineEnds;
  // focus mode: one faint pass for what is dimmed, then the focus at full strength
  const passes = dim ? [1, 0] : [-1];
  const lineDimmed = (j: number) => {
    const a = ends![2 * j]!;
    const b = ends![2 * j + 1]!;
    return (a >= 0 && dim![a] === 1) || (b >= 0 && dim![b] === 1) ? 1 : 0;
  };
  for (const pass of passes) {
    ctx.globalAlpha = pass === 1 ? DIM_ALPHA : 1;
    ctx.beginPath();
    for (let i = 0; i < L.length; i += 4) {
      if (pass >= 0 && ends && lineDimmed(i / 4) !== pass) continue;
      const x1 = L[i]! * k + tx;
      const y1 = L[i + 1]! * k + ty;
      const x2 = L[i + 2]! * k + tx;
      const y2 = L[i + 3]! * k + ty;
      if ((x1 < 0 && x2 < 0) || (x1 > width && x2 > width) || (y1 < 0 && y2 < 0) || (y1 > height && y2 > height)) continue;
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
    }
    ctx.stroke();
  }
  const w = Math.max(1, scene.w * k);
  const h = Math.max(1, scene.h * k);
  for (const pass of passes) {
    ctx.globalAlpha = pass === 1 ? DIM_ALPHA : 1;
    for (const g of scene.groups) {
      ctx.fillStyle = g.color;
      ctx.beginPath();
      for (let i = g.start; i < g.end; i++) {
        if (pass >= 0 && dim![i] !== pass) continue;
        const x = scene.xy[2 * i]! * k + tx;
        const y = scene.xy[2 * i + 1]! * k + ty;
        if (x + w < 0 || y + h < 0 || x > width || y > height) continue;
        ctx.rect(x, y, w, h);
      }
      ctx.fill();
    }
  }
  ctx.globalAlpha = 1;
  if (scene.blocks?.length) drawBlocks(ctx, scene.blocks, transform, width, height, blockMin);
  if (scene.selected.length) {
    ctx.strokeStyle = theme.selected;
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (const i of scene.selected) ctx.rect(scene.xy[2 * i]! * k + tx - 2, scene.xy[2 * i + 1]! * k + ty - 2, w + 4, h + 4);
    ctx.stroke();
  }
}

/** On-screen minimum of a collapsed domain's block: zoomed far out it stays a readable, named block. */
export const BLOCK_MIN_W = 110;
export const BLOCK_MIN_H = 30;

/**
 * Where a collapsed domain's block (flow box `b`) is painted, in pane pixels at viewport `transform`:
 * at least `min` on screen, centred where the collapsed node is.
 */
export function blockScreenRect(
  b: { x: number; y: number; w: number; h: number },
  transform: readonly [number, number, number],
  min: { w: number; h: number } = { w: BLOCK_MIN_W, h: BLOCK_MIN_H },
): { x: number; y: number; w: number; h: number } {
  const [tx, ty, k] = transform;
  const w = Math.max(min.w, b.w * k);
  const h = Math.max(min.h, b.h * k);
  return { x: (b.x + b.w / 2) * k + tx - w / 2, y: (b.y + b.h / 2) * k + ty - h / 2, w, h };
}

/**
 * Collapsed domains: one filled block each, named and counted, never smaller than BLOCK_MIN_W × BLOCK_MIN_H
 * screen pixels (kept centred where the collapsed node is; near the zoom where full nodes return,
 * it is the node's own size).
 */
function drawBlocks(
  ctx: CanvasRenderingContext2D,
  blocks: NonNullable<OverviewScene['blocks']>,
  transform: readonly [number, number, number],
  width: number,
  height: number,
  min: { w: number; h: number },
): void {
  for (const b of blocks) {
    const { x, y, w, h } = blockScreenRect(b, transform, min);
    if (x + w < 0 || y + h < 0 || x > width || y > height) continue;
    ctx.fillStyle = b.color;
    ctx.beginPath();
    ctx.rect(x, y, w, h);
    ctx.fill();
    if (w < 48 || h < 12) continue;
    ctx.fillStyle = '#fff';
    ctx.font = `600 ${Math.min(13, Math.max(10, h / 3))}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    const label = `${b.title} (${b.count})`;
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, y, w, h);
    ctx.clip();
    ctx.fillText(label, x + 5, y + h / 2);
    ctx.restore();
  }
}
