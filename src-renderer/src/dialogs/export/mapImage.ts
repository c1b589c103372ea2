import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';
import type { Framework } from '../../../../src-core/model/types';
import { NODE_H, NODE_W } from '../../canvas/geometry';
import { LOD_MIN_COMPETENCIES } from '../../canvas/lod/overviewScene';
import type { LaneOrientation } from '../../store/session';
import { MAX_PNG_SIDE as MAX_SIDE } from './exportFormats';
import { addLaneLabelsForExport } from './laneLabelsForExport';
import { wholeMapSvg } from './mapSvg';

/** Which part of the map an image shows. */
export type ImageScope = 'whole' | 'view';
export type ImageFormat = 'png' | 'svg';

const PAD = 32;
const SVG_PROPS = ['stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'fill', 'fill-opacity', 'opacity', 'visibility'] as const;

/**
 * Leaves out the canvas chrome (zoom buttons, mini map, attribution, the domains' collapse chevrons) and the
 * dotted background: it lies in the map's layer around the view (canvas/dots/MapDots.tsx), so a whole-map
 * image would show a dotted patch where the view was.
 */
function chromeFilter(node: HTMLElement): boolean {
  const cl = node.classList;
  if (!cl) return true;
  return !(
    cl.contains('react-flow__controls') ||
    cl.contains('react-flow__minimap') ||
    cl.contains('react-flow__panel') ||
    cl.contains('react-flow__attribution') ||
    cl.contains('collapse-btn') ||
    cl.contains('map-dots')
  );
}

function background(el: Element): string {
  const v = getComputedStyle(el).getPropertyValue('--canvas').trim();
  return v || '#ffffff';
}

/**
 * html-to-image copies computed styles onto HTML elements but clones SVG subtrees as they are, so
 * edges styled by class (stroke colour and width) would come out invisible. Inlines those styles on
 * the live SVG shapes for the capture; the returned function restores them.
 */
function inlineSvgStyles(root: Element): () => void {
  const saved: { el: SVGElement; style: string | null }[] = [];
  for (const el of root.querySelectorAll<SVGElement>('svg path, svg polyline, svg circle, svg rect, svg line')) {
    const cs = getComputedStyle(el);
    saved.push({ el, style: el.getAttribute('style') });
    for (const p of SVG_PROPS) el.style.setProperty(p, cs.getPropertyValue(p));
  }
  return () => {
    for (const { el, style } of saved) {
      if (style === null) el.removeAttribute('style');
      else el.setAttribute('style', style);
    }
  };
}

/**
 * The map as an image data URL, following React Flow's "download image" example: for the whole
 * map, the viewport element is rendered with the transform that fits every competency
 * (`getNodesBounds` + `getViewportForBounds`); for the current view, the visible canvas as it is.
 */
export async function mapImage(fw: Framework, format: ImageFormat, scope: ImageScope, opts: { pixelRatio?: number; background?: string; laneOrientation?: LaneOrientation } = {}): Promise<string> {
  // A large map's canvas holds only the cards in view (zoomed out, none: an overview is painted
  // instead), so its whole image is drawn from the document, not copied from the page.
  if (scope === 'whole' && Object.keys(fw.competencies).length >= LOD_MIN_COMPETENCIES) return drawnWhole(fw, format, opts);
  const flow = document.querySelector<HTMLElement>('.canvas .react-flow');
  const viewport = flow?.querySelector<HTMLElement>('.react-flow__viewport');
  if (!flow || !viewport) throw new Error('The map is not on screen.');
  const render = format === 'png' ? toPng : toSvg;
  const backgroundColor = opts.background ?? background(flow);
  const pixelRatio = format === 'png' ? (opts.pixelRatio ?? 2) : 1;
  const restore = inlineSvgStyles(viewport);
  try {
    if (scope === 'view') return await render(flow, { backgroundColor, filter: chromeFilter, pixelRatio, skipFonts: true });
    // The pinned lane names are outside the viewport: the whole map gets its own, at each lane's top-left.
    const removeLabels = addLaneLabelsForExport(fw, viewport);
    try {
      return await renderWhole(fw, viewport, render, backgroundColor, pixelRatio);
    } finally {
      removeLabels();
    }
  } finally {
    restore();
  }
}

async function renderWhole(fw: Framework, viewport: HTMLElement, render: typeof toPng, backgroundColor: string, pixelRatio: number): Promise<string> {

  // Every rendered node (competencies and domain lanes) at its flow position and unscaled size;
  // competencies from the document when the canvas has not rendered them yet.
  const nodes: Node[] = [];
  for (const el of viewport.querySelectorAll<HTMLElement>('.react-flow__node')) {
    const m = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(el.style.transform);
    if (m && el.offsetWidth) nodes.push({ id: el.dataset.id ?? '', position: { x: Number(m[1]), y: Number(m[2]) }, width: el.offsetWidth, height: el.offsetHeight, data: {} });
  }
  if (nodes.length === 0) for (const c of Object.values(fw.competencies)) nodes.push({ id: c.id, position: c.position, width: NODE_W, height: NODE_H, data: {} });
  if (nodes.length === 0) throw new Error('The map is empty: there is nothing to draw.');
  const b = getNodesBounds(nodes);
  let width = b.width + 2 * PAD;
  let height = b.height + 2 * PAD;
  const shrink = Math.min(1, MAX_SIDE / Math.max(width, height));
  width = Math.max(200, Math.round(width * shrink));
  height = Math.max(120, Math.round(height * shrink));
  const vp = getViewportForBounds(b, width, height, 0.02, 2, PAD / Math.max(width, height));
  return render(viewport, {
    backgroundColor,
    width,
    height,
    pixelRatio: Math.min(pixelRatio, MAX_SIDE / Math.max(width, height) || 1) || 1,
    skipFonts: true,
    filter: chromeFilter,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})` },
  });
}

/** The whole map drawn from the document (mapSvg.ts), as an SVG or PNG data URL. */
async function drawnWhole(fw: Framework, format: ImageFormat, opts: { pixelRatio?: number; background?: string; laneOrientation?: LaneOrientation }): Promise<string> {
  const { svg, width, height } = wholeMapSvg(fw, opts.laneOrientation ?? 'horizontal', opts.background ?? '#ffffff');
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  if (format === 'svg') return url;
  const k = Math.min(opts.pixelRatio ?? 2, MAX_SIDE / Math.max(width, height));
  const img = new Image();
  img.src = url;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * k));
  canvas.height = Math.max(1, Math.round(height * k));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the image.');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}

/** The SVG markup inside an `image/svg+xml` data URL. */
export function svgText(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  const head = dataUrl.slice(0, comma);
  const body = dataUrl.slice(comma + 1);
  return head.includes(';base64') ? atob(body) : decodeURIComponent(body);
}
