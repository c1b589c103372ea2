import type { Position } from '../../../../src-core/model/types';
import { NODE_H, NODE_W } from '../geometry';

export type AlignMode = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom' | 'distribute-h' | 'distribute-v';

export const ALIGN_LABELS: Record<AlignMode, string> = {
  left: 'Align left',
  center: 'Align centres (vertical axis)',
  right: 'Align right',
  top: 'Align top',
  middle: 'Align middles (horizontal axis)',
  bottom: 'Align bottom',
  'distribute-h': 'Distribute horizontally',
  'distribute-v': 'Distribute vertically',
};

/** New top-left positions for aligning / distributing nodes of the fixed node size. */
export function alignPositions(nodes: Record<string, Position>, mode: AlignMode): Record<string, Position> {
  const entries = Object.entries(nodes);
  if (entries.length < 2) return {};
  const xs = entries.map(([, p]) => p.x);
  const ys = entries.map(([, p]) => p.y);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const out: Record<string, Position> = {};
  const set = (id: string, p: Position) => (out[id] = { x: Math.round(p.x), y: Math.round(p.y) });
  switch (mode) {
    case 'left':
    case 'right':
    case 'center': {
      const x = mode === 'left' ? minX : mode === 'right' ? maxX : (minX + maxX) / 2;
      for (const [id, p] of entries) set(id, { x, y: p.y });
      break;
    }
    case 'top':
    case 'bottom':
    case 'middle': {
      const y = mode === 'top' ? minY : mode === 'bottom' ? maxY : (minY + maxY) / 2;
      for (const [id, p] of entries) set(id, { x: p.x, y });
      break;
    }
    case 'distribute-h': {
      const sorted = entries.sort((a, b) => a[1].x - b[1].x);
      const step = Math.max((maxX - minX) / (sorted.length - 1), NODE_W + 20);
      sorted.forEach(([id, p], i) => set(id, { x: minX + i * step, y: p.y }));
      break;
    }
    case 'distribute-v': {
      const sorted = entries.sort((a, b) => a[1].y - b[1].y);
      const step = Math.max((maxY - minY) / (sorted.length - 1), NODE_H + 20);
      sorted.forEach(([id, p], i) => set(id, { x: p.x, y: minY + i * step }));
      break;
    }
  }
  return out;
}
