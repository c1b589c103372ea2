import { useStore as useFlowStore } from '@xyflow/react';
import { useRef } from 'react';
import { nextOverview } from './overviewScene';

/**
 * True while the map is zoomed out far enough to draw the overview instead of full nodes. Re-renders
 * its component only when the answer changes, not on every pan or zoom step.
 */
export function useOverview(competencies: number): boolean {
  const current = useRef(false);
  return useFlowStore((s) => (current.current = nextOverview(current.current, s.transform[2], competencies)));
}
