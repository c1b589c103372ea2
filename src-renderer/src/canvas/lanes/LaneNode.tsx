import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { LaneNode as LaneNodeType } from '../flowModel';

/** A domain lane drawn behind its competencies (not selectable, lets clicks through); its name is in LaneLabels. */
function LaneNodeView({ data }: NodeProps<LaneNodeType>) {
  return (
    <div className={`lane lane-${data.orientation}`} style={{ '--domain': data.color } as React.CSSProperties} data-testid="domain-lane">
    </div>
  );
}

export const LaneNode = memo(LaneNodeView);
