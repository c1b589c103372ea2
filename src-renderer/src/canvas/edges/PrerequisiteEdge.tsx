import { memo, useMemo } from 'react';
import { BaseEdge, getBezierPath, Position, useStore, useStoreApi, type EdgeProps, type EdgeTypes, type ReactFlowState } from '@xyflow/react';

/** How far below the lower of the two cards a link that runs backwards passes, and how wide it turns. */
const BELOW = 22;
const TURN = 48;

/**
 * Where a backward link can run under the cards between x0 and x1 (flow coordinates), starting from
 * the level of its ends (`from`): below every card it would otherwise cross, its ends' included. Lanes
 * and collapsed domains do not count (a link may cross a lane's band).
 */
function lowestBottom(s: ReactFlowState, x0: number, x1: number, from: number): number {
  let y = from;
  // Until no card in the way is left: pushing the line under one card may put it across the next.
  for (let moved = true, rounds = 0; moved && rounds < 8; rounds++) {
    moved = false;
    for (const n of s.nodeLookup.values()) {
      if (n.type !== 'competency' || n.hidden) continue;
      const { x, y: top } = n.internals.positionAbsolute;
      const bottom = top + (n.measured.height ?? 0);
      if (x + (n.measured.width ?? 0) < x0 || x > x1 || bottom <= y || top >= y + BELOW) continue;
      y = bottom;
      moved = true;
    }
  }
  return y;
}

/**
 * A prerequisite link whose competency comes after its prerequisite (the usual case) is React Flow's
 * bezier. One that runs backwards — its target left of its source on a row, e.g. the link that closes
 * a cycle — was drawn as a straight line along the row, behind the cards between its ends: the link
 * the cycle message asks to remove could not be seen or clicked. It goes round below both cards instead.
 */
function PrerequisiteEdgeImpl(props: EdgeProps) {
  const backwards = props.sourcePosition === Position.Right && props.targetPosition === Position.Left && props.targetX < props.sourceX;
  if (backwards) return <BackwardEdge {...props} />;
  const [path] = getBezierPath(props);
  return <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} markerStart={props.markerStart} style={props.style} interactionWidth={props.interactionWidth} />;
}

function BackwardEdge(props: EdgeProps) {
  const { sourceX: sx, sourceY: sy, targetX: tx, targetY: ty } = props;
  // Scans the cards only for a backward link (rare once a map is laid out: a cycle, or a card moved by hand),
  // and only when the cards or its ends change: not on every pan and zoom (a selector runs on each).
  const nodes = useStore((s) => s.nodes);
  const store = useStoreApi();
  const bottom = useMemo(() => lowestBottom(store.getState(), tx, sx, Math.max(sy, ty)), [nodes, store, tx, sx, sy, ty]);
  const y = bottom + BELOW;
  const path = `M ${sx},${sy} C ${sx + TURN},${sy} ${sx + TURN},${y} ${sx},${y} L ${tx},${y} C ${tx - TURN},${y} ${tx - TURN},${ty} ${tx},${ty}`;
  return <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} markerStart={props.markerStart} style={props.style} interactionWidth={props.interactionWidth} />;
}

export const PrerequisiteEdge = memo(PrerequisiteEdgeImpl);

/** At module scope, as React Flow asks (a new object each render would remount every edge). */
export const edgeTypes: EdgeTypes = { prerequisite: PrerequisiteEdge };
