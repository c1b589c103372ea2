import { Handle, Position, useStore as useFlowStore, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { DomainId } from '../../../../src-core/model/ids';
import { useStore } from '../../store/useEditor';
import { Icon } from '../../ui/Icon';
import { COLLAPSED_FAR_H, COLLAPSED_FAR_TOP, COLLAPSED_H, COLLAPSED_W, type CollapsedDomainNode as CollapsedDomainNodeType } from './applyCollapse';
import { collapsedCardPlacement, placedCardRect, wantedCardScale, type CardPlacement, type Rect } from './cardFit';
import { expandDomain } from './collapseActions';
import { Chevron } from './CollapseControls';
import './collapse.css';

export { COLLAPSED_MIN_SCREEN_W } from './cardFit';

/**
 * How much a collapsed domain's card is wanted enlarged (about its centre) at canvas zoom `zoom`: 1 when
 * it is at least `COLLAPSED_MIN_SCREEN_W` px wide on screen, more when zoomed further out, so "Collapse
 * all" on a big map leaves readable, named domains instead of specks. What it gets is bounded by the
 * room it has (`collapsedDomainPlacement`).
 */
export function collapsedCardScale(zoom: number): number {
  return wantedCardScale(zoom, COLLAPSED_W);
}

/** The card's own box (canvas units, unscaled) at a zoom where it is wanted `far` (enlarged) or not. */
function cardBox(position: { x: number; y: number }, far: boolean): { position: { x: number; y: number }; height: number } {
  return far ? { position: { x: position.x, y: position.y + COLLAPSED_FAR_TOP }, height: COLLAPSED_FAR_H } : { position, height: COLLAPSED_H };
}

/**
 * Where a collapsed domain's card is drawn at zoom `zoom` (see `collapsedCardPlacement`): as big as
 * wanted, as far as its lane and its neighbours allow.
 */
export function collapsedDomainPlacement(node: Pick<CollapsedDomainNodeType, 'position' | 'data'>, zoom: number): CardPlacement {
  const far = collapsedCardScale(zoom) > 1;
  if (!far) return { scale: 1, dx: 0, dy: 0 };
  const box = cardBox(node.position, far);
  return collapsedCardPlacement(box.position, node.data, zoom, COLLAPSED_W, box.height);
}

/** The card's box on the canvas (canvas units) as drawn at zoom `zoom`. */
export function collapsedDomainRect(node: Pick<CollapsedDomainNodeType, 'position' | 'data'>, zoom: number): Rect {
  const box = cardBox(node.position, collapsedCardScale(zoom) > 1);
  return placedCardRect(box.position, collapsedDomainPlacement(node, zoom), COLLAPSED_W, box.height);
}

/**
 * The CSS transform of a card at `p`: '' when it is not zoomed far out (its full layout, own size), else
 * at least `scale(1)` (its short layout). A primitive, so a zoom that changes nothing re-renders nothing.
 */
function cardTransform(p: CardPlacement, far: boolean): string {
  if (!far) return '';
  return p.dx || p.dy ? `translate(${p.dx}px, ${p.dy}px) scale(${p.scale})` : `scale(${p.scale})`;
}

/**
 * A collapsed domain on the canvas: one node standing for all its competencies (and its nested
 * domains'), with their number and a summary of their problems. Double-click or Expand shows them again.
 */
function CollapsedDomainNodeView({ data, positionAbsoluteX, positionAbsoluteY }: NodeProps<CollapsedDomainNodeType>) {
  const store = useStore();
  const lr = data.direction === 'LR';
  const expand = () => expandDomain(store, data.domainId as DomainId);
  const n = data.competencies;
  const transform = useFlowStore((s) => {
    const zoom = s.transform[2];
    return cardTransform(collapsedDomainPlacement({ position: { x: positionAbsoluteX, y: positionAbsoluteY }, data }, zoom), collapsedCardScale(zoom) > 1);
  });
  return (
    <div
      className="collapsed-domain"
      style={{ '--domain': data.color, ...(transform ? { transform, zIndex: 1 } : null) } as React.CSSProperties}
      data-far={transform ? '' : undefined}
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
