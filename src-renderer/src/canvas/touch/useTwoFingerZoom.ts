import { useEffect, type RefObject } from 'react';
import { pinchViewport, type Point, type Viewport } from './pinchView';

/**
 * Pinch zoom wherever the fingers land on the map. React Flow zooms on a pinch that starts on the empty map, but a
 * finger put down on a card (or a collapsed domain) belongs to that card's drag: the pinch then did nothing, and zoomed in, where
 * cards fill the screen, most pinches start on one. Here, once two fingers are down and one of them started on a
 * node, the gesture is a pinch (pinchView.ts) until every finger is lifted: their moves go no further (neither a
 * card drag nor React Flow's pan sees them), and `onTakeOver` lets the canvas drop a drag the first finger began.
 * A pinch on the empty map is left to React Flow.
 */
export function useTwoFingerZoom(
  wrapper: RefObject<HTMLElement | null>,
  view: {
    get: () => Viewport;
    set: (vp: Viewport) => void;
    limits: () => { min: number; max: number };
  },
  onTakeOver: () => void,
): void {
  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    const onNode = new Map<number, boolean>();
    let pinch: { start: Viewport; ids: [number, number]; a0: Point; b0: Point } | null = null;
    let owned = false;
    const local = (t: Touch): Point => {
      const r = (el.querySelector('.react-flow') ?? el).getBoundingClientRect();
      return { x: t.clientX - r.left, y: t.clientY - r.top };
    };
    const find = (list: TouchList, id: number) => Array.from(list).find((t) => t.identifier === id);
    const start = (e: TouchEvent) => {
      for (const t of Array.from(e.changedTouches)) onNode.set(t.identifier, !!(t.target as Element | null)?.closest?.('.react-flow__node'));
      if (owned) return void e.stopPropagation(); // a third finger changes nothing
      const touches = Array.from(e.touches);
      if (touches.length !== 2 || !touches.some((t) => onNode.get(t.identifier))) return;
      owned = true;
      e.stopPropagation();
      if (e.cancelable) e.preventDefault();
      onTakeOver();
      const [a, b] = touches as [Touch, Touch];
      pinch = { start: view.get(), ids: [a.identifier, b.identifier], a0: local(a), b0: local(b) };
    };
    const move = (e: TouchEvent) => {
      if (!owned) return;
      e.stopPropagation();
      if (e.cancelable) e.preventDefault();
      if (!pinch) return;
      const a = find(e.touches, pinch.ids[0]);
      const b = find(e.touches, pinch.ids[1]);
      if (!a || !b) return; // a finger lifted: the other one waits
      view.set(pinchViewport(pinch.start, pinch.a0, pinch.b0, local(a), local(b), view.limits()));
    };
    const end = (e: TouchEvent) => {
      for (const t of Array.from(e.changedTouches)) onNode.delete(t.identifier);
      if (owned && e.touches.length === 0) {
        owned = false;
        pinch = null;
      }
    };
    const opts = { capture: true, passive: false };
    el.addEventListener('touchstart', start, opts);
    el.addEventListener('touchmove', move, opts);
    el.addEventListener('touchend', end, true);
    el.addEventListener('touchcancel', end, true);
    return () => {
      el.removeEventListener('touchstart', start, opts);
      el.removeEventListener('touchmove', move, opts);
      el.removeEventListener('touchend', end, true);
      el.removeEventListener('touchcancel', end, true);
    };
  }, [wrapper, view, onTakeOver]);
}
