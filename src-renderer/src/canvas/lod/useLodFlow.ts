import { useStore as useFlowStore, type Edge, type ReactFlowState } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useCollapsedFlow } from '../collapse/useCollapsedFlow';
import type { FlowNode } from '../flowModel';
import { createWindower, nextWindow, viewBox, type FlowBox, type FlowPart, type WindowKeep } from '../window/flowWindow';
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
 * The window around the view (window/flowWindow.ts) while `on`, else null. Re-renders its component
 * only when the window changes (the view left it), not on every pan or zoom step.
 */
function useFlowWindow(on: boolean): FlowBox | null {
  const current = useRef<FlowBox | null>(null);
  const select = useCallback(
    (s: ReactFlowState) => {
      if (!on || !(s.width > 0 && s.height > 0)) return (current.current = null);
      return (current.current = nextWindow(current.current, viewBox(s.transform, s.width, s.height)));
    },
    [on],
  );
  return useFlowStore(select);
}

/**
 * The nodes and edges React Flow should get at the current level of detail. Large maps render only
 * what is in view (`large` → `onlyRenderVisibleElements`) and, zoomed in, React Flow gets only the
 * nodes and links of a window around the view (window/flowWindow.ts; `keep()` names what must stay
 * wherever it is: a dragged competency and its links, keyboard focus…; selected ones always stay);
 * `all` is then the whole flow (for fitting the whole map). Zoomed out (`overview`), competencies are
 * hidden from React Flow (they stay in its store, so fit-view with `includeHiddenNodes` still sees
 * them), links are dropped, and `OverviewLayer` paints both instead. Lanes stay as React Flow nodes.
 * Collapsed domains (collapse/) come first: their competencies leave React Flow, so the window and the
 * level of detail count what is left to draw (a map collapsed to a few nodes renders them all in full).
 */
export function useLodFlow(all: FlowNode[], allEdges: Edge[], keep?: () => WindowKeep): { nodes: FlowNode[]; edges: Edge[]; overview: boolean; large: boolean; all: FlowPart } {
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
  const win = useFlowWindow(wantLarge && !overview);
  const keepRef = useRef(keep);
  keepRef.current = keep;
  const windower = useMemo(createWindower, []);
  const part = useMemo(() => (win ? windower({ nodes, edges }, win, keepRef.current?.()) : null), [windower, win, nodes, edges]);
  const whole = useMemo(() => ({ nodes, edges }), [nodes, edges]);
  return useMemo(
    () =>
      hidden
        ? { nodes: hidden, edges: NO_EDGES, overview, large, all: whole }
        : part
          ? { nodes: part.nodes, edges: part.edges, overview, large, all: whole }
          : { nodes, edges, overview, large, all: whole },
    [hidden, part, nodes, edges, overview, large, whole],
  );
}
