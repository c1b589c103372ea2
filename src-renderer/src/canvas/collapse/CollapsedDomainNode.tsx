import { Handle, Position, useStore as useFlowStore, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { DomainId } from '../../../../src-core/model/ids';
import { useStore } from '../../store/useEditor';
import { Icon } from '../../ui/Icon';
import { COLLAPSED_W, type CollapsedDomainNode as CollapsedDomainNodeType } from './applyCollapse';
import { expandDomain } from './collapseActions';
import { Chevron } from './CollapseControls';
import './collapse.css';

/** Narrowest a collapsed domain's card gets on screen, however far out the canvas is zoomed. */
export const COLLAPSED_MIN_SCREEN_W = 150;

/**
 * How much a collapsed domain's card is enlarged (about its centre) at canvas zoom `zoom`: 1 when it is
 * at least `COLLAPSED_MIN_SCREEN_W` px wide on screen, more when zoomed further out, so "Collapse all"
 * on a big map leaves readable, named domains instead of specks. Rounded, so zooming re-renders the
 * few collapsed nodes only when the figure changes.
 */
export function collapsedCardScale(zoom: number): number {
  const w = COLLAPSED_W * zoom;
  if (!(w > 0) || w >= COLLAPSED_MIN_SCREEN_W) return 1;
  return Math.ceil((COLLAPSED_MIN_SCREEN_W / w) * 50) / 50;
}

/**
 * A collapsed domain on the canvas: one node standing for all its competencies (and its nested
 * domains'), with their number and a summary of their problems. Double-click or Expand shows them again.
 */
function CollapsedDomainNodeView({ data }: NodeProps<CollapsedDomainNodeType>) {
  const store = useStore();
  const lr = data.direction === 'LR';
  const expand = () => expandDomain(store, data.domainId as DomainId);
  const n = data.competencies;
  const scale = useFlowStore((s) => collapsedCardScale(s.transform[2]));
  return (
    <div
      className="collapsed-domain"
      style={{ '--domain': data.color, ...(scale > 1 ? { transform: `scale(${scale})`, zIndex: 1 } : null) } as React.CSSProperties}
      data-far={scale > 1 ? '' : undefined}
      data-testid="collapsed-domain"
      data-domain={data.domainId}
      onDoubleClick={(e) => {
        e.stopPropagation();
        expand();
      }}
    >
      <Handle type="target" position={lr ? Position.Left : Position.Top} className="chandle" isConnectable={false} />
      <div className="collapsed-domain-head">
        {data.code && <span className="lane-code">{data.code}</span>}
        <span className="collapsed-domain-title" title={data.title}>
          {data.title}
        </span>
      </div>
      <div className="collapsed-domain-count" data-testid="collapsed-domain-count">
        {n} competenc{n === 1 ? 'y' : 'ies'}
        {data.nestedDomains > 0 && <span className="muted"> · {data.nestedDomains} nested domain{data.nestedDomains === 1 ? '' : 's'}</span>}
      </div>
      <div className="collapsed-domain-foot">
        <span className="muted small" title="Links between its own competencies, hidden while collapsed">
          {data.internalLinks} link{data.internalLinks === 1 ? '' : 's'} inside
        </span>
        {data.problems > 0 && (
          <span className={`badge badge-${data.problemSeverity ?? 'warning'}`} title={`${data.problems} problem${data.problems === 1 ? '' : 's'} in this domain`} data-testid="collapsed-problems">
            <Icon name="warning" size={11} />
            {data.problems}
          </span>
        )}
        <button className="collapse-btn nodrag" onClick={expand} aria-label={`Expand domain ${data.title}`} title="Expand (show its competencies)">
          <Chevron collapsed /> Expand
        </button>
      </div>
      <Handle type="source" position={lr ? Position.Right : Position.Bottom} className="chandle" isConnectable={false} />
    </div>
  );
}

export const CollapsedDomainNode = memo(CollapsedDomainNodeView);
