/** How the canvas centres on a competency (search, Problems "show", Tab…). */

interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Animation of a short centring move, in ms. */
export const SHORT_CENTRING_MS = 350;

/**
 * Duration of the move that centres `target` (a point of the flow) at `zoom` in a view of `size`
 * pixels: animated when it stays within about one screen, a jump (0) otherwise, and always a jump
 * when the user prefers reduced motion. A long animated pan renders every competency it passes over,
 * frame after frame (perf: 0.3–1 s of main-thread work on a 10,000-competency map).
 */
export function centringDuration(
  vp: Viewport,
  target: { x: number; y: number },
  zoom: number,
  size: { width: number; height: number },
  reducedMotion: boolean,
): number {
  if (reducedMotion || !size.width || !size.height) return 0;
  // the view's centre in flow coordinates, and the distance to travel in screen pixels
  const cx = (size.width / 2 - vp.x) / vp.zoom;
  const cy = (size.height / 2 - vp.y) / vp.zoom;
  const scale = Math.max(vp.zoom, zoom);
  const far = Math.abs(target.x - cx) * scale > size.width || Math.abs(target.y - cy) * scale > size.height;
  const zooms = zoom / vp.zoom > 2 || vp.zoom / zoom > 2;
  return far || zooms ? 0 : SHORT_CENTRING_MS;
}

/** True when the system asks for reduced motion. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Briefly highlights a competency's card after a jump, so the eye finds it: waits a few frames for the
 * card to be rendered (only what is in view is). Returns a cancel function.
 */
export function flashCompetency(root: HTMLElement | null, id: string): () => void {
  let frame = 0;
  let tries = 0;
  const find = () => {
    const el = root?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"] .cnode`);
    if (el) {
      el.classList.remove('is-found');
      void el.offsetWidth; // restart the animation
      el.classList.add('is-found');
      el.addEventListener('animationend', () => el.classList.remove('is-found'), { once: true });
    } else if (++tries < 20) frame = requestAnimationFrame(find);
  };
  frame = requestAnimationFrame(find);
  return () => cancelAnimationFrame(frame);
}
