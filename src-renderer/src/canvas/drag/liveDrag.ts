import type { Edge, InternalNode, useStoreApi } from '@xyflow/react';
import type { Framework, Position } from '../../../../src-core/model/types';
import type { LaneOrientation } from '../../store/session';
import type { FlowNode, LaneNodeData } from '../flowModel';
import { laneDrag, type LaneRect } from '../lanes/laneGeometry';

type FlowStore = ReturnType<typeof useStoreApi<FlowNode, Edge>>;

/**
 * A node drag in progress, kept out of React: each pointer move patches React Flow's internal
 * nodes of the dragged competencies (and of the lanes whose extent changes) and notifies its store
 * once. Nothing else re-renders and no per-move work is proportional to the map (perf: issue 9);
 * the document gets one `moveCompetencies` on drop. Before that commit, `finish` puts React Flow's
 * internals back as they were, so the next `setNodes` from the flow model is the only truth.
 */
export interface LiveDrag {
  /** The positions so far (competency id → top-left), in flow coordinates. */
  readonly positions: Record<string, Position>;
  /** Applies React Flow's position changes for this move. */
  move(changes: { id: string; position: Position }[]): void;
  /** Restores React Flow's internal nodes; `render` also tells React Flow to draw them (a refused move). */
  finish(render: boolean): Record<string, Position>;
}

function laneChanged(d: LaneNodeData, r: LaneRect): boolean {
  return d.x !== r.x || d.y !== r.y || d.width !== r.width || d.height !== r.height;
}

/** Starts a drag gesture on React Flow's store; `fw`/`orientation` are the document and lanes it starts from. */
export function startLiveDrag(store: FlowStore, fw: Framework, orientation: LaneOrientation): LiveDrag {
  const originals = new Map<string, InternalNode<FlowNode>>();
  const positions: Record<string, Position> = {};
  let lanes: ReturnType<typeof laneDrag> | null = null;

  const patch = (lookup: Map<string, InternalNode<FlowNode>>, id: string, next: (n: InternalNode<FlowNode>) => InternalNode<FlowNode>): void => {
    const cur = lookup.get(id);
    if (!cur) return;
    // a node React Flow adopted afresh mid-gesture (a re-render of the canvas) is its new original
    const o = originals.get(id);
    if (!o || o.internals.userNode !== cur.internals.userNode) originals.set(id, cur);
    lookup.set(id, next(cur));
  };

  return {
    positions,
    move(changes) {
      const { nodeLookup } = store.getState();
      let newMovers = false;
      for (const ch of changes) {
        const c = fw.competencies[ch.id];
        if (!c) continue;
        if (!(ch.id in positions)) newMovers = true;
        const p = { x: Math.round(ch.position.x), y: Math.round(ch.position.y) };
        positions[ch.id] = p;
        patch(nodeLookup, ch.id, (n) => ({ ...n, position: p, internals: { ...n.internals, positionAbsolute: p } }));
      }
      if (newMovers || !lanes) lanes = laneDrag(fw, orientation, Object.keys(positions));
      for (const r of lanes.at(positions)) {
        const id = `lane:${r.domainId}`;
        const cur = nodeLookup.get(id);
        if (!cur || cur.type !== 'lane' || !laneChanged(cur.data as LaneNodeData, r)) continue;
        const p = { x: r.x, y: r.y };
        const size = { width: r.width, height: r.height };
        patch(nodeLookup, id, (n) => ({
          ...n,
          data: { ...(n.data as LaneNodeData), ...r },
          position: p,
          ...size,
          measured: size,
          internals: { ...n.internals, positionAbsolute: p },
        }));
      }
      store.setState({});
    },
    finish(render) {
      const { nodeLookup } = store.getState();
      for (const [id, n] of originals) if (nodeLookup.get(id)?.internals.userNode === n.internals.userNode) nodeLookup.set(id, n);
      originals.clear();
      if (render) store.setState({});
      return positions;
    },
  };
}
