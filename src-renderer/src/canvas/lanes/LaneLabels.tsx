import { useStore as useFlowStore, useViewport } from '@xyflow/react';
import { useMemo } from 'react';
import type { Position } from '../../../../src-core/model/types';
import { useEditor } from '../../store/useEditor';
import { CollapseToggle } from '../collapse/CollapseControls';
import { laneGeometryCached } from './laneGeometry';

const LABEL_H = 26;

/**
 * Domain names pinned to the visible edge of their lane: a lane's name stays readable however far
 * the map is panned or zoomed out (the lane itself is drawn by LaneNode behind the competencies).
 * `drag` = the positions of a drag in progress (the canvas keeps them, not the store).
 */
export function LaneLabels({ drag }: { drag: Record<string, Position> | null }) {
  const competencies = useEditor((s) => s.doc.framework.competencies);
  const domains = useEditor((s) => s.doc.framework.domains);
  const orientation = useEditor((s) => s.session.laneOrientation);
  const lanes = useMemo(() => laneGeometryCached({ competencies, domains }, orientation, drag), [competencies, domains, orientation, drag]);
  const { x: vx, y: vy, zoom } = useViewport();
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  if (!lanes.length) return null;
  return (
    <div className="lane-labels">
      {lanes.map((l) => {
        const left = l.x * zoom + vx;
        const top = l.y * zoom + vy;
        const right = left + l.width * zoom;
        const bottom = top + l.height * zoom;
        if (right < 0 || bottom < 0 || left > width || top > height) return null;
        const x = orientation === 'horizontal' ? Math.max(left, 0) + 8 : left + 8;
        const y = orientation === 'horizontal' ? Math.min(Math.max(top, 0), bottom - LABEL_H) + 6 : Math.max(top, 0) + 6;
        const maxWidth = orientation === 'horizontal' ? Math.max(0, Math.min(right, width) - x - 8) : Math.max(0, l.width * zoom - 16);
        if (maxWidth < 40) return null;
        return (
          <div key={l.domainId} className="lane-label" style={{ transform: `translate(${x}px, ${y}px)`, maxWidth, '--domain': l.color } as React.CSSProperties}>
            <CollapseToggle domainId={l.domainId} title={l.title} />
            {l.code && <span className="lane-code" aria-hidden>{l.code}</span>}
            <span className="lane-label-title" aria-hidden>{l.title}</span>
          </div>
        );
      })}
    </div>
  );
}
