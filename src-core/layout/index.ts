/** Layered layout of prerequisite graphs: `layoutGraph`, `countCrossings`, and the worker protocol. */
export { layoutGraph } from './layoutGraph';
export { countCrossings, type CountCrossingsOptions } from './crossings';
export type { LayoutDirection, LayoutEdge, LayoutInput, LayoutLane, LayoutNode, LayoutOptions, LayoutResult } from './types';
export * from './protocol';
export * from './lanePlacement';
