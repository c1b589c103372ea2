import { Panel, useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import type { Framework } from '../../../../src-core/model/types';
import { useEditor } from '../../store/useEditor';
import { collapseViewCached, COLLAPSED_H, COLLAPSED_W } from '../collapse/applyCollapse';
import type { MinimapSize } from '../overlays/minimapSize';
import { drawOverview, overviewScene } from './overviewScene';

const OFFSET = 5;
const NO_LINES = new Float64Array(0);
/** Collapsed domains on the minimap: at least a visible dot, never a label. */
const MINIMAP_BLOCK = { w: 4, h: 3 };

/**
 * The minimap of a large map: every competency painted on one <canvas> in its domain colour, with
 * the viewport as a mask, pannable (drag) and zoomable (wheel) like React Flow's MiniMap. React
 * Flow's MiniMap keeps one SVG shape and one store subscription per node, so every store write
 * (each pointer move of a drag or pan) re-ran thousands of selectors; this one subscribes to the
 * viewport only and redraws from a scene built once per document change (perf).
 */
export function OverviewMiniMap(props: { framework: Pick<Framework, 'competencies' | 'prerequisites' | 'domains'>; direction: 'LR' | 'TB'; ariaLabel: string; size: MinimapSize }) {
  const { framework, direction, ariaLabel } = props;
  const { width: W, height: H } = props.size;
  const rf = useReactFlow();
  const canvas = useRef<HTMLCanvasElement>(null);
  const tx = useFlowStore((s) => s.transform[0]);
  const ty = useFlowStore((s) => s.transform[1]);
  const k = useFlowStore((s) => s.transform[2]);
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  // collapsed domains are one block here too (the collapse view is shared with the canvas: one pass)
  const collapsed = useEditor((s) => s.session.collapsedDomains);
  const links = collapsed.length ? framework.prerequisites : null;
  const scene = useMemo(() => {
    const collapse = links ? collapseViewCached({ competencies: framework.competencies, prerequisites: links, domains: framework.domains }, collapsed) : null;
    const fw = { competencies: framework.competencies, prerequisites: new Map(), domains: framework.domains };
    return { ...overviewScene(fw, { direction, collapse, blockSize: { w: COLLAPSED_W, h: COLLAPSED_H } }), lines: NO_LINES };
  }, [framework.competencies, links, framework.domains, direction, collapsed]);
  const bounds = useMemo(() => {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let i = 0; i < scene.xy.length; i += 2) {
      x0 = Math.min(x0, scene.xy[i]!);
      y0 = Math.min(y0, scene.xy[i + 1]!);
      x1 = Math.max(x1, scene.xy[i]! + scene.w);
      y1 = Math.max(y1, scene.xy[i + 1]! + scene.h);
    }
    for (const b of scene.blocks ?? []) {
      x0 = Math.min(x0, b.x);
      y0 = Math.min(y0, b.y);
      x1 = Math.max(x1, b.x + b.w);
      y1 = Math.max(y1, b.y + b.h);
    }
    return x0 === Infinity ? null : { x0, y0, x1, y1 };
  }, [scene]);

  // The same framing as React Flow's MiniMap: the nodes and the viewport, centred, with a margin.
  const view = { x: -tx / k, y: -ty / k, width: width / k, height: height / k };
  const bx0 = Math.min(view.x, bounds?.x0 ?? view.x);
  const by0 = Math.min(view.y, bounds?.y0 ?? view.y);
  const bw = Math.max(view.x + view.width, bounds?.x1 ?? -Infinity) - bx0;
  const bh = Math.max(view.y + view.height, bounds?.y1 ?? -Infinity) - by0;
  const viewScale = Math.max(bw / W, bh / H) || 1;
  const offset = OFFSET * viewScale;
  const vx = bx0 - (viewScale * W - bw) / 2 - offset;
  const vy = by0 - (viewScale * H - bh) / 2 - offset;
  const vw = viewScale * W + 2 * offset;
  const vh = viewScale * H + 2 * offset;
  const scale = W / vw;

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    if (el.width !== Math.round(W * dpr)) el.width = Math.round(W * dpr);
    if (el.height !== Math.round(H * dpr)) el.height = Math.round(H * dpr);
    drawOverview(ctx, scene, [-vx * scale, -vy * scale, scale], { width: W, height: H, dpr }, { link: 'transparent', selected: 'transparent' }, MINIMAP_BLOCK);
  }, [scene, vx, vy, scale, W, H]);

  const drag = useRef<{ x: number; y: number } | null>(null);
  const scaleRef = useRef(viewScale);
  scaleRef.current = viewScale;
  const onPointerDown = (e: React.PointerEvent) => {
    drag.current = { x: e.clientX, y: e.clientY };
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: React.PointerEvent) => {
    if (!drag.current) return;
    const dx = e.clientX - drag.current.x;
    const dy = e.clientY - drag.current.y;
    drag.current = { x: e.clientX, y: e.clientY };
    const vp = rf.getViewport();
    const m = scaleRef.current * vp.zoom;
    void rf.setViewport({ x: vp.x - dx * m, y: vp.y - dy * m, zoom: vp.zoom });
  };
  const onPointerUp = () => void (drag.current = null);
  const svg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const vp = rf.getViewport();
      void rf.zoomTo(vp.zoom * Math.pow(2, -e.deltaY * (e.deltaMode === 1 ? 0.05 : e.deltaMode ? 1 : 0.002)));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [rf]);

  return (
    <Panel position="bottom-right" className="react-flow__minimap" style={{ width: W, height: H }} data-testid="rf__minimap">
      <canvas ref={canvas} style={{ position: 'absolute', left: 0, top: 0, width: W, height: H, pointerEvents: 'none' }} aria-hidden />
      <svg
        ref={svg}
        width={W}
        height={H}
        viewBox={`${vx} ${vy} ${vw} ${vh}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-label={ariaLabel}
        style={{ position: 'relative', cursor: 'grab' }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <path
          className="react-flow__minimap-mask"
          d={`M${vx - offset},${vy - offset}h${vw + offset * 2}v${vh + offset * 2}h${-vw - offset * 2}z M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}
