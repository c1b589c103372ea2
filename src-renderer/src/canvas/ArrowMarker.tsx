import { ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import { ARROW_MARKER } from './flowModel';

const HIDDEN: React.CSSProperties = { position: 'absolute', width: 0, height: 0, overflow: 'hidden' };
const SYMBOL: React.CSSProperties = { strokeWidth: 1, stroke: ARROW_MARKER.color, fill: ARROW_MARKER.color };

/**
 * The one arrowhead `<marker>` every link points at (`markerEnd: ARROW`), drawn as React Flow draws its
 * closed arrow (same shape, view box and orientation), so links look as they did. It lives inside the
 * viewport (React Flow's viewport portal), next to the links, so a picture of the map (dialogs/export)
 * takes it along. React Flow draws no marker for string ids (perf, issue 9).
 */
export const ArrowMarker = memo(function ArrowMarker() {
  const m = ARROW_MARKER;
  return (
    <ViewportPortal>
      <svg className="react-flow__marker" aria-hidden="true" style={HIDDEN}>
        <defs>
          <marker className="react-flow__arrowhead" id={m.id} markerWidth={m.width} markerHeight={m.height} viewBox="-10 -10 20 20" markerUnits={m.markerUnits} orient="auto-start-reverse" refX="0" refY="0">
            <polyline className="arrowclosed" style={SYMBOL} strokeLinecap="round" strokeLinejoin="round" points="-5,-4 0,0 -5,4 -5,-4" />
          </marker>
        </defs>
      </svg>
    </ViewportPortal>
  );
});
