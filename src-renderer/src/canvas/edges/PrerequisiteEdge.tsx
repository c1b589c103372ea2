import { memo, useMemo } from 'react';
import { backwardLinkPath, runsBackwards } from './backwardLink';
import { BaseEdge, getBezierPath, Position, useStore, useStoreApi, type EdgeProps, type EdgeTypes, type ReactFlowState } from '@xyflow/react';

function* cardsOf(s: ReactFlowState) {
  for (const n of s.nodeLookup.values()) {
    if (n.type !== 'competency' || n.hidden) continue;
    yield { x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, width: n.measured.width ?? 0, height: n.measured.height ?? 0 };
  }
}

/**
 * A prerequisite link whose competency comes after its prerequisite (the usual case) is React Flow's
 * bezier. One that runs backwards — its target left of its source on the same row (above it in the same column),
 * e.g. the link that closes a cycle — was drawn as a straight line along the row, behind the cards
 * between its ends: the link the cycle message asks to remove could not be seen or clicked. It goes
 * round below the cards instead (right of them, with columns).
 */
function PrerequisiteEdgeImpl(props: EdgeProps) {
  const rows = props.sourcePosition === Position.Right && props.targetPosition === Position.Left && runsBackwards(props.sourceX, props.sourceY, props.targetX, props.targetY, 'y');
  const columns = props.sourcePosition === Position.Bottom && props.targetPosition === Position.Top && runsBackwards(props.sourceX, props.sourceY, props.targetX, props.targetY, 'x');
  if (rows || columns) return <BackwardEdge {...props} across={rows ? 'y' : 'x'} />;
  const [path] = getBezierPath(props);
  return <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} markerStart={props.markerStart} style={props.style} interactionWidth={props.interactionWidth} />;
}

function BackwardEdge(props: EdgeProps & { across: 'x' | 'y' }) {
  const { sourceX: sx, sourceY: sy, targetX: tx, targetY: ty, across } = props;
  // Scans the cards only for a backward link (rare once a map is laid out: a cycle, or a card moved by hand),
  // and only when the cards or its ends change: not on every pan and zoom (a selector runs on each).
  const nodes = useStore((s) => s.nodes);
  const store = useStoreApi();
  const path = useMemo(() => backwardLinkPath(sx, sy, tx, ty, across, cardsOf(store.getState())), [nodes, store, across, tx, sx, sy, ty]);
  return <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} markerStart={props.markerStart} style={props.style} interactionWidth={props.interactionWidth} />;
}

export const PrerequisiteEdge = memo(PrerequisiteEdgeImpl);

/** At module scope, as React Flow asks (a new object each render would remount every edge). */
export const edgeTypes: EdgeTypes = { prerequisite: PrerequisiteEdge };
