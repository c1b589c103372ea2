import { useStore as useFlowStore } from '@xyflow/react';
import { useRef } from 'react';
import { nextOverview } from './overviewScene';

/**
 * True while the map is zoomed out far enough to draw the overview instead of full nodes. Re-renders
 * its component only when the answer changes, not on every pan or zoom step. A large map starts as
 * the overview until the viewport first moves (the initial fit view), so opening it never builds
 * thousands of DOM nodes (and minimap shapes) for the default zoom of 1 just to drop them a frame later.
 */
export function useOverview(competencies: number): boolean {
  const current = useRef(false);
  const moved = useRef(false);
  return useFlowStore((s) => {
    const [x, y, k] = s.transform;
    if (!moved.current && (x !== 0 || y !== 0 || k !== 1)) moved.current = true;
    current.current = nextOverview(current.current, moved.current ? k : 0, competencies);
    return current.current;
  });
}
