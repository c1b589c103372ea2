/**
 * Public types of the layered layout. Plain data only, so a request can be posted to a Web Worker
 * as-is (see `protocol.ts`).
 */

/** A node to place. `width`/`height` are its rendered size; positions are its top-left corner. */
export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  /** Grouping key (a domain id). Used only when `LayoutOptions.groupBy` is set. */
  group?: string | null;
  /** A pinned node keeps `x`/`y` exactly; the other nodes are tidied around it. Ignored without `x`/`y`. */
  pinned?: boolean;
  x?: number;
  y?: number;
}

/** A prerequisite: `from` must come before `to` in the layered direction. */
export interface LayoutEdge {
  from: string;
  to: string;
}

export interface LayoutInput {
  nodes: readonly LayoutNode[];
  edges: readonly LayoutEdge[];
}

/** Layer direction: `LR` prerequisites flow left → right, `TB` top → bottom. */
export type LayoutDirection = 'LR' | 'TB';

export interface LayoutOptions {
  direction: LayoutDirection;
  /**
   * Keep the nodes of one group together within every layer, in the same group order everywhere, and
   * stack the groups as lanes (bands across all layers). Group order = first appearance in `nodes`.
   */
  groupBy?: boolean;
  /** Gap between neighbouring nodes of one layer (px). */
  nodeSep: number;
  /** Gap between layers (px). */
  layerSep: number;
  /** Extra gap between lanes when `groupBy` is set (px; default `2 * nodeSep`). */
  laneSep?: number;
  /**
   * Largest extent across the layers ÷ extent along them to aim for (default 1: an LR drawing no
   * taller than wide, lanes stacked). When the prerequisite depth alone would give a taller drawing,
   * competencies of crowded layers move to later layers (never before their prerequisites) until it
   * fits, as far as the graph allows. `Infinity` keeps the depth layers.
   */
  aspect?: number;
  /** Upper bound on crossing-reduction sweeps (default 24). Fewer = faster, more crossings. */
  maxSweeps?: number;
  /** Polled between phases and iterations; returning true abandons the layout (`cancelled: true`). */
  shouldStop?: () => boolean;
}

/** A lane (band across all layers) occupied by one group, along the cross axis (y for LR, x for TB). */
export interface LayoutLane {
  group: string | null;
  start: number;
  end: number;
}

export interface LayoutResult {
  /** True when `shouldStop` asked to stop: then `positions` is empty and nothing else is meaningful. */
  cancelled: boolean;
  /** Top-left corner of every node, keyed by id. */
  positions: Record<string, { x: number; y: number }>;
  /**
   * Crossings of the layered drawing (edges routed through their bend points), as counted by the
   * crossing reduction. Use `countCrossings` to compare with another layout engine.
   */
  crossings: number;
  /** Node ids per layer, in their order within the layer (first layer = no prerequisites). */
  layers: string[][];
  /** Bend points (centres of the routing points) of edges spanning more than one layer, by input edge index. */
  bends: Record<number, { x: number; y: number }[]>;
  /**
   * Lanes, when `groupBy` is set (empty otherwise): each group's extent on the cross axis, covering its
   * nodes and bend points where they finally are (after pinned nodes shifted and pushed them; a pinned
   * node far from its group widens its lane, and lanes may then overlap).
   */
  lanes: LayoutLane[];
  /** Input edges reversed to break prerequisite cycles (indices into `edges`), in ascending order. */
  reversedEdges: number[];
}
