import type { Edge } from '@xyflow/react';
import { useMemo } from 'react';
import type { FlowNode } from '../flowModel';
import { LOD_MIN_COMPETENCIES } from './overviewScene';
import { useOverview } from './useOverview';

const NO_EDGES: Edge[] = [];

/**
 * The nodes and edges React Flow should get at the current level of detail. Large maps render only
 * what is in view (`large` → `onlyRenderVisibleElements`); zoomed out (`overview`), competencies are
 * hidden from React Flow (they stay in its store, so fit-view with `includeHiddenNodes` still sees
 * them), links are dropped, and `OverviewLayer` paints both instead. Lanes stay as React Flow nodes.
 */
export function useLodFlow(nodes: FlowNode[], edges: Edge[], competencies: number): { nodes: FlowNode[]; edges: Edge[]; overview: boolean; large: boolean } {
  const overview = useOverview(competencies);
  const large = competencies >= LOD_MIN_COMPETENCIES;
  return useMemo(
    () =>
      overview
        ? { nodes: nodes.map((n) => (n.type === 'lane' ? n : { ...n, hidden: true })), edges: NO_EDGES, overview, large }
        : { nodes, edges, overview, large },
    [nodes, edges, overview, large],
  );
}
