import type { Edge } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import { useCollapsedFlow } from '../collapse/useCollapsedFlow';
import type { FlowNode } from '../flowModel';
import { LOD_MIN_COMPETENCIES } from './overviewScene';
import { useOverview } from './useOverview';

const NO_EDGES: Edge[] = [];

/** The hidden copy of each node, kept per source node object: an edit that leaves a node alone keeps its copy. */
const hiddenCopies = new WeakMap<FlowNode, FlowNode>();

/**
 * `nodes` with every competency (and collapsed domain) hidden from React Flow, lanes as they are. The
 * hidden copy of a node is remembered per node object, so an edit that leaves a node unchanged hands
 * React Flow the very same copy (it re-adopts only what changed, not the whole map).
 */
export function hideForOverview(nodes: readonly FlowNode[]): FlowNode[] {
  return nodes.map((n) => {
    if (n.type === 'lane') return n;
    let copy = hiddenCopies.get(n);
    if (!copy) hiddenCopies.set(n, (copy = { ...n, hidden: true }));
    return copy;
  });
}

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
  // Leaving visible-only rendering waits one commit: React Flow's store takes the new (smaller) node
  // list in an effect, so switching it off in the same render would mount a wrapper for every node of
  // the old list (Collapse all on 2,500: ~0.3 s of wrappers whose node is gone). Entering is immediate.
  const wantLarge = competencies >= LOD_MIN_COMPETENCIES;
  const [wasLarge, setWasLarge] = useState(wantLarge);
  useEffect(() => setWasLarge(wantLarge), [wantLarge]);
  const large = wantLarge || wasLarge;
  // the hidden copies depend on the nodes only: a link edit in the overview hands React Flow the same
  // node array (and no edges), so it adopts nothing
  const hidden = useMemo(() => (overview ? hideForOverview(nodes) : null), [nodes, overview]);
  return useMemo(
    () => (hidden ? { nodes: hidden, edges: NO_EDGES, overview, large } : { nodes, edges, overview, large }),
    [hidden, nodes, edges, overview, large],
  );
}
