import { ViewportPortal, useStore, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';
import { DOT_GAP, DOT_SIZE, dotsCover } from './dotsCover';

/** The cover as a string, so the component renders again only when the cover changes, not on every pan frame. */
const coverKey = (s: ReactFlowState): string => {
  const c = dotsCover(s.transform[0], s.transform[1], s.transform[2], s.width, s.height);
  return c ? `${c.x} ${c.y} ${c.width} ${c.height}` : '';
};

const DOT_STYLE = {
  backgroundImage: `radial-gradient(circle at ${DOT_GAP / 2}px ${DOT_GAP / 2}px, var(--dots) ${DOT_SIZE / 2 - 0.15}px, transparent ${DOT_SIZE / 2 + 0.15}px)`,
  backgroundSize: `${DOT_GAP}px ${DOT_GAP}px`,
};

/**
 * The canvas's dotted background, drawn inside the map's own layer (React Flow's viewport) rather than as
 * React Flow's `<Background>`, a pattern over the whole pane that moves by itself. That pattern was repainted
 * on every frame of a pan, the largest part of a pan's raster work on a machine without a GPU (Chromium's
 * software raster: a pan at zoom 1 over 2,500 competencies at ~41 fps; without it ~51, and ~56 with the map
 * moved as one layer while the view moves, `.is-moving` in app.css). Here the dots move with the map: a pan
 * repaints nothing of them. The same spacing and dot size, scaled with the zoom as React Flow's were; below
 * {@link DOTS_MIN_ZOOM} (dots a tenth of a pixel across) none are drawn. Behind the lanes and cards, never hit by
 * the pointer.
 */
export const MapDots = memo(function MapDots() {
  const key = useStore(coverKey);
  if (!key) return null;
  const [x, y, width, height] = key.split(' ').map(Number) as [number, number, number, number];
  return (
    <ViewportPortal>
      <div className="map-dots" aria-hidden="true" style={{ ...DOT_STYLE, transform: `translate(${x}px, ${y}px)`, width, height }} />
    </ViewportPortal>
  );
});
