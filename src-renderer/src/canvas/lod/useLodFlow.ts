import type { Edge } from '@xyflow/react';
import { useMemo } from 'react';
import { useCollapsedFlow } from '../collapse/useCollapsedFlow';
import type { FlowNode } from '../flowModel';
import { LOD_MIN_COMPETENCIES } from './overviewScene';
import { useOverview } from './useOverview';

const NO_EDGES: Edge[] = [];

/**
 * The nodes and edges React Flow should get at the current level of detail. Large maps render only
 * what is in view (`large` → `onlyRenderVisibleElements`); zoomed out (`overview`), competencies are
 * hidden from React Flow (they stay in its store, so fit-view with `includeHiddenNodes` still sees
 * them), links are dropped, and `OverviewLayer` paints both instead. Lanes stay as React Flow nodes.
 * Collapsed domains (collapse/) come first: their competencies leave React Flow, so `competencies`
 * counts what is left to draw (a map collapsed to a few nodes renders them all in full).
 */
export function useLodFlow(all: FlowNode[], allEdges: Edge[], _competencies?: number): { nodes: FlowNode[]; edges: Edge[]; overview: boolean; large: boolean } {
  const { nodes, edges } = useCollapsedFlow(all, allEdges);
  const competencies = nodes.length;
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
