import { getViewportForBounds, type Viewport } from '@xyflow/react';
import type { FlowNode } from '../flowModel';

/**
 * The viewport React Flow's `fitView({ includeHiddenNodes: true, nodes, padding, minZoom, maxZoom })`
 * would choose, computed from the canvas's own node list: with windowing (flowWindow.ts) React Flow
 * knows only the nodes near the view, so its own fit would frame those. `ids`: fit only these nodes
 * (focus mode's neighbourhood); `sizeOf`: a node's size as React Flow measured it, when it knows the
 * node (an enlarged collapsed-domain card is bigger than it declares), else the declared size is used.
 * Null when there is nothing to fit or no size yet.
 */
export function viewportToFit(
  nodes: readonly FlowNode[],
  size: { width: number; height: number },
  opts: { padding: number; minZoom: number; maxZoom: number },
  ids?: ReadonlySet<string> | null,
  sizeOf?: (id: string) => { width?: number; height?: number } | undefined,
): Viewport | null {
  if (!(size.width > 0 && size.height > 0)) return null;
  const bounds = fitBounds(nodes, ids, sizeOf);
  if (!bounds) return null;
  return getViewportForBounds(bounds, size.width, size.height, opts.minZoom, opts.maxZoom, opts.padding);
}

/**
 * The box around the nodes a fit frames (`ids` only, when given), with each node's size as
 * {@link viewportToFit} reads it; `visit` sees every node counted, with that size. Null when none has a size.
 */
export function fitBounds(
  nodes: readonly FlowNode[],
  ids?: ReadonlySet<string> | null,
  sizeOf?: (id: string) => { width?: number; height?: number } | undefined,
  visit?: (n: FlowNode, width: number, height: number) => void,
): { x: number; y: number; width: number; height: number } | null {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    if (ids && !ids.has(n.id)) continue;
    // declared sizes, as React Flow's fit with hidden nodes uses (every node of ours declares one)
    const m = sizeOf?.(n.id);
    const w = m?.width ?? n.measured?.width ?? n.width ?? 0;
    const h = m?.height ?? n.measured?.height ?? n.height ?? 0;
    if (!(w > 0 && h > 0)) continue;
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + w);
    y1 = Math.max(y1, n.position.y + h);
    visit?.(n, w, h);
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
