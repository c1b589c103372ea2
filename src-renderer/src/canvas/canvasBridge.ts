import type { Position } from '../../../src-core/model/types';

/**
 * Imperative viewport operations the mounted canvas provides to the toolbar, keyboard and panels
 * (React Flow's instance lives inside the canvas). No-ops until the canvas is mounted.
 */
export interface CanvasBridge {
  /** The flow coordinates of the visible centre. */
  center(): Position | null;
  fitView(): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Pans (keeping the zoom) so the rectangle at flow position `p` of the node size (or `size`) is in view. */
  ensureVisible(p: Position, size?: { width: number; height: number }): void;
  /** Fits these competencies in view together (zoom at most 1), e.g. both ends of a link a problem is about. */
  fitTo?(ids: readonly string[]): void;
}

let current: CanvasBridge | null = null;

export function setCanvasBridge(b: CanvasBridge | null): void {
  current = b;
}

export const canvasBridge: CanvasBridge = {
  center: () => current?.center() ?? null,
  fitView: () => current?.fitView(),
  zoomIn: () => current?.zoomIn(),
  zoomOut: () => current?.zoomOut(),
  ensureVisible: (p, size) => current?.ensureVisible(p, size),
  fitTo: (ids) => current?.fitTo?.(ids),
};
