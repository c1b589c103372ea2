import type { Framework } from '../../../../src-core/model/types';
import { backwardLinkPath, runsBackwards } from '../../canvas/edges/backwardLink';
import { NODE_H, NODE_W } from '../../canvas/geometry';
import { laneGeometry } from '../../canvas/lanes/laneGeometry';
import type { LaneOrientation } from '../../store/session';

/**
 * The whole map drawn from the document itself, as SVG markup: every domain lane with its name at its
 * top-left, every prerequisite link, every competency card (domain colour, code, the start of its
 * statement, its domain). A large map's canvas holds only what is in view (or, zoomed out, paints an
 * overview instead of cards), so an image of the whole of it cannot be a copy of the canvas's page
 * elements: it is drawn here. Light colours, for paper and slides, whatever the app's theme.
 */
export interface WholeMapSvg {
  svg: string;
  /** Size of the drawing in flow units (1 unit = 1 CSS pixel at zoom 1). */
  width: number;
  height: number;
}

const PAD = 32;
const CODE_Y = 24;
const TEXT_Y = 44;
const LINE_H = 15;
const LINES = 3;
/** Characters of the 12 px statement per line of a card (its text is NODE_W − 28 px wide). */
const CHARS_PER_LINE = Math.floor((NODE_W - 28) / 6.4);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r = (v: number) => Math.round(v * 10) / 10;
const n = (v: number) => String(r(v));

/** A statement in at most `lines` lines of `width` characters, broken between words, the last one ellipsed. */
export function wrapStatement(text: string, width = CHARS_PER_LINE, lines = LINES): string[] {
  const out: string[] = [];
  let line = '';
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    let w = words[i]!;
    if (w.length > width) w = `${w.slice(0, width - 1)}…`;
    const next = line ? `${line} ${w}` : w;
    if (next.length <= width) {
      line = next;
      continue;
    }
    out.push(line);
    line = w;
    if (out.length === lines) {
      out[lines - 1] = `${out[lines - 1]!.slice(0, width - 1).trimEnd()}…`;
      return out;
    }
  }
  if (line) out.push(line);
  return out;
}

/** The whole map as SVG (see {@link WholeMapSvg}); `background` fills the drawing (default white). */
export function wholeMapSvg(fw: Pick<Framework, 'competencies' | 'domains' | 'prerequisites'>, orientation: LaneOrientation, background = '#ffffff'): WholeMapSvg {
  const cards = Object.values(fw.competencies);
  const lanes = laneGeometry(fw, orientation);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const grow = (x: number, y: number, w: number, h: number) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + w);
    maxY = Math.max(maxY, y + h);
  };
  for (const c of cards) grow(c.position.x, c.position.y, NODE_W, NODE_H);
  for (const l of lanes) grow(l.x, l.y, l.width, l.height);
  if (!cards.length) throw new Error('The map is empty: there is nothing to draw.');
  const x0 = minX - PAD;
  const y0 = minY - PAD;
  const width = maxX - minX + 2 * PAD;
  const height = maxY - minY + 2 * PAD;
  const lr = orientation !== 'vertical';
  const domains = new Map(fw.domains.map((d) => [d.id, d]));
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="${n(x0)} ${n(y0)} ${n(width)} ${n(height)}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><polygon points="0,0 10,5 0,10" fill="#94a3b8"/></marker></defs>',
    `<rect x="${n(x0)}" y="${n(y0)}" width="${n(width)}" height="${n(height)}" fill="${esc(background)}"/>`,
  );
  // lanes, each named at its top-left
  for (const l of lanes) {
    parts.push(
      `<g class="lane" data-domain="${esc(l.domainId)}"><rect x="${n(l.x)}" y="${n(l.y)}" width="${n(l.width)}" height="${n(l.height)}" rx="10" fill="${esc(l.color)}" fill-opacity="0.08" stroke="${esc(l.color)}" stroke-opacity="0.3"/>` +
        `<text x="${n(l.x + 10)}" y="${n(l.y + 21)}" font-size="12" font-weight="700" fill="${esc(l.color)}">${l.code ? `<tspan font-family="ui-monospace, Menlo, Consolas, monospace">${esc(l.code)}</tspan> ` : ''}${esc(l.title)}</text></g>`,
    );
  }
  // links: from the right edge of a prerequisite to the left edge of what it unlocks (top → bottom with columns)
  parts.push('<g class="links" fill="none" stroke="#94a3b8" stroke-width="1.5" marker-end="url(#arrow)">');
  const boxes = cards.map((c) => ({ x: c.position.x, y: c.position.y, width: NODE_W, height: NODE_H }));
  for (const link of fw.prerequisites.values()) {
    const a = fw.competencies[link.from];
    const b = fw.competencies[link.to];
    if (!a || !b) continue;
    if (lr) {
      const sx = a.position.x + NODE_W;
      const sy = a.position.y + NODE_H / 2;
      const tx = b.position.x;
      const ty = b.position.y + NODE_H / 2;
      const d = Math.max(40, Math.abs(tx - sx) / 2);
      // backwards (e.g. the link closing a cycle): round below the cards, as on the canvas, not along the row behind them
      if (runsBackwards(sx, sy, tx, ty, 'y')) parts.push(`<path d="${backwardLinkPath(r(sx), r(sy), r(tx), r(ty), 'y', boxes)}"/>`);
      else parts.push(`<path d="M${n(sx)} ${n(sy)} C${n(sx + d)} ${n(sy)} ${n(tx - d)} ${n(ty)} ${n(tx)} ${n(ty)}"/>`);
    } else {
      const sx = a.position.x + NODE_W / 2;
      const sy = a.position.y + NODE_H;
      const tx = b.position.x + NODE_W / 2;
      const ty = b.position.y;
      const d = Math.max(40, Math.abs(ty - sy) / 2);
      if (runsBackwards(sx, sy, tx, ty, 'x')) parts.push(`<path d="${backwardLinkPath(r(sx), r(sy), r(tx), r(ty), 'x', boxes)}"/>`);
      else parts.push(`<path d="M${n(sx)} ${n(sy)} C${n(sx)} ${n(sy + d)} ${n(tx)} ${n(ty - d)} ${n(tx)} ${n(ty)}"/>`);
    }
  }
  parts.push('</g>');
  // cards
  for (const c of cards) {
    const d = c.domainId ? domains.get(c.domainId) : undefined;
    const color = d?.color ?? '#94a3b8';
    const lines = wrapStatement(c.statement);
    parts.push(
      `<g class="competency" data-code="${esc(c.code)}" transform="translate(${n(c.position.x)} ${n(c.position.y)})">` +
        `<rect width="${NODE_W}" height="${NODE_H}" rx="8" fill="#ffffff" stroke="#cbd5e1"/>` +
        `<rect width="5" height="${NODE_H}" rx="2" fill="${esc(color)}"/>` +
        `<text x="14" y="${CODE_Y}" font-size="13" font-weight="700" fill="#0f172a" font-family="ui-monospace, Menlo, Consolas, monospace">${esc(c.code)}</text>` +
        `<text x="14" y="${TEXT_Y}" font-size="12" fill="#334155">${lines.map((t, i) => `<tspan x="14" dy="${i ? LINE_H : 0}">${esc(t)}</tspan>`).join('')}</text>` +
        (d ? `<text x="14" y="${NODE_H - 12}" font-size="10" fill="#64748b">${esc(wrapStatement(d.title, CHARS_PER_LINE + 4, 1)[0] ?? '')}</text>` : '') +
        '</g>',
    );
  }
  parts.push('</svg>');
  return { svg: parts.join(''), width, height };
}
