import { useReactFlow, useStore as useFlowStore, type ReactFlowState } from '@xyflow/react';
import { memo, useCallback, useRef, useState, useSyncExternalStore } from 'react';
import type { DomainId } from '../../../../src-core/model/ids';
import { useEditor, useStore } from '../../store/useEditor';
import { CollapseToggle } from '../collapse/CollapseControls';
import { toggleDomain } from '../collapse/collapseActions';
import { getDragLanes, subscribeDragLanes } from '../drag/liveDrag';
import type { LaneNodeData } from '../flowModel';
import type { LaneRect } from './laneGeometry';
import { stripHeaders, type StripSide } from './laneStrip';
import './lanes.css';

/**
 * The lane strip: the domains' headers in a strip beside the map — left of horizontal lanes, above
 * vertical ones — outside React Flow's pane, so a header never covers a card and always shows in full
 * (up to three lines of title; a narrow column's header shows its code over its title in a smaller type,
 * wrapped and ellipsed, and every header has the full name as its tooltip). Each header sits at its lane's place and size on screen, following pan
 * and zoom (React Flow's transform; O(lanes) per frame), inside the visible part of a lane partly out of
 * view. The lanes are read from React Flow's own lane nodes, so the headers follow exactly what is drawn;
 * while a drag grows a lane, from the drag (drag/liveDrag.ts draws it without a React Flow render).
 * The chevrons are one Tab stop (the arrow keys move between them).
 * By touch (or pen) a finger drawn along the strip scrolls the lanes, as the wheel does, and a tap anywhere on a
 * header collapses or expands its domain (the chevron alone is too small a target for a finger, and a narrow
 * column's header has none).
 */
export function LaneLabels({ side }: { side: StripSide }) {
  const domains = useEditor((s) => s.doc.framework.domains);
  const select = useCallback(
    (s: ReactFlowState) => {
      const out: LaneNodeData[] = [];
      for (const d of domains) {
        const n = s.nodeLookup.get(`lane:${d.id}`);
        if (n?.type === 'lane' && !n.hidden) out.push(n.data as LaneNodeData);
      }
      return out;
    },
    [domains],
  );
  const flowLanes = useFlowStore(select, sameItems);
  const dragLanes = useSyncExternalStore(subscribeDragLanes, getDragLanes);
  const lanes: readonly LaneRect[] = dragLanes ?? flowLanes;
  const transform = useFlowStore((s) => s.transform);
  const extent = useFlowStore((s) => (side === 'left' ? s.height : s.width));
  // the header whose chevron is the strip's Tab stop: the last one focused while it is in view, else the first
  const [current, setCurrent] = useState<string | null>(null);
  const headers = stripHeaders(lanes, transform, side, extent);
  const stop = headers.some((h) => h.mode === 'full' && h.item.domainId === current) ? current : headers.find((h) => h.mode === 'full')?.item.domainId;
  const onKeyDown = useCallback(
    (e: React.KeyboardEvent<HTMLDivElement>) => {
      const keys = side === 'left' ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];
      const step = e.key === keys[0] ? -1 : e.key === keys[1] ? 1 : 0;
      if (!step && e.key !== 'Home' && e.key !== 'End') return;
      const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('.collapse-btn')];
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
      if (at < 0) return;
      e.preventDefault();
      const next = e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : Math.min(buttons.length - 1, Math.max(0, at + step));
      buttons[next]?.focus();
    },
    [side],
  );
  // the wheel over the strip scrolls the lanes along it, as row or column headers do (over the map it zooms)
  const rf = useReactFlow();
  const onWheel = useCallback(
    (e: React.WheelEvent<HTMLDivElement>) => {
      if (e.ctrlKey || e.metaKey) return;
      const { x, y, zoom } = rf.getViewport();
      const along = side === 'left' ? e.deltaY : e.deltaX || e.deltaY;
      void rf.setViewport(side === 'left' ? { x: x - e.deltaX, y: y - along, zoom } : { x: x - along, y, zoom });
    },
    [rf, side],
  );
  // a finger (or pen) drawn along the strip scrolls the lanes with it; a short move stays a tap (lanes.css: the
  // strip takes touch gestures itself, `touch-action: none`, so the browser does not cancel them)
  const swipe = useRef<{ id: number; x: number; y: number; moving: boolean } | null>(null);
  const onPointerDown = useCallback((e: React.PointerEvent<HTMLDivElement>) => {
    if (e.pointerType === 'mouse' || !e.isPrimary) return;
    swipe.current = { id: e.pointerId, x: e.clientX, y: e.clientY, moving: false };
  }, []);
  const onPointerMove = useCallback(
    (e: React.PointerEvent<HTMLDivElement>) => {
      const s = swipe.current;
      if (!s || s.id !== e.pointerId) return;
      const along = side === 'left' ? e.clientY - s.y : e.clientX - s.x;
      if (!s.moving) {
        if (Math.abs(along) < SWIPE_SLOP) return;
        s.moving = true;
        e.currentTarget.setPointerCapture?.(e.pointerId);
      }
      s.x = e.clientX;
      s.y = e.clientY;
      const { x, y, zoom } = rf.getViewport();
      void rf.setViewport(side === 'left' ? { x, y: y + along, zoom } : { x: x + along, y, zoom });
    },
    [rf, side],
  );
  const endSwipe = useCallback((e: React.PointerEvent<HTMLDivElement>) => {
    if (swipe.current?.id === e.pointerId) swipe.current = null;
  }, []);
  // a tap on a header (not its chevron, which handles itself) toggles its domain; a mouse click does not
  const store = useStore();
  const onClick = useCallback(
    (e: React.MouseEvent<HTMLDivElement>) => {
      const type = (e.nativeEvent as Partial<PointerEvent>).pointerType;
      if (type !== 'touch' && type !== 'pen') return;
      const target = e.target as Element;
      if (target.closest('.collapse-btn')) return;
      const id = target.closest('.lane-label')?.getAttribute('data-domain');
      if (id) toggleDomain(store, id as DomainId);
    },
    [store],
  );
  return (
    <div
      className={`lane-labels lane-strip lane-strip-${side}`}
      role="group"
      aria-label="Domain lanes"
      onKeyDown={onKeyDown}
      onWheel={onWheel}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endSwipe}
      onPointerCancel={endSwipe}
      onClick={onClick}
      data-testid="lane-strip"
    >
      {headers.map(({ item: l, start, size, mode, lines, dense }) => {
        const name = l.code ? `${l.code} · ${l.title}` : l.title;
        const place: React.CSSProperties = side === 'left' ? { transform: `translateY(${start}px)`, height: size } : { transform: `translateX(${start}px)`, width: size };
        return (
          <div key={l.domainId} className={`lane-label is-${mode}${dense ? ' is-dense' : ''}${mode === 'full' && side === 'left' && lines === 1 ? ' is-one-line' : ''}`} data-domain={l.domainId} title={name} style={{ ...place, '--domain': l.color, '--lines': mode === 'compact' && !l.code ? lines + 1 : lines } as React.CSSProperties}>
            {mode === 'full' && side === 'left' && lines > 1 && (
              // a band's header: the title runs on after the chevron and the code (bands are thin on screen)
              <div className="lane-label-text">
                <HeaderToggle domainId={l.domainId} title={l.title} tabbable={l.domainId === stop} onFocus={setCurrent} />
                {l.code && <span className="lane-code" aria-hidden>{l.code}</span>}
                <span className="lane-label-title" aria-hidden>{l.title}</span>
              </div>
            )}
            {mode === 'full' && side === 'left' && lines === 1 && (
              // a band with room for one line: the title has the line; the code stays before it only while the title
              // keeps a few words' room (lanes.css: the code comes after the title in the wrapping row, so it is the
              // one that wraps out of sight), else it is left to the tooltip
              <div className="lane-label-text">
                <HeaderToggle domainId={l.domainId} title={l.title} tabbable={l.domainId === stop} onFocus={setCurrent} />
                <span className="lane-one-line">
                  <span className="lane-label-title" aria-hidden>{l.title}</span>
                  {l.code && <span className="lane-code" aria-hidden>{l.code}</span>}
                </span>
              </div>
            )}
            {mode === 'full' && side === 'top' && (
              // a column's header: chevron and code, the title under them (columns are narrow on screen)
              <>
                <div className="lane-label-row">
                  <HeaderToggle domainId={l.domainId} title={l.title} tabbable={l.domainId === stop} onFocus={setCurrent} />
                  {l.code && <span className="lane-code" aria-hidden>{l.code}</span>}
                </div>
                <div className="lane-label-text lane-label-title" aria-hidden>
                  {l.title}
                </div>
              </>
            )}
            {mode === 'compact' && (
              // a narrow column's header: the code over as much of the title as the strip holds (all of it in the tooltip)
              <>
                {l.code && <span className="lane-code" aria-hidden>{l.code}</span>}
                <div className="lane-label-text lane-label-title" aria-hidden>
                  {l.title}
                </div>
              </>
            )}
            {mode === 'code' && (
              <span className="lane-code" aria-hidden>{l.code || l.title}</span>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** A lane header's collapse toggle: a roving Tab stop, re-rendered only when its own props change (not per pan frame). */
const HeaderToggle = memo(function HeaderToggle({ domainId, title, tabbable, onFocus }: { domainId: string; title: string; tabbable: boolean; onFocus: (id: string) => void }) {
  return <CollapseToggle domainId={domainId} title={title} tabIndex={tabbable ? 0 : -1} onFocus={onFocus} />;
});

/** How far (px) a finger moves along the strip before it scrolls the lanes rather than taps a header. */
const SWIPE_SLOP = 6;

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
