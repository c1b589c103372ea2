import { useStore as useFlowStore } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import type { Framework, Position } from '../../../../src-core/model/types';
import { useEditor } from '../../store/useEditor';
import { collapseViewCached, COLLAPSED_H, COLLAPSED_W } from '../collapse/applyCollapse';
import { focusSet } from '../focus/focusSet';
import { drawOverview, overviewScene, withFocus, withSelection } from './overviewScene';

/**
 * The zoomed-out level of detail: every competency and prerequisite painted on one canvas that
 * follows React Flow's viewport. Lets pointer events through to the pane (pan and zoom keep working);
 * zooming in past the threshold brings back full, interactive nodes.
 */
export function OverviewLayer(props: {
  framework: Pick<Framework, 'competencies' | 'prerequisites' | 'domains'>;
  dragPositions: Record<string, Position> | null;
  direction: 'LR' | 'TB';
  selected: readonly string[];
}) {
  const { framework, dragPositions, direction, selected } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const transform = useFlowStore((s) => s.transform);
  const collapsed = useEditor((s) => s.session.collapsedDomains);
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  // built per document/drag change; a selection change only re-marks the selected (perf)
  const base = useMemo(
    () =>
      overviewScene(framework, {
        dragPositions,
        direction,
        collapse: collapsed.length ? collapseViewCached(framework, collapsed) : null,
        blockSize: { w: COLLAPSED_W, h: COLLAPSED_H },
      }),
    [framework.competencies, framework.prerequisites, framework.domains, dragPositions, direction, collapsed],
  );
  // focus mode dims what lies outside the neighbourhood, as on the full canvas
  const focus = useEditor((s) => s.session.focus);
  const focused = useMemo(
    () => (focus ? focusSet(framework, focus.id, focus.depth) : null),
    [focus, framework.competencies, framework.prerequisites],
  );
  const scene = useMemo(() => withFocus(withSelection(base, selected), focused), [base, selected, focused]);
  const frame = useRef(0);
  useEffect(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const el = canvas.current;
      const ctx = el?.getContext('2d');
      if (!el || !ctx) return;
      const dpr = window.devicePixelRatio || 1;
      if (el.width !== Math.round(width * dpr) || el.height !== Math.round(height * dpr)) {
        el.width = Math.round(width * dpr);
        el.height = Math.round(height * dpr);
      }
      const css = getComputedStyle(el);
      drawOverview(ctx, scene, transform, { width, height, dpr }, {
        link: css.getPropertyValue('--overview-link').trim() || 'rgba(120, 130, 150, 0.45)',
        selected: css.getPropertyValue('--overview-selected').trim() || '#2f6fdf',
      });
    });
    return () => cancelAnimationFrame(frame.current);
  }, [scene, transform, width, height]);
  return (
    <canvas
      ref={canvas}
      className="canvas-overview"
      data-testid="canvas-overview"
      aria-label={`Overview of ${Object.keys(framework.competencies).length} competencies${base.blocks?.length ? ` (${base.blocks.length} domains collapsed)` : ''}; zoom in to edit`}
      role="img"
      style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', pointerEvents: 'none', zIndex: 1 }}
    />
  );
}
